"""The Kepala Daerah's instrument adopting the agreed STPP, the STPP as its Lampiran (Keputusan or Peraturan)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assembler.documents.catatan_perancang import catatan_dokumen
from assembler.facade import check
from tests.conftest import CONTOH, replace_in
from tests.helpers.docx_content import all_text, normalized, paragraph_texts
from tests.helpers.example import build_docs, copy_example

DOC_ID = "penetapan-stpp"


@pytest.fixture(scope="module")
def perbup_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = copy_example(tmp_path_factory.mktemp("perbup") / "contoh")
    replace_in(ws / "stpp.yaml", "opsi:\n", "opsi:\n  bentuk_penetapan_stpp: peraturan\n")
    return build_docs(ws, ws.parent / "out", [DOC_ID])[DOC_ID]


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_golden_peraturan(perbup_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(perbup_path))


def test_keputusan_by_default(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paras[:4] == [
        "KEPUTUSAN BUPATI LEMBAH SARI",
        "NOMOR … TAHUN 2026",
        "TENTANG",
        "PENETAPAN SKEMA TINDAKAN PENINGKATAN PELAYANAN PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI "
        "KABUPATEN LEMBAH SARI TAHUN 2026",
    ]
    text = all_text(docx_path)
    # Menimbang letters and the closing reference are computed; the agreement's date is the 5.3 meeting's.
    assert "pada tanggal 12 Mei 2026;" in text
    assert ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
            "Keputusan Bupati tentang Penetapan Skema Tindakan Peningkatan Pelayanan Perusahaan Umum Daerah Air "
            "Minum Tirta Lestari Kabupaten Lembah Sari Tahun 2026;") in text
    assert "STPP sebagaimana dimaksud dalam Diktum KESATU menjadi pedoman" in text
    assert "Keputusan ini mulai berlaku pada tanggal ditetapkan." in text
    assert not any(p.startswith("Pasal ") for p in paras)
    # The Lampiran is the agreed STPP, with the agreement's chapter; no stage 6 or 7.
    assert paras.index("LAMPIRAN") < paras.index("BAB I PERSIAPAN DAN PENGENALAN") < paras.index(
        "BAB VI HASIL KESEPAKATAN") < paras.index("BAB VII PENUTUP")
    assert "Tim Perumus diketuai" not in text and "Bagan Bawang" not in text
    assert paras[-2:] == ["BUPATI LEMBAH SARI,", "HENDRA WIJAYAKUSUMA"]


def test_peraturan_on_request(perbup_path: Path) -> None:
    paras = paragraph_texts(perbup_path)
    assert paras[0] == "PERATURAN BUPATI LEMBAH SARI"
    assert paras[3] == ("SKEMA TINDAKAN PENINGKATAN PELAYANAN PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI "
                        "KABUPATEN LEMBAH SARI TAHUN 2026")
    assert [p for p in paras if p.startswith("Pasal ")] == ["Pasal 1", "Pasal 2", "Pasal 3"]
    assert "STPP sebagaimana dimaksud dalam Pasal 1 menjadi pedoman bagi" in all_text(perbup_path)
    assert "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan." in paras
    assert "BERITA DAERAH KABUPATEN LEMBAH SARI TAHUN 2026 NOMOR …" in paras
    assert not any(p.startswith(("KESATU", "KEDUA")) for p in paras)


def test_open_choices_go_to_the_drafters_notes(view: Any) -> None:
    notes = catatan_dokumen(view, DOC_ID)
    assert notes is not None
    assert any(n.teks.startswith("Bentuk naskah penetapan STPP: keputusan") for n in notes)


def test_listed_by_check() -> None:
    status = {d.dokumen.id: d for d in check(CONTOH).documents}
    assert status[DOC_ID].buildable and status["stpp"].buildable
