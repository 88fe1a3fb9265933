"""``siap build`` as a package: what is written, what is refused, and that nothing is lost."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from assembler.build import build
from tests.conftest import replace_in, run, stderr_without_known_contradictions


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_twice_gives_byte_identical_docx_manifest_and_zip(contoh: Path, tmp_path: Path) -> None:
    build(contoh, tmp_path / "a" / "out", only=["sk-pokja", "citizen-charter"])
    build(contoh, tmp_path / "b" / "out", only=["sk-pokja", "citizen-charter"])
    assert snapshot(tmp_path / "a" / "out") == snapshot(tmp_path / "b" / "out")
    assert (tmp_path / "a" / "out.zip").read_bytes() == (tmp_path / "b" / "out.zip").read_bytes()


def test_manifest_follows_the_contract(contoh: Path, tmp_path: Path) -> None:
    result = build(contoh, tmp_path / "out", only=["sk-pokja", "smart-logframe"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert list(manifest) == ["generator", "workspace", "inputs", "documents", "skipped"]
    assert manifest["generator"]["name"] == "siap"
    assert manifest["workspace"] == {
        "daerah": "Kabupaten Lembah Sari",
        "pdam": "Perusahaan Umum Daerah Air Minum Tirta Lestari Kabupaten Lembah Sari",
        "tahun": 2026,
    }
    assert [i["path"] for i in manifest["inputs"]][:3] == [
        "1.1-stakeholder-pokja.yaml", "1.2-kalender-kerja.yaml", "2.1-isu-utama.yaml"
    ]
    sk = manifest["documents"][0]
    assert (sk["id"], sk["file"], sk["sources"][0]) == ("sk-pokja", "01-sk-pokja.docx", "1.1")
    assert [d.file for d in result.built] == [d["file"] for d in manifest["documents"]]
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert sorted(zf.namelist()) == sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".siap")


def test_skipped_documents_name_the_topic_files_they_wait_for(contoh: Path, tmp_path: Path) -> None:
    (contoh / "5.1-skema-tindakan.yaml").unlink()
    code, out, _ = run("build", str(contoh), "-o", str(tmp_path / "out"), "--only", "smart-logframe", "sk-pokja")
    assert code == 0
    assert "  dilewati  smart-logframe: menunggu 5.1-skema-tindakan.yaml" in out
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["skipped"] == [{"id": "smart-logframe", "waiting_for": ["5.1"]}]


def test_invalid_input_writes_nothing_and_exits_1(contoh: Path, tmp_path: Path) -> None:
    replace_in(contoh / "stpp.yaml", "tahun: 2026", "tahun: dua ribu")
    code, _, err = run("build", str(contoh), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "tahun: harus berupa bilangan bulat" in err
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.zip").exists()


def test_unknown_document_id_is_a_usage_error_with_a_suggestion(contoh: Path, tmp_path: Path) -> None:
    code, _, err = run("build", str(contoh), "-o", str(tmp_path / "out"), "--only", "sk-pokya")
    assert code == 2
    assert err.splitlines()[0] == "naskah 'sk-pokya' tidak dikenal; maksud Anda 'sk-pokja'?"


def test_hand_edited_document_is_kept_byte_for_byte_and_the_build_goes_on(contoh: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(contoh, out, only=["sk-pokja"])
    edited = out / "01-sk-pokja.docx"
    edited.write_bytes(edited.read_bytes() + b"\0")  # any change, as Word's save would make
    before = snapshot(out)
    replace_in(contoh / "stpp.yaml", "nama: Hendra Wijayakusuma", "nama: Hendra Wijaya Kusuma")
    code, stdout, err = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja")
    assert (code, stderr_without_known_contradictions(err)) == (0, "")
    assert stdout.splitlines()[0].startswith("  dipertahankan  01-sk-pokja.docx: ")
    assert edited.read_bytes() == before["01-sk-pokja.docx"]


def test_force_moves_edited_documents_into_the_archive_first(contoh: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(contoh, out, only=["sk-pokja"])
    edited_bytes = (out / "01-sk-pokja.docx").read_bytes() + b"\0"
    (out / "01-sk-pokja.docx").write_bytes(edited_bytes)
    (out / "catatan-bagian-hukum.txt").write_text("cek Diktum KETIGA", encoding="utf-8")
    code, stdout, _ = run("build", str(contoh), "-o", str(out), "--only", "sk-pokja", "--force")
    assert code == 0
    (stamp,) = list((out / "arsip").iterdir())
    assert (stamp / "01-sk-pokja.docx").read_bytes() == edited_bytes
    assert (stamp / "catatan-bagian-hukum.txt").read_text(encoding="utf-8") == "cek Diktum KETIGA"
    assert not (out / "catatan-bagian-hukum.txt").exists()
    assert "Berkas yang disunting tangan atau tidak dibuat siap dipindahkan ke" in stdout
    # the archive is carried through later builds
    build(contoh, out, only=["sk-pokja"])
    assert (out / "arsip" / stamp.name / "01-sk-pokja.docx").read_bytes() == edited_bytes


def test_an_unrelated_folder_is_never_overwritten(contoh: Path, tmp_path: Path) -> None:
    out = tmp_path / "dokumen-saya"
    out.mkdir()
    (out / "skripsi.docx").write_bytes(b"penting")
    code, _, err = run("build", str(contoh), "-o", str(out))
    assert code == 2
    assert "bukan paket siap" in err
    assert (out / "skripsi.docx").read_bytes() == b"penting"


def test_workspace_template_overrides_the_shipped_one(contoh: Path, tmp_path: Path) -> None:
    from docx import Document

    from assembler.resources import TEMPLATES_DIR

    (contoh / "templates").mkdir()
    doc = Document(str(TEMPLATES_DIR / "sk-pokja.docx"))
    doc.paragraphs[0].insert_paragraph_before("KOP SEKRETARIAT DAERAH KABUPATEN LEMBAH SARI")
    doc.save(str(contoh / "templates" / "sk-pokja.docx"))
    build(contoh, tmp_path / "out", only=["sk-pokja"])
    rendered = Document(str(tmp_path / "out" / "01-sk-pokja.docx"))
    assert rendered.paragraphs[0].text == "KOP SEKRETARIAT DAERAH KABUPATEN LEMBAH SARI"


def test_pdf_failure_keeps_the_docx_package_and_exits_4(
    contoh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIAP_SOFFICE", "/bin/false")  # an office that dies at once
    code, _, err = run("build", str(contoh), "-o", str(tmp_path / "out"), "--only", "sk-pokja", "--pdf")
    assert code == 4
    assert "Paket .docx tetap ditulis lengkap" in err
    # the inputs were valid: the PDF failure ends with what happened and what to do, not "1 kesalahan"
    assert err.splitlines()[-1] == (
        "PDF tidak dibuat (lihat di atas), tetapi paket .docx sudah ditulis lengkap. Setelah masalahnya diatasi, "
        "jalankan 'siap build --pdf' lagi, atau cetak naskahnya dari Word."
    )
    assert "1 kesalahan, 0 peringatan" not in err
    assert (tmp_path / "out" / "01-sk-pokja.docx").is_file()
    assert not list((tmp_path / "out").glob("*.pdf"))
