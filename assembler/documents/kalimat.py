"""A document's sentences, from its ``content/<file>.yaml`` (prose there, values from the builder).

One loader for every builder outside the working papers: ``K = Kalimat("berita-acara.yaml")`` at module
level, then ``K("kunci", nama=nilai)``. The file holds ``kalimat: {kunci: teks}`` with ``{name}``
placeholders that siap fills with ready values; every other word may be reworded there. The file is
read by :func:`assembler.content.load_yaml` (a duplicate key is refused at its line, a wrong shape names
the file); ``tests/documents/test_kalimat_dokumen.py`` reads every module that asks for sentences and
reports a missing key or a wrong placeholder at the caller's ``file:line``, an unused key at its line in
the YAML file. The Draft STPP's ``draft_stpp/kalimat.py`` is this loader bound to ``draft-stpp.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from pydantic import ConfigDict, Field

from assembler.content import ContentModel, load_yaml

_PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")


def isi(templat: str, nilai: Mapping[str, str]) -> str:
    """Fill ``{name}`` placeholders of SHIPPED text in one pass.

    Not ``str.format``: the values are user text (a PDAM name may hold braces) and must never be
    read as placeholders themselves; an unknown name is a bug in the shipped text, so it raises.
    """

    def ganti(m: re.Match[str]) -> str:
        return nilai[m.group(1)]

    return _PLACEHOLDER.sub(ganti, templat)


class KalimatBerkas(ContentModel):
    """``content/<file>.yaml``: sentence templates by key, with ``{name}`` placeholders."""

    kalimat: dict[str, str] = Field(min_length=1, description="Kalimat per kunci, dengan {nama} yang diisi siap.")


class KalimatBagian(KalimatBerkas):
    """The ``kalimat:`` section of a file whose other keys another model reads (and checks)."""

    model_config = ConfigDict(extra="ignore")


@cache
def muat(berkas: str, bagian: bool = False) -> KalimatBerkas:
    """The sentences of ``content/<berkas>``, read and checked once per process."""
    return load_yaml(berkas, KalimatBagian if bagian else KalimatBerkas)


class Kalimat:
    """The sentences of one content file: ``K("kunci", nama=nilai)`` is the filled sentence.

    ``bagian=True`` reads the ``kalimat:`` section of a document's existing content file (e.g.
    ``penetapan-stpp.yaml``, whose other keys its own model checks); otherwise the file holds only it.
    """

    def __init__(self, berkas: str, bagian: bool = False) -> None:
        self.berkas = berkas
        self.bagian = bagian

    def __call__(self, kunci: str, **nilai: object) -> str:
        """The sentence ``kunci`` with its placeholders filled (an unknown one is a bug: KeyError)."""
        return isi(muat(self.berkas, self.bagian).kalimat[kunci], {k: str(v) for k, v in nilai.items()})

    def mentah(self, kunci: str) -> str:
        """The sentence ``kunci`` as written, placeholders unfilled."""
        return muat(self.berkas, self.bagian).kalimat[kunci]
