"""Foreign terms in italics (PUEBI) in the signable instruments: read back from the built documents."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from assembler import istilah
from tests.helpers.docx_content import open_docx
from tests.helpers.example import build_example

#: In package order (build_docs expects the order siap builds them in).
DOCS = [
    "sk-pokja",
    "citizen-charter",
    "juklak-juknis",
    "standar-pelayanan",
    "kerja-sama-antar-instansi",
    "penetapan-stpp",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_example(tmp_path_factory, DOCS)


def _runs(path: Path) -> list[tuple[str, bool]]:
    """Every run of the body (tables included) as (text, italic)."""
    doc = open_docx(path)
    out = []
    for r in doc.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        rpr = r.find(qn("w:rPr"))
        italic = rpr is not None and rpr.find(qn("w:i")) is not None
        out.append((text, italic))
    return out


def test_the_list_holds_the_terms_the_guide_uses() -> None:
    terms = {t.casefold() for t in istilah.daftar_istilah()}
    for t in ("citizen charter", "smart logframe", "district meter area", "non-revenue water", "good practice",
              "best practice", "corporate plan", "full cost recovery"):
        assert t in terms


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_listed_term_is_in_an_italic_run_of_its_own(built: dict[str, Path], doc_id: str) -> None:
    pattern = re.compile("|".join(re.escape(t) for t in istilah.daftar_istilah()), re.IGNORECASE)
    runs = _runs(built[doc_id])
    found = 0
    for text, italic in runs:
        if not pattern.search(text):
            continue
        if italic:
            found += 1
            continue
        # An upright run may hold a term only inside a cited regulation's title.
        for piece, miring in istilah.potong(text):
            assert not miring, f"{doc_id}: '{piece}' tegak dalam '{text}'"
    if doc_id in ("citizen-charter", "juklak-juknis", "standar-pelayanan", "penetapan-stpp"):
        assert found > 0


def test_the_example_terms_come_out_italic(built: dict[str, Path]) -> None:
    italic = {t for t, i in _runs(built["juklak-juknis"]) if i}
    assert {"non-revenue water", "District Meter Area", "Corporate Plan"} <= italic
    assert "Service Delivery" in {t for t, i in _runs(built["citizen-charter"]) if i}


def test_term_in_a_regulation_title_stays_as_the_title_has_it() -> None:
    text = ("Peraturan Menteri Contoh Nomor 1 Tahun 2020 tentang Pedoman Citizen Charter Daerah (Berita Negara "
            "Republik Indonesia Tahun 2020 Nomor 5); Citizen Charter ini")
    pieces = istilah.potong(text)
    assert [p for p, m in pieces if m] == ["Citizen Charter"]
    assert pieces[-1] == (" ini", False) and pieces[-2] == ("Citizen Charter", True)


def test_split_runs_keep_their_properties_and_the_text() -> None:
    d = docx.Document()
    p = d.add_paragraph()
    run = p.add_run("Janji dalam Citizen Charter dan good practice.")
    run.bold = True
    istilah.miringkan_tree(d.element)  # as the build runs it, on the rendered tree
    buf = io.BytesIO()
    d.save(buf)
    out = docx.Document(io.BytesIO(buf.getvalue()))
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in out.paragraphs[0].runs]
    assert runs == [("Janji dalam ", True, False), ("Citizen Charter", True, True), (" dan ", True, False),
                    ("good practice", True, True), (".", True, False)]
    assert out.paragraphs[0].text == "Janji dalam Citizen Charter dan good practice."


def test_whole_words_only() -> None:
    assert istilah.potong("monitoringnya dan pre-monitoring") == [("monitoringnya dan pre-monitoring", False)]


def test_the_tested_documents_are_the_listed_ones() -> None:
    assert set(DOCS) == istilah.DOKUMEN
