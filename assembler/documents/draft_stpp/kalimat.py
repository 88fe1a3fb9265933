"""The Draft STPP's composed sentences, from ``content/draft-stpp.yaml`` (prose there, values from here)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from assembler.content import ContentModel, load_yaml
from assembler.documents.sk_pokja import isi


class KalimatDraft(ContentModel):
    """``content/draft-stpp.yaml``: sentence templates by key, with ``{name}`` placeholders."""

    kalimat: dict[str, str] = Field(min_length=1, description="Kalimat per kunci, dengan {nama} yang diisi siap.")


@cache
def _teks() -> KalimatDraft:
    return load_yaml("draft-stpp.yaml", KalimatDraft)


def kalimat(kunci: str, **nilai: object) -> str:
    """The sentence ``kunci`` with its placeholders filled (an unknown one is a bug: KeyError)."""
    return isi(_teks().kalimat[kunci], {k: str(v) for k, v in nilai.items()})


def kalimat_mentah(kunci: str) -> str:
    """The sentence ``kunci`` as written, placeholders unfilled (to recognise its filled form)."""
    return _teks().kalimat[kunci]
