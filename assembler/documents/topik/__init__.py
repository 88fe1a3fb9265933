"""One registry of topics: for each topic of the guide, every part siap has of it.

A topic's code lives in one module, ``tNM.py`` beside this file: its working-paper section (Kertas
Kerja), bound to the model of its file, and its Draft STPP section (``draft_stpp(bahan, data)``, or the
mark that it is outside the draft, which covers 1.1–5.2 only). Its words live in its entry of
``assembler/content/topik.yaml``: file name, title, the guide's facts for the meeting package, and its
working paper's tables and sentences (``kertas_kerja``, read by :mod:`assembler.documents.kertas_kerja.teks`);
its Draft STPP section's in ``assembler/content/draft-stpp.yaml``. The model says which topic it is
(``TOPIK_ID``).
``tests/documents/test_topik.py`` checks that every topic of ``assembler.topics`` has each part, so a
topic added without one of them fails the tests instead of raising KeyError in a build.
How to add a topic: ``docs/dev/topik-baru.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assembler.content import TopikPanduan, load_content
from assembler.documents.registry import TOPIK_DRAFT as TOPIK_DRAFT_DOKUMEN
from assembler.documents.topik import (
    t11,
    t12,
    t21,
    t22,
    t23,
    t31,
    t32,
    t41,
    t42,
    t43,
    t44,
    t45,
    t46,
    t47,
    t51,
    t52,
    t53,
    t61,
    t62,
    t71,
    t72,
)
from assembler.documents.topik.bagian import BagianTerdaftar
from assembler.topics import BY_ID, TOPIK, Topik

#: Every topic's declaration, in the guide's order: the one list of topic modules (imported by name).
BAGIAN: tuple[BagianTerdaftar, ...] = (
    t11.BAGIAN,
    t12.BAGIAN,
    t21.BAGIAN,
    t22.BAGIAN,
    t23.BAGIAN,
    t31.BAGIAN,
    t32.BAGIAN,
    t41.BAGIAN,
    t42.BAGIAN,
    t43.BAGIAN,
    t44.BAGIAN,
    t45.BAGIAN,
    t46.BAGIAN,
    t47.BAGIAN,
    t51.BAGIAN,
    t52.BAGIAN,
    t53.BAGIAN,
    t61.BAGIAN,
    t62.BAGIAN,
    t71.BAGIAN,
    t72.BAGIAN,
)


@dataclass(frozen=True)
class BagianTopik:
    """Everything siap has of one topic: what it is, its code, and the guide's facts."""

    topik: Topik
    bagian: BagianTerdaftar
    panduan: TopikPanduan


@cache
def registry() -> dict[str, BagianTopik]:
    """Topic id -> its parts, in the guide's order (KeyError names a declared topic unknown to topik.yaml)."""
    panduan = load_content().topik.topik
    return {b.id: BagianTopik(BY_ID[b.id], b, panduan[b.id]) for b in BAGIAN}


def bagian(topik_id: str) -> BagianTerdaftar:
    """The code of topic ``topik_id``."""
    return _by_id()[topik_id]


@cache
def _by_id() -> dict[str, BagianTerdaftar]:
    return {b.id: b for b in BAGIAN}


def _topik_draft() -> tuple[str, ...]:
    """The topics whose declaration has a Draft STPP section, in the guide's order; checked against the guide.

    The draft is what the 5.3 meeting agrees on, so its topics are every topic up to 5.2 and no other.
    The document table (``documents/registry.py``) states the same rule over ``topik.yaml`` for ``siap
    check``, which must not import the topics' code (it would cost ``siap check`` about 0.13 s); the
    declarations must say the same, or siap refuses to start.
    """
    by_id = _by_id()
    draft = tuple(t.id for t in TOPIK if t.id in by_id and by_id[t.id].di_draft)
    ids = [t.id for t in TOPIK]
    guide = tuple(ids[: ids.index("5.2") + 1])
    if draft != guide or draft != TOPIK_DRAFT_DOKUMEN:
        raise RuntimeError(
            f"Draft STPP: topik dengan bagian draft {list(draft)}, menurut panduan {list(guide)}, "
            f"menurut daftar naskah {list(TOPIK_DRAFT_DOKUMEN)}"
        )
    return draft


#: The topics the Draft STPP reviews, read from the declarations (those with a draft section), in order.
TOPIK_DRAFT: tuple[str, ...] = _topik_draft()
