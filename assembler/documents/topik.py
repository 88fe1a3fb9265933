"""One registry of topics: for each topic of the guide, every part siap has of it.

A topic is found here with its model (validation), its working-paper section (Kertas Kerja), its
Draft STPP section and its guide facts (``assembler/content/topik.yaml``, used by the meeting package).
``tests/documents/test_topik.py`` checks that every topic of ``assembler.topics`` has each part,
so a topic added without one of them fails the tests instead of raising KeyError in a build.
How to add a topic: ``docs/dev/topik.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from assembler.content import TopikPanduan, load_content
from assembler.documents import draft_stpp, kertas_kerja
from assembler.models.base import SiapModel
from assembler.models.registry import MODELS
from assembler.topics import TOPIK, Topik


@dataclass(frozen=True)
class BagianTopik:
    """Everything siap has of one topic."""

    topik: Topik
    model: type[SiapModel]
    kertas_kerja: kertas_kerja.TopikBuilder
    #: The topic's section of the Draft STPP; None for 5.3 and stages 6–7, which the draft does not review.
    draft_stpp: Callable[[draft_stpp.Bahan], dict[str, Any] | None] | None
    panduan: TopikPanduan


@cache
def registry() -> dict[str, BagianTopik]:
    """Topic id -> its parts, in the guide's order (KeyError names the topic that lacks a part)."""
    panduan = load_content().topik.topik
    return {
        t.id: BagianTopik(t, MODELS[t.id], kertas_kerja.BUILDERS[t.id], draft_stpp.BAGIAN.get(t.id), panduan[t.id])
        for t in TOPIK
    }
