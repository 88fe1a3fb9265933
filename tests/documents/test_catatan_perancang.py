"""The drafter's notes: one document, per document, of what the Bagian Hukum must confirm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.table import Table

from assembler.documents import juklak_juknis, sk_pokja
from assembler.documents.catatan import JENIS_LABEL
from assembler.documents.registry import BY_ID, file_name
from assembler.workspace_view import WorkspaceView
from tests.helpers.docx_content import all_text, blocks, normalized, open_docx, paragraph_texts

DOC_ID = "catatan-perancang"


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_file_name_appended_without_renumbering_existing_documents() -> None:
    assert file_name(BY_ID["sk-pokja"]) == "01-sk-pokja.docx"
    assert file_name(BY_ID["pertemuan-7.2"]) == "36-pertemuan-7.2.docx"
    assert file_name(BY_ID[DOC_ID]) == "37-catatan-perancang.docx"


def _notes_of(path: Path) -> dict[str, list[str]]:
    """Section title -> the note texts of its table."""
    out: dict[str, list[str]] = {}
    current = ""
    for b in blocks(open_docx(path)):
        if isinstance(b, Table):
            out[current] = [r.cells[2].text for r in b.rows[1:]]
        elif b.style is not None and b.style.name == "Subjudul":
            current = b.text.split("\t", 1)[1]
    return out


def test_lists_every_note_the_sk_and_the_perbup_had(docx_path: Path, view: WorkspaceView) -> None:
    notes = _notes_of(docx_path)
    assert list(notes) == [
        BY_ID[d].judul
        for d in ("sk-pokja", "juklak-juknis", "standar-pelayanan", "kerja-sama-antar-instansi", "penetapan-stpp")
    ]
    assert notes[BY_ID["sk-pokja"].judul] == [
        c.teks for c in sorted(sk_pokja.catatan(view), key=lambda c: list(JENIS_LABEL).index(c.jenis))
    ]
    perbup = notes[BY_ID["juklak-juknis"].judul]
    # Every regulation note the Perbup's notes page had (same statuses, now cited as Mengingat).
    assert sum("belum terkonfirmasi" in n and n.startswith("Mengingat angka") for n in perbup) == 11
    assert any(n.startswith("Perbaikan yang disepakati dalam rapat 12 Mei 2026:") for n in perbup)
    assert set(perbup) == {c.teks for c in juklak_juknis.catatan(view)}


def test_sections_name_the_file_and_the_kind(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paras[0] == "CATATAN PERANCANG UNTUK BAGIAN HUKUM"
    assert "Berkas: 01-sk-pokja.docx" in paras and "Berkas: 05-juklak-juknis.docx" in paras
    text = all_text(docx_path)
    for jenis in ("Status regulasi", "Pilihan bentuk naskah", "Hasil kesepakatan"):
        assert jenis in text
