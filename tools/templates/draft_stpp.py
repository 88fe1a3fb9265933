"""Template of the Draft STPP for the DPRD leaders and the Kepala Daerah (``draft-stpp.docx``).

Layout: cover, Kata Pengantar, Daftar Isi (a real TOC field), Ringkasan Eksekutif in a portrait front
section numbered i, ii, ...; then one chapter per stage and the Penutup, numbered from 1. Topics
whose tables are wide sit in landscape sections; section breaks are never inside a Jinja block, so a
topic that is still missing only replaces its own content with a placeholder sentence.

Chapter and topic headings use Word's built-in "Heading 1"/"Heading 2" (with the Indonesian aliases
"Judul Bab"/"Judul Subbab"), so Word and LibreOffice fill the table of contents from them.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from tools.templates.kertas_kerja import GayaBlok, generic_blocks
from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_field,
    add_header_row,
    add_landscape_section,
    add_loop_row,
    add_portrait_section,
    add_row,
    auto_width,
    cant_split,
    control,
    fill_cell,
    looped_rows,
    mark_header_row,
    new_document,
    new_table,
    page_break_before,
    para,
    paragraph_style,
    picture_loop,
    style_kit_naskah,
    text_width,
)

FONT = "Bookman Old Style"
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
TOC_PLACEHOLDER = (
    "Daftar isi terisi otomatis saat naskah dicetak ke PDF oleh siap. Bila naskah dibuka langsung: "
    "di Microsoft Word klik kanan di sini lalu pilih Update Field (Perbarui Bidang); di LibreOffice pilih "
    "Alat > Perbarui > Perbarui Semua."
)

#: What a topic not yet discussed prints in a growing draft (the KONSEP shared after each session).
BELUM_DIBAHAS = "Topik {} belum dibahas; bagian ini dilengkapi setelah pertemuan topik tersebut."

#: Usable widths in cm (F4 minus the kit's margins): portrait 16.5, landscape 28.0.
PORTRAIT_CM = 16.5
LANDSCAPE_CM = 28.0


# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------


#: One sentence under each chapter heading: what the stage did, in the guide's terms (template prose,
#: so a region's override can reword it; placeholders are region keys).
BAB_PENGANTAR = (
    (
        "Tahap persiapan memetakan para pemangku kepentingan pelayanan air minum, membentuk Kelompok Kerja, "
        "serta menyepakati cara kerja dan Kalender Kerja penyusunan STPP."
    ),
    (
        "Tahap analisis isu strategis menetapkan isu utama pelayanan, menelaah koridor hukumnya, dan mengukur"
        " kesenjangan antara target dan realisasi kinerja pelayanan."
    ),
    (
        "Tahap analisis kebutuhan mengenali persoalan teknis dan manajemen pelayanan, menelusuri akar "
        "masalahnya, dan merumuskan solusi terpadu."
    ),
    (
        "Tahap ini merancang peningkatan kapasitas teknis, prosedur, kebijakan, personil, organisasi, dan "
        "keuangan, lalu menetapkan prioritas tindakan."
    ),
    (
        "Tahap perumusan menuangkan tindakan prioritas ke dalam Smart Logframe dan Skema Tindakan, menyusun "
        "Citizen Charter, dan memilah kegiatan yang dapat langsung dilaksanakan {{ pdam_singkat }} dari "
        "kegiatan yang memerlukan persetujuan {{ kepala_daerah }}."
    ),
)


def _heading(doc: DocumentObject, name: str, alias: str, *, size: float, align: WD_ALIGN_PARAGRAPH,
             before: float, after: float, left: Length | None = None, hanging: Length | None = None) -> None:
    """Restyle a built-in heading (keeps its outline level for the TOC) and give it an Indonesian alias."""
    style = doc.styles[name]
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = True
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(key), FONT)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.keep_with_next = True
    if left is not None:
        pf.left_indent = left
    if hanging is not None:
        pf.first_line_indent = -int(hanging)
    style.next_paragraph_style = doc.styles["Isi"]
    style.quick_style = True
    name_el = style.element.find(qn("w:name"))
    aliases = OxmlElement("w:aliases")
    aliases.set(qn("w:val"), alias)
    name_el.addnext(aliases)


def style_kit_draft(doc: DocumentObject) -> None:
    """The naskah kit in 11 pt, tables in 10 pt, plus cover, caption and list styles of a report."""
    style_kit_naskah(doc, font=FONT, size=11)
    for name, align in (
        ("Tabel Isi", WD_ALIGN_PARAGRAPH.LEFT),
        ("Tabel Isi Rata", WD_ALIGN_PARAGRAPH.JUSTIFY),
        ("Tabel Angka", WD_ALIGN_PARAGRAPH.RIGHT),
        ("Tabel Kepala", WD_ALIGN_PARAGRAPH.CENTER),
    ):
        # A point of air above and below keeps ruled rows readable without wasting paper.
        paragraph_style(doc, name, size=10, align=align, before=1, after=1)
    paragraph_style(doc, "Tabel Tengah", base="Tabel Isi", align=WD_ALIGN_PARAGRAPH.CENTER)
    # A bulleted item inside a cell: the bullet hangs, wrapped lines align with the text.
    paragraph_style(doc, "Tabel Butir", base="Tabel Isi", left=Cm(0.4), hanging=Cm(0.4))
    paragraph_style(doc, "Tabel Kelompok", base="Tabel Isi", bold=True, keep_next=True)
    paragraph_style(doc, "Tabel Jumlah", base="Tabel Isi", bold=True)
    paragraph_style(doc, "Tabel Jumlah Angka", base="Tabel Angka", bold=True)
    paragraph_style(doc, "Isi", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    doc.styles["Isi"].paragraph_format.line_spacing = 1.15
    paragraph_style(doc, "Judul Sampul", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    paragraph_style(doc, "Sampul", size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    paragraph_style(doc, "Judul Daftar Isi", bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=18)
    paragraph_style(doc, "Judul Tabel", bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=6,
                    keep_next=True)
    paragraph_style(doc, "Judul Ringkasan", bold=True, before=8, after=4, keep_next=True)
    paragraph_style(doc, "Butir Isi", align=WD_ALIGN_PARAGRAPH.JUSTIFY, left=Cm(0.75), hanging=Cm(0.75), after=3)
    paragraph_style(doc, "Butir Kode", base="Butir Isi", left=Cm(1.25), hanging=Cm(1.25))
    paragraph_style(doc, "Kutipan", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, left=Cm(1.0), after=8)
    paragraph_style(doc, "Kutipan Perubahan", align=WD_ALIGN_PARAGRAPH.JUSTIFY, left=Cm(1.5), after=6)
    doc.styles["Kutipan Perubahan"].font.italic = True
    doc.styles["Kutipan"].paragraph_format.right_indent = Cm(1.0)
    paragraph_style(doc, "Catatan Tabel", size=9, align=WD_ALIGN_PARAGRAPH.LEFT, before=3, after=8)
    doc.styles["Catatan Tabel"].font.italic = True
    _heading(doc, "Heading 1", "Judul Bab", size=12, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=18)
    _heading(doc, "Heading 2", "Judul Subbab", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, before=12, after=6,
             left=Cm(1.0), hanging=Cm(1.0))
    # Word asks to refresh fields (the table of contents) when the file is opened.
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


# --------------------------------------------------------------------------------------------
# Sections and page numbers
# --------------------------------------------------------------------------------------------


def _page_numbers(section: Section, fmt: str, start: int | None = None) -> None:
    """Page number format of a section (``lowerRoman`` front matter, ``decimal`` body from 1)."""
    sectpr = section._sectPr
    old = sectpr.find(qn("w:pgNumType"))
    if old is not None:
        sectpr.remove(old)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:fmt"), fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))
    cols = sectpr.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(pg)
    else:
        sectpr.append(pg)


def _landscape(doc: DocumentObject, start: int | None = None) -> None:
    section = add_landscape_section(doc)
    section.different_first_page_header_footer = False
    _page_numbers(section, "decimal", start)


def _portrait(doc: DocumentObject) -> None:
    section = add_portrait_section(doc)
    section.different_first_page_header_footer = False
    _page_numbers(section, "decimal")


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


def h1(doc: DocumentObject, text: str, *, new_page: bool = False) -> Paragraph:
    p = para(doc, text, "Heading 1")
    if new_page:
        page_break_before(p)
    return p


def h2(doc: DocumentObject, text: str) -> Paragraph:
    return para(doc, text, "Heading 2")


def isi(doc: DocumentObject, text: str) -> Paragraph:
    return para(doc, text, "Isi")


def paras(doc: DocumentObject, loop: str, text: str = "{{ x }}", style: str = "Isi") -> None:
    """One paragraph per item: ``{%p for loop %}`` / paragraph / ``{%p endfor %}``."""
    control(doc, f"for {loop}")
    para(doc, text, style)
    control(doc, "endfor")


def bullets(doc: DocumentObject, loop: str, text: str = "{{ x }}") -> None:
    paras(doc, loop, "•\t" + text, "Butir Isi")


def numbered(doc: DocumentObject, loop: str) -> None:
    """Items with a number computed by the context (``{no, teks}``)."""
    var = loop.split(" ")[0]
    paras(doc, loop, "{{ " + var + ".no }}\t{{ " + var + ".teks }}", "Butir Isi")


def topic(doc: DocumentObject, key: str) -> None:
    """Topic heading and the opening of its guard; the placeholder goes with :func:`end_topic`."""
    h2(doc, "{{ judul_topik." + key + " }}")
    control(doc, f"if {key}")


def _changes(doc: DocumentObject, key: str) -> None:
    """The 5.3 changes to the topic ``key`` names, which the agreed STPP prints at its end (none in a draft)."""
    control(doc, f"if {key}.perubahan")
    para(doc, "Perubahan hasil kesepakatan:", "Judul Ringkasan")
    control(doc, f"for p in {key}.perubahan")
    para(doc, "•\t{{ p.uraian }}", "Butir Isi").paragraph_format.keep_with_next = True
    paras(doc, "b in p.bunyi", "“{{ b }}”", "Kutipan Perubahan")
    control(doc, "endfor")
    control(doc, "endif")


def end_topic(doc: DocumentObject, number: str) -> None:
    """Close a topic's guard; the agreed STPP first prints the 5.3 changes to this topic (none in a draft)."""
    _changes(doc, "t" + number.replace(".", ""))
    control(doc, "else")
    isi(doc, BELUM_DIBAHAS.format(number))
    control(doc, "endif")


#: The draft's styles for the generic blocks of ``lembar.py``: its sub-heading, list and total-row styles.
GAYA_DRAFT = GayaBlok(
    "Isi", "Judul Ringkasan", "Judul Ringkasan", "Butir Isi", "Judul Tabel", "Catatan Tabel",
    sel=(("angka", "Tabel Angka"), ("tengah", "Tabel Tengah"), ("tebal", "Tabel Jumlah"),
         ("tebal_angka", "Tabel Jumlah Angka")),
)


def extra_topics(doc: DocumentObject, bab: int) -> None:
    """Chapter ``bab``'s topics this template has no hand-made place for (``tambahan.bN``), after its own.

    Each prints its heading and its section's generic blocks (paragraphs, lists, tables whose header row
    repeats on every page, pictures), so a topic added to the guide needs no edit here. Empty in the
    example: every topic of 1.1-5.2 has its own place above.
    """
    control(doc, f"for t in tambahan.b{bab}")
    h2(doc, "{{ t.judul }}")
    control(doc, "if t.ada")
    generic_blocks(doc, "t.blok", text_width(doc.sections[-1]), GAYA_DRAFT)
    _changes(doc, "t")
    control(doc, "else")
    isi(doc, BELUM_DIBAHAS.format("{{ t.id }}"))
    control(doc, "endif")
    control(doc, "endfor")


def caption(doc: DocumentObject, text: str) -> None:
    para(doc, text, "Judul Tabel")


def cm(values: Sequence[float]) -> list[Length]:
    return [Cm(v) for v in values]


Cell = str | Sequence[str]


def table(doc: DocumentObject, widths: Sequence[float], headers: Sequence[str], loop: str,
          cells: Sequence[Cell], styles: Sequence[str] | str = "Tabel Isi") -> Table:
    """Header row that repeats on every page, then one row per item; rows never split."""
    w = cm(widths)
    assert abs(sum(widths) - (LANDSCAPE_CM if sum(widths) > PORTRAIT_CM + 0.01 else PORTRAIT_CM)) < 0.01, widths
    t = new_table(doc, w, "Tabel Bergaris")
    add_header_row(t, headers, w)
    looped_rows(t, loop, cells, styles, w)
    bullet_cells(t)
    return t


def bullet_cells(t: Table) -> None:
    """Cell paragraphs that start with a bullet get the hanging ``Tabel Butir`` style."""
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                if p.text.startswith("•\t"):
                    p.style = "Tabel Butir"


def multi(loop: str, text: str = "{{ y }}") -> list[str]:
    """Cell paragraphs from a list: ``{%p for loop %}`` / text / ``{%p endfor %}``."""
    return ["{%p for " + loop + " %}", text, "{%p endfor %}"]


def spacer(doc: DocumentObject) -> None:
    p = para(doc, "", "Normal")
    p.paragraph_format.space_after = Pt(6)


def total_row(t: Table, widths: Sequence[float], label: str, amount: str, trailing: int = 0) -> None:
    """A bold total row: label across the first columns, the amount, then ``trailing`` empty cells."""
    w = cm(widths)
    n = len(widths)
    cells: list[Cell] = [label, *([""] * (n - 2 - trailing)), amount, *([""] * trailing)]
    styles = ["Tabel Jumlah"] * (n - 1 - trailing) + ["Tabel Jumlah Angka"] + ["Tabel Isi"] * trailing
    row = add_row(t, cells, styles, w)
    row.cells[0].merge(row.cells[n - 2 - trailing])


# --------------------------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------------------------


def _cover(doc: DocumentObject) -> None:
    p = para(doc, "", "Sampul")
    p.paragraph_format.space_before = Pt(90)
    control(doc, "for x in sampul.judul")
    para(doc, "{{ x }}", "Judul Sampul")
    control(doc, "endfor")
    p = para(doc, "{{ sampul.tahun }}", "Judul Sampul")
    p.paragraph_format.space_after = Pt(120)
    para(doc, "{{ sampul.disampaikan }}", "Sampul").paragraph_format.space_after = Pt(150)
    control(doc, "for x in sampul.penyusun")
    para(doc, "{{ x }}", "Sampul")
    control(doc, "endfor")
    para(doc, "{{ daerah_kapital }}", "Sampul").runs[0].bold = True
    para(doc, "{{ tahun }}", "Sampul").runs[0].bold = True


def _foreword(doc: DocumentObject, disepakati: bool) -> None:
    h1(doc, "KATA PENGANTAR", new_page=True)
    if disepakati:
        isi(
            doc,
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena atas rahmat-Nya Skema Tindakan "
            "Peningkatan Pelayanan (STPP) {{ pdam }} Tahun {{ tahun }} telah disepakati bersama Pimpinan Dewan "
            "Perwakilan Rakyat Daerah {{ daerah }} dan {{ kepala_daerah }} pada tanggal {{ kesepakatan.tanggal }}.",
        )
    else:
        isi(
            doc,
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena atas rahmat-Nya Rancangan Skema "
            "Tindakan Peningkatan Pelayanan (STPP) {{ pdam }} Tahun {{ tahun }} dapat diselesaikan.",
        )
    isi(
        doc,
        ("STPP" if disepakati else "Rancangan STPP") + " ini disusun secara partisipatif oleh {{ pengantar.pokja }}, "
        "yang beranggotakan unsur Pemerintah {{ daerah }}, {{ pdam_singkat }}, Dewan Perwakilan Rakyat Daerah, dan "
        "masyarakat pengguna layanan, melalui tahap {{ pengantar.tahap }}. Setiap hasil yang dimuat dalam naskah "
        "ini merupakan kesepakatan pertemuan Kelompok Kerja; angka jumlah, peringkat, kesenjangan, prioritas, dan "
        "anggaran dihitung dari hasil kesepakatan tersebut.",
    )
    if disepakati:
        isi(
            doc,
            "Naskah ini memuat Rancangan STPP yang dibahas dalam rapat penyepakatan, beserta tanggapan yang "
            "disampaikan dan perubahan yang disepakati dalam rapat tersebut ({{ bab.kesepakatan_rujukan }}). "
            "Kelompok Kerja selanjutnya mendorong penetapan STPP dan Citizen Charter oleh {{ kepala_daerah }}.",
        )
    else:
        isi(
            doc,
            "Naskah ini disampaikan kepada Pimpinan Dewan Perwakilan Rakyat Daerah {{ daerah }} dan "
            "{{ kepala_daerah }} dalam rapat penyepakatan untuk mendapatkan tanggapan dan persetujuan, khususnya "
            "atas kegiatan yang memerlukan persetujuan pimpinan daerah dan dukungan anggaran daerah.",
        )
        control(doc, "if konsep")
        isi(
            doc,
            "Naskah ini masih berupa konsep yang dibagikan Sekretariat Kelompok Kerja setelah setiap pertemuan: "
            "{{ konsep_topik }} belum dibahas.",
        )
        control(doc, "endif")
    isi(
        doc,
        "Kami menyampaikan terima kasih kepada seluruh anggota Kelompok Kerja, narasumber, pelanggan, dan semua "
        "pihak yang telah berperan serta. Semoga Skema Tindakan ini bermanfaat bagi peningkatan pelayanan air "
        "minum kepada masyarakat.",
    )
    p = para(doc, "{{ pengantar.tempat_tanggal }}", "Tanda Tangan")
    p.paragraph_format.space_before = Pt(18)
    para(doc, "{{ pengantar.jabatan }}", "Tanda Tangan")
    para(doc, "{{ pengantar.nama }}", "Nama Penanda Tangan")


def _toc(doc: DocumentObject) -> None:
    page_break_before(para(doc, "DAFTAR ISI", "Judul Daftar Isi"))
    p = doc.add_paragraph(style="Isi")
    add_field(p, TOC_INSTRUCTION, TOC_PLACEHOLDER)


def _summary(doc: DocumentObject, new_page: bool = True) -> None:
    h1(doc, "RINGKASAN EKSEKUTIF", new_page=new_page)
    paras(doc, "x in ringkasan.pembuka")

    para(doc, "Isu Utama Pelayanan", "Judul Ringkasan")
    control(doc, "if ringkasan.isu")
    isi(doc, "{{ ringkasan.isu.pengantar }}")
    control(doc, "if ringkasan.isu.rumusan")
    para(doc, "“{{ ringkasan.isu.rumusan }}”", "Kutipan")
    control(doc, "endif")
    control(doc, "else")
    isi(doc, BELUM_DIBAHAS.format("2.1"))
    control(doc, "endif")

    para(doc, "Kesenjangan Pelayanan", "Judul Ringkasan")
    control(doc, "if ringkasan.kesenjangan")
    isi(doc, "{{ ringkasan.kesenjangan.pengantar }}")
    bullets(doc, "x in ringkasan.kesenjangan.butir")
    control(doc, "else")
    isi(doc, BELUM_DIBAHAS.format("2.3"))
    control(doc, "endif")

    para(doc, "Solusi Terpadu", "Judul Ringkasan")
    control(doc, "if ringkasan.solusi")
    isi(doc, "{{ ringkasan.solusi.pengantar }}")
    numbered(doc, "x in ringkasan.solusi.butir")
    control(doc, "else")
    isi(doc, BELUM_DIBAHAS.format("3.2"))
    control(doc, "endif")

    para(doc, "Prioritas Tindakan", "Judul Ringkasan")
    control(doc, "if ringkasan.prioritas")
    isi(doc, "{{ ringkasan.prioritas.pengantar }}")
    table(doc, [3.5, 13.0], ["Aspek", "Urutan Prioritas"], "x in ringkasan.prioritas.baris",
          ["{{ x.aspek }}", multi("y in x.tindakan")])
    spacer(doc)
    control(doc, "else")
    isi(doc, BELUM_DIBAHAS.format("4.7"))
    control(doc, "endif")

    para(doc, "Kebutuhan Anggaran", "Judul Ringkasan")
    control(doc, "if ringkasan.anggaran")
    paras(doc, "x in ringkasan.anggaran.paragraf")
    control(doc, "else")
    isi(doc, BELUM_DIBAHAS.format("5.1"))
    control(doc, "endif")


# --------------------------------------------------------------------------------------------
# Chapters
# --------------------------------------------------------------------------------------------


def _bab1(doc: DocumentObject) -> None:
    h1(doc, "{{ bab.b1 }}")
    isi(doc, BAB_PENGANTAR[0])
    topic(doc, "t11")
    isi(doc, "{{ t11.pengantar }}")
    caption(doc, "{{ t11.tabel_stakeholder }}")
    w = [1.0, 5.0, 3.4, 6.0, 6.0, 2.6, 4.0]
    table(doc, w, ["No", "Stakeholder", "Kategori", "Peran", "Kepentingan", "Pengaruh / Kepentingan",
                   "Keterlibatan"], "s in t11.stakeholder",
          ["{{ s.no }}", "{{ s.nama }}", "{{ s.kategori }}", "{{ s.peran }}", "{{ s.kepentingan }}",
           "{{ s.pengaruh }}", "{{ s.keterlibatan }}"], ["Tabel Tengah"] + ["Tabel Isi"] * 6)
    spacer(doc)
    isi(doc, "{{ t11.pengantar_pokja }}")
    caption(doc, "{{ t11.tabel_pokja }}")
    w = [1.0, 7.0, 14.0, 6.0]
    table(doc, w, ["No", "Nama", "Jabatan", "Kedudukan dalam Kelompok Kerja"], "a in t11.anggota",
          ["{{ a.no }}", "{{ a.nama }}", "{{ a.jabatan }}", "{{ a.kedudukan }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    end_topic(doc, "1.1")

    # The Pokja's structure is a tall picture: it opens the portrait part, outside the topic's guard
    # so that the section break stays whether 1.1 is filled or not.
    _portrait(doc)
    control(doc, "if t11")
    picture_loop(doc, "t11.gambar")
    control(doc, "endif")
    topic(doc, "t12")
    isi(doc, "{{ t12.kesepakatan }}")
    isi(doc, "{{ t12.pengantar }}")
    caption(doc, "{{ t12.tabel }}")
    table(doc, [0.9, 6.1, 3.2, 2.6, 3.7], ["No", "Topik", "Tanggal", "Waktu", "Tempat"], "j in t12.jadwal",
          ["{{ j.no }}", "{{ j.topik }}", "{{ j.tanggal }}", "{{ j.waktu }}", "{{ j.tempat }}"],
          ["Tabel Tengah"] + ["Tabel Isi"] * 4)
    end_topic(doc, "1.2")
    extra_topics(doc, 1)


def _bab2(doc: DocumentObject) -> None:
    _landscape(doc)
    h1(doc, "{{ bab.b2 }}")
    isi(doc, BAB_PENGANTAR[1])

    topic(doc, "t21")
    paras(doc, "x in t21.pengantar")
    caption(doc, "{{ t21.tabel }}")
    # Criteria are columns: a {%tc %} loop repeats the middle cell once per agreed criterion.
    widths = cm([1.0, 12.0, 3.0, 3.0, 3.0, 2.0, 2.0, 2.0])
    t = new_table(doc, widths, "Tabel Bergaris")
    head = _new_row(t)
    for c, wd in zip(head.cells, widths, strict=True):
        _set_cell_width(c, wd)
    for i, text in enumerate(["No", "Isu", "{%tc for k in t21.kriteria %}", "{{ k }}", "{%tc endfor %}",
                              "Jumlah Skor", "Putaran Ulang", "Peringkat"]):
        fill_cell(head.cells[i], text, "Tabel Kepala")
    auto_width(head.cells[3])
    mark_header_row(head)
    add_loop_row(t, "{%tr for b in t21.baris %}", widths)
    row = _new_row(t)
    for c, wd in zip(row.cells, widths, strict=True):
        _set_cell_width(c, wd)
    for i, (text, style) in enumerate([
        ("{{ b.no }}", "Tabel Tengah"), ("{{ b.isu }}", "Tabel Isi"), ("{%tc for s in b.skor %}", "Tabel Tengah"),
        ("{{ s }}", "Tabel Tengah"), ("{%tc endfor %}", "Tabel Tengah"), ("{{ b.jumlah }}", "Tabel Tengah"),
        ("{{ b.putaran }}", "Tabel Tengah"), ("{{ b.peringkat }}", "Tabel Tengah"),
    ]):
        fill_cell(row.cells[i], text, style)
    auto_width(row.cells[3])
    cant_split(row)
    add_loop_row(t, "{%tr endfor %}", widths)
    para(
        doc,
        "Peringkat disusun dari jumlah skor; isu dengan jumlah skor sama diurutkan menurut nilai putaran ulang, "
        "tidak menurut urutan penulisan.",
        "Catatan Tabel",
    )
    end_topic(doc, "2.1")

    topic(doc, "t22")
    isi(doc, "{{ t22.pengantar }}")
    caption(doc, "{{ t22.tabel_regulasi }}")
    table(doc, [1.0, 11.0, 13.0, 3.0], ["No", "Peraturan Perundang-undangan", "Relevansi dengan STPP", "Status"],
          "g in t22.regulasi", ["{{ g.no }}", "{{ g.judul }}", "{{ g.relevansi }}", "{{ g.status }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    spacer(doc)
    caption(doc, "{{ t22.tabel_hubungan }}")
    table(doc, [1.0, 6.5, 5.5, 7.5, 7.5], ["No", "Regulasi dan Ketentuan", "Lembaga Terkait", "Kewenangan",
                                         "Implikasi bagi STPP"], "h in t22.hubungan",
          ["{{ h.no }}", "{{ h.regulasi }}", multi("y in h.lembaga"), "{{ h.kewenangan }}", "{{ h.implikasi }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    spacer(doc)
    para(doc, "Koridor hukum penyusunan STPP", "Judul Ringkasan")
    isi(doc, "{{ t22.koridor_penyusunan }}")
    para(doc, "Koridor hukum kerja sama antarinstansi", "Judul Ringkasan")
    isi(doc, "{{ t22.koridor_kerja_sama }}")
    end_topic(doc, "2.2")

    topic(doc, "t23")
    isi(doc, "{{ t23.pengantar }}")
    caption(doc, "{{ t23.tabel }}")
    table(doc, [1.0, 9.6, 2.2, 2.0, 2.8, 2.0, 2.6, 3.4, 2.4],
          ["No", "Indikator", "Satuan", "Target", "Realisasi (Tahun)", "Selisih", "Capaian", "Status",
           "Strategis"], "g in t23.baris",
          ["{{ g.no }}", "{{ g.indikator }}", "{{ g.satuan }}", "{{ g.target }}", "{{ g.realisasi }}",
           "{{ g.selisih }}", "{{ g.capaian }}", "{{ g.status }}", "{{ g.strategis }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Tengah", "Tabel Angka", "Tabel Angka", "Tabel Angka", "Tabel Angka",
           "Tabel Isi", "Tabel Tengah"])
    spacer(doc)
    isi(doc, "Indikator strategis yang ditindaklanjuti pada Tahap IV dan alasannya:")
    numbered(doc, "x in t23.strategis")
    picture_loop(doc, "t23.gambar")
    end_topic(doc, "2.3")
    extra_topics(doc, 2)


def _bab3_4(doc: DocumentObject) -> None:
    _portrait(doc)
    h1(doc, "{{ bab.b3 }}")
    isi(doc, BAB_PENGANTAR[2])
    topic(doc, "t31")
    isi(doc, "{{ t31.pengantar }}")
    caption(doc, "{{ t31.tabel_gg }}")
    w = [4.0, 2.5, 2.5, 2.5, 2.5, 2.5]
    widths = cm(w)
    t = new_table(doc, widths, "Tabel Bergaris")
    head = add_header_row(t, ["Proses Pelayanan", "{{ t31.kriteria[0] }}", "{{ t31.kriteria[1] }}",
                              "{{ t31.kriteria[2] }}", "{{ t31.kriteria[3] }}", "{{ t31.kriteria[4] }}"], widths)
    del head
    looped_rows(t, "g in t31.baris", ["{{ g.proses }}"] + ["{{ g.nilai[" + str(i) + "] }}" for i in range(5)],
                ["Tabel Isi"] + ["Tabel Tengah"] * 5, widths)
    spacer(doc)
    control(doc, "if t31.temuan")
    isi(doc, "{{ t31.pengantar_temuan }}")
    bullets(doc, "x in t31.temuan")
    control(doc, "endif")
    isi(doc, "{{ t31.pengantar_persoalan }}")
    caption(doc, "{{ t31.tabel_persoalan }}")
    table(doc, [0.9, 6.0, 3.6, 6.0], ["No", "Persoalan Utama", "Kriteria yang Belum Terpenuhi", "Keterangan"],
          "g in t31.persoalan", ["{{ g.no }}", "{{ g.uraian }}", "{{ g.kriteria }}", "{{ g.keterangan }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    spacer(doc)
    control(doc, "if t31.kartu")
    isi(doc, "{{ t31.pengantar_kartu }}")
    caption(doc, "{{ t31.tabel_kartu }}")
    table(doc, [4.1, 6.2, 6.2], ["Proses Pelayanan", "Harapan", "Kenyataan"], "g in t31.kartu",
          ["{{ g.proses }}", multi("y in g.harapan", "•\t{{ y }}"), multi("y in g.kenyataan", "•\t{{ y }}")])
    spacer(doc)
    control(doc, "endif")
    isi(doc, "Faktor yang mendukung penanganan persoalan pelayanan:")
    bullets(doc, "x in t31.pendukung")
    isi(doc, "Faktor yang menghambat penanganan persoalan pelayanan:")
    bullets(doc, "x in t31.penghambat")
    end_topic(doc, "3.1")

    topic(doc, "t32")
    isi(doc, "{{ t32.pengantar }}")
    caption(doc, "{{ t32.tabel }}")
    table(doc, [0.9, 3.4, 6.1, 6.1], ["No", "Tahap Alur Pelayanan", "Akar Masalah", "Solusi Alternatif"],
          "g in t32.baris", ["{{ g.no }}", "{{ g.tahap }}", "{{ g.akar }}", multi("y in g.solusi", "•\t{{ y }}")],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    spacer(doc)
    isi(doc, "Solusi terpadu yang disepakati:")
    numbered(doc, "x in t32.terpadu")
    picture_loop(doc, "t32.gambar")
    end_topic(doc, "3.2")
    extra_topics(doc, 3)

    h1(doc, "{{ bab.b4 }}", new_page=True)
    isi(doc, BAB_PENGANTAR[3])
    topic(doc, "t41")
    isi(doc, "{{ t41.pengantar }}")
    caption(doc, "{{ t41.tabel_kuadran }}")
    widths = cm([8.25, 8.25])
    t = new_table(doc, widths, "Tabel Bergaris")
    add_loop_row(t, "{%tr for q in t41.pasangan %}", widths)
    add_row(t, ["{{ q.kiri.judul }}", "{{ q.kanan.judul }}"], "Tabel Kepala", widths)
    add_row(t, [multi("y in q.kiri.butir", "•\t{{ y }}"), multi("y in q.kanan.butir", "•\t{{ y }}")],
            "Tabel Isi", widths)
    add_loop_row(t, "{%tr endfor %}", widths)
    bullet_cells(t)
    spacer(doc)
    isi(doc, "Strategi peningkatan kapasitas teknis yang dirumuskan:")
    paras(doc, "x in t41.strategi", "{{ x.no }}\t{{ x.teks }}", "Butir Kode")
    caption(doc, "{{ t41.tabel_usulan }}")
    table(doc, [0.9, 6.6, 4.0, 5.0], ["No", "Usulan Tindakan", "Indikator yang Ditingkatkan", "Target"],
          "g in t41.usulan",
          ["{{ g.no }}", "{{ g.uraian }}", multi("y in g.indikator", "•\t{{ y }}"), "{{ g.target }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    end_topic(doc, "4.1")

    topic(doc, "t42")
    control(doc, "for l in t42.layanan")
    isi(doc, "{{ l.pengantar }}")
    caption(doc, "{{ l.tabel }}")
    table(doc, [0.9, 8.6, 4.5, 2.5], ["No", "Langkah Prosedur Perbaikan", "Pelaksana", "Waktu"], "g in l.langkah",
          ["{{ g.no }}", "{{ g.uraian }}", "{{ g.pelaku }}", "{{ g.waktu }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    spacer(doc)
    picture_loop(doc, "l.gambar")
    control(doc, "endfor")
    end_topic(doc, "4.2")

    topic(doc, "t43")
    isi(doc, "{{ t43.pengantar }}")
    caption(doc, "{{ t43.tabel }}")
    table(doc, [0.9, 3.2, 6.4, 3.0, 3.0], ["No", "Jenis", "Judul Rancangan Kebijakan", "Pemrakarsa",
                                         "Jadwal Pembahasan"], "g in t43.baris",
          ["{{ g.no }}", "{{ g.jenis }}", "{{ g.judul }}", "{{ g.pemrakarsa }}", "{{ g.pembahasan }}"],
          ["Tabel Tengah"] + ["Tabel Isi"] * 4)
    end_topic(doc, "4.3")

    topic(doc, "t44")
    isi(doc, "{{ t44.pengantar }}")
    caption(doc, "{{ t44.tabel_kebutuhan }}")
    table(doc, [0.9, 3.9, 5.1, 1.8, 2.4, 2.4], ["No", "Unit", "Posisi", "Ada", "Dibutuhkan", "Kekurangan"],
          "g in t44.kebutuhan", ["{{ g.no }}", "{{ g.unit }}", "{{ g.posisi }}", "{{ g.ada }}", "{{ g.butuh }}",
                                 "{{ g.kurang }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Angka", "Tabel Angka"])
    spacer(doc)
    caption(doc, "{{ t44.tabel_program }}")
    w = [0.9, 5.6, 2.3, 2.1, 2.8, 2.8]
    t = table(doc, w, ["No", "Program", "Jenis", "Peserta", "Waktu", "Biaya (Rp)"], "g in t44.program",
              ["{{ g.no }}", "{{ g.nama }}", "{{ g.jenis }}", "{{ g.peserta }}", "{{ g.waktu }}", "{{ g.biaya }}"],
              ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Angka"])
    total_row(t, w, "Jumlah", "{{ t44.total }}")
    end_topic(doc, "4.4")

    topic(doc, "t45")
    isi(doc, "{{ t45.pengantar }}")
    caption(doc, "{{ t45.tabel }}")
    table(doc, [0.9, 4.0, 3.2, 3.0, 5.4], ["No", "Unit", "Di Bawah", "Status", "Peran"], "g in t45.baris",
          ["{{ g.no }}", "{{ g.unit }}", "{{ g.induk }}", "{{ g.status }}", "{{ g.peran }}"],
          ["Tabel Tengah"] + ["Tabel Isi"] * 4)
    end_topic(doc, "4.5")

    topic(doc, "t46")
    isi(doc, "{{ t46.pengantar }}")
    caption(doc, "{{ t46.tabel_kondisi }}")
    table(doc, [0.9, 6.6, 2.2, 1.6, 5.2], ["No", "Indikator", "Nilai", "Tahun", "Keterangan"], "g in t46.kondisi",
          ["{{ g.no }}", "{{ g.indikator }}", "{{ g.nilai }}", "{{ g.tahun }}", "{{ g.keterangan }}"],
          ["Tabel Tengah", "Tabel Isi", "Tabel Angka", "Tabel Tengah", "Tabel Isi"])
    spacer(doc)
    caption(doc, "{{ t46.tabel_usulan }}")
    table(doc, [0.9, 5.6, 2.8, 3.2, 4.0], ["No", "Usulan", "Kategori", "Dampak per Tahun", "Prasyarat"],
          "g in t46.usulan", ["{{ g.no }}", "{{ g.uraian }}", "{{ g.kategori }}", "{{ g.dampak }}",
                              multi("y in g.prasyarat", "•\t{{ y }}")],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Isi"])
    end_topic(doc, "4.6")

    topic(doc, "t47")
    paras(doc, "x in t47.pengantar")
    caption(doc, "{{ t47.tabel }}")
    table(doc, [3.2, 2.3, 8.5, 2.5], ["Aspek", "Peringkat", "Tindakan", "Nilai MCUA"], "g in t47.baris",
          ["{{ g.aspek }}", "{{ g.peringkat }}", "{{ g.tindakan }}", "{{ g.nilai }}"],
          ["Tabel Isi", "Tabel Tengah", "Tabel Isi", "Tabel Angka"])
    end_topic(doc, "4.7")
    extra_topics(doc, 4)


def _bab5(doc: DocumentObject) -> None:
    _landscape(doc)
    h1(doc, "{{ bab.b5 }}")
    isi(doc, BAB_PENGANTAR[4])
    topic(doc, "t51")
    isi(doc, "{{ t51.pengantar_logframe }}")
    caption(doc, "{{ t51.tabel_logframe }}")
    table(doc, [2.3, 5.7, 5.5, 1.9, 1.9, 2.3, 4.4, 4.0],
          ["Tingkat", "Rumusan", "Indikator (Satuan)", "Baseline", "Target", "Tenggat", "Sumber Verifikasi",
           "Asumsi"], "g in t51.logframe",
          ["{{ g.tingkat }}", "{{ g.rumusan }}", "{{ g.indikator }}", "{{ g.baseline }}", "{{ g.target }}",
           "{{ g.tenggat }}", "{{ g.sumber }}", multi("y in g.asumsi")],
          ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Angka", "Tabel Isi", "Tabel Isi",
           "Tabel Isi"])
    spacer(doc)
    isi(doc, "{{ t51.pengantar_skema }}")
    caption(doc, "{{ t51.tabel_skema }}")
    w = [1.1, 6.5, 4.2, 3.0, 4.6, 3.4, 3.0, 2.2]
    widths = cm(w)
    t = new_table(doc, widths, "Tabel Bergaris")
    add_header_row(t, ["No", "Kegiatan", "Tindakan Prioritas (Aspek)", "Jadwal", "Pelaksana", "Penanggung Jawab",
                       "Biaya (Rp)", "Sumber Dana"], widths)
    add_loop_row(t, "{%tr for k in t51.keluaran %}", widths)
    row = add_row(t, ["{{ k.judul }}"] + [""] * 7, "Tabel Kelompok", widths)
    row.cells[0].merge(row.cells[7])
    add_loop_row(t, "{%tr for g in k.kegiatan %}", widths)
    add_row(t, ["{{ g.no }}", "{{ g.rumusan }}", "{{ g.tindakan }}", "{{ g.jadwal }}", "{{ g.pelaksana }}",
                "{{ g.pj }}", "{{ g.biaya }}", "{{ g.sumber }}"],
            ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Angka",
             "Tabel Isi"], widths)
    add_loop_row(t, "{%tr endfor %}", widths)
    total_row(t, w, "{{ k.jumlah_label }}", "{{ k.jumlah }}", trailing=1)
    add_loop_row(t, "{%tr endfor %}", widths)
    total_row(t, w, "Jumlah Seluruhnya", "{{ t51.total }}", trailing=1)
    spacer(doc)
    isi(doc, "{{ t51.pengantar_rekap }}")
    caption(doc, "{{ t51.tabel_rekap }}")
    w = [12.0, 9.0, 7.0]
    widths = cm(w)
    t = new_table(doc, widths, "Tabel Bergaris")
    add_header_row(t, ["Uraian", "Jumlah (Rp)", "Persentase"], widths)
    add_loop_row(t, "{%tr for g in t51.rekap %}", widths)
    add_loop_row(t, "{%tr if g.kelompok %}", widths)
    row = add_row(t, ["{{ g.kelompok }}", "", ""], "Tabel Jumlah", widths)
    row.cells[0].merge(row.cells[2])
    add_loop_row(t, "{%tr else %}", widths)
    add_row(t, ["{{ g.uraian }}", "{{ g.jumlah }}", "{{ g.persen }}"], ["Tabel Isi", "Tabel Angka", "Tabel Angka"],
            widths)
    add_loop_row(t, "{%tr endif %}", widths)
    add_loop_row(t, "{%tr endfor %}", widths)
    add_row(t, ["Jumlah Seluruhnya", "{{ t51.total }}", "100%"],
            ["Tabel Jumlah", "Tabel Jumlah Angka", "Tabel Jumlah Angka"], widths)
    control(doc, "if t51.catatan")
    para(doc, "Catatan: {{ t51.catatan }}", "Catatan Tabel")
    control(doc, "endif")
    end_topic(doc, "5.1")

    _portrait(doc)
    topic(doc, "t52")
    isi(doc, "{{ t52.pengantar }}")
    para(doc, "Maklumat Pelayanan", "Judul Ringkasan")
    para(doc, "“{{ t52.maklumat }}”", "Kutipan")
    control(doc, "if t52.maklumat_tempat")
    para(doc, "{{ t52.maklumat_tempat }}", "Isi Rata Kanan")
    control(doc, "endif")
    caption(doc, "{{ t52.tabel_standar }}")
    table(doc, [0.9, 3.9, 2.4, 5.3, 4.0], ["No", "Jenis Layanan", "Jangka Waktu", "Biaya/Tarif", "Produk Layanan"],
          "g in t52.layanan", ["{{ g.no }}", "{{ g.nama }}", "{{ g.waktu }}", multi("y in g.biaya"),
                               multi("y in g.produk")], ["Tabel Tengah"] + ["Tabel Isi"] * 4)
    spacer(doc)
    caption(doc, "{{ t52.tabel_janji }}")
    table(doc, [0.9, 12.0, 3.6], ["No", "Janji Layanan", "Batas Waktu"], "g in t52.janji",
          ["{{ g.no }}", "{{ g.uraian }}", "{{ g.waktu }}"], ["Tabel Tengah", "Tabel Isi", "Tabel Isi"])
    spacer(doc)
    caption(doc, "{{ t52.tabel_kanal }}")
    table(doc, [0.9, 3.8, 7.6, 4.2], ["No", "Saluran", "Alamat/Kontak", "Jam Layanan"], "g in t52.kanal",
          ["{{ g.no }}", "{{ g.kanal }}", "{{ g.alamat }}", "{{ g.jam }}"], ["Tabel Tengah"] + ["Tabel Isi"] * 3)
    spacer(doc)
    isi(doc, "Hak pelanggan:")
    bullets(doc, "x in t52.hak")
    isi(doc, "Kewajiban pelanggan:")
    bullets(doc, "x in t52.kewajiban")
    control(doc, "if t52.kompensasi")
    isi(doc, "Kompensasi dan sanksi:")
    bullets(doc, "x in t52.kompensasi")
    control(doc, "endif")

    para(doc, "Pemilahan Kegiatan", "Judul Ringkasan")
    isi(doc, "{{ t52.pengantar_pemilahan }}")
    w = [0.9, 7.0, 3.0, 3.4, 2.2]
    for key, label in (("langsung", "langsung"), ("perlu", "perlu"), ("belum", "belum")):
        if key == "belum":
            control(doc, "if t52.pemilahan.belum")
        caption(doc, "{{ t52.tabel_" + label + " }}")
        t = table(doc, w, ["No", "Kegiatan", "Jadwal", "Biaya (Rp)", "Sumber Dana"], f"g in t52.pemilahan.{key}",
                  ["{{ g.no }}", "{{ g.rumusan }}", "{{ g.jadwal }}", "{{ g.biaya }}", "{{ g.sumber }}"],
                  ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Isi"])
        total_row(t, w, "Jumlah", "{{ t52.pemilahan." + key + "_angka }}", trailing=1)
        spacer(doc)
        if key == "belum":
            control(doc, "endif")
    control(doc, "if t52.analisis_finansial")
    para(doc, "Analisis Finansial", "Judul Ringkasan")
    isi(doc, "{{ t52.analisis_finansial }}")
    control(doc, "endif")
    control(doc, "if t52.narasi")
    para(doc, "Narasi Skema Tindakan", "Judul Ringkasan")
    isi(doc, "{{ t52.narasi }}")
    control(doc, "endif")
    end_topic(doc, "5.2")
    extra_topics(doc, 5)


def _kesepakatan(doc: DocumentObject) -> None:
    """The agreed STPP's own chapter: the 5.3 meeting, its responses, agreements and changes."""
    h1(doc, "{{ bab.kesepakatan }}", new_page=True)
    isi(
        doc,
        "Rancangan STPP disampaikan dan dibahas dalam rapat penyepakatan pada tanggal {{ kesepakatan.tanggal }}"
        "{% if kesepakatan.waktu %}, pukul {{ kesepakatan.waktu }}{% endif %}, di {{ kesepakatan.tempat }}, "
        "dipimpin oleh {{ kesepakatan.pimpinan }} dan dihadiri {{ kesepakatan.jumlah_peserta }} peserta. Pokok "
        "tanggapan yang disampaikan dan tindak lanjutnya adalah sebagai berikut.",
    )
    control(doc, "for g in kesepakatan.tanggapan")
    para(doc, "{{ g.pihak }}", "Judul Ringkasan")
    bullets(doc, "x in g.butir")
    control(doc, "if g.tindak_lanjut")
    para(doc, "Tindak lanjut:", "Isi").paragraph_format.keep_with_next = True
    bullets(doc, "x in g.tindak_lanjut")
    control(doc, "endif")
    control(doc, "endfor")
    para(doc, "Butir Kesepakatan", "Judul Ringkasan")
    isi(doc, "Rapat menyepakati hal-hal berikut:")
    numbered(doc, "x in kesepakatan.kesepakatan")
    control(doc, "if kesepakatan.perubahan")
    para(doc, "Perubahan atas Rancangan STPP", "Judul Ringkasan")
    isi(doc, "Perubahan berikut disepakati dalam rapat dan telah dimuat pada bagian naskah yang "
        "bersangkutan:").paragraph_format.keep_with_next = True
    table(doc, [0.9, 5.6, 4.0, 6.0], ["No", "Perubahan", "Bagian", "Bunyi yang Disepakati"],
          "g in kesepakatan.perubahan",
          ["{{ g.no }}", "{{ g.uraian }}", "{{ g.bagian }}", multi("y in g.bunyi")],
          ["Tabel Tengah", "Tabel Isi", "Tabel Isi", "Tabel Isi"])
    spacer(doc)
    control(doc, "endif")
    para(doc, "Dokumen Pendukung", "Judul Ringkasan")
    isi(doc, "Status dokumen pendukung yang dibahas dalam rapat:")
    bullets(doc, "x in kesepakatan.dokumen")


def _closing(doc: DocumentObject, disepakati: bool) -> None:
    _penutup_bab(doc, disepakati)
    _daftar_lampiran(doc, disepakati)


def _penutup_bab(doc: DocumentObject, disepakati: bool) -> None:
    """The closing chapter: the draft asks for approval; the agreed STPP says it awaits adoption."""
    h1(doc, "{{ bab.penutup }}", new_page=True)
    if disepakati:
        isi(
            doc,
            "Skema Tindakan Peningkatan Pelayanan ini telah disepakati bersama Pimpinan Dewan Perwakilan Rakyat "
            "Daerah {{ daerah }} dan {{ kepala_daerah }} sebagai hasil kerja bersama Pemerintah {{ daerah }}, "
            "{{ pdam_singkat }}, dan masyarakat pengguna layanan. Keberhasilannya bergantung pada kesungguhan "
            "semua pihak melaksanakan kegiatan sesuai jadwal, anggaran, dan pembagian tanggung jawab yang telah "
            "disepakati.",
        )
        isi(
            doc,
            "Kelompok Kerja mendorong penetapan STPP ini dan Citizen Charter oleh {{ kepala_daerah }}, lalu "
            "mengawal pelaksanaan, memantau capaian indikator, dan melaporkan hasilnya secara berkala, sehingga "
            "pelayanan air minum yang lebih baik benar-benar dirasakan masyarakat.",
        )
    else:
        isi(
            doc,
            "Rancangan Skema Tindakan Peningkatan Pelayanan ini merupakan hasil kerja bersama Pemerintah "
            "{{ daerah }}, {{ pdam_singkat }}, dan masyarakat pengguna layanan. Keberhasilannya bergantung pada "
            "kesungguhan semua pihak melaksanakan kegiatan sesuai jadwal, anggaran, dan pembagian tanggung jawab "
            "yang telah disepakati.",
        )
        control(doc, "if penutup.ada_biaya")
        isi(
            doc,
            "Kelompok Kerja memohon tanggapan dan persetujuan Pimpinan Dewan Perwakilan Rakyat Daerah dan "
            "{{ kepala_daerah }}, terutama atas kegiatan senilai {{ penutup.perlu_jumlah }} yang memerlukan "
            "persetujuan pimpinan daerah, sementara kegiatan senilai {{ penutup.langsung_jumlah }} segera dimulai "
            "oleh {{ pdam_singkat }}.",
        )
        control(doc, "else")
        isi(
            doc,
            "Kelompok Kerja memohon tanggapan dan persetujuan Pimpinan Dewan Perwakilan Rakyat Daerah dan "
            "{{ kepala_daerah }} atas Rancangan STPP ini.",
        )
        control(doc, "endif")
        isi(
            doc,
            "Setelah disepakati, Kelompok Kerja akan mendorong penetapan STPP dan Citizen Charter oleh "
            "{{ kepala_daerah }}, mengawal pelaksanaannya, memantau capaian indikator, dan melaporkan hasilnya "
            "secara berkala, sehingga pelayanan air minum yang lebih baik benar-benar dirasakan masyarakat.",
        )


def _daftar_lampiran(doc: DocumentObject, disepakati: bool) -> None:
    control(doc, "if lampiran")
    h1(doc, "DAFTAR LAMPIRAN", new_page=True)
    isi(doc, "Dokumen berikut disusun bersama " + ("STPP" if disepakati else "Rancangan STPP")
        + " ini dan disampaikan sebagai lampiran tersendiri:")
    numbered(doc, "x in lampiran")
    control(doc, "endif")


def _konsep_header(doc: DocumentObject) -> None:
    """KONSEP at the top right of every page while a topic of 1.1–5.2 is missing (empty otherwise)."""
    first = doc.sections[0]
    for header in (first.header, first.first_page_header):
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run("{{ konsep }}")
        run.bold = True
        run.font.size = Pt(12)


def chapters(doc: DocumentObject, disepakati: bool) -> None:
    """Chapters I to V (Tahap 1.1–5.2) and, in the agreed STPP, the chapter on the agreement."""
    _bab1(doc)
    _bab2(doc)
    _bab3_4(doc)
    _bab5(doc)
    if disepakati:
        _kesepakatan(doc)


def build_naskah(disepakati: bool) -> DocumentObject:
    """The Rancangan STPP (handed over at 5.3) or the agreed STPP (after 5.3), for the DPRD and the Kepala Daerah."""
    doc = new_document(style_kit_draft)
    first = doc.sections[0]
    assert abs(text_width(first) - int(Cm(PORTRAIT_CM))) < int(Cm(0.01))
    first.different_first_page_header_footer = True  # no page number on the cover
    _page_numbers(first, "lowerRoman")
    if not disepakati:
        _konsep_header(doc)
    _cover(doc)
    _foreword(doc, disepakati)
    _toc(doc)
    _summary(doc)
    _landscape(doc, start=1)
    chapters(doc, disepakati)
    _closing(doc, disepakati)
    return doc


def build_draft_stpp() -> DocumentObject:
    """The Rancangan STPP: Tahap 1.1–5.2, handed to the DPRD leaders and the Kepala Daerah at 5.3."""
    return build_naskah(disepakati=False)


NAME = "draft-stpp.docx"
TITLE = "Templat Rancangan Skema Tindakan Peningkatan Pelayanan"
build = build_draft_stpp
