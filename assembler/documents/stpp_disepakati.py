"""Context of the agreed STPP (``stpp.docx``): the Rancangan of Tahap 1.1–5.2 with the 5.3 agreement.

The body is the Draft STPP's (:func:`assembler.documents.draft_stpp.rancangan.naskah`), so the agreed text can
never drift from what was discussed; what 5.3 adds is its own chapter (responses and their follow-up,
the agreed points, the agreed changes) and a cover that no longer asks for approval. Results of
stages 6 and 7 are not part of it: they appear in the documents made for those stages.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.kesepakatan import hasil_kesepakatan
from assembler.documents.draft_stpp.rancangan import bagian_naskah, naskah
from assembler.documents.draft_stpp.umum import _kalimat
from assembler.documents.registry import Dokumen
from assembler.models.tahap5 import Kesepakatan
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("stpp",)


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Everything ``stpp.docx`` prints: the draft's chapters, the agreement's chapter, the closing."""
    kesepakatan = view.require(Kesepakatan)
    ctx = naskah(view, analisis, disepakati=True)
    ctx["kesepakatan"] = hasil_kesepakatan(kesepakatan)
    # Each agreed change is printed where it applies, at the end of its topic's section.
    for p in kesepakatan.perubahan_stpp:
        bagian_naskah(ctx, p.topik)["perubahan"].append(
            {"uraian": _kalimat(p.uraian), "bunyi": [_kalimat(b) for b in p.bunyi]}
        )
    ctx["sampul"]["disampaikan"] = kalimat(
        "sampul_disepakati",
        daerah=ctx["daerah"],
        kepala_daerah=ctx["kepala_daerah"],
        tanggal=idfmt.tanggal(kesepakatan.rapat.tanggal),
    )
    return ctx
