"""Template of the Citizen Charter: Maklumat Pelayanan and Standar Pelayanan (``citizen-charter.docx``)."""

from __future__ import annotations

from tools.templates.kit import (
    WD_ALIGN_PARAGRAPH,
    Cm,
    DocumentObject,
    Length,
    Pt,
    _new_row,
    _set_cell_width,
    add_header_row,
    add_loop_row,
    auto_width,
    cant_split,
    control,
    fill_cell,
    looped_rows,
    new_document,
    new_table,
    page_break_before,
    para,
    style_kit_naskah,
    text_width,
)


def style_kit_charter(doc: DocumentObject) -> None:
    """Citizen Charter: the same named styles, in the SK's typeface (it is signed like one)."""
    style_kit_naskah(doc, font="Bookman Old Style", size=11)


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
    row = _new_row(table)
    for cell, w in zip(row.cells, swidths, strict=True):
        _set_cell_width(cell, w)
    auto_width(row.cells[1])
    fill_cell(row.cells[0], "{%tc for s in penandatangan %}", "Tabel Isi")
    fill_cell(
        row.cells[1],
        ["{{ s.sebutan }}", "{{ s.jabatan }}", "{{ s.nama }}", "{%p if s.nip %}", "NIP. {{ s.nip }}", "{%p endif %}"],
        "Isi Tengah",
    )
    name_para = row.cells[1].paragraphs[2]
    name_para.paragraph_format.space_before = Pt(60)
    name_para.paragraph_format.space_after = Pt(0)
    name_para.runs[0].bold = True
    name_para.runs[0].underline = True
    for p in row.cells[1].paragraphs[:2]:
        p.paragraph_format.space_after = Pt(0)
    fill_cell(row.cells[2], "{%tc endfor %}", "Tabel Isi")
    cant_split(row)

    # Standar Pelayanan: one component table (No | Komponen | Uraian) per service.
    p = para(doc, "{{ standar_judul }}", "Judul Bab")
    page_break_before(p)
    para(doc, "{{ pdam }}", "Judul Naskah").paragraph_format.space_after = Pt(12)
    cwidths = [Cm(1.2), Cm(5.0), Length(width - int(Cm(1.2)) - int(Cm(5.0)))]
    control(doc, "for l in layanan")
    para(doc, "{{ l.nomor }}.\t{{ l.nama }}", "Subjudul")
    table = new_table(doc, cwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Komponen", "Uraian"], cwidths)
    add_loop_row(table, "{%tr for k in l.komponen %}", cwidths)
    row = _new_row(table)
    for cell, w in zip(row.cells, cwidths, strict=True):
        _set_cell_width(cell, w)
    fill_cell(row.cells[0], "{{ k.no }}", "Tabel Isi")
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    fill_cell(row.cells[1], "{{ k.nama }}", "Tabel Isi")
    fill_cell(row.cells[2], ["{%p for u in k.uraian %}", "{{ u }}", "{%p endfor %}"], "Tabel Isi Rata")
    add_loop_row(table, "{%tr endfor %}", cwidths)
    para(doc, "", "Normal")
    control(doc, "endfor")

    # Commitments with measurable times.
    para(doc, "{{ komitmen_judul }}", "Judul Bab")
    kwidths = [Cm(1.2), Cm(4.5), Cm(7.0), Length(width - int(Cm(1.2)) - int(Cm(4.5)) - int(Cm(7.0)))]
    table = new_table(doc, kwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Layanan", "Janji Layanan", "Waktu/Ukuran"], kwidths)
    looped_rows(
        table,
        "j in komitmen",
        ["{{ j.no }}", "{{ j.layanan }}", "{{ j.janji }}", "{{ j.waktu }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi Rata", "Tabel Isi"],
        kwidths,
    )
    table.rows[2].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    # Complaint channels.
    para(doc, "{{ pengaduan_judul }}", "Judul Bab")
    control(doc, "for t in pengaduan_pengantar")
    para(doc, "{{ t }}", "Isi")
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
    return doc


NAME = "citizen-charter.docx"
TITLE = "Templat Citizen Charter"
build = build_citizen_charter
