"""Context of the Draft STPP (``draft-stpp.docx``) and of the agreed STPP built on it (``stpp.docx``).

The Draft STPP is the Rancangan the Pokja hands to the DPRD and the Kepala Daerah at the 5.3 meeting:
it reviews Tahap 1.1 to 5.2 only (``TOPIK_DRAFT``), whatever else the workspace holds, and asks for
approval in its closing chapter. Before 5.2 is done the secretariat shares the growing draft after each
session: every missing topic prints "belum dibahas" and the header says KONSEP (docs/dev/draft-stpp-momen.md).

The reader is a DPRD member, not a facilitator: every chapter opens with a sentence or two of prose
that says what the table after it shows, and every figure in the executive summary comes from the
analyses (:mod:`assembler.analysis`), never from a number typed twice.

Layout: ``babN.py`` holds the sections of chapter N's topics (``_tNM``, template key ``tNM``),
``pembuka_penutup.py`` the cover, foreword, summary, chapter openings and closing, ``umum.py`` the
table numbering and formats they share, ``kesepakatan.py`` the agreed STPP's chapter on the 5.3
agreement; this module binds each section to its topic (``BAGIAN``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.content import Content, load_content
from assembler.documents.common import region_context
from assembler.documents.draft_stpp.bab1 import _t11, _t12
from assembler.documents.draft_stpp.bab2 import _t21, _t22, _t23
from assembler.documents.draft_stpp.bab3 import _t31, _t32
from assembler.documents.draft_stpp.bab4 import _t41, _t42, _t43, _t44, _t45, _t46, _t47
from assembler.documents.draft_stpp.bab5 import _t51, _t52
from assembler.documents.draft_stpp.kalimat import kalimat as kalimat_draft
from assembler.documents.draft_stpp.pembuka_penutup import (
    _bab,
    _judul_topik,
    _lampiran,
    _pengantar,
    _penutup,
    _ringkasan,
    _sampul,
)
from assembler.documents.draft_stpp.umum import _pemilahan, _Penomor, _regulasi
from assembler.documents.nama import Nama
from assembler.documents.registry import TOPIK_DRAFT, Dokumen
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("draft-stpp",)

__all__ = ["BAGIAN", "TOPIK_DRAFT", "Bahan", "belum_dibahas", "context", "kunci_bagian", "naskah", "pandangan_draft"]



def pandangan_draft(view: WorkspaceView) -> WorkspaceView:
    """The workspace as the draft sees it: only Tahap 1.1–5.2, whatever else is already filled."""
    return WorkspaceView(view.stpp, {k: v for k, v in view.topics.items() if k in TOPIK_DRAFT}, view.content)


def belum_dibahas(view: WorkspaceView) -> list[str]:
    """Topics of 1.1–5.2 not yet in the workspace: while any is missing, the draft is a KONSEP."""
    return [t for t in TOPIK_DRAFT if not view.has(t)]


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Everything ``draft-stpp.docx`` prints, as ready strings; a missing topic is ``None``."""
    return naskah(view, analisis, disepakati=False)


def naskah(view: WorkspaceView, analisis: Analisis, *, disepakati: bool) -> dict[str, Any]:
    """The STPP's text from 1.1–5.2: the Rancangan (``disepakati`` False) or the agreed STPP's body."""
    full = view
    view = pandangan_draft(view)
    stpp = view.stpp
    assert stpp is not None  # the build only calls builders of a valid workspace
    content = view.content or load_content()
    r = region_context(stpp)
    nama = Nama(view)
    tabel = _Penomor()

    peringkat, gap, mcua, anggaran = analisis.pemeringkatan, analisis.kesenjangan, analisis.mcua, analisis.anggaran
    pemilahan = _pemilahan(view, nama)
    reg = _regulasi(view)
    belum = belum_dibahas(view)

    ctx: dict[str, Any] = {
        **r,
        # A draft shared before 5.2 is in says so on every page (the template's header).
        "konsep": "KONSEP" if belum else "",
        "belum_dibahas": belum,
        "konsep_topik": idfmt.daftar([kalimat_draft("konsep_topik", topik=t) for t in belum]),
        "sampul": _sampul(view, r, disepakati=disepakati),
        "pengantar": _pengantar(view, r),
        "ringkasan": _ringkasan(view, r, nama, peringkat, gap, mcua, anggaran, pemilahan),
        "bab": _bab(disepakati),
        "judul_topik": _judul_topik(),
    }
    bahan = Bahan(view, analisis, tabel, nama, content, r, reg, pemilahan)
    for topik_id in TOPIK_DRAFT:  # in print order, so that table numbers follow the pages
        bagian = BAGIAN[topik_id](bahan)
        if bagian is not None:
            bagian["perubahan"] = []  # the agreed STPP lists the 5.3 changes of the topic here
        ctx[kunci_bagian(topik_id)] = bagian
    ctx["penutup"] = _penutup(pemilahan)
    ctx["lampiran"] = _lampiran(full if disepakati else view, r, disepakati=disepakati)
    return ctx


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


#: The Draft STPP section of every topic it reviews (the template's ``t11`` ... ``t52``; None while absent).
BAGIAN: dict[str, Callable[[Bahan], dict[str, Any] | None]] = {
    "1.1": lambda b: _t11(b.view, b.tabel),
    "1.2": lambda b: _t12(b.view, b.tabel),
    "2.1": lambda b: _t21(b.view, b.tabel, b.analisis.pemeringkatan),
    "2.2": lambda b: _t22(b.view, b.tabel, b.nama, b.reg),
    "2.3": lambda b: _t23(b.view, b.tabel, b.analisis.kesenjangan),
    "3.1": lambda b: _t31(b.view, b.tabel, b.content),
    "3.2": lambda b: _t32(b.view, b.tabel, b.content),
    "4.1": lambda b: _t41(b.view, b.tabel, b.nama),
    "4.2": lambda b: _t42(b.view, b.tabel),
    "4.3": lambda b: _t43(b.view, b.tabel, b.nama, b.r),
    "4.4": lambda b: _t44(b.view, b.tabel),
    "4.5": lambda b: _t45(b.view, b.tabel),
    "4.6": lambda b: _t46(b.view, b.tabel),
    "4.7": lambda b: _t47(b.view, b.tabel, b.content, b.analisis.mcua),
    "5.1": lambda b: _t51(b.view, b.tabel, b.nama, b.analisis.anggaran, b.analisis.logframe, b.content),
    "5.2": lambda b: _t52(b.view, b.tabel, b.r, b.pemilahan),
}
assert tuple(BAGIAN) == TOPIK_DRAFT


def kunci_bagian(topik_id: str) -> str:
    """``5.1`` -> ``t51``: the template's name for a topic's section."""
    return "t" + topik_id.replace(".", "")
