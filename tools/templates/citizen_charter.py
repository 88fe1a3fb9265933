"""Template of the Citizen Charter: Maklumat Pelayanan and Standar Pelayanan (``citizen-charter.docx``)."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Pt

from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_header_row,
    add_loop_row,
    auto_width,
    cant_split,
    control,
    fill_cell,
    keep_lead_ins,
    looped_rows,
    new_document,
    new_table,
    page_break_before,
    para,
    paragraph_style,
    style_kit_naskah,
    text_width,
)


def style_kit_charter(doc: DocumentObject) -> None:
    """Citizen Charter: the same named styles, in the SK's typeface (it is signed like one)."""
    style_kit_naskah(doc, font="Bookman Old Style", size=11)
    paragraph_style(doc, "Butir Tabel", base="Tabel Isi", left=Cm(0.7), hanging=Cm(0.7))
    # An explicit stop at the hanging indent: LibreOffice does not always treat it as one.
    doc.styles["Butir Tabel"].paragraph_format.tab_stops.add_tab_stop(Cm(0.7))


def komponen_layanan(doc: DocumentObject, width: int) -> None:
    """Per service (``layanan``), the table of the standard's components (No | Komponen | Uraian), group
    headings merged across it: the same in the Citizen Charter and the Direksi's Keputusan adopting it."""
    cwidths = [Cm(1.2), Cm(5.0), Length(width - int(Cm(1.2)) - int(Cm(5.0)))]
    control(doc, "for l in layanan")
    para(doc, "{{ l.nomor }}.\t{{ l.nama }}", "Subjudul")
    table = new_table(doc, cwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Komponen", "Uraian"], cwidths)
    add_loop_row(table, "{%tr for k in l.komponen %}", cwidths)
    # A row with ``kelompok`` set is a group heading (PermenPAN-RB 15/2014: service delivery /
    # manufacturing), merged across the table; the others are component rows.
    add_loop_row(table, "{%tr if k.kelompok %}", cwidths)
    group = _new_row(table)
    for cell, w in zip(group.cells, cwidths, strict=True):
        _set_cell_width(cell, w)
    merged = group.cells[0].merge(group.cells[2])
    fill_cell(merged, "{{ k.kelompok }}", "Tabel Isi", bold=True)
    merged.paragraphs[0].paragraph_format.keep_with_next = True
    cant_split(group)
    add_loop_row(table, "{%tr else %}", cwidths)
    row = _new_row(table)
    for cell, w in zip(row.cells, cwidths, strict=True):
        _set_cell_width(cell, w)
    fill_cell(row.cells[0], "{{ k.no }}", "Tabel Isi")
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    fill_cell(row.cells[1], "{{ k.nama }}", "Tabel Isi")
    # A numbered item hangs its number (1., a.) so the text aligns; an unnumbered one fills the cell.
    fill_cell(
        row.cells[2],
        ["{%p for u in k.uraian %}", "{%p if u.nomor %}", "{{ u.nomor }}\t{{ u.teks }}", "{%p else %}",
         "{{ u.teks }}", "{%p endif %}", "{%p endfor %}"],
        "Tabel Isi",  # left-aligned: justified text in a 10 cm column opens holes between words
    )
    row.cells[2].paragraphs[2].style = "Butir Tabel"
    cant_split(row)
    add_loop_row(table, "{%tr endif %}", cwidths)
    add_loop_row(table, "{%tr endfor %}", cwidths)
    para(doc, "", "Normal")
    control(doc, "endfor")


def build_citizen_charter() -> DocumentObject:
    """Maklumat Pelayanan + Standar Pelayanan (UU 25/2009 Pasal 21; PermenPANRB 15/2014)."""
    doc = new_document(style_kit_charter)
    width = text_width(doc.sections[0])
    para(doc, "{{ maklumat_judul }}", "Judul Naskah")
    p = para(doc, "{{ pdam }}", "Judul Naskah")
    p.paragraph_format.space_after = Pt(24)
    control(doc, "for t in maklumat")
    p = para(doc, "{{ t }}", "Isi")
    p.paragraph_format.space_after = Pt(12)
    control(doc, "endfor")
    p = para(doc, "{{ tempat }}, {{ tanggal }}", "Blok Kanan")
    p.paragraph_format.space_before = Pt(24)
    p.paragraph_format.space_after = Pt(12)

    # Signatories side by side: one column per signatory ({%tc %} loops over columns).
    # docxtpl rescales the grid to the number of signatories, keeping the total width; the cell
    # itself carries no width of its own so that the grid decides.
    third = Length(width // 3)
    swidths = [third, third, third]
    table = new_table(doc, swidths, "Tabel Tanpa Garis")
    # Two rows: offices on the first, names on the second, so that every name sits on the same
    # line however many lines each office takes (a long office beside a short one is the rule).
    texts: list[list[str]] = [
        ["{{ s.sebutan }}", "{{ s.jabatan }}"],
        ["{{ s.nama }}", "{%p if s.nip %}", "NIP. {{ s.nip }}", "{%p endif %}"],
    ]
    for contents in texts:
        row = _new_row(table)
        for cell, w in zip(row.cells, swidths, strict=True):
            _set_cell_width(cell, w)
        auto_width(row.cells[1])
        fill_cell(row.cells[0], "{%tc for s in penandatangan %}", "Tabel Isi")
        fill_cell(row.cells[1], contents, "Isi Tengah")
        for p in row.cells[1].paragraphs:
            p.paragraph_format.space_after = Pt(0)
        fill_cell(row.cells[2], "{%tc endfor %}", "Tabel Isi")
        cant_split(row)
    name_para = table.rows[1].cells[1].paragraphs[0]
    name_para.paragraph_format.space_before = Pt(60)
    name_para.runs[0].bold = True
    name_para.runs[0].underline = True
    # The office row stays with the name row: a signature block never breaks across pages.
    for p in table.rows[0].cells[1].paragraphs:
        p.paragraph_format.keep_with_next = True

    # Standar Pelayanan: one component table (No | Komponen | Uraian) per service.
    p = para(doc, "{{ standar_judul }}", "Judul Bab")
    page_break_before(p)
    para(doc, "{{ pdam }}", "Judul Naskah").paragraph_format.space_after = Pt(12)
    komponen_layanan(doc, width)

    # Commitments with measurable times.
    para(doc, "{{ komitmen_judul }}", "Judul Bab")
    kwidths = [Cm(1.2), Cm(4.5), Cm(7.0), Length(width - int(Cm(1.2)) - int(Cm(4.5)) - int(Cm(7.0)))]
    table = new_table(doc, kwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Layanan", "Janji Layanan", "Waktu/Ukuran"], kwidths)
    looped_rows(
        table,
        "j in komitmen",
        ["{{ j.no }}", "{{ j.layanan }}", "{{ j.janji }}", "{{ j.waktu }}"],
        "Tabel Isi",
        kwidths,
    )
    table.rows[2].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    # Complaint channels.
    para(doc, "{{ pengaduan_judul }}", "Judul Bab")
    control(doc, "for t in pengaduan_pengantar")
    para(doc, "{{ t }}", "Isi").paragraph_format.keep_with_next = True  # never alone at a page foot
    control(doc, "endfor")
    pwidths = [Cm(1.2), Cm(4.5), Cm(6.0), Length(width - int(Cm(1.2)) - int(Cm(4.5)) - int(Cm(6.0)))]
    table = new_table(doc, pwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Saluran", "Alamat/Kontak", "Waktu Layanan"], pwidths)
    looped_rows(
        table,
        "s in pengaduan",
        ["{{ s.no }}", "{{ s.saluran }}", "{{ s.kontak }}", "{{ s.waktu }}"],
        "Tabel Isi",
        pwidths,
    )
    table.rows[2].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    # Customers' rights and obligations (hak dan kewajiban pelanggan), numbered paragraphs.
    para(doc, "{{ hak_judul }}", "Judul Bab")
    for label, var in (("Hak Pelanggan", "hak"), ("Kewajiban Pelanggan", "kewajiban")):
        para(doc, label, "Subjudul")
        control(doc, f"for h in {var}")
        para(doc, "{{ h.nomor }}\t{{ h.teks }}", "Daftar Bernomor")
        control(doc, "endfor")

    # Compensation owed by the utility and sanctions on customers; left out when there are none.
    control(doc, "if kompensasi")
    para(doc, "{{ kompensasi_judul }}", "Judul Bab")
    swidths = [Cm(1.2), Cm(4.0), Cm(5.5), Length(width - int(Cm(1.2)) - int(Cm(4.0)) - int(Cm(5.5)))]
    table = new_table(doc, swidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Berlaku bagi", "Keadaan", "Bentuk Kompensasi/Sanksi"], swidths)
    looped_rows(
        table,
        "s in kompensasi",
        ["{{ s.no }}", "{{ s.berlaku_bagi }}", "{{ s.keadaan }}", "{{ s.bentuk }}"],
        "Tabel Isi",
        swidths,
    )
    table.rows[2].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    control(doc, "endif")
    keep_lead_ins(doc)
    return doc


NAME = "citizen-charter.docx"
TITLE = "Templat Citizen Charter"
build = build_citizen_charter
