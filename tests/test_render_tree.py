"""The rendered body parsed inside the document (assembler.render_tree) writes exactly what docxtpl's own
parse, table fix and move write; where it cannot show that, docxtpl's own path runs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree

from assembler import render_tree
from assembler.render import Gambar, render_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _table_template(tmp_path: Path, rows: list[list[str]], name: str = "tabel.docx") -> Path:
    doc = Document()
    doc.add_paragraph("Judul {{ judul }}")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("Penutup")
    path = tmp_path / name
    doc.save(str(path))
    return path


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _both_ways(monkeypatch: pytest.MonkeyPatch, path: Path, context: dict[str, Any]) -> tuple[dict[str, bytes], bool]:
    """Every part as rendered by siap, whether the in-document parse was used, and docxtpl's own parts."""
    used: list[bool] = []
    parse = render_tree.parse_in_document

    def spy(template: Any, xml: str) -> Any:
        body = parse(template, xml)
        used.append(body is not None)
        return body

    monkeypatch.setattr(render_tree, "parse_in_document", spy)
    ours = _parts(render_docx(path, context))
    monkeypatch.setattr(render_tree, "parse_in_document", lambda template, xml: None)
    theirs = _parts(render_docx(path, context))
    assert ours == theirs
    return ours, used == [True]


def _grid(parts: dict[str, bytes]) -> list[int]:
    root = etree.fromstring(parts["word/document.xml"])
    return [len(grid.findall(f"{{{W}}}gridCol")) for grid in root.iter(f"{{{W}}}tblGrid")]


def test_a_plain_table_is_parsed_in_the_document_and_written_as_docxtpl_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _table_template(tmp_path, [["No", "Kegiatan", "Biaya"], ["{{ n }}", "{{ k }} & <x>", "Rp{{ b }}"]])
    parts, in_document = _both_ways(monkeypatch, path, {"judul": "A", "n": 1, "k": "Rehab\tpipa", "b": "5.000"})
    assert in_document
    assert _grid(parts) == [3]
    assert b"Rehab" in parts["word/document.xml"]


@pytest.mark.parametrize("value", ["a\r\nb", "a\rb", "\r", "tab\there\nnew\fpage", "x &amp; <y> \u00a0\u200b"])
def test_line_ends_and_marks_in_a_value_come_out_as_docxtpl_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    path = _table_template(tmp_path, [["{{ v }}", "x"]])
    _parts_written, in_document = _both_ways(monkeypatch, path, {"judul": value, "v": value})
    assert in_document


def test_a_table_with_tc_column_tags_is_still_fixed_by_docxtpl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``{%tc for %}`` makes the header row five cells wide: docxtpl adds the grid's columns."""
    rows = [["{%tc for c in kolom %}", "{{ c }}", "{%tc endfor %}"], ["a", "b", "c"]]
    path = _table_template(tmp_path, rows)
    parts, in_document = _both_ways(monkeypatch, path, {"judul": "B", "kolom": ["1", "2", "3", "4", "5"]})
    assert not in_document
    assert _grid(parts) == [5]


def test_a_table_whose_tc_loop_shrinks_every_row_loses_its_extra_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _table_template(tmp_path, [["{%tc for c in kolom %}", "{{ c }}", "{%tc endfor %}"]])
    parts, in_document = _both_ways(monkeypatch, path, {"judul": "C", "kolom": ["satu"]})
    assert not in_document
    assert _grid(parts) == [1]


def test_a_document_with_a_picture_keeps_docxtpls_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docxtpl's picture brings its own namespace declarations, which docxtpl's move would rewrite."""
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(png, format="PNG")
    path = _table_template(tmp_path, [["{{ gambar }}", "x"]])
    parts, in_document = _both_ways(monkeypatch, path, {"judul": "D", "gambar": Gambar(png.getvalue(), 20.0)})
    assert not in_document
    assert any(name.startswith("word/media/") for name in parts)


_COL = '<w:gridCol w:w="1000"/>'


def _table(grid: int, *rows: str) -> Any:
    xml = (
        f'<w:body xmlns:w="{W}"><w:tbl><w:tblGrid>{_COL * grid}</w:tblGrid>'
        + "".join(f"<w:tr>{row}</w:tr>" for row in rows)
        + "</w:tbl></w:body>"
    )
    return etree.fromstring(xml)


def _span(n: str) -> str:
    return f'<w:tc><w:tcPr><w:gridSpan w:val="{n}"/></w:tcPr></w:tc>'


@pytest.mark.parametrize(
    ("body", "stays"),
    [
        (_table(3, "<w:tc/>" * 3, "<w:tc/>" * 3), True),
        (_table(3, _span("2") + "<w:tc/>", "<w:tc/>" * 3), True),
        (_table(3, _span("3")), True),
        (_table(3, "<w:tc/>" * 4), False),  # a row wider than the grid: columns added
        (_table(3, "<w:tc/>" * 2, _span("2")), False),  # no row spans the grid: columns removed
        (_table(3), False),  # no row at all: docxtpl removes every column
        (_table(3, _span("2x") + "<w:tc/>"), False),  # not a number docxtpl's int() reads as XPath does
        (_table(3, _span("") + "<w:tc/>" * 2), False),
        (_table(3, '<w:tc><w:tcPr><w:gridSpan/></w:tcPr></w:tc><w:tc/><w:tc/>'), False),
        (etree.fromstring(f'<w:body xmlns:w="{W}"><w:tbl><w:tr><w:tc/></w:tr></w:tbl></w:body>'), False),
        # docxtpl counts a nested table's rows for the outer table too
        (_table(2, "<w:tc/><w:tc><w:tbl><w:tblGrid>" + _COL * 3 + "</w:tblGrid><w:tr>"
                + "<w:tc/>" * 3 + "</w:tr></w:tbl></w:tc>"), False),
        (_table(2, "<w:tc/><w:tc><w:tbl><w:tblGrid>" + _COL * 1 + "</w:tblGrid><w:tr>"
                + "<w:tc/>" + "</w:tr></w:tbl></w:tc>"), True),
    ],
)
def test_tables_stay_only_where_docxtpls_fix_tables_changes_nothing(body: Any, stays: bool) -> None:
    from docxtpl import DocxTemplate

    assert render_tree.tables_stay(body, W) is stays
    before = etree.tostring(body)
    try:
        after = etree.tostring(DocxTemplate.fix_tables(None, before.decode()))
    except (TypeError, ValueError, AttributeError):
        after = None  # docxtpl fails on this table; siap hands it to docxtpl, which reports the same
    assert (after == before) is stays
