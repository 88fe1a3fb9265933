"""The agreed STPP after 5.3 and the Draft STPP's moment: built from 1.1–5.2 only, a KONSEP until 5.2 is in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from assembler.documents.registry import TOPIK_DRAFT
from assembler.facade import check
from assembler.topics import BY_ID as TOPIK_BY_ID
from assembler.topics import STPP_FILE
from tests.conftest import CONTOH
from tests.helpers.docx_content import all_text, normalized, paragraph_texts
from tests.helpers.example import build_docs

DOC_ID = "stpp"


def _workspace(target: Path, topics: tuple[str, ...]) -> Path:
    """A workspace holding ``stpp.yaml`` and only the files of ``topics`` from the example."""
    target.mkdir(parents=True)
    shutil.copy(CONTOH / STPP_FILE, target / STPP_FILE)
    for t in topics:
        shutil.copy(CONTOH / TOPIK_BY_ID[t].file, target / TOPIK_BY_ID[t].file)
    return target


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_agreed_stpp_is_the_draft_plus_the_agreement(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    assert paras[:3] == [
        "SKEMA TINDAKAN PENINGKATAN PELAYANAN",
        "PERUSAHAAN UMUM DAERAH AIR MINUM TIRTA LESTARI KABUPATEN LEMBAH SARI",
        "TAHUN 2026",
    ]
    assert (
        "Disepakati bersama Pimpinan Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari dan Bupati Lembah Sari "
        "pada tanggal 12 Mei 2026" in paras
    )
    assert paragraph_texts(docx_path, "Heading 1")[-3:] == ["BAB VI HASIL KESEPAKATAN", "BAB VII PENUTUP",
                                                            "DAFTAR LAMPIRAN"]
    bab6 = paras[paras.index("BAB VI HASIL KESEPAKATAN") : paras.index("BAB VII PENUTUP")]
    assert bab6[1].startswith("Rancangan STPP disampaikan dan dibahas dalam rapat penyepakatan pada tanggal 12 Mei "
                              "2026, pukul 09.00–12.00 WIB,")
    assert "Pimpinan DPRD (Ketua Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari)" in bab6
    assert "•\tKomisi B mengagendakan rapat dengar pendapat dengan Direksi Perumda Air Minum Tirta Lestari pada " \
           "bulan Juni 2026." in bab6
    assert "4.\tPokja mengawal pengesahan STPP dan Citizen Charter oleh Bupati paling lambat bulan Juli 2026." in bab6
    # Stages 6 and 7 stay in their own documents.
    text = all_text(docx_path)
    assert "Tim Perumus diketuai" not in text and "Bagan Bawang" not in text and "Tim Monev" not in text
    # The agreement's minutes are an annex now.
    assert paras[-1] == "5.\tBerita Acara Kesepakatan Draft STPP"


def test_agreed_change_is_printed_in_its_topic(docx_path: Path) -> None:
    paras = paragraph_texts(docx_path)
    at = paras.index("Perubahan hasil kesepakatan:")
    # In 4.6, after its tables and before 4.7.
    before = [p for p in paras[:at] if p.startswith(("4.6\t", "4.7\t"))]
    assert before == ["4.6\tRancangan Peningkatan Kapasitas Keuangan"]
    assert paras[at + 1].startswith("•\tUsulan penyesuaian tarif didahului konsultasi publik dengan Forum Pelanggan")
    assert paras[at + 2].startswith("“Penyesuaian tarif diusulkan kepada Bupati setelah konsultasi publik")


def test_draft_builds_from_1_1_to_5_2_only(tmp_path: Path) -> None:
    """The issue's check: stpp.yaml and topics 1.1–5.2 build the draft, with no agreement and no stage 6 or 7."""
    ws = _workspace(tmp_path / "ws", TOPIK_DRAFT)
    report = check(ws)
    status = {d.dokumen.id: d for d in report.documents}
    assert status["draft-stpp"].buildable and status["draft-stpp"].konsep == ()
    assert status["stpp"].waiting_for == ("5.3",) and status["penetapan-stpp"].waiting_for == ("5.3",)
    path = build_docs(ws, tmp_path / "out", ["draft-stpp"])["draft-stpp"]
    full = build_docs(CONTOH, tmp_path / "full", ["draft-stpp"])["draft-stpp"]
    # Nothing later than 5.2 was in it even when the workspace held all 21 topics.
    assert normalized(path) == normalized(full)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    [entry] = manifest["documents"]
    assert entry["id"] == "draft-stpp" and "konsep" not in entry
    assert entry["sources"] == list(TOPIK_DRAFT)


def test_konsep_before_5_2_is_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After the 3.2 session the secretariat shares the growing draft: KONSEP, each missing topic named."""
    done = tuple(t for t in TOPIK_DRAFT if t < "4")
    ws = _workspace(tmp_path / "ws", done)
    from assembler.cli import main

    assert main(["check", str(ws)]) == 0
    out = capsys.readouterr().out
    missing = "4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7, 5.1, 5.2"
    assert f"  draft-stpp                 dapat dibuat sebagai KONSEP (belum dibahas: {missing})" in out
    path = build_docs(ws, tmp_path / "out", ["draft-stpp"])["draft-stpp"]
    paras = paragraph_texts(path)
    assert "Topik 4.2 belum dibahas; bagian ini dilengkapi setelah pertemuan topik tersebut." in paras
    assert "Gambar 3.1 Diagram Alur Pelayanan dan Akar Masalah" in paras
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"][0]["konsep"] == {"belum_dibahas": missing.split(", ")}
    # Only the annexes already made are listed (the Smart Logframe and Citizen Charter need 5.x).
    annex = paras[paras.index("DAFTAR LAMPIRAN") + 2 :]
    assert [a.split("\t")[0] for a in annex] == ["1.", "2."]
