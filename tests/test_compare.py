"""``siap compare``: the Bagian Hukum's edits, paragraph by paragraph and cell by cell."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from assembler.cli import main
from assembler.compare import compare_files


def make(path: Path, paragraphs: list[str], table: list[list[str]]) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
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
        "  - KESATU : Membentuk Pokja.",
        "  + KESATU : Membentuk Kelompok Kerja.",
        "paragraf 4: dihapus",
        "  - Penutup",
        "tabel 1, baris 2, kolom 2: diubah",
        "  - Sekretaris Daerah",
        "  + Sekretaris Daerah Kabupaten",
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
