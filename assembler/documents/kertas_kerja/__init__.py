"""Kertas Kerja Tahap 1-7: every Keluaran of a stage as a titled table or list (DOMAIN.md).

A working paper is printed for the next session, where the facilitator reviews what the Pokja
agreed. Every derived figure (totals, ranks, gaps, weighted sums, budget sums, shortages, durations)
comes from :mod:`assembler.analysis` or is computed here from the typed inputs, and is shown with the
inputs it comes from so a participant can check every number by hand.

The registry lets a stage's paper be built as soon as one of its topics is valid: present topics are
printed, each absent one gets a single line "Topik n.m belum disusun".

Layout: ``tahapN.py`` holds the sections of stage N's topics (``tahap4_prioritas.py`` topic 4.7),
``umum.py`` the columns and cell formats they share; this module binds each section to its topic's
model (``BUILDERS``) and assembles the paper.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.common import region_context
from assembler.documents.kertas_kerja.tahap1 import _t11, _t12
from assembler.documents.kertas_kerja.tahap2 import _t21, _t22, _t23
from assembler.documents.kertas_kerja.tahap3 import _t31, _t32
from assembler.documents.kertas_kerja.tahap4 import (
    _t41,
    _t42,
    _t43,
    _t44,
    _t45,
    _t46,
)
from assembler.documents.kertas_kerja.tahap4_prioritas import _t47
from assembler.documents.kertas_kerja.tahap5 import _t51, _t52, _t53
from assembler.documents.kertas_kerja.tahap6 import _t61, _t62
from assembler.documents.kertas_kerja.tahap7 import _t71, _t72
from assembler.documents.lembar import (
    Blok,
    gambar,
    nomori,
)
from assembler.documents.registry import Dokumen
from assembler.models.base import SiapModel
from assembler.models.tahap1 import KalenderKerja, StakeholderPokja
from assembler.models.tahap2 import IsuUtama, Kesenjangan
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.models.tahap3 import (
    AkarMasalah,
    KebutuhanTeknisManajemen,
)
from assembler.models.tahap4 import (
    KapasitasTeknis,
    Kebijakan,
    Keuangan,
    Organisasi,
    Personil,
    Prioritas,
    Prosedur,
)
from assembler.models.tahap5 import (
    CitizenCharter,
    Kesepakatan,
    SkemaTindakan,
)
from assembler.models.tahap6 import IntegrasiCorporatePlan, Pelaksanaan
from assembler.models.tahap7 import DokumentasiReplikasi, Monev
from assembler.topics import TAHAP_JUDUL, TOPIK
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("kertas-kerja-tahap-*",)

#: The working-paper section of one topic: its blocks, from the topic's validated model.
TopikBuilder = Callable[[WorkspaceView, Analisis, SiapModel], list[Blok]]
M = TypeVar("M", bound=SiapModel)


def _bagian(model: type[M], build: Callable[[WorkspaceView, Analisis, M], list[Blok]]) -> TopikBuilder:
    """Bind a section builder to its topic's model, so the table below is checked by the type checker."""

    def section(view: WorkspaceView, analisis: Analisis, data: SiapModel) -> list[Blok]:
        assert isinstance(data, model), (model, type(data))
        return build(view, analisis, data)

    return section


# --------------------------------------------------------------------------- the document

BUILDERS: dict[str, TopikBuilder] = {
    "1.1": _bagian(StakeholderPokja, _t11),
    "1.2": _bagian(KalenderKerja, _t12),
    "2.1": _bagian(IsuUtama, _t21),
    "2.2": _bagian(TopikRegulasi, _t22),
    "2.3": _bagian(Kesenjangan, _t23),
    "3.1": _bagian(KebutuhanTeknisManajemen, _t31),
    "3.2": _bagian(AkarMasalah, _t32),
    "4.1": _bagian(KapasitasTeknis, _t41),
    "4.2": _bagian(Prosedur, _t42),
    "4.3": _bagian(Kebijakan, _t43),
    "4.4": _bagian(Personil, _t44),
    "4.5": _bagian(Organisasi, _t45),
    "4.6": _bagian(Keuangan, _t46),
    "4.7": _bagian(Prioritas, _t47),
    "5.1": _bagian(SkemaTindakan, _t51),
    "5.2": _bagian(CitizenCharter, _t52),
    "5.3": _bagian(Kesepakatan, _t53),
    "6.1": _bagian(IntegrasiCorporatePlan, _t61),
    "6.2": _bagian(Pelaksanaan, _t62),
    "7.1": _bagian(Monev, _t71),
    "7.2": _bagian(DokumentasiReplikasi, _t72),
}


def _gambar(view: WorkspaceView, data: SiapModel) -> list[Blok]:
    """The pictures a topic's Keluaran is best read from, placed after its tables."""
    from assembler import pictures

    if isinstance(data, StakeholderPokja):
        return [gambar(g) for g in pictures.gambar_struktur_pokja(data, nomor=None)]
    if isinstance(data, Kesenjangan):
        return [gambar(pictures.gambar_grafik_kesenjangan(data, nomor=None))]
    if isinstance(data, AkarMasalah):
        return [gambar(pictures.gambar_diagram_alur_pelayanan(data, nomor=None))]
    if isinstance(data, Prosedur):
        return [gambar(g) for layanan in data.layanan for g in pictures.gambar_bagan_alir_prosedur(layanan, nomor=None)]
    if isinstance(data, DokumentasiReplikasi):
        return [gambar(pictures.gambar_bagan_bawang(data, view.get(SkemaTindakan), nomor=None))]
    return []


def tahap_of(dokumen: Dokumen) -> int:
    """``kertas-kerja-tahap-4`` -> 4."""
    return int(dokumen.id.rsplit("-", 1)[1])


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Context of ``kertas-kerja.docx`` (contract in docs/dev/templates.md)."""
    stpp = view.stpp
    assert stpp is not None
    tahap = tahap_of(dokumen)
    judul_tahap = TAHAP_JUDUL[tahap]
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
                    "keterangan": f"Topik {t.id} belum disusun.",
                    "blok": [],
                }
            )
        else:
            topik.append(
                {
                    "judul": f"Topik {t.id} {t.judul}",
                    "ada": True,
                    "keterangan": "",
                    "blok": [*BUILDERS[t.id](view, analisis, model), *_gambar(view, model)],
                }
            )
    nomori((b for t in topik for b in t["blok"]), str(tahap))
    ada = [t for t in topik if t["ada"]]
    # The fixed opening paragraph is template text; only what depends on the workspace is built here.
    pengantar: list[str] = []
    if len(ada) < len(topik):
        pengantar.append(f"Topik yang telah disusun: {len(ada)} dari {len(topik)} topik tahap ini.")
    return {
        **region_context(stpp),
        "tahap": str(tahap),
        "tahap_romawi": idfmt.romawi(tahap),
        "judul_tahap": judul_tahap,
        "judul": f"Kertas Kerja Tahap {tahap}: {judul_tahap}",
        "pengantar": pengantar,
        "topik": topik,
    }
