"""What a topic's Draft STPP section reads, and the shape of that section (below the topic registry).

A topic's module (``documents/topik/tNM.py``) holds its own Draft STPP section, a function of
:class:`Bahan`; the draft's assembly (:mod:`assembler.documents.draft_stpp.rancangan`) sits above the
topic registry, builds one ``Bahan`` per document and calls each section in print order. This module
imports nothing of the assembly, so a topic module may import it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from assembler.analysis.analisis import Analisis
from assembler.content import Content
from assembler.documents.draft_stpp.umum import _Penomor
from assembler.documents.lembar import Blok
from assembler.documents.nama import Nama
from assembler.models.base import SiapModel
from assembler.workspace_view import WorkspaceView

M = TypeVar("M", bound=SiapModel)


@dataclass(frozen=True)
class Bahan:
    """What the section of a topic may read: the workspace, its analysis and the document's shared state."""

    view: WorkspaceView
    analisis: Analisis
    tabel: _Penomor
    nama: Nama
    content: Content
    r: dict[str, Any]
    reg: dict[str, Any]
    pemilahan: dict[str, Any] | None


#: A topic's section with its own place in the template (key ``tNM``), from the topic's data (called only
#: when the topic is in the workspace): its context, None while an analysis it needs is missing.
BagianDraft = Callable[[Bahan, M], dict[str, Any] | None]


@dataclass(frozen=True)
class BlokDraft(Generic[M]):
    """A topic's section made of generic blocks, for a topic the template has no hand-made place for.

    ``blok(bahan, data)`` returns the blocks of :mod:`assembler.documents.lembar` (paragraphs, lists,
    tables with unnumbered titles, pictures), as a working-paper section does; None while an analysis it
    needs is missing. The draft prints them in the chapter's generic slot (``tambahan.bN``), after the
    chapter's own topics, and numbers their tables and pictures in that order. A topic added to the guide
    inside the draft declares ``Bagian(Model, kertas_kerja, BlokDraft(draft_stpp))``: no template edit.
    """

    blok: Callable[[Bahan, M], list[Blok] | None]
