"""Template of the Juklak/Juknis pelaksanaan STPP (``juklak-juknis.docx``).

A Lampiran of a Peraturan Bupati/Walikota (real-samples sk04 C, jk01 E/F): right-hand head block,
centred title, ``BAB I`` / ``PENDAHULUAN`` headings on two lines, sub-sections ``A.``, ``B.``…, the
Kepala Daerah's office line and name at the end, then a page of drafter's notes that is not part of
the text. Chapter numbers and sub-section letters come from the context (computed from position).
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell, _Row

from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_header_row,
    add_landscape_section,
    add_loop_row,
    add_portrait_section,
    add_row,
    cant_split,
    control,
    fill_cell,
    looped_rows,
    new_document,
    new_table,
    page_break_before,
    para,
    paragraph_style,
    signature_block,
    style_kit_naskah,
    text_width,
)

INDENT = Cm(1.0)


def style_kit_juklak(doc: DocumentObject) -> None:
    """The SK's kit (Bookman Old Style 12, UU 12/2011 Lampiran II no. 284) plus the lampiran's indents.

    Table text is 11 pt: the Skema Tindakan and monitoring tables would otherwise wrap every cell.
    """
    style_kit_naskah(doc, font="Bookman Old Style", size=12)
    bagian_styles(doc, table_size=11)


def bagian_styles(doc: DocumentObject, table_size: float) -> None:
    """Sub-section styles shared with the best-practice template."""
    # "A.<tab>Latar Belakang": the letter hangs, the title aligns with the text below it.
    paragraph_style(
        doc, "Subbab", base="Subjudul", left=INDENT, hanging=INDENT, before=12, after=6, keep_next=True
    )
    paragraph_style(doc, "Isi Subbab", base="Isi", left=INDENT, after=6)
    paragraph_style(doc, "Daftar Subbab", base="Daftar Bernomor", left=Cm(2.0), hanging=INDENT, after=3)
    paragraph_style(
        doc, "Butir Subbab", base="Daftar Bernomor", left=Cm(1.75), hanging=Cm(0.75), after=3, keep_next=True
    )
    for name in ("Tabel Isi", "Tabel Isi Rata", "Tabel Angka", "Tabel Kepala"):
        paragraph_style(doc, name, size=table_size)
    # A numbered item inside a cell ("1.<tab>text"), the number hanging so wrapped lines align.
    paragraph_style(doc, "Tabel Butir", base="Tabel Isi", left=Cm(0.6), hanging=Cm(0.6))
    paragraph_style(doc, "Catatan Perancangan", base="Isi", size=10)


def indent_table(table: Table, indent: Length = INDENT) -> None:
    """Align a table with the text of its sub-section (w:tblInd)."""
    tblpr = table._tbl.tblPr
    el = OxmlElement("w:tblInd")
    el.set(qn("w:w"), str(int(indent.twips)))
    el.set(qn("w:type"), "dxa")
    tblpr.append(el)


def widths_of(total: int, *fixed: Length) -> list[Length]:
    """Column widths: the fixed ones, then the rest of ``total`` for the last column."""
    rest = total - sum(int(w) for w in fixed)
    return [*fixed, Length(rest)]


def bab_heading(doc: DocumentObject, key: str) -> None:
    """``BAB I`` and ``PENDAHULUAN`` on two lines of one heading (one entry in Word's navigation)."""
    p = para(doc, "{{ " + key + ".nomor }}", "Judul Bab")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("{{ " + key + ".judul }}")


def subbab(doc: DocumentObject, letter: str, title: str) -> None:
    para(doc, letter + "\t" + title, "Subbab")


def numbered(doc: DocumentObject, var: str, style: str = "Daftar Subbab") -> None:
    control(doc, f"for t in {var}")
    para(doc, "{{ t.nomor }}\t{{ t.teks }}", style)
    control(doc, "endfor")


def simple_table(
    doc: DocumentObject,
    widths: Sequence[Length],
    titles: Sequence[str],
    loop: str,
    cells: Sequence[str | Sequence[str]],
    styles: Sequence[str],
    *,
    indent: bool = True,
) -> Table:
    table = new_table(doc, widths, "Tabel Bergaris")
    if indent:
        indent_table(table)
    add_header_row(table, titles, widths)
    looped_rows(table, loop, cells, styles, widths)
    return table


def butir_cell(cell: _Cell, var: str) -> None:
    """Items ``{nomor, teks}``: numbered ones hang (``Tabel Butir``), a lone one stays plain."""
    fill_cell(
        cell,
        [
            "{%p for t in " + var + " %}",
            "{%p if t.nomor %}",
            "{{ t.nomor }}\t{{ t.teks }}",
            "{%p else %}",
            "{{ t.teks }}",
            "{%p endif %}",
            "{%p endfor %}",
        ],
        "Tabel Isi",
    )
    cell.paragraphs[2].style = "Tabel Butir"


def row_of(table: Table, widths: Sequence[Length]) -> _Row:
    row = _new_row(table)
    for cell, cw in zip(row.cells, widths, strict=True):
        _set_cell_width(cell, cw)
    cant_split(row)
    return row


def spacer(doc: DocumentObject) -> None:
    p = para(doc, "", "Normal")
    p.paragraph_format.space_after = Pt(6)


def _pendahuluan(doc: DocumentObject) -> None:
    bab_heading(doc, "bab.pendahuluan")
    subbab(doc, "A.", "Latar Belakang")
    control(doc, "for p in latar_belakang")
    para(doc, "{{ p }}", "Isi Subbab")
    control(doc, "endfor")
    subbab(doc, "B.", "Maksud dan Tujuan")
    para(doc, "{{ maksud }}", "Isi Subbab")
    para(doc, "Tujuan petunjuk pelaksanaan ini adalah:", "Isi Subbab")
    numbered(doc, "tujuan")
    subbab(doc, "C.", "Sasaran")
    para(doc, "Sasaran petunjuk pelaksanaan ini adalah:", "Isi Subbab")
    numbered(doc, "sasaran")
    subbab(doc, "D.", "Ruang Lingkup")
    para(doc, "Ruang lingkup petunjuk pelaksanaan ini meliputi:", "Isi Subbab")
    numbered(doc, "ruang_lingkup")
    subbab(doc, "E.", "Dasar Hukum")
    numbered(doc, "dasar_hukum")
    subbab(doc, "F.", "Pengertian")
    para(doc, "Dalam petunjuk pelaksanaan ini yang dimaksud dengan:", "Isi Subbab")
    numbered(doc, "pengertian")


def _organisasi(doc: DocumentObject, width: int) -> None:
    inner = width - int(INDENT)
    bab_heading(doc, "bab.organisasi")
    control(doc, "for p in organisasi_pengantar")
    para(doc, "{{ p }}", "Isi")
    control(doc, "endfor")

    control(doc, "if unit")
    subbab(doc, "{{ huruf.unit }}", "Unit Pelaksana")
    para(doc, "Peran, tugas, dan tanggung jawab unit kerja pelaksana adalah sebagai berikut:", "Isi Subbab")
    w = widths_of(inner, Cm(0.9), Cm(5.0), Cm(5.2))
    table = new_table(doc, w, "Tabel Bergaris")
    indent_table(table)
    add_header_row(table, ["No", "Unit Kerja dan Peran", "Tugas", "Tanggung Jawab"], w)
    add_loop_row(table, "{%tr for u in unit %}", w)
    row = row_of(table, w)
    fill_cell(row.cells[0], "{{ u.no }}", "Tabel Isi")
    fill_cell(
        row.cells[1],
        ["{{ u.nama }}", "{%p if u.status %}", "{{ u.status }}", "{%p endif %}", "{{ u.peran }}"],
        "Tabel Isi",
    )
    row.cells[1].paragraphs[0].runs[0].bold = True
    row.cells[1].paragraphs[4].paragraph_format.space_before = Pt(3)
    butir_cell(row.cells[2], "u.tugas")
    butir_cell(row.cells[3], "u.tanggung_jawab")
    add_loop_row(table, "{%tr endfor %}", w)
    spacer(doc)
    control(doc, "endif")

    subbab(doc, "{{ huruf.pengawalan }}", "Mekanisme Pengawalan")
    para(doc, "Kelompok Kerja mengawal pelaksanaan STPP melalui kegiatan berikut:", "Isi Subbab")
    w = widths_of(inner, Cm(0.9), Cm(5.0), Cm(4.0), Cm(2.6))
    table = new_table(doc, w, "Tabel Bergaris")
    indent_table(table)
    add_header_row(table, ["No", "Kegiatan Pengawalan", "Pelaksana", "Frekuensi", "Laporan Kepada"], w)
    add_loop_row(table, "{%tr for k in pengawalan %}", w)
    row = row_of(table, w)
    fill_cell(row.cells[0], "{{ k.no }}", "Tabel Isi")
    fill_cell(row.cells[1], ["{{ k.uraian }}", "{{ k.cara }}"], "Tabel Isi")
    row.cells[1].paragraphs[1].paragraph_format.space_before = Pt(3)
    fill_cell(row.cells[2], ["{%p for p in k.pelaksana %}", "{{ p }}", "{%p endfor %}"], "Tabel Isi")
    # Several offices in one cell: a little air between them so each reads as one entry.
    row.cells[2].paragraphs[1].paragraph_format.space_after = Pt(3)
    fill_cell(row.cells[3], "{{ k.frekuensi }}", "Tabel Isi")
    fill_cell(row.cells[4], "{{ k.laporan_kepada }}", "Tabel Isi")
    add_loop_row(table, "{%tr endfor %}", w)

    subbab(doc, "{{ huruf.pelaporan }}", "Jalur Pelaporan")
    para(doc, "Kemajuan pelaksanaan STPP dilaporkan secara berjenjang sebagai berikut:", "Isi Subbab")
    numbered(doc, "jalur_pelaporan")

    control(doc, "if eskalasi")
    subbab(doc, "{{ huruf.eskalasi }}", "Penanganan Hambatan")
    para(doc, "Hambatan pelaksanaan ditangani secara berjenjang sebagai berikut:", "Isi Subbab")
    w = widths_of(inner, Cm(0.9), Cm(5.0), Cm(5.6))
    simple_table(
        doc,
        w,
        ["No", "Keadaan", "Langkah Penanganan", "Disampaikan Kepada"],
        "e in eskalasi",
        ["{{ e.no }}", "{{ e.keadaan }}", "{{ e.langkah }}", "{{ e.kepada }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi"],
    )
    control(doc, "endif")


def _kegiatan(doc: DocumentObject) -> None:
    """Chapter III on a landscape page: the Skema Tindakan table is seven columns wide."""
    section = add_landscape_section(doc)
    inner = text_width(section) - int(INDENT)
    bab_heading(doc, "bab.kegiatan")
    subbab(doc, "{{ huruf.kg_skema }}", "Kegiatan Skema Tindakan Peningkatan Pelayanan")
    para(
        doc,
        "Kegiatan STPP beserta pelaksana, penanggung jawab, jadwal, biaya, dan sumber dananya adalah "
        "sebagai berikut:",
        "Isi Subbab",
    )
    w = widths_of(inner, Cm(1.1), Cm(7.0), Cm(4.8), Cm(4.6), Cm(3.2), Cm(3.8))
    table = new_table(doc, w, "Tabel Bergaris")
    indent_table(table)
    add_header_row(
        table,
        ["No", "Keluaran/Kegiatan", "Pelaksana", "Penanggung Jawab", "Jadwal", "Biaya", "Sumber Dana"],
        w,
    )
    add_loop_row(table, "{%tr for k in skema %}", w)
    row = add_row(
        table,
        ["{{ k.no }}", "{{ k.rumusan }}", "", "", "", "{{ k.jumlah }}", ""],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Isi"],
        w,
    )
    for cell in (row.cells[0], row.cells[1], row.cells[5]):
        cell.paragraphs[0].runs[0].bold = True
    add_loop_row(table, "{%tr for g in k.kegiatan %}", w)
    add_row(
        table,
        [
            "{{ g.no }}",
            "{{ g.rumusan }}",
            "{{ g.pelaksana }}",
            "{{ g.penanggung_jawab }}",
            "{{ g.jadwal }}",
            "{{ g.biaya }}",
            "{{ g.sumber_dana }}",
        ],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Isi"],
        w,
    )
    add_loop_row(table, "{%tr endfor %}", w)
    add_loop_row(table, "{%tr endfor %}", w)
    row = add_row(
        table,
        ["", "Jumlah", "", "", "", "{{ skema_total }}", ""],
        ["Tabel Isi", "Tabel Kepala", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Isi"],
        w,
    )
    row.cells[5].paragraphs[0].runs[0].bold = True
    spacer(doc)

    subbab(doc, "{{ huruf.kg_jadwal }}", "Kegiatan yang Langsung Dilaksanakan dan Jadwal Kerja Penerapan")
    para(
        doc,
        "Kegiatan yang dapat langsung dilaksanakan oleh {{ pdam_singkat }} dimulai menurut Jadwal Kerja "
        "Penerapan berikut:",
        "Isi Subbab",
    )
    w = widths_of(inner, Cm(1.1), Cm(7.6), Cm(9.0), Cm(4.0))
    table = simple_table(
        doc,
        w,
        ["No", "Kegiatan", "Langkah Penerapan", "Jadwal", "Penanggung Jawab"],
        "j in jadwal_kerja",
        ["{{ j.no }}", "{{ j.kegiatan }}", "", "{{ j.jadwal }}", "{{ j.penanggung_jawab }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi"],
    )
    butir_cell(table.rows[2].cells[2], "j.langkah")

    control(doc, "if perlu_persetujuan")
    subbab(doc, "{{ huruf.kg_perlu }}", "Kegiatan yang Memerlukan Persetujuan Pimpinan Daerah")
    para(
        doc,
        "Kegiatan berikut dilaksanakan setelah memperoleh persetujuan {{ kepala_daerah }} dan dimuat "
        "dalam dokumen perencanaan dan penganggaran daerah:",
        "Isi Subbab",
    )
    numbered(doc, "perlu_persetujuan")
    control(doc, "endif")
    add_portrait_section(doc)


def _ketentuan_kerja_sama_pembiayaan(doc: DocumentObject, width: int) -> None:
    control(doc, "for b in bab_ketentuan")
    bab_heading(doc, "b")
    numbered(doc, "b.butir", "Daftar Bernomor")
    control(doc, "endfor")

    control(doc, "if bab.kerja_sama")
    bab_heading(doc, "bab.kerja_sama")
    para(doc, "Pelaksanaan STPP didukung dokumen kerja sama berikut:", "Isi")
    w = widths_of(width, Cm(0.9), Cm(5.0), Cm(3.6), Cm(3.8))
    simple_table(
        doc,
        w,
        ["No", "Dokumen Kerja Sama", "Para Pihak", "Ruang Lingkup", "Jangka Waktu dan Tindak Lanjut"],
        "s in kerja_sama",
        [
            "{{ s.no }}",
            "{{ s.judul }}",
            ["{%p for p in s.para_pihak %}", "{{ p }}", "{%p endfor %}"],
            ["{%p for r in s.ruang_lingkup %}", "{{ r }}", "{%p endfor %}"],
            ["{{ s.jangka_waktu }}", "{{ s.tindak_lanjut }}"],
        ],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi", "Tabel Isi"],
        indent=False,
    )
    control(doc, "endif")

    bab_heading(doc, "bab.pembiayaan")
    numbered(doc, "pembiayaan", "Daftar Bernomor")
    p = para(doc, "{{ anggaran_kalimat }}", "Isi")
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.keep_with_next = True
    for label, var, title in (
        ("a.", "anggaran_sumber", "Sumber Dana"),
        ("b.", "anggaran_tahun", "Tahun Anggaran"),
    ):
        para(doc, f"{label}\tMenurut {title.lower()}:", "Butir Subbab")
        w = [Cm(0.9), Cm(8.0), Cm(4.5)]
        table = simple_table(
            doc,
            w,
            ["No", title, "Jumlah"],
            f"a in {var}",
            ["{{ a.no }}", "{{ a.uraian }}", "{{ a.jumlah }}"],
            ["Tabel Isi", "Tabel Isi", "Tabel Angka"],
        )
        indent_table_replace(table, Cm(1.75))
        row = add_row(
            table, ["", "Jumlah", "{{ anggaran_total }}"], ["Tabel Isi", "Tabel Kepala", "Tabel Angka"], w
        )
        row.cells[2].paragraphs[0].runs[0].bold = True
        spacer(doc)


def indent_table_replace(table: Table, indent: Length) -> None:
    """Change a table's indent (the budget tables hang under their lettered item)."""
    tblpr = table._tbl.tblPr
    for el in tblpr.findall(qn("w:tblInd")):
        tblpr.remove(el)
    indent_table(table, indent)


def _pemantauan(doc: DocumentObject, width: int) -> None:
    inner = width - int(INDENT)
    bab_heading(doc, "bab.pemantauan")
    subbab(doc, "{{ huruf.mv_ketentuan }}", "Ketentuan Pemantauan, Evaluasi, dan Pelaporan")
    numbered(doc, "pemantauan")

    control(doc, "if tim_monev")
    subbab(doc, "{{ huruf.mv_tim }}", "Tim Monitoring dan Evaluasi")
    para(doc, "Susunan Tim Monev adalah sebagai berikut:", "Isi Subbab")
    w = widths_of(inner, Cm(0.9), Cm(10.0))
    simple_table(
        doc,
        w,
        ["No", "Jabatan", "Kedudukan dalam Tim"],
        "a in tim_monev",
        ["{{ a.no }}", "{{ a.jabatan }}", "{{ a.peran }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Isi"],
    )
    control(doc, "endif")

    # The monitoring format is seven columns wide: a landscape page of its own.
    control(doc, "if format_monev")
    section = add_landscape_section(doc)
    wide = text_width(section) - int(INDENT)
    subbab(doc, "{{ huruf.mv_format }}", "Format Monitoring dan Evaluasi")
    para(doc, "Capaian indikator Smart Logframe dipantau dengan format berikut:", "Isi Subbab")
    w = widths_of(wide, Cm(1.1), Cm(5.6), Cm(4.2), Cm(2.6), Cm(5.0), Cm(4.0))
    simple_table(
        doc,
        w,
        [
            "No",
            "Indikator",
            "Kondisi Awal dan Target",
            "Frekuensi",
            "Metode",
            "Sumber Data",
            "Penanggung Jawab",
        ],
        "f in format_monev",
        [
            "{{ f.no }}",
            "{{ f.indikator }}",
            "{{ f.target }}",
            "{{ f.frekuensi }}",
            "{{ f.metode }}",
            "{{ f.sumber_data }}",
            "{{ f.penanggung_jawab }}",
        ],
        ["Tabel Isi"] * 7,
    )
    add_portrait_section(doc)
    control(doc, "endif")

    control(doc, "if rencana_monev")
    subbab(doc, "{{ huruf.mv_rencana }}", "Rencana Kerja Tim Monitoring dan Evaluasi")
    w = widths_of(inner, Cm(0.9), Cm(5.0), Cm(2.6), Cm(4.0))
    simple_table(
        doc,
        w,
        ["No", "Kegiatan", "Waktu", "Keluaran", "Penanggung Jawab"],
        "r in rencana_monev",
        ["{{ r.no }}", "{{ r.kegiatan }}", "{{ r.waktu }}", "{{ r.keluaran }}", "{{ r.pic }}"],
        ["Tabel Isi"] * 5,
    )
    control(doc, "endif")


def _pelayanan(doc: DocumentObject, width: int) -> None:
    inner = width - int(INDENT)
    bab_heading(doc, "bab.pelayanan")
    para(doc, "{{ pelayanan_pengantar }}", "Isi")
    subbab(doc, "A.", "Standar Pelayanan")
    para(doc, "Jenis layanan dan jangka waktu penyelesaiannya adalah sebagai berikut:", "Isi Subbab")
    w = widths_of(inner, Cm(0.9), Cm(9.0))
    simple_table(
        doc,
        w,
        ["No", "Jenis Layanan", "Jangka Waktu Penyelesaian"],
        "s in layanan",
        ["{{ s.no }}", "{{ s.nama }}", "{{ s.waktu }}"],
        ["Tabel Isi"] * 3,
    )
    subbab(doc, "B.", "Janji Layanan")
    w = widths_of(inner, Cm(0.9), Cm(10.0))
    simple_table(
        doc,
        w,
        ["No", "Janji Layanan", "Batas Waktu"],
        "j in janji",
        ["{{ j.no }}", "{{ j.uraian }}", "{{ j.waktu }}"],
        ["Tabel Isi"] * 3,
    )
    subbab(doc, "C.", "Saluran Pengaduan")
    w = widths_of(inner, Cm(0.9), Cm(3.6), Cm(6.2))
    simple_table(
        doc,
        w,
        ["No", "Saluran", "Alamat/Kontak", "Jam Layanan"],
        "s in pengaduan",
        ["{{ s.no }}", "{{ s.kanal }}", "{{ s.alamat }}", "{{ s.jam }}"],
        ["Tabel Isi"] * 4,
    )


def build_juklak_juknis() -> DocumentObject:
    doc = new_document(style_kit_juklak)
    width = text_width(doc.sections[0])

    para(doc, "LAMPIRAN", "Blok Kanan")
    control(doc, "for baris in kop")
    para(doc, "{{ baris }}", "Blok Kanan")
    control(doc, "endfor")
    p = para(doc, "{{ judul }}", "Judul Naskah")
    p.paragraph_format.space_before = Pt(24)
    p.paragraph_format.space_after = Pt(6)

    _pendahuluan(doc)
    _organisasi(doc, width)
    _kegiatan(doc)
    _ketentuan_kerja_sama_pembiayaan(doc, width)
    _pemantauan(doc, width)
    _pelayanan(doc, width)

    bab_heading(doc, "bab.penutup")
    control(doc, "for p in penutup")
    para(doc, "{{ p }}", "Isi")
    control(doc, "endfor")
    p = para(doc, "", "Blok Kanan")
    p.paragraph_format.space_before = Pt(24)
    signature_block(doc, "{{ jabatan_ttd }}", "{{ nama_ttd }}")

    # What the drafter must still verify is never part of the regulation's wording: a page of its own
    # after the signature, titled as the SK's is, to be removed before the Peraturan is enacted.
    control(doc, "if catatan")
    p = para(doc, "CATATAN UNTUK BAGIAN HUKUM", "Judul Naskah")
    page_break_before(p)
    p.paragraph_format.space_after = Pt(6)
    p = para(doc, "(bukan bagian dari rancangan Peraturan)", "Isi Tengah")
    p.paragraph_format.space_after = Pt(12)
    para(
        doc,
        "Butir-butir berikut perlu diperiksa oleh perancang sebelum rancangan Peraturan diajukan untuk "
        "ditetapkan. Halaman ini dihapus setelah pemeriksaan selesai.",
        "Isi",
    )
    control(doc, "for t in catatan")
    p = para(doc, "{{ t.nomor }}\t{{ t.teks }}", "Catatan Perancangan")
    p.paragraph_format.left_indent = Cm(0.75)
    p.paragraph_format.first_line_indent = -Cm(0.75)
    control(doc, "endfor")
    control(doc, "endif")
    return doc


NAME = "juklak-juknis.docx"
TITLE = "Templat Petunjuk Pelaksanaan STPP"
build = build_juklak_juknis
