"""Matriks Pemeringkatan of Topik 2.1: totals, ranks, ties and the main issue.

The guide: "Isu dengan nilai terbesar ditetapkan sebagai isu utama. Ulangi proses jika terdapat isu
yang mempunyai nilai sama." So:

* ``total`` of an issue = the sum of its scores over the agreed criteria (a missing score counts 0;
  the model's checks report it as an error before any document is built).
* ``peringkat`` = dense rank on the totals (14, 12, 12, 10 → 1, 2, 2, 3): equal totals share a rank.
* A group of equal totals is resolved only by a recorded tie-break round (``putaran_ulang``) whose
  issues are exactly that group; the round's values order them, and a tie left inside the round
  needs a later round with exactly the still-tied issues. Rounds are matched in the order written.
  List order never breaks a tie: it would silently favour whoever was typed first.
* ``urutan`` = dense position after the rounds; ``isu_utama`` is the single issue in first
  position, or None while the top is still tied.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol


class Kriteria(Protocol):
    @property
    def id(self) -> str: ...


class Isu(Protocol):
    """A candidate issue with its scores (models.tahap2.CalonIsu)."""

    @property
    def id(self) -> str: ...
    @property
    def rumusan(self) -> str: ...
    @property
    def skor(self) -> Mapping[str, int]: ...


class PutaranUlang(Protocol):
    """A recorded tie-break round (models.tahap2.PutaranUlang)."""

    @property
    def isu(self) -> Sequence[str]: ...
    def nilai(self, isu: str) -> int | None: ...


class Penilaian(Protocol):
    """What the ranking reads of topic 2.1 (models.tahap2.IsuUtama)."""

    @property
    def kriteria(self) -> Sequence[Kriteria]: ...
    @property
    def isu(self) -> Sequence[Isu]: ...
    @property
    def putaran_ulang(self) -> Sequence[PutaranUlang]: ...


@dataclass(frozen=True)
class NilaiIsu:
    """One row of the ranking matrix as printed."""

    isu: str
    rumusan: str
    skor: dict[str, int]
    total: int
    peringkat: int
    urutan: int
    #: Values obtained in the tie-break rounds this issue took part in, in round order.
    putaran: tuple[int, ...] = ()
    #: True while the issue still shares its position with another one.
    seri: bool = False


@dataclass(frozen=True)
class Pemeringkatan:
    """The outcome of the Matriks Pemeringkatan."""

    kriteria: list[str]
    #: Rows in final order (position, then the order written within an unresolved tie).
    baris: list[NilaiIsu]
    #: Groups of issues with equal totals, highest first.
    seri: list[list[str]]
    #: Groups still tied after the recorded rounds.
    seri_tersisa: list[list[str]]
    #: Every tie met while ranking: ``seri`` plus ties left inside a round, for messages.
    seri_semua: list[list[str]]
    #: Indexes (in ``putaran_ulang``) of the rounds that resolved or narrowed a tie.
    putaran_terpakai: list[int] = field(default_factory=list)
    isu_utama: str | None = None

    def baris_isu(self, isu: str) -> NilaiIsu | None:
        return next((b for b in self.baris if b.isu == isu), None)


def rank_issues(data: Penilaian) -> Pemeringkatan:
    """Rank the issues of topic 2.1 (see the module docstring for the rules)."""
    kriteria = [k.id for k in data.kriteria]
    order = [i.id for i in data.isu]
    skor = {i.id: {k: i.skor[k] for k in kriteria if k in i.skor} for i in data.isu}
    totals = {i: sum(s.values()) for i, s in skor.items()}

    levels = sorted(set(totals.values()), reverse=True)
    peringkat = {i: levels.index(totals[i]) + 1 for i in order}
    groups = [[i for i in order if totals[i] == level] for level in levels]
    seri = [g for g in groups if len(g) > 1]

    state = _Resolver(list(data.putaran_ulang))
    tiers: list[list[str]] = []
    for group in groups:
        tiers.extend(state.resolve(group))

    urutan = {i: pos for pos, tier in enumerate(tiers, start=1) for i in tier}
    rumusan = {i.id: i.rumusan for i in data.isu}
    baris = [
        NilaiIsu(
            isu=i,
            rumusan=rumusan[i],
            skor=skor[i],
            total=totals[i],
            peringkat=peringkat[i],
            urutan=urutan[i],
            putaran=tuple(state.values.get(i, [])),
            seri=len(tier) > 1,
        )
        for tier in tiers
        for i in tier
    ]
    isu_utama = tiers[0][0] if tiers and len(tiers[0]) == 1 else None
    return Pemeringkatan(
        kriteria=kriteria,
        baris=baris,
        seri=seri,
        seri_tersisa=[t for t in tiers if len(t) > 1],
        seri_semua=seri + [t for t in state.inner_ties if t not in seri],
        putaran_terpakai=sorted(state.used),
        isu_utama=isu_utama,
    )


class _Resolver:
    """Splits tied groups with the recorded rounds, each round used at most once."""

    def __init__(self, rounds: Sequence[PutaranUlang]) -> None:
        self.rounds = rounds
        self.used: set[int] = set()
        self.values: dict[str, list[int]] = {}
        self.inner_ties: list[list[str]] = []

    def resolve(self, group: list[str]) -> list[list[str]]:
        """``group`` (equal so far) as ordered tiers; a tier of several issues is an unresolved tie."""
        if len(group) < 2:
            return [group]
        index = self._round_for(group)
        if index is None:
            return [group]
        self.used.add(index)
        putaran = self.rounds[index]
        # A missing value counts 0 here; the model's checks report it as an error.
        nilai = {i: putaran.nilai(i) or 0 for i in group}
        for i in group:
            self.values.setdefault(i, []).append(nilai[i])
        tiers: list[list[str]] = []
        for level in sorted(set(nilai.values()), reverse=True):
            sub = [i for i in group if nilai[i] == level]
            if len(sub) > 1:
                self.inner_ties.append(sub)
            tiers.extend(self.resolve(sub))
        return tiers

    def _round_for(self, group: list[str]) -> int | None:
        wanted = set(group)
        for index, putaran in enumerate(self.rounds):
            if index not in self.used and set(putaran.isu) == wanted:
                return index
        return None
