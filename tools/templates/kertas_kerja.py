"""Template of the working papers, one per stage (``kertas-kerja.docx``).

A working paper is printed for the next session ("Fasilitator mereview hasil Tahap sebelumnya"):
landscape F4 throughout, because most worksheets are wide. The template is generic: the context is
a list of topics, each a list of blocks (paragraph, sub-heading, list, table; see
``assembler/documents/lembar.py``). Tables are laid out on a grid of ``GRID`` equal columns and every
cell spans the grid columns its width needs (docxtpl ``{% colspan %}``), so tables with any number
of columns keep proportional widths in Word and LibreOffice alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Row

from assembler.documents.lembar import GRID
from tools.templates.kit import (
    Margins,
    _new_row,
    auto_width,
    cant_split,
    control,
    mark_header_row,
    new_document,
    para,
    paragraph_style,
    setup_page,
    style_kit_naskah,
    text_width,
)

MARGINS = Margins(top=Cm(2.2), bottom=Cm(1.8), left=Cm(2.5), right=Cm(2.0))

#: Cell style per ``gaya`` of lembar.py, in the order the template tests them.
CELL_STYLES: tuple[tuple[str, str], ...] = (
    ("angka", "Tabel Angka"),
    ("tengah", "Tabel Tengah"),
    ("tebal", "Tabel Tebal"),
    ("tebal_angka", "Tabel Tebal Angka"),
)


def style_kit_kertas_kerja(doc: DocumentObject) -> None:
    """Worksheet styles: Arial 10 pt body, 9 pt tables, the kit's named styles otherwise."""
    style_kit_naskah(doc, font="Arial", size=10)
    left, center, right = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    paragraph_style(
        doc,
        "Judul Topik",
        bold=True,
        size=12,
        align=left,
        before=12,
        after=6,
        keep_next=True,
        outline=1,
        next_style="Isi",
    )
    paragraph_style(doc, "Subjudul Kertas", bold=True, align=left, before=6, after=3, keep_next=True, outline=2)
    paragraph_style(doc, "Judul Tabel", bold=True, align=left, before=9, after=3, keep_next=True)
    paragraph_style(doc, "Catatan Tabel", size=9, align=left, before=2, after=2)
    paragraph_style(doc, "Kepala Halaman", size=8, align=right)
    paragraph_style(doc, "Belum Disusun", align=left, after=6)
    # A point above and below keeps text off the grid lines of dense tables.
    for name in ("Tabel Isi", "Tabel Angka", "Tabel Kepala"):
        paragraph_style(doc, name, size=9, before=1, after=1)
    paragraph_style(doc, "Tabel Tengah", base="Tabel Isi", align=center)
    paragraph_style(doc, "Tabel Tebal", base="Tabel Isi", bold=True)
    paragraph_style(doc, "Tabel Tebal Angka", base="Tabel Angka", bold=True)


def _grid_table(doc: DocumentObject, width: int) -> tuple[Table, int]:
    """A fixed-layout table of ``GRID`` equal grid columns spanning the text width."""
    col = int(width / GRID / 635)  # EMU -> twips (1 twip = 635 EMU), whole twips
    table = doc.add_table(rows=0, cols=GRID)
    table.style = "Tabel Bergaris"
    table.autofit = False
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(col * GRID))
    tblw.set(qn("w:type"), "dxa")
    for gc in table._tbl.tblGrid.findall(qn("w:gridCol")):
        gc.set(qn("w:w"), str(col))
    return table, col


def _row(table: Table, spans: tuple[int, ...]) -> _Row:
    """A row whose cells span ``spans`` grid columns (merged with python-docx, so gridSpan is valid)."""
    row = _new_row(table)
    start = 0
    merged = []
    for span in spans:
        cells = row.cells
        cell = cells[start].merge(cells[start + span - 1]) if span > 1 else cells[start]
        merged.append(cell)
        start += span
    tr = row._tr
    for tc in tr.findall(qn("w:tc")):
        cell_width = tc.get_or_add_tcPr().get_or_add_tcW()
        cell_width.set(qn("w:type"), "auto")
        cell_width.set(qn("w:w"), "0")
    return row


def _tag_row(table: Table, tag: str) -> None:
    row = _row(table, (GRID,))
    para_ = row.cells[0].paragraphs[0]
    para_.style = "Tabel Isi"
    para_.add_run(tag)


def _generic_table(
    doc: DocumentObject, width: int, cell_styles: tuple[tuple[str, str], ...] = CELL_STYLES
) -> None:
    """Header row from ``b.kolom`` (repeated on every page), body rows from ``b.baris``; widths from each
    cell's ``lebar``."""
    table, _col = _grid_table(doc, width)
    inner = GRID - 2
    header = _row(table, (1, inner, 1))
    cells = header.cells
    c0, c1, c2 = cells[0], cells[1], cells[-1]
    c0.paragraphs[0].style = "Tabel Kepala"
    c0.paragraphs[0].add_run("{%tc for k in b.kolom %}")
    p = c1.paragraphs[0]
    p.style = "Tabel Kepala"
    p.add_run("{% colspan k.lebar %}")
    p.add_run("{{ k.judul }}")
    c2.paragraphs[0].style = "Tabel Kepala"
    c2.paragraphs[0].add_run("{%tc endfor %}")
    auto_width(c1)
    mark_header_row(header)

    _tag_row(table, "{%tr for r in b.baris %}")
    body = _row(table, (1, inner, 1))
    cells = body.cells
    c0, c1, c2 = cells[0], cells[1], cells[-1]
    c0.paragraphs[0].style = "Tabel Isi"
    c0.paragraphs[0].add_run("{%tc for s in r.sel %}")
    first = c1.paragraphs[0]
    first.style = "Tabel Isi"
    first.add_run("{%p for x in s.teks %}")
    first.add_run("{% colspan s.lebar %}")
    keyword = "if"
    for gaya, style in cell_styles:
        para(c1, "{%p " + keyword + " s.gaya == '" + gaya + "' %}", "Tabel Isi")
        para(c1, "{{ x }}", style)
        keyword = "elif"
    para(c1, "{%p else %}", "Tabel Isi")
    para(c1, "{{ x }}", "Tabel Isi")
    para(c1, "{%p endif %}", "Tabel Isi")
    para(c1, "{%p endfor %}", "Tabel Isi")
    c2.paragraphs[0].style = "Tabel Isi"
    c2.paragraphs[0].add_run("{%tc endfor %}")
    cant_split(body)
    _tag_row(table, "{%tr endfor %}")


@dataclass(frozen=True)
class GayaBlok:
    """The paragraph styles a document prints the generic blocks of ``lembar.py`` with."""

    paragraf: str
    subjudul: str
    judul_daftar: str
    butir: str
    judul_tabel: str
    catatan: str
    #: ``gaya`` of a cell -> its paragraph style (``isi`` is the table's body style, ``Tabel Isi``)
    sel: tuple[tuple[str, str], ...] = CELL_STYLES


GAYA_KERTAS_KERJA = GayaBlok("Isi", "Subjudul Kertas", "Judul Tabel", "Butir", "Judul Tabel", "Catatan Tabel")


def generic_blocks(doc: DocumentObject, loop: str, width: int, gaya: GayaBlok) -> None:
    """The blocks of ``loop`` (paragraph, sub-heading, list, picture, table), each as its ``jenis`` says.

    The shape of a block is ``assembler/documents/lembar.py``'s; the working papers print every topic
    this way, the Draft STPP the topics it has no hand-made place for.
    """
    control(doc, f"for b in {loop}")
    control(doc, "if b.jenis == 'paragraf'")
    para(doc, "{{ b.teks }}", gaya.paragraf)
    control(doc, "elif b.jenis == 'subjudul'")
    para(doc, "{{ b.teks }}", gaya.subjudul)
    control(doc, "elif b.jenis == 'daftar'")
    control(doc, "if b.judul")
    para(doc, "{{ b.judul }}", gaya.judul_daftar)
    control(doc, "endif")
    control(doc, "for x in b.butir")
    para(doc, "{{ x.tanda }}\t{{ x.teks }}", gaya.butir)
    control(doc, "endfor")
    control(doc, "elif b.jenis == 'gambar'")
    para(doc, "{{ b.gambar }}", "Gambar")
    para(doc, "{{ b.judul }}", "Keterangan Gambar")
    control(doc, "elif b.jenis == 'tabel'")
    para(doc, "{{ b.judul }}", gaya.judul_tabel)
    _generic_table(doc, width, gaya.sel)
    control(doc, "for c in b.catatan")
    para(doc, "{{ c }}", gaya.catatan)
    control(doc, "endfor")
    control(doc, "endif")
    control(doc, "endfor")


def _page_header(doc: DocumentObject) -> None:
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = "Kepala Halaman"
    run = p.add_run("{{ judul }}")
    run.bold = True
    p2 = header.add_paragraph(style="Kepala Halaman")
    p2.add_run("{{ pdam_singkat }} · {{ daerah }}")
    # A rule under the header separates it from worksheet tables that start at the top of a page.
    ppr = p2._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def build_kertas_kerja() -> DocumentObject:
    """Kertas Kerja Tahap N: title block, then per topic its blocks or a "belum disusun" line."""
    doc = new_document(style_kit_kertas_kerja, landscape=True)
    setup_page(doc.sections[0], landscape=True, margins=MARGINS)
    width = text_width(doc.sections[0])
    _page_header(doc)

    para(doc, "KERTAS KERJA TAHAP {{ tahap }}", "Judul Naskah")
    para(doc, "{{ judul_tahap }}", "Judul Naskah")
    p = para(doc, "Penyusunan Skema Tindakan Peningkatan Pelayanan {{ pdam }}", "Isi Tengah")
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(0)
    para(doc, "Tahun {{ tahun }}", "Isi Tengah").paragraph_format.space_after = Pt(12)
    para(
        doc,
        "Kertas kerja ini memuat hasil kesepakatan Kelompok Kerja pada Tahap {{ tahap }} ({{ judul_tahap }}) "
        "sebagaimana dicatat dalam berkas ruang kerja STPP, untuk direviu bersama fasilitator pada pertemuan "
        "berikutnya. Jumlah, peringkat, selisih, nilai terbobot dan total anggaran dihitung oleh program dari "
        "data yang disepakati; rincian perhitungannya dicantumkan agar setiap angka dapat diperiksa kembali.",
        "Isi",
    )
    control(doc, "for t in pengantar")
    para(doc, "{{ t }}", "Isi")
    control(doc, "endfor")

    paragraph_style(doc, "Gambar", align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=3, keep_next=True)
    paragraph_style(doc, "Keterangan Gambar", align=WD_ALIGN_PARAGRAPH.CENTER, size=9, before=0, after=12)
    control(doc, "for t in topik")
    para(doc, "{{ t.judul }}", "Judul Topik")
    control(doc, "if not t.ada")
    para(doc, "{{ t.keterangan }}", "Belum Disusun")
    control(doc, "endif")
    generic_blocks(doc, "t.blok", width, GAYA_KERTAS_KERJA)
    control(doc, "endfor")
    return doc


NAME = "kertas-kerja.docx"
TITLE = "Templat Kertas Kerja Tahap"
build = build_kertas_kerja
