"""Draft Keputusan Bupati/Walikota forming the Pokja: what a legal drafter checks first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from assembler.documents import sk_pokja
from assembler.documents.registry import BY_ID
from assembler.documents.sk_pokja import (
    Diktum,
    Paragraf,
    butir_menimbang,
    isi,
    judul_kapital,
    penutup_menimbang,
    rincian_akhir,
    susun_diktum,
)
from assembler.models.tahap1 import StakeholderPokja
from assembler.render import render_docx
from assembler.resources import TEMPLATES_DIR
from assembler.workspace_view import WorkspaceView
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
from tests.helpers.example import build_docs, copy_example, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

DOC_ID = "sk-pokja"
JUDUL = (
    "PEMBENTUKAN KELOMPOK KERJA PENINGKATAN PELAYANAN PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI "
    "KABUPATEN LEMBAH SARI"
)
JUDUL_KALIMAT = (
    "Pembentukan Kelompok Kerja Peningkatan Pelayanan Perusahaan Umum Daerah Air Minum Tirta Lestari "
    "Kabupaten Lembah Sari"
)


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


def _texts(path: Path) -> list[str]:
    """Every non-empty paragraph, table cells included, in reading order."""
    body = open_docx(path).element.body
    return [t for t in (Paragraph(p, None).text for p in body.iter(qn("w:p"))) if t.strip()]  # type: ignore[arg-type]


def _context(view: WorkspaceView, **sk: Any) -> dict[str, Any]:
    """The context of a 1.1 variant whose ``sk`` block is updated with ``sk``."""
    data = view.topic("1.1")
    assert isinstance(data, StakeholderPokja)
    topics = dict(view.topics)
    topics["1.1"] = data.model_copy(update={"sk": data.sk.model_copy(update=sk)})
    v = WorkspaceView(view.stpp, topics, view.content)
    ctx = sk_pokja.context(*with_analysis(v), BY_ID[DOC_ID])
    # The drafter's notes are no longer in the SK; tests read them beside its context.
    return {**ctx, "catatan_hukum": [{"teks": c.teks} for c in sk_pokja.catatan(v) if c.jenis == "regulasi"]}


# --- the example, as built ---------------------------------------------------------------------


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_parts_in_order(docx_path: Path) -> None:
    texts = _texts(docx_path)
    expected = [
        "KEPUTUSAN BUPATI LEMBAH SARI",
        "NOMOR … TAHUN 2026",
        "TENTANG",
        JUDUL,
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "BUPATI LEMBAH SARI,",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN :",
        "Menetapkan",
        f"KEPUTUSAN BUPATI LEMBAH SARI TENTANG {JUDUL}.",
        "KESATU",
        "KEDELAPAN",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "Ditetapkan di Sarimulya",
        "pada tanggal ",
        "BUPATI LEMBAH SARI,",
        "HENDRA WIJAYAKUSUMA",
        "Tembusan :",
        "LAMPIRAN",
        "KEPUTUSAN BUPATI LEMBAH SARI",
        "NOMOR … TAHUN 2026",
        "TENTANG",
        JUDUL,
        f"SUSUNAN KEANGGOTAAN DAN URAIAN TUGAS {JUDUL.removeprefix('PEMBENTUKAN ')}",
        "No",
        "URAIAN TUGAS",
        "A.\tPengarah",
        "BUPATI LEMBAH SARI,",
        "HENDRA WIJAYAKUSUMA",
    ]
    pos = -1
    for item in expected:
        pos = texts.index(item, pos + 1)
    assert texts.count("Menimbang") == 1 and texts.count("Mengingat") == 1


def test_menimbang_letters_and_computed_closing_item(docx_path: Path) -> None:
    menimbang = table_rows(body_tables(docx_path)[0])
    assert [r[2] for r in menimbang] == ["a.", "b.", "c."]
    assert all(r[3].startswith("bahwa ") and r[3].endswith(";") for r in menimbang)
    assert menimbang[2][3] == (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        f"Keputusan Bupati tentang {JUDUL_KALIMAT};"
    )


def test_mengingat_in_hierarchy_then_chronological_order_each_ending_with_semicolon(docx_path: Path) -> None:
    rows = table_rows(body_tables(docx_path)[1])
    assert [r[2] for r in rows] == [f"{i}." for i in range(1, 11)]
    # 1.1 lists UU 23/2014 before UU 25/2009; the decree cites them by date.
    starts = [
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        "Undang-Undang Nomor 25 Tahun 2009 ",
        "Undang-Undang Nomor 23 Tahun 2014 ",
        "Undang-Undang Nomor 17 Tahun 2019 ",
        "Peraturan Pemerintah Nomor 122 Tahun 2015 ",
        "Peraturan Pemerintah Nomor 54 Tahun 2017 ",
        "Peraturan Pemerintah Nomor 2 Tahun 2018 ",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2014 ",
        "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 ",
        "Peraturan Daerah Kabupaten Lembah Sari Nomor 5 Tahun 2019 ",
    ]
    assert [r[3][: len(s)] for r, s in zip(rows, starts, strict=True)] == starts
    assert all(r[3].endswith(";") for r in rows)  # the last one too
    assert rows[1][3] == (
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun "
        "2009 Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038);"
    )
    assert rows[2][3].startswith(
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
        "2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah "
        "beberapa kali terakhir dengan Undang-Undang Nomor 6 Tahun 2023 "
    )
    # The Perda written out in 2.2 is a legal basis like a catalogue entry.
    assert rows[9][3] == (
        "Peraturan Daerah Kabupaten Lembah Sari Nomor 5 Tahun 2019 tentang Perusahaan Umum Daerah Air Minum "
        "Tirta Lestari (Lembaran Daerah Kabupaten Lembah Sari Tahun 2019 Nomor 5, Tambahan Lembaran Daerah "
        "Kabupaten Lembah Sari Nomor 87);"
    )


def test_diktums_numbered_cross_referenced_and_closing_in_order(docx_path: Path) -> None:
    table = body_tables(docx_path)[2]
    rows = table_rows(table)
    assert rows[0][:2] == ["Menetapkan", ":"]
    assert [r[0] for r in rows[1:]] == [
        "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN",
    ]
    texts = {r[0]: r[2] for r in rows[1:]}
    assert texts["KESATU"].endswith(
        "yang selanjutnya disebut Pokja, dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang "
        "merupakan bagian tidak terpisahkan dari Keputusan ini."
    )
    tugas = [p.text for p in table.rows[2].cells[2].paragraphs]
    assert tugas[0] == "Pokja sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:"
    items = tugas[1:]
    assert [t[:3] for t in items] == [f"{c}.\t" for c in "abcdefgh"]
    assert all(t.endswith(";") for t in items[:-2])
    assert items[-2].endswith("; dan") and items[-1].endswith(".")
    assert items[-1] == "h.\tmelaporkan pelaksanaan tugas kepada Bupati Lembah Sari melalui Penanggung Jawab."
    assert texts["KETIGA"].startswith(
        "Dalam melaksanakan tugas sebagaimana dimaksud dalam Diktum KEDUA, Pengarah, Penanggung Jawab, Ketua, "
        "Wakil Ketua, Sekretaris, dan Anggota Pokja mempunyai uraian tugas"
    )
    assert texts["KELIMA"] == (
        "Pokja sebagaimana dimaksud dalam Diktum KESATU melaksanakan tugas sejak tanggal Keputusan ini "
        "ditetapkan sampai dengan tanggal 31 Desember 2028."
    )
    assert texts["KEENAM"].startswith("Dalam melaksanakan tugas sebagaimana dimaksud dalam Diktum KEDUA, Pokja")
    assert texts["KETUJUH"].startswith(
        "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Anggaran Pendapatan dan "
        "Belanja Daerah Kabupaten Lembah Sari Tahun Anggaran 2026"
    )
    assert texts["KEDELAPAN"] == "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    assert all(t.endswith(".") for t in texts.values())


def test_signature_place_and_blank_date(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    paras = [b for b in blocks(doc) if isinstance(b, Paragraph) and b.text.strip()]
    names = [p for p in paras if p.text == "HENDRA WIJAYAKUSUMA"]
    assert len(names) == 2  # the decree and its Lampiran
    assert all(p.style is not None and p.style.name == "Nama Penanda Tangan" for p in names)
    texts = [p.text for p in paras]
    assert "pada tanggal " in texts  # blank in a draft: the Bagian Hukum dates it


def test_tembusan_numbered_and_closed(docx_path: Path) -> None:
    texts = _texts(docx_path)
    start = texts.index("Tembusan :")
    assert texts[start + 1 : start + 5] == [
        "1.\tYth. Gubernur Jawa Tengah di Semarang;",
        "2.\tYth. Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari di Sarimulya;",
        "3.\tYth. Inspektur Kabupaten Lembah Sari di Sarimulya;",
        "4.\tYth. Dewan Pengawas Perusahaan Umum Daerah Air Minum Tirta Lestari di Sarimulya.",
    ]


def test_lampiran_member_table(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    lampiran = next(p for p in doc.paragraphs if p.text == "LAMPIRAN")
    assert lampiran.paragraph_format.page_break_before is True
    table = body_tables(docx_path)[3]
    rows = table_rows(table)
    assert rows[0] == ["No", "Jabatan", "Kedudukan dalam Pokja"]
    assert header_rows_repeat(table) == [True] + [False] * 15
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    assert rows[1] == ["1.", "Sekretaris Daerah Kabupaten Lembah Sari", "Pengarah"]
    assert rows[3] == ["3.", "Direktur Utama Perusahaan Umum Daerah Air Minum Tirta Lestari",
                       "Ketua merangkap Anggota Tim Inti"]
    assert rows[15] == ["15.", "Ketua Persatuan Wartawan Indonesia Kabupaten Lembah Sari", "Anggota"]


def test_lampiran_duties_grouped_per_position(docx_path: Path) -> None:
    texts = _texts(docx_path)
    groups = [t for t in texts if len(t) > 2 and t[1:3] == ".\t" and t[0].isupper()]
    assert groups == ["A.\tPengarah", "B.\tPenanggung Jawab", "C.\tKetua", "D.\tWakil Ketua", "E.\tSekretaris",
                      "F.\tAnggota", "G.\tTim Inti"]
    start = texts.index("A.\tPengarah")
    assert texts[start + 1 : start + 4] == [
        "1.\tmemberikan arahan dan kebijakan umum dalam penyusunan Skema Tindakan Peningkatan Pelayanan "
        "Perusahaan Umum Daerah Air Minum Tirta Lestari;",
        "2.\tmemfasilitasi koordinasi antarperangkat daerah dalam penyusunan dan pelaksanaan Skema Tindakan "
        "Peningkatan Pelayanan; dan",
        "3.\tmemberikan pertimbangan atas hasil penyusunan Skema Tindakan Peningkatan Pelayanan.",
    ]


def test_notes_for_the_legal_section_are_not_in_the_decree(docx_path: Path, view: WorkspaceView) -> None:
    texts = [p.text for p in blocks(open_docx(docx_path)) if isinstance(p, Paragraph) and p.text.strip()]
    # The decree ends with the Lampiran's signature; the notes live in catatan-perancang.
    assert texts[-2:] == ["BUPATI LEMBAH SARI,", "HENDRA WIJAYAKUSUMA"]
    assert not any("CATATAN" in t or "terkonfirmasi" in t for t in texts)
    notes = [c.teks for c in sk_pokja.catatan(view) if c.jenis == "regulasi"]
    assert notes[0] == (
        "Mengingat angka 3 dan angka 4: status Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan "
        "Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang belum "
        "terkonfirmasi (keyakinan S: dokumen sekunder; LN 2022/238, TLN 6841 adalah nomor Perppu 2/2022, bukan "
        "UU 6/2023); perancang wajib memeriksa statusnya di JDIH/BPK sebelum naskah ditandatangani."
    )
    assert notes[-1].startswith(
        "Mengingat angka 10: status Peraturan Daerah Kabupaten Lembah Sari Nomor 5 Tahun 2019 tentang "
        "Perusahaan Umum Daerah Air Minum Tirta Lestari belum terkonfirmasi (keyakinan S: dicantumkan Pokja"
    )
    assert len(notes) == 8
    assert not any(n.startswith(("Mengingat angka 1:", "Mengingat angka 2:")) for n in notes)


def test_f4_bookman_old_style_12(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    for section in doc.sections:
        assert abs(int(section.page_width or 0) - Mm(215)) <= Mm(0.5)
        assert abs(int(section.page_height or 0) - Mm(330)) <= Mm(0.5)
    normal = doc.styles["Normal"]
    assert normal.font.name == "Bookman Old Style" and normal.font.size is not None and normal.font.size.pt == 12
    assert normalized(docx_path)["halaman"] == [{"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"}]


def test_kota_variant_says_walikota_everywhere(tmp_path: Path) -> None:
    ws = kota_variant(copy_example(tmp_path / "kota"))
    # What the Pokja itself typed about its head of region follows the region (kota_variant writes it so).
    path = _built(ws, tmp_path / "out")
    texts = _texts(path)
    assert texts[0] == "KEPUTUSAN WALIKOTA LEMBAH SARI"
    assert texts.count("WALIKOTA LEMBAH SARI,") == 3  # office line and both signatures
    assert "KEPUTUSAN WALIKOTA LEMBAH SARI TENTANG PEMBENTUKAN KELOMPOK KERJA PENINGKATAN PELAYANAN " \
           "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KOTA LEMBAH SARI." in texts
    judul = JUDUL_KALIMAT.replace("Kabupaten", "Kota")
    assert any(t.endswith("perlu menetapkan Keputusan Walikota tentang " + judul + ";") for t in texts)
    assert any("Anggaran Pendapatan dan Belanja Daerah Kota Lembah Sari Tahun Anggaran 2026" in t for t in texts)
    assert any(t.startswith("Peraturan Daerah Kota Lembah Sari Nomor 5 Tahun 2019") for t in texts)
    assert any("kepada Walikota Lembah Sari melalui Penanggung Jawab." in t for t in texts)
    text = all_text(path)
    assert "Bupati" not in text and "BUPATI" not in text


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=240)
    assert pdf.read_bytes().startswith(b"%PDF")


# --- variants of 1.1, through the context builder ----------------------------------------------


@pytest.mark.parametrize(
    ("jumlah", "rujukan"),
    [
        (1, "huruf a"),
        (2, "huruf a dan huruf b"),
        (3, "huruf a, huruf b, dan huruf c"),
        (4, "huruf a, huruf b, huruf c, dan huruf d"),
    ],
)
def test_closing_menimbang_refers_to_every_consideration(view: WorkspaceView, jumlah: int, rujukan: str) -> None:
    pertimbangan = [f"bahwa pertimbangan ke-{i} berlaku" for i in range(1, jumlah + 1)]
    ctx = _context(view, menimbang=pertimbangan)
    menimbang = ctx["menimbang"]
    assert [m["huruf"] for m in menimbang] == [f"{c}." for c in "abcde"[: jumlah + 1]]
    assert menimbang[0]["teks"] == "bahwa pertimbangan ke-1 berlaku;"
    assert menimbang[-1]["teks"] == (
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {rujukan}, perlu menetapkan Keputusan Bupati "
        f"tentang {JUDUL_KALIMAT};"
    )


def test_single_consideration_is_not_lettered() -> None:
    assert butir_menimbang(["bahwa satu-satunya pertimbangan."]) == [
        {"huruf": "", "teks": "bahwa satu-satunya pertimbangan;"}
    ]
    assert penutup_menimbang("dalam {rujukan}, {x}", 3, {"x": "y"}) == "dalam huruf a, huruf b, dan huruf c, y"


def test_empty_lists_take_the_shipped_defaults(view: WorkspaceView) -> None:
    ctx = _context(view, menimbang=[], mengingat=[])
    assert ctx["menimbang"][0]["teks"].startswith(
        "bahwa dalam rangka meningkatkan kualitas pelayanan air minum kepada masyarakat sesuai dengan asas dan "
        "standar pelayanan publik, perlu disusun Skema Tindakan Peningkatan Pelayanan Perusahaan Umum Daerah Air "
        "Minum Tirta Lestari Kabupaten Lembah Sari"
    )
    assert len(ctx["menimbang"]) == 3
    mengingat = [m["teks"] for m in ctx["mengingat"]]
    assert len(mengingat) == 9  # the 8 shipped bases plus the Pokja's own Perda from 2.2
    assert mengingat[-1].startswith("Peraturan Daerah Kabupaten Lembah Sari Nomor 5 Tahun 2019")
    assert not any("Badan Usaha Milik Daerah" in m for m in mengingat[:1])


def test_repealed_regulation_is_replaced_and_said_so(view: WorkspaceView) -> None:
    ctx = _context(view, mengingat=["uu-32-2004", "uu-25-2009"])
    assert [m["teks"][:34] for m in ctx["mengingat"]] == [
        "Undang-Undang Nomor 25 Tahun 2009 ", "Undang-Undang Nomor 23 Tahun 2014 "]
    assert not any("Nomor 32 Tahun 2004" in m["teks"] for m in ctx["mengingat"])
    notes = [c["teks"] for c in ctx["catatan_hukum"]]
    assert notes[0] == (
        "Mengingat angka 2: Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah yang tercantum sebagai "
        "dasar hukum pada berkas 1.1 tidak berlaku lagi; dalam Mengingat dikutip penggantinya, Undang-Undang "
        "Nomor 23 Tahun 2014 tentang Pemerintahan Daerah. Periksa ketepatannya."
    )


def test_repealed_regulation_without_catalogued_replacement_is_left_out_and_flagged(view: WorkspaceView) -> None:
    ctx = _context(view, mengingat=["kepmenlh-197-2004", "uu-25-2009"])
    assert len(ctx["mengingat"]) == 1
    assert ctx["mengingat"][0]["teks"].startswith("Undang-Undang Nomor 25 Tahun 2009")
    notes = [c["teks"] for c in ctx["catatan_hukum"]]
    assert len(notes) == 1
    assert notes[0].startswith(
        "Keputusan Menteri Negara Lingkungan Hidup Nomor 197 Tahun 2004 tentang Standar Pelayanan Minimal "
    )
    assert "tidak dikutip dalam Mengingat; tentukan peraturan penggantinya." in notes[0]


def test_own_tasks_working_period_secretariat_and_cost(view: WorkspaceView) -> None:
    ctx = _context(
        view,
        tugas_pokja=["menyusun STPP;", "melapor kepada Bupati."],
        masa_kerja_berakhir=dt.date(2027, 3, 31),
        sekretariat="Bagian Hukum Sekretariat Daerah",
        pembiayaan="Biaya dibebankan pada anggaran Perumda",
    )
    diktum = {d["label"]: d["paragraf"] for d in ctx["diktum"]}
    assert [p["teks"] for p in diktum["KEDUA"]] == [
        "Pokja sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:",
        "menyusun STPP; dan",
        "melapor kepada Bupati.",
    ]
    assert diktum["KELIMA"][0]["teks"].endswith("sampai dengan tanggal 31 Maret 2027.")
    assert diktum["KEENAM"][0]["teks"].endswith("berkedudukan di Bagian Hukum Sekretariat Daerah.")
    assert diktum["KETUJUH"][0]["teks"] == "Biaya dibebankan pada anggaran Perumda."
    one = _context(view, tugas_pokja=["menyusun STPP"])
    assert one["diktum"][1]["paragraf"] == [
        {"huruf": "", "teks": "Pokja sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas menyusun STPP."}
    ]


def test_cross_references_follow_the_diktum_positions(view: WorkspaceView) -> None:
    data = view.topic("1.1")
    assert isinstance(data, StakeholderPokja)
    topics = dict(view.topics)
    topics["1.1"] = data.model_copy(update={"pokja": data.pokja.model_copy(update={"tim_inti": []})})
    ctx = sk_pokja.context(*with_analysis(WorkspaceView(view.stpp, topics, view.content)), BY_ID[DOC_ID])
    labels = [d["label"] for d in ctx["diktum"]]
    assert labels == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH"]
    texts = {d["label"]: d["paragraf"][0]["teks"] for d in ctx["diktum"]}
    assert texts["KEEMPAT"].startswith("Pokja sebagaimana dimaksud dalam Diktum KESATU melaksanakan tugas")
    assert texts["KETUJUH"] == "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    assert not any("merangkap" in a["kedudukan"] for a in ctx["anggota"])
    assert [g["peran"] for g in ctx["tugas"]][-1] == "Anggota"


def test_number_given_by_the_legal_section(view: WorkspaceView) -> None:
    assert view.stpp is not None
    for nomor, baris in (("500.14.1/133/EKON/2026", "NOMOR 500.14.1/133/EKON/2026"), ("12", "NOMOR 12 TAHUN 2026")):
        stpp = view.stpp.model_copy(update={"opsi": view.stpp.opsi.model_copy(update={"nomor_sk": nomor})})
        ctx = sk_pokja.context(*with_analysis(WorkspaceView(stpp, view.topics, view.content)), BY_ID[DOC_ID])
        assert ctx["nomor"] == baris and ctx["lampiran_kop"][1] == baris


# --- pure helpers --------------------------------------------------------------------------------


def test_diktum_ordinals_past_ten_and_computed_references() -> None:
    daftar = [Diktum(f"d{i}", [Paragraf(f"Isi diktum {i}.")]) for i in range(1, 13)]
    daftar.append(Diktum("d13", [Paragraf("Sebagaimana dimaksud dalam Diktum {diktum_d12} dan Diktum {diktum_d1}.")]))
    hasil = susun_diktum(daftar, {})
    assert [d["label"] for d in hasil] == [
        "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN",
        "KESEPULUH", "KESEBELAS", "KEDUA BELAS", "KETIGA BELAS",
    ]
    assert hasil[12]["paragraf"][0]["teks"] == "Sebagaimana dimaksud dalam Diktum KEDUA BELAS dan Diktum KESATU."
    # Moving the referred diktum moves the reference with it.
    moved = susun_diktum([daftar[12], *daftar[:12]], {})
    assert moved[0]["paragraf"][0]["teks"] == "Sebagaimana dimaksud dalam Diktum KETIGA BELAS dan Diktum KEDUA."


def test_twelve_diktums_render_in_the_template(view: WorkspaceView, tmp_path: Path) -> None:
    ctx = sk_pokja.context(*with_analysis(view), BY_ID[DOC_ID])
    ctx["diktum"] = susun_diktum([Diktum(f"d{i}", [Paragraf(f"Isi diktum {i}.")]) for i in range(1, 13)], {})
    path = tmp_path / "sk.docx"
    path.write_bytes(render_docx(TEMPLATES_DIR / "sk-pokja.docx", ctx))
    rows = table_rows(body_tables(path)[2])
    assert [r[0] for r in rows[-3:]] == ["KESEPULUH", "KESEBELAS", "KEDUA BELAS"]
    assert rows[-1][2] == "Isi diktum 12."


def test_list_items_punctuated_by_position() -> None:
    assert rincian_akhir(["satu;", "dua", "tiga dan", "empat."]) == ["satu;", "dua;", "tiga; dan", "empat."]
    assert rincian_akhir(["satu"]) == ["satu."]


def test_title_case_and_placeholders() -> None:
    assert judul_kapital("pembentukan kelompok kerja peningkatan pelayanan PDAM dan air minum untuk STPP") == (
        "Pembentukan Kelompok Kerja Peningkatan Pelayanan PDAM dan Air Minum untuk STPP"
    )
    # Values are data: braces inside a PDAM name are never read as placeholders.
    assert isi("Membentuk {pdam} di {daerah}.", {"pdam": "Tirta {daerah}", "daerah": "Sari"}) == (
        "Membentuk Tirta {daerah} di Sari."
    )
    with pytest.raises(KeyError):
        isi("{tidak_dikenal}", {})


def test_a_legal_basis_awaiting_topic_2_2_is_named_in_the_drafters_notes(contoh: Path, tmp_path: Path) -> None:
    from assembler.build import build
    from tests.helpers.docx_content import all_text

    (contoh / "2.2-regulasi.yaml").unlink()
    result = build(contoh, tmp_path / "out", only=["sk-pokja", "catatan-perancang"])
    assert [b.id for b in result.built] == ["sk-pokja", "catatan-perancang"]
    assert "belum dapat dikutip" not in all_text(result.built[0].data)
    text = all_text(result.built[1].data)
    assert (
        "Regulasi berkode 'perda-lembahsari-5-2019' yang tercantum sebagai dasar hukum pada berkas 1.1 belum dapat "
        "dikutip dalam Mengingat karena belum ada di katalog dan belum ditulis lengkap pada Topik 2.2; "
        "lengkapi kutipannya." in text
    )
    # 1.1, the 4.3 proposals and a 4.6 proposal cite it: warnings at check time, not errors
    assert {w.code for w in result.warnings if not w.code.startswith("konsistensi.")} == {"ref.dangling.suggest"}
    assert sorted({w.file or "" for w in result.warnings if w.code == "ref.dangling.suggest"}) == [
        "1.1-stakeholder-pokja.yaml", "4.3-kebijakan.yaml", "4.6-keuangan.yaml"
    ]


# --- diktum added by the drafter, one reporting line (issue 12) -------------------------------------


def test_added_diktum_continue_the_ordinals_and_references_follow(view: WorkspaceView) -> None:
    from assembler.models.tahap1 import DiktumTambahan

    ctx = _context(
        view,
        diktum_tambahan=[
            DiktumTambahan(
                teks="Ketua Pokja melaporkan pelaksanaan tugas sebagaimana dimaksud dalam Diktum {diktum_tugas} "
                "kepada Bupati setiap 3 (tiga) bulan",
                sesudah="tugas",
                kunci="pelaporan",
            ),
            DiktumTambahan(
                teks="Pada saat Keputusan ini mulai berlaku, Keputusan Bupati Lembah Sari Nomor 12 Tahun 2024 "
                "tentang Tim Peningkatan Pelayanan Air Minum dicabut dan dinyatakan tidak berlaku."
            ),
            DiktumTambahan(
                teks="Laporan sebagaimana dimaksud dalam Diktum {diktum_pelaporan} disampaikan pula kepada Dewan "
                "Pengawas.",
                sesudah="tugas",
            ),
        ],
    )
    labels = [d["label"] for d in ctx["diktum"]]
    assert labels == [
        "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN",
        "KESEPULUH", "KESEBELAS",
    ]
    texts = {d["label"]: d["paragraf"][0]["teks"] for d in ctx["diktum"]}
    assert texts["KETIGA"] == (
        "Ketua Pokja melaporkan pelaksanaan tugas sebagaimana dimaksud dalam Diktum KEDUA kepada Bupati setiap "
        "3 (tiga) bulan."
    )
    assert texts["KEEMPAT"] == (
        "Laporan sebagaimana dimaksud dalam Diktum KETIGA disampaikan pula kepada Dewan Pengawas."
    )
    # The standard diktums moved down and their own references still point at the right ones.
    assert texts["KELIMA"].startswith("Dalam melaksanakan tugas sebagaimana dimaksud dalam Diktum KEDUA,")
    assert texts["KETUJUH"].startswith("Pokja sebagaimana dimaksud dalam Diktum KESATU melaksanakan tugas")
    assert texts["KESEPULUH"].startswith("Pada saat Keputusan ini mulai berlaku, Keputusan Bupati Lembah Sari")
    assert texts["KESEBELAS"] == "Keputusan ini mulai berlaku pada tanggal ditetapkan."  # always last
    # Every "Diktum X" reference names a diktum that exists.
    import re

    for t in texts.values():
        for ref in re.findall(r"Diktum ([A-Z ]+?)(?=[ ,.]|$)", t):
            assert ref.strip() in labels


def test_added_diktum_with_unknown_reference_or_position_is_an_error(view: WorkspaceView) -> None:
    from assembler.messages import format_message
    from assembler.models.tahap1 import DiktumTambahan, StakeholderPokja

    data = view.get(StakeholderPokja)
    assert data is not None
    bad = data.model_copy(
        update={
            "sk": data.sk.model_copy(
                update={"diktum_tambahan": [DiktumTambahan(teks="Lihat Diktum {diktum_tugass}.", sesudah="tgas")]}
            )
        }
    )
    found = [f for f in bad.checks(view) if f.code.startswith("1.1.sk.diktum")]
    assert [(f.loc, format_message(f.code, f.params)) for f in found] == [
        (
            ("sk", "diktum_tambahan", 0, "sesudah"),
            "diktum 'tgas' tidak ada; tulis salah satu dari pembentukan, tugas, uraian, tim_inti, masa_kerja, "
            "sekretariat, pembiayaan; maksud Anda 'tugas'?",
        ),
        (
            ("sk", "diktum_tambahan", 0, "teks"),
            "rujukan '{diktum_tugass}' tidak dikenal; diktum yang dapat dirujuk: pembentukan, tugas, uraian, "
            "tim_inti, masa_kerja, sekretariat, pembiayaan, mulai_berlaku; maksud Anda 'tugas'?",
        ),
    ]


def test_one_reporting_line_in_the_diktum_and_the_lampiran(view: WorkspaceView) -> None:
    ctx = _context(view)
    tugas = [p["teks"] for p in ctx["diktum"][1]["paragraf"]]
    assert tugas[-1] == "melaporkan pelaksanaan tugas kepada Bupati Lembah Sari melalui Penanggung Jawab."
    lampiran = [b["teks"] for g in ctx["tugas"] for b in g["butir"]]
    reports = [t for t in [*tugas, *lampiran] if t.startswith(("melaporkan", "menyampaikan laporan"))]
    # Everyone reports towards the Bupati, through the Penanggung Jawab: no second line to the Pengarah.
    assert reports and all("Bupati" in t for t in reports)
    assert not any("kepada Pengarah" in t for t in [*tugas, *lampiran])


def test_dprd_member_is_flagged_in_the_drafters_notes(view: WorkspaceView) -> None:
    # A Keputusan Kepala Daerah giving a task to a DPRD member (format-perkada-sop.md §4 no. 1) is an
    # unconfirmed rule [U]: the Bagian Hukum decides, so it is a note for them, not a check error.
    notes = [c for c in sk_pokja.catatan(view) if "kepada anggota DPRD" in c.teks]
    assert [(c.jenis, c.teks) for c in notes] == [
        (
            "peringatan",
            "Susunan Pokja memuat 'Anggota Komisi B Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari'. "
            "Bagian Hukum lazim mengoreksi tugas yang diberikan Keputusan Kepala Daerah kepada anggota DPRD "
            "(kaidah ini belum terkonfirmasi dari sumber primer); pertimbangkan kedudukan narasumber di luar "
            "susunan keanggotaan, atau rumusan 'berkoordinasi dengan'.",
        )
    ]
