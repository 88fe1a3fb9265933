"""Kertas Kerja Tahap 1-7: every Keluaran of a stage as a titled table or list (the guide: docs/referensi/README.md).

A working paper is printed for the next session, where the facilitator reviews what the Pokja
agreed. Every derived figure (totals, ranks, gaps, weighted sums, budget sums, shortages, durations)
comes from :mod:`assembler.analysis` or is computed here from the typed inputs, and is shown with the
inputs it comes from so a participant can check every number by hand.

The registry lets a stage's paper be built as soon as one of its topics is valid: present topics are
printed, each absent one gets a single line "Topik n.m belum disusun".

Layout: each topic's section lives in its own module, ``assembler/documents/topik/tNM.py`` (found
through the topic registry, :mod:`assembler.documents.topik`); ``umum.py`` here holds the columns and
cell formats they share; this module assembles the paper of a stage.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.common import region_context
from assembler.documents.kertas_kerja.teks import TeksBagian
from assembler.documents.lembar import nomori
from assembler.documents.registry import Dokumen
from assembler.topics import TAHAP_JUDUL, TOPIK
from assembler.workspace_view import WorkspaceView

KK = TeksBagian("umum")

DOCUMENT_IDS = ("kertas-kerja-tahap-*",)


def tahap_of(dokumen: Dokumen) -> int:
    """``kertas-kerja-tahap-4`` -> 4."""
    return int(dokumen.id.rsplit("-", 1)[1])


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Context of ``kertas-kerja.docx`` (contract in docs/dev/templates.md)."""
    stpp = view.stpp
    assert stpp is not None
    tahap = tahap_of(dokumen)
    judul_tahap = TAHAP_JUDUL[tahap]
    from assembler.documents.topik import bagian as topik_bagian  # the registry imports this package

    topik: list[dict[str, Any]] = []
    for t in TOPIK:
        if t.tahap != tahap:
            continue
        model = view.topic(t.id)
        if model is None:
            topik.append(
                {
                    "judul": f"Topik {t.id} {t.judul}",
                    "ada": False,
                    "keterangan": KK.kalimat("topik-belum-disusun", id=t.id),
                    "blok": [],
                }
            )
        else:
            topik.append(
                {
                    "judul": f"Topik {t.id} {t.judul}",
                    "ada": True,
                    "keterangan": "",
                    "blok": topik_bagian(t.id).blok(view, analisis, model),
                }
            )
    nomori((b for t in topik for b in t["blok"]), str(tahap))
    ada = [t for t in topik if t["ada"]]
    # The fixed opening paragraph is template text; only what depends on the workspace is built here.
    pengantar: list[str] = []
    if len(ada) < len(topik):
        pengantar.append(KK.kalimat("topik-telah-disusun", ada=len(ada), semua=len(topik)))
    return {
        **region_context(stpp),
        "tahap": str(tahap),
        "tahap_romawi": idfmt.romawi(tahap),
        "judul_tahap": judul_tahap,
        "judul": KK.kalimat("kertas-kerja-tahap", tahap=tahap, judul_tahap=judul_tahap),
        "pengantar": pengantar,
        "topik": topik,
    }
