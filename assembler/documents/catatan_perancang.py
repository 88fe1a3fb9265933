"""Context of ``catatan-perancang``: the drafter's notes for the Bagian Hukum, per document.

A signable file contains only the instrument; what must still be confirmed (a regulation whose
status is not confirmed, a format choice the notes leave open, an agreed change to check, a
drafting-error warning) is gathered here, for every document of the package that can be built and
has notes. Each document module that has notes exposes ``catatan(view) -> list[Catatan]``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents import juklak_juknis, kerja_sama, penetapan_stpp, sk_pokja, standar_pelayanan
from assembler.documents.catatan import JENIS_LABEL, Catatan
from assembler.documents.common import region_context
from assembler.documents.kalimat import Kalimat
from assembler.documents.registry import BY_ID, Dokumen, file_name
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("catatan-perancang",)

#: The notes' headings (``content/catatan-perancang.yaml``).
TEKS = Kalimat("catatan-perancang.yaml")

#: Documents whose notes are listed, in package order, with the function that gives them.
SUMBER: dict[str, Callable[[WorkspaceView], list[Catatan]]] = {
    "sk-pokja": sk_pokja.catatan,
    "juklak-juknis": juklak_juknis.catatan,
    "standar-pelayanan": standar_pelayanan.catatan,
    "kerja-sama-antar-instansi": kerja_sama.catatan,
    "penetapan-stpp": penetapan_stpp.catatan,
}

_URUTAN_JENIS = list(JENIS_LABEL)


def catatan_dokumen(view: WorkspaceView, doc_id: str) -> list[Catatan] | None:
    """The notes of ``doc_id``, or None when it cannot be built yet."""
    dokumen = BY_ID.get(doc_id)
    if dokumen is None or dokumen.waiting_for(set(view.topics)) or view.stpp is None:
        return None
    return SUMBER[doc_id](view)


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """One section per document with notes; notes grouped by kind, numbered within the document."""
    stpp = view.stpp
    assert stpp is not None
    region = region_context(stpp)
    bagian: list[dict[str, Any]] = []
    for doc_id in SUMBER:
        notes = catatan_dokumen(view, doc_id)
        if not notes:
            continue
        urut = sorted(notes, key=lambda c: _URUTAN_JENIS.index(c.jenis))  # stable: order within a kind kept
        bagian.append(
            {
                "huruf": f"{idfmt.huruf(len(bagian) + 1).upper()}.",
                "judul": BY_ID[doc_id].judul,
                "berkas": file_name(BY_ID[doc_id]),
                "catatan": [
                    {"nomor": f"{i}.", "jenis": JENIS_LABEL[c.jenis], "teks": c.teks}
                    for i, c in enumerate(urut, start=1)
                ],
            }
        )
    return {
        "judul": TEKS("judul"),
        "subjudul": TEKS("subjudul", daerah=region["daerah"], pdam=stpp.pdam.nama, tahun=stpp.tahun),
        "bagian": bagian,
    }
