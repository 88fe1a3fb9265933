"""The Draft STPP's composed sentences, from ``content/draft-stpp.yaml`` (prose there, values from here)."""

from __future__ import annotations

from functools import cache

from assembler.documents.kalimat import KalimatBerkas, isi, muat

#: ``content/draft-stpp.yaml``: the shared sentence-file shape (``assembler.documents.kalimat``).
KalimatDraft = KalimatBerkas


@cache
def _teks() -> KalimatDraft:
    return muat("draft-stpp.yaml")


def kalimat(kunci: str, **nilai: object) -> str:
    """The sentence ``kunci`` with its placeholders filled (an unknown one is a bug: KeyError)."""
    return isi(_teks().kalimat[kunci], {k: str(v) for k, v in nilai.items()})


def kalimat_mentah(kunci: str) -> str:
    """The sentence ``kunci`` as written, placeholders unfilled (to recognise its filled form)."""
    return _teks().kalimat[kunci]
