"""Issue 11, facts entered once: the whole package follows one typed value, and names come from stpp.yaml.

Each test builds a whole package and reads every document back the way a drafter would grep it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assembler.build import build
from assembler.content import load_content
from assembler.validate import validate_workspace
from tests.conftest import CONTOH, replace_in
from tests.helpers.docx_content import all_text
from tests.helpers.example import copy_example, kota_variant

#: kg-1.1 (DMA master plan, PDAM RKAP, 2026 only) in fixtures/contoh/5.1-skema-tindakan.yaml.
KG11 = "                2026: 350_000_000\n"

#: Every amount derived from kg-1.1's cost, before and after it rises by Rp10.000.000.
TURUNAN = {
    "7.025.000.000": "7.035.000.000",  # grand total (every budget summary)
    "tujuh miliar dua puluh lima juta": "tujuh miliar tiga puluh lima juta",  # the same total in words
    "3.700.000.000": "3.710.000.000",  # Keluaran 1.1.1
    "2.200.000.000": "2.210.000.000",  # PDAM (RKAP)
    "4.105.000.000": "4.115.000.000",  # Tahun Anggaran 2026
    "5.925.000.000": "5.935.000.000",  # aspek teknis
    "2.110.000.000": "2.120.000.000",  # kegiatan yang dapat langsung dilaksanakan (5.2 pemilahan)
}


def _package(workspace: Path, out: Path) -> dict[str, str]:
    """Every document of a fresh build of ``workspace``: file name -> all its text."""
    report = build(workspace, out)
    assert report.built
    return {d.file: all_text(out / d.file) for d in report.built}


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _package(CONTOH, tmp_path_factory.mktemp("asli") / "out")


def test_example_has_no_consistency_finding() -> None:
    result = validate_workspace(CONTOH)
    assert result.ok
    assert [p.render() for p in result.problems] == []


def test_one_activity_cost_changes_every_derived_amount(asli: dict[str, str], tmp_path: Path) -> None:
    ws = copy_example(tmp_path / "ws")
    replace_in(ws / "5.1-skema-tindakan.yaml", KG11, KG11.replace("350_000_000", "360_000_000"))
    baru = _package(ws, tmp_path / "out")
    assert baru.keys() == asli.keys()
    for lama, kini in TURUNAN.items():
        assert any(lama in t for t in asli.values()), f"{lama} is not derived in the example package"
        stale = sorted(f for f, t in baru.items() if lama in t)
        assert stale == [], f"{lama} still printed after the change in {stale}"
        assert sorted(f for f, t in baru.items() if kini in t) == sorted(f for f, t in asli.items() if lama in t)


def test_a_cost_typed_twice_stops_the_build(tmp_path: Path) -> None:
    """kg-3.2's cost is also 4.4's programme costs (pp-01 + pp-03): changing one alone is an error."""
    ws = copy_example(tmp_path / "ws")
    kg32 = "                2026: 120_000_000\n"
    replace_in(ws / "5.1-skema-tindakan.yaml", kg32, kg32.replace("120", "130"))
    result = validate_workspace(ws)
    assert not result.ok
    assert [p.code for p in result.errors] == ["konsistensi.biaya_personil"]


#: 'Bupati' or 'Kabupaten' as a word; 'Kabupaten/Kota' names both kinds of region (budget nomenclature).
_KABUPATEN = re.compile(r"\b(Bupati|BUPATI|Kabupaten|KABUPATEN)\b(?!/Kota|/KOTA)")


def test_kota_package_never_says_bupati_outside_regulation_titles(tmp_path: Path) -> None:
    ws = kota_variant(copy_example(tmp_path / "kota"))
    # Longest first, so that a title containing a shorter one is removed whole.
    titles = sorted((r.tentang for r in load_content().regulasi.regulasi if r.tentang), key=len, reverse=True)
    found: dict[str, list[str]] = {}
    for name, text in _package(ws, tmp_path / "out").items():
        for title in titles:
            text = text.replace(title, "").replace(title.upper(), "")
        hits = [text[max(0, m.start() - 40) : m.end() + 20] for m in _KABUPATEN.finditer(text)]
        if hits:
            found[name] = hits
    assert found == {}
