"""The batang tubuh of a Peraturan Bupati/Walikota: BAB, Pasal, ayat and Ketentuan Umum, numbered from position.

Form rules: docs/referensi/format-perkada-sop.md §1.3–1.4 (UU 12/2011 Lampiran II). A builder
lists its chapters as :class:`Bab` with :class:`Pasal` in reading order; :func:`susun` numbers the
BAB in Roman (``BAB I``), the Pasal in Arabic continuously through the whole regulation (never
restarting per BAB), the ayat ``(1)``, ``(2)`` only when a Pasal has more than one, and tabulated
items ``a.``, ``b.`` ending ``;``, ``; dan`` and ``.``. ``{pasal:key}`` in a text becomes the number of
the Pasal with that key, so a cross-reference follows a Pasal that moves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assembler import idfmt
from assembler.documents.kalimat import Kalimat

#: The shared forms of a Peraturan's text (``content/perkada.yaml``).
TEKS = Kalimat("perkada.yaml")


@dataclass(frozen=True)
class Ayat:
    """An ayat (or the single text of a Pasal without ayat), optionally with tabulated items."""

    teks: str
    butir: tuple[str, ...] = ()
    #: ``dan`` (cumulative), ``atau`` (alternative) or ``dan/atau`` after the second-to-last item.
    sambung: str = "dan"


@dataclass(frozen=True)
class Pasal:
    kunci: str
    ayat: tuple[Ayat, ...]
    #: Numbered items ``1.``, ``2.`` … (Pasal 1 definitions), each a sentence of its own.
    definisi: tuple[str, ...] = ()
    #: A heading under the Pasal number (agreements title their Pasal; a Perkada does not).
    judul: str = ""


@dataclass(frozen=True)
class Bab:
    judul: str
    pasal: tuple[Pasal, ...] = field(default_factory=tuple)


_REF = re.compile(r"\{pasal:([a-z0-9_]+)\}")


def _tanpa_akhir(teks: str) -> str:
    return teks.strip().rstrip(";.,:").rstrip()


def tabulasi(items: Sequence[str], sambung: str = "dan") -> list[dict[str, str]]:
    """Items ``a.`` … read on from the lead-in: lower-case start, ``;``, ``; dan`` before the last, ``.``."""
    bersih = [awal_kecil(_tanpa_akhir(t)) for t in items]
    n = len(bersih)
    out = []
    for i, t in enumerate(bersih, start=1):
        akhir = "." if i == n else (f"; {sambung}" if i == n - 1 else ";")
        out.append({"nomor": f"{idfmt.huruf(i)}.", "teks": t + akhir})
    return out


#: First words that are names (or defined terms) and keep their capital inside a tabulation.
_TETAP_KAPITAL = frozenset(
    {
        "Bupati", "Walikota", "Wali", "Pemerintah", "Perangkat", "Dinas", "Badan", "Bagian", "Perusahaan",
        "Perumda", "Kelompok", "Tim", "Sekretaris", "Sekretariat", "Kepala", "Direksi", "Direktur", "Daerah",
        "Forum", "Dewan", "Skema", "Ketua", "Wakil",
    }
)


def awal_kecil(teks: str) -> str:
    """Lower-case first letter unless the first word is a name, a defined term or an acronym."""
    first = teks.split(" ", 1)[0]
    if not first or first in _TETAP_KAPITAL or not first[:1].isupper() or first[1:2].isupper():
        return teks
    return teks[0].lower() + teks[1:]


def susun(babs: Sequence[Bab]) -> list[dict[str, Any]]:
    """Number BAB, Pasal and ayat and fill ``{pasal:key}`` references; the template prints the result."""
    nomor_pasal: dict[str, int] = {}
    n = 0
    for bab in babs:
        for p in bab.pasal:
            n += 1
            nomor_pasal[p.kunci] = n

    def isi(teks: str) -> str:
        return _REF.sub(lambda m: TEKS("pasal", nomor=nomor_pasal[m.group(1)]), teks)

    out = []
    for b, bab in enumerate(babs, start=1):
        pasal_out = []
        for p in bab.pasal:
            ayat_out = []
            for a, ay in enumerate(p.ayat, start=1):
                ayat_out.append(
                    {
                        "nomor": f"({a})" if len(p.ayat) > 1 else "",
                        "teks": isi(ay.teks),
                        "butir": [{**x, "teks": isi(x["teks"])} for x in tabulasi(ay.butir, ay.sambung)]
                        if ay.butir
                        else [],
                    }
                )
            pasal_out.append(
                {
                    "nomor": TEKS("pasal", nomor=nomor_pasal[p.kunci]),
                    "judul": p.judul,
                    "ayat": ayat_out,
                    "definisi": [{"nomor": f"{i}.", "teks": isi(t)} for i, t in enumerate(p.definisi, start=1)],
                }
            )
        out.append({"nomor": TEKS("bab", nomor=idfmt.romawi(b)), "judul": bab.judul, "pasal": pasal_out})
    return out


# --- Ketentuan Umum ------------------------------------------------------------------------------

_SINGKATAN = re.compile(
    r"[,;]?\s*(?:yang\s+)?selanjutnya\s+(?:disingkat|disebut)\s+(?P<sebutan>[^,.;]+?)\s*[.;]?\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Definisi:
    """A term of Pasal 1: ``istilah``, its short name if any, and the text after ``adalah``."""

    istilah: str
    uraian: str
    sebutan: str = ""

    @property
    def dipakai_sebagai(self) -> str:
        """The word the body uses for this term (its short name when it has one)."""
        return self.sebutan or self.istilah

    def kalimat(self) -> str:
        """``X adalah …``; ``X yang selanjutnya disingkat Y adalah …``; ``… disebut Y adalah …``.

        ``disingkat`` for an abbreviation read letter by letter (all capitals: STPP, DMA), ``disebut``
        for an acronym or a short name (Perumda Air Minum, Pokja) — Guide-2013 via the notes §1.3.
        """
        uraian = self.uraian.strip().rstrip(".") + "."
        if not self.sebutan:
            return TEKS("definisi", istilah=self.istilah, uraian=uraian)
        return TEKS(
            "definisi_disingkat" if self.sebutan.replace(" ", "").isupper() else "definisi_disebut",
            istilah=self.istilah,
            sebutan=self.sebutan,
            uraian=uraian,
        )


def definisi_dari(istilah: str, definisi: str) -> Definisi:
    """A user's definition; a trailing ``…, selanjutnya disingkat STPP.`` moves to its mandated place."""
    teks = definisi.strip()
    m = _SINGKATAN.search(teks)
    sebutan = ""
    if m is not None:
        sebutan = m.group("sebutan").strip()
        teks = teks[: m.start()].rstrip(" ,;")
    return Definisi(istilah.strip(), awal_kecil(teks), sebutan)


def urutkan_definisi(baku: Sequence[Definisi], lainnya: Sequence[Definisi], batang: str) -> list[Definisi]:
    """The standard head (Daerah, Pemerintah Daerah, Bupati …) as given, then the rest in order of first use.

    ``batang`` is the text of the body after Pasal 1; a term it never uses goes last, in the order
    written (the drafting-error check reports it as defined but unused).
    """

    def pertama(d: Definisi) -> int:
        found = [i for i in (batang.find(d.dipakai_sebagai), batang.find(d.istilah)) if i >= 0]
        return min(found) if found else len(batang) + 1

    return [*baku, *sorted(lainnya, key=pertama)]


#: Words of a norm (obligation, prohibition, deadline, sanction): they belong in a Pasal, not in a
#: Lampiran, which holds descriptions and tables (format-perkada-sop.md §1.7, §4 no. 2).
_NORMA = re.compile(r"\b(wajib|diwajibkan|dilarang|sanksi|denda|pidana|paling lambat|paling lama)\b", re.IGNORECASE)


def norma_lampiran(teks: Sequence[str]) -> list[str]:
    """A note for each Lampiran text that reads as a norm, quoting it."""
    out = []
    for t in teks:
        m = _NORMA.search(t)
        if m is not None:
            kutipan = t if len(t) <= 80 else t[:77] + "…"
            out.append(TEKS("catatan_norma", kata=m.group(1).lower(), kutipan=kutipan))
    return out
