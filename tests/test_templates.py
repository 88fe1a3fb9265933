"""The shipped templates: up to date with their generator, F4, styled, and rendering cleanly."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from assembler.docxnorm import CoreProps, normalize_docx
from assembler.render import render_docx
from tests.helpers.libreoffice import convert, needs_soffice

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "assembler" / "templates_docx"
DATA = Path(__file__).resolve().parent / "data"
NAMES = ["sk-pokja", "citizen-charter"]


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_templates", REPO / "tools" / "build_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_templates"] = module
    spec.loader.exec_module(module)
    return module


bt = _load_builder()

from tools.templates import kit  # noqa: E402 - importable once the builder put the repo on sys.path


def _context(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {
        n: normalize_docx(render_docx(TEMPLATES / f"{n}.docx", _context(n)), CoreProps(title=n)) for n in NAMES
    }


def _all_text(doc: object) -> list[str]:
    """Every paragraph text, body and table cells, in document order."""
    body = doc.element.body  # type: ignore[attr-defined]
    return [Paragraph(p, cast(Any, None)).text for p in body.iter(qn("w:p"))]


def _row_flag(row: Any, tag: str) -> bool:
    trpr = row._tr.trPr
    return trpr is not None and trpr.find(qn(tag)) is not None


@pytest.mark.parametrize("name", NAMES)
def test_templates_on_disk_match_the_generator(tmp_path: Path, name: str) -> None:
    bt.build_all(tmp_path)
    with zipfile.ZipFile(TEMPLATES / f"{name}.docx") as disk, zipfile.ZipFile(tmp_path / f"{name}.docx") as fresh:
        assert disk.namelist() == fresh.namelist()
        stale = [n for n in disk.namelist() if disk.read(n) != fresh.read(n)]
    assert stale == [], f"run: python tools/build_templates.py  (changed parts: {stale})"


def test_generator_is_deterministic() -> None:
    assert bt.template_bytes("sk-pokja.docx") == bt.template_bytes("sk-pokja.docx")


@pytest.mark.parametrize("name", NAMES)
def test_pages_are_f4_portrait(name: str) -> None:
    doc = Document(str(TEMPLATES / f"{name}.docx"))
    for section in doc.sections:
        assert abs(int(section.page_width or 0) - Mm(215)) <= Mm(0.5)
        assert abs(int(section.page_height or 0) - Mm(330)) <= Mm(0.5)
        assert section.orientation == WD_ORIENT.PORTRAIT


def test_landscape_section_helper() -> None:
    doc = kit.new_document(kit.style_kit_naskah)
    doc.add_paragraph("tegak")
    land = kit.add_landscape_section(doc)
    # (python-docx's Section object follows the body's last sectPr, so measure before moving on)
    assert abs(kit.text_width(land) - (Mm(330) - kit.NASKAH_MARGINS.left - kit.NASKAH_MARGINS.right)) <= Mm(0.5)
    doc.add_paragraph("mendatar")
    kit.add_portrait_section(doc)
    buf = io.BytesIO()
    doc.save(buf)
    sections = Document(io.BytesIO(buf.getvalue())).sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert abs(int(sections[1].page_width or 0) - Mm(330)) <= Mm(0.5)
    assert abs(int(sections[1].page_height or 0) - Mm(215)) <= Mm(0.5)


def test_sk_uses_bookman_old_style_12_and_indonesian() -> None:
    doc = Document(str(TEMPLATES / "sk-pokja.docx"))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Bookman Old Style"
    assert normal.font.size.pt == 12
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert {fonts.get(qn(k)) for k in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Bookman Old Style"}
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "id-ID"


@pytest.mark.parametrize("name", NAMES)
def test_named_styles_exist(name: str) -> None:
    doc = Document(str(TEMPLATES / f"{name}.docx"))
    names = {s.name for s in doc.styles}
    for style in ["Judul Naskah", "Judul Bab", "Subjudul", "Isi", "Isi Rata Kanan", "Tabel Isi", "Tabel Kepala",
                  "Daftar Bernomor", "Tanda Tangan", "Blok Kanan", "Tabel Bergaris", "Tabel Tanpa Garis"]:
        assert style in names
    assert doc.styles["Judul Naskah"].font.bold and doc.styles["Judul Naskah"].font.all_caps


@pytest.mark.parametrize("name", NAMES)
def test_footer_has_page_field(name: str) -> None:
    doc = Document(str(TEMPLATES / f"{name}.docx"))
    footer = doc.sections[0].footer._element
    assert any("PAGE" in (t.text or "") for t in footer.iter(qn("w:instrText")))


@pytest.mark.parametrize("name", NAMES)
def test_renders_without_leftover_tags(rendered: dict[str, bytes], name: str) -> None:
    doc = Document(io.BytesIO(rendered[name]))
    texts = _all_text(doc)
    assert not [t for t in texts if "{{" in t or "{%" in t or "}}" in t or "%}" in t]


def test_sk_parts_in_order(rendered: dict[str, bytes]) -> None:
    texts = [t for t in _all_text(Document(io.BytesIO(rendered["sk-pokja"]))) if t]
    ctx = _context("sk-pokja")
    expected = [
        "KEPUTUSAN BUPATI LEMBAH SARI",
        "NOMOR … TAHUN 2026",
        "TENTANG",
        ctx["tentang"],
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "BUPATI LEMBAH SARI,",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN :",
        "Menetapkan",
        "KESATU",
        "KELIMA",
        "Ditetapkan di Sarimulya",
        "pada tanggal ",
        "BUPATI LEMBAH SARI,",
        "HENDRA WIJAYAKUSUMA",
        "Tembusan :",
        "LAMPIRAN",
        "KEPUTUSAN BUPATI LEMBAH SARI",
        ctx["lampiran_judul"],
        "No",
        "URAIAN TUGAS",
        "A.\tPengarah",
        "BUPATI LEMBAH SARI,",
        "HENDRA WIJAYAKUSUMA",
    ]
    pos = -1
    for item in expected:
        pos = texts.index(item, pos + 1)
    # The Menimbang label appears once, on the first row, not once per item.
    assert texts.count("Menimbang") == 1
    assert "c." in texts and texts[texts.index("c.") + 1].startswith("bahwa berdasarkan pertimbangan")


def test_sk_label_tables_are_borderless_and_member_table_repeats_header(rendered: dict[str, bytes]) -> None:
    doc = Document(io.BytesIO(rendered["sk-pokja"]))
    tables = doc.tables
    assert [t.style.name for t in tables if t.style is not None] == ["Tabel Tanpa Garis"] * 3 + ["Tabel Bergaris"]
    menimbang = tables[0]
    assert len(menimbang.rows) == 3 and [c.text for c in menimbang.rows[0].cells][:3] == ["Menimbang", ":", "a."]
    assert [c.text for c in menimbang.rows[1].cells][:2] == ["", ""]
    members = tables[3]
    assert _row_flag(members.rows[0], "w:tblHeader")
    assert [c.text for c in members.rows[0].cells] == ["No", "Jabatan", "Kedudukan dalam Pokja"]
    assert len(members.rows) == 1 + 8
    for row in members.rows:
        assert _row_flag(row, "w:cantSplit")
    assert members.rows[8].cells[1].text == "Ketua Forum Pelanggan Tirta Lestari & Koordinator LSM <Gerakan Peduli Air>"
    diktum = tables[2]
    assert [r.cells[0].text for r in diktum.rows] == ["Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
    kedua = [p.text for p in diktum.rows[2].cells[2].paragraphs]
    assert kedua[1:] == ["a.\tmenyusun Skema Tindakan Peningkatan Pelayanan;", "b.\tmenyusun Citizen Charter; dan",
                         "c.\tmelaporkan hasil pelaksanaan tugas kepada Bupati."]
    style = diktum.rows[2].cells[2].paragraphs[1].style
    assert style is not None and style.name == "Butir"


def test_sk_lampiran_starts_on_a_new_page(rendered: dict[str, bytes]) -> None:
    doc = Document(io.BytesIO(rendered["sk-pokja"]))
    lampiran = next(p for p in doc.paragraphs if p.text == "LAMPIRAN")
    assert lampiran.paragraph_format.page_break_before is True
    assert lampiran.style is not None and lampiran.style.name == "Blok Kanan"


def test_sk_without_tembusan_has_no_tembusan_block() -> None:
    ctx = _context("sk-pokja")
    ctx["tembusan"] = []
    doc = Document(io.BytesIO(render_docx(TEMPLATES / "sk-pokja.docx", ctx)))
    assert "Tembusan :" not in [p.text for p in doc.paragraphs]


def test_walikota_comes_from_the_context() -> None:
    ctx = _context("sk-pokja")
    ctx.update(judul="KEPUTUSAN WALIKOTA SARI KOTA", jabatan="WALIKOTA SARI KOTA,")
    texts = _all_text(Document(io.BytesIO(render_docx(TEMPLATES / "sk-pokja.docx", ctx))))
    assert texts.count("WALIKOTA SARI KOTA,") == 3  # office line and both signature blocks
    assert "BUPATI LEMBAH SARI," not in texts


def test_citizen_charter_tables(rendered: dict[str, bytes]) -> None:
    doc = Document(io.BytesIO(rendered["citizen-charter"]))
    tables = doc.tables
    signers = tables[0]
    assert len(signers.rows[0].cells) == 2
    # Offices on the first row, names on the second: names line up whatever the offices' length.
    assert [p.text for p in signers.rows[0].cells[1].paragraphs] == ["", "DIREKTUR UTAMA,"]
    assert signers.rows[1].cells[1].paragraphs[0].text == "Ir. BAMBANG SUTRISNO, M.T."
    standar = tables[1:3]
    for t in standar:
        assert [c.text for c in t.rows[0].cells] == ["No", "Komponen", "Uraian"]
        assert _row_flag(t.rows[0], "w:tblHeader")
    assert len(standar[0].rows) == 1 + 6
    assert [p.text for p in standar[0].rows[1].cells[2].paragraphs] == [
        "1.\tFotokopi Kartu Tanda Penduduk;", "2.\tFotokopi Kartu Keluarga;", "3.\tDenah lokasi rumah."]
    assert "½\" & meter air" in standar[0].rows[4].cells[2].text
    assert [c.text for c in tables[3].rows[0].cells] == ["No", "Layanan", "Janji Layanan", "Waktu/Ukuran"]
    assert tables[3].rows[2].cells[3].text == "≤ 3 hari kerja (90% pengaduan)"
    assert [c.text for c in tables[4].rows[0].cells] == ["No", "Saluran", "Alamat/Kontak", "Waktu Layanan"]


def test_citizen_charter_with_one_signatory() -> None:
    ctx = _context("citizen-charter")
    ctx["penandatangan"] = [{"sebutan": "", "jabatan": "DIREKTUR UTAMA,", "nama": "X", "nip": "19700101 199001 1 001"}]
    doc = Document(io.BytesIO(render_docx(TEMPLATES / "citizen-charter.docx", ctx)))
    rows = doc.tables[0].rows
    assert len(rows[0].cells) == len(rows[1].cells) == 1
    assert "NIP. 19700101 199001 1 001" in [p.text for p in rows[1].cells[0].paragraphs]


@needs_soffice
def test_libreoffice_converts_rendered_templates(tmp_path: Path, rendered: dict[str, bytes]) -> None:
    files = []
    for name, data in rendered.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        files.append(path)
    for pdf in convert(files, tmp_path, timeout=240):
        assert pdf.read_bytes().startswith(b"%PDF")
        assert pdf.stat().st_size > 5000
