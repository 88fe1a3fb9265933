"""Draft inter-agency agreements from 5.3: parties, scope, duties per party, duration, funding, signatures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assembler.documents import kerja_sama
from assembler.documents.registry import BY_ID, file_name
from assembler.workspace_view import WorkspaceView
from tests.helpers.analysis import with_analysis
from tests.helpers.docx_content import normalized, paragraph_texts

DOC_ID = "kerja-sama-antar-instansi"


def test_golden(docx_path: Path, data_regression: Any) -> None:
    data_regression.check(normalized(docx_path))


def test_file_name_after_existing_documents() -> None:
    assert file_name(BY_ID[DOC_ID]) == "39-kerja-sama-antar-instansi.docx"


def test_one_agreement_per_5_3_entry_with_its_form(view: WorkspaceView) -> None:
    docs = kerja_sama.context(*with_analysis(view), BY_ID[DOC_ID])["dokumen"]
    assert [d["bentuk"] for d in docs] == ["PERJANJIAN KERJA SAMA", "KESEPAKATAN BERSAMA"]
    assert docs[0]["subjek"] == "REHABILITASI JARINGAN DISTRIBUSI ZONA 3"
    assert docs[0]["pihak"][0]["teks"] == (
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari, dalam hal ini bertindak untuk dan "
        "atas nama Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lembah Sari, yang selanjutnya disebut PIHAK "
        "KESATU;"
    )


def test_pasal_numbered_with_duties_per_party_duration_and_funding(view: WorkspaceView) -> None:
    doc = kerja_sama.context(*with_analysis(view), BY_ID[DOC_ID])["dokumen"][0]
    assert [(p["nomor"], p["judul"]) for p in doc["pasal"]] == [
        ("Pasal 1", "MAKSUD DAN TUJUAN"),
        ("Pasal 2", "RUANG LINGKUP"),
        ("Pasal 3", "HAK DAN KEWAJIBAN"),
        ("Pasal 4", "JANGKA WAKTU"),
        ("Pasal 5", "PEMBIAYAAN"),
        ("Pasal 6", "PENYELESAIAN PERSELISIHAN"),
        ("Pasal 7", "PENUTUP"),
    ]
    hak = doc["pasal"][2]["ayat"]
    assert [a["teks"] for a in hak] == [
        "PIHAK KESATU berhak:",
        "PIHAK KESATU berkewajiban:",
        "PIHAK KEDUA berhak:",
        "PIHAK KEDUA berkewajiban:",
    ]
    assert [x["teks"] for x in hak[1]["butir"]] == [
        "menyusun DED dan melaksanakan rehabilitasi pipa distribusi zona 3; dan",
        "menyerahkan aset hasil pekerjaan kepada Pemerintah Kabupaten untuk dikelola Perumda Air Minum Tirta Lestari.",
    ]
    assert doc["pasal"][3]["ayat"][0]["teks"] == (
        "Perjanjian Kerja Sama ini berlaku selama 2 (dua) tahun sejak tanggal ditandatangani."
    )


def test_signatures_pihak_kedua_left_pihak_kesatu_right(docx_path: Path) -> None:
    from docx.table import Table

    from tests.helpers.docx_content import blocks, open_docx

    assert paragraph_texts(docx_path)[0] == "PERJANJIAN KERJA SAMA"
    tables = [b for b in blocks(open_docx(docx_path)) if isinstance(b, Table)]
    assert len(tables) == 2  # one signature table per agreement
    first = tables[0].rows[0].cells
    assert first[0].paragraphs[0].text == "PIHAK KEDUA," and first[1].paragraphs[0].text == "PIHAK KESATU,"
    assert first[1].paragraphs[1].text.startswith("KEPALA DINAS PEKERJAAN UMUM")
