"""Good/best-practice document (7.2 and the record): what a reader from another district relies on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from assembler.documents import best_practice
from assembler.documents.registry import BY_ID
from assembler.workspace_view import WorkspaceView
from tests.helpers.analysis import with_analysis
from tests.helpers.docx_content import (
    all_text,
    body_tables,
    header_rows_repeat,
    normalized,
    open_docx,
    paragraph_texts,
    sections,
    table_rows,
)
from tests.helpers.example import build_docs, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

DOC_ID = "best-practice"


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


def _context(view: WorkspaceView, keep: tuple[str, ...]) -> dict[str, Any]:
    topics = {k: v for k, v in view.topics.items() if k in keep}
    return best_practice.context(*with_analysis(WorkspaceView(view.stpp, topics, view.content)), BY_ID[DOC_ID])


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_cover(docx_path: Path) -> None:
    assert paragraph_texts(docx_path)[:6] == [
        "DOKUMEN GOOD/BEST PRACTICE",
        "Menata Zona, Menekan Kehilangan Air: Praktik Baik Skema Tindakan Peningkatan Pelayanan Perumda Air "
        "Minum Tirta Lestari Kabupaten Lembah Sari",
        "Skema Tindakan Peningkatan Pelayanan Perusahaan Umum Daerah Air Minum Tirta Lestari "
        "Kabupaten Lembah Sari",
        "Tim Penulis Kelompok Kerja Peningkatan Pelayanan Perusahaan Umum Daerah Air Minum Tirta Lestari "
        "Kabupaten Lembah Sari",
        "KABUPATEN LEMBAH SARI",
        "2026",
    ]


def test_chapters_roman_numbered_in_order(docx_path: Path) -> None:
    assert paragraph_texts(docx_path, "Judul Bab") == [
        "I. KONTEKS",
        "II. BAGAN BAWANG KEGIATAN",
        "III. KERANGKA DOKUMEN GOOD/BEST PRACTICE",
        "IV. CATATAN REFLEKSI",
        "V. TIM PENULIS DAN JADWAL PENULISAN",
        "VI. RENCANA DISEMINASI DAN STRATEGI REPLIKASI",
    ]


def test_context_names_main_issue_and_key_gaps(docx_path: Path) -> None:
    text = "\n".join(paragraph_texts(docx_path))
    assert (
        "Melalui Matriks Pemeringkatan atas 5 isu, Pokja menetapkan isu utama \u201cTingginya kehilangan air "
        "dan pasokan yang belum kontinu 24 jam\u201d dengan jumlah skor 14."
    ) in text
    gaps = next(t for t in body_tables(docx_path) if table_rows(t)[0][1] == "Indikator" and len(t.columns) == 7)
    assert table_rows(gaps)[1] == [
        "1.",
        "Tingkat kehilangan air (non-revenue water)",
        "25%",
        "38,6% (2025)",
        "13,6%",
        "64,8%",
        "Belum tercapai",
    ]
    assert len(gaps.rows) == 5  # the four strategic indicators


def test_bagan_bawang_rings_innermost_first(docx_path: Path) -> None:
    bawang = next(t for t in body_tables(docx_path) if table_rows(t)[0][0] == "Lingkaran")
    rows = table_rows(bawang)
    assert [r[0] for r in rows] == ["Lingkaran", "1 (inti)", "2", "3", "4"]
    # The innermost ring holds exactly one kegiatan, written without a number.
    assert rows[1][1] == (
        "Pembentukan 12 zona DMA beserta pemasangan meter induk zona, katup isolasi dan katup pengatur "
        "tekanan (PRV)."
    )
    assert rows[2][1].count("\n") == 2 and rows[2][1].startswith("1.\tPenyusunan rencana induk zonasi DMA")


def test_outline_chapters_filled_from_the_record(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paragraph_texts(docx_path, "Judul Kerangka") == [
        "BAB I Pendahuluan",
        "BAB II Zonasi DMA sebagai Kunci Penurunan Kehilangan Air",
        "BAB III Penggantian Meter Pelanggan dan Akurasi Pengukuran",
        "BAB IV Unit Pengaduan Terpadu dan Citizen Charter",
        "BAB V Pembelajaran dan Rekomendasi Replikasi",
    ]
    assert paras[paras.index("BAB I Pendahuluan") + 1] == "1.\tLatar Belakang"
    bahan = [t for t in body_tables(docx_path) if table_rows(t)[0][0] == "Bahan dari catatan STPP"]
    assert len(bahan) == 3  # one per kegiatan named in the outline (BAB II, III, IV)
    rows = dict((r[0], r[1]) for r in table_rows(bahan[0])[1:])
    assert rows["Tindakan prioritas"] == "Zonasi DMA dan pengendalian tekanan (aspek teknis)"
    assert rows["Penanggung jawab"] == "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari"
    assert rows["Jadwal"] == "Oktober 2026 s.d. Desember 2027"
    assert rows["Biaya dan sumber dana"] == "Rp2.450.000.000, sumber dana APBN/DAK"
    assert rows["Bagan Bawang"] == "Lingkaran 1 (inti)"
    assert rows["Indikator keluaran"].startswith(
        "Zona District Meter Area (DMA) yang beroperasi dan terpantau neraca airnya: 0 zona menjadi 12 zona "
        "(Desember 2027), dipantau triwulanan dengan pemeriksaan berita acara"
    )
    meter = dict((r[0], r[1]) for r in table_rows(bahan[1])[1:])
    assert meter["Jadwal kerja penerapan"].split("\n")[0] == "Juli 2026 s.d. September 2027"


def test_team_schedule_and_dissemination(docx_path: Path) -> None:
    tables = {table_rows(t)[0][1]: table_rows(t) for t in body_tables(docx_path)}
    assert tables["Nama"][1] == [
        "1.",
        "Dwi Lestari Handayani, S.E., M.Ak.",
        "Kepala Bagian Perekonomian dan Sumber Daya Alam Sekretariat Daerah Kabupaten Lembah Sari",
        "Ketua",
    ]
    assert tables["Kegiatan"][1][2:] == ["Desember 2026 s.d. Februari 2027", "Andri Setiawan, S.T."]
    diseminasi = tables["Sasaran"]
    assert [r[3] for r in diseminasi[1:-1]] == ["Juli 2027", "Juli 2027", "Agustus 2027", "Oktober 2027"]
    assert diseminasi[2][4] == "Tanpa biaya"
    assert diseminasi[-1] == ["", "Jumlah", "", "", "Rp140.000.000"]
    assert "Perkiraan biaya diseminasi seluruhnya Rp140.000.000 (seratus empat puluh juta rupiah)." in paragraph_texts(
        docx_path
    )


def test_without_the_record_the_context_closes_up(view: WorkspaceView) -> None:
    ctx = _context(view, keep=("7.2",))
    assert ctx["huruf"] == {"daerah": "A.", "isu": "", "kesenjangan": "", "solusi": "", "kegiatan": ""}
    assert (
        ctx["isu"] == [] and ctx["kesenjangan"] == [] and ctx["solusi"] == [] and ctx["kegiatan_teks"] == ""
    )
    # Without 5.1 the kegiatan keep their codes; without 1.1 the team its member codes.
    assert ctx["bagan_bawang"][0]["kegiatan"] == [{"nomor": "", "teks": "kg-1.2."}]
    assert ctx["tim_penulis"][0] == {"no": "1.", "nama": "m-kabag-ek", "jabatan": "–", "peran": "Ketua"}
    assert [r["label"] for r in ctx["kerangka"][1]["bahan"][0]["baris"]] == ["Bagan Bawang"]
    partial = _context(view, keep=("7.2", "3.2"))["huruf"]
    assert (partial["daerah"], partial["solusi"]) == ("A.", "B.")


def test_f4_portrait_and_page_numbers(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    assert sections(doc) == [{"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"}]
    instr = [el.text.strip() for el in doc.sections[0].footer._element.iter(qn("w:instrText"))]
    assert instr == ["PAGE"]


def test_header_rows_repeat_and_rows_do_not_split(docx_path: Path) -> None:
    tables = body_tables(docx_path)
    assert len(tables) == 11
    for table in tables:
        flags = header_rows_repeat(table)
        assert flags[0] is True and not any(flags[1:])
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_kota_variant(contoh: Path, tmp_path: Path) -> None:
    kota_variant(contoh)
    paras = paragraph_texts(_built(contoh, tmp_path / "out"))
    assert paras[4] == "KOTA LEMBAH SARI"
    assert paras[8].startswith(
        "Perusahaan Umum Daerah Air Minum Tirta Lestari Kota Lembah Sari, yang selanjutnya disebut Perumda Air "
        "Minum Tirta Lestari, menyelenggarakan pelayanan air "
        "minum di Kota Lembah Sari, Provinsi Jawa Tengah"
    )


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=180)
    assert pdf.stat().st_size > 10_000
