"""MCUA (Multiple Criteria Utility Assessment) of Topik 4.7: weighted sums, ranks and ties.

The total of an action is the sum over criteria of weight x score. Actions are ranked within each
aspect (teknis, finansial, manajemen: the guide's three groups) and overall. Equal totals are a tie:
they share a rank (competition ranking: 1, 2, 2, 4) and are reported, unless the Pokja recorded a
tie-break round (``putaran_ulang``) covering the tied actions; then that round's totals order them.
List order never breaks a tie: it would silently favour whoever was typed first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


class KriteriaBobot(Protocol):
    """A criterion with its weight (models.tahap4.KriteriaMcua)."""

    @property
    def id(self) -> str: ...
    @property
    def bobot(self) -> int: ...


class TindakanSkor(Protocol):
    """An action with its first-round scores (models.tahap4.Tindakan)."""

    @property
    def id(self) -> str: ...
    @property
    def aspek(self) -> str: ...
    @property
    def sub_aspek(self) -> str | None: ...
    @property
    def skor(self) -> Mapping[str, int]: ...


class PutaranSkor(Protocol):
    """A recorded tie-break round (models.tahap4.PutaranUlang)."""

    @property
    def tindakan(self) -> Sequence[str]: ...
    @property
    def kriteria(self) -> Sequence[KriteriaBobot]: ...
    @property
    def skor(self) -> Mapping[str, Mapping[str, int]]: ...


class Penilaian(Protocol):
    """What MCUA reads of topic 4.7 (models.tahap4.Prioritas)."""

    @property
    def kriteria(self) -> Sequence[KriteriaBobot]: ...
    @property
    def tindakan(self) -> Sequence[TindakanSkor]: ...
    @property
    def putaran_ulang(self) -> Sequence[PutaranSkor]: ...


#: The guide's three priority groups, in display order.
ASPEK: tuple[str, ...] = ("teknis", "finansial", "manajemen")


@dataclass(frozen=True)
class NilaiTindakan:
    """First-round result of one action: total and the weighted score per criterion."""

    tindakan: str
    aspek: str
    sub_aspek: str | None
    total: int
    rincian: dict[str, int]


@dataclass(frozen=True)
class NilaiPutaran:
    """The total an action obtained in a tie-break round (``indeks``: position in putaran_ulang)."""

    indeks: int
    total: int


@dataclass(frozen=True)
class Peringkat:
    """One line of a priority list; ``seri`` is True while the tie is unresolved."""

    tindakan: str
    aspek: str
    total: int
    peringkat: int
    seri: bool
    putaran: tuple[NilaiPutaran, ...] = ()


@dataclass(frozen=True)
class HasilMcua:
    """Everything the documents print about 4.7's Matriks Penilaian and priorities."""

    nilai: dict[str, NilaiTindakan]
    per_aspek: dict[str, tuple[Peringkat, ...]]
    keseluruhan: tuple[Peringkat, ...]
    seri_per_aspek: dict[str, tuple[tuple[str, ...], ...]]
    seri_keseluruhan: tuple[tuple[str, ...], ...]


def jumlah_terbobot(bobot: Mapping[str, int], skor: Mapping[str, int]) -> int:
    """Sum of weight x score over the criteria in ``bobot`` (a missing score counts as 0)."""
    return sum(b * skor.get(k, 0) for k, b in bobot.items())


@dataclass(frozen=True)
class _Putaran:
    indeks: int
    peserta: frozenset[str]
    total: dict[str, int]


def hitung_mcua(prioritas: Penilaian) -> HasilMcua:
    """Compute totals and ranks from a validated 4.7 model."""
    bobot = {k.id: k.bobot for k in prioritas.kriteria}
    nilai: dict[str, NilaiTindakan] = {}
    for t in prioritas.tindakan:
        rincian = {k: b * t.skor.get(k, 0) for k, b in bobot.items()}
        nilai[t.id] = NilaiTindakan(t.id, t.aspek, t.sub_aspek, sum(rincian.values()), rincian)

    putaran: list[_Putaran] = []
    for i, p in enumerate(prioritas.putaran_ulang):
        bobot_p = {k.id: k.bobot for k in p.kriteria} if p.kriteria else bobot
        putaran.append(_Putaran(i, frozenset(p.tindakan), {t: jumlah_terbobot(bobot_p, s) for t, s in p.skor.items()}))

    per_aspek: dict[str, tuple[Peringkat, ...]] = {}
    seri_per_aspek: dict[str, tuple[tuple[str, ...], ...]] = {}
    for aspek in ASPEK:
        ids = [t for t, n in nilai.items() if n.aspek == aspek]
        per_aspek[aspek], seri_per_aspek[aspek] = _peringkat(ids, nilai, putaran)
    keseluruhan, seri_keseluruhan = _peringkat(list(nilai), nilai, putaran)
    return HasilMcua(nilai, per_aspek, keseluruhan, seri_per_aspek, seri_keseluruhan)


def _peringkat(
    ids: Sequence[str], nilai: Mapping[str, NilaiTindakan], putaran: Sequence[_Putaran]
) -> tuple[tuple[Peringkat, ...], tuple[tuple[str, ...], ...]]:
    dipakai: dict[str, list[NilaiPutaran]] = {t: [] for t in ids}
    kelompok = _urutkan(ids, {t: nilai[t].total for t in ids}, putaran, 0, dipakai)
    baris: list[Peringkat] = []
    seri: list[tuple[str, ...]] = []
    di_depan = 0
    for anggota in kelompok:
        if len(anggota) > 1:
            seri.append(tuple(anggota))
        for t in anggota:
            baris.append(
                Peringkat(t, nilai[t].aspek, nilai[t].total, di_depan + 1, len(anggota) > 1, tuple(dipakai[t]))
            )
        di_depan += len(anggota)
    return tuple(baris), tuple(seri)


def _urutkan(
    ids: Sequence[str],
    total: Mapping[str, int],
    putaran: Sequence[_Putaran],
    mulai: int,
    dipakai: dict[str, list[NilaiPutaran]],
) -> list[list[str]]:
    """Groups of equal standing, best first; a group of more than one is an unresolved tie.

    A tied group is ordered by the first recorded round (from ``mulai`` on) in which all its members
    took part; ties remaining after that round may be broken by a later round, never by an earlier
    one, so the recursion ends. Within an unresolved group ids are sorted only so that output is
    reproducible: they share one rank.
    """
    nilai_unik = sorted({total[t] for t in ids}, reverse=True)
    hasil: list[list[str]] = []
    for n in nilai_unik:
        anggota = sorted(t for t in ids if total[t] == n)
        if len(anggota) == 1:
            hasil.append(anggota)
            continue
        pemutus = next(
            (p for p in putaran[mulai:] if p.peserta.issuperset(anggota) and all(t in p.total for t in anggota)),
            None,
        )
        if pemutus is None:
            hasil.append(anggota)
            continue
        for t in anggota:
            dipakai[t].append(NilaiPutaran(pemutus.indeks, pemutus.total[t]))
        hasil.extend(_urutkan(anggota, pemutus.total, putaran, pemutus.indeks + 1, dipakai))
    return hasil
