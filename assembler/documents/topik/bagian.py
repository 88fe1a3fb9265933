"""What one topic's module declares: its model, its working-paper section, and its Draft STPP section.

Each ``tNM.py`` beside this module ends with ``BAGIAN = Bagian(Model, kertas_kerja, draft_stpp)`` (or
``DI_LUAR_DRAFT`` after 5.2); the registry
(:mod:`assembler.documents.topik`) imports them by name, and the documents find a topic's parts there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.bahan import BagianDraft, Bahan, BlokDraft
from assembler.documents.lembar import Blok
from assembler.models.base import SiapModel
from assembler.models.registry import topic_id
from assembler.workspace_view import WorkspaceView

M = TypeVar("M", bound=SiapModel)


def sebut(nama: Mapping[str, str], kode: Sequence[str]) -> str:
    """Codes cited in a working paper's sentence, listed: ``kode: “nama”`` (issue 10: a code with its name).

    A table cell cites ``kode: nama`` (``Nama.sebut``); inside a sentence the name is quoted, since a
    name may itself hold commas or "dan" and the list must still read as a list.
    """
    return idfmt.daftar([k + ": “" + nama[k] + "”" if k in nama else k for k in kode])


class DiLuarDraft(Enum):
    """The explicit "not in the Draft STPP" of a topic after 5.2.

    The Draft STPP is what the 5.3 meeting agrees on: it covers Tahap 1.1–5.2 only, so 5.3 and the
    topics of stages 6 and 7 have no section in it (they have one in their working paper).
    """

    DI_LUAR_DRAFT = "di-luar-draft"


DI_LUAR_DRAFT = DiLuarDraft.DI_LUAR_DRAFT


@dataclass(frozen=True)
class Bagian(Generic[M]):
    """One topic's parts in code: the model of its file and the sections built from it."""

    model: type[M]
    #: the Kertas Kerja section: every Keluaran of the topic as titled tables, lists and paragraphs
    kertas_kerja: Callable[[WorkspaceView, Analisis, M], list[Blok]]
    #: the Draft STPP section (1.1–5.2): with its own place in the template, or in generic blocks; or DI_LUAR_DRAFT
    draft_stpp: BagianDraft[M] | BlokDraft[M] | DiLuarDraft
    #: the pictures the Keluaran is best read from, placed after the section's tables
    gambar: Callable[[WorkspaceView, M], list[Blok]] | None = None

    @property
    def id(self) -> str:
        """The topic id, from the model's own binding (``TOPIK_ID``)."""
        return topic_id(self.model)

    def blok(self, view: WorkspaceView, analisis: Analisis, data: SiapModel) -> list[Blok]:
        """The working-paper blocks of the topic: its section, then its pictures."""
        assert isinstance(data, self.model), (self.model, type(data))
        gambar = self.gambar(view, data) if self.gambar is not None else []
        return [*self.kertas_kerja(view, analisis, data), *gambar]

    @property
    def di_draft(self) -> bool:
        """Whether the topic has a Draft STPP section (1.1–5.2), of either kind."""
        return self.draft_stpp is not DI_LUAR_DRAFT

    @property
    def draft_generik(self) -> bool:
        """Whether that section is generic blocks (``BlokDraft``), printed in its chapter's generic slot."""
        return isinstance(self.draft_stpp, BlokDraft)

    def konteks_draft(self, bahan: Bahan, data: SiapModel) -> dict[str, Any] | None:
        """The context of a section with its own place in the template (key ``tNM``)."""
        assert isinstance(data, self.model), (self.model, type(data))
        section = self.draft_stpp
        assert not isinstance(section, (BlokDraft, DiLuarDraft)), self.id
        return section(bahan, data)

    def blok_draft(self, bahan: Bahan, data: SiapModel) -> list[Blok] | None:
        """The blocks of a generic section (``BlokDraft``)."""
        assert isinstance(data, self.model), (self.model, type(data))
        section = self.draft_stpp
        assert isinstance(section, BlokDraft), self.id
        return section.blok(bahan, data)


class BagianTerdaftar(Protocol):
    """A topic's :class:`Bagian` as the registry holds it, whatever its model: what its readers call.

    ``Bagian[M]`` is invariant in ``M`` (its sections take an ``M``), so the registry's tuple of
    sections of twenty-one models cannot be ``tuple[Bagian[SiapModel], ...]``; this protocol names the
    model-free face of a ``Bagian`` (each method checks that the data is of the topic's model).
    """

    @property
    def id(self) -> str: ...

    @property
    def model(self) -> type[SiapModel]: ...

    @property
    def di_draft(self) -> bool: ...

    @property
    def draft_generik(self) -> bool: ...

    def blok(self, view: WorkspaceView, analisis: Analisis, data: SiapModel) -> list[Blok]: ...

    def konteks_draft(self, bahan: Bahan, data: SiapModel) -> dict[str, Any] | None: ...

    def blok_draft(self, bahan: Bahan, data: SiapModel) -> list[Blok] | None: ...
