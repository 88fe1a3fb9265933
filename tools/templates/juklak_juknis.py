"""Template of the Rancangan Peraturan Bupati/Walikota on the Juklak/Juknis (``juklak-juknis.docx``).

The regulation (format-perkada-sop.md §1): head lines, RANCANGAN title block, DENGAN RAHMAT, office
line, Menimbang/Mengingat label tables as in the SK, MEMUTUSKAN / Menetapkan, the BAB and Pasal of
the body (numbers come from the context), the pengundangan formula, the Ditetapkan and Diundangkan
blocks and the Berita Daerah line. Then Lampiran I (the Juklak: right-hand head block, chapters
``BAB I`` / ``PENDAHULUAN``, tables, closing signature) and, when 4.2 has improved procedures,
Lampiran II (the Juknis: one SOP per procedure, identity sheet and flowchart table on landscape
pages). No drafter's notes: they are in ``catatan-perancang``.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell, _Row

from assembler.documents.juknis_sop import TINGGI_BARIS_MM
from assembler.documents.lembar import GRID
from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_header_row,
    add_landscape_section,
    add_loop_row,
    add_portrait_section,
    add_row,
    auto_width,
    ayat_loop,
    cant_split,
    control,
    decree_head,
    ditetapkan,
    fill_cell,
    keep_lead_ins,
    looped_rows,
    mark_header_row,
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
    subbab(doc, "B.", "Sasaran")
    para(doc, "Sasaran petunjuk pelaksanaan ini adalah:", "Isi Subbab")
    numbered(doc, "sasaran")


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
    p = para(doc, "{{ anggaran_kalimat }}", "Isi")
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
    para(
        doc,
        "Pemantauan dan evaluasi dilaksanakan sesuai dengan ketentuan dalam batang tubuh Peraturan ini, "
        "dengan susunan tim, format, dan rencana kerja sebagai berikut.",
        "Isi",
    )

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


def style_kit_peraturan(doc: DocumentObject) -> None:
    """The Juklak kit plus the body's styles: Pasal headings, ayat, tabulated items, definitions."""
    style_kit_juklak(doc)
    paragraph_style(doc, "Judul Pasal", align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=6, keep_next=True)
    # "(1)<tab>text": the ayat number hangs; a Pasal without ayat is plain "Isi".
    paragraph_style(doc, "Ayat", base="Isi", left=Cm(1.0), hanging=Cm(1.0), after=6)
    paragraph_style(doc, "Butir Ayat", base="Isi", left=Cm(1.75), hanging=Cm(0.75), after=3)
    paragraph_style(doc, "Butir Pasal", base="Isi", left=Cm(0.75), hanging=Cm(0.75), after=3)
    paragraph_style(doc, "Blok Kiri", align=WD_ALIGN_PARAGRAPH.LEFT, keep_next=True)
    paragraph_style(doc, "Nama Blok Kiri", base="Blok Kiri", bold=True, before=60, keep_next=True)
    for name in ("Tabel SOP", "Tabel SOP Tengah", "Tabel SOP Kepala", "Simbol SOP"):
        paragraph_style(doc, name, base="Tabel Isi", size=9)
    paragraph_style(doc, "Tabel SOP Tengah", align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph_style(doc, "Tabel SOP Kepala", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
    # The symbols are not in Bookman: a font that has them (DejaVu Sans ships with LibreOffice).
    # A flowchart tile fills its cell: no spacing, and a tiny font so the line is no taller than it.
    paragraph_style(doc, "Simbol SOP", align=WD_ALIGN_PARAGRAPH.CENTER, size=2, before=0, after=0)
    paragraph_style(doc, "Legenda SOP", base="Tabel SOP", before=0, after=6)
    for name in ("Simbol SOP", "Legenda SOP"):
        doc.styles[name].font.name = "DejaVu Sans"


def _pembukaan(doc: DocumentObject, width: int) -> None:
    """Head lines, RANCANGAN title block, DENGAN RAHMAT, office line, Menimbang/Mengingat, Menetapkan."""
    control(doc, "for baris in kepala_baris")
    para(doc, "{{ baris }}", "Judul Naskah")
    control(doc, "endfor")
    p = para(doc, "RANCANGAN", "Judul Naskah")
    p.paragraph_format.space_before = Pt(18)
    para(doc, "{{ peraturan }}", "Judul Naskah")
    title_lines(doc, tentang="{{ judul }}")
    control(doc, "if perkada")
    spaced_title(doc, "DENGAN RAHMAT TUHAN YANG MAHA ESA")
    control(doc, "endif")
    spaced_title(doc, "{{ jabatan }}")
    decree_head(doc, width, "MEMUTUSKAN:")


def _batang_tubuh(doc: DocumentObject) -> None:
    """BAB (two-line heading), Pasal (centred), ayat with hanging numbers, items, Pasal 1 definitions."""
    control(doc, "for b in batang")
    p = para(doc, "{{ b.nomor }}", "Judul Bab")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("{{ b.judul }}")
    control(doc, "for ps in b.pasal")
    para(doc, "{{ ps.nomor }}", "Judul Pasal")
    ayat_loop(doc, "a.butir or ps.definisi")
    control(doc, "for d in ps.definisi")
    para(doc, "{{ d.nomor }}\t{{ d.teks }}", "Butir Pasal")
    control(doc, "endfor")
    control(doc, "endfor")
    control(doc, "endfor")


def _penutup_peraturan(doc: DocumentObject) -> None:
    """Pengundangan formula, Ditetapkan (right), Diundangkan (left), Berita Daerah line."""
    control(doc, "if perkada")
    p = para(doc, "{{ pengundangan }}", "Isi")
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.keep_with_next = True
    control(doc, "endif")
    ditetapkan(doc, "pada tanggal")
    signature_block(doc, "{{ jabatan_ttd }}", "{{ nama_ttd }}")
    control(doc, "if perkada")
    p = para(doc, "Diundangkan di {{ ditetapkan_di }}", "Blok Kiri")
    p.paragraph_format.space_before = Pt(18)
    para(doc, "pada tanggal", "Blok Kiri")
    para(doc, "{{ sekda }}", "Blok Kiri")
    para(doc, "……………………………………", "Nama Blok Kiri")
    p = para(doc, "{{ berita_daerah }}", "Blok Kiri")
    p.paragraph_format.space_before = Pt(18)
    p.runs[0].bold = True
    control(doc, "endif")


def _lampiran_kop(doc: DocumentObject, label: str) -> None:
    para(doc, label, "Blok Kanan")
    control(doc, "for baris in kop")
    para(doc, "{{ baris }}", "Blok Kanan")
    control(doc, "endfor")


def _sop_grid(doc: DocumentObject, width: int) -> None:
    """One page-sized part of an SOP's flowchart table: 2 repeated header rows, rows of ``h.baris``.

    Spans per cell from the context (lembar.GRID grid); each row's minimum height is a step of the
    ladder ``TINGGI_BARIS_MM`` (one row variant per step: no tag inside an XML attribute), executor
    cells hold the chart's tiles without side margins (docs/dev/sop-simbol.md).
    """
    from tools.templates.kertas_kerja import _grid_table, _row, _tag_row

    table, _col = _grid_table(doc, width)
    inner = GRID - 2
    _tag_row(table, "{%tr for r in s.kepala %}")
    header = _row(table, (1, inner, 1))
    c0, c1, c2 = header.cells[0], header.cells[1], header.cells[-1]
    c0.paragraphs[0].style = "Tabel SOP Kepala"
    c0.paragraphs[0].add_run("{%tc for k in r %}")
    p = c1.paragraphs[0]
    p.style = "Tabel SOP Kepala"
    p.add_run("{% colspan k.lebar %}")
    p.add_run("{{ k.teks }}")
    c2.paragraphs[0].style = "Tabel SOP Kepala"
    c2.paragraphs[0].add_run("{%tc endfor %}")
    auto_width(c1)
    mark_header_row(header)
    _tag_row(table, "{%tr endfor %}")

    _tag_row(table, "{%tr for r in h.baris %}")
    for i, tinggi in enumerate(TINGGI_BARIS_MM):
        _tag_row(table, ("{%tr if " if i == 0 else "{%tr elif ") + f"r.tingkat == {i} %}}")
        _sop_row(table, tinggi)
    _tag_row(table, "{%tr endif %}")
    _tag_row(table, "{%tr endfor %}")


def _sop_row(table: Table, tinggi_mm: float) -> None:
    """A step or connector row at least ``tinggi_mm`` high: picture cells for executors, text cells else."""
    from tools.templates.kertas_kerja import _row

    half = (GRID - 5) // 2
    body = _row(table, (1, 1, half, 1, GRID - 5 - half, 1, 1))
    tags = {0: "{%tc for k in r.sel %}", 1: "{%tc if k.gaya == 'simbol' %}", 3: "{%tc else %}",
            5: "{%tc endif %}", 6: "{%tc endfor %}"}
    cs = [_Cell(tc, table) for tc in body._tr.tc_lst]
    for i, tag in tags.items():
        cs[i].paragraphs[0].style = "Tabel SOP"
        cs[i].paragraphs[0].add_run(tag)
    picture = cs[2].paragraphs[0]
    picture.style = "Simbol SOP"
    picture.add_run("{% colspan k.lebar %}")
    picture.add_run("{{ k.gambar }}")
    tcpr = cs[2]._tc.get_or_add_tcPr()
    mar = OxmlElement("w:tcMar")
    for edge in ("w:left", "w:right"):
        el = OxmlElement(edge)
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tcpr.append(mar)
    auto_width(cs[2])
    c1 = cs[4]
    first = c1.paragraphs[0]
    first.style = "Tabel SOP"
    first.add_run("{%p for x in k.teks %}")
    first.add_run("{% colspan k.lebar %}")
    para(c1, "{%p if k.gaya == 'tengah' %}", "Tabel SOP")
    para(c1, "{{ x }}", "Tabel SOP Tengah")
    para(c1, "{%p else %}", "Tabel SOP")
    para(c1, "{{ x }}", "Tabel SOP")
    para(c1, "{%p endif %}", "Tabel SOP")
    para(c1, "{%p endfor %}", "Tabel SOP")
    auto_width(c1)
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(round(tinggi_mm / 25.4 * 1440)))
    height.set(qn("w:hRule"), "atLeast")
    body._tr.get_or_add_trPr().append(height)
    cant_split(body)


def _identitas(doc: DocumentObject, width: int) -> None:
    """Identity sheet (PermenPAN-RB 35/2012; layout of the Kemensetneg form): unit | fields; 3 pairs below."""
    half = Length(width // 2)
    label = Cm(3.6)
    w = [half, label, Length(width - int(half) - int(label))]
    table = new_table(doc, w, "Tabel Bergaris")
    fields = [
        ("NOMOR SOP", "…"),
        ("TGL. PEMBUATAN", "…"),
        ("TGL. REVISI", "…"),
        ("TGL. EFEKTIF", "…"),
        ("DISAHKAN OLEH", "{{ s.disahkan }}"),
        ("NAMA SOP", "{{ s.nama }}"),
    ]
    rows = [add_row(table, ["", lab, val], ["Tabel SOP", "Tabel SOP", "Tabel SOP"], w) for lab, val in fields]
    for r in rows:
        r.cells[1].paragraphs[0].runs[0].bold = True
    rows[4].cells[2].add_paragraph("{{ s.disahkan_nama }}", style="Tabel SOP")
    unit = rows[0].cells[0].merge(rows[-1].cells[0])
    unit.paragraphs[0].style = "Tabel SOP Kepala"
    unit.paragraphs[0].add_run("{{ s.unit }}")
    pair_w = [half, Length(width - int(half))]
    pairs = new_table(doc, pair_w, "Tabel Bergaris")
    for left, lvar, right, rvar in (
        ("DASAR HUKUM", "s.dasar_hukum", "KUALIFIKASI PELAKSANA", "s.kualifikasi"),
        ("KETERKAITAN", "s.keterkaitan", "PERALATAN/PERLENGKAPAN", "s.peralatan"),
        ("PERINGATAN", None, "PENCATATAN DAN PENDATAAN", "s.pencatatan"),
    ):
        head = add_row(pairs, [left + ":", right + ":"], "Tabel SOP", pair_w)
        for c in head.cells:
            c.paragraphs[0].runs[0].bold = True
        r = row_of(pairs, pair_w)
        if lvar is None:
            fill_cell(r.cells[0], "{{ s.peringatan }}", "Tabel SOP")
        else:
            fill_cell(r.cells[0], ["{%p for x in " + lvar + " %}", "{{ x }}", "{%p endfor %}"], "Tabel SOP")
        fill_cell(r.cells[1], ["{%p for x in " + rvar + " %}", "{{ x }}", "{%p endfor %}"], "Tabel SOP")


def _juknis(doc: DocumentObject) -> None:
    """Lampiran II on landscape pages: one identity sheet and flowchart table per SOP, then the signature."""
    # The document ends on Lampiran II's landscape pages: a trailing portrait section would print a
    # blank last page. (Without 4.2 there is no Lampiran II and that last section stays empty.)
    section = add_landscape_section(doc)
    width = text_width(section)
    control(doc, "if sop")
    _lampiran_kop(doc, "LAMPIRAN II")
    p = para(doc, "{{ judul_juknis }}", "Judul Naskah")
    p.paragraph_format.space_before = Pt(18)
    p.paragraph_format.space_after = Pt(6)
    control(doc, "for s in sop")
    # Each SOP starts a page of its own, as SOP books print them (identity sheet on top).
    control(doc, "if not loop.first")
    para(doc, "", "Normal").add_run().add_break(WD_BREAK.PAGE)
    control(doc, "endif")
    p = para(doc, "{{ s.judul }}", "Judul Naskah")
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(6)
    p = para(doc, "A.\tIdentitas", "Subbab")
    _identitas(doc, width)
    # The flowchart starts a page of its own, cut by siap into page-sized parts (sop-simbol.md).
    control(doc, "for h in s.halaman")
    control(doc, "if loop.first")
    p = para(doc, "B.\tBagan Alir Prosedur", "Subbab")
    page_break_before(p)
    para(doc, "{{ s.legenda }}", "Legenda SOP").paragraph_format.keep_with_next = True
    control(doc, "else")
    p = para(doc, "B.\tBagan Alir Prosedur {{ s.nama }} (lanjutan)", "Subbab")
    page_break_before(p)
    control(doc, "endif")
    _sop_grid(doc, width)
    control(doc, "endfor")
    control(doc, "endfor")
    p = para(doc, "", "Blok Kanan")
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.left_indent = Cm(17)
    p = para(doc, "{{ jabatan_ttd }}", "Tanda Tangan")
    p.paragraph_format.left_indent = Cm(17)
    p = para(doc, "{{ nama_ttd }}", "Nama Penanda Tangan")
    p.paragraph_format.left_indent = Cm(17)
    control(doc, "endif")


def build_juklak_juknis() -> DocumentObject:
    doc = new_document(style_kit_peraturan)
    width = text_width(doc.sections[0])

    _pembukaan(doc, width)
    _batang_tubuh(doc)
    _penutup_peraturan(doc)

    # Lampiran I: the Juklak.
    p = para(doc, "{{ lampiran_juklak }}", "Blok Kanan")
    page_break_before(p)
    control(doc, "for baris in kop")
    para(doc, "{{ baris }}", "Blok Kanan")
    control(doc, "endfor")
    p = para(doc, "{{ judul_juklak }}", "Judul Naskah")
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

    _juknis(doc)
    keep_lead_ins(doc)
    return doc

NAME = "juklak-juknis.docx"
TITLE = "Templat Petunjuk Pelaksanaan STPP"
build = build_juklak_juknis
