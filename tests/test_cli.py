"""The ``siap`` command as a user runs it: output, exit codes, languages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assembler.validate import validate_workspace
from tests.conftest import CONTOH, replace_in, run


def _without_known(err: str, lang: str = "id") -> list[str]:
    """stderr without the example's known cross-topic contradictions (issue 11, tests/test_konsistensi.py)."""
    problems = validate_workspace(CONTOH).problems
    known = {p.render(lang) for p in problems if p.code.startswith("konsistensi.")}
    return [line for line in err.splitlines() if line not in known]


def _known_count() -> int:
    return sum(p.code.startswith("konsistensi.") for p in validate_workspace(CONTOH).problems)


def test_check_example_exits_0_and_prints_the_status_table() -> None:
    code, out, err = run("check", str(CONTOH))
    assert code == 0, err
    assert _without_known(err) == [f"0 kesalahan, {_known_count()} peringatan"]
    assert "  1.1-stakeholder-pokja.yaml           terisi" in out
    assert "  sk-pokja                   dapat dibuat" in out  # ids padded to the longest one
    assert "  kerja-sama-antar-instansi  dapat dibuat" in out
    assert out.rstrip().endswith("Ruang kerja valid.")


def test_check_reports_all_problems_and_exits_1(contoh: Path) -> None:
    replace_in(contoh / "stpp.yaml", "  nama: Lembah Sari\n", "  nama: Lembah Sari\n  naam: Lembah\n")
    replace_in(contoh / "stpp.yaml", "tahun: 2026", "tahun: dua ribu")
    code, out, err = run("check", str(contoh))
    assert code == 1
    assert _without_known(err) == [
        "stpp.yaml:7:3: daerah.naam: kunci tidak dikenal; maksud Anda 'nama'?",
        "stpp.yaml:27:8: tahun: harus berupa bilangan bulat (angka saja, tanpa titik atau koma), tertulis dua ribu",
        f"2 kesalahan, {_known_count()} peringatan",
    ]
    assert "  stpp.yaml                            berisi kesalahan" in out
    assert out.rstrip().endswith("Ruang kerja tidak valid: perbaiki kesalahan di atas lalu jalankan 'siap check' lagi.")


def test_lang_en_before_or_after_the_command(contoh: Path) -> None:
    replace_in(contoh / "stpp.yaml", "  nama: Lembah Sari\n", "  nama: Lembah Sari\n  naam: Lembah\n")
    for argv in (["--lang", "en", "check", str(contoh)], ["check", str(contoh), "--lang", "en"]):
        code, out, err = run(*argv)
        assert code == 1
        assert _without_known(err, "en")[0] == "stpp.yaml:7:3: daerah.naam: unknown key; did you mean 'nama'?"
        assert out.rstrip().endswith("Workspace is invalid: fix the errors above and run 'siap check' again.")


def test_check_of_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "tidak-ada"))
    assert code == 2
    assert err.splitlines()[0] == f"{tmp_path / 'tidak-ada'}: folder kerja tidak ditemukan"


def test_unknown_option_is_a_usage_error() -> None:
    code, out, err = run("check", "--tidak-ada")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "siap: kesalahan: argumen tidak dikenal: --tidak-ada"


def test_init_then_check_round_trip(tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    code, out, _ = run("init", str(ws))
    assert code == 0
    assert "stpp.yaml dan 21 berkas topik" in out
    code, out, err = run("check", str(ws))
    assert (code, err) == (0, "")
    assert "  2.1-isu-utama.yaml                   belum diisi" in out


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "isi.txt").write_text("x", encoding="utf-8")
    code, _, err = run("init", str(tmp_path))
    assert code == 2
    assert err.splitlines()[0] == f"folder '{tmp_path}' sudah ada dan tidak kosong; pilih folder baru"


def test_schema_writes_one_file_per_workspace_file(tmp_path: Path) -> None:
    code, out, _ = run("schema", "-o", str(tmp_path / "skema"))
    assert code == 0
    assert "(22 berkas)" in out
    assert (tmp_path / "skema" / "2.1-isu-utama.schema.json").is_file()


def test_internal_error_is_one_line_without_verbose(monkeypatch: pytest.MonkeyPatch) -> None:
    import assembler.facade

    def boom(_: Path) -> None:
        raise RuntimeError("rusak")

    monkeypatch.setattr(assembler.facade, "check", boom)
    code, _, err = run("check", ".")
    assert code == 70
    assert err == "kesalahan internal: RuntimeError: rusak (jalankan ulang dengan --verbose untuk rinciannya)\n"
    code, _, err = run("check", ".", "--verbose")
    assert "Traceback (most recent call last)" in err


def test_python_dash_m_works() -> None:
    proc = subprocess.run([sys.executable, "-m", "assembler", "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("siap ")
