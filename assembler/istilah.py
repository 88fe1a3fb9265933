"""Foreign terms in italics (PUEBI) in the signable instruments, from one list (content/istilah-asing.yaml).

Applied to the rendered document, so the template's fixed text and the text that came from the
topic files are treated alike: every run holding a listed term is split into runs with the same run
properties, the term's run gaining ``<w:i/>``. A term inside the title of a cited regulation (the words
after ``Nomor … tentang`` up to the publication note, an amendment clause or the end of the item) is
left as the title is written: siap cannot know how the official text sets it. A term that a template
or Word split over two runs is not found (siap's own templates keep a tag's text in one run).
"""

from __future__ import annotations

import copy
import functools
import re

from lxml import etree
from pydantic import Field

from assembler.content import ContentModel, load_yaml

#: The documents whose foreign terms are set in italics (the instruments a Kepala Daerah, the Direksi
#: or the parties sign, and the Citizen Charter they publish).
DOKUMEN = frozenset(
    {
        "sk-pokja",
        "juklak-juknis",
        "standar-pelayanan",
        "kerja-sama-antar-instansi",
        "citizen-charter",
        "penetapan-stpp",
    }
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML = "http://www.w3.org/XML/1998/namespace"
_R, _T, _RPR, _I = (f"{{{_W}}}{t}" for t in ("r", "t", "rPr", "i"))
#: Run properties that come before ``w:i`` in the schema's order.
_SEBELUM_I = {f"{{{_W}}}{t}" for t in ("rStyle", "rFonts", "b", "bCs")}

#: A regulation's title in a citation: after "Nomor <n>[ Tahun <yyyy>] tentang " up to "(", ";",
#: " sebagaimana" or the end of the text.
_JUDUL_PERATURAN = re.compile(r"\bNomor\s+\S+(?:\s+Tahun\s+\d{4})?\s+tentang\s+(.+?)(?=\s*\(|;|\s+sebagaimana\b|$)")


class IstilahAsing(ContentModel):
    """``content/istilah-asing.yaml``: the foreign terms printed in italics."""

    istilah: list[str] = Field(description="Istilah asing, satu per baris.")


@functools.cache
def daftar_istilah() -> tuple[str, ...]:
    return tuple(load_yaml("istilah-asing.yaml", IstilahAsing).istilah)


@functools.cache
def _pola() -> re.Pattern[str]:
    """Any listed term as whole words, longest first (``good corporate governance`` before ``good governance``)."""
    istilah = sorted(daftar_istilah(), key=len, reverse=True)
    alternatif = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in istilah)
    return re.compile(rf"(?<![\w-])(?:{alternatif})(?![\w-])", re.IGNORECASE)


def potong(teks: str) -> list[tuple[str, bool]]:
    """``teks`` cut into (piece, italic) pieces; terms inside a cited regulation's title stay upright."""
    lindung = [m.span(1) for m in _JUDUL_PERATURAN.finditer(teks)]
    hasil: list[tuple[str, bool]] = []
    pos = 0
    for m in _pola().finditer(teks):
        a, b = m.span()
        if any(x <= a and b <= y for x, y in lindung):
            continue
        if a > pos:
            hasil.append((teks[pos:a], False))
        hasil.append((teks[a:b], True))
        pos = b
    if pos < len(teks):
        hasil.append((teks[pos:], False))
    return hasil


def _miring(rpr: etree._Element | None) -> etree._Element:
    rpr = copy.deepcopy(rpr) if rpr is not None else etree.Element(_RPR)
    if rpr.find(_I) is not None:
        return rpr
    i = etree.Element(_I)
    pos = sum(1 for child in rpr if child.tag in _SEBELUM_I)
    rpr.insert(pos, i)
    return rpr


def _run(rpr: etree._Element | None, isi: etree._Element) -> etree._Element:
    r = etree.Element(_R)
    if rpr is not None:
        r.append(rpr)
    r.append(isi)
    return r


def _pecah(run: etree._Element) -> list[etree._Element] | None:
    """The runs replacing ``run``, or None when it holds no term to italicise."""
    teks = [c for c in run if c.tag == _T]
    if not any(miring for t in teks for _, miring in potong(t.text or "")):
        return None
    rpr = run.find(_RPR)
    if rpr is not None and rpr.find(_I) is not None:
        return None
    baru: list[etree._Element] = []
    for child in list(run):
        if child.tag == _RPR:
            continue
        if child.tag != _T:
            baru.append(_run(copy.deepcopy(rpr) if rpr is not None else None, child))
            continue
        for potongan, miring in potong(child.text or ""):
            t = etree.Element(_T)
            t.text = potongan
            t.set(f"{{{_XML}}}space", "preserve")
            baru.append(_run(_miring(rpr) if miring else (copy.deepcopy(rpr) if rpr is not None else None), t))
    return baru


def miringkan_tree(root: etree._Element) -> bool:
    """Every listed term in italics, in place in ``word/document.xml``'s tree; whether anything changed."""
    berubah = False
    for run in list(root.iter(_R)):
        baru = _pecah(run)
        if baru is None:
            continue
        parent = run.getparent()
        assert parent is not None
        idx = parent.index(run)
        parent.remove(run)
        for k, r in enumerate(baru):
            parent.insert(idx + k, r)
        berubah = True
    return berubah
