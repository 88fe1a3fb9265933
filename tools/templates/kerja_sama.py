"""Template of the draft inter-agency agreements (``kerja-sama-antar-instansi.docx``).

One agreement per page run: centred title block (form, ANTARA, the parties, DAN, TENTANG, subject,
one number line per party), the opening sentence, the parties, PARA PIHAK, Pasal with their headings
(numbers from the context), and a signature table of two columns per row (PIHAK KEDUA left, PIHAK
KESATU right).
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Length, Pt

from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_loop_row,
    ayat_loop,
    cant_split,
    control,
    fill_cell,
    keep_lead_ins,
    new_document,
    new_table,
    para,
    paragraph_style,
    style_kit_naskah,
    text_width,
)


def _kit(doc: DocumentObject) -> None:
    style_kit_naskah(doc)
    paragraph_style(doc, "Judul Pasal", align=WD_ALIGN_PARAGRAPH.CENTER, before=12, keep_next=True)
    paragraph_style(doc, "Judul Pasal Isi", base="Judul Pasal", bold=True, before=0, after=6)
    paragraph_style(doc, "Ayat", base="Isi", left=Cm(1.0), hanging=Cm(1.0), after=6)
    paragraph_style(doc, "Butir Ayat", base="Isi", left=Cm(1.75), hanging=Cm(0.75), after=3)
    paragraph_style(doc, "Butir Pasal", base="Isi", left=Cm(0.75), hanging=Cm(0.75), after=3)
    paragraph_style(doc, "Tanda Tangan Tengah", align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)


def build_kerja_sama() -> DocumentObject:
    doc = new_document(_kit)
    width = text_width(doc.sections[0])
    control(doc, "for k in dokumen")
    control(doc, "if not loop.first")
    para(doc, "", "Normal").add_run().add_break(WD_BREAK.PAGE)
    control(doc, "endif")
    para(doc, "{{ k.bentuk }}", "Judul Naskah")
    para(doc, "ANTARA", "Judul Naskah")
    control(doc, "for n in k.pihak_judul")
    control(doc, "if not loop.first")
    para(doc, "DAN", "Judul Naskah")
    control(doc, "endif")
    para(doc, "{{ n }}", "Judul Naskah")
    control(doc, "endfor")
    p = para(doc, "TENTANG", "Judul Naskah")
    p.paragraph_format.space_before = Pt(12)
    p = para(doc, "{{ k.subjek }}", "Judul Naskah")
    p.paragraph_format.space_after = Pt(12)
    control(doc, "for n in k.nomor")
    para(doc, "{{ n }}", "Judul Naskah")
    control(doc, "endfor")
    # Both end with ':' and lead in to the parties and to Pasal 1.
    p = para(doc, "{{ k.pembuka }}", "Isi")
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(18)
    control(doc, "for p in k.pihak")
    para(doc, "{{ p.nomor }}\t{{ p.teks }}", "Ayat")
    control(doc, "endfor")
    para(doc, "{{ k.para_pihak }}", "Isi").paragraph_format.keep_with_next = True

    control(doc, "for ps in k.pasal")
    para(doc, "{{ ps.nomor }}", "Judul Pasal")
    para(doc, "{{ ps.judul }}", "Judul Pasal Isi")
    ayat_loop(doc)
    control(doc, "endfor")

    # Signatures: rows of two; the closing Pasal keeps with them through "Tanda Tangan Tengah".
    spacer = para(doc, "", "Normal")
    spacer.paragraph_format.space_before = Pt(12)
    spacer.paragraph_format.keep_with_next = True
    half = Length(width // 2)
    widths = [half, Length(width - int(half))]
    table = new_table(doc, widths, "Tabel Tanpa Garis")
    add_loop_row(table, "{%tr for b in k.ttd %}", widths)
    # Offices in one row, names in the next: the two names line up whatever the offices' length.
    row = _new_row(table)
    for cell, w, side in zip(row.cells, widths, ("kiri", "kanan"), strict=True):
        _set_cell_width(cell, w)
        fill_cell(cell, ["{{ b." + side + ".sebutan }}", "{{ b." + side + ".jabatan }}"], "Tanda Tangan Tengah")
    cant_split(row)
    row = _new_row(table)
    for cell, w, side in zip(row.cells, widths, ("kiri", "kanan"), strict=True):
        _set_cell_width(cell, w)
        fill_cell(cell, "{{ b." + side + ".nama }}", "Tanda Tangan Tengah")
        cell.paragraphs[0].paragraph_format.space_before = Pt(54)
        cell.paragraphs[0].paragraph_format.keep_with_next = False
    cant_split(row)
    add_loop_row(table, "{%tr endfor %}", widths)
    control(doc, "endfor")
    keep_lead_ins(doc)
    return doc


NAME = "kerja-sama-antar-instansi.docx"
TITLE = "Templat Kesepakatan Bersama / Perjanjian Kerja Sama antar-Instansi"
build = build_kerja_sama
