"""The style kit shared by every shipped template: F4 pages, Bookman, named styles, tables.

Templates are generated with python-docx so that Jinja tags are never split across runs; the
result is still an ordinary Word file a person can open, restyle and save.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, cast

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

# --------------------------------------------------------------------------------------------
# Page setup
# --------------------------------------------------------------------------------------------

#: F4 ("folio") as used by Indonesian regional governments: 215 x 330 mm.
F4_WIDTH = Mm(215)
F4_HEIGHT = Mm(330)


class Margins(NamedTuple):
    top: Length = Cm(2.5)
    bottom: Length = Cm(2.0)
    left: Length = Cm(3.0)
    right: Length = Cm(2.0)


NASKAH_MARGINS = Margins()


def setup_page(section: Section, *, landscape: bool = False, margins: Margins = NASKAH_MARGINS) -> None:
    """F4 paper, portrait or landscape, with the given margins (binding edge stays on the left)."""
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = F4_HEIGHT, F4_WIDTH
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = F4_WIDTH, F4_HEIGHT
    section.top_margin = margins.top
    section.bottom_margin = margins.bottom
    section.left_margin = margins.left
    section.right_margin = margins.right
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.0)


def text_width(section: Section) -> int:
    """Usable width between the margins, in EMU."""
    return int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)


def add_landscape_section(doc: DocumentObject, margins: Margins = NASKAH_MARGINS) -> Section:
    """Start a new page in landscape (for wide tables); headers/footers continue from before."""
    section = cast(Section, doc.add_section(WD_SECTION.NEW_PAGE))
    setup_page(section, landscape=True, margins=margins)
    return section


def add_portrait_section(doc: DocumentObject, margins: Margins = NASKAH_MARGINS) -> Section:
    """Return to portrait after a landscape part."""
    section = cast(Section, doc.add_section(WD_SECTION.NEW_PAGE))
    setup_page(section, landscape=False, margins=margins)
    return section


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A real Word field (PAGE, NUMPAGES...), updated by Word and LibreOffice when shown."""
    def fld(kind: str) -> None:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def add_page_numbers(section: Section, style: str = "Nomor Halaman") -> None:
    """Centred page number in the footer; later sections inherit it (linked to previous)."""
    footer = section.footer
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.style = style
    add_field(para, "PAGE")


# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------


def _set_run_fonts(rpr: object, font: str) -> None:
    el = rpr  # a CT_RPr or the raw w:rPr element
    fonts = el.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        el.insert(0, fonts)  # type: ignore[attr-defined]
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), font)


def set_doc_defaults(doc: DocumentObject, font: str, size: float, lang: str = "id-ID") -> None:
    """Document-wide font, size and language (Indonesian proofing), single spacing, no gaps."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_run_fonts(rpr, font)
    half_points = str(int(size * 2))
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), half_points)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    normal = doc.styles["Normal"]
    normal.font.name = font
    _set_run_fonts(normal.element.get_or_add_rPr(), font)
    normal.font.size = Pt(size)
    # Word's own compatibility mode would otherwise lay the text out like Word 2010.
    settings = doc.settings.element
    for el in settings.findall(qn("w:proofState")):
        settings.remove(el)


def paragraph_style(
    doc: DocumentObject,
    name: str,
    *,
    base: str = "Normal",
    bold: bool | None = None,
    caps: bool | None = None,
    underline: bool | None = None,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float | None = None,
    after: float | None = None,
    left: Length | None = None,
    hanging: Length | None = None,
    keep_next: bool | None = None,
    outline: int | None = None,
    next_style: str | None = None,
) -> None:
    """Create (or redefine) a named paragraph style that shows up in Word's style gallery."""
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    font = style.font
    if bold is not None:
        font.bold = bold
    if caps is not None:
        font.all_caps = caps
    if underline is not None:
        font.underline = underline
    if size is not None:
        font.size = Pt(size)
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if left is not None:
        pf.left_indent = left
    if hanging is not None:
        pf.first_line_indent = -int(hanging)
    if keep_next is not None:
        pf.keep_with_next = keep_next
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(outline))
        ppr.append(lvl)
    if next_style is not None:
        style.next_paragraph_style = styles[next_style]


def _border_el(tag: str, on: bool) -> BaseOxmlElement:
    el = OxmlElement(tag)
    if on:
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
    else:
        el.set(qn("w:val"), "nil")
    return el


def table_style(doc: DocumentObject, name: str, *, borders: bool, cell_margin: Length | None = None) -> None:
    """A table style: full single-line grid, or none at all (label tables of the SK)."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    style.quick_style = True
    tblpr = OxmlElement("w:tblPr")
    tblborders = OxmlElement("w:tblBorders")
    for edge in ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"):
        tblborders.append(_border_el(edge, borders))
    tblpr.append(tblborders)
    margins = OxmlElement("w:tblCellMar")
    twips = str(int((cell_margin if cell_margin is not None else Cm(0.1)).twips))
    for edge, value in (("w:top", "0"), ("w:left", twips), ("w:bottom", "0"), ("w:right", twips)):
        el = OxmlElement(edge)
        el.set(qn("w:w"), value)
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tblpr.append(margins)
    style.element.append(tblpr)


def style_kit_naskah(doc: DocumentObject, font: str = "Bookman Old Style", size: float = 12) -> None:
    """The shared kit for official drafts (SK, Juklak/Juknis): UU 12/2011 Lampiran II no. 284.

    Named styles so a legal drafter restyles the whole document from Word's style gallery.
    """
    set_doc_defaults(doc, font, size)
    # No single line of a paragraph alone at the top or foot of a page (every style inherits it).
    doc.styles["Normal"].paragraph_format.widow_control = True
    center, right, justify, left = (
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.RIGHT,
        WD_ALIGN_PARAGRAPH.JUSTIFY,
        WD_ALIGN_PARAGRAPH.LEFT,
    )
    paragraph_style(doc, "Isi", align=justify, after=6)
    paragraph_style(doc, "Judul Naskah", bold=True, caps=True, align=center, keep_next=True, outline=0)
    paragraph_style(doc, "Judul Bab", bold=True, caps=True, align=center, before=12, after=12, keep_next=True,
                    outline=0, next_style="Isi")
    paragraph_style(doc, "Subjudul", bold=True, align=left, before=6, after=6, keep_next=True, outline=1,
                    next_style="Isi")
    paragraph_style(doc, "Isi Tengah", align=center, after=6)
    paragraph_style(doc, "Isi Rata Kanan", align=right, after=6)
    # A block in the right half of the page, text flush left inside it (Ditetapkan di, LAMPIRAN).
    paragraph_style(doc, "Blok Kanan", align=left, left=Cm(8.5), keep_next=True)
    # Office line and name of the signer, flush with the Ditetapkan block above them.
    paragraph_style(doc, "Tanda Tangan", align=left, left=Cm(8.5), keep_next=True)
    paragraph_style(doc, "Nama Penanda Tangan", base="Tanda Tangan", bold=True, before=60, keep_next=False)
    paragraph_style(doc, "Daftar Bernomor", align=justify, left=Cm(1.0), hanging=Cm(1.0), after=3)
    # A lettered item inside a diktum or a table cell: the letter hangs, the text aligns.
    paragraph_style(doc, "Butir", align=justify, left=Cm(0.75), hanging=Cm(0.75), after=3)
    paragraph_style(doc, "Daftar Berhuruf", align=left, bold=True, left=Cm(1.0), hanging=Cm(1.0), before=6,
                    after=3, keep_next=True)
    paragraph_style(doc, "Tabel Isi", align=left)
    paragraph_style(doc, "Tabel Isi Rata", align=justify)
    paragraph_style(doc, "Tabel Angka", align=right)
    paragraph_style(doc, "Tabel Kepala", bold=True, align=center, keep_next=True)
    paragraph_style(doc, "Nomor Halaman", align=center, size=size - 2)
    table_style(doc, "Tabel Bergaris", borders=True)
    table_style(doc, "Tabel Tanpa Garis", borders=False, cell_margin=Cm(0.05))


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _new_row(table: Table) -> _Row:
    return cast(_Row, table.add_row())  # type: ignore[no-untyped-call]


def _set_cell_width(cell: _Cell, width: Length) -> None:
    cell.width = width


def new_table(doc: DocumentObject, widths: Sequence[Length], style: str) -> Table:
    """An empty table with a fixed layout and exact column widths (Word keeps them on edit)."""
    table = cast(Table, doc.add_table(rows=0, cols=len(widths)))
    table.style = style
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(sum(int(Length(w).twips) for w in widths)))
    tblw.set(qn("w:type"), "dxa")
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
    return table


def auto_width(cell: _Cell) -> None:
    """Let the table grid size this cell (for cells repeated by ``{%tc %}`` loops)."""
    tcw = cell._tc.get_or_add_tcPr().get_or_add_tcW()
    tcw.set(qn("w:type"), "auto")
    tcw.set(qn("w:w"), "0")


def _trpr(row: _Row) -> BaseOxmlElement:
    tr = row._tr
    return tr.get_or_add_trPr()


def mark_header_row(row: _Row) -> None:
    """Repeat this row at the top of every page the table runs onto (w:tblHeader)."""
    el = OxmlElement("w:tblHeader")
    _trpr(row).append(el)
    cant_split(row)


def cant_split(row: _Row) -> None:
    """Keep the row on one page (w:cantSplit)."""
    trpr = _trpr(row)
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, OxmlElement("w:cantSplit"))


def fill_cell(cell: _Cell, texts: str | Sequence[str], style: str, *, bold: bool = False) -> None:
    """Put one paragraph per text into ``cell``; each text is one run so tags never split."""
    items = [texts] if isinstance(texts, str) else list(texts)
    first = True
    for text in items:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        para.style = style
        if text:
            run = para.add_run(text)
            if bold:
                run.bold = True


def add_row(
    table: Table,
    cells: Sequence[str | Sequence[str]],
    styles: Sequence[str] | str,
    widths: Sequence[Length],
    *,
    split: bool = False,
) -> _Row:
    """Append a row of texts; rows do not split across pages unless ``split``."""
    row = _new_row(table)
    style_list = [styles] * len(cells) if isinstance(styles, str) else list(styles)
    for cell, text, style, width in zip(row.cells, cells, style_list, widths, strict=True):
        _set_cell_width(cell, width)
        fill_cell(cell, text, style)
    if not split:
        cant_split(row)
    return row


def add_header_row(table: Table, titles: Sequence[str], widths: Sequence[Length]) -> _Row:
    row = add_row(table, titles, "Tabel Kepala", widths)
    mark_header_row(row)
    return row


def add_loop_row(table: Table, tag: str, widths: Sequence[Length]) -> _Row:
    """A ``{%tr ... %}`` control row: docxtpl removes the row and keeps the loop."""
    row = _new_row(table)
    for cell, width in zip(row.cells, widths, strict=True):
        _set_cell_width(cell, width)
        cell.paragraphs[0].style = "Tabel Isi"
    row.cells[0].paragraphs[0].add_run(tag)
    return row


def looped_rows(
    table: Table,
    loop: str,
    cells: Sequence[str | Sequence[str]],
    styles: Sequence[str] | str,
    widths: Sequence[Length],
) -> _Row:
    """``{%tr for loop %}`` / one row per item / ``{%tr endfor %}``."""
    add_loop_row(table, "{%tr for " + loop + " %}", widths)
    row = add_row(table, cells, styles, widths)
    add_loop_row(table, "{%tr endfor %}", widths)
    return row


def para(doc: DocumentObject | _Cell, text: str, style: str, *, bold: bool = False) -> Paragraph:
    """One paragraph, one run: a Jinja tag inside ``text`` stays whole."""
    p = doc.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        if bold:
            run.bold = True
    return p


def control(doc: DocumentObject | _Cell, tag: str) -> Paragraph:
    """A ``{%p ... %}`` paragraph: docxtpl removes the paragraph and keeps the tag."""
    return para(doc, "{%p " + tag + " %}", "Normal")


def page_break_before(p: Paragraph) -> None:
    p.paragraph_format.page_break_before = True


def new_document(kit: Callable[[DocumentObject], None], *, landscape: bool = False) -> DocumentObject:
    """A blank F4 document with the style kit applied and page numbers in the footer."""
    doc = Document()
    kit(doc)
    section = doc.sections[0]
    setup_page(section, landscape=landscape)
    add_page_numbers(section)
    # python-docx's blank template starts with one empty paragraph in some versions; drop it.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    _drop_thumbnail(doc)
    return doc


def _drop_thumbnail(doc: DocumentObject) -> None:
    """The blank template carries a thumbnail of an empty page; file browsers would show it."""
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg.rels[rid]


def signature_block(doc: DocumentObject, jabatan: str, nama: str) -> None:
    """Office line with comma, room for the signature, then the name (bold, caps) in the right half."""
    para(doc, jabatan, "Tanda Tangan")
    para(doc, nama, "Nama Penanda Tangan")


# --------------------------------------------------------------------------------------------
# sk-pokja
# --------------------------------------------------------------------------------------------

LABEL_W = Cm(3.5)
COLON_W = Cm(0.5)
LETTER_W = Cm(0.8)


def picture_loop(doc: DocumentObject, items: str) -> None:
    """Pictures the context supplies as ``[{gambar, keterangan}]``: each centred, caption below.

    The picture keeps with its caption, so a caption never starts a page on its own.
    """
    paragraph_style(doc, "Gambar", align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=3, keep_next=True)
    paragraph_style(doc, "Keterangan Gambar", align=WD_ALIGN_PARAGRAPH.CENTER, size=10, before=0, after=12)
    control(doc, f"for g in {items}")
    para(doc, "{{ g.gambar }}", "Gambar")
    para(doc, "{{ g.keterangan }}", "Keterangan Gambar")
    control(doc, "endfor")


# --------------------------------------------------------------------------------------------
# Decree head and closing, shared by the SK, the Keputusan Direksi and the Peraturan
# --------------------------------------------------------------------------------------------


def spaced_title(doc: DocumentObject, text: str, *, after: float = 18, before: float | None = None) -> Paragraph:
    """A centred caps line of the title block with room after it (DENGAN RAHMAT, the office line)."""
    p = para(doc, text, "Judul Naskah")
    if before is not None:
        p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)
    return p


def title_lines(doc: DocumentObject, nomor: str = "{{ nomor }}", tentang: str = "{{ tentang }}") -> None:
    """``NOMOR … TAHUN …`` / ``TENTANG`` / the subject: the part every decree's title block shares."""
    para(doc, nomor, "Judul Naskah")
    p = para(doc, "TENTANG", "Judul Naskah")
    p.paragraph_format.space_before = Pt(12)
    spaced_title(doc, tentang)


def decree_head(
    doc: DocumentObject, width: int, memutuskan: str = "MEMUTUSKAN :", *, prefix: str = ""
) -> tuple[Table, list[Length]]:
    """Menimbang and Mengingat (borderless label tables: label | : | letter/number | text), MEMUTUSKAN,
    and the table (label | : | text) that opens with ``Menetapkan`` and takes the diktums or nothing.

    ``Menetapkan`` never ends a page alone: it keeps with what follows (KESATU, or BAB I of a Peraturan).
    ``prefix`` names the context object holding the decree's parts (``"sk."``) when they are not top-level.
    """
    rest = Length(width - int(LABEL_W) - int(COLON_W) - int(LETTER_W))
    widths = [LABEL_W, COLON_W, LETTER_W, rest]
    for label, var, key in (("Menimbang", "menimbang", "huruf"), ("Mengingat", "mengingat", "nomor")):
        table = new_table(doc, widths, "Tabel Tanpa Garis")
        looped_rows(
            table,
            f"item in {prefix}{var}",
            [
                "{% if loop.first %}" + label + "{% endif %}",
                "{% if loop.first %}:{% endif %}",
                "{{ item." + key + " }}",
                "{{ item.teks }}",
            ],
            ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Isi"],
            widths,
        )
        para(doc, "", "Normal")
    p = para(doc, memutuskan, "Judul Naskah")
    p.paragraph_format.space_after = Pt(12)
    dwidths = [LABEL_W, COLON_W, Length(width - int(LABEL_W) - int(COLON_W))]
    table = new_table(doc, dwidths, "Tabel Tanpa Garis")
    row = add_row(
        table, ["Menetapkan", ":", "{{ " + prefix + "menetapkan }}"], ["Tabel Isi", "Tabel Isi", "Isi"], dwidths
    )
    for cell in row.cells:
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    return table, dwidths


def diktum_row(table: Table, widths: Sequence[Length], paragraphs: Sequence[str], *, prefix: str = "") -> _Row:
    """The looped diktum row (``d.label`` | : | the diktum's paragraphs); the caller styles the paragraphs,
    then closes the loop with :func:`end_diktum_rows`."""
    add_loop_row(table, "{%tr for d in " + prefix + "diktum %}", widths)
    row = _new_row(table)
    for cell, w in zip(row.cells, widths, strict=True):
        _set_cell_width(cell, w)
    fill_cell(row.cells[0], "{{ d.label }}", "Tabel Isi")
    fill_cell(row.cells[1], ":", "Tabel Isi")
    fill_cell(row.cells[2], list(paragraphs), "Isi")
    return row


def end_diktum_rows(doc: DocumentObject, table: Table, widths: Sequence[Length], row: _Row) -> None:
    """A diktum is not split across pages (no line of it alone at a page's top or foot); the loop ends,
    and an empty line keeps the last diktum with the Ditetapkan block below."""
    cant_split(row)
    add_loop_row(table, "{%tr endfor %}", widths)
    para(doc, "", "Normal").paragraph_format.keep_with_next = True


def ditetapkan(doc: DocumentObject, tanggal: str = "pada tanggal {{ tanggal_penetapan }}") -> None:
    """``Ditetapkan di <place>`` / ``pada tanggal …`` in the right half, above the signature block."""
    p = para(doc, "Ditetapkan di {{ ditetapkan_di }}", "Blok Kanan")
    p.paragraph_format.space_before = Pt(12)
    para(doc, tanggal, "Blok Kanan")


def ayat_loop(doc: DocumentObject, lead_in: str = "a.butir") -> None:
    """The ayat of a Pasal ``ps``: numbered ``(1)`` with hanging items, or one unnumbered paragraph.

    A lead-in with items ("PIHAK KESATU berkewajiban:") keeps with its first item, never ending a page;
    ``lead_in`` is the condition under which an ayat leads in to what follows it.
    """
    control(doc, "for a in ps.ayat")
    for branch, text, style, item_style in (
        ("if a.nomor", "{{ a.nomor }}\t{{ a.teks }}", "Ayat", "Butir Ayat"),
        ("else", "{{ a.teks }}", "Isi", "Butir Pasal"),
    ):
        control(doc, branch)
        for keep in (True, False):
            control(doc, f"if {lead_in}" if keep else "else")
            para(doc, text, style).paragraph_format.keep_with_next = keep or None
        control(doc, "endif")
        control(doc, "for t in a.butir")
        para(doc, "{{ t.nomor }}\t{{ t.teks }}", item_style)
        control(doc, "endfor")
    control(doc, "endif")
    control(doc, "endfor")


def keep_lead_ins(doc: DocumentObject) -> None:
    """Every body paragraph whose text ends with ':' (a lead-in to a list or a table) keeps with what
    follows, so that it never ends a page alone; run once a template's body is complete."""
    for p in doc.paragraphs:
        if p.text.rstrip().endswith(":") and not p.text.lstrip().startswith("{%") and not _style_keeps(p):
            p.paragraph_format.keep_with_next = True


def _style_keeps(p: Paragraph) -> bool:
    style = p.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False
