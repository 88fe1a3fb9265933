"""Template of a topic's meeting kit (``pertemuan.docx``): Kerangka Acuan (ToR) and Daftar Hadir.

One template serves all 21 topics: the sections are the same for every topic (the guide describes
each topic with the same headings), only their content differs. The Daftar Hadir starts on a new
page so the secretariat can print it alone.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Pt

from tools.templates.berita_acara import merge_header, row_height
from tools.templates.kit import (
    COLON_W,
    _new_row,
    _set_cell_width,
    add_loop_row,
    add_row,
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
    signature_block,
    style_kit_naskah,
    text_width,
)

__all__ = ["NAME", "TITLE", "build"]

#: The ToR's sections, in the guide's order; tests check the rendered kits against this list.
BAGIAN: tuple[str, ...] = (
    "A. Latar Belakang",
    "B. Tujuan",
    "C. Keluaran",
    "D. Peserta",
    "E. Profil Fasilitator",
    "F. Metode",
    "G. Materi",
    "H. Alat dan Bahan",
    "I. Waktu dan Tempat",
    "J. Agenda dan Proses Fasilitasi",
    "K. Tindak Lanjut",
)


def style_kit_pertemuan(doc: DocumentObject) -> None:
    """A working document, not a decree: Arial 11, the shared named styles, indented list levels."""
    style_kit_naskah(doc, font="Arial", size=11)
    paragraph_style(doc, "Subjudul", before=10)
    paragraph_style(doc, "Butir Dalam", base="Butir", left=Cm(1.75), hanging=Cm(0.75))
    paragraph_style(doc, "Isi Menjorok", base="Isi", left=Cm(1.0))
    # Steps of a session sit under its heading; their sub-items one level further in.
    paragraph_style(doc, "Langkah", base="Daftar Bernomor", left=Cm(1.75), hanging=Cm(0.75))
    paragraph_style(doc, "Rincian Langkah", base="Butir", left=Cm(2.5), hanging=Cm(0.75))
    paragraph_style(doc, "Judul Sesi", base="Isi", bold=True, left=Cm(1.0), before=6, after=3, keep_next=True)


def _list(doc: DocumentObject, var: str, style: str = "Daftar Bernomor") -> None:
    control(doc, f"for x in {var}")
    para(doc, "{{ x.nomor }}\t{{ x.teks }}", style)
    control(doc, "endfor")


def _heading(doc: DocumentObject, index: int) -> None:
    para(doc, BAGIAN[index], "Subjudul")


def _label_table(doc: DocumentObject, width: int, rows: list[tuple[str, str]]) -> None:
    """Label : value lines (Hari/Tanggal, Pukul, Tempat) as a borderless table, not tabs."""
    label = Cm(3.5)
    widths = [label, COLON_W, Length(width - int(label) - int(COLON_W))]
    table = new_table(doc, widths, "Tabel Tanpa Garis")
    for name, value in rows:
        if value.startswith("{%tr"):
            add_loop_row(table, value, widths)
        else:
            add_row(table, [name, ":", value], "Tabel Isi", widths)


def _tor(doc: DocumentObject, width: int) -> None:
    para(doc, "KERANGKA ACUAN", "Judul Naskah")
    para(doc, "{{ judul_pertemuan }}", "Judul Naskah")
    para(doc, "{{ topik_judul_kapital }}", "Judul Naskah")
    para(doc, "PENYUSUNAN SKEMA TINDAKAN PENINGKATAN PELAYANAN", "Judul Naskah")
    para(doc, "{{ pdam_kapital }}", "Judul Naskah")
    p = para(doc, "{{ tahap_label }}", "Isi Tengah")
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(12)

    _heading(doc, 0)
    control(doc, "for t in latar_belakang")
    para(doc, "{{ t }}", "Isi")
    control(doc, "endfor")

    _heading(doc, 1)
    _list(doc, "tujuan")
    _heading(doc, 2)
    _list(doc, "keluaran")

    _heading(doc, 3)
    _list(doc, "peserta")
    p = para(doc, "{{ undangan_pengantar }}", "Isi")
    p.paragraph_format.space_before = Pt(6)
    _list(doc, "undangan", "Butir Dalam")

    _heading(doc, 4)
    para(doc, "Orang atau tim yang:", "Isi").paragraph_format.keep_with_next = True
    _list(doc, "fasilitator")
    control(doc, "if narasumber")
    para(doc, "{{ narasumber }}", "Isi").paragraph_format.space_before = Pt(6)
    control(doc, "endif")

    _heading(doc, 5)
    _list(doc, "metode")

    _heading(doc, 6)
    _list(doc, "materi")
    control(doc, "if regulasi")
    p = para(doc, "{{ regulasi_pengantar }}", "Isi")
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.keep_with_next = True
    rest = width - int(Cm(0.9)) - int(Cm(5.4)) - int(Cm(3.0))
    widths = [Cm(0.9), Cm(5.4), Cm(3.0), Length(rest)]
    table = new_table(doc, widths, "Tabel Bergaris")
    header = add_row(
        table,
        ["No", "Peraturan yang dirujuk panduan", "Status", "Peraturan yang kini berlaku"],
        "Tabel Kepala",
        widths,
    )
    mark_header_row(header)
    row = looped_rows(
        table,
        "r in regulasi",
        ["{{ r.no }}", "{{ r.peraturan }}", "{{ r.status }}", "{{ r.berlaku }}"],
        "Tabel Isi",
        widths,
    )
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    control(doc, "endif")

    _heading(doc, 7)
    _list(doc, "alat_bahan")

    _heading(doc, 8)
    _label_table(
        doc,
        width,
        [
            ("Hari/Tanggal", "{{ hari_tanggal }}"),
            ("", "{%tr if pukul %}"),
            ("Pukul", "{{ pukul }}"),
            ("", "{%tr endif %}"),
            ("Tempat", "{{ tempat }}"),
            ("Lama", "{{ lama }}"),
        ],
    )
    control(doc, "if catatan")
    para(doc, "Catatan: {{ catatan }}", "Isi").paragraph_format.space_before = Pt(6)
    control(doc, "endif")

    _heading(doc, 9)
    control(doc, "if agenda_kalender")
    p = para(doc, "Agenda pertemuan sebagaimana disepakati dalam Kalender Kerja:", "Isi")
    p.paragraph_format.keep_with_next = True
    _list(doc, "agenda_kalender")
    p = para(doc, "Proses fasilitasi menurut panduan:", "Isi")
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.keep_with_next = True
    control(doc, "endif")
    control(doc, "for s in sesi")
    para(doc, "{{ s.judul }}", "Judul Sesi")
    control(doc, "for x in s.langkah")
    para(doc, "{{ x.nomor }}\t{{ x.teks }}", "Langkah")
    control(doc, "for r in x.rincian")
    para(doc, "{{ r.nomor }}\t{{ r.teks }}", "Rincian Langkah")
    control(doc, "endfor")
    control(doc, "endfor")
    control(doc, "endfor")

    _heading(doc, 10)
    _list(doc, "tindak_lanjut")


def _daftar_hadir(doc: DocumentObject, width: int) -> None:
    page_break_before(para(doc, "DAFTAR HADIR", "Judul Naskah"))
    p = para(doc, "{{ judul_pertemuan }}", "Judul Naskah")
    p.paragraph_format.space_after = Pt(12)
    _label_table(
        doc,
        width,
        [
            ("Kegiatan", "{{ kegiatan }}"),
            ("Hari/Tanggal", "{{ hari_tanggal }}"),
            ("", "{%tr if pukul %}"),
            ("Pukul", "{{ pukul }}"),
            ("", "{%tr endif %}"),
            ("Tempat", "{{ tempat }}"),
        ],
    )
    para(doc, "", "Normal")

    # Jabatan/Instansi gets the room: office names are long, a signature needs less than 2 cm.
    sig = Cm(1.9)
    fixed = int(Cm(0.9)) + int(Cm(4.0)) + int(Cm(2.2)) + 2 * int(sig)
    widths = [Cm(0.9), Cm(4.0), Length(width - fixed), Cm(2.2), sig, sig]
    table = new_table(doc, widths, "Tabel Bergaris")
    header = add_row(
        table, ["No", "Nama", "Jabatan/Instansi", "No. HP", "Tanda Tangan", ""], "Tabel Kepala", widths
    )
    merge_header(header, 4, 5)
    mark_header_row(header)
    add_loop_row(table, "{%tr for h in hadir %}", widths)
    row = _new_row(table)
    for cell, w in zip(row.cells, widths, strict=True):
        _set_cell_width(cell, w)
    fill_cell(row.cells[0], "{{ h.no }}", "Tabel Isi")
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    fill_cell(row.cells[1], "{{ h.nama }}", "Tabel Isi")
    fill_cell(row.cells[2], "{{ h.jabatan }}", "Tabel Isi")
    fill_cell(row.cells[3], "", "Tabel Isi")
    # Odd numbers sign in the left half, even numbers in the right half (Indonesian signature sheets).
    fill_cell(row.cells[4], "{{ h.ttd_kiri }}", "Tabel Isi")
    fill_cell(row.cells[5], "{{ h.ttd_kanan }}", "Tabel Isi")
    for cell in row.cells:
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    cant_split(row)
    row_height(row, Cm(1.0))
    add_loop_row(table, "{%tr endfor %}", widths)

    p = para(doc, "{{ ibu_kota }}, {{ tanggal_ttd }}", "Tanda Tangan")
    p.paragraph_format.space_before = Pt(18)
    signature_block(doc, "{{ sekretaris_jabatan }}", "{{ sekretaris_nama }}")


def build_pertemuan() -> DocumentObject:
    """Kerangka Acuan then Daftar Hadir, portrait F4, page numbers in the footer."""
    doc = new_document(style_kit_pertemuan)
    width = text_width(doc.sections[0])
    _tor(doc, width)
    _daftar_hadir(doc, width)
    return doc


NAME = "pertemuan.docx"
TITLE = "Templat Kerangka Acuan dan Daftar Hadir Pertemuan"
build = build_pertemuan
