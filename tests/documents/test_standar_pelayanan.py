"""Keputusan Direksi adopting the Standar Pelayanan: the penyelenggara sets its own standard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx.table import Table

from assembler.documents import standar_pelayanan
from assembler.documents.registry import BY_ID, file_name
from assembler.models.tahap5 import CitizenCharter
from assembler.workspace_view import WorkspaceView
from tests.helpers.analysis import with_analysis
from tests.helpers.docx_content import all_text, blocks, normalized, open_docx, paragraph_texts

DOC_ID = "standar-pelayanan"


def _with_charter(view: WorkspaceView, **update: Any) -> WorkspaceView:
    charter = view.get(CitizenCharter)
    assert charter is not None
    topics = dict(view.topics)
    topics["5.2"] = charter.model_copy(update=update)
    return WorkspaceView(view.stpp, topics, view.content)


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_file_name_after_existing_documents() -> None:
    assert file_name(BY_ID[DOC_ID]) == "38-standar-pelayanan.docx"


def test_title_block_and_issuer_are_the_direksi(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paras[:5] == [
        "KEPUTUSAN DIREKSI PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "NOMOR …",
        "TENTANG",
        "STANDAR PELAYANAN PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "DIREKSI PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI,",
    ]
    assert "BUPATI" not in all_text(docx_path).split("LAMPIRAN")[0].replace("Kabupaten", "")


def test_diktum_ordinals_and_references(view: WorkspaceView) -> None:
    ctx = standar_pelayanan.context(*with_analysis(view), BY_ID[DOC_ID])
    assert [d["label"] for d in ctx["diktum"]] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
    assert ctx["diktum"][1]["paragraf"][0]["teks"] == (
        "Standar Pelayanan sebagaimana dimaksud dalam Diktum KESATU meliputi:"
    )
    assert [p["teks"] for p in ctx["diktum"][1]["paragraf"][1:]] == [
        "Pemasangan Sambungan Baru; dan",
        "Penanganan Pengaduan Pelanggan.",
    ]
    assert ctx["diktum"][-1]["paragraf"][0]["teks"] == "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    assert ctx["tanggal_penetapan"] == ""  # the example's standard is adopted after the plan (kg-4.1, Aug 2026)
    assert all(m["teks"].endswith(";") for m in ctx["mengingat"])


def test_lampiran_has_the_14_components_per_service(docx_path: Path) -> None:
    tables = [b for b in blocks(open_docx(docx_path)) if isinstance(b, Table) and b.rows[0].cells[0].text == "No"]
    assert len(tables) == 2
    for t in tables:
        numbered = [r.cells[0].text for r in t.rows[1:] if r.cells[0].text.endswith(".")]
        assert len(numbered) == 14


def test_maklumat_dated_before_the_adoption_is_a_warning(view: WorkspaceView) -> None:
    late = _with_charter(view, standar_ditetapkan=dt.date(2026, 9, 10))
    notes = [c.teks for c in standar_pelayanan.catatan(late)]
    assert (
        "Maklumat Pelayanan bertanggal 31 Agustus 2026, sebelum Standar Pelayanan ditetapkan (10 September 2026); ubah "
        "tanggal maklumat." in notes
    )
    charter = late.get(CitizenCharter)
    assert charter is not None
    codes = [f.code for f in charter.checks(late)]
    assert "5.2.maklumat.sebelum_standar" in codes
    assert "5.2.maklumat.sebelum_standar" not in [f.code for f in view.get(CitizenCharter).checks(view)]  # type: ignore[union-attr]


def test_compensation_without_cap_is_a_warning_and_the_cap_is_printed(view: WorkspaceView) -> None:
    charter = view.get(CitizenCharter)
    assert charter is not None
    assert not [f for f in charter.checks(view) if f.code == "5.2.kompensasi.tanpa_batas"]
    uncapped = [s.model_copy(update={"batas": ""}) for s in charter.sanksi_kompensasi]
    v = _with_charter(view, sanksi_kompensasi=uncapped)
    found = [f for f in v.get(CitizenCharter).checks(v) if f.code == "5.2.kompensasi.tanpa_batas"]  # type: ignore[union-attr]
    assert [f.loc for f in found] == [("sanksi_kompensasi", 0, "bentuk"), ("sanksi_kompensasi", 1, "bentuk")]
    assert all(f.severity == "warning" for f in found)
    from assembler.documents import citizen_charter

    ctx = citizen_charter.context(*with_analysis(view), BY_ID["citizen-charter"])
    assert ctx["kompensasi"][0]["bentuk"] == (
        "Pengurangan biaya pemasangan 10% untuk setiap hari keterlambatan; paling banyak 50% dari biaya pemasangan"
    )
