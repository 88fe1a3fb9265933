"""Template of the Tabel Hubungan Antar-kebijakan and Koridor Hukum (``hubungan-antar-kebijakan.docx``).

The table of topic 2.2 has six columns of legal text: it gets a landscape F4 section of its own,
with the title block on top so that no page stays nearly empty. Institutions, the two legal
corridors and the status of every regulation follow in portrait.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Row

from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_header_row,
    add_loop_row,
    add_portrait_section,
    cant_split,
    control,
    fill_cell,
    new_document,
    new_table,
    para,
    paragraph_style,
    style_kit_naskah,
    text_width,
)


def style_kit_hubungan(doc: DocumentObject) -> None:
    """The naskah kit in Bookman 12; table text at 10 pt so six columns of citations stay readable."""
    style_kit_naskah(doc, font="Bookman Old Style", size=12)
    paragraph_style(doc, "Tabel Isi", size=10)
    paragraph_style(doc, "Tabel Isi Rata", size=10)
    paragraph_style(doc, "Tabel Kepala", size=10)
    # Items inside a table cell (provisions, institutions): a small hanging dash.
    paragraph_style(doc, "Tabel Butir", base="Tabel Isi", left=Cm(0.35), hanging=Cm(0.35))


def _looped_cell_rows(
    table: Table,
    loop: str,
    cells: list[list[str]],
    styles: list[str | list[str]],
    widths: list[Length],
) -> _Row:
    """``{%tr for %}`` / one row whose cells may hold several paragraphs (and paragraph loops) / endfor."""
    add_loop_row(table, "{%tr for " + loop + " %}", widths)
    row = _new_row(table)
    for cell, texts, style, width in zip(row.cells, cells, styles, widths, strict=True):
        _set_cell_width(cell, width)
        base = style if isinstance(style, str) else style[0]
        fill_cell(cell, texts, base)
        if not isinstance(style, str):
            for paragraph, name in zip(cell.paragraphs, style, strict=True):
                paragraph.style = name
    cant_split(row)
    add_loop_row(table, "{%tr endfor %}", widths)
    return row


#: Styles of the paragraphs :func:`_daftar` writes into a cell.
_DAFTAR_GAYA = ["Tabel Isi", "Tabel Butir", "Tabel Isi", "Tabel Isi", "Tabel Isi"]


def _daftar(loop: str, var: str) -> list[str]:
    """A dashed list inside a cell; an empty list prints a dash, so the cell is never left without a
    paragraph (Word refuses a cell with none)."""
    return ["{%p for " + loop + " %}", "-\t{{ " + var + " }}", "{%p else %}", "\u2014", "{%p endfor %}"]


def build_hubungan_antar_kebijakan() -> DocumentObject:
    """Title block, Tabel Hubungan (landscape), institutions, Koridor Hukum, status of each regulation."""
    doc = new_document(style_kit_hubungan, landscape=True)
    width = text_width(doc.sections[0])

    para(doc, "{{ judul }}", "Judul Naskah")
    control(doc, "for baris in subjudul")
    para(doc, "{{ baris }}", "Judul Naskah")
    control(doc, "endfor")
    para(doc, "", "Normal")
    control(doc, "for t in pengantar")
    para(doc, "{{ t }}", "Isi")
    control(doc, "endfor")

    # A. The table: No | Peraturan | Ketentuan | Lembaga | Kewenangan | Implikasi bagi STPP.
    para(doc, "A.\tTabel Hubungan Antar-kebijakan", "Subjudul")
    control(doc, "if hubungan")
    fixed = [Cm(1.0), Cm(6.4), Cm(4.6), Cm(5.4), Cm(5.4)]
    widths = [*fixed, Length(width - sum(int(w) for w in fixed))]
    table = new_table(doc, widths, "Tabel Bergaris")
    add_header_row(
        table,
        ["No", "Peraturan", "Ketentuan/Pasal Terkait", "Lembaga", "Kewenangan", "Implikasi bagi STPP"],
        widths,
    )
    _looped_cell_rows(
        table,
        "h in hubungan",
        [
            ["{{ h.no }}"],
            ["{{ h.peraturan }}", "{%p if h.catatan %}", "{{ h.catatan }}", "{%p endif %}"],
            _daftar("k in h.ketentuan", "k"),
            _daftar("n in h.lembaga", "n"),
            ["{{ h.kewenangan }}"],
            ["{{ h.implikasi }}"],
        ],
        [
            "Tabel Isi",
            ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi"],
            _DAFTAR_GAYA,
            _DAFTAR_GAYA,
            "Tabel Isi",
            "Tabel Isi",
        ],
        widths,
    )
    # The status remark under a citation ("telah dicabut ...") is set in italics to stand apart.
    loop_row = table.rows[2]
    for run in loop_row.cells[1].paragraphs[2].runs:
        run.italic = True
    loop_row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    control(doc, "else")
    para(doc, "Pokja belum mengisi baris Tabel Hubungan Antar-kebijakan pada berkas 2.2.", "Isi")
    control(doc, "endif")

    # B.-D. in portrait.
    add_portrait_section(doc)
    pwidth = text_width(doc.sections[-1])
    p = para(doc, "B.\tLembaga Terkait dan Perannya", "Subjudul")
    lfixed = [Cm(1.1), Cm(4.6), Cm(5.2)]
    lwidths = [*lfixed, Length(pwidth - sum(int(w) for w in lfixed))]
    table = new_table(doc, lwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Lembaga", "Peran", "Peraturan yang Mengaitkan"], lwidths)
    row = _looped_cell_rows(
        table,
        "l in lembaga",
        [
            ["{{ l.no }}"],
            ["{{ l.nama }}"],
            ["{{ l.peran }}"],
            _daftar("r in l.peraturan", "r"),
        ],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi", _DAFTAR_GAYA],
        lwidths,
    )
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    p = para(doc, "C.\tKoridor Hukum", "Subjudul")
    p.paragraph_format.space_before = Pt(18)
    p = para(doc, "1.\tKoridor hukum dalam pengembangan proses penyusunan STPP", "Daftar Bernomor")
    p.paragraph_format.keep_with_next = True
    control(doc, "for t in koridor_penyusunan")
    p = para(doc, "{{ t }}", "Isi")
    p.paragraph_format.left_indent = Cm(1.0)
    control(doc, "endfor")
    p = para(doc, "2.\tKoridor hukum kerja sama antar-instansi terkait pengembangan penyusunan STPP", "Daftar Bernomor")
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(6)
    control(doc, "for t in koridor_kerja_sama")
    p = para(doc, "{{ t }}", "Isi")
    p.paragraph_format.left_indent = Cm(1.0)
    control(doc, "endfor")

    p = para(doc, "D.\tStatus Peraturan yang Dirujuk", "Subjudul")
    p.paragraph_format.space_before = Pt(18)
    para(doc, "{{ status_pengantar }}", "Isi")
    sfixed = [Cm(1.1), Cm(7.4)]
    swidths = [*sfixed, Length(pwidth - sum(int(w) for w in sfixed))]
    table = new_table(doc, swidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Peraturan dan Relevansinya bagi STPP", "Status dan Catatan bagi Perancang"], swidths)
    _looped_cell_rows(
        table,
        "r in regulasi",
        [
            ["{{ r.no }}"],
            [
                "{{ r.kutipan }}",
                "{{ r.relevansi }}",
                "{%p for k in r.ketentuan %}",
                "-\t{{ k }}",
                "{%p endfor %}",
            ],
            ["{{ r.status }}", "{%p for c in r.keterangan %}", "{{ c }}", "{%p endfor %}"],
        ],
        [
            "Tabel Isi",
            ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Butir", "Tabel Isi"],
            ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi"],
        ],
        swidths,
    )
    row = table.rows[2]
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in row.cells[2].paragraphs[0].runs:
        run.bold = True
    for index in (1, 3):
        row.cells[1].paragraphs[index].paragraph_format.space_before = Pt(3)
    row.cells[2].paragraphs[2].paragraph_format.space_before = Pt(3)
    return doc


NAME = "hubungan-antar-kebijakan.docx"
TITLE = "Templat Tabel Hubungan Antar-kebijakan dan Koridor Hukum"
build = build_hubungan_antar_kebijakan
