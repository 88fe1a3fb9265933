"""Template of the good/best-practice document (``best-practice.docx``).

A working document for the Tim Penulis and for other districts, not a regulation: a cover, then
Roman-numbered chapters (context, Bagan Bawang as a table of rings, the outline filled from the
record, reflection, Tim Penulis and writing schedule, dissemination and replication). Portrait F4,
Bookman Old Style 11, named styles, header rows that repeat, rows that do not split.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.shared import Cm, Pt

from tools.templates.juklak_juknis import (
    INDENT,
    bagian_styles,
    butir_cell,
    indent_table,
    numbered,
    row_of,
    simple_table,
    spacer,
    subbab,
    widths_of,
)
from tools.templates.kit import (
    add_loop_row,
    add_row,
    control,
    fill_cell,
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


def style_kit_best_practice(doc: DocumentObject) -> None:
    style_kit_naskah(doc, font="Bookman Old Style", size=11)
    bagian_styles(doc, table_size=10)
    paragraph_style(doc, "Judul Sampul", base="Judul Naskah", size=16, before=18, after=18)
    paragraph_style(doc, "Judul Kerangka", base="Subjudul", before=12, after=3)


def heading(doc: DocumentObject, key: str) -> None:
    para(doc, "{{ bab." + key + ".nomor }}. {{ bab." + key + ".judul }}", "Judul Bab")


def build_best_practice() -> DocumentObject:
    doc = new_document(style_kit_best_practice)
    width = text_width(doc.sections[0])
    inner = width - int(INDENT)

    # --- cover ---
    p = para(doc, "{{ sampul_label }}", "Judul Naskah")
    p.paragraph_format.space_before = Pt(150)
    para(doc, "{{ judul }}", "Judul Sampul")
    para(doc, "{{ subjudul }}", "Isi Tengah")
    p = para(doc, "{{ penyusun }}", "Isi Tengah")
    p.paragraph_format.space_before = Pt(200)
    para(doc, "{{ daerah_kapital }}", "Judul Naskah")
    para(doc, "{{ tahun }}", "Judul Naskah")

    # --- I. context ---
    p = para(doc, "{{ bab.konteks.nomor }}. {{ bab.konteks.judul }}", "Judul Bab")
    page_break_before(p)
    subbab(doc, "{{ huruf.daerah }}", "Daerah dan Penyelenggara Pelayanan")
    control(doc, "for t in daerah_teks")
    para(doc, "{{ t }}", "Isi Subbab")
    control(doc, "endfor")

    control(doc, "if huruf.isu")
    subbab(doc, "{{ huruf.isu }}", "Isu Utama Pelayanan")
    para(doc, "{{ isu_teks }}", "Isi Subbab")
    control(doc, "if isu")
    w = widths_of(inner, Cm(0.9), Cm(10.4), Cm(2.1))
    simple_table(
        doc,
        w,
        ["No", "Isu", "Jumlah Skor", "Urutan"],
        "i in isu",
        ["{{ i.no }}", "{{ i.rumusan }}", "{{ i.total }}", "{{ i.urutan }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Angka"],
    )
    spacer(doc)
    control(doc, "endif")
    control(doc, "endif")

    control(doc, "if kesenjangan")
    subbab(doc, "{{ huruf.kesenjangan }}", "Kesenjangan Pelayanan Utama")
    para(doc, "{{ kesenjangan_teks }}", "Isi Subbab")
    w = widths_of(inner, Cm(0.9), Cm(4.4), Cm(2.0), Cm(2.6), Cm(1.9), Cm(1.7))
    simple_table(
        doc,
        w,
        ["No", "Indikator", "Target", "Realisasi", "Selisih", "Capaian", "Status"],
        "g in kesenjangan",
        [
            "{{ g.no }}",
            "{{ g.indikator }}",
            "{{ g.target }}",
            "{{ g.realisasi }}",
            "{{ g.selisih }}",
            "{{ g.capaian }}",
            "{{ g.status }}",
        ],
        ["Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Angka", "Tabel Angka", "Tabel Angka", "Tabel Isi"],
    )
    spacer(doc)
    control(doc, "endif")

    control(doc, "if solusi")
    subbab(doc, "{{ huruf.solusi }}", "Solusi Terpadu")
    numbered(doc, "solusi")
    control(doc, "endif")

    control(doc, "if kegiatan_teks")
    subbab(doc, "{{ huruf.kegiatan }}", "Kegiatan dan Anggaran STPP")
    para(doc, "{{ kegiatan_teks }}", "Isi Subbab")
    control(doc, "endif")

    # --- II. Bagan Bawang as a table of rings, innermost first ---
    heading(doc, "bagan")
    para(doc, "{{ bagan_pengantar }}", "Isi")
    w = widths_of(width, Cm(2.2), Cm(8.8))
    table = simple_table(
        doc,
        w,
        ["Lingkaran", "Kegiatan", "Tingkat Pengaruh"],
        "r in bagan_bawang",
        ["{{ r.lingkaran }}", "", "{{ r.keterangan }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi"],
        indent=False,
    )
    butir_cell(table.rows[2].cells[1], "r.kegiatan")
    picture_loop(doc, "bagan_gambar")
    p = para(doc, "{{ bagan_kesimpulan }}", "Isi")
    p.paragraph_format.space_before = Pt(6)

    # --- III. the outline, each chapter with what the record holds on its kegiatan ---
    heading(doc, "kerangka")
    para(doc, "Judul dokumen: {{ kerangka_judul }}", "Isi")
    para(doc, "Topik (kegiatan) yang dipilih untuk ditulis:", "Isi")
    numbered(doc, "topik_terpilih", "Daftar Bernomor")
    para(doc, "Susunan bab dan sub-bab:", "Isi").paragraph_format.space_before = Pt(6)
    control(doc, "for b in kerangka")
    para(doc, "{{ b.judul }}", "Judul Kerangka")
    numbered(doc, "b.sub_bab", "Daftar Bernomor")
    control(doc, "for g in b.bahan")
    lw = widths_of(inner, Cm(4.2))
    table = new_table(doc, lw, "Tabel Bergaris")
    indent_table(table)
    head = add_row(table, ["Bahan dari catatan STPP", "{{ g.kegiatan }}"], ["Tabel Kepala", "Tabel Isi"], lw)
    head.cells[1].paragraphs[0].runs[0].bold = True
    mark_header_row(head)
    add_loop_row(table, "{%tr for r in g.baris %}", lw)
    row = row_of(table, lw)
    fill_cell(row.cells[0], "{{ r.label }}", "Tabel Isi")
    fill_cell(row.cells[1], ["{%p for t in r.isi %}", "{{ t }}", "{%p endfor %}"], "Tabel Isi")
    add_loop_row(table, "{%tr endfor %}", lw)
    spacer(doc)
    control(doc, "endfor")
    control(doc, "endfor")

    # --- IV. reflection ---
    heading(doc, "refleksi")
    w = widths_of(width, Cm(0.9), Cm(4.2))
    simple_table(
        doc,
        w,
        ["No", "Aspek", "Pembelajaran"],
        "c in refleksi",
        ["{{ c.no }}", "{{ c.aspek }}", "{{ c.pembelajaran }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi Rata"],
        indent=False,
    )

    # --- V. Tim Penulis and schedule ---
    heading(doc, "tim")
    subbab(doc, "A.", "Tim Penulis")
    w = widths_of(inner, Cm(0.9), Cm(4.6), Cm(7.4))
    simple_table(
        doc,
        w,
        ["No", "Nama", "Jabatan", "Peran"],
        "a in tim_penulis",
        ["{{ a.no }}", "{{ a.nama }}", "{{ a.jabatan }}", "{{ a.peran }}"],
        ["Tabel Isi"] * 4,
    )
    subbab(doc, "B.", "Jadwal Penulisan")
    w = widths_of(inner, Cm(0.9), Cm(6.4), Cm(4.4))
    simple_table(
        doc,
        w,
        ["No", "Kegiatan", "Waktu", "Penanggung Jawab"],
        "j in jadwal_penulisan",
        ["{{ j.no }}", "{{ j.kegiatan }}", "{{ j.waktu }}", "{{ j.pic }}"],
        ["Tabel Isi"] * 4,
    )

    # --- VI. dissemination and replication ---
    heading(doc, "diseminasi")
    subbab(doc, "A.", "Rencana Diseminasi")
    w = widths_of(inner, Cm(0.9), Cm(4.4), Cm(4.0), Cm(2.4))
    table = simple_table(
        doc,
        w,
        ["No", "Sasaran", "Media", "Waktu", "Biaya"],
        "d in diseminasi",
        ["{{ d.no }}", "{{ d.sasaran }}", "{{ d.media }}", "{{ d.waktu }}", "{{ d.biaya }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Angka"],
    )
    row = add_row(
        table,
        ["", "Jumlah", "", "", "{{ diseminasi_total }}"],
        ["Tabel Isi", "Tabel Kepala", "Tabel Isi", "Tabel Isi", "Tabel Angka"],
        w,
    )
    row.cells[4].paragraphs[0].runs[0].bold = True
    p = para(doc, "{{ diseminasi_terbilang }}", "Isi Subbab")
    p.paragraph_format.space_before = Pt(6)
    subbab(doc, "B.", "Strategi Replikasi")
    w = widths_of(inner, Cm(0.9), Cm(3.4), Cm(6.6))
    simple_table(
        doc,
        w,
        ["No", "Strategi", "Uraian", "Sasaran"],
        "r in replikasi",
        ["{{ r.no }}", "{{ r.strategi }}", "{{ r.uraian }}", "{{ r.sasaran }}"],
        ["Tabel Isi"] * 4,
    )
    return doc


NAME = "best-practice.docx"
TITLE = "Templat Dokumen Good/Best Practice"
build = build_best_practice
