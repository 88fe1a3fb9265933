"""Template of the Smart Logframe and Skema Tindakan (``smart-logframe.docx``), landscape F4.

Part A is the logframe proper: one row per SMART indicator, the intervention-logic cell (number,
level, wording) and the assumptions merged vertically over the indicator rows of one element, so
each indicator keeps its baseline, target, deadline and source on one line. Part B is the Skema
Tindakan: kegiatan grouped per keluaran with a subtotal row each and a grand total row, the total
in words below. Part C summarises the budget. Every amount arrives as a ready string computed by
``assembler.analysis.anggaran``; the template never sums.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell, _Row

from tools.templates.kit import (
    _new_row,
    _set_cell_width,
    add_header_row,
    add_loop_row,
    add_row,
    cant_split,
    control,
    fill_cell,
    looped_rows,
    mark_header_row,
    new_document,
    new_table,
    para,
    paragraph_style,
    style_kit_naskah,
)

#: Table text is smaller than body text: nine columns must fit 28 cm without breaking every word.
TABLE_SIZE = 9


def style_kit_logframe(doc: DocumentObject) -> None:
    """The shared named styles, Bookman 11 for text and 9 for the wide tables."""
    style_kit_naskah(doc, font="Bookman Old Style", size=11)
    for name in ("Tabel Isi", "Tabel Isi Rata", "Tabel Angka", "Tabel Kepala"):
        paragraph_style(doc, name, size=TABLE_SIZE)
    # Secondary lines inside a cell (the 4.7 action behind a kegiatan, the years of a cost).
    paragraph_style(doc, "Tabel Keterangan", base="Tabel Isi", size=TABLE_SIZE - 1)
    doc.styles["Tabel Keterangan"].font.italic = True
    paragraph_style(doc, "Tabel Angka Keterangan", base="Tabel Angka", size=TABLE_SIZE - 1)
    doc.styles["Tabel Angka Keterangan"].font.italic = True
    # Group rows (a keluaran) and total rows stand out by weight, not by colour: it prints in black.
    paragraph_style(doc, "Tabel Kelompok", base="Tabel Isi", bold=True, keep_next=True)
    paragraph_style(doc, "Tabel Jumlah", base="Tabel Isi", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph_style(doc, "Tabel Angka Jumlah", base="Tabel Angka", bold=True)


def _cm(*values: float) -> list[Length]:
    return [Cm(v) for v in values]


def _merge_across(row: _Row, first: int, last: int) -> _Cell:
    """Merge cells ``first..last`` of one row (gridSpan); the texts of the merged cells are dropped."""
    cell: _Cell = row.cells[first].merge(row.cells[last])
    return cell


def _vmerge_from_context(cell: _Cell, expr: str) -> None:
    """``w:vMerge`` whose value (restart/continue) the context decides, so indicator rows share one cell."""
    tcpr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:vMerge")
    el.set(qn("w:val"), "{{ " + expr + " }}")
    tcpr.append(el)


def _column_numbers(table: Table, widths: Sequence[Length]) -> None:
    """The printed column-number row of real KKL tables: (1), (2)... repeated with the header."""
    row = add_row(table, [f"({i})" for i in range(1, len(widths) + 1)], "Tabel Kepala", widths)
    mark_header_row(row)


def _logframe_table(doc: DocumentObject) -> None:
    # No | Logika Intervensi | Ukuran | Baseline | Target | Tenggat | Sumber Verifikasi | Asumsi = 28 cm
    widths = _cm(1.5, 5.8, 5.2, 2.0, 2.0, 2.4, 4.8, 4.3)
    table = new_table(doc, widths, "Tabel Bergaris")
    top = add_header_row(
        table, ["No", "Logika Intervensi", "Indikator SMART", "", "", "", "Sumber Verifikasi", "Asumsi"], widths
    )
    sub = add_header_row(table, ["", "", "Ukuran", "Baseline", "Target", "Tenggat", "", ""], widths)
    _merge_across(top, 2, 5)
    for col in (0, 1, 6, 7):
        top.cells[col].merge(sub.cells[col])
    _column_numbers(table, widths)

    add_loop_row(table, "{%tr for b in logframe %}", widths)
    row = _new_row(table)
    for cell, w in zip(row.cells, widths, strict=True):
        _set_cell_width(cell, w)
    fill_cell(row.cells[0], "{{ b.no }}", "Tabel Isi")
    # Left-aligned: justified text in a 6 cm cell opens holes between the words.
    fill_cell(row.cells[1], ["{{ b.tingkat }}", "{{ b.rumusan }}"], "Tabel Isi")
    row.cells[1].paragraphs[0].style = "Tabel Kelompok"
    fill_cell(row.cells[2], "{{ b.ukuran }}", "Tabel Isi")
    for col, key in ((3, "baseline"), (4, "target")):
        fill_cell(row.cells[col], "{{ b." + key + " }}", "Tabel Angka")
    fill_cell(row.cells[5], "{{ b.tenggat }}", "Tabel Isi")
    fill_cell(row.cells[6], "{{ b.sumber_verifikasi }}", "Tabel Isi")
    # One paragraph, never a {%p for %}: an element without assumptions must still leave a w:p in the cell.
    fill_cell(row.cells[7], "{{ b.asumsi }}", "Tabel Isi")
    for col in (0, 1, 7):
        _vmerge_from_context(row.cells[col], "b.vm")
    cant_split(row)
    add_loop_row(table, "{%tr endfor %}", widths)


def _skema_table(doc: DocumentObject) -> None:
    # No | Kegiatan | Aspek/Prioritas | Penanggung Jawab | Pelaksana | Jadwal | Biaya | Sumber Dana | Pelaksanaan
    widths = _cm(1.5, 5.4, 2.3, 4.0, 3.6, 2.7, 3.3, 2.3, 2.9)
    table = new_table(doc, widths, "Tabel Bergaris")
    add_header_row(
        table,
        ["No", "Kegiatan", "Aspek dan Prioritas", "Penanggung Jawab", "Pelaksana", "Jadwal", "Biaya (Rp)",
         "Sumber Dana", "Pelaksanaan"],
        widths,
    )
    _column_numbers(table, widths)

    add_loop_row(table, "{%tr for k in keluaran %}", widths)
    head = add_row(table, [""] * len(widths), "Tabel Kelompok", widths)
    cell = _merge_across(head, 0, len(widths) - 1)
    fill_cell(cell, "{{ k.judul }}", "Tabel Kelompok")

    add_loop_row(table, "{%tr for g in k.kegiatan %}", widths)
    row = _new_row(table)
    for c, w in zip(row.cells, widths, strict=True):
        _set_cell_width(c, w)
    fill_cell(row.cells[0], "{{ g.no }}", "Tabel Isi")
    fill_cell(row.cells[1], ["{{ g.rumusan }}", "{{ g.tindakan }}"], "Tabel Isi")
    row.cells[1].paragraphs[1].style = "Tabel Keterangan"
    fill_cell(row.cells[2], ["{{ g.aspek }}", "{{ g.prioritas }}"], "Tabel Isi")
    fill_cell(row.cells[3], "{{ g.penanggung_jawab }}", "Tabel Isi")
    fill_cell(row.cells[4], "{{ g.pelaksana }}", "Tabel Isi")
    fill_cell(row.cells[5], ["{{ g.jadwal }}", "{%p if g.jangka_waktu %}", "{{ g.jangka_waktu }}", "{%p endif %}"],
              "Tabel Isi")
    row.cells[5].paragraphs[2].style = "Tabel Keterangan"
    fill_cell(row.cells[6], ["{{ g.biaya }}", "{%p for t in g.rincian_biaya %}", "{{ t }}", "{%p endfor %}"],
              "Tabel Angka")
    row.cells[6].paragraphs[2].style = "Tabel Angka Keterangan"
    fill_cell(row.cells[7], ["{{ g.sumber_dana }}", "{%p if g.kode_anggaran %}", "{{ g.kode_anggaran }}",
                             "{%p endif %}"], "Tabel Isi")
    row.cells[7].paragraphs[2].style = "Tabel Keterangan"
    fill_cell(row.cells[8], "{{ g.pelaksanaan }}", "Tabel Isi")
    cant_split(row)
    add_loop_row(table, "{%tr endfor %}", widths)

    _total_row(table, widths, "{{ k.jumlah_label }}", "{{ k.jumlah }}")
    add_loop_row(table, "{%tr endfor %}", widths)
    _total_row(table, widths, "JUMLAH SELURUHNYA", "{{ total }}")


def _total_row(table: Table, widths: Sequence[Length], label: str, amount: str) -> None:
    """Label over the first six columns, the amount under Biaya, the last two columns merged empty."""
    row = add_row(table, [""] * len(widths), "Tabel Isi", widths)
    fill_cell(row.cells[6], amount, "Tabel Angka Jumlah")
    _merge_across(row, 7, 8)
    label_cell = _merge_across(row, 0, 5)
    fill_cell(label_cell, label, "Tabel Jumlah")


def _ringkasan_table(doc: DocumentObject, judul: str, kolom: str, var: str) -> None:
    para(doc, judul, "Subjudul")
    widths = _cm(1.2, 7.5, 4.5, 3.0)
    table = new_table(doc, widths, "Tabel Bergaris")
    add_header_row(table, ["No", kolom, "Jumlah (Rp)", "Persentase"], widths)
    looped_rows(
        table,
        f"s in {var}",
        ["{{ s.no }}", "{{ s.nama }}", "{{ s.jumlah }}", "{{ s.persen }}"],
        ["Tabel Isi", "Tabel Isi", "Tabel Angka", "Tabel Angka"],
        widths,
    )
    row = add_row(table, ["", "", "{{ total }}", "{{ total_persen }}"],
                  ["Tabel Isi", "Tabel Isi", "Tabel Angka Jumlah", "Tabel Angka Jumlah"], widths)
    fill_cell(_merge_across(row, 0, 1), "Jumlah", "Tabel Jumlah")


def build_smart_logframe() -> DocumentObject:
    """Smart Logframe (Part A), Skema Tindakan with totals (Part B) and budget summary (Part C)."""
    doc = new_document(style_kit_logframe, landscape=True)
    control(doc, "for t in judul")
    para(doc, "{{ t }}", "Judul Naskah")
    control(doc, "endfor")
    para(doc, "", "Normal").paragraph_format.space_after = Pt(6)
    control(doc, "for t in pengantar")
    para(doc, "{{ t }}", "Isi")
    control(doc, "endfor")

    para(doc, "A.\tSMART LOGFRAME", "Subjudul")
    _logframe_table(doc)
    control(doc, "if catatan")
    p = para(doc, "Catatan: {{ catatan }}", "Isi")
    p.paragraph_format.space_before = Pt(6)
    control(doc, "endif")

    p = para(doc, "B.\tSKEMA TINDAKAN PENINGKATAN PELAYANAN", "Subjudul")
    p.paragraph_format.page_break_before = True
    _skema_table(doc)
    p = para(doc, "Terbilang: {{ total_terbilang }}", "Isi")
    p.paragraph_format.space_before = Pt(6)
    p.runs[0].italic = True

    p = para(doc, "C.\tRINGKASAN ANGGARAN", "Subjudul")
    p.paragraph_format.space_before = Pt(12)
    _ringkasan_table(doc, "1.\tMenurut Sumber Dana", "Sumber Dana", "per_sumber_dana")
    _ringkasan_table(doc, "2.\tMenurut Tahun Anggaran", "Tahun Anggaran", "per_tahun")
    _ringkasan_table(doc, "3.\tMenurut Aspek Tindakan", "Aspek", "per_aspek")
    return doc


NAME = "smart-logframe.docx"
TITLE = "Templat Smart Logframe dan Skema Tindakan"
build = build_smart_logframe
