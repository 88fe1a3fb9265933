"""Read a generated .docx back the way a reader sees it, for golden files and form assertions."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree


def open_docx(source: Path | bytes) -> DocumentObject:
    return Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def blocks(doc: DocumentObject) -> list[Paragraph | Table]:
    """Body paragraphs and tables in document order."""
    out: list[Paragraph | Table] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            out.append(Table(child, doc))
    return out


def paragraph_texts(source: Path | bytes, style: str | None = None) -> list[str]:
    """Text of the non-empty body paragraphs in order; with ``style``, only those of that style."""
    return [
        b.text
        for b in blocks(open_docx(source))
        if isinstance(b, Paragraph) and b.text.strip() and (style is None or (b.style and b.style.name == style))
    ]


def body_tables(source: Path | bytes) -> list[Table]:
    """The body's tables in order (nested tables stay inside their cells)."""
    return [b for b in blocks(open_docx(source)) if isinstance(b, Table)]


def cell_text(cell: Any) -> str:
    return "\n".join(p.text for p in cell.paragraphs).strip()


def table_rows(table: Table) -> list[list[str]]:
    """Cell texts per row; a horizontally merged cell appears once."""
    rows = []
    for row in table.rows:
        texts: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts.append(cell_text(cell))
        rows.append(texts)
    return rows


def header_rows_repeat(table: Table) -> list[bool]:
    flags = []
    for row in table.rows:
        trpr = row._tr.trPr
        flags.append(trpr is not None and trpr.find(qn("w:tblHeader")) is not None)
    return flags


def sections(doc: DocumentObject) -> list[dict[str, Any]]:
    return [
        {
            "lebar_mm": round(int(s.page_width or 0) / 36000),
            "tinggi_mm": round(int(s.page_height or 0) / 36000),
            "orientasi": "mendatar" if int(s.page_width or 0) > int(s.page_height or 0) else "tegak",
        }
        for s in doc.sections
    ]


def normalized(source: Path | bytes) -> dict[str, Any]:
    """The content a golden file pins: paragraphs with their style, tables as cell text, page setup."""
    doc = open_docx(source)
    body: list[Any] = []
    for block in blocks(doc):
        if isinstance(block, Paragraph):
            if block.text.strip():
                body.append({"p": block.text, "gaya": block.style.name if block.style is not None else ""})
        else:
            body.append({"tabel": table_rows(block)})
    return {"halaman": sections(doc), "isi": body}


def all_text(source: Path | bytes) -> str:
    """Every piece of text in the body, tables included, headers and footers too."""
    doc = open_docx(source)
    parts = [t.text or "" for t in doc.element.body.iter(qn("w:t"))]
    for section in doc.sections:
        for part in (section.header, section.footer):
            parts += [t.text or "" for t in part._element.iter(qn("w:t"))]
    return "".join(parts)


#: The parts of a .docx a reader sees text in (styles, numbering and settings hold none).
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")


def text_lines(source: Path | bytes) -> list[str]:
    """Every paragraph a reader sees, one line each, in every text part (body, tables, text boxes,
    headers, footers, notes): a tab is ``\\t``, a line break ``\\n``.

    Unlike :func:`all_text`, neighbouring cells and paragraphs never run together, so a code at the end
    of one cell cannot hide against the first word of the next.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    w_p, w_t, w_tab, w_br, w_cr = (qn(x) for x in ("w:p", "w:t", "w:tab", "w:br", "w:cr"))
    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(n for n in z.namelist() if _TEXT_PARTS.fullmatch(n)):
            root = etree.fromstring(z.read(name))
            for p in root.iter(w_p):
                out = []
                for el in p.iter(w_t, w_tab, w_br, w_cr):
                    # A nested paragraph (a text box inside this one) is read as its own line.
                    if next(a for a in el.iterancestors(w_p)) is not p:
                        continue
                    out.append(el.text or "" if el.tag == w_t else "\t" if el.tag == w_tab else "\n")
                lines.append("".join(out))
    return lines
