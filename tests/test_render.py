"""Rendering is safe for user text: escaped, literal, XML-legal, and strict about missing keys."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from assembler.errors import SiapError
from assembler.render import RenderError, clean_context, clean_text, has_illegal_chars, render_docx


def _template(tmp_path: Path, *lines: str, name: str = "uji.docx") -> Path:
    """A tiny template, one run per paragraph (as tools/build_templates.py writes them)."""
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / name
    doc.save(str(path))
    return path


def _texts(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


@pytest.fixture
def three(tmp_path: Path) -> Path:
    return _template(tmp_path, "Awal {{ a }} akhir", "Kedua: {{ b }}", "Paragraf penutup")


def test_xml_special_characters_survive_and_do_not_truncate(three: Path) -> None:
    value = 'PT "Air" & Co <Cabang> \'Timur\' > 5 & < 7'
    texts = _texts(render_docx(three, {"a": value, "b": "x & y"}))
    assert texts == [f"Awal {value} akhir", "Kedua: x & y", "Paragraf penutup"]


def test_user_text_with_jinja_syntax_stays_literal(three: Path) -> None:
    texts = _texts(render_docx(three, {"a": "{{ 7*7 }}", "b": "{% if true %}ya{% endif %}"}))
    assert texts[0] == "Awal {{ 7*7 }} akhir"
    assert texts[1] == "Kedua: {% if true %}ya{% endif %}"


def test_docxtpl_escape_markers_in_user_text_are_not_rewritten(three: Path) -> None:
    # docxtpl turns "{_{" into "{{" after rendering; user text must come out as typed.
    texts = _texts(render_docx(three, {"a": "{_{ x }_} {_% y %_}", "b": 1}))
    assert texts[0] == "Awal {_{ x }_} {_% y %_} akhir"


def test_missing_variable_names_template_and_variable(three: Path) -> None:
    with pytest.raises(RenderError) as info:
        render_docx(three, {"a": "ada"}, name="sk-pokja.docx")
    problem = info.value.problems[0]
    assert problem.code == "render.undefined"
    assert problem.file == "sk-pokja.docx"
    assert problem.params["variabel"] == "b"
    assert isinstance(info.value, SiapError)
    assert "sk-pokja.docx" in problem.render("id") and "'b'" in problem.render("id")


def test_missing_attribute_is_named(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ ttd.nama }}")
    with pytest.raises(RenderError) as info:
        render_docx(path, {"ttd": {"jabatan": "BUPATI"}})
    assert info.value.problems[0].params["variabel"] == "nama"
    assert info.value.problems[0].file == "uji.docx"


def test_none_renders_as_empty_not_the_word_none(tmp_path: Path) -> None:
    path = _template(tmp_path, "[{{ x }}]")
    assert _texts(render_docx(path, {"x": None})) == ["[]"]


def test_control_characters_are_removed_and_document_stays_valid(three: Path) -> None:
    data = render_docx(three, {"a": "bel\x07 nul\x00 vt\x0b ff\x0c esc\x1b", "b": "tab\tok"})
    texts = _texts(data)
    assert texts[0] == "Awal bel nul vt ff esc akhir"
    assert texts[2] == "Paragraf penutup"


def test_clean_text_keeps_legal_whitespace_and_unicode() -> None:
    assert clean_text("a\tb\nc\rd é 日本 😀") == "a\tb\nc\rd é 日本 😀"
    assert clean_text("x\x00\x08\x1f\ufffey") == "xy"
    assert has_illegal_chars("a\x01") and not has_illegal_chars("a\tb")
    assert clean_context({"k": ["a\x02", ("b\x03",)], "n": 5}) == {"k": ["a", ["b"]], "n": 5}


def test_sandbox_blocks_attribute_walks(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ ''.__class__.__mro__ }}")
    with pytest.raises(RenderError):
        render_docx(path, {})


def test_broken_tag_is_reported_with_template_name(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ a }", "{% if %}")
    with pytest.raises(RenderError) as info:
        render_docx(path, {"a": 1}, name="rusak.docx")
    assert info.value.problems[0].code == "render.syntax"
    assert info.value.problems[0].file == "rusak.docx"


def test_idfmt_filters_are_available(tmp_path: Path) -> None:
    idfmt = pytest.importorskip("assembler.idfmt")
    path = _template(tmp_path, "{{ n | rupiah }}", "{{ n | terbilang_rupiah }}", "{{ 12 | diktum }}")
    texts = _texts(render_docx(path, {"n": 1250000}))
    assert texts == [idfmt.rupiah(1250000), idfmt.terbilang_rupiah(1250000), idfmt.diktum(12)]
    assert texts[0] == "Rp1.250.000"


def test_render_twice_gives_the_same_document_xml(three: Path) -> None:
    import zipfile

    ctx = {"a": "sama & sama", "b": 2}
    one, two = render_docx(three, ctx), render_docx(three, ctx)
    with zipfile.ZipFile(io.BytesIO(one)) as z1, zipfile.ZipFile(io.BytesIO(two)) as z2:
        assert z1.read("word/document.xml") == z2.read("word/document.xml")


@pytest.mark.parametrize(
    ("value", "printed"),
    [("x\r\ny", "x\ny"), ("x\ry", "x\ny"), ("x\r\n\r\ny", "x\n\ny"), ("x\ny", "x\ny")],
)
def test_a_windows_line_end_is_one_line_break(tmp_path: Path, value: str, printed: str) -> None:
    """Text pasted from a Windows program or a workbook cell carries CR LF: one break, not an empty line."""
    path = _template(tmp_path, "Awal {{ a }} akhir", "Paragraf penutup")
    assert _texts(render_docx(path, {"a": value})) == [f"Awal {printed} akhir", "Paragraf penutup"]


def test_arbitrary_unicode_never_breaks_the_document(tmp_path: Path) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    path = _template(tmp_path, "Awal {{ a }} akhir", "Paragraf penutup")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(max_size=60))
    def check(value: str) -> None:
        texts = _texts(render_docx(path, {"a": value}))
        expected = clean_text(value).replace("\r\n", "\n").replace("\r", "\n")
        assert texts == [f"Awal {expected} akhir", "Paragraf penutup"]

    check()


def test_the_listing_pass_on_marked_paragraphs_only_writes_what_docxtpls_whole_pass_writes() -> None:
    """A tab, newline, \\a or \\f in a text becomes Word's marks; siap hands docxtpl only those paragraphs."""
    from docxtpl import DocxTemplate

    from assembler import render

    cls = render._template_class()
    run = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    para = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p>'
    texts = ["plain", "a\tb", "line\nbreak", "new\aparagraph", "page\fbreak", "", "<w:tab/> & more"]
    body = "".join(para.format(run.format(t) + run.format(u)) for t in texts for u in texts[:3])
    box = para.format(run.format("in\nbox"))
    nested = para.format(f"<w:r><w:pict><w:txbxContent>{box}</w:txbxContent></w:pict></w:r>")
    for xml in [body, body.replace("\n", " ").replace("\t", " "), nested + body, "<w:tbl>\n</w:tbl>" + body, ""]:
        template = cls.__new__(cls)
        assert cls.resolve_listing(template, xml) == DocxTemplate.resolve_listing(template, xml)
