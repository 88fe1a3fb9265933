"""Every topic of the guide has every part siap needs of it (documents/topik.py is the registry)."""

from __future__ import annotations

import zipfile

from assembler.content import load_content
from assembler.documents import draft_stpp, kertas_kerja
from assembler.documents.topik import registry
from assembler.models.registry import MODELS
from assembler.resources import TEMPLATES_DIR
from assembler.topics import TOPIK

IDS = [t.id for t in TOPIK]


def test_every_topic_has_a_model_a_working_paper_section_a_draft_section_and_guide_facts() -> None:
    assert list(MODELS) == IDS
    assert list(kertas_kerja.BUILDERS) == IDS
    # The Draft STPP reviews 1.1–5.2 only: the agreement and stages 6–7 have no section in it.
    assert list(draft_stpp.BAGIAN) == [t for t in IDS if t in draft_stpp.TOPIK_DRAFT]
    assert tuple(IDS[: IDS.index("5.2") + 1]) == draft_stpp.TOPIK_DRAFT
    assert sorted(load_content().topik.topik) == sorted(IDS)
    parts = registry()
    assert list(parts) == IDS
    for topik_id, bagian in parts.items():
        assert bagian.topik.id == topik_id
        assert bagian.panduan is load_content().topik.topik[topik_id]


def test_the_draft_stpp_template_has_a_place_for_every_topic_it_reviews() -> None:
    with zipfile.ZipFile(TEMPLATES_DIR / "draft-stpp.docx") as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    missing = [
        t
        for t in draft_stpp.TOPIK_DRAFT
        if f"if {draft_stpp.kunci_bagian(t)} " not in xml and f"if {draft_stpp.kunci_bagian(t)}%" not in xml
    ]
    assert missing == []
