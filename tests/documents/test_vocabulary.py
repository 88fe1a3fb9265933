"""One vocabulary across the package: the same element reads the same in every document, no code leaks.

These tests read the built .docx files back, the way a reader of the DPRD print file would.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import CONTOH
from tests.helpers.docx_content import all_text
from tests.helpers.example import build_example

OFFICIAL = [
    "sk-pokja",
    "hubungan-antar-kebijakan",
    "smart-logframe",
    "citizen-charter",
    "juklak-juknis",
    "best-practice",
    "draft-stpp",
    "berita-acara-kesepakatan",
]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_example(tmp_path_factory, [*OFFICIAL, "kertas-kerja-tahap-2", "kertas-kerja-tahap-5"])


def _ids(node: object) -> set[str]:
    """Every ``id:`` value of a workspace file."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                found.add(value)
            found |= _ids(value)
    elif isinstance(node, list):
        for item in node:
            found |= _ids(item)
    return found


def workspace_ids(workspace: Path = CONTOH) -> set[str]:
    """The codes of the workspace: ids with a hyphen or a digit ('kl-1', 'm-kabid-teknik').

    A one-word id ('biaya', 'urgensi') is also an ordinary word of the text, so it cannot be told apart.
    """
    ids: set[str] = set()
    for path in sorted(workspace.glob("*.yaml")):
        ids |= _ids(yaml.safe_load(path.read_text(encoding="utf-8")))
    return {i for i in ids if re.search(r"[-\d]", i)}


@pytest.mark.parametrize("doc_id", OFFICIAL)
def test_no_internal_id_in_an_official_draft(package: dict[str, Path], doc_id: str) -> None:
    """A code such as 'kl-1' or 'm-kabid-teknik' links the working files; a signed draft never shows it."""
    text = all_text(package[doc_id])
    leaked = sorted(i for i in workspace_ids() if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))
    assert leaked == []


def test_first_output_has_one_number_and_name_everywhere(package: dict[str, Path]) -> None:
    """The first Keluaran of 5.1 is cited with the Smart Logframe's number in every part of the print file."""
    skema = yaml.safe_load((CONTOH / "5.1-skema-tindakan.yaml").read_text(encoding="utf-8"))
    rumusan = " ".join(skema["tujuan"]["sasaran"][0]["keluaran"][0]["rumusan"].split())
    judul = f"Keluaran 1.1.1: {rumusan}"
    for doc_id in ("smart-logframe", "draft-stpp", "kertas-kerja-tahap-5"):
        text = all_text(package[doc_id])
        assert judul in text, doc_id
        assert "Keluaran 1:" not in text and "Keluaran kl-1" not in text, doc_id


def test_regulation_written_out_in_2_2_reads_the_same_everywhere(package: dict[str, Path]) -> None:
    """A Perda the Pokja typed out in 2.2 has one title in every document and one status wording."""
    from assembler.documents.dasar_hukum import katalog_ruang_kerja, kutipan
    from assembler.validate import validate_workspace

    view = validate_workspace(CONTOH).view()
    katalog = katalog_ruang_kerja(view)
    regulasi = yaml.safe_load((CONTOH / "2.2-regulasi.yaml").read_text(encoding="utf-8"))["regulasi"]
    tertulis = [e["id"] for e in regulasi if not e.get("katalog")]
    assert tertulis, "the example writes out at least one regulation in 2.2"
    for kode in tertulis:
        judul, status = kutipan(katalog[kode], katalog)
        for doc_id in ("sk-pokja", "hubungan-antar-kebijakan", "juklak-juknis", "draft-stpp", "kertas-kerja-tahap-2"):
            assert judul in all_text(package[doc_id]), (doc_id, judul)
        # the documents that print a status column print the same words
        for doc_id in ("hubungan-antar-kebijakan", "draft-stpp", "kertas-kerja-tahap-2"):
            assert status in all_text(package[doc_id]), (doc_id, status)
