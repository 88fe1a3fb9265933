"""Small formatting helpers for official Indonesian document text, shared by the Juklak/Juknis and best-practice drafts.

Dates by month name, numbered enumerations the way UU 12/2011 Lampiran II writes them, sentences
that end with a full stop, values with their units, and who carries out an activity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from assembler import idfmt
from assembler.documents.nama import Nama
from assembler.documents.nama import nama_unit as nama_unit  # re-exported for the Juklak/Juknis
from assembler.models.tahap4 import UsulanTeknis
from assembler.workspace_view import WorkspaceView


def bulan_tahun(bulan: str) -> str:
    """``2026-06`` -> ``Juni 2026``: official texts never write a month as a number."""
    tahun, nomor = bulan.split("-")
    return f"{idfmt.bulan(int(nomor))} {tahun}"


def periode(mulai: str, selesai: str, sampai: str = " s.d. ") -> str:
    """``Juni s.d. September 2026``; ``Juli 2026 s.d. September 2027``; ``Juni 2026`` for one month.

    The year is written once when both months share it. Running text says ``s.d.``; a table cell may
    join the months with a dash (``sampai="–"``): ``Juni–September 2026``.
    """
    if mulai == selesai:
        return bulan_tahun(mulai)
    if mulai[:4] == selesai[:4]:
        return f"{idfmt.bulan(int(mulai[5:]))}{sampai}{bulan_tahun(selesai)}"
    return f"{bulan_tahun(mulai)}{sampai}{bulan_tahun(selesai)}"


def nomor(i: int) -> str:
    return f"{i}."


def rincian(items: Iterable[str], akhir: str = ".") -> list[dict[str, str]]:
    """A numbered enumeration as UU 12/2011 Lampiran II writes one: ``;`` after each item, ``.`` at the end.

    The user's own closing mark is replaced so a list typed with full stops reads as one enumeration.
    """
    texts = [t.strip().rstrip(".;,") for t in items]
    return [
        {"nomor": nomor(i), "teks": t + (akhir if i == len(texts) else ";")}
        for i, t in enumerate(texts, start=1)
    ]


def butir(items: Sequence[str]) -> list[dict[str, str]]:
    """Sentences in a table cell: numbered ``1.``… when there are several, a lone one unnumbered."""
    texts = [kalimat(t) for t in items]
    if len(texts) == 1:
        return [{"nomor": "", "teks": texts[0]}]
    return [{"nomor": nomor(i), "teks": t} for i, t in enumerate(texts, start=1)]


def kalimat(teks: str) -> str:
    """A sentence ends with a full stop (users sometimes leave it off)."""
    teks = teks.strip()
    return teks if teks.endswith((".", "!", "?")) else teks + "."


def nilai(x: Decimal | int | float, satuan: str) -> str:
    """``38,6%`` or ``16 jam/hari``: a measured value with its unit, Indonesian decimal comma."""
    teks = idfmt.angka(x if isinstance(x, (int, Decimal)) else Decimal(str(x)))
    return f"{teks}%" if satuan.strip() == "%" else f"{teks} {satuan}"


def pelaksana(view: WorkspaceView, kode: str | None) -> str:
    """The office of a Pokja member or a unit's name with its utility: ``Nama.orang`` (one vocabulary)."""
    return Nama(view).orang(kode)


def huruf_bagian(keys: Sequence[tuple[str, bool]]) -> dict[str, str]:
    """Capital letters ``A.``, ``B.``… for the sub-sections present, in order; absent ones get ``""``."""
    out: dict[str, str] = {}
    n = 0
    for key, present in keys:
        if present:
            n += 1
            out[key] = f"{chr(ord('A') + n - 1)}."
        else:
            out[key] = ""
    return out


#: First words of a definition that are names, not common nouns: they keep their capital.
_NAMA_DIRI = frozenset(
    {
        "Bupati",
        "Walikota",
        "Gubernur",
        "Pemerintah",
        "Dinas",
        "Badan",
        "Bagian",
        "Perusahaan",
        "Perumda",
        "Kabupaten",
        "Kota",
        "Provinsi",
        "Direksi",
        "Direktur",
        "Dewan",
        "Kelompok",
        "Tim",
        "Sekretariat",
        "Sekretaris",
        "Kepala",
        "Menteri",
        "Presiden",
    }
)


def awal_kecil(teks: str) -> str:
    """User text inside a sentence: lower-case first letter unless it opens with a name or an acronym."""
    first = teks.split(" ", 1)[0]
    if not first or first in _NAMA_DIRI or not first[:1].isupper() or first[1:2].isupper():
        return teks
    return teks[0].lower() + teks[1:]


def target_usulan(view: WorkspaceView, usulan: UsulanTeknis) -> str:
    """A 4.1 proposal's target as printed: typed when it is its own (a zone's), else derived (issue 11).

    A target the proposal shares with the indicators it serves is entered once: in the 5.1 logframe
    (target and deadline of the highest indicator linked to the 2.3 indicator) or else in 2.3.
    """
    if usulan.target:
        return usulan.target
    from assembler.models.tahap2 import Kesenjangan
    from assembler.models.tahap5 import IndikatorLogframe, SkemaTindakan

    t23, t51 = view.get(Kesenjangan), view.get(SkemaTindakan)
    nama23 = {i.id: i for i in (t23.indikator if t23 is not None else [])}
    logframe: dict[str, IndikatorLogframe] = {}
    for il in t51.iter_indikator() if t51 is not None else []:
        if il.indikator and il.indikator not in logframe:
            logframe[il.indikator] = il
    bagian = []
    for kode in usulan.indikator:
        ind, lf = nama23.get(kode), logframe.get(kode)
        nama = ind.nama if ind is not None else (lf.ukuran if lf is not None else kode)
        if lf is not None:
            bagian.append(f"{nama} {nilai(lf.target, lf.satuan)} pada {bulan_tahun(lf.tenggat)}")
        elif ind is not None:
            bagian.append(f"{nama} {nilai(ind.target, ind.satuan)}")
    return "; ".join(bagian)
