"""``siap compare``: the Bagian Hukum's edits, word by word, and ``-o`` as tracked changes."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from assembler.cli import main
from assembler.compare import compare_files, word_diff
from tests.helpers.revisions import accepted, plain, rejected


def make(path: Path, paragraphs: list[str], *tables: list[list[str]]) -> Path:
    """A .docx of ``paragraphs`` followed by ``tables`` (rows of cell texts)."""
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    for table in tables:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    doc.save(str(path))
    return path


def test_reports_changed_added_removed_paragraphs_and_cells(tmp_path: Path) -> None:
    old = make(
        tmp_path / "lama.docx",
        ["KEPUTUSAN BUPATI", "Menimbang", "KESATU : Membentuk Pokja.", "Penutup"],
        [["No", "Jabatan"], ["1", "Sekretaris Daerah"], ["2", "Kepala Bappeda"]],
    )
    new = make(
        tmp_path / "baru.docx",
        ["KEPUTUSAN BUPATI", "Menimbang", "Sisipan Bagian Hukum.", "KESATU : Membentuk Kelompok Kerja."],
        [["No", "Jabatan"], ["1", "Sekretaris Daerah Kabupaten"], ["2", "Kepala Bappeda"]],
    )
    assert compare_files(old, new) == [
        "paragraf 3: ditambahkan",
        "  + Sisipan Bagian Hukum.",
        "paragraf 3 → 4: diubah",
        "  ~ KESATU : Membentuk [-Pokja-]{+Kelompok Kerja+}.",
        "paragraf 4: dihapus",
        "  - Penutup",
        "tabel 1, baris 2, kolom 2: diubah",
        "  ~ Sekretaris Daerah{+ Kabupaten+}",
        "2 diubah, 1 ditambahkan, 1 dihapus.",
    ]


def test_an_inserted_paragraph_does_not_shift_everything(tmp_path: Path) -> None:
    old = make(tmp_path / "a.docx", ["satu", "dua", "tiga"], [["x"]])
    new = make(tmp_path / "b.docx", ["satu", "sisipan", "dua", "tiga"], [["x"], ["y"]])
    assert compare_files(old, new) == [
        "paragraf 2: ditambahkan",
        "  + sisipan",
        "tabel 1, baris 2: ditambahkan",
        "  + y",
        "0 diubah, 2 ditambahkan, 0 dihapus.",
    ]


def test_identical_documents(tmp_path: Path) -> None:
    a = make(tmp_path / "a.docx", ["satu"], [["x"]])
    assert compare_files(a, a) == ["Tidak ada perbedaan isi."]


def test_cli_exit_codes(tmp_path: Path) -> None:
    a = make(tmp_path / "a.docx", ["satu"], [["x"]])
    out, err = io.StringIO(), io.StringIO()
    assert main(["compare", str(a), str(a)], stdout=out, stderr=err) == 0
    assert main(["compare", str(a), str(tmp_path / "tidak-ada.docx")], stdout=out, stderr=err) == 2
    assert "tidak dapat dibaca sebagai .docx" in err.getvalue()


def test_only_the_changed_words_are_shown_with_a_little_context() -> None:
    text = (
        "Pokja sebagaimana dimaksud dalam Diktum KESATU melaksanakan tugas sejak tanggal Keputusan ini "
        "ditetapkan sampai dengan tanggal 31 Desember 2026."
    )
    assert word_diff(text, text.replace("31 Desember 2026", "30 Juni 2027")) == (
        "… ditetapkan sampai dengan tanggal [-31 Desember 2026-]{+30 Juni 2027+}."
    )
    assert word_diff("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas", (
        "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas"
    )) == "… delapan sembilan sepuluh sebelas{+ dua belas+}"
    assert word_diff("a b c d e f g h i j k l m n o p q r s t", "a b c d e f g X i j k l m n o p q r s t Y") == (
        "… d e f g [-h-]{+X+} i j k l … q r s t{+ Y+}"
    )


def test_report_in_english(tmp_path: Path) -> None:
    old = make(tmp_path / "a.docx", ["KESATU : Membentuk Pokja."], [["x"]])
    new = make(tmp_path / "b.docx", ["KESATU : Membentuk Kelompok Kerja."], [["x"]])
    assert compare_files(old, new, "en") == [
        "paragraph 1 → 1: changed",
        "  ~ KESATU : Membentuk [-Pokja-]{+Kelompok Kerja+}.",
        "1 changed, 0 added, 0 removed.",
    ]


def test_output_writes_the_comparison_as_tracked_changes(tmp_path: Path) -> None:
    old = make(
        tmp_path / "lama.docx",
        ["KEPUTUSAN BUPATI", "KESATU : Membentuk Pokja.", "Penutup"],
        [["No", "Jabatan"], ["1", "Sekretaris Daerah"], ["2", "Kepala Bappeda"]],
    )
    new = make(
        tmp_path / "baru.docx",
        ["KEPUTUSAN BUPATI", "Sisipan Bagian Hukum.", "KESATU : Membentuk Kelompok Kerja."],
        [["No", "Jabatan"], ["1", "Sekretaris Daerah Kabupaten"], ["3", "Kepala Dinas PUPR"]],
    )
    target = tmp_path / "redline.docx"
    out, err = io.StringIO(), io.StringIO()
    assert main(["compare", str(old), str(new), "-o", str(target)], stdout=out, stderr=err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[-1] == f"{target}: perbandingan ditulis sebagai tracked changes (9 revisi)"
    # "Penutup" stands right before the table: Word keeps its (now empty) paragraph, so compare words.
    assert [t for t in accepted(target) if t] == plain(new)
    assert rejected(target) == plain(old)
    first = target.read_bytes()
    assert main(["compare", str(old), str(new), "-o", str(target), "--lang", "en"], stdout=out, stderr=err) == 0
    assert out.getvalue().splitlines()[-1] == f"{target}: comparison written as tracked changes (9 revisions)"
    assert target.read_bytes() == first  # same files, same bytes: the date comes from NEW, not the clock


def test_output_never_overwrites_a_compared_file(tmp_path: Path) -> None:
    old = make(tmp_path / "a.docx", ["satu"], [["x"]])
    new = make(tmp_path / "b.docx", ["dua"], [["x"]])
    before = old.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    assert main(["compare", str(old), str(new), "-o", str(old)], stdout=out, stderr=err) == 2
    assert err.getvalue().splitlines() == [
        f"{old}: berkas hasil -o tidak boleh sama dengan berkas yang dibandingkan; pilih nama lain",
        "1 kesalahan, 0 peringatan",
    ]
    assert out.getvalue() == ""
    assert old.read_bytes() == before


def test_a_table_inserted_by_the_drafter_shifts_no_other_table(tmp_path: Path) -> None:
    menimbang = [["Menimbang", "a.", "bahwa satu"], ["", "b.", "bahwa dua"]]
    anggota = [["No", "Jabatan"], ["1.", "Sekretaris Daerah"], ["2.", "Kepala Bappeda"]]
    sisipan = [["Catatan", "tabel baru dari Bagian Hukum"]]
    old = make(tmp_path / "a.docx", ["KEPUTUSAN BUPATI"], menimbang, anggota)
    anggota_baru = [*anggota[:2], ["2.", "Kepala Badan Perencanaan"]]
    new = make(tmp_path / "b.docx", ["KEPUTUSAN BUPATI"], menimbang, sisipan, anggota_baru)
    assert compare_files(old, new) == [
        "tabel 2: ditambahkan (1 baris)",
        "tabel 3, baris 3, kolom 2: diubah",
        "  ~ Kepala [-Bappeda-]{+Badan Perencanaan+}",
        "1 diubah, 1 ditambahkan, 0 dihapus.",
    ]


def test_an_amount_or_a_date_changes_as_a_whole() -> None:
    assert word_diff("kegiatan senilai Rp1.950.000.000 dapat", "kegiatan senilai Rp1.975.000.000 dapat") == (
        "kegiatan senilai [-Rp1.950.000.000-]{+Rp1.975.000.000+} dapat"
    )
    assert word_diff("berlaku sampai 31/12/2026.", "berlaku sampai 30/06/2027.") == (
        "berlaku sampai [-31/12/2026-]{+30/06/2027+}."
    )


def test_output_that_cannot_be_written_is_one_clear_line(tmp_path: Path) -> None:
    old = make(tmp_path / "a.docx", ["satu"], [["x"]])
    new = make(tmp_path / "b.docx", ["dua"], [["x"]])
    target = tmp_path / "redline.docx"
    target.mkdir()  # stands for a file Word holds open: the move into place fails
    out, err = io.StringIO(), io.StringIO()
    assert main(["compare", str(old), str(new), "-o", str(target)], stdout=out, stderr=err) == 2
    assert err.getvalue().splitlines() == [
        f"{target}: tidak dapat ditulis: Is a directory; tutup berkas itu bila sedang dibuka di Word, lalu ulangi",
        "1 kesalahan, 0 peringatan",
    ]
    assert not list(tmp_path.glob(".*siap-tmp"))  # nothing half-written is left behind
