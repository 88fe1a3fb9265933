"""docs/dev/templates.md names every key each template receives (the contract a template author edits against)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assembler.analysis.analisis import analyse
from assembler.documents.builders import builder_for
from assembler.documents.draft_stpp.rancangan import kunci_bagian
from assembler.documents.registry import DOKUMEN, TOPIK_DRAFT
from assembler.facade import check
from assembler.topics import TOPIK
from tests.conftest import CONTOH

DOC = Path(__file__).resolve().parents[1] / "docs" / "dev" / "templates.md"


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### ", text, flags=re.M)[1:]
    return {p.split("\n", 1)[0]: p for p in parts}


def _documented(section: str) -> set[str]:
    keys: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first = line.split("|")[1]
            keys |= set(re.findall(r"`([a-z_0-9]+)`", first))
    return keys


REGION = {k for k in re.findall(r"`([a-z_]+)`", _sections()["Region keys (`documents/common.region_context`)"])}


def _draft_section(template: str = "draft-stpp.docx") -> str:
    """The section another one builds on ("Region keys, the Draft STPP's keys, and:")."""
    return next(s for title, s in _sections().items() if title.startswith(f"`{template}`"))


def _contexts() -> dict[str, set[str]]:
    report = check(CONTOH)
    view = report.result.view()
    analisis = analyse(view)
    statuses = {s.dokumen.id: s for s in report.documents}
    out: dict[str, set[str]] = {}
    for dokumen in DOKUMEN:
        builder = builder_for(dokumen.id)
        if builder is None or not statuses[dokumen.id].buildable or dokumen.template in out:
            continue
        out[dokumen.template] = set(builder(view, analisis, dokumen))
    return out


CONTEXTS = _contexts()


@pytest.mark.parametrize("template", sorted(CONTEXTS))
def test_every_context_key_is_documented(template: str) -> None:
    section = next((s for title, s in _sections().items() if title.startswith(f"`{template}`")), None)
    assert section is not None, f"docs/dev/templates.md has no section for {template}"
    documented = _documented(section)
    if "Region keys" in section:
        documented |= REGION
    if "`t11` … `t72`" in section:
        documented |= {kunci_bagian(t.id) for t in TOPIK}
    if "`t11` … `t52`" in section or "the Draft STPP's keys" in section or "the agreed STPP's keys" in section:
        documented |= {kunci_bagian(t) for t in TOPIK_DRAFT} | _documented(_draft_section())
    if "the agreed STPP's keys" in section:
        documented |= _documented(_draft_section("stpp.docx"))
    assert sorted(CONTEXTS[template] - documented) == []


def test_every_shipped_template_is_checked_against_its_section() -> None:
    """Issue 10: the contract of EVERY template. A template no document of the example builds would
    escape the test above, so the shipped folder and the checked contexts must be the same set."""
    from assembler.resources import TEMPLATES_DIR

    shipped = sorted(p.name for p in TEMPLATES_DIR.iterdir() if p.suffix == ".docx")
    assert shipped == sorted(CONTEXTS)
    assert [t for t in shipped if not any(title.startswith(f"`{t}`") for title in _sections())] == []


@pytest.mark.parametrize("template", sorted(CONTEXTS))
def test_no_documented_key_is_gone_from_the_context(template: str) -> None:
    """The other direction: a key the section lists that the context no longer gives would mislead an author."""
    section = next(s for title, s in _sections().items() if title.startswith(f"`{template}`"))
    assert sorted(_documented(section) - CONTEXTS[template]) == []
