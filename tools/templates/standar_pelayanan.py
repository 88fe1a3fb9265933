"""Template of the Keputusan Direksi adopting the Standar Pelayanan (``standar-pelayanan.docx``).

Laid out as the SK (format-sk.md): title block, issuer line, Menimbang/Mengingat label tables,
MEMUTUSKAN, Menetapkan and the diktum in one borderless table, Ditetapkan block and signature; then
the Lampiran head block and one component table (No | Komponen | Uraian, grouped by PermenPAN-RB
15/2014) per service, closed by the signature.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Pt

from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_header_row,
    add_loop_row,
    cant_split,
    control,
    decree_head,
    diktum_row,
    ditetapkan,
    end_diktum_rows,
    fill_cell,
    keep_lead_ins,
    new_document,
    new_table,
    page_break_before,
    para,
    paragraph_style,
    signature_block,
    spaced_title,
    style_kit_naskah,
    text_width,
    title_lines,
)


def _kit(doc: DocumentObject) -> None:
    style_kit_naskah(doc)
    paragraph_style(doc, "Butir Tabel", base="Tabel Isi", left=Cm(0.6), hanging=Cm(0.6))


def build_standar_pelayanan() -> DocumentObject:
    doc = new_document(_kit)
    width = text_width(doc.sections[0])
    para(doc, "{{ judul }}", "Judul Naskah")
    title_lines(doc)
    spaced_title(doc, "{{ jabatan }}")
    table, dwidths = decree_head(doc, width)
    row = diktum_row(
        table,
        dwidths,
        [
            "{%p for t in d.paragraf %}",
            "{%p if t.huruf %}",
            "{{ t.huruf }}\t{{ t.teks }}",
            "{%p else %}",
            "{{ t.teks }}",
            "{%p endif %}",
            "{%p endfor %}",
        ],
    )
    row.cells[2].paragraphs[2].style = "Butir"
    # Every diktum row keeps with the next: the last one carries the signature block with it.
    for p in row.cells[2].paragraphs:
        p.paragraph_format.keep_with_next = True
    end_diktum_rows(doc, table, dwidths, row)
    ditetapkan(doc)
    para(doc, "{{ jabatan }}", "Blok Kanan")
    signature_block(doc, "{{ jabatan_ttd }}", "{{ nama_ttd }}")

    page_break_before(para(doc, "LAMPIRAN", "Blok Kanan"))
    control(doc, "for baris in lampiran_kop")
    para(doc, "{{ baris }}", "Blok Kanan")
    control(doc, "endfor")
    p = para(doc, "{{ lampiran_judul }}", "Judul Naskah")
    p.paragraph_format.space_before = Pt(24)
    p.paragraph_format.space_after = Pt(12)
    cwidths = [Cm(1.2), Cm(5.0), Length(width - int(Cm(1.2)) - int(Cm(5.0)))]
    control(doc, "for l in layanan")
    para(doc, "{{ l.nomor }}.\t{{ l.nama }}", "Subjudul")
    table = new_table(doc, cwidths, "Tabel Bergaris")
    add_header_row(table, ["No", "Komponen", "Uraian"], cwidths)
    add_loop_row(table, "{%tr for k in l.komponen %}", cwidths)
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
    fill_cell(
        row.cells[2],
        ["{%p for u in k.uraian %}", "{%p if u.nomor %}", "{{ u.nomor }}\t{{ u.teks }}", "{%p else %}",
         "{{ u.teks }}", "{%p endif %}", "{%p endfor %}"],
        "Tabel Isi",
    )
    row.cells[2].paragraphs[2].style = "Butir Tabel"
    cant_split(row)
    add_loop_row(table, "{%tr endif %}", cwidths)
    add_loop_row(table, "{%tr endfor %}", cwidths)
    para(doc, "", "Normal")
    control(doc, "endfor")
    p = para(doc, "{{ jabatan }}", "Blok Kanan")
    p.paragraph_format.space_before = Pt(12)
    signature_block(doc, "{{ jabatan_ttd }}", "{{ nama_ttd }}")
    keep_lead_ins(doc)
    return doc


NAME = "standar-pelayanan.docx"
TITLE = "Templat Keputusan Direksi tentang Standar Pelayanan"
build = build_standar_pelayanan
