"""The drafter's notes a document hands to the Bagian Hukum, kept out of the signable file itself.

A signable instrument contains only the instrument (issue 12): every builder that has something for
the drafter to confirm exposes ``catatan(view) -> list[Catatan]``; ``catatan-perancang`` gathers them
into one document, per document, by kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: What a note asks the drafter to do, in the order the notes document lists the kinds.
JenisCatatan = Literal["regulasi", "format", "kesepakatan", "peringatan"]

JENIS_LABEL: dict[JenisCatatan, str] = {
    "regulasi": "Status regulasi",
    "format": "Pilihan bentuk naskah",
    "kesepakatan": "Hasil kesepakatan",
    "peringatan": "Peringatan pemeriksaan",
}


@dataclass(frozen=True)
class Catatan:
    """One thing the drafter must confirm before the document is signed."""

    jenis: JenisCatatan
    teks: str


def regulasi(teks: list[str]) -> list[Catatan]:
    """Notes on the status of cited regulations (``dasar_hukum.catatan_bernomor``)."""
    return [Catatan("regulasi", t) for t in teks]
