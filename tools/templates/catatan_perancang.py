"""Template of the drafter's notes for the Bagian Hukum (``catatan-perancang.docx``).

Not an instrument: a working list, one section per document (its title and file name), each with a
table ``No | Jenis | Yang perlu dipastikan``. The signable documents carry no notes page.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.shared import Cm, Length, Pt

from tools.templates.kit import (
    add_header_row,
    control,
    keep_lead_ins,
    looped_rows,
    new_document,
    new_table,
    para,
    style_kit_naskah,
    text_width,
)


def build_catatan_perancang() -> DocumentObject:
    doc = new_document(lambda d: style_kit_naskah(d, font="Bookman Old Style", size=11))
    width = text_width(doc.sections[0])
    para(doc, "{{ judul }}", "Judul Naskah")
    p = para(doc, "{{ subjudul }}", "Isi Tengah")
    p.paragraph_format.space_after = Pt(12)
    para(
        doc,
        "Catatan ini bukan bagian dari naskah yang ditandatangani. Setiap butir perlu dipastikan oleh "
        "perancang sebelum naskahnya diajukan untuk ditandatangani atau ditetapkan: status regulasi yang "
        "belum terkonfirmasi, pilihan bentuk naskah yang belum pasti, perbaikan hasil kesepakatan, dan "
        "peringatan pemeriksaan.",
        "Isi",
    )
    control(doc, "for b in bagian")
    p = para(doc, "{{ b.huruf }}\t{{ b.judul }}", "Subjudul")
    p.paragraph_format.space_before = Pt(12)
    p = para(doc, "Berkas: {{ b.berkas }}", "Isi")
    p.paragraph_format.keep_with_next = True
    widths = [Cm(1.0), Cm(3.4), Length(width - int(Cm(1.0)) - int(Cm(3.4)))]
    table = new_table(doc, widths, "Tabel Bergaris")
    add_header_row(table, ["No", "Jenis", "Yang Perlu Dipastikan"], widths)
    looped_rows(
        table,
        "c in b.catatan",
        ["{{ c.nomor }}", "{{ c.jenis }}", "{{ c.teks }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi"],
        widths,
    )
    control(doc, "endfor")
    control(doc, "if not bagian")
    para(doc, "Belum ada naskah dengan catatan untuk Bagian Hukum.", "Isi")
    control(doc, "endif")
    keep_lead_ins(doc)
    return doc


NAME = "catatan-perancang.docx"
TITLE = "Templat Catatan Perancang untuk Bagian Hukum"
build = build_catatan_perancang
