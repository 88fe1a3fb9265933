"""Page flow of the signable instruments, read from the built .docx: what a printed page must not show.

No heading or lead-in (a paragraph ending with ':') ends a page without what it introduces, and every
bordered table with a header row repeats it on each page it runs onto. (The page images themselves
are looked at with LibreOffice in tests/test_printing.py and by hand: docs/dev/sop-simbol.md.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.helpers.docx_content import blocks, header_rows_repeat, open_docx
from tests.helpers.example import build_example

DOCS = ["sk-pokja", "citizen-charter", "juklak-juknis", "catatan-perancang", "standar-pelayanan",
        "kerja-sama-antar-instansi"]

#: Styles of headings: each keeps with the next paragraph (or table).
HEADINGS = {"Judul Naskah", "Judul Bab", "Judul Pasal", "Judul Pasal Isi", "Subjudul", "Subbab",
            "Daftar Berhuruf", "Judul Tabel"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_example(tmp_path_factory, DOCS)


def _keeps_with_next(p: Paragraph) -> bool:
    """keep-with-next as Word resolves it: direct formatting, else the style chain."""
    if p.paragraph_format.keep_with_next is not None:
        return bool(p.paragraph_format.keep_with_next)
    style = p.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


def _body(path: Path) -> list[Paragraph | Table]:
    return list(blocks(open_docx(path)))


@pytest.mark.parametrize("doc_id", DOCS)
def test_headings_and_lead_ins_keep_with_what_follows(built: dict[str, Path], doc_id: str) -> None:
    body = _body(built[doc_id])
    loose = []
    for block in body:
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
        style = block.style.name if block.style is not None else ""
        lead_in = block.text.rstrip().endswith(":")
        if (style in HEADINGS or lead_in) and not _keeps_with_next(block):
            loose.append(f"{style}: {block.text[:60]}")
    assert loose == []
    # The check has something to check: each instrument has headings or lead-ins.
    assert any(isinstance(b, Paragraph) and b.style is not None and b.style.name in HEADINGS for b in body)


@pytest.mark.parametrize("doc_id", DOCS)
def test_bordered_tables_repeat_their_header_row(built: dict[str, Path], doc_id: str) -> None:
    tables = [b for b in _body(built[doc_id]) if isinstance(b, Table)]
    bordered = [t for t in tables if t.style is not None and t.style.name == "Tabel Bergaris"]
    for table in bordered:
        first = table.rows[0].cells
        # An SOP's identity sheet is a form, not a list with a header: it has no row to repeat.
        if first[0].text == "DASAR HUKUM:" or any(c.text == "NOMOR SOP" for c in first):
            continue
        assert header_rows_repeat(table)[0], f"{doc_id}: tabel '{first[0].text[:30]}' tanpa baris judul berulang"
    if doc_id != "kerja-sama-antar-instansi":
        assert bordered
