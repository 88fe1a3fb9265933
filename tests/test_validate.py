"""Whole-workspace validation: every problem of a run, each at its file and line, word for word."""

from __future__ import annotations

from pathlib import Path

from assembler.facade import check
from assembler.loading import format_loc
from assembler.validate import validate_workspace
from tests.conftest import replace_in


def messages(ws: Path, lang: str = "id") -> list[str]:
    """Every problem except the example's known cross-topic contradictions (tests/test_konsistensi.py)."""
    return [p.render(lang) for p in validate_workspace(ws).problems if not p.code.startswith("konsistensi.")]


def test_the_example_is_valid_without_warnings(contoh: Path) -> None:
    # Its known cross-topic contradictions (issue 11) are listed in tests/test_konsistensi.py.
    problems = validate_workspace(contoh).problems
    assert [p.render() for p in problems if not p.code.startswith("konsistensi.")] == []


def test_four_problems_in_four_files_are_reported_together(contoh: Path) -> None:
    replace_in(contoh / "stpp.yaml", "  nama: Lembah Sari\n", "  nama: Lembah Sari\n  naam: Lembah\n")
    replace_in(
        contoh / "2.1-isu-utama.yaml",
        "    skor: {urgensi: 5, cakupan: 5, kelayakan: 4}",
        "    skor: {urgensi: 5, cakupan: 5 kelayakan: 4}",
    )
    replace_in(contoh / "2.3-kesenjangan.yaml", "    target: 25\n", "    target: 25\n    target: 20\n")
    replace_in(
        contoh / "5.1-skema-tindakan.yaml",
        "              penanggung_jawab: m-kabid-hublang",
        "              penanggung_jawab: m-kabid-hublng",
    )
    result = validate_workspace(contoh)
    assert not result.ok
    assert [p.render() for p in result.errors] == [
        "2.1-isu-utama.yaml:27:44: sintaks YAML tidak valid: di dalam kurung kurawal {…} diharapkan ',' atau '}' "
        "(koma terlupa?)",
        "2.3-kesenjangan.yaml:13:5: kunci 'target' ditulis dua kali (pertama di baris 12); hapus salah satunya",
        "5.1-skema-tindakan.yaml:219:33: tujuan.sasaran[1].keluaran[0].kegiatan[1].penanggung_jawab: anggota Pokja "
        "'m-kabid-hublng' tidak ditemukan di 1.1-stakeholder-pokja.yaml / 4.5-organisasi.yaml; "
        "maksud Anda 'm-kabid-hublang'?",
        "stpp.yaml:7:3: daerah.naam: kunci tidak dikenal; maksud Anda 'nama'?",
    ]


def test_problems_in_english(contoh: Path) -> None:
    replace_in(contoh / "stpp.yaml", "  nama: Lembah Sari\n", "  nama: Lembah Sari\n  naam: Lembah\n")
    assert messages(contoh, "en") == ["stpp.yaml:7:3: daerah.naam: unknown key; did you mean 'nama'?"]


def test_wrong_type_and_literal_are_explained(contoh: Path) -> None:
    replace_in(contoh / "stpp.yaml", "  jenis: kabupaten", "  jenis: kabupatn")
    replace_in(contoh / "stpp.yaml", "tahun: 2026", "tahun: dua ribu")
    assert messages(contoh) == [
        "stpp.yaml:5:10: daerah.jenis: harus salah satu dari 'kabupaten' atau 'kota', tertulis 'kabupatn'; "
        "maksud Anda 'kabupaten'?",
        "stpp.yaml:26:8: tahun: harus berupa bilangan bulat (angka saja, tanpa titik atau koma), tertulis dua ribu",
    ]


def test_missing_required_field_points_at_its_parent(contoh: Path) -> None:
    replace_in(contoh / "stpp.yaml", "  ibu_kota: Sarimulya\n", "")
    assert messages(contoh) == ["stpp.yaml:5:3: daerah.ibu_kota: wajib diisi"]


def test_duplicate_id_names_the_first_definition(contoh: Path) -> None:
    replace_in(contoh / "1.1-stakeholder-pokja.yaml", "  - id: sh-bappeda", "  - id: sh-setda")
    problems = [p for p in messages(contoh) if "sudah dipakai" in p]
    assert problems[0].startswith("1.1-stakeholder-pokja.yaml:")
    assert "kode stakeholder 'sh-setda' sudah dipakai di 1.1-stakeholder-pokja.yaml:" in problems[0]


def test_an_absent_topic_is_not_an_error_and_its_references_are_not_checked(contoh: Path) -> None:
    (contoh / "4.5-organisasi.yaml").unlink()
    (contoh / "1.1-stakeholder-pokja.yaml").unlink()
    report = check(contoh)
    assert report.ok
    states = {t.id: t.status for t in report.topics}
    assert states["4.5"] == "absent" and states["1.1"] == "absent" and states["5.1"] == "valid"
    waiting = {d.dokumen.id: d.waiting_for for d in report.documents}
    assert waiting["sk-pokja"] == ("1.1",)
    assert waiting["smart-logframe"] == ()


def test_unknown_file_name_gets_a_did_you_mean(contoh: Path) -> None:
    (contoh / "2.1-isu-utama.yaml").rename(contoh / "2.1-isu-utam.yaml")
    assert (
        "2.1-isu-utam.yaml: peringatan: berkas ini bukan berkas topik STPP dan tidak dibaca; "
        "maksud Anda '2.1-isu-utama.yaml'?" in messages(contoh)
    )


def test_symlink_leaving_the_workspace_is_not_read(contoh: Path, tmp_path: Path) -> None:
    outside = tmp_path / "rahasia.yaml"
    outside.write_text("daerah: {}\n", encoding="utf-8")
    (contoh / "stpp.yaml").unlink()
    (contoh / "stpp.yaml").symlink_to(outside)
    assert "stpp.yaml: tautan simbolik mengarah ke luar folder kerja dan tidak dibaca" in messages(contoh)


def test_format_loc_counts_list_indices_from_zero() -> None:
    assert format_loc(("isu", 2, "skor", "urgensi")) == "isu[2].skor.urgensi"


def test_references_into_an_invalid_topic_are_not_reported_twice(contoh: Path) -> None:
    replace_in(
        contoh / "1.1-stakeholder-pokja.yaml",
        "      stakeholder: sh-setda\n",
        "      stakeholder: sh-setda\n      stakeholder: sh-bappeda\n",
    )
    assert messages(contoh) == [
        "1.1-stakeholder-pokja.yaml:140:7: kunci 'stakeholder' ditulis dua kali (pertama di baris 139); "
        "hapus salah satunya"
    ]


def test_citing_a_repealed_regulation_warns_with_its_replacement(contoh: Path) -> None:
    replace_in(contoh / "1.1-stakeholder-pokja.yaml", "    - uu-23-2014\n", "    - uu-32-2004\n")
    result = validate_workspace(contoh)
    assert result.ok
    assert [p.render() for p in result.warnings if not p.code.startswith("konsistensi.")] == [
        "1.1-stakeholder-pokja.yaml:269:7: peringatan: sk.mengingat[1]: Undang-Undang Nomor 32 Tahun 2004 tentang "
        "Pemerintahan Daerah telah dicabut oleh Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
        "(Pasal 409 huruf b); gunakan penggantinya"
    ]
