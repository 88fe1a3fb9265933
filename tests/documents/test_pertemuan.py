"""Meeting kits ``pertemuan-<n.m>``: Kerangka Acuan (ToR) and Daftar Hadir for every topic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assembler.build import build
from assembler.content import load_content
from assembler.documents import pertemuan
from assembler.documents.registry import BY_ID
from assembler.facade import check
from assembler.models.tahap1 import JadwalTopik, KalenderKerja
from assembler.topics import TOPIK
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
    table_rows,
)
from tests.helpers.example import copy_example, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice
from tools.templates.pertemuan import BAGIAN

IDS = [f"pertemuan-{t.id}" for t in TOPIK]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pertemuan") / "out"
    report = build(CONTOH, out, only=IDS)
    return {d.id: out / d.file for d in report.built}


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [
        (b.text, b.style.name if b.style is not None else "")
        for b in blocks(open_docx(path))
        if isinstance(b, Paragraph) and b.text.strip()
    ]


def _texts(path: Path) -> list[str]:
    return [t for t, _ in _paragraphs(path)]


def _attendance(path: Path) -> Table:
    table = body_tables(path)[-1]
    assert table_rows(table)[0] == ["No", "Nama", "Jabatan/Instansi", "No. HP", "Tanda Tangan"]
    return table


def test_all_21_kits_are_built(built: dict[str, Path]) -> None:
    assert sorted(built) == sorted(IDS)
    assert len(built) == 21


def test_full_build_writes_all_21_kits_and_the_minutes(tmp_path: Path) -> None:
    """``siap build fixtures/contoh`` without --only: every kit is in the package next to the others."""
    report = build(CONTOH, tmp_path / "out")
    ids = [d.id for d in report.built]
    assert [i for i in ids if i.startswith("pertemuan-")] == IDS
    assert "berita-acara-kesepakatan" in ids
    assert not [s.dokumen.id for s in report.skipped if s.dokumen.id.startswith("pertemuan-")]


@pytest.mark.parametrize("topik", ["1.1", "2.2", "7.2"])
def test_golden(built: dict[str, Path], topik: str, data_regression: Any) -> None:
    data_regression.check(normalized(built[f"pertemuan-{topik}"]), basename=f"pertemuan-{topik}")


@pytest.mark.parametrize("doc_id", IDS)
def test_every_kit_has_its_sections_in_order(built: dict[str, Path], doc_id: str) -> None:
    path = built[doc_id]
    headings = [t for t, style in _paragraphs(path) if style == "Subjudul"]
    assert headings == list(BAGIAN)
    texts = _texts(path)
    topik = doc_id.removeprefix("pertemuan-")
    assert texts[:2] == ["KERANGKA ACUAN", f"PERTEMUAN TOPIK {topik}"]
    assert texts[2] == load_content().topik.topik[topik].judul.upper()
    # The Daftar Hadir follows the ToR on its own page.
    daftar = next(b for b in blocks(open_docx(path)) if isinstance(b, Paragraph) and b.text == "DAFTAR HADIR")
    assert daftar.paragraph_format.page_break_before is True
    text = all_text(path)
    assert "{{" not in text and "{%" not in text and "}}" not in text


@pytest.mark.parametrize("doc_id", IDS)
def test_attendance_table_repeats_its_header_and_rows_do_not_split(
    built: dict[str, Path], doc_id: str
) -> None:
    table = _attendance(built[doc_id])
    flags = header_rows_repeat(table)
    assert flags[0] is True and not any(flags[1:])
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    rows = table_rows(table)[1:]
    assert len(rows) >= 25 and len(rows) % 5 == 0
    assert [r[0] for r in rows] == [f"{i}." for i in range(1, len(rows) + 1)]


def test_attendance_prefills_pokja_then_invitees_then_blank_rows(built: dict[str, Path]) -> None:
    rows = table_rows(_attendance(built["pertemuan-2.1"]))[1:]
    assert rows[0] == [
        "1.",
        "Drs. Agus Prasetyo, M.Si.",
        "Sekretaris Daerah Kabupaten Lembah Sari",
        "",
        "1.",
        "",
    ]
    assert rows[1][4:] == ["", "2."]  # even numbers sign on the right
    assert rows[14][:3] == [
        "15.",
        "Teguh Santoso",
        "Ketua Persatuan Wartawan Indonesia Kabupaten Lembah Sari",
    ]
    # 2.1 invites the Forum Camat and the TP PKK, which no Pokja member stands for: their rows wait
    # for a name.
    assert rows[15] == ["16.", "", "Forum Camat Kabupaten Lembah Sari", "", "", "16."]
    assert rows[16][:3] == [
        "17.",
        "",
        "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga Kabupaten Lembah Sari",
    ]
    assert rows[17] == ["18.", "", "", "", "", "18."]
    assert len(rows) == 25


@pytest.mark.parametrize("topik", ["1.1", "2.2"])
def test_invitees_already_in_the_pokja_are_not_listed_twice(built: dict[str, Path], topik: str) -> None:
    # 1.1 invites Setda, Bappeda, DPUPR, Direksi, Hublang and the Forum Pelanggan; 2.2 the Bagian Hukum:
    # every one of them has a Pokja member standing for it.
    rows = table_rows(_attendance(built[f"pertemuan-{topik}"]))[1:]
    assert [r[2] for r in rows if r[1] == "" and r[2]] == []
    assert rows[15][1:3] == ["", ""]


def test_secretary_signs_the_attendance_list(built: dict[str, Path]) -> None:
    tail = _paragraphs(built["pertemuan-7.2"])[-3:]
    assert tail == [
        ("Sarimulya, 17 November 2026", "Tanda Tangan"),
        (
            "Sekretaris Kelompok Kerja Peningkatan Pelayanan Perusahaan Umum Daerah Air Minum Tirta Lestari "
            "Kabupaten Lembah Sari,",
            "Tanda Tangan",
        ),
        ("Dwi Lestari Handayani, S.E., M.Ak.", "Nama Penanda Tangan"),
    ]


def test_date_time_place_from_the_kalender(built: dict[str, Path]) -> None:
    waktu = table_rows(body_tables(built["pertemuan-7.2"])[0])
    assert waktu == [
        ["Hari/Tanggal", ":", "Selasa, 17 November 2026 s.d. Rabu, 18 November 2026"],
        ["Pukul", ":", "09.00–15.00 WIB"],
        ["Tempat", ":", "Aula Badan Perencanaan Pembangunan Daerah Kabupaten Lembah Sari"],
        ["Lama", ":", "3 (tiga) sesi (3 × 1,5 jam), seluruhnya 4,5 jam"],
    ]
    header = table_rows(body_tables(built["pertemuan-2.2"])[-2])
    assert header == [
        [
            "Kegiatan",
            ":",
            "Pertemuan Topik 2.2 Analisis Peraturan Perundang-undangan Pelayanan Air Minum dan PDAM",
        ],
        ["Hari/Tanggal", ":", "Selasa, 24 Februari 2026"],
        ["Pukul", ":", "13.00–16.00 WIB"],
        ["Tempat", ":", "Aula Badan Perencanaan Pembangunan Daerah Kabupaten Lembah Sari"],
    ]


def test_time_without_end_and_other_zone() -> None:
    entry = JadwalTopik(topik="3.1", tanggal=dt.date(2026, 3, 2), jam_mulai="08.00", tempat="Aula")
    assert pertemuan.pukul(entry, "WITA") == "08.00 WITA s.d. selesai"
    assert pertemuan.hari_tanggal(entry) == "Senin, 2 Maret 2026"
    assert pertemuan.pukul(JadwalTopik(topik="3.1", tanggal=dt.date(2026, 3, 2), tempat="Aula"), "WIT") == ""


def test_kit_2_2_shows_repealed_regulations_with_their_replacement(built: dict[str, Path]) -> None:
    table = body_tables(built["pertemuan-2.2"])[0]
    rows = table_rows(table)
    assert rows[0] == ["No", "Peraturan yang dirujuk panduan", "Status", "Peraturan yang kini berlaku"]
    assert header_rows_repeat(table)[0] is True
    assert rows[1] == [
        "1.",
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah",
        "Dicabut",
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Pasal 409 huruf b)",
    ]
    # A chain of replacements is followed to the one in force today.
    assert rows[12][2] == "Diganti"
    assert rows[12][3].endswith(
        "kemudian Peraturan Menteri Kesehatan Nomor 2 Tahun 2023 tentang Peraturan Pelaksanaan Peraturan "
        "Pemerintah Nomor 66 Tahun 2014 tentang Kesehatan Lingkungan"
    )
    assert rows[11][2:] == ["Status tidak diketahui", "Periksa di JDIH sebelum dikutip"]
    assert len(rows) == 15


def test_kits_without_regulations_have_no_regulation_table(built: dict[str, Path]) -> None:
    assert len(body_tables(built["pertemuan-1.1"])) == 3  # waktu, daftar hadir header, daftar hadir
    assert len(body_tables(built["pertemuan-6.1"])) == 4  # plus the Permendagri 90/2019 row


def test_background_places_the_topic_and_reviews_the_previous_one(built: dict[str, Path]) -> None:
    texts = _texts(built["pertemuan-2.2"])
    start = texts.index("A. Latar Belakang")
    assert texts[start + 1].endswith(
        "Topik 2.2 Analisis Peraturan Perundang-undangan Pelayanan Air Minum dan PDAM merupakan topik kedua "
        "dari 3 (tiga) topik pada Tahap II Analisis Isu Strategis."
    )
    assert texts[start + 2].startswith(
        "Pertemuan ini melanjutkan hasil Topik 2.1 Isu Utama Pelayanan PDAM yang telah disepakati Kelompok "
        "Kerja pada tanggal 24 Februari 2026"
    )
    assert texts[start + 3].startswith(
        "Isu utama pelayanan yang disepakati pada Topik 2.1 adalah “Tingginya kehilangan air dan "
        "pasokan yang "
        "belum kontinu 24 jam”."
    )
    first = _texts(built["pertemuan-1.1"])
    assert "Pertemuan ini merupakan pertemuan pertama dalam rangkaian penyusunan STPP." in first
    assert not any("Isu utama" in t for t in first)
    opener = _texts(built["pertemuan-3.1"])
    assert any(
        t.startswith("Pertemuan ini membuka Tahap III. Pertemuan ini melanjutkan hasil Topik 2.3")
        for t in opener
    )


def test_background_when_the_previous_topic_is_not_filled(view: WorkspaceView) -> None:
    topics = {k: v for k, v in view.topics.items() if k != "2.1"}
    ctx = pertemuan.context(*with_analysis(WorkspaceView(view.stpp, topics, view.content)), BY_ID["pertemuan-2.2"])
    assert ctx["latar_belakang"][1] == (
        "Hasil Topik 2.1 Isu Utama Pelayanan PDAM belum tercatat dalam berkas kerja Kelompok Kerja; "
        "Fasilitator mereview hasil topik tersebut bersama peserta pada awal sesi pertama."
    )
    assert not any("Isu utama pelayanan" in p for p in ctx["latar_belakang"])


def test_without_pokja_the_list_is_blank_and_the_secretary_line_dotted(view: WorkspaceView) -> None:
    topics = {k: v for k, v in view.topics.items() if k != "1.1"}
    ctx = pertemuan.context(*with_analysis(WorkspaceView(view.stpp, topics, view.content)), BY_ID["pertemuan-1.2"])
    assert ctx["hadir"][0] == {
        "no": "1.",
        "nama": "",
        "jabatan": "sh-bag-hukum",
        "ttd_kiri": "1.",
        "ttd_kanan": "",
    }
    assert len(ctx["hadir"]) == 25
    assert ctx["sekretaris_nama"] == "……………………………………"
    assert ctx["sekretaris_jabatan"] == "Sekretaris Kelompok Kerja,"


def test_list_punctuation_and_sessions(built: dict[str, Path]) -> None:
    texts = _paragraphs(built["pertemuan-7.2"])
    start = texts.index(("F. Metode", "Subjudul"))
    metode = [t for t, _ in texts[start + 1 : start + 5]]
    assert metode == [
        "1.\tPresentasi;",
        "2.\tCurah Pendapat;",
        "3.\tDiskusi Kelompok; dan",
        "4.\tDiskusi Pleno.",
    ]
    assert [t for t, s in texts if s == "Judul Sesi"] == [
        "Sesi 1 (1,5 jam)",
        "Sesi 2 (1,5 jam)",
        "Sesi 3 (1,5 jam)",
    ]
    assert (
        "1.\tFasilitator mereview hasil dan Tindak Lanjut Tahap 7.1. Sebagai alat bantu, gunakan Kerangka "
        "Penyusunan STPP PDAM.",
        "Langkah",
    ) in texts
    rincian = [t for t, s in _paragraphs(built["pertemuan-1.2"]) if s == "Rincian Langkah"]
    assert rincian[0] == "a.\tPrinsip-Prinsip Pelayanan Publik;"


def test_agreed_agenda_and_note_from_the_kalender(built: dict[str, Path]) -> None:
    texts = _texts(built["pertemuan-2.1"])
    i = texts.index("Agenda pertemuan sebagaimana disepakati dalam Kalender Kerja:")
    assert texts[i + 1] == (
        "1.\tPaparan Direktur Utama tentang manajemen pelayanan Perumda Air Minum Tirta Lestari;"
    )
    assert texts[i + 4] == "Proses fasilitasi menurut panduan:"
    assert "Catatan: Bagian Teknik dan Bagian Keuangan membawa data realisasi kinerja tahun 2025." in _texts(
        built["pertemuan-2.3"]
    )
    assert "Agenda pertemuan sebagaimana disepakati dalam Kalender Kerja:" not in _texts(
        built["pertemuan-2.2"]
    )


def test_page_setup(built: dict[str, Path]) -> None:
    path = built["pertemuan-4.7"]
    assert normalized(path)["halaman"] == [{"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"}]
    footer = open_docx(path).sections[0].footer._element
    assert any(" PAGE " in (t.text or "") for t in footer.iter(qn("w:instrText")))


def test_registry_waits_for_the_topic_in_the_kalender(tmp_path: Path) -> None:
    ws = copy_example(tmp_path / "ws")
    text = (ws / "1.2-kalender-kerja.yaml").read_text(encoding="utf-8")
    start = text.index('  - topik: "7.2"')
    (ws / "1.2-kalender-kerja.yaml").write_text(text[:start], encoding="utf-8")
    report = build(ws, tmp_path / "out", only=["pertemuan-7.1", "pertemuan-7.2"])
    assert [d.id for d in report.built] == ["pertemuan-7.1"]
    assert [s.dokumen.id for s in report.skipped] == ["pertemuan-7.2"]
    kalender = check(ws).result.view().topic("1.2")
    assert isinstance(kalender, KalenderKerja) and kalender.jadwal_topik("7.2") is None


def test_kota_variant(tmp_path: Path) -> None:
    ws = kota_variant(copy_example(tmp_path / "kota"))
    report = build(ws, tmp_path / "out", only=["pertemuan-5.3"])
    texts = _texts(tmp_path / "out" / report.built[0].file)
    assert any(
        "oleh Kelompok Kerja Peningkatan Pelayanan Perusahaan Umum Daerah Air Minum Tirta Lestari Kota Lembah Sari "
        "melalui 7 (tujuh) tahap" in t
        for t in texts
    )
    assert not any("Kabupaten" in t or "Bupati" in t for t in texts)


def test_guide_text_reads_the_regions_office(tmp_path: Path) -> None:
    """The guide's 'SK Bupati/Walikota' (Topik 4.3's output, repeated in 4.4's background) names one office."""
    ws = kota_variant(copy_example(tmp_path / "kota"))
    report = build(ws, tmp_path / "out", only=["pertemuan-4.3", "pertemuan-4.4"])
    for doc in report.built:
        texts = _texts(tmp_path / "out" / doc.file)
        assert any("(Perda atau SK Walikota, Juklak atau Juknis)" in t for t in texts)
        assert not any("Bupati" in t for t in texts)


@needs_soffice
def test_libreoffice_converts_a_sample(built: dict[str, Path], tmp_path: Path) -> None:
    sample = [built[f"pertemuan-{t}"] for t in ("1.1", "2.2", "4.7", "7.2")]
    for pdf in convert(sample, tmp_path, timeout=300):
        assert pdf.read_bytes().startswith(b"%PDF")
