"""Citizen Charter (Topik 5.2): the pledge, the 14 components of UU 25/2009 Pasal 21, promises, channels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.table import Table

from assembler.content import KOMPONEN_KEYS, load_content
from assembler.documents import citizen_charter
from assembler.models.tahap5 import Durasi, StandarPelayanan
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
    table_rows,
)
from tests.helpers.example import build_docs, copy_example, kota_variant
from tests.helpers.libreoffice import convert, needs_soffice

DOC_ID = "citizen-charter"


def _built(workspace: Path, out: Path) -> Path:
    return build_docs(workspace, out, [DOC_ID])[DOC_ID]


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_no_template_tags_left(docx_path: Path) -> None:
    text = all_text(docx_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text


def test_f4_portrait(docx_path: Path) -> None:
    assert sections(open_docx(docx_path)) == [{"lebar_mm": 215, "tinggi_mm": 330, "orientasi": "tegak"}]


def test_parts_in_order(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    expected = [
        "MAKLUMAT PELAYANAN",
        "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
        "ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan "
        "perundang-undangan yang berlaku.",
        "Sarimulya, 8 April 2026",
        "STANDAR PELAYANAN",
        "1.\tPemasangan Sambungan Baru",
        "2.\tPenanganan Pengaduan Pelanggan",
        "KOMITMEN WAKTU PELAYANAN",
        "SALURAN PENGADUAN",
        "HAK DAN KEWAJIBAN PELANGGAN",
        "Hak Pelanggan",
        "Kewajiban Pelanggan",
        "KOMPENSASI DAN SANKSI",
    ]
    pos = -1
    for item in expected:
        pos = paras.index(item, pos + 1)


def test_signatories_side_by_side_names_on_one_row(tables: list[Table]) -> None:
    rows = table_rows(tables[0])
    assert rows == [
        ["DIREKTUR UTAMA PERUMDA AIR MINUM TIRTA LESTARI,", "Mengetahui,\nBUPATI LEMBAH SARI,",
         "Mewakili Pelanggan,\nKETUA FORUM PELANGGAN TIRTA LESTARI,"],
        ["Ir. BAMBANG SUTRISNO, M.T.", "HENDRA WIJAYAKUSUMA", "SUPARMAN"],
    ]


def test_fourteen_components_in_order_for_each_service(tables: list[Table]) -> None:
    content = load_content().standar_pelayanan
    names = [k.nama for g in ("penyampaian", "pengelolaan") for _, k in content.per_kelompok(g)]  # type: ignore[arg-type]
    assert len(names) == 14
    for table in tables[1:3]:
        rows = table_rows(table)
        assert rows[0] == ["No", "Komponen", "Uraian"]
        assert header_rows_repeat(table)[:2] == [True, False]
        groups = [r[0] for r in rows if len(r) == 1]
        assert groups == [
            "A. Komponen Standar Pelayanan yang Terkait dengan Proses Penyampaian Pelayanan (Service Delivery)",
            "B. Komponen Standar Pelayanan yang Terkait dengan Proses Pengelolaan Pelayanan di Internal "
            "Organisasi (Manufacturing)",
        ]
        components = [r for r in rows[1:] if len(r) == 3]
        assert [r[1] for r in components] == names
        assert [r[0] for r in components] == [f"{i}." for i in range(1, 7)] + [f"{i}." for i in range(1, 9)]
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_component_texts(tables: list[Table]) -> None:
    by_name = {r[1]: r[2] for r in table_rows(tables[1]) if len(r) == 3}
    assert by_name["Persyaratan"].split("\n") == [
        "1.\tFotokopi Kartu Tanda Penduduk pemohon;",
        "2.\tFotokopi Kartu Keluarga;",
        "3.\tDenah lokasi rumah yang akan dipasang sambungan;",
        "4.\tSurat pernyataan kesanggupan mematuhi ketentuan berlangganan bermeterai.",
    ]
    assert by_name["Jangka Waktu Pelayanan"] == "5 (lima) hari kerja."
    assert by_name["Biaya/Tarif"].split("\n") == [
        "a.\tSambungan rumah pipa dinas diameter ½ inci sampai 8 meter: Rp1.250.000 (satu juta dua ratus lima "
        "puluh ribu rupiah);",
        "b.\tKelebihan panjang pipa dinas per meter: Rp45.000 (empat puluh lima ribu rupiah), dihitung "
        "berdasarkan hasil survei lokasi.",
    ]
    assert by_name["Jumlah Pelaksana"].split("\n")[-1] == "Jumlah seluruhnya 15 (lima belas) orang."
    # The two fields whose model names differ from the content keys are printed under the right names.
    assert by_name["Jaminan Keamanan dan Keselamatan Pelayanan"].startswith("Pemasangan dilakukan oleh petugas")
    assert by_name["Evaluasi Kinerja Pelaksana"].startswith("Evaluasi dilaksanakan setiap triwulan")
    tarif = {r[1]: r[2] for r in table_rows(tables[2]) if len(r) == 3}["Biaya/Tarif"]
    assert tarif == "Penanganan pengaduan: tidak dipungut biaya."


def test_component_map_covers_every_key_and_field() -> None:
    assert tuple(citizen_charter.KOMPONEN_FIELD) == KOMPONEN_KEYS
    fields = set(StandarPelayanan.model_fields) - {"id", "nama_layanan"}
    assert set(citizen_charter.KOMPONEN_FIELD.values()) == fields


def test_commitments_have_measurable_times(tables: list[Table]) -> None:
    rows = table_rows(tables[3])
    assert rows[0] == ["No", "Layanan", "Janji Layanan", "Waktu/Ukuran"]
    assert rows[1] == ["1.", "Pemasangan Sambungan Baru",
                       "Sambungan baru terpasang sejak persyaratan lengkap dan biaya dibayar paling lama",
                       "5 (lima) hari kerja"]
    assert rows[4][1:] == ["Seluruh layanan", "Kebocoran pipa distribusi yang dilaporkan ditangani paling lama",
                           "24 (dua puluh empat) jam"]


def test_complaint_channels_rights_and_compensation(tables: list[Table], docx_path: Path) -> None:
    rows = table_rows(tables[4])
    assert rows[0] == ["No", "Saluran", "Alamat/Kontak", "Waktu Layanan"]
    assert rows[4] == ["4.", "SP4N-LAPOR!", "https://www.lapor.go.id", "24 jam"]
    paras = paragraph_texts(docx_path)
    assert "1.\tMendapatkan air minum yang memenuhi syarat kualitas, kuantitas dan kontinuitas;" in paras
    assert "4.\tMelaporkan kebocoran pipa yang diketahui." in paras
    kompensasi = table_rows(tables[5])
    assert kompensasi[0] == ["No", "Berlaku bagi", "Keadaan", "Bentuk Kompensasi/Sanksi"]
    assert kompensasi[1][1] == "Perumda Air Minum Tirta Lestari (kompensasi)"
    assert kompensasi[3][1] == "Pelanggan (sanksi)"


def test_helpers() -> None:
    assert citizen_charter.nama_kapital("Ir. Bambang Sutrisno, M.T.") == "Ir. BAMBANG SUTRISNO, M.T."
    assert citizen_charter.nama_kapital("dr. Yuliana Kartikasari, M.Kes.") == "dr. YULIANA KARTIKASARI, M.Kes."
    assert citizen_charter.durasi(Durasi(nilai=24, satuan="jam")) == "24 (dua puluh empat) jam"
    assert citizen_charter.durasi(Durasi(nilai=1.5, satuan="jam")) == "1,5 jam"


def test_without_compensation_the_section_is_left_out(view: WorkspaceView) -> None:
    charter = view.topic("5.2")
    topics = dict(view.topics)
    topics["5.2"] = charter.model_copy(update={"sanksi_kompensasi": []})
    from assembler.documents.registry import BY_ID
    from assembler.render import render_docx
    from assembler.resources import TEMPLATES_DIR

    ctx = citizen_charter.context(*with_analysis(WorkspaceView(view.stpp, topics, view.content)), BY_ID[DOC_ID])
    data = render_docx(TEMPLATES_DIR / "citizen-charter.docx", ctx)
    assert "KOMPENSASI DAN SANKSI" not in all_text(data)
    assert len([b for b in blocks(open_docx(data)) if isinstance(b, Table)]) == 5


@pytest.fixture(scope="module")
def kota(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Kota whose 5.2 names the Walikota; one commitment carries markup characters."""
    ws = kota_variant(copy_example(tmp_path_factory.mktemp("cc-kota") / "contoh"))
    path = ws / "5.2-citizen-charter.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Bupati", "Walikota"), encoding="utf-8")
    replace_in(path, "uraian: Pengaduan pelanggan ditanggapi paling lama",
               'uraian: "Pengaduan <SMS & WhatsApp> ditanggapi \\"segera\\" paling lama"')
    return _built(ws, ws / "keluaran")


def test_kota_variant_and_markup_survive(kota: Path) -> None:
    text = all_text(kota)
    assert "WALIKOTA LEMBAH SARI," in text and "BUPATI" not in text.upper()
    rows = table_rows([b for b in blocks(open_docx(kota)) if isinstance(b, Table)][3])
    assert rows[2][2] == 'Pengaduan <SMS & WhatsApp> ditanggapi "segera" paling lama'
    assert "KOMPENSASI DAN SANKSI" in text  # nothing after the markup was lost


@needs_soffice
def test_libreoffice_converts(docx_path: Path, tmp_path: Path) -> None:
    [pdf] = convert([docx_path], tmp_path, timeout=240)
    assert pdf.read_bytes().startswith(b"%PDF")
