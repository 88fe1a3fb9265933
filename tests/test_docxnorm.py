"""A normalized .docx depends only on its content and the caller's core properties."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

from docx import Document

from assembler.docxnorm import FIXED_ZIP_TIME, CoreProps, member_order, normalize_docx
from assembler.render import render_docx

PROPS = CoreProps(
    title="Draft SK Pokja",
    author="siap",
    revision=3,
    created=dt.datetime(2026, 1, 2, 3, 4, 5),
    modified=dt.datetime(2026, 1, 2, 3, 4, 5),
)


def _template(tmp_path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Nama: {{ nama }}")
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


def _rezip_with_time(data: bytes, when: tuple[int, int, int, int, int, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in reversed(zin.infolist()):  # a different member order as well
            zout.writestr(zipfile.ZipInfo(info.filename, date_time=when), zin.read(info.filename))
    return out.getvalue()


def test_render_twice_is_byte_identical(tmp_path: Path) -> None:
    path = _template(tmp_path)
    one = normalize_docx(render_docx(path, {"nama": "A & B"}), PROPS)
    time.sleep(2.1)  # zip timestamps have 2-second resolution: make the clock visible
    two = normalize_docx(render_docx(path, {"nama": "A & B"}), PROPS)
    assert one == two


def test_timestamps_and_member_order_do_not_matter(tmp_path: Path) -> None:
    raw = render_docx(_template(tmp_path), {"nama": "x"})
    a = normalize_docx(_rezip_with_time(raw, (2001, 2, 3, 4, 5, 6)), PROPS)
    b = normalize_docx(_rezip_with_time(raw, (2024, 12, 31, 23, 59, 58)), PROPS)
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])
        assert {i.date_time for i in infos} == {FIXED_ZIP_TIME}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_core_properties_come_from_the_caller(tmp_path: Path) -> None:
    data = normalize_docx(render_docx(_template(tmp_path), {"nama": "x"}), PROPS)
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == "Draft SK Pokja"
    assert props.author == "siap"
    assert props.last_modified_by == "siap"
    assert props.revision == 3
    assert props.created == dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert props.language == "id-ID"


def test_without_dates_no_date_is_written(tmp_path: Path) -> None:
    data = normalize_docx(render_docx(_template(tmp_path), {"nama": "x"}), CoreProps(title="T & <U>"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        core = zf.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "dcterms:modified" not in core
    assert Document(io.BytesIO(data)).core_properties.title == "T & <U>"


def test_different_props_give_different_bytes(tmp_path: Path) -> None:
    raw = render_docx(_template(tmp_path), {"nama": "x"})
    assert normalize_docx(raw, PROPS) != normalize_docx(raw, CoreProps(title="lain"))


def test_member_order() -> None:
    assert member_order(["word/document.xml", "_rels/.rels", "[Content_Types].xml", "docProps/app.xml"]) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/app.xml",
        "word/document.xml",
    ]
