"""Template of the minutes of the agreement on the Draft STPP (``berita-acara-kesepakatan.docx``, Topik 5.3).

Minutes are signed evidence of what was agreed, so the date is written in words (it cannot be
altered with a pen stroke) and every signer has a numbered place on an attendance-style table
whose signature spaces alternate left and right, as Indonesian signature sheets do.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document as DocumentObject
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import _Cell, _Row

from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_loop_row,
    add_row,
    cant_split,
    control,
    fill_cell,
    mark_header_row,
    new_document,
    new_table,
    para,
    paragraph_style,
    signature_block,
    style_kit_naskah,
    text_width,
)

__all__ = ["NAME", "TITLE", "build"]


def style_kit_berita_acara(doc: DocumentObject) -> None:
    """The official kit (Bookman 12) plus indented item styles for the points under a heading."""
    style_kit_naskah(doc, font="Bookman Old Style", size=12)
    # Second-level items (a., b.) under a numbered point, and plain text aligned with them.
    paragraph_style(doc, "Butir Dalam", base="Butir", left=Cm(1.75), hanging=Cm(0.75))
    paragraph_style(doc, "Isi Menjorok", base="Isi", left=Cm(1.0))


def _signature_table(doc: DocumentObject, width: int) -> None:
    """No | Nama | Jabatan | Tanda Tangan (two half-columns: odd rows sign left, even rows right)."""
    sig = Cm(3.2)
    widths = [Cm(1.0), Cm(4.3), Length(width - int(Cm(1.0)) - int(Cm(4.3)) - 2 * int(sig)), sig, sig]
    table = new_table(doc, widths, "Tabel Bergaris")
    header = add_row(table, ["No", "Nama", "Jabatan", "Tanda Tangan", ""], "Tabel Kepala", widths)
    merge_header(header, 3, 4)
    mark_header_row(header)
    add_loop_row(table, "{%tr for s in penandatangan %}", widths)
    row = _new_row(table)
    for cell, w in zip(row.cells, widths, strict=True):
        _set_cell_width(cell, w)
    fill_cell(row.cells[0], "{{ s.no }}", "Tabel Isi")
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    fill_cell(
        row.cells[1], ["{{ s.nama }}", "{%p if s.nip %}", "NIP. {{ s.nip }}", "{%p endif %}"], "Tabel Isi"
    )
    fill_cell(row.cells[2], "{{ s.jabatan }}", "Tabel Isi")
    fill_cell(row.cells[3], "{{ s.ttd_kiri }}", "Tabel Isi")
    fill_cell(row.cells[4], "{{ s.ttd_kanan }}", "Tabel Isi")
    # The dotted line sits at the foot of the tall row, where the hand signs above it.
    row.cells[3].vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
    row.cells[4].vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
    cant_split(row)
    row_height(row, Cm(1.6))
    add_loop_row(table, "{%tr endfor %}", widths)


def build_berita_acara() -> DocumentObject:
    """Berita Acara Kesepakatan Draft STPP: opening, attendance, responses, agreement, signatures."""
    doc = new_document(style_kit_berita_acara)
    width = text_width(doc.sections[0])

    para(doc, "{{ judul }}", "Judul Naskah")
    para(doc, "{{ subjudul }}", "Judul Naskah")
    para(doc, "{{ pdam_kapital }}", "Judul Naskah")
    p = para(doc, "{{ nomor }}", "Isi Tengah")
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(18)

    para(doc, "{{ pembukaan }}", "Isi")
    control(doc, "for t in pengantar")
    para(doc, "{{ t }}", "Isi")
    control(doc, "endfor")

    # Those present, grouped by unsur: a group row, then its members, numbered throughout.
    para(doc, "{{ hadir_pengantar }}", "Isi").paragraph_format.keep_with_next = True
    widths = [Cm(1.0), Cm(6.0), Length(width - int(Cm(1.0)) - int(Cm(6.0)))]
    table = new_table(doc, widths, "Tabel Bergaris")
    header = add_row(table, ["No", "Nama", "Jabatan"], "Tabel Kepala", widths)
    mark_header_row(header)
    add_loop_row(table, "{%tr for u in hadir %}", widths)
    group = add_row(table, ["{{ u.unsur }}", "", ""], "Tabel Isi", widths)
    merged = merge_header(group, 0, 2)
    merged.paragraphs[0].runs[0].bold = True
    _keep_with_next_row(group)
    add_loop_row(table, "{%tr for h in u.peserta %}", widths)
    row = add_row(table, ["{{ h.no }}", "{{ h.nama }}", "{{ h.jabatan }}"], "Tabel Isi", widths)
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_loop_row(table, "{%tr endfor %}", widths)
    add_loop_row(table, "{%tr endfor %}", widths)
    para(doc, "", "Normal")

    # Responses of the DPRD leaders, the Kepala Daerah and the others, in that order.
    para(doc, "{{ tanggapan_pengantar }}", "Isi").paragraph_format.keep_with_next = True
    control(doc, "for t in tanggapan")
    p = para(doc, "{{ t.nomor }}\t{{ t.pihak }}", "Daftar Bernomor")
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(6)
    para(doc, "{{ t.penyampai }}", "Isi Menjorok").paragraph_format.keep_with_next = True
    control(doc, "for b in t.pokok")
    para(doc, "{{ b.huruf }}\t{{ b.teks }}", "Butir Dalam")
    control(doc, "endfor")
    control(doc, "if t.tindak_lanjut")
    para(doc, "Tindak lanjut:", "Isi Menjorok").paragraph_format.keep_with_next = True
    control(doc, "for b in t.tindak_lanjut")
    para(doc, "{{ b.huruf }}\t{{ b.teks }}", "Butir Dalam")
    control(doc, "endfor")
    control(doc, "endif")
    control(doc, "endfor")

    # What was agreed: numbered points, each with optional lettered details.
    p = para(doc, "{{ kesepakatan_pengantar }}", "Isi")
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.keep_with_next = True
    control(doc, "for k in kesepakatan")
    para(doc, "{{ k.nomor }}\t{{ k.teks }}", "Daftar Bernomor")
    control(doc, "for b in k.rincian")
    para(doc, "{{ b.huruf }}\t{{ b.teks }}", "Butir Dalam")
    control(doc, "endfor")
    control(doc, "endfor")

    p = para(doc, "{{ penutup }}", "Isi")
    p.paragraph_format.space_before = Pt(12)

    p = para(doc, "{{ ttd_pengantar }}", "Isi")
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.keep_with_next = True
    _signature_table(doc, width)

    p = para(doc, "Pimpinan Rapat,", "Tanda Tangan")
    p.paragraph_format.space_before = Pt(24)
    signature_block(doc, "{{ pimpinan_jabatan }},", "{{ pimpinan_nama }}")
    return doc


def merge_header(row: _Row, first: int, last: int) -> _Cell:
    """Merge cells ``first..last`` of ``row`` into one (a heading over two signature half-columns)."""
    merged = cast(_Cell, row.cells[first].merge(row.cells[last]))
    # merge() keeps the paragraphs of every cell; the others were empty, drop them.
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    return merged


def _keep_with_next_row(row: _Row) -> None:
    """A group label row stays with the first member under it (paragraph keep-with-next)."""
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def row_height(row: _Row, height: Length) -> None:
    """Minimum row height: room for a handwritten signature."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:trHeight")
    el.set(qn("w:val"), str(int(height.twips)))
    el.set(qn("w:hRule"), "atLeast")
    trpr.append(el)


NAME = "berita-acara-kesepakatan.docx"
TITLE = "Templat Berita Acara Kesepakatan Draft STPP"
build = build_berita_acara
