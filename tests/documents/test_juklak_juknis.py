"""Juklak/Juknis pelaksanaan STPP: the form a legal drafter checks on a Lampiran Peraturan Bupati."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assembler.analysis.anggaran import anggaran_workspace
from assembler.documents import juklak_juknis
from assembler.documents.registry import BY_ID
from assembler.workspace_view import WorkspaceView
from tests.conftest import replace_in
from tests.helpers.analysis import with_analysis
from tests.helpers.docx_content import (
    all_text,
    blocks,
    header_rows_repeat,
    normalized,
    open_docx,
    paragraph_texts,
    sections,
)
from tests.helpers.example import build_docs, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

DOC_ID = "juklak-juknis"

BAB = [
    "BAB I\nPENDAHULUAN",
    "BAB II\nORGANISASI PELAKSANAAN",
    "BAB III\nKEGIATAN DAN JADWAL PELAKSANAAN",
    "BAB IV\nPELAKSANAAN KEGIATAN TEKNIS",
    "BAB V\nPELAKSANAAN KEGIATAN MANAJEMEN",
    "BAB VI\nPELAKSANAAN KEGIATAN FINANSIAL",
    "BAB VII\nKERJA SAMA PELAKSANAAN",
    "BAB VIII\nPEMBIAYAAN",
    "BAB IX\nPEMANTAUAN, EVALUASI, DAN PELAPORAN",
    "BAB X\nSTANDAR PELAYANAN DAN JANJI LAYANAN",
    "BAB XI\nPENUTUP",
]


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


def _paras(path: Path) -> list[Paragraph]:
    return [b for b in blocks(open_docx(path)) if isinstance(b, Paragraph) and b.text.strip()]


def _context(view: WorkspaceView, drop: tuple[str, ...] = (), **topics: Any) -> dict[str, Any]:
    kept = {k: v for k, v in view.topics.items() if k not in drop}
    kept.update(topics)
    return juklak_juknis.context(*with_analysis(WorkspaceView(view.stpp, kept, view.content)), BY_ID[DOC_ID])


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_lampiran_head_block(docx_path: Path) -> None:
    paras = _paras(docx_path)
    assert [(p.text, p.style.name if p.style else "") for p in paras[:5]] == [
        ("LAMPIRAN", "Blok Kanan"),
        ("PERATURAN BUPATI LEMBAH SARI", "Blok Kanan"),
        ("NOMOR … TAHUN 2026", "Blok Kanan"),
        ("TENTANG", "Blok Kanan"),
        (
            "PETUNJUK PELAKSANAAN SKEMA TINDAKAN PENINGKATAN PELAYANAN PERUSAHAAN UMUM DAERAH AIR MINUM "
            "TIRTA LESTARI",
            "Blok Kanan",
        ),
    ]
    assert paras[5].style is not None and paras[5].style.name == "Judul Naskah"


def test_chapters_roman_numbered_in_order(docx_path: Path) -> None:
    assert paragraph_texts(docx_path, "Judul Bab") == BAB


def test_pendahuluan_has_its_six_sections(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    bab1, bab2 = paras.index(BAB[0]), paras.index(BAB[1])
    sub = [p for p in paragraph_texts(docx_path, "Subbab") if paras.index(p) in range(bab1, bab2)]
    assert sub == [
        "A.\tLatar Belakang",
        "B.\tMaksud dan Tujuan",
        "C.\tSasaran",
        "D.\tRuang Lingkup",
        "E.\tDasar Hukum",
        "F.\tPengertian",
    ]


def test_missing_optional_chapter_leaves_no_gap(view: WorkspaceView) -> None:
    kesepakatan = view.topic("5.3")
    ctx = _context(view, **{"5.3": kesepakatan.model_copy(update={"kerja_sama": []})})
    bab = ctx["bab"]
    assert bab["kerja_sama"] is None
    assert [b["nomor"] for b in ctx["bab_ketentuan"]] == ["BAB IV", "BAB V", "BAB VI"]
    assert bab["pembiayaan"]["nomor"] == "BAB VII"
    assert bab["penutup"] == {"nomor": "BAB X", "judul": "PENUTUP"}


def test_sub_section_letters_close_up_without_optional_topics(view: WorkspaceView) -> None:
    full = _context(view)["huruf"]
    assert (full["unit"], full["pengawalan"], full["pelaporan"], full["eskalasi"]) == ("A.", "B.", "C.", "D.")
    assert (full["mv_ketentuan"], full["mv_tim"], full["mv_format"], full["mv_rencana"]) == (
        "A.",
        "B.",
        "C.",
        "D.",
    )
    ctx = _context(view, drop=("4.5", "7.1"))
    huruf = ctx["huruf"]
    assert (huruf["unit"], huruf["pengawalan"], huruf["pelaporan"]) == ("", "A.", "B.")
    assert (huruf["mv_ketentuan"], huruf["mv_tim"], huruf["mv_format"]) == ("A.", "", "")
    assert ctx["unit"] == [] and ctx["tim_monev"] == [] and ctx["format_monev"] == []


def test_dasar_hukum_ordered_and_punctuated(view: WorkspaceView) -> None:
    dasar = _context(view)["dasar_hukum"]
    teks = [d["teks"] for d in dasar]
    assert [d["nomor"] for d in dasar] == [f"{i}." for i in range(1, 13)]
    assert all(t.endswith(";") for t in teks[:-1]) and teks[-1].endswith(".")
    # Hierarchy, then year: UU (1999, 2009, 2014, 2019), PP, Permen, Perda last.
    assert teks[0].startswith(
        "Undang-Undang Nomor 8 Tahun 1999 tentang Perlindungan Konsumen (Lembaran Negara"
    )
    assert [t.split(" Nomor ")[0] for t in teks] == (
        ["Undang-Undang"] * 4
        + ["Peraturan Pemerintah"] * 4
        + [
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
            "Peraturan Menteri Dalam Negeri",
            "Peraturan Menteri Kesehatan",
            "Peraturan Daerah Kabupaten Lembah Sari",
        ]
    )
    # Permendagri 21/2020 is cited once, inside the chain of the regulation it amends.
    assert sum("Nomor 21 Tahun 2020" in t for t in teks) == 1
    assert "sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri Nomor 21 Tahun 2020" in teks[9]


def test_unconfirmed_status_flagged_outside_the_text(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    catatan = paras.index("CATATAN UNTUK BAGIAN HUKUM")
    assert paras[catatan - 2 : catatan] == ["BUPATI LEMBAH SARI,", "HENDRA WIJAYAKUSUMA"]
    assert paras[catatan + 1] == "(bukan bagian dari rancangan Peraturan)"
    assert not any("terkonfirmasi" in p for p in paras[:catatan])
    notes = paras[catatan + 3 :]
    assert notes[0].startswith("1.\tNaskah ini adalah Lampiran Peraturan Bupati Lembah Sari tentang Petunjuk")
    assert any(
        n.startswith("4.\tDasar Hukum angka 3 dan angka 4: status Undang-Undang Nomor 6 Tahun 2023")
        for n in notes
    )
    doc = open_docx(docx_path)
    heading = next(p for p in doc.paragraphs if p.text == "CATATAN UNTUK BAGIAN HUKUM")
    assert heading.paragraph_format.page_break_before is True


def test_pengertian_starts_with_the_region(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    start = paras.index("Dalam petunjuk pelaksanaan ini yang dimaksud dengan:") + 1
    assert paras[start : start + 3] == [
        "1.\tDaerah adalah Kabupaten Lembah Sari.",
        "2.\tPemerintah Daerah adalah Bupati sebagai unsur penyelenggara Pemerintahan Daerah yang memimpin "
        "pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom.",
        "3.\tBupati adalah Bupati Lembah Sari.",
    ]
    # The Pokja's own terms follow, the definition in lower case after "adalah".
    assert "7.\tSkema Tindakan Peningkatan Pelayanan adalah rencana tindakan terpadu untuk" in "\n".join(
        paras
    )


def test_budget_totals_from_the_analysis_in_rupiah_and_words(docx_path: Path, view: WorkspaceView) -> None:
    ringkasan = anggaran_workspace(view)
    assert ringkasan is not None and ringkasan.total == 7_025_000_000
    paras = paragraph_texts(docx_path)
    assert (
        "Kebutuhan biaya pelaksanaan seluruh kegiatan STPP sebesar Rp7.025.000.000 (tujuh miliar dua puluh "
        "lima juta rupiah), dengan rincian menurut sumber dana dan tahun anggaran sebagai berikut:"
    ) in paras
    tables = [b for b in blocks(open_docx(docx_path)) if isinstance(b, Table)]
    sumber = next(t for t in tables if t.rows[0].cells[1].text == "Sumber Dana")
    rows = [[c.text for c in r.cells] for r in sumber.rows]
    assert rows[1:] == [
        ["1.", "APBD", "Rp2.385.000.000"],
        ["2.", "APBN/DAK", "Rp2.450.000.000"],
        ["3.", "PDAM (RKAP)", "Rp2.040.000.000"],
        ["4.", "Hibah/CSR", "Rp150.000.000"],
        ["", "Jumlah", "Rp7.025.000.000"],
    ]
    skema = next(t for t in tables if t.rows[0].cells[1].text == "Keluaran/Kegiatan")
    assert [c.text for c in skema.rows[-1].cells] == ["", "Jumlah", "", "", "", "Rp7.025.000.000", ""]
    assert [c.text for c in skema.rows[1].cells][5] == "Rp3.700.000.000"  # keluaran 1 subtotal


def test_jadwal_kerja_from_6_2(docx_path: Path) -> None:
    tables = [b for b in blocks(open_docx(docx_path)) if isinstance(b, Table)]
    jadwal = next(t for t in tables if t.rows[0].cells[2].text == "Langkah Penerapan")
    first = [c.text for c in jadwal.rows[1].cells]
    assert first == [
        "1.",
        "Penyusunan rencana induk zonasi DMA dan pemodelan hidrolis jaringan distribusi",
        "1.\tPengadaan jasa konsultan perencana.\n2.\tSurvei jaringan dan pemutakhiran peta GIS.\n"
        "3.\tPemodelan hidrolis dan penetapan batas 12 zona DMA.",
        "Juni s.d. September 2026",
        "Bagian Teknik Perumda Air Minum Tirta Lestari",
    ]
    assert len(jadwal.rows) == 7  # header + the six kegiatan PDAM starts directly


def test_f4_portrait_with_landscape_tables(docx_path: Path) -> None:
    tegak = {"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"}
    mendatar = {"lebar_mm": 330, "tinggi_mm": 215, "orientasi": "mendatar"}
    assert sections(open_docx(docx_path)) == [tegak, mendatar, tegak, mendatar, tegak]


def test_bookman_old_style_12(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Bookman Old Style"
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "24"
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    assert doc.styles["Isi"].font.size is None  # body text inherits the 12 pt default


def test_header_rows_repeat_and_rows_do_not_split(docx_path: Path) -> None:
    tables = [b for b in blocks(open_docx(docx_path)) if isinstance(b, Table)]
    assert len(tables) == 14
    for table in tables:
        flags = header_rows_repeat(table)
        assert flags[0] is True and not any(flags[1:])
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_page_numbers_in_footer(docx_path: Path) -> None:
    footer = open_docx(docx_path).sections[0].footer
    instr = [el.text for el in footer._element.iter(qn("w:instrText"))]
    assert [i.strip() for i in instr] == ["PAGE"]


def test_signature_of_the_kepala_daerah(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    names = [p for p in doc.paragraphs if p.style is not None and p.style.name == "Nama Penanda Tangan"]
    assert [p.text for p in names] == ["HENDRA WIJAYAKUSUMA"]


def test_direksi_variant_frames_a_peraturan_direksi(view: WorkspaceView) -> None:
    kesepakatan = view.topic("5.3")
    juklak = kesepakatan.juklak_juknis.model_copy(update={"disahkan_oleh": "Direksi PDAM"})
    ctx = _context(view, **{"5.3": kesepakatan.model_copy(update={"juklak_juknis": juklak})})
    assert ctx["kop"][:2] == [
        "PERATURAN DIREKSI PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "NOMOR … TAHUN 2026",
    ]
    assert ctx["jabatan_ttd"] == (
        "DIREKTUR UTAMA PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI,"
    )
    assert ctx["nama_ttd"] == "Ir. Bambang Sutrisno, M.T."


def test_kota_variant(contoh: Path, tmp_path: Path) -> None:
    kota_variant(contoh)
    path = _built(contoh, tmp_path / "out")
    paras = paragraph_texts(path)
    assert paras[1] == "PERATURAN WALIKOTA LEMBAH SARI"
    assert "1.\tDaerah adalah Kota Lembah Sari." in paras
    assert "3.\tWalikota adalah Walikota Lembah Sari." in paras
    catatan = paras.index("CATATAN UNTUK BAGIAN HUKUM")
    assert paras[catatan - 2 : catatan] == ["WALIKOTA LEMBAH SARI,", "HENDRA WIJAYAKUSUMA"]
    assert "Peraturan Daerah Kota Lembah Sari Nomor 5 Tahun 2019" in "\n".join(paras)
    # Only the Pokja's own typed text may still say Bupati; nothing generated does.
    generated = [p for p in paras if p.startswith(("PERATURAN", "2.\tPemerintah Daerah", "Draft STPP telah"))]
    assert generated and not any("Bupati" in p or "BUPATI" in p for p in generated)


def test_user_text_with_markup_characters_survives(contoh: Path, tmp_path: Path) -> None:
    replace_in(
        contoh / "5.3-kesepakatan.yaml",
        "- Pembiayaan kegiatan STPP.",
        "- 'Pembiayaan kegiatan STPP & tarif <berjenjang> \"adil\"'",
    )
    paras = paragraph_texts(_built(contoh, tmp_path / "out"))
    assert '2.\tPembiayaan kegiatan STPP & tarif <berjenjang> "adil";' in paras


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=180)
    assert pdf.stat().st_size > 10_000
