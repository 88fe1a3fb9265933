"""Draft STPP: the Rancangan of Tahap 1.1–5.2 handed to the DPRD leaders and the Kepala Daerah at 5.3."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assembler.analysis.anggaran import anggaran_workspace
from assembler.content import load_content
from assembler.documents.draft_stpp import rancangan
from assembler.documents.registry import BY_ID
from assembler.render import render_docx
from assembler.resources import TEMPLATES_DIR
from assembler.scoring.pemeringkatan import rank_issues
from assembler.workspace_view import WorkspaceView
from tests.conftest import CONTOH
from tests.helpers.analysis import with_analysis
from tests.helpers.docx_content import (
    all_text,
    blocks,
    body_tables,
    header_rows_repeat,
    normalized,
    open_docx,
    paragraph_texts,
    sections,
    table_rows,
)
from tests.helpers.example import build_docs, copy_example, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

DOC_ID = "draft-stpp"

BAB = [
    "BAB I PERSIAPAN DAN PENGENALAN",
    "BAB II ANALISIS ISU STRATEGIS",
    "BAB III ANALISIS KEBUTUHAN",
    "BAB IV ANALISIS PENINGKATAN KAPASITAS PELAYANAN PDAM",
    "BAB V PERUMUSAN SKEMA TINDAKAN PENINGKATAN PELAYANAN",
    "BAB VI PENUTUP",
]


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


@pytest.fixture(scope="module")
def kota_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = kota_variant(copy_example(tmp_path_factory.mktemp("kota") / "contoh"))
    return _built(ws, ws.parent / "out")


def _table_after(path: Path, caption: str) -> list[list[str]]:
    """Rows of the table that follows the caption starting with ``caption``."""
    found = False
    for b in blocks(open_docx(path)):
        if isinstance(b, Paragraph) and b.text.startswith(caption):
            found = True
        elif found and isinstance(b, Table):
            return table_rows(b)
    raise AssertionError(f"no table after {caption!r}")


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_chapters_in_order(docx_path: Path) -> None:
    assert paragraph_texts(docx_path, "Heading 1") == ["KATA PENGANTAR", "RINGKASAN EKSEKUTIF", *BAB, "DAFTAR LAMPIRAN"]


def test_one_section_per_topic_in_order(docx_path: Path) -> None:
    headings = paragraph_texts(docx_path, "Heading 2")
    assert [h.split("\t")[0] for h in headings] == [
        "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7",
        "5.1", "5.2",
    ]
    assert headings[0] == "1.1\tAnalisis Stakeholders dan Pembentukan Kelompok Kerja"
    # Every topic is filled in the example: no placeholder sentence is left, and no KONSEP mark.
    text = all_text(docx_path)
    assert "belum dibahas" not in text and "KONSEP" not in text


def test_only_what_was_handed_over_at_5_3(docx_path: Path) -> None:
    """The example holds all 21 topics; the draft still shows nothing of the agreement or stages 6 and 7."""
    text = all_text(docx_path)
    for later in (
        "rapat penyepakatan pada tanggal",  # the 5.3 meeting (the Kalender Kerja of 1.2 only plans it)
        "Rapat menyepakati",
        "Tim Perumus diketuai",  # 6.1
        "Jadwal Kerja Penerapan",  # 6.2
        "Tim Monev",  # 7.1
        "Bagan Bawang",  # 7.2
        "Petunjuk Pelaksanaan",  # the Juklak needs 5.3 and 6.2: not an annex of the draft
    ):
        assert later not in text, later
    paras = paragraph_texts(docx_path)
    # BAB VI still asks for approval.
    penutup = paras[paras.index("BAB VI PENUTUP") : paras.index("DAFTAR LAMPIRAN")]
    assert any(p.startswith("Kelompok Kerja memohon tanggapan dan persetujuan Pimpinan Dewan") for p in penutup)


def test_annexes_carry_their_own_titles(docx_path: Path, tmp_path: Path) -> None:
    """The SK is listed under the title the SK itself carries (it was the registry's title before)."""
    paras = paragraph_texts(docx_path)
    annex = paras[paras.index("DAFTAR LAMPIRAN") + 2 :]
    assert annex == [
        "1.\tRancangan Keputusan Bupati Lembah Sari tentang Pembentukan Kelompok Kerja Peningkatan Pelayanan "
        "Perusahaan Umum Daerah Air Minum Tirta Lestari Kabupaten Lembah Sari",
        "2.\tTabel Hubungan Antar-kebijakan dan Koridor Hukum",
        "3.\tSmart Logframe dan Skema Tindakan Peningkatan Pelayanan",
        "4.\tCitizen Charter: Maklumat dan Standar Pelayanan",
    ]
    sk = paragraph_texts(build_docs(CONTOH, tmp_path / "out", ["sk-pokja"])["sk-pokja"])
    assert sk[2:4] == ["TENTANG", "PEMBENTUKAN KELOMPOK KERJA PENINGKATAN PELAYANAN PERUSAHAAN UMUM DAERAH AIR MINUM "
                       "TIRTA LESTARI KABUPATEN LEMBAH SARI"]


def test_pictures_of_the_stages_it_covers(docx_path: Path) -> None:
    """Pokja structure, gap chart, service flow with root causes, procedures before and after."""
    captions = paragraph_texts(docx_path, "Keterangan Gambar")
    assert captions == [
        "Gambar 1.1 Struktur Organisasi Pokja",
        "Gambar 2.1 Grafik Kesenjangan Target dan Realisasi Indikator",
        "Gambar 3.1 Diagram Alur Pelayanan dan Akar Masalah",
        "Gambar 4.1 Bagan Alir Prosedur Pemasangan Sambungan Baru",
        "Gambar 4.2 Bagan Alir Prosedur Penanganan Pengaduan Pelanggan",
    ]
    images = open_docx(docx_path).inline_shapes
    assert len(images) == len(captions)


def test_headings_are_word_built_in_levels(docx_path: Path) -> None:
    """The TOC is filled from the built-in heading levels; their Indonesian names are aliases."""
    doc = open_docx(docx_path)
    for name, level, alias in (("Heading 1", "0", "Judul Bab"), ("Heading 2", "1", "Judul Subbab")):
        style = doc.styles[name]
        assert style.style_id == name.replace(" ", "")
        ppr = style.element.find(qn("w:pPr"))
        assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == level
        assert style.element.find(qn("w:aliases")).get(qn("w:val")) == alias


def test_table_of_contents_is_a_field(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    instr = [el.text for el in doc.element.body.iter(qn("w:instrText"))]
    assert ' TOC \\o "1-2" \\h \\z \\u ' in instr
    paras = paragraph_texts(docx_path)
    toc = paras.index("DAFTAR ISI")
    assert paras[toc + 1].startswith("Daftar isi terisi otomatis")
    assert paras[toc - 1] != "RINGKASAN EKSEKUTIF" and paras[toc + 2] == "RINGKASAN EKSEKUTIF"
    settings = doc.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_cover_and_foreword(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paras[:6] == [
        "RANCANGAN",
        "SKEMA TINDAKAN PENINGKATAN PELAYANAN",
        "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "TAHUN 2026",
        "Disampaikan kepada Pimpinan Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari dan Bupati Lembah Sari",
        "Disusun oleh:",
    ]
    start = paras.index("KATA PENGANTAR")
    end = paras.index("DAFTAR ISI")
    foreword = paras[start:end]
    # Signed by the Ketua Pokja of topic 1.1, with place and a date the secretariat fills in.
    assert foreword[-3:] == [
        "Sarimulya, ............................. 2026",
        "Ketua Kelompok Kerja Peningkatan Pelayanan Perusahaan Umum Daerah Air Minum Tirta Lestari "
        "Kabupaten Lembah Sari,",
        "Ir. Bambang Sutrisno, M.T.",
    ]


def test_summary_figures_come_from_the_analyses(docx_path: Path, view: WorkspaceView) -> None:
    peringkat = rank_issues(view.topic("2.1"))
    assert peringkat.isu_utama == "isu-01"
    anggaran = anggaran_workspace(view)
    assert anggaran is not None and anggaran.total == 7_025_000_000

    paras = paragraph_texts(docx_path)
    summary = paras[paras.index("RINGKASAN EKSEKUTIF") : paras.index(BAB[0])]
    assert "“Tingginya kehilangan air dan pasokan yang belum kontinu 24 jam”" in summary
    assert (
        "Dari lima isu pelayanan yang dinilai dengan kriteria tingkat urgensi, cakupan manfaat, dan kelayakan "
        "penanganan, isu dengan jumlah skor tertinggi (14) dan karena itu ditetapkan sebagai isu utama adalah:"
        in summary
    )
    assert (
        "•\tTingkat kehilangan air (non-revenue water): realisasi 38,6% pada tahun 2025 terhadap target paling "
        "tinggi 25% (kesenjangan 13,6 poin persen)." in summary
    )
    # Four strategic indicators of 2.3; the non-strategic ones stay out of the summary.
    assert len([p for p in summary if p.startswith("•\t")]) == 4
    assert not any("Efisiensi penagihan" in p for p in summary if p.startswith("•\t"))
    assert next(p for p in summary if p[:3] in ("1.\t", "2.\t", "3.\t")).startswith(
        "1.\tPengendalian kehilangan air dan peningkatan kontinuitas aliran"
    )
    budget = next(p for p in summary if p.startswith("Seluruh kegiatan Skema Tindakan"))
    assert budget.startswith(
        "Seluruh kegiatan Skema Tindakan membutuhkan biaya Rp7.025.000.000 (tujuh miliar dua puluh lima juta rupiah)."
    )
    assert "menurut tahun anggaran, tahun 2026 Rp4.105.000.000 dan tahun 2027 Rp2.920.000.000." in budget
    split = next(p for p in summary if p.startswith("Dari jumlah tersebut"))
    assert "senilai Rp2.110.000.000 dapat langsung dilaksanakan oleh Perumda Air Minum Tirta Lestari" in split
    assert "senilai Rp4.915.000.000 memerlukan persetujuan Bupati Lembah Sari" in split


def test_summary_priorities_per_aspect(docx_path: Path) -> None:
    rows = _table_after(docx_path, "Prioritas Tindakan")
    assert rows == [
        ["Aspek", "Urutan Prioritas"],
        ["Teknis", "1. Zonasi DMA dan pengendalian tekanan\n2. Penggantian meter pelanggan berumur lebih dari 5 "
                   "tahun\n3. Rehabilitasi pipa distribusi zona 3"],
        ["Finansial", "1. Pembayaran rekening non-tunai\n2. Penyesuaian tarif menuju pemulihan biaya penuh sesuai "
                      "Permendagri 71/2016 dan 21/2020"],
        # mj-02 and mj-04 tie at 410; the recorded second round puts the complaints unit first.
        ["Manajemen (P3O)",
         "1. SOP sambungan baru 5 hari kerja\n2. Keputusan Direksi tentang Standar Pelayanan dan Maklumat Pelayanan"
         "\n3. Pembentukan Unit Pengaduan Terpadu\n4. Pelatihan petugas pengaduan"],
    ]


def test_ranking_matrix_has_one_column_per_criterion(docx_path: Path) -> None:
    rows = _table_after(docx_path, "Tabel 2.1 Matriks Pemeringkatan")
    assert rows[0] == ["No", "Isu", "Tingkat urgensi", "Cakupan manfaat", "Kelayakan penanganan", "Jumlah Skor",
                       "Putaran Ulang", "Peringkat"]
    assert rows[1] == ["1.", "Tingginya kehilangan air dan pasokan yang belum kontinu 24 jam", "5", "5", "4", "14",
                       "–", "1"]
    # The tie (12 and 12) is resolved by the recorded round, never by list order.
    assert rows[2][1:] == ["Penanganan pengaduan pelanggan yang lambat dan belum terdokumentasi", "4", "4", "4",
                           "12", "13", "2"]
    assert rows[3][1:] == ["Lamanya proses pemasangan sambungan baru", "4", "3", "5", "12", "12", "3"]


def test_gap_table_honours_direction(docx_path: Path) -> None:
    rows = _table_after(docx_path, "Tabel 2.4 Analisis Kesenjangan")
    assert rows[1] == ["1.", "Tingkat kehilangan air (non-revenue water) (makin rendah makin baik)", "%", "25",
                       "38,6 (2025)", "13,6", "64,77%", "Belum tercapai", "Ya"]


def test_skema_tindakan_totals(docx_path: Path) -> None:
    rows = _table_after(docx_path, "Tabel 5.2 Skema Tindakan")
    assert rows[0] == ["No", "Kegiatan", "Tindakan Prioritas (Aspek)", "Jadwal", "Pelaksana", "Penanggung Jawab",
                       "Biaya (Rp)", "Sumber Dana"]
    assert rows[1] == ["Keluaran 1.1.1: Kehilangan air fisik dan komersial terkendali melalui zonasi DMA, "
                       "pengendalian tekanan dan meter pelanggan yang akurat"]
    assert rows[3][0] == "1.1.1.2" and rows[3][6] == "2.450.000.000"
    assert rows[3][5].startswith("Kepala Dinas Pekerjaan Umum")
    assert ["Jumlah Keluaran 1.1.1", "3.700.000.000", ""] in rows
    assert rows[-1] == ["Jumlah Seluruhnya", "7.025.000.000", ""]


def test_split_between_direct_and_awaiting_approval(docx_path: Path) -> None:
    langsung = _table_after(docx_path, "Tabel 5.7 Kegiatan yang Dapat Langsung Dilaksanakan")
    perlu = _table_after(docx_path, "Tabel 5.8 Kegiatan yang Memerlukan Persetujuan Bupati Lembah Sari")
    assert [r[1] for r in langsung[1:-1]] == [
        "Penyusunan rencana induk zonasi DMA dan pemodelan hidrolis jaringan distribusi",
        "Penggantian 6.000 meter air pelanggan yang berumur lebih dari 5 tahun",
        "Penyusunan dan penetapan SOP pemasangan sambungan baru paling lama 5 hari kerja",
        "Rekrutmen 4 petugas Unit Pengaduan Terpadu serta pelatihan layanan pelanggan dan penanganan pengaduan "
        "bagi 30 petugas",
        "Pembentukan Unit Pengaduan Terpadu beserta sistem informasi pengaduan pelanggan",
        "Penyusunan dan penetapan Keputusan Direksi tentang Standar Pelayanan dan Maklumat Pelayanan",
        "Penerapan pembayaran rekening air non-tunai melalui bank, kantor pos dan dompet digital",
        "Sosialisasi Maklumat Pelayanan dan Citizen Charter kepada pelanggan dan masyarakat",
    ]
    assert langsung[-1] == ["Jumlah", "2.110.000.000", ""]
    assert len(perlu) == 6 and perlu[-1] == ["Jumlah", "4.915.000.000", ""]


def test_page_setup_f4_with_landscape_sections(docx_path: Path) -> None:
    tegak = {"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"}
    mendatar = {"lebar_mm": 330, "tinggi_mm": 215, "orientasi": "mendatar"}
    assert sections(open_docx(docx_path)) == [
        tegak,  # cover, foreword, contents, summary
        mendatar,  # 1.1 stakeholder matrix
        tegak,  # 1.2
        mendatar,  # BAB II (ranking matrix, laws, gap table)
        tegak,  # BAB III and IV
        mendatar,  # 5.1 logframe and Skema Tindakan
        tegak,  # 5.2, Penutup, Lampiran
    ]


def test_page_numbers_roman_then_arabic(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    fmt = []
    for s in doc.sections:
        pg = s._sectPr.find(qn("w:pgNumType"))
        fmt.append((pg.get(qn("w:fmt")), pg.get(qn("w:start"))))
    assert fmt[0] == ("lowerRoman", None)
    assert fmt[1] == ("decimal", "1")
    assert all(f == ("decimal", None) for f in fmt[2:])
    assert doc.sections[0].different_first_page_header_footer  # no number on the cover
    footer = doc.sections[0].footer._element
    assert any(" PAGE " in (el.text or "") for el in footer.iter(qn("w:instrText")))


def test_header_rows_repeat_and_rows_do_not_split(docx_path: Path) -> None:
    tables = body_tables(docx_path)
    assert len(tables) > 28
    for table in tables:
        # The SWOT grid has a heading per quadrant pair instead of one column header.
        if table_rows(table)[0] != ["Kekuatan (S)", "Kelemahan (W)"]:
            assert header_rows_repeat(table)[0], table_rows(table)[0]
        for row in table.rows:
            trpr = row._tr.trPr
            assert trpr is not None and trpr.find(qn("w:cantSplit")) is not None


def test_kota_says_walikota(kota_path: Path) -> None:
    paras = paragraph_texts(kota_path)
    assert (
        "Disampaikan kepada Pimpinan Dewan Perwakilan Rakyat Daerah Kota Lembah Sari dan Walikota Lembah Sari" in paras
    )
    assert "Tabel 5.8 Kegiatan yang Memerlukan Persetujuan Walikota Lembah Sari" in paras
    split = next(p for p in paras if p.startswith("Dari jumlah tersebut"))
    assert "memerlukan persetujuan Walikota Lembah Sari" in split
    rows = _table_after(kota_path, "Tabel 4.5 Usulan Pengembangan Kebijakan")
    # kb-01 is a Keputusan Direksi (the penyelenggara sets its own standard); kb-03 is the Walikota's.
    assert rows[1][1] == "Peraturan Direksi (baru)"
    assert "Peraturan Walikota (baru)" in [r[1] for r in rows]
    # The generated wording never says Bupati for a Kota (the Pokja's own typed text may).
    starts = ("Disampaikan", "Tabel 5.", "Dari jumlah tersebut", "Tahap perumusan")
    generated = [p for p in paras if p.startswith(starts)]
    assert generated and not any("Bupati" in p for p in generated)


def test_missing_topics_print_a_placeholder(view: WorkspaceView, tmp_path: Path) -> None:
    """A growing draft: only stage 1 discussed, every other topic says so and the header says KONSEP."""
    partial = WorkspaceView(view.stpp, {k: v for k, v in view.topics.items() if k in ("1.1", "1.2")}, load_content())
    context = rancangan.context(*with_analysis(partial), BY_ID[DOC_ID])
    assert context["t21"] is None and context["ringkasan"]["isu"] is None
    assert context["konsep"] == "KONSEP"
    data = render_docx(TEMPLATES_DIR / "draft-stpp.docx", context, name="draft-stpp.docx")
    path = tmp_path / "partial.docx"
    path.write_bytes(data)
    paras = paragraph_texts(path)
    for topik in ("2.1", "2.3", "3.2", "4.7", "5.1", "5.2"):
        assert f"Topik {topik} belum dibahas; bagian ini dilengkapi setelah pertemuan topik tersebut." in paras
    assert "Tabel 1.1 Matriks Stakeholders Pelayanan PDAM" in paras
    konsep = next(p for p in paras if p.startswith("Naskah ini masih berupa konsep"))
    assert konsep.endswith("Topik 5.1, dan Topik 5.2 belum dibahas.") and "Topik 2.1, Topik 2.2" in konsep
    doc = open_docx(path)
    # KONSEP at the top of every page, the cover included.
    assert doc.sections[0].header.paragraphs[0].text == "KONSEP"
    assert doc.sections[0].first_page_header.paragraphs[0].text == "KONSEP"
    assert all(s.header.is_linked_to_previous for s in doc.sections[1:])
    # The layout survives: the same sections, in the same order.
    assert len(sections(doc)) == 7


@needs_soffice
def test_libreoffice_converts_it(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=300)
    assert pdf.stat().st_size > 50_000
