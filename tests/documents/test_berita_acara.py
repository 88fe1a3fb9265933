"""Berita Acara Kesepakatan Draft STPP (Topik 5.3): what a lawyer checks on signed minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from assembler.documents import berita_acara
from assembler.documents.registry import BY_ID
from assembler.models.tahap5 import Kesepakatan
from assembler.workspace_view import WorkspaceView
from tests.helpers.analysis import with_analysis
from tests.helpers.docx_content import (
    all_text,
    body_tables,
    header_rows_repeat,
    normalized,
    open_docx,
    paragraph_texts,
    table_rows,
)
from tests.helpers.example import build_docs, copy_example, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

DOC_ID = "berita-acara-kesepakatan"


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


def _context_with(view: WorkspaceView, **update: Any) -> dict[str, Any]:
    data = view.topic("5.3")
    assert isinstance(data, Kesepakatan)
    topics = dict(view.topics)
    topics["5.3"] = data.model_copy(update=update)
    return berita_acara.context(*with_analysis(WorkspaceView(view.stpp, topics, view.content)), BY_ID[DOC_ID])


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text


def test_title_and_blank_number(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paras[:4] == [
        "BERITA ACARA KESEPAKATAN",
        "DRAFT SKEMA TINDAKAN PENINGKATAN PELAYANAN",
        "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "Nomor: ………………………………",
    ]


def test_opening_writes_the_date_in_words(docx_path: Path) -> None:
    opening = paragraph_texts(docx_path)[4]
    assert opening == (
        "Pada hari ini Selasa, tanggal dua belas bulan Mei tahun dua ribu dua puluh enam (12-05-2026), "
        "bertempat di Ruang Rapat Utama Sekretariat Daerah Kabupaten Lembah Sari, Sarimulya, pukul "
        "09.00–12.00 WIB, telah diselenggarakan Rapat Penyepakatan Draft Skema Tindakan Peningkatan "
        "Pelayanan Perusahaan Umum Daerah Air Minum Tirta Lestari Kabupaten Lembah Sari yang dipimpin oleh "
        "Drs. Agus Prasetyo, M.Si., Sekretaris Daerah Kabupaten Lembah Sari."
    )


def test_other_dates_in_words(view: WorkspaceView) -> None:
    data = view.topic("5.3")
    rapat = data.rapat.model_copy(update={"tanggal": dt.date(2027, 1, 1), "waktu": ""})
    ctx = _context_with(view, rapat=rapat)
    assert ctx["pembukaan"].startswith(
        "Pada hari ini Jumat, tanggal satu bulan Januari tahun dua ribu dua puluh tujuh (01-01-2027), "
        "bertempat di Ruang Rapat Utama Sekretariat Daerah Kabupaten Lembah Sari, Sarimulya, telah "
    )


def test_summary_of_the_draft_comes_from_5_1_and_5_2(docx_path: Path) -> None:
    assert paragraph_texts(docx_path)[6] == (
        "Draft STPP memuat 12 (dua belas) kegiatan dengan perkiraan biaya seluruhnya Rp7.025.000.000 "
        "(tujuh miliar dua puluh lima juta rupiah), terdiri atas 8 (delapan) kegiatan yang dapat langsung "
        "dilaksanakan oleh Perusahaan Umum Daerah Air Minum Tirta Lestari Kabupaten Lembah Sari, yang "
        "selanjutnya disebut Perumda Air Minum Tirta Lestari, dan 4 (empat) kegiatan yang memerlukan persetujuan "
        "Bupati Lembah Sari."
    )


def test_those_present_grouped_by_unsur_and_numbered_throughout(docx_path: Path) -> None:
    table = body_tables(docx_path)[0]
    rows = table_rows(table)
    assert rows[0] == ["No", "Nama", "Jabatan"]
    assert header_rows_repeat(table)[0] is True
    groups = [r[0] for r in rows if len(r) == 1]
    assert groups == [
        "A. Unsur Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari",
        "B. Unsur Pemerintah Kabupaten Lembah Sari",
        "C. Unsur Badan Perencanaan Pembangunan Daerah",
        "D. Unsur Perangkat Daerah Terkait",
        "E. Unsur Perumda Air Minum Tirta Lestari",
        "F. Unsur Masyarakat dan Pelanggan",
    ]
    numbers = [r[0] for r in rows[1:] if len(r) == 3]
    assert numbers == [f"{i}." for i in range(1, 13)]
    assert rows[2] == [
        "1.",
        "H. Ahmad Fauzan, S.H.",
        "Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari",
    ]
    # The Bupati, listed first in the file, appears under Pemerintah Daerah after the DPRD.
    assert rows[5] == ["3.", "Hendra Wijayakusuma", "Bupati Lembah Sari"]


def test_responses_dprd_and_kepala_daerah_first(view: WorkspaceView) -> None:
    data = view.topic("5.3")
    ctx = _context_with(view, tanggapan=list(reversed(data.tanggapan)))
    assert [t["pihak"] for t in ctx["tanggapan"]] == [
        "Tanggapan Pimpinan Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari",
        "Tanggapan Bupati Lembah Sari",
        "Tanggapan Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Lembah Sari",
    ]
    assert [t["nomor"] for t in ctx["tanggapan"]] == ["1.", "2.", "3."]


def test_response_points_and_follow_up(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    start = paras.index("1.\tTanggapan Pimpinan Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari")
    assert paras[start + 1] == (
        "Disampaikan oleh H. Ahmad Fauzan, S.H. (Ketua Dewan Perwakilan Rakyat Daerah Kabupaten "
        "Lembah Sari), "
        "dengan pokok-pokok tanggapan sebagai berikut:"
    )
    assert paras[start + 2].startswith("a.\tDPRD mendukung Draft STPP")
    assert paras[start + 5] == "Tindak lanjut:"
    assert paras[start + 6].startswith("a.\tKomisi B mengagendakan")
    assert paras[start + 7] == "2.\tTanggapan Bupati Lembah Sari"


def test_agreement_lists_points_juklak_and_cooperation(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    start = paras.index(
        "Setelah mendengar dan membahas tanggapan tersebut, rapat menyepakati hal-hal sebagai berikut:"
    )
    points = [p for p in paras[start + 1 :] if p[:2].rstrip(".").isdigit() and "\t" in p]
    assert [p.split("\t")[0] for p in points[:7]] == [f"{i}." for i in range(1, 8)]
    assert points[0].startswith("1.\tDraft STPP Perumda Air Minum Tirta Lestari disepakati dengan perbaikan")
    assert points[4] == (
        "5.\tDraft Petunjuk Pelaksanaan Skema Tindakan Peningkatan Pelayanan Perusahaan Umum Daerah "
        "Air Minum "
        "Tirta Lestari (Juklak/Juknis) disepakati untuk ditetapkan oleh Bupati Lembah Sari dengan perbaikan "
        "sebagai berikut:"
    )
    after = paras[paras.index(points[4]) + 1]
    assert after == (
        "a.\tDitambahkan ketentuan skema keringanan tarif bagi masyarakat berpenghasilan rendah sesuai "
        "tanggapan DPRD."
    )
    assert points[5] == (
        "6.\tDraft Perjanjian Kerja Sama antara Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten "
        "Lembah Sari "
        "dan Perumda Air Minum Tirta Lestari tentang Rehabilitasi Jaringan Distribusi Zona 3 dengan jangka "
        "waktu kerja sama 2 (dua) tahun disepakati."
    )
    assert points[6].endswith("dengan jangka waktu kerja sama 3 (tiga) tahun disepakati.")


def test_undecided_draft_is_said_so(view: WorkspaceView) -> None:
    data = view.topic("5.3")
    jj = data.juklak_juknis.model_copy(update={"status": "belum disepakati", "catatan_perbaikan": []})
    ks = data.kerja_sama[0].model_copy(
        update={"status": "disepakati dengan perbaikan", "catatan_perbaikan": []}
    )
    ctx = _context_with(view, juklak_juknis=jj, kerja_sama=[ks])
    texts = [k["teks"] for k in ctx["kesepakatan"]]
    assert texts[4].endswith("(Juklak/Juknis) belum disepakati dan akan dibahas kembali oleh Kelompok Kerja.")
    assert texts[5].endswith("dengan jangka waktu kerja sama 2 (dua) tahun disepakati dengan perbaikan.")
    assert len(texts) == 6


def test_closing_sentence(docx_path: Path) -> None:
    assert (
        "Demikian Berita Acara ini dibuat dengan sebenarnya dan ditandatangani bersama untuk dipergunakan "
        "sebagaimana mestinya."
    ) in paragraph_texts(docx_path)


def test_signature_table_alternates_sides(docx_path: Path) -> None:
    table = body_tables(docx_path)[1]
    rows = table_rows(table)
    assert rows[0] == ["No", "Nama", "Jabatan", "Tanda Tangan"]
    assert header_rows_repeat(table) == [True, False, False, False, False]
    assert rows[1] == [
        "1.",
        "H. Ahmad Fauzan, S.H.",
        "Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari",
        "1. ……………",
        "",
    ]
    assert rows[2] == ["2.", "Hendra Wijayakusuma", "Bupati Lembah Sari", "", "2. ……………"]
    assert rows[3][1] == "Dr. Rudi Hartono, S.E., M.Si.\nNIP. 19720315 199803 1 004"
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_chair_signs_last(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    tail = [(p.text, p.style.name) for p in doc.paragraphs if p.text.strip()][-3:]
    assert tail == [
        ("Pimpinan Rapat,", "Tanda Tangan"),
        ("Sekretaris Daerah Kabupaten Lembah Sari,", "Tanda Tangan"),
        ("Drs. Agus Prasetyo, M.Si.", "Nama Penanda Tangan"),
    ]


def test_page_setup_and_page_numbers(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    assert normalized(docx_path)["halaman"] == [{"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"}]
    footer = doc.sections[0].footer._element
    assert any(" PAGE " in (t.text or "") for t in footer.iter(qn("w:instrText")))


def test_kota_variant(tmp_path: Path) -> None:
    ws = kota_variant(copy_example(tmp_path / "kota"))
    paras = paragraph_texts(_built(ws, tmp_path / "out"))
    assert "2.\tTanggapan Walikota Lembah Sari" in paras
    assert any(
        "disampaikan kepada Pimpinan Dewan Perwakilan Rakyat Daerah Kota Lembah Sari dan Walikota "
        "Lembah Sari." in p
        for p in paras
    )
    assert any("(Juklak/Juknis) disepakati untuk ditetapkan oleh Walikota Lembah Sari" in p for p in paras)
    assert not any("Tanggapan Bupati" in p or "oleh Bupati Lembah Sari" in p for p in paras)


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=240)
    assert pdf.read_bytes().startswith(b"%PDF")
