"""Template of the Keputusan Direksi adopting the Standar Pelayanan (``standar-pelayanan.docx``).

Laid out as the SK (format-sk.md): title block, issuer line, Menimbang/Mengingat label tables,
MEMUTUSKAN, Menetapkan and the diktum in one borderless table, Ditetapkan block and signature; then
the Lampiran head block and one component table (No | Komponen | Uraian, grouped by PermenPAN-RB
15/2014) per service, closed by the signature.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.shared import Cm, Pt

from tools.templates.citizen_charter import komponen_layanan
from tools.templates.kit import (
    control,
    decree_head,
    diktum_row,
    ditetapkan,
    end_diktum_rows,
    keep_lead_ins,
    new_document,
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
    komponen_layanan(doc, width)
    p = para(doc, "{{ jabatan }}", "Blok Kanan")
    p.paragraph_format.space_before = Pt(12)
    signature_block(doc, "{{ jabatan_ttd }}", "{{ nama_ttd }}")
    keep_lead_ins(doc)
    return doc


NAME = "standar-pelayanan.docx"
TITLE = "Templat Keputusan Direksi tentang Standar Pelayanan"
build = build_standar_pelayanan
