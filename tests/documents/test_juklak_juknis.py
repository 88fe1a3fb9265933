"""Juklak/Juknis pelaksanaan STPP: the form a legal drafter checks on a Lampiran Peraturan Bupati."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assembler.analysis.anggaran import anggaran_workspace
from assembler.documents import juklak_juknis
from assembler.documents.juknis_sop import TINGGI_BARIS_MM, TINGGI_HALAMAN_MM
from assembler.documents.registry import BY_ID
from assembler.pictures import simbol_sop
from assembler.pictures.simbol_sop import Ubin
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

#: The Lampiran I (Juklak) chapters; the regulation's body has its own BAB (``BATANG``).
BAB = [
    "BAB I\nPENDAHULUAN",
    "BAB II\nORGANISASI PELAKSANAAN",
    "BAB III\nKEGIATAN DAN JADWAL PELAKSANAAN",
    "BAB IV\nKERJA SAMA PELAKSANAAN",
    "BAB V\nPEMBIAYAAN",
    "BAB VI\nPEMANTAUAN DAN EVALUASI",
    "BAB VII\nSTANDAR PELAYANAN DAN JANJI LAYANAN",
    "BAB VIII\nPENUTUP",
]

BATANG = [
    "BAB I\nKETENTUAN UMUM",
    "BAB II\nMAKSUD, TUJUAN, DAN RUANG LINGKUP",
    "BAB III\nPELAKSANAAN",
    "BAB IV\nPEMBAGIAN TUGAS",
    "BAB V\nPEMANTAUAN, EVALUASI, DAN PELAPORAN",
    "BAB VI\nPEMBIAYAAN",
    "BAB VII\nKETENTUAN PENUTUP",
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


def test_title_block_of_a_rancangan_peraturan(docx_path: Path) -> None:
    paras = _paras(docx_path)
    assert [p.text for p in paras[:9]] == [
        "BUPATI LEMBAH SARI",
        "PROVINSI JAWA TENGAH",
        "RANCANGAN",
        "PERATURAN BUPATI LEMBAH SARI",
        "NOMOR … TAHUN 2026",
        "TENTANG",
        "PETUNJUK PELAKSANAAN SKEMA TINDAKAN PENINGKATAN PELAYANAN PERUSAHAAN UMUM DAERAH AIR MINUM "
        "TIRTA LESTARI",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "BUPATI LEMBAH SARI,",
    ]
    text = all_text(docx_path)
    assert "MEMUTUSKAN:" in text
    assert (
        "Menetapkan\t:\tPERATURAN BUPATI TENTANG PETUNJUK PELAKSANAAN SKEMA TINDAKAN PENINGKATAN PELAYANAN "
        "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI." in text
        or "PERATURAN BUPATI TENTANG PETUNJUK PELAKSANAAN SKEMA TINDAKAN PENINGKATAN PELAYANAN "
        "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI." in text
    )


def test_menimbang_closing_item(view: WorkspaceView) -> None:
    menimbang = _context(view)["menimbang"]
    assert [m["huruf"] for m in menimbang] == ["a.", "b."]
    assert menimbang[-1]["teks"] == (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati "
        "tentang Petunjuk Pelaksanaan Skema Tindakan Peningkatan Pelayanan Perusahaan Umum Daerah Air Minum "
        "Tirta Lestari;"
    )


def test_body_bab_roman_pasal_continuous_last_bab_closing(view: WorkspaceView) -> None:
    batang = _context(view)["batang"]
    assert [f"{b['nomor']}\n{b['judul']}" for b in batang] == BATANG
    pasal = [p["nomor"] for b in batang for p in b["pasal"]]
    assert pasal == [f"Pasal {i}" for i in range(1, len(pasal) + 1)]  # never restarts per BAB
    penutup = batang[-1]["pasal"][-1]
    assert penutup["ayat"][0]["teks"] == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."


def test_lampiran_brought_in_by_a_pasal(view: WorkspaceView) -> None:
    batang = _context(view)["batang"]
    teks = [a["teks"] for b in batang for p in b["pasal"] for a in p["ayat"]]
    assert (
        "Petunjuk Pelaksanaan dan Petunjuk Teknis sebagaimana dimaksud pada ayat (1) tercantum dalam Lampiran I "
        "dan Lampiran II yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini." in teks
    )


def test_pasal_1_definitions_in_mandated_form_and_order_of_first_use(view: WorkspaceView) -> None:
    batang = _context(view)["batang"]
    pasal1 = batang[0]["pasal"][0]
    assert pasal1["nomor"] == "Pasal 1"
    assert pasal1["ayat"][0]["teks"] == "Dalam Peraturan Bupati ini yang dimaksud dengan:"
    defs = [d["teks"] for d in pasal1["definisi"]]
    assert defs[:3] == [
        "Daerah adalah Kabupaten Lembah Sari.",
        "Pemerintah Daerah adalah Bupati sebagai unsur penyelenggara Pemerintahan Daerah yang memimpin "
        "pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom.",
        "Bupati adalah Bupati Lembah Sari.",
    ]
    # The user's trailing "…, selanjutnya disingkat STPP." is moved to its mandated place.
    assert (
        "Skema Tindakan Peningkatan Pelayanan yang selanjutnya disingkat STPP adalah rencana tindakan terpadu "
        "untuk meningkatkan pelayanan air minum yang disusun secara partisipatif oleh Kelompok Kerja." in defs
    )
    assert any(d.startswith("Perusahaan Umum Daerah Air Minum Tirta Lestari Kabupaten Lembah Sari yang "
                            "selanjutnya disebut Perumda Air Minum Tirta Lestari adalah") for d in defs)
    # After the standard head, every term in the order of its first use in the body.
    body = "\n".join(
        t for b in batang for p in b["pasal"][1 if b is batang[0] else 0 :] for a in p["ayat"]
        for t in [a["teks"], *(x["teks"] for x in a["butir"])]
    )
    terms = [d.split(" yang selanjutnya ")[1].split(" adalah ")[0].split(" ", 1)[1] if " yang selanjutnya "
             in d else d.split(" adalah ")[0] for d in defs[3:]]
    used = [t for t in terms if t in body]
    assert used == sorted(used, key=body.find)
    assert terms[-1] == "Kehilangan Air" and "Kehilangan Air" not in body  # unused: last, and flagged


def test_agreed_change_is_in_the_text(view: WorkspaceView) -> None:
    batang = _context(view)["batang"]
    teks = [a["teks"] for b in batang for p in b["pasal"] for a in p["ayat"]]
    assert (
        "Usulan penyesuaian tarif memuat skema keringanan bagi pelanggan rumah tangga berpenghasilan rendah "
        "yang ditetapkan berdasarkan data terpadu kesejahteraan sosial." in teks
    )


def test_signature_blocks_and_berita_daerah(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    i = paras.index("Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan "
                    "penempatannya dalam Berita Daerah Kabupaten Lembah Sari.")
    assert paras[i + 1 : i + 10] == [
        "Ditetapkan di Sarimulya",
        "pada tanggal",
        "BUPATI LEMBAH SARI,",
        "HENDRA WIJAYAKUSUMA",
        "Diundangkan di Sarimulya",
        "pada tanggal",
        "SEKRETARIS DAERAH KABUPATEN LEMBAH SARI,",
        "……………………………………",
        "BERITA DAERAH KABUPATEN LEMBAH SARI TAHUN 2026 NOMOR …",
    ]
    assert paras[i + 10] == "LAMPIRAN I"


def test_no_notes_page_in_the_regulation(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "CATATAN UNTUK" not in text and "terkonfirmasi" not in text


def test_lampiran_holds_no_body_provisions(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    lampiran = paras[paras.index("LAMPIRAN I") :]
    assert not any("mulai berlaku" in p for p in lampiran)
    assert not any(p.startswith("Dalam petunjuk pelaksanaan ini yang dimaksud") for p in lampiran)


def test_lampiran_chapters_roman_numbered_in_order(docx_path: Path) -> None:
    assert paragraph_texts(docx_path, "Judul Bab") == BATANG + BAB


def test_missing_optional_chapter_leaves_no_gap(view: WorkspaceView) -> None:
    kesepakatan = view.topic("5.3")
    ctx = _context(view, **{"5.3": kesepakatan.model_copy(update={"kerja_sama": []})})
    bab = ctx["bab"]
    assert bab["kerja_sama"] is None
    assert bab["pembiayaan"]["nomor"] == "BAB IV"
    assert bab["penutup"] == {"nomor": "BAB VII", "judul": "PENUTUP"}


def test_sub_section_letters_close_up_without_optional_topics(view: WorkspaceView) -> None:
    full = _context(view)["huruf"]
    assert (full["unit"], full["pengawalan"], full["eskalasi"]) == ("A.", "B.", "C.")
    assert (full["mv_tim"], full["mv_format"], full["mv_rencana"]) == ("A.", "B.", "C.")
    ctx = _context(view, drop=("4.5", "7.1"))
    huruf = ctx["huruf"]
    assert (huruf["unit"], huruf["pengawalan"]) == ("", "A.")
    assert (huruf["mv_tim"], huruf["mv_format"]) == ("", "")
    assert ctx["unit"] == [] and ctx["tim_monev"] == [] and ctx["format_monev"] == []


def test_mengingat_ordered_and_punctuated(view: WorkspaceView) -> None:
    dasar = _context(view)["mengingat"]
    teks = [d["teks"] for d in dasar]
    assert [d["nomor"] for d in dasar] == [f"{i}." for i in range(1, 13)]
    assert all(t.endswith(";") for t in teks)  # the last too (format-sk.md rule 7)
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
    assert sum("Nomor 21 Tahun 2020" in t for t in teks) == 1
    assert "sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri Nomor 21 Tahun 2020" in teks[9]


def test_unconfirmed_status_goes_to_the_drafters_notes(view: WorkspaceView) -> None:
    notes = [c.teks for c in juklak_juknis.catatan(view)]
    assert any(
        n.startswith("Mengingat angka 3 dan angka 4: status Undang-Undang Nomor 6 Tahun 2023") for n in notes
    )


def test_sop_table_one_column_per_executor_and_mutu_baku(view: WorkspaceView) -> None:
    sops = _context(view)["sop"]
    assert [s["judul"] for s in sops] == ["SOP PEMASANGAN SAMBUNGAN BARU", "SOP PENANGANAN PENGADUAN PELANGGAN"]
    s = sops[0]
    executors = list(dict.fromkeys(st.pelaku for st in view.topic("4.2").layanan[0].langkah_perbaikan))
    assert s["pelaksana"] == executors
    head1, head2 = ([c["teks"] for c in row] for row in s["kepala"])
    assert head1 == ["No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan"]
    assert head2 == ["", "", *executors, "Kelengkapan", "Waktu", "Output", ""]
    # Each step row puts its symbol in its executor's column only; first and last are terminators.
    (halaman,) = s["halaman"]
    steps = view.topic("4.2").layanan[0].langkah_perbaikan
    for row, step in zip(halaman["baris"], steps, strict=True):
        tiles = [_tile(c) for c in row["sel"][2 : 2 + len(executors)]]
        assert [i for i, t in enumerate(tiles) if t.simbol] == [executors.index(step.pelaku)]
    first, second = (row["sel"][2 : 2 + len(executors)] for row in halaman["baris"][:2])
    assert _tile(first[0]).simbol == "terminator" and _tile(second[1]).simbol == "proses"
    assert all(sum(c["lebar"] for c in row) == 100 for row in s["kepala"])
    assert all(sum(c["lebar"] for c in row["sel"]) == 100 for row in halaman["baris"])


def _tile(cell: dict[str, Any]) -> Ubin:
    """The tile a picture cell was drawn from; the picture is that tile's PNG at its exact size."""
    assert cell["gaya"] == "simbol"
    ubin: Ubin = cell["ubin"]
    assert cell["gambar"].png == simbol_sop.png_ubin(ubin)
    assert (cell["gambar"].lebar_mm, cell["gambar"].tinggi_mm) == (ubin.lebar_mm, ubin.tinggi_mm)
    return ubin


def _long_procedure(view: WorkspaceView, times: int) -> WorkspaceView:
    prosedur = view.topic("4.2")
    layanan = prosedur.layanan[0]
    long = layanan.model_copy(update={"langkah_perbaikan": list(layanan.langkah_perbaikan) * times})
    return WorkspaceView(view.stpp, {**view.topics, "4.2": prosedur.model_copy(update={"layanan": [long]})},
                         view.content)


def test_flow_lines_join_from_one_executor_column_to_the_next(view: WorkspaceView) -> None:
    s = _context(view)["sop"][0]
    n = len(s["pelaksana"])
    rows = [[_tile(c) for c in r["sel"][2 : 2 + n]] for r in s["halaman"][0]["baris"]]
    # Step 1 (column 0) -> step 2 (column 1): down out of step 1, across at the top of row 2, into step 2.
    assert rows[0][0].ke_bawah and not rows[0][0].dari_atas and not rows[0][0].masuk
    assert rows[1][0].dari_atas and rows[1][0].kanan and not rows[1][0].simbol
    assert rows[1][1].kiri and rows[1][1].masuk and rows[1][1].simbol == "proses"
    assert not any(t.kiri or t.kanan or t.dari_atas for t in rows[1][2:])
    # The last step has no line on down; every tile is as tall as its row's ladder step.
    assert not any(t.ke_bawah for t in rows[-1])
    for r, tiles in zip(s["halaman"][0]["baris"], rows, strict=True):
        assert {t.tinggi_mm for t in tiles} == {TINGGI_BARIS_MM[r["tingkat"]]}


def test_long_flowchart_is_cut_into_pages_with_lettered_off_page_connectors(view: WorkspaceView) -> None:
    s = _context(_long_procedure(view, 6))["sop"][0]
    n = len(s["pelaksana"])
    parts = s["halaman"]
    assert len(parts) >= 2
    steps = [r for h in parts for r in h["baris"] if r["sel"][0]["teks"] != [""]]
    assert [r["sel"][0]["teks"][0] for r in steps] == [f"{i}." for i in range(1, 25)]
    for k, (before, after) in enumerate(itertools.pairwise(parts)):
        end, start = before["baris"][-1], after["baris"][0]
        end_tiles = [_tile(c) for c in end["sel"][2 : 2 + n]]
        start_tiles = [_tile(c) for c in start["sel"][2 : 2 + n]]
        # The same lettered pentagon closes one page and opens the next, in the same column.
        (col,) = [i for i, t in enumerate(end_tiles) if t.simbol]
        assert end_tiles[col].simbol == start_tiles[col].simbol == "penghubung"
        assert end_tiles[col].label == start_tiles[col].label == "ABCDEFGH"[k]
        assert end_tiles[col].masuk and not end_tiles[col].ke_bawah
        assert start_tiles[col].ke_bawah and not start_tiles[col].masuk
        # ... in the column of the step that was cut off.
        last_step = [r for r in before["baris"] if r["sel"][0]["teks"] != [""]][-1]
        assert _tile(last_step["sel"][2 + col]).simbol is not None
    # Each part fits the page it is planned for.
    for h in parts:
        assert sum(TINGGI_BARIS_MM[r["tingkat"]] for r in h["baris"]) <= TINGGI_HALAMAN_MM


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
    # Lampiran II (the SOPs) is landscape to the end: no trailing portrait section, no blank last page.
    assert sections(open_docx(docx_path)) == [tegak, mendatar, tegak, mendatar, tegak, mendatar]


def test_bookman_old_style_12(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Bookman Old Style"
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "24"
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    assert doc.styles["Isi"].font.size is None  # body text inherits the 12 pt default


def test_header_rows_repeat_and_rows_do_not_split(docx_path: Path) -> None:
    tables = [b for b in blocks(open_docx(docx_path)) if isinstance(b, Table)]
    bordered = [t for t in tables if t.style is not None and t.style.name == "Tabel Bergaris"]
    sop_flow = [t for t in bordered if t.rows[0].cells[-1].text == "Keterangan"]
    identity = [t for t in bordered if t.rows[0].cells[-2].text in ("NOMOR SOP", "DASAR HUKUM:")]
    assert len(sop_flow) == 2 and len(identity) == 4
    for table in bordered:
        if table in identity:
            continue
        flags = header_rows_repeat(table)
        heads = 2 if table in sop_flow else 1
        assert all(flags[:heads]) and not any(flags[heads:])
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_page_numbers_in_footer(docx_path: Path) -> None:
    footer = open_docx(docx_path).sections[0].footer
    instr = [el.text for el in footer._element.iter(qn("w:instrText"))]
    assert [i.strip() for i in instr] == ["PAGE"]


def test_signature_of_the_kepala_daerah(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    names = [p for p in doc.paragraphs if p.style is not None and p.style.name == "Nama Penanda Tangan"]
    # The regulation, Lampiran I and Lampiran II each end with the Bupati's name.
    assert [p.text for p in names] == ["HENDRA WIJAYAKUSUMA"] * 3


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
    assert paras[:4] == ["WALIKOTA LEMBAH SARI", "PROVINSI JAWA TENGAH", "RANCANGAN", "PERATURAN WALIKOTA LEMBAH SARI"]
    assert "1.\tDaerah adalah Kota Lembah Sari." in paras
    assert "3.\tWalikota adalah Walikota Lembah Sari." in paras
    assert "BERITA DAERAH KOTA LEMBAH SARI TAHUN 2026 NOMOR …" in paras
    assert "Peraturan Daerah Kota Lembah Sari Nomor 5 Tahun 2019" in all_text(path)
    # Only the Pokja's own typed text may still say Bupati; nothing generated does.
    generated = [p for p in paras if p.startswith(("PERATURAN", "2.\tPemerintah Daerah", "Draft STPP telah",
                                                   "Agar setiap orang"))]
    assert generated and not any("Bupati" in p or "BUPATI" in p for p in generated)


def test_user_text_with_markup_characters_survives(contoh: Path, tmp_path: Path) -> None:
    replace_in(
        contoh / "5.3-kesepakatan.yaml",
        "- Pembiayaan kegiatan STPP.",
        "- 'Pembiayaan kegiatan STPP & tarif <berjenjang> \"adil\"'",
    )
    paras = paragraph_texts(_built(contoh, tmp_path / "out"))
    assert 'b.\tpembiayaan kegiatan STPP & tarif <berjenjang> "adil"; dan' in paras


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=180)
    assert pdf.stat().st_size > 10_000


# --- drafting-error checks of 5.3 (format-perkada-sop.md §4) --------------------------------------


def _jj(view: WorkspaceView, **update: Any) -> Any:
    from assembler.models.tahap5 import Kesepakatan

    k = view.get(Kesepakatan)
    assert k is not None
    return k.model_copy(update={"juklak_juknis": k.juklak_juknis.model_copy(update=update)})


def test_task_to_the_dprd_and_entry_into_force_in_the_lampiran_are_warnings(view: WorkspaceView) -> None:
    from assembler.messages import format_message

    k = _jj(
        view,
        pemantauan=["Komisi B DPRD melaporkan hasil pengawasan kepada Bupati setiap semester."],
        penutup="Petunjuk pelaksanaan ini mulai berlaku pada tanggal ditetapkan.",
    )
    found = [(f.loc, f.severity, format_message(f.code, f.params)) for f in k.checks(view)]
    assert (
        ("juklak_juknis", "penutup"),
        "warning",
        "'penutup' mengatur saat mulai berlaku; ketentuan itu milik batang tubuh Peraturan (Pasal terakhir), "
        "bukan Lampiran, sehingga tidak dicetak dalam Lampiran",
    ) in found
    assert any(loc == ("juklak_juknis", "pemantauan", 0) and sev == "warning" and "DPRD" in msg
               for loc, sev, msg in found)
    # 'berkoordinasi dengan DPRD' is not a task to the DPRD.
    ok = _jj(view, pemantauan=["Direksi berkoordinasi dengan DPRD dalam pembahasan tarif."])
    assert not [f for f in ok.checks(view) if f.code == "5.3.tugas_dprd"]


def test_agreed_change_to_an_unknown_section_is_an_error_with_a_suggestion(view: WorkspaceView) -> None:
    from assembler.messages import format_message
    from assembler.models.tahap5 import Perbaikan

    k = _jj(view, perbaikan=[Perbaikan(uraian="x", bagian="Pelaksanaan Kegiatan Finansil", ketentuan=["y"])])
    found = [f for f in k.checks(view) if f.code == "5.3.perbaikan.bagian"]
    assert [(f.loc, f.severity, format_message(f.code, f.params)) for f in found] == [
        (
            ("juklak_juknis", "perbaikan", 0, "bagian"),
            "error",
            "bagian 'Pelaksanaan Kegiatan Finansil' tidak ada; tulis judul salah satu ketentuan_pelaksanaan, "
            "'Pembiayaan' atau 'Pemantauan'; maksud Anda 'Pelaksanaan Kegiatan Finansial'?",
        )
    ]
    only_reminder = _jj(view, perbaikan=[])
    assert "5.3.perbaikan.belum_dimuat" in [f.code for f in only_reminder.checks(view)]


def test_flowchart_tiles_fill_their_rows_in_the_built_document(docx_path: Path) -> None:
    """Read back: every executor cell of a step row holds one picture exactly as tall as the row's minimum
    height, with no side margin and no picture spacing, so the tiles join into one chart on paper."""
    tables = [b for b in blocks(open_docx(docx_path)) if isinstance(b, Table)]
    flows = [t for t in tables
             if t.rows[0].cells[-1].text == "Keterangan" and "Output" in [c.text for c in t.rows[1].cells]]
    assert len(flows) == 2
    for table in flows:
        for row in table.rows[2:]:
            height = row._tr.trPr.find(qn("w:trHeight"))
            assert height.get(qn("w:hRule")) == "atLeast"
            row_mm = int(height.get(qn("w:val"))) / 1440 * 25.4
            assert min(abs(row_mm - t) for t in TINGGI_BARIS_MM) < 0.05
            pictures = [tc for tc in row._tr.tc_lst if tc.find(".//" + qn("wp:inline")) is not None]
            assert 2 <= len(pictures) <= 4
            for tc in pictures:
                inline = tc.find(".//" + qn("wp:inline"))
                assert {inline.get(k) for k in ("distT", "distB", "distL", "distR")} == {"0"}
                extent = inline.find(qn("wp:extent"))
                assert abs(int(extent.get("cy")) / 36000 - row_mm) < 0.05
                margins = tc.tcPr.find(qn("w:tcMar"))
                assert [m.get(qn("w:w")) for m in margins] == ["0", "0"]


# --- drafting-error checks planted (format-perkada-sop.md §4 nos. 1-3) ------------------------------


def _with_53(view: WorkspaceView, k: Any) -> WorkspaceView:
    return WorkspaceView(view.stpp, {**view.topics, "5.3": k}, view.content)


def test_norm_written_into_the_lampiran_is_a_warning_for_the_drafter(view: WorkspaceView) -> None:
    planted = "Unit pelaksana wajib melaporkan capaian paling lambat tanggal 10 setiap bulan."
    k = _jj(view, sasaran=[*view.topic("5.3").juklak_juknis.sasaran, planted])
    notes = [(c.jenis, c.teks) for c in juklak_juknis.catatan(_with_53(view, k))]
    assert (
        "peringatan",
        "Lampiran memuat rumusan norma ('wajib': \u201cUnit pelaksana wajib melaporkan capaian paling lambat tanggal "
        "10 setiap bulan.\u201d); kewajiban, larangan, batas waktu dan sanksi diatur dalam Pasal batang tubuh, "
        "Lampiran hanya memuat uraian dan tabel. Pindahkan rumusan itu ke 5.3 'ketentuan_pelaksanaan' atau "
        "'perbaikan'.",
    ) in notes
    # The example's Lampiran texts are descriptions: no such note.
    assert not [t for _, t in ((c.jenis, c.teks) for c in juklak_juknis.catatan(view)) if "rumusan norma" in t]


def test_definitions_written_out_of_order_come_out_in_order_of_first_use(view: WorkspaceView) -> None:
    pengertian = view.topic("5.3").juklak_juknis.pengertian
    assert len(pengertian) > 2
    shuffled = _with_53(view, _jj(view, pengertian=list(reversed(pengertian))))

    def defs(v: WorkspaceView) -> list[str]:
        return [d["teks"] for d in _context(v)["batang"][0]["pasal"][0]["definisi"]]

    assert defs(shuffled) == defs(view)


def test_unused_definition_is_a_warning_for_the_drafter(view: WorkspaceView) -> None:
    notes = [(c.jenis, c.teks) for c in juklak_juknis.catatan(view)]
    assert (
        "peringatan",
        "Istilah 'Kehilangan Air' didefinisikan dalam Pasal 1 tetapi tidak dipakai dalam batang tubuh; hapus "
        "definisinya atau pakai istilah itu dalam Pasal.",
    ) in notes


def test_tile_widths_are_computed_for_the_template_s_landscape_text_width(docx_path: Path) -> None:
    """juknis_sop sizes the tiles for a 280 mm wide text area; the template's Lampiran II must be that."""
    from assembler.documents.juknis_sop import LEBAR_TEKS_MM, TINGGI_HALAMAN_MM

    last = open_docx(docx_path).sections[-1]
    width_mm = (last.page_width - last.left_margin - last.right_margin) / 36000
    height_mm = (last.page_height - last.top_margin - last.bottom_margin) / 36000
    assert abs(width_mm - LEBAR_TEKS_MM) < 0.1 and abs(height_mm - TINGGI_HALAMAN_MM) < 0.1
