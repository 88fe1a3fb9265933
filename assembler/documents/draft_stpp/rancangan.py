"""Context of the Draft STPP (``draft-stpp.docx``) and the body of the agreed STPP built on it (``stpp.docx``).

The reader is a DPRD member, not a facilitator: every chapter opens with a sentence or two of prose
that says what the table after it shows, and every figure in the executive summary comes from the
analyses (:mod:`assembler.analysis`), never from a number typed twice.

This module sits above the topic registry: each topic's section is its own module's
``draft_stpp(bahan, data)`` (``documents/topik/tNM.py``), called here in print order so that table and
picture numbers follow the pages.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.content import load_content
from assembler.documents.common import region_context
from assembler.documents.draft_stpp.bahan import Bahan
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.pembuka_penutup import (
    TAHAP_DRAFT,
    _bab,
    _judul_topik,
    _lampiran,
    _pengantar,
    _penutup,
    _ringkasan,
    _sampul,
)
from assembler.documents.draft_stpp.umum import _pemilahan, _Penomor, _regulasi
from assembler.documents.lembar import Blok
from assembler.documents.nama import Nama
from assembler.documents.registry import Dokumen
from assembler.documents.topik import TOPIK_DRAFT
from assembler.documents.topik import bagian as topik_bagian
from assembler.topics import BY_ID as TOPIK_BY_ID
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("draft-stpp",)


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
        "konsep": kalimat("konsep") if belum else "",
        "belum_dibahas": belum,
        "konsep_topik": idfmt.daftar([kalimat("konsep_topik", topik=t) for t in belum]),
        "sampul": _sampul(view, r, disepakati=disepakati),
        "pengantar": _pengantar(view, r),
        "ringkasan": _ringkasan(view, r, nama, peringkat, gap, mcua, anggaran, pemilahan),
        "bab": _bab(disepakati),
        "judul_topik": _judul_topik(),
    }
    bahan = Bahan(view, analisis, tabel, nama, content, r, reg, pemilahan)
    # A chapter's topics without a place of their own print after its other topics (``tambahan.bN``).
    tambahan: dict[str, list[dict[str, Any]]] = {f"b{n}": [] for n in range(1, TAHAP_DRAFT + 1)}
    for topik_id in TOPIK_DRAFT:  # in print order, so that table numbers follow the pages
        section = topik_bagian(topik_id)
        assert section.di_draft, topik_id
        data = view.topic(topik_id)
        if section.draft_generik:
            blok = section.blok_draft(bahan, data) if data is not None else None
            tambahan[f"b{TOPIK_BY_ID[topik_id].tahap}"].append(
                {
                    "id": topik_id,
                    "judul": ctx["judul_topik"][kunci_bagian(topik_id)],
                    "ada": blok is not None,
                    "blok": blok or [],
                    "perubahan": [],
                }
            )
            continue
        bagian = section.konteks_draft(bahan, data) if data is not None else None
        if bagian is not None:
            bagian["perubahan"] = []  # the agreed STPP lists the 5.3 changes of the topic here
        ctx[kunci_bagian(topik_id)] = bagian
    for bab, items in tambahan.items():  # after every topic with its own place: the print order
        for item in items:
            _nomori(tabel, int(bab[1:]), item["blok"])
    ctx["tambahan"] = tambahan
    ctx["penutup"] = _penutup(pemilahan)
    ctx["lampiran"] = _lampiran(full if disepakati else view, r, disepakati=disepakati)
    return ctx


def _nomori(tabel: _Penomor, bab: int, blok: list[Blok]) -> None:
    """Number the tables and pictures of generic blocks with the document's own counters (``Tabel 4.9``)."""
    for b in blok:
        if b["jenis"] == "tabel":
            b["judul"] = tabel(bab, b["judul"])
        elif b["jenis"] == "gambar":
            b["judul"] = kalimat("gambar", nomor=tabel.gambar(bab), judul=b["judul"])


def bagian_naskah(ctx: dict[str, Any], topik_id: str) -> dict[str, Any]:
    """The context of a present topic's section: under its own key, or in its chapter's generic slot."""
    kunci = kunci_bagian(topik_id)
    if kunci in ctx:
        bagian: dict[str, Any] = ctx[kunci]
        return bagian
    return next(t for items in ctx["tambahan"].values() for t in items if t["id"] == topik_id)


def kunci_bagian(topik_id: str) -> str:
    """``5.1`` -> ``t51``: the template's name for a topic's section."""
    return "t" + topik_id.replace(".", "")
