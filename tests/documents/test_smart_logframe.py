"""Smart Logframe and Skema Tindakan: what a planner, a budget officer and a lawyer check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table

from assembler.analysis.analisis import analyse
from assembler.analysis.anggaran import anggaran_workspace
from assembler.documents import smart_logframe
from assembler.scoring.mcua import hitung_mcua
from assembler.workspace_view import WorkspaceView
from tests.conftest import replace_in
from tests.helpers.docx_content import (
    all_text,
    blocks,
    header_rows_repeat,
    normalized,
    open_docx,
    paragraph_texts,
    sections,
    table_rows,
)
from tests.helpers.example import build_docs, copy_example, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

DOC_ID = "smart-logframe"


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


def _kegiatan_rows(table: Table) -> dict[str, list[str]]:
    """Skema Tindakan rows by their number (``1.1.1.2``)."""
    return {r[0]: r for r in table_rows(table) if len(r) == 9 and r[0].count(".") == 3}


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_whole_document_is_landscape_f4(docx_path: Path) -> None:
    assert sections(open_docx(docx_path)) == [{"lebar_mm": 330, "tinggi_mm": 215, "orientasi": "mendatar"}]


def test_title_block_and_parts_in_order(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paras[:3] == [
        "SMART LOGFRAME DAN SKEMA TINDAKAN PENINGKATAN PELAYANAN",
        "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "TAHUN 2026–2027",
    ]
    heads = [p for p in paras if p[:2] in ("A.", "B.", "C.")]
    assert heads == ["A.\tSMART LOGFRAME", "B.\tSKEMA TINDAKAN PENINGKATAN PELAYANAN", "C.\tRINGKASAN ANGGARAN"]


def test_header_rows_repeat_and_rows_do_not_split(tables: list[Table]) -> None:
    logframe, skema, *ringkasan = tables
    assert header_rows_repeat(logframe)[:4] == [True, True, True, False]
    assert header_rows_repeat(skema)[:3] == [True, True, False]
    for t in ringkasan:
        assert header_rows_repeat(t)[:2] == [True, False]
    for t in tables:
        for row in t.rows:
            trpr = row._tr.trPr
            assert trpr is not None and trpr.find(qn("w:cantSplit")) is not None


def test_logframe_columns_and_hierarchy(tables: list[Table]) -> None:
    rows = table_rows(tables[0])
    assert rows[0] == ["No", "Logika Intervensi", "Indikator SMART", "Sumber Verifikasi", "Asumsi"]
    assert rows[1] == ["No", "Logika Intervensi", "Ukuran", "Baseline", "Target", "Tenggat", "Sumber Verifikasi",
                       "Asumsi"]
    numbers = list(dict.fromkeys(r[0] for r in rows[3:]))
    assert numbers[:6] == ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2", "1.1.1.3"]
    assert "1.2.2.4" in numbers and len(numbers) == 1 + 2 + 4 + 12
    nrw = next(r for r in rows if r[2] == "Tingkat kehilangan air (Non-Revenue Water) (%)")
    assert nrw[:2] == ["1.1", "Sasaran\nMenurunnya tingkat kehilangan air dan meningkatnya kontinuitas pengaliran "
                                  "air 24 jam"]
    assert nrw[3:7] == ["38,6", "25", "Desember 2028", "Laporan neraca air bulanan Bagian Teknik"]


def test_indicator_rows_of_one_element_share_merged_cells(tables: list[Table]) -> None:
    tr = tables[0].rows
    # Tujuan has two indicators: its number, wording and assumptions cells are one vertically merged cell.
    first, second = tr[3]._tr, tr[4]._tr
    merges = [tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) for tc in first.findall(qn("w:tc"))
              if tc.tcPr.find(qn("w:vMerge")) is not None]
    assert merges == ["restart", "restart", "restart"]
    cont = [tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) for tc in second.findall(qn("w:tc"))
            if tc.tcPr.find(qn("w:vMerge")) is not None]
    assert cont == ["continue", "continue", "continue"]


def test_skema_columns(tables: list[Table]) -> None:
    assert table_rows(tables[1])[0] == [
        "No", "Kegiatan", "Aspek dan Prioritas", "Penanggung Jawab", "Pelaksana", "Jadwal", "Biaya (Rp)",
        "Sumber Dana", "Pelaksanaan",
    ]


def test_subtotals_and_grand_total_are_the_analysis_figures(
    tables: list[Table], view: WorkspaceView, docx_path: Path
) -> None:
    anggaran = anggaran_workspace(view)
    assert anggaran is not None and anggaran.total == 7_025_000_000
    rows = table_rows(tables[1])
    subtotals = [r for r in rows if r[0].startswith("Jumlah Keluaran")]
    assert subtotals == [
        ["Jumlah Keluaran 1.1.1", "3.700.000.000", ""],
        ["Jumlah Keluaran 1.1.2", "2.225.000.000", ""],
        ["Jumlah Keluaran 1.2.1", "550.000.000", ""],
        ["Jumlah Keluaran 1.2.2", "550.000.000", ""],
    ]
    assert [int(r[1].replace(".", "")) for r in subtotals] == [k.jumlah for k in anggaran.per_keluaran]
    assert rows[-1] == ["JUMLAH SELURUHNYA", "7.025.000.000", ""]
    assert "Terbilang: tujuh miliar dua puluh lima juta rupiah" in paragraph_texts(docx_path)


def test_each_group_is_headed_by_its_keluaran_and_closed_by_its_subtotal(tables: list[Table]) -> None:
    rows = table_rows(tables[1])
    heads = [i for i, r in enumerate(rows) if r[0].startswith("Keluaran ")]
    subs = [i for i, r in enumerate(rows) if r[0].startswith("Jumlah Keluaran")]
    assert rows[heads[0]] == ["Keluaran 1.1.1: Kehilangan air fisik dan komersial terkendali melalui zonasi DMA, "
                              "pengendalian tekanan dan meter pelanggan yang akurat"]
    assert [subs[i] - heads[i] for i in range(4)] == [4, 3, 4, 5]  # kegiatan count + 1


def test_penanggung_jawab_by_office_never_by_code_or_person(tables: list[Table]) -> None:
    # the office, as the Draft STPP printed with it names it; the person is named in the working paper only
    rows = _kegiatan_rows(tables[1])
    assert rows["1.1.1.2"][3] == "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari"
    assert rows["1.1.1.1"][3] == "Bagian Teknik Perumda Air Minum Tirta Lestari"  # unit u-teknik (4.5)
    assert rows["1.2.1.3"][3] == "Unit Pengaduan Terpadu Perumda Air Minum Tirta Lestari"
    for row in rows.values():
        assert not row[3].startswith(("m-", "u-"))


def test_aspect_priority_and_group_come_from_47_and_52(tables: list[Table], view: WorkspaceView) -> None:
    rows = _kegiatan_rows(tables[1])
    peringkat = {p.tindakan: p.peringkat for p in hitung_mcua(view.topic("4.7")).per_aspek["teknis"]}
    assert rows["1.1.1.1"][2] == f"Teknis\nPrioritas {peringkat['tk-01']}"
    assert rows["1.2.1.1"][2].startswith("Manajemen (Prosedur)\nPrioritas ")
    assert rows["1.1.1.1"][8] == "Langsung dilaksanakan"  # kg-1.1 itself
    assert rows["1.1.1.2"][8] == "Perlu persetujuan pimpinan daerah"  # kg-1.2 itself, same tindakan as kg-1.1
    assert rows["1.1.1.3"][8] == "Langsung dilaksanakan"  # through its tindakan tk-02
    assert "Tindakan: Zonasi DMA dan pengendalian tekanan" in rows["1.1.1.1"][1]


def test_kelompok_lookup_agrees_with_the_model_rule(view: WorkspaceView) -> None:
    charter = view.topic("5.2")
    lookup = smart_logframe._Lookup.of(view, analyse(view), view.stpp, view.topic("4.7"), charter)  # type: ignore[arg-type]
    for _loc, _kl, kg in view.topic("5.1").iter_kegiatan():
        assert lookup.kelompok(kg) == charter.kelompok(kg)


def test_schedule_cost_years_and_61_enrichment(tables: list[Table]) -> None:
    row = _kegiatan_rows(tables[1])["1.1.1.2"]
    assert row[5] == "Oktober 2026–Desember 2027\nJangka pendek (1–2 tahun)"
    assert row[6] == "2.450.000.000\n2026: 1.100.000.000\n2027: 1.350.000.000"
    assert row[7] == "APBN/DAK\nKode 1.03.03.2.01"
    assert _kegiatan_rows(tables[1])["1.1.1.1"][6] == "350.000.000"  # one year: no breakdown


def test_amounts_are_right_aligned(tables: list[Table], docx_path: Path) -> None:
    doc = open_docx(docx_path)
    style = doc.styles["Tabel Angka"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    row = tables[1].rows[4]  # first kegiatan row
    assert row.cells[6].paragraphs[0].style.name == "Tabel Angka"
    assert tables[0].rows[3].cells[3].paragraphs[0].style.name == "Tabel Angka"  # baseline


def test_budget_summary_per_source_year_and_aspect(tables: list[Table], view: WorkspaceView) -> None:
    anggaran = anggaran_workspace(view)
    assert anggaran is not None
    sumber, tahun, aspek = (table_rows(t) for t in tables[2:])
    assert sumber[0] == ["No", "Sumber Dana", "Jumlah (Rp)", "Persentase"]
    assert sumber[1:] == [
        ["1.", "APBD", "2.225.000.000", "31,7%"],
        ["2.", "APBN/DAK", "2.450.000.000", "34,9%"],
        ["3.", "PDAM (RKAP)", "2.200.000.000", "31,3%"],
        ["4.", "Hibah/CSR", "150.000.000", "2,1%"],
        ["Jumlah", "7.025.000.000", "100,0%"],
    ]
    assert [r[1:3] for r in tahun[1:-1]] == [["2026", "4.105.000.000"], ["2027", "2.920.000.000"]]
    assert [r[1] for r in aspek[1:-1]] == ["Teknis", "Finansial", "Manajemen"]
    assert [int(r[2].replace(".", "")) for r in aspek[1:-1]] == [a.jumlah for a in anggaran.per_aspek]


def test_formatting_helpers() -> None:
    assert smart_logframe.bulan_tahun("2030-12") == "Desember 2030"
    assert smart_logframe.jadwal("2026-06", "2026-09") == "Juni–September 2026"
    assert smart_logframe.jadwal("2026-10", "2027-12") == "Oktober 2026–Desember 2027"
    assert smart_logframe.jadwal("2026-06", "2026-06") == "Juni 2026"


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kota, user text with markup characters, and no 6.1: one extra build covers all three."""
    ws = kota_variant(copy_example(tmp_path_factory.mktemp("lf-kota") / "contoh"))
    replace_in(ws / "5.1-skema-tindakan.yaml",
               "rumusan: Penggantian 6.000 meter air pelanggan yang berumur lebih dari 5 tahun",
               'rumusan: "Penggantian 6.000 meter air & segel <tipe B> yang berumur > 5 tahun"')
    (ws / "6.1-integrasi-corporate-plan.yaml").unlink()
    return _built(ws, ws / "keluaran")


def test_kota_title_and_markup_survive_and_61_is_optional(variant: Path) -> None:
    paras = paragraph_texts(variant)
    # The utility's legal name carries the region (as a Kota writes it), so no separate region line.
    assert paras[1:3] == ["PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KOTA LEMBAH SARI", "TAHUN 2026–2027"]
    doc = open_docx(variant)
    skema = [b for b in blocks(doc) if isinstance(b, Table)][1]
    row = _kegiatan_rows(skema)["1.1.1.3"]
    assert row[1].startswith("Penggantian 6.000 meter air & segel <tipe B> yang berumur > 5 tahun\n")
    assert row[5] == "Juli 2026–September 2027"  # no jangka waktu without 6.1
    assert row[7] == "PDAM (RKAP)"
    assert "JUMLAH SELURUHNYA" in all_text(variant)  # nothing after the markup was lost


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=240)
    assert pdf.read_bytes().startswith(b"%PDF")
