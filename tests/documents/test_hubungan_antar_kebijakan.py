"""Tabel Hubungan Antar-kebijakan and Koridor Hukum (topic 2.2): citations, order, status, page form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from assembler.documents import hubungan_antar_kebijakan as hak
from assembler.documents.registry import BY_ID
from assembler.models.tahap2 import EntriRegulasi, HubunganKebijakan
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.render import render_docx
from assembler.resources import TEMPLATES_DIR
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

DOC_ID = "hubungan-antar-kebijakan"
PDAM = "Perusahaan Umum Daerah Air Minum Tirta Lestari Kabupaten Lembah Sari"


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


def _context(view: WorkspaceView, **update: Any) -> dict[str, Any]:
    data = view.topic("2.2")
    assert isinstance(data, TopikRegulasi)
    topics = dict(view.topics)
    topics["2.2"] = data.model_copy(update=update)
    return hak.context(*with_analysis(WorkspaceView(view.stpp, topics, view.content)), BY_ID[DOC_ID])


def _section_of_blocks(path: Path) -> list[tuple[int, str]]:
    """(section index, first text) of every body table: a paragraph holding w:sectPr ends a section."""
    body = open_docx(path).element.body
    section, out = 0, []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            first = "".join(t.text or "" for t in child.iter(qn("w:t")))
            out.append((section, first[:30]))
        elif child.tag == qn("w:p") and child.find(qn("w:pPr")) is not None \
                and child.find(qn("w:pPr")).find(qn("w:sectPr")) is not None:
            section += 1
    return out


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_title_block(docx_path: Path) -> None:
    assert paragraph_texts(docx_path)[:5] == [
        "TABEL HUBUNGAN ANTAR-KEBIJAKAN DAN KORIDOR HUKUM",
        "PENYUSUNAN SKEMA TINDAKAN PENINGKATAN PELAYANAN",
        PDAM.upper(),
        "TAHUN 2026",
        # the utility's short name is defined here, in running text, not in a table cell further on
        f"Tabel Hubungan Antar-kebijakan ini disusun bagi {PDAM}, yang selanjutnya disebut Perumda Air Minum Tirta "
        "Lestari, dan memetakan peraturan perundang-undangan yang terkait dengan penyusunan Skema Tindakan "
        "Peningkatan Pelayanan (STPP), lembaga yang diatur olehnya, kewenangan setiap lembaga, dan implikasinya "
        "bagi STPP. Koridor hukum pada Bagian C menjadi batas bagi proses penyusunan "
        "STPP dan bagi kerja sama antar-instansi dalam pelaksanaannya di Kabupaten Lembah Sari.",
    ]


def test_tabel_hubungan_on_a_landscape_f4_section_then_portrait(docx_path: Path) -> None:
    assert normalized(docx_path)["halaman"] == [
        {"lebar_mm": 330, "tinggi_mm": 215, "orientasi": "mendatar"},
        {"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"},
    ]
    assert [s for s, _ in _section_of_blocks(docx_path)] == [0, 1, 1]
    assert _section_of_blocks(docx_path)[0][1].startswith("NoPeraturanKetentuan")


def test_header_rows_repeat_and_rows_do_not_split(docx_path: Path) -> None:
    for table in body_tables(docx_path):
        flags = header_rows_repeat(table)
        assert flags[0] is True and not any(flags[1:])
        assert all(r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)


def test_tabel_hubungan_rows_follow_the_hierarchy_with_full_citations(docx_path: Path) -> None:
    rows = table_rows(body_tables(docx_path)[0])
    assert rows[0] == ["No", "Peraturan", "Ketentuan/Pasal Terkait", "Lembaga", "Kewenangan", "Implikasi bagi STPP"]
    assert [r[0] for r in rows[1:]] == [f"{i}." for i in range(1, 10)]
    assert [r[1][:34] for r in rows[1:]] == [
        "Undang-Undang Nomor 25 Tahun 2009 ",
        "Undang-Undang Nomor 25 Tahun 2009 ",
        "Undang-Undang Nomor 23 Tahun 2014 ",
        "Peraturan Pemerintah Nomor 122 Tah",
        "Peraturan Pemerintah Nomor 54 Tahu",
        "Peraturan Pemerintah Nomor 28 Tahu",
        "Peraturan Menteri Dalam Negeri Nom",
        "Peraturan Menteri Kesehatan Nomor ",
        "Peraturan Daerah Kabupaten Lembah ",
    ]
    # Full citation the first time, the title alone when the same regulation comes again.
    assert rows[1][1] == (
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun "
        "2009 Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038)"
    )
    assert rows[2][1] == "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
    assert rows[3][1].endswith(
        "sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang "
        "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi "
        "Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2023 Nomor 41, Tambahan Lembaran Negara "
        "Republik Indonesia Nomor 6856)"
    )
    assert rows[1][2] == "-\tPasal 15, Pasal 20, dan Pasal 22"
    # A row without its own provision shows those the Pokja listed for the regulation.
    assert rows[4][2] == (
        "-\tKetentuan mengenai standar kualitas, kuantitas, dan kontinuitas air minum\n"
        "-\tKetentuan mengenai penyelenggaraan SPAM oleh badan usaha milik daerah"
    )
    assert rows[3][3] == (
        "-\tBagian Perekonomian dan Sumber Daya Alam Sekretariat Daerah Kabupaten Lembah Sari\n"
        "-\tPerumda Air Minum Tirta Lestari\n"  # its short name, defined at its first mention (issue 11)
        "-\tDinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari"
    )
    assert rows[2][4] == (
        "Penyelenggara wajib menyediakan sarana pengaduan dan mengelola pengaduan secara cepat dan tuntas."
    )
    assert rows[2][5] == (
        "Pembentukan Unit Pengaduan Terpadu dan SOP penanganan pengaduan paling lama tiga hari kerja."
    )


def test_institutions_and_the_regulations_linking_them(docx_path: Path) -> None:
    rows = table_rows(body_tables(docx_path)[1])
    assert rows[0] == ["No", "Lembaga", "Peran", "Peraturan yang Mengaitkan"]
    assert len(rows) == 1 + 7
    assert rows[2] == [
        "2.",
        "Badan Perencanaan Pembangunan Daerah Kabupaten Lembah Sari",
        "Menyelaraskan program STPP dengan RPJMD dan Rencana Kerja Pemerintah Daerah.",
        "—",  # in no row of the table
    ]
    assert rows[4][3] == "-\tPeraturan Menteri Kesehatan Nomor 2 Tahun 2023"
    assert rows[7][3] == (
        "-\tPeraturan Pemerintah Nomor 54 Tahun 2017\n-\tPeraturan Daerah Kabupaten Lembah Sari Nomor 5 Tahun 2019"
    )


def test_both_legal_corridors(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    i = paras.index("1.\tKoridor hukum dalam pengembangan proses penyusunan STPP")
    assert paras[i + 1].startswith(
        "Penyusunan STPP merupakan pelaksanaan kewajiban Pemerintah Kabupaten Lembah Sari menjamin pelayanan "
        "dasar air minum"
    )
    assert paras[i + 2] == (
        "2.\tKoridor hukum kerja sama antar-instansi terkait pengembangan penyusunan STPP"
    )
    assert paras[i + 3].endswith("sedangkan kebijakan tarif dan penyertaan modal dibahas bersama DPRD sesuai "
                                 "dengan kewenangannya.")
    assert "  " not in paras[i + 1]  # the folded YAML text comes out as one clean paragraph


def test_status_of_every_regulation_with_source_and_confidence(docx_path: Path) -> None:
    table = body_tables(docx_path)[2]
    rows = table_rows(table)
    assert rows[0] == ["No", "Peraturan dan Relevansinya bagi STPP", "Status dan Catatan bagi Perancang"]
    assert len(rows) == 1 + 13
    by_start = {r[1].split(" tentang ")[0]: r for r in rows[1:]}
    uu25 = by_start["Undang-Undang Nomor 25 Tahun 2009"]
    assert uu25[2] == (
        "Berlaku\nSumber: naskah UU 25/2009. Keyakinan: C, terkonfirmasi dari naskah peraturan itu sendiri."
    )
    assert "\nMewajibkan penyelenggara menyusun standar pelayanan" in uu25[1]
    assert "\n-\tPasal 36: sarana pengaduan dan pengelolaan pengaduan\n" in uu25[1]
    uu23 = by_start["Undang-Undang Nomor 23 Tahun 2014"][2].split("\n")
    assert uu23[0] == "Berlaku dengan perubahan, diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023"
    assert uu23[2].startswith("Status Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah")
    assert uu23[2].endswith("perancang wajib memeriksa statusnya di JDIH/BPK sebelum naskah ditandatangani.")
    permenkes = by_start["Peraturan Menteri Kesehatan Nomor 2 Tahun 2023"][2].split("\n")
    assert permenkes[0] == "Berlaku (belum terkonfirmasi)"  # a U is never shown as fact
    assert permenkes[2] == "Perancang wajib memeriksa statusnya di JDIH/BPK sebelum mengutipnya."
    perda = by_start["Peraturan Daerah Kabupaten Lembah Sari Nomor 5 Tahun 2019"][2].split("\n")
    assert perda[0] == "Berlaku (menurut Pokja)"
    assert perda[1].startswith("Ditulis lengkap oleh Pokja pada berkas 2.2")
    status_run = table.rows[1].cells[2].paragraphs[0].runs[0]
    assert status_run.bold


def test_repealed_regulation_is_marked_in_the_table_and_in_the_status(view: WorkspaceView) -> None:
    data = view.topic("2.2")
    assert isinstance(data, TopikRegulasi)
    ctx = _context(
        view,
        regulasi=[*data.regulasi, EntriRegulasi(katalog="uu-32-2004", relevansi="Dasar lama pembinaan PDAM.")],
        hubungan=[
            *data.hubungan,
            HubunganKebijakan(regulasi="uu-32-2004", lembaga=["lb-pdam"], kewenangan="K.", implikasi="I."),
        ],
    )
    row = next(h for h in ctx["hubungan"] if h["peraturan"].startswith("Undang-Undang Nomor 32 Tahun 2004"))
    assert row["no"] == "1."  # a UU of 2004: first by hierarchy and date
    assert row["catatan"] == (
        "(Dicabut oleh Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Pasal 409 huruf b); "
        "lihat Bagian D.)"
    )
    status = next(r for r in ctx["regulasi"] if r["kutipan"].startswith("Undang-Undang Nomor 32 Tahun 2004"))
    assert status["status"] == "Dicabut oleh Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah " \
                               "(Pasal 409 huruf b)"
    assert status["keterangan"][1] == (
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah telah dicabut oleh Undang-Undang Nomor 23 "
        "Tahun 2014 tentang Pemerintahan Daerah (Pasal 409 huruf b); gunakan penggantinya."
    )


def test_without_rows_the_table_says_so(view: WorkspaceView, tmp_path: Path) -> None:
    ctx = _context(view, hubungan=[])
    assert ctx["hubungan"] == []
    assert all(lb["peraturan"] == [] for lb in ctx["lembaga"])
    path = tmp_path / "h.docx"
    path.write_bytes(render_docx(TEMPLATES_DIR / "hubungan-antar-kebijakan.docx", ctx))
    assert "Pokja belum mengisi baris Tabel Hubungan Antar-kebijakan pada berkas 2.2." in paragraph_texts(path)
    assert len(body_tables(path)) == 2
    assert table_rows(body_tables(path)[0])[1][3] == "—"


def test_f4_bookman_and_page_numbers(docx_path: Path) -> None:
    doc = open_docx(docx_path)
    normal = doc.styles["Normal"]
    assert normal.font.name == "Bookman Old Style" and normal.font.size is not None and normal.font.size.pt == 12
    assert doc.styles["Tabel Isi"].font.size.pt == 10
    footer = doc.sections[0].footer._element
    assert any("PAGE" in (t.text or "") for t in footer.iter(qn("w:instrText")))


def test_kota_variant(tmp_path: Path) -> None:
    ws = kota_variant(copy_example(tmp_path / "kota"))
    path = _built(ws, tmp_path / "out")
    text = all_text(path)
    assert "Peraturan Daerah Kota Lembah Sari Nomor 5 Tahun 2019" in text
    assert "Lembaran Daerah Kota Lembah Sari Tahun 2019 Nomor 5" in text
    assert "dalam pelaksanaannya di Kota Lembah Sari." in text
    assert "Peraturan Daerah Kabupaten" not in text


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=240)
    assert pdf.read_bytes().startswith(b"%PDF")
