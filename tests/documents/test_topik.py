"""Every topic of the guide has every part siap needs of it (``assembler/documents/topik/`` is the registry).

A topic is one module ``documents/topik/tNM.py`` (its working-paper section, bound to its model, and its
Draft STPP section or the explicit mark that the draft does not cover it), one model naming its topic
(``TOPIK_ID``) and one entry of ``content/topik.yaml`` (file, title, guide facts): docs/dev/topik-baru.md.
"""

from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import pytest

from assembler.content import load_content
from assembler.documents.draft_stpp.bahan import BlokDraft
from assembler.documents.draft_stpp.rancangan import kunci_bagian
from assembler.documents.topik import BAGIAN, TOPIK_DRAFT, registry
from assembler.documents.topik.bagian import DI_LUAR_DRAFT
from assembler.models.registry import MODELS
from assembler.resources import TEMPLATES_DIR
from assembler.topics import TOPIK

IDS = [t.id for t in TOPIK]
#: The Draft STPP is what the 5.3 meeting agrees on: Tahap 1.1 to 5.2, read from the declarations (``TOPIK_DRAFT``).
DALAM_DRAFT = list(TOPIK_DRAFT)
TOPIK_DIR = Path(__file__).resolve().parents[2] / "assembler" / "documents" / "topik"


def test_the_topic_list_is_the_guides_21_topics_in_order() -> None:
    """The list comes from content/topik.yaml; the user's file names are the contract's."""
    assert IDS == [
        "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7",
        "5.1", "5.2", "5.3", "6.1", "6.2", "7.1", "7.2",
    ]  # fmt: skip
    assert [t.file for t in TOPIK][:2] == ["1.1-stakeholder-pokja.yaml", "1.2-kalender-kerja.yaml"]
    assert TOPIK[-1].file == "7.2-dokumentasi-replikasi.yaml"
    assert all(t.tahap == int(t.id[0]) for t in TOPIK)
    assert IDS[: IDS.index("5.2") + 1] == DALAM_DRAFT


def test_the_topic_list_read_from_parser_events_is_the_whole_files() -> None:
    """``assembler.topics`` reads only ids, files and titles from libyaml's events: the same as the whole load."""
    whole = load_content().topik.topik
    assert [(t.id, t.file, t.judul) for t in TOPIK] == [(tid, t.berkas, t.judul) for tid, t in whole.items()]


@pytest.mark.parametrize("topik_id", IDS)
def test_every_topic_has_a_model_a_working_paper_section_a_draft_section_and_guide_facts(topik_id: str) -> None:
    bagian = registry()[topik_id]
    assert bagian.topik.id == topik_id
    # the model: the one that validates the topic's file, and the one its section is typed with
    assert bagian.bagian.model is MODELS[topik_id]
    assert topik_id == MODELS[topik_id].TOPIK_ID  # type: ignore[attr-defined]
    # the working-paper section
    assert callable(bagian.bagian.kertas_kerja)
    # the Draft STPP section, or the explicit mark for a topic the draft does not cover
    if topik_id in DALAM_DRAFT:
        assert bagian.bagian.draft_stpp is not DI_LUAR_DRAFT  # its own place in the template, or BlokDraft
    else:
        assert bagian.bagian.draft_stpp is DI_LUAR_DRAFT
    # the guide facts of the meeting package, and the title written once
    panduan = load_content().topik.topik[topik_id]
    assert bagian.panduan is panduan
    assert panduan.judul == bagian.topik.judul and panduan.berkas == bagian.topik.file


def test_the_registry_lists_every_topic_module_once_in_the_guides_order() -> None:
    """A ``tNM.py`` written but not imported by the registry would silently be left out of the papers."""
    assert [b.id for b in BAGIAN] == IDS
    modules = sorted(p.stem for p in TOPIK_DIR.glob("t[1-9][1-9].py"))
    assert modules == sorted("t" + t.replace(".", "") for t in IDS)
    for path in TOPIK_DIR.glob("t[1-9][1-9].py"):
        topik_id = f"{path.stem[1]}.{path.stem[2]}"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned = [n for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "BAGIAN"]
        assert len(assigned) == 1, path.name
        assert registry()[topik_id].bagian.model.__name__ in ast.unparse(assigned[0].value), path.name


def test_the_draft_stpp_template_has_a_place_for_every_topic_it_reviews() -> None:
    """A topic with a hand-made section has its guard in the template; a generic one, only the chapter's slot.

    Both templates built on the draft (``draft-stpp``, ``stpp``, and ``penetapan-stpp``'s Lampiran) have
    the generic slot of every chapter, so a topic declared ``BlokDraft(...)`` prints without a template edit.
    """
    for template in ("draft-stpp.docx", "stpp.docx", "penetapan-stpp.docx"):
        with zipfile.ZipFile(TEMPLATES_DIR / template) as zf:
            xml = zf.read("word/document.xml").decode("utf-8")
        for t in DALAM_DRAFT:
            key = kunci_bagian(t)
            own = f"if {key} " in xml or f"if {key}%" in xml
            generic = isinstance(registry()[t].bagian.draft_stpp, BlokDraft)
            assert own != generic, (template, t, own, generic)
        assert [b for b in range(1, 6) if f"for t in tambahan.b{b} " not in xml] == [], template


def test_the_draft_topics_are_read_from_the_declarations_and_must_be_1_1_to_5_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``TOPIK_DRAFT`` lists the topics whose ``Bagian`` has a draft section; breaking the rule stops siap."""
    import dataclasses

    from assembler.documents import topik

    assert topik._topik_draft() == TOPIK_DRAFT
    by_id = dict(topik._by_id())
    by_id["4.1"] = dataclasses.replace(by_id["4.1"], draft_stpp=DI_LUAR_DRAFT)
    monkeypatch.setattr(topik, "_by_id", lambda: by_id)
    with pytest.raises(RuntimeError, match=r"bagian draft \[[^]]*'3.2', '4.2'"):
        topik._topik_draft()
    by_id["4.1"] = registry()["4.1"].bagian
    by_id["5.3"] = dataclasses.replace(by_id["5.3"], draft_stpp=by_id["5.2"].draft_stpp)
    with pytest.raises(RuntimeError, match=r"'5.2', '5.3'\], menurut panduan"):
        topik._topik_draft()
