"""The pictures the guide relies on are in the documents that should carry them, as real images."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.build import build
from tests.conftest import CONTOH
from tests.helpers.docx_content import all_text, open_docx

EXPECTED = {
    # document id: captions that must appear under an inline picture
    "sk-pokja": ["Gambar Struktur Organisasi Pokja"],
    "kertas-kerja-tahap-1": ["Gambar 1.1 Struktur Organisasi Pokja"],
    "kertas-kerja-tahap-2": ["Gambar 2.1 Grafik Kesenjangan Target dan Realisasi Indikator"],
    "kertas-kerja-tahap-3": ["Gambar 3.1 Diagram Alur Pelayanan dan Akar Masalah"],
    "kertas-kerja-tahap-4": [
        "Gambar 4.1 Bagan Alir Prosedur Pemasangan Sambungan Baru",
        "Gambar 4.2 Bagan Alir Prosedur Penanganan Pengaduan Pelanggan",
    ],
    "kertas-kerja-tahap-7": ["Gambar 7.1 Bagan Bawang Kegiatan"],
    # The pictures of the stages the draft reviews (1.1–5.2); the Bagan Bawang (7.2) is not among them.
    "draft-stpp": [
        "Gambar 1.1 Struktur Organisasi Pokja",
        "Gambar 2.1 Grafik Kesenjangan Target dan Realisasi Indikator",
        "Gambar 3.1 Diagram Alur Pelayanan dan Akar Masalah",
        "Gambar 4.1 Bagan Alir Prosedur Pemasangan Sambungan Baru",
        "Gambar 4.2 Bagan Alir Prosedur Penanganan Pengaduan Pelanggan",
    ],
    "stpp": [
        "Gambar 1.1 Struktur Organisasi Pokja",
        "Gambar 2.1 Grafik Kesenjangan Target dan Realisasi Indikator",
        "Gambar 3.1 Diagram Alur Pelayanan dan Akar Masalah",
        "Gambar 4.1 Bagan Alir Prosedur Pemasangan Sambungan Baru",
        "Gambar 4.2 Bagan Alir Prosedur Penanganan Pengaduan Pelanggan",
    ],
    "best-practice": ["Gambar 2.1 Bagan Bawang Kegiatan"],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    result = build(CONTOH, tmp_path_factory.mktemp("gambar") / "out", only=list(EXPECTED))
    return {d.id: d.data for d in result.built}


@pytest.mark.parametrize("doc_id", list(EXPECTED))
def test_pictures_are_inline_images_with_their_captions(built: dict[str, bytes], doc_id: str) -> None:
    doc = open_docx(built[doc_id])
    assert len(doc.inline_shapes) == len(EXPECTED[doc_id])
    text = all_text(built[doc_id])
    for caption in EXPECTED[doc_id]:
        assert caption in text
    for shape in doc.inline_shapes:
        assert 40 < shape.width.mm <= 160.5  # fits the text width of a portrait F4 page


def test_documents_without_pictures_have_none(tmp_path: Path) -> None:
    result = build(CONTOH, tmp_path / "out", only=["citizen-charter", "hubungan-antar-kebijakan"])
    for doc in result.built:
        assert len(open_docx(doc.data).inline_shapes) == 0


def test_pictures_are_deterministic(tmp_path: Path) -> None:
    from assembler.pictures import common

    a = build(CONTOH, tmp_path / "a", only=["kertas-kerja-tahap-4", "draft-stpp"])
    common._MEMO.clear()  # the second build draws every picture again
    b = build(CONTOH, tmp_path / "b", only=["kertas-kerja-tahap-4", "draft-stpp"])
    assert [d.data for d in a.built] == [d.data for d in b.built]
