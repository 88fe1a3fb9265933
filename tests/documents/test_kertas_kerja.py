"""Kertas Kerja Tahap 1-7: every figure a participant checks equals the analysis, on landscape F4."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assembler import idfmt
from assembler.analysis.analisis import analyse
from assembler.analysis.anggaran import anggaran_workspace
from assembler.analysis.kesenjangan import analyse_gaps
from assembler.build import build
from assembler.documents import lembar
from assembler.scoring.mcua import hitung_mcua
from assembler.scoring.pemeringkatan import rank_issues
from assembler.workspace_view import WorkspaceView
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
from tests.helpers.example import build_example, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

IDS = [f"kertas-kerja-tahap-{n}" for n in range(1, 8)]


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {int(i.rsplit("-", 1)[1]): path for i, path in build_example(tmp_path_factory, IDS).items()}


def _tables(path: Path) -> dict[str, Table]:
    """Tables by their numbered title (the paragraph just before each table)."""
    found: dict[str, Table] = {}
    title = ""
    for b in blocks(open_docx(path)):
        if isinstance(b, Paragraph):
            if b.text.startswith("Tabel "):
                title = b.text
        else:
            found[title] = b
    return found


def _table(path: Path, suffix: str) -> list[list[str]]:
    matches = [t for title, t in _tables(path).items() if title.endswith(suffix)]
    assert len(matches) == 1, (suffix, list(_tables(path)))
    return table_rows(matches[0])


def _row(rows: list[list[str]], col: int, value: str) -> list[str]:
    hits = [r for r in rows if len(r) > col and r[col] == value]
    assert len(hits) == 1, (value, rows)
    return hits[0]


@pytest.mark.parametrize("tahap", range(1, 8))
def test_golden(papers: dict[int, Path], tahap: int, data_regression: object) -> None:
    data_regression.check(normalized(papers[tahap]))  # type: ignore[attr-defined]


@pytest.mark.parametrize("tahap", range(1, 8))
def test_heading_and_numbered_tables(papers: dict[int, Path], tahap: int) -> None:
    doc = open_docx(papers[tahap])
    header = "".join(t.text or "" for t in doc.sections[0].header._element.iter(qn("w:t")))
    from assembler.topics import TAHAP_JUDUL

    assert f"Kertas Kerja Tahap {tahap}: {TAHAP_JUDUL[tahap]}" in header
    assert "Kabupaten Lembah Sari" in header
    paras = paragraph_texts(papers[tahap])
    assert paras[0] == f"KERTAS KERJA TAHAP {tahap}"
    titles = [p for p in paras if p.startswith("Tabel ")]
    assert titles, "every stage shows its Keluaran as tables"
    assert [t.split(" ")[1] for t in titles] == [f"{tahap}.{i}" for i in range(1, len(titles) + 1)]
    assert len(titles) == len(_tables(papers[tahap]))  # every table has a title just before it


def test_matriks_pemeringkatan(papers: dict[int, Path], view: WorkspaceView) -> None:
    hasil = rank_issues(view.topic("2.1"))
    rows = _table(papers[2], "Matriks Pemeringkatan Isu")
    assert rows[0] == [
        "No",
        "Kode",
        "Isu",
        "Tingkat urgensi",
        "Cakupan manfaat",
        "Kelayakan penanganan",
        "Jumlah Skor",
        "Peringkat",
        "Nilai Putaran Ulang",
        "Urutan Akhir",
    ]
    for b in hasil.baris:
        row = _row(rows, 1, b.isu)
        assert row[3:7] == [*(str(b.skor[k]) for k in hasil.kriteria), str(b.total)]
    assert _row(rows, 1, "isu-01")[6:] == ["14", "1", "–", "1"]
    # The tie is shown as a tie, and resolved only by the recorded round.
    assert _row(rows, 1, "isu-02")[6:] == ["12", "2 (seri)", "12", "3"]
    assert _row(rows, 1, "isu-03")[6:] == ["12", "2 (seri)", "13", "2"]
    putaran = _table(papers[2], "Putaran Ulang ke-1")
    assert _row(putaran, 1, "isu-02")[-2:] == ["12", "2"]
    assert _row(putaran, 1, "isu-03")[-2:] == ["13", "1"]
    paras = paragraph_texts(papers[2])
    assert any(
        p.startswith("Seri: isu-02: “Lamanya proses pemasangan sambungan baru” dan isu-03: “Penanganan")
        and p.endswith("memperoleh jumlah skor sama (12).")
        for p in paras
    )
    assert "Putaran ini dipakai untuk memutus seri." in paras
    assert hasil.isu_utama == "isu-01"
    assert any(
        p.startswith("Isu utama pelayanan PDAM: isu-01: “Tingginya") and "jumlah skor tertinggi 14." in p for p in paras
    )


def test_kesenjangan_lower_is_better(papers: dict[int, Path], view: WorkspaceView) -> None:
    hasil = analyse_gaps(view.topic("2.3"))
    nrw = hasil.baris_indikator("ind-nrw")
    assert nrw is not None and nrw.selisih == Decimal("13.6") and nrw.persen_capaian == Decimal("64.77")
    rows = _table(papers[2], "Analisis Kesenjangan Kuantitatif (Pencapaian Target Pelayanan/Corporate Plan)")
    row = _row(rows, 1, nrw.nama)
    assert row[2:10] == ["%", "Makin rendah makin baik", "25", "38,6 (2025)", "13,6", "64,77%", "Belum tercapai", "Ya"]
    for b in hasil.baris:
        r = _row(rows, 1, b.nama)
        assert r[6] == idfmt.angka(b.selisih)
        assert r[7] == (idfmt.persen(b.persen_capaian, 2) if b.persen_capaian is not None else "–")
    strategis = _table(papers[2], "Indikator Strategis untuk Tahap 4.1")
    assert [r[1] for r in strategis[1:]] == [b.nama for b in hasil.baris if b.strategis]


def test_mcua(papers: dict[int, Path], view: WorkspaceView) -> None:
    hasil = hitung_mcua(view.topic("4.7"))
    matrix = _table(papers[4], "Matriks Penilaian MCUA")
    for tid, n in hasil.nilai.items():
        assert _row(matrix, 1, tid)[-3] == idfmt.angka(n.total)
    # mj-02 and mj-04 tie in the first round (410) ...
    assert hasil.nilai["mj-02"].total == hasil.nilai["mj-04"].total == 410
    assert _row(matrix, 1, "mj-04")[4:8] == ["5 × 30 = 150", "3 × 20 = 60", "4 × 30 = 120", "4 × 20 = 80"]
    # ... and the recorded second round orders them.
    putaran = _table(papers[4], "Putaran Ulang MCUA ke-1")
    assert _row(putaran, 1, "mj-02")[3:] == ["410", "4 × 40 = 160", "3 × 60 = 180", "340", "2"]
    assert _row(putaran, 1, "mj-04")[3:] == ["410", "4 × 40 = 160", "5 × 60 = 300", "460", "1"]
    aspek = _table(papers[4], "Urutan Prioritas Tindakan per Aspek (Teknis, Finansial, Manajemen/P3O)")
    manajemen = [r for r in aspek[aspek.index(["Aspek Manajemen (P3O)"]) + 1 :]]
    expected = [[str(r.peringkat), r.tindakan] for r in hasil.per_aspek["manajemen"]]
    assert [r[:2] for r in manajemen] == expected
    assert [r[1] for r in manajemen] == ["mj-01", "mj-03", "mj-04", "mj-02"]
    assert _row(manajemen, 1, "mj-04")[-1] == "putaran ulang ke-1: 460"
    for r in hasil.keseluruhan:
        assert _row(matrix, 1, r.tindakan)[-1] == str(r.peringkat)
    bobot = _table(papers[4], "Kriteria dan Bobot MCUA")
    assert bobot[-1] == ["Jumlah bobot", "100", "", ""]


def test_anggaran(papers: dict[int, Path], view: WorkspaceView) -> None:
    ringkas = anggaran_workspace(view)
    assert ringkas is not None and ringkas.total == 7_025_000_000
    skema = _table(papers[5], "Skema Tindakan Peningkatan Pelayanan")
    assert skema[-1][0] == "Jumlah seluruh kegiatan"
    assert skema[-1][1:] == [*(idfmt.angka(t.jumlah) for t in ringkas.per_tahun), "7.025.000.000"]
    for t in ringkas.per_keluaran:
        assert _row(skema, 0, f"Jumlah {analyse(view).logframe.label(t.keluaran)}")[-1] == idfmt.angka(t.jumlah)
    for judul in ("per Keluaran", "per Aspek", "per Sumber Dana", "per Tahun"):
        rekap = _table(papers[5], f"Rekapitulasi Anggaran {judul}")
        assert rekap[-1] == ["Jumlah", "7.025.000.000", "100,00%"]
    sumber = _table(papers[5], "Rekapitulasi Anggaran per Sumber Dana")
    assert [r[1:3] for r in sumber[1:-1]] == [[t.sumber_dana, idfmt.angka(t.jumlah)] for t in ringkas.per_sumber_dana]
    assert "Jumlah anggaran Skema Tindakan: Rp7.025.000.000 (tujuh miliar dua puluh lima juta rupiah)." in (
        paragraph_texts(papers[5])
    )


def test_procedure_durations(papers: dict[int, Path], view: WorkspaceView) -> None:
    layanan = view.topic("4.2").layanan[0]
    rows = _table(papers[4], f"Perbandingan Prosedur {layanan.nama} Sebelum dan Sesudah Perbaikan")
    langkah = _row(rows, 0, "Jumlah langkah")
    assert langkah[1:3] == [str(len(layanan.langkah_saat_ini)), str(len(layanan.langkah_perbaikan))]
    sebelum = sum(Decimal(str(s.durasi.nilai)) for s in layanan.langkah_saat_ini if s.durasi.satuan == "hari kerja")
    sesudah = sum(Decimal(str(s.durasi.nilai)) for s in layanan.langkah_perbaikan if s.durasi.satuan == "hari kerja")
    hari = _row(rows, 0, "Waktu (hari kerja)")
    assert hari[1:] == [
        f"{idfmt.angka(sebelum)} hari kerja",
        f"{idfmt.angka(sesudah)} hari kerja",
        f"{idfmt.angka(sebelum - sesudah)} hari kerja",
    ]


def test_good_governance_grid(papers: dict[int, Path], view: WorkspaceView) -> None:
    rows = _table(papers[3], "Daftar Periksa Identifikasi Kesenjangan Proses Berdasarkan Aspek Good Governance")
    assert rows[0] == [
        "No",
        "Proses",
        "Transparan",
        "Partisipatif",
        "Akuntabel",
        "Aksesibel",
        "Terjangkau",
        "Ringkasan",
    ]
    assert [r[1] for r in rows[1:]] == [
        "Penetapan Kelompok Sasaran",
        "Perancangan Paket Layanan",
        "Mobilisasi Dukungan",
        "Penyaluran Pelayanan",
        "Pusat Pelayanan",
    ]
    sel = view.topic("3.1").daftar_periksa["penetapan_kelompok_sasaran"]
    assert rows[1][2].startswith(
        {"sudah": "Sudah", "sebagian": "Sebagian", "belum": "Belum"}[sel["transparan"].penilaian]
    )


@pytest.mark.parametrize("tahap", range(1, 8))
def test_form(papers: dict[int, Path], tahap: int) -> None:
    doc = open_docx(papers[tahap])
    assert {(h["lebar_mm"], h["tinggi_mm"], h["orientasi"]) for h in sections(doc)} == {(330, 215, "mendatar")}
    text = all_text(papers[tahap])
    assert "{{" not in text and "{%" not in text and "}}" not in text
    for table in [b for b in blocks(doc) if isinstance(b, Table)]:
        flags = header_rows_repeat(table)
        assert flags[0] and not any(flags[1:])  # the header row repeats on every page, only it
        grid = len(table._tbl.tblGrid.findall(qn("w:gridCol")))
        assert grid == lembar.GRID
        for tr in table._tbl.findall(qn("w:tr")):
            spans = [
                int(tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")))
                if tc.tcPr is not None and tc.tcPr.find(qn("w:gridSpan")) is not None
                else 1
                for tc in tr.findall(qn("w:tc"))
            ]
            assert sum(spans) == grid  # every row fills the grid exactly: widths are right
            assert tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None


def test_partial_workspace_early(contoh: Path, tmp_path: Path) -> None:
    # The Pokja is in the middle of Tahap 2: 2.3 and everything after it are not written yet.
    for f in contoh.glob("*.yaml"):
        if f.name[0] in "34567" or f.name.startswith("2.3"):
            f.unlink()
    report = build(contoh, tmp_path / "out", only=["kertas-kerja-tahap-2", "kertas-kerja-tahap-4"])
    assert [d.id for d in report.built] == ["kertas-kerja-tahap-2"]
    assert [s.dokumen.id for s in report.skipped] == ["kertas-kerja-tahap-4"]
    paras = paragraph_texts(tmp_path / "out" / report.built[0].file)
    assert "Topik 2.1 Isu Utama Pelayanan PDAM" in paras
    assert "Topik 2.3 belum disusun." in paras
    assert "Topik yang telah disusun: 2 dari 3 topik tahap ini." in paras
    assert [t.split(" ", 2)[2] for t in paras if t.startswith("Tabel ")] == [
        "Kriteria Penilaian Isu",
        "Matriks Pemeringkatan Isu",
        "Putaran Ulang ke-1",
        "Peraturan Perundang-undangan Terkait",
        "Lembaga Terkait Pelayanan Air Minum",
        "Hubungan Antar-kebijakan",
        "Koridor Hukum",
    ]


def test_partial_workspace_later(contoh: Path, tmp_path: Path) -> None:
    (contoh / "5.3-kesepakatan.yaml").unlink()
    (contoh / "6.2-pelaksanaan.yaml").unlink()
    report = build(contoh, tmp_path / "out", only=["kertas-kerja-tahap-5", "kertas-kerja-tahap-6"])
    assert [d.id for d in report.built] == ["kertas-kerja-tahap-5", "kertas-kerja-tahap-6"]
    tahap5 = paragraph_texts(tmp_path / "out" / report.built[0].file)
    assert "Topik 5.3 belum disusun." in tahap5
    assert "Topik 5.2 Penyusunan Citizen Charter" in tahap5
    assert not any("Rapat Penyepakatan" in p for p in tahap5)
    tahap6 = paragraph_texts(tmp_path / "out" / report.built[1].file)
    assert "Topik 6.2 belum disusun." in tahap6
    assert "Topik yang telah disusun: 1 dari 2 topik tahap ini." in tahap6


def test_user_text_is_data(contoh: Path, tmp_path: Path) -> None:
    path = contoh / "2.1-isu-utama.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Lamanya proses pemasangan sambungan baru", "Lamanya proses <sambungan> & {{ 7*7 }} baru", 1),
        encoding="utf-8",
    )
    report = build(contoh, tmp_path / "out", only=["kertas-kerja-tahap-2"])
    rows = _table(tmp_path / "out" / report.built[0].file, "Matriks Pemeringkatan Isu")
    assert _row(rows, 1, "isu-02")[2] == "Lamanya proses <sambungan> & {{ 7*7 }} baru"


def test_lembar_grid_split() -> None:
    assert lembar.bagi_grid([1, 1, 1]) == [34, 33, 33]
    assert sum(lembar.bagi_grid([0.45, 0.9, 6, *[1.2] * 3, 1, 1.1, 1.2, 1.1])) == lembar.GRID
    assert min(lembar.bagi_grid([0.01, 100])) == 1
    with pytest.raises(ValueError, match="baris dengan 2 sel"):
        lembar.tabel("X", [lembar.Kolom("A"), lembar.Kolom("B"), lembar.Kolom("C")], [["a", "b"]])


@needs_soffice
def test_libreoffice_converts(papers: dict[int, Path], tmp_path: Path) -> None:
    for pdf in convert(papers.values(), tmp_path, timeout=600):
        assert pdf.stat().st_size > 10_000


def test_kota_variant(contoh: Path, tmp_path: Path) -> None:
    kota_variant(contoh)
    report = build(contoh, tmp_path / "out", only=["kertas-kerja-tahap-1"])
    path = tmp_path / "out" / report.built[0].file
    paras = paragraph_texts(path)
    assert any("draft Keputusan Walikota tentang Pokja" in p for p in paras)
    assert not any("Keputusan Bupati" in p for p in paras)
    assert "Kota Lembah Sari" in all_text(path)
