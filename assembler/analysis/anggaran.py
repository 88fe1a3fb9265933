"""Budget of the Skema Tindakan (5.1): totals per keluaran, aspect, funding source and year.

Costs are typed once, per kegiatan and year (``biaya_per_tahun``); every total the documents print
is computed here, so a changed cost can never leave a stale sum behind. The aspect of a kegiatan is
the aspect of the 4.7 tindakan it implements; without 4.7 (or for a tindakan 4.7 does not know) the
aspect is unknown (``None``) rather than guessed from the id's prefix.

Order is deterministic: keluaran in logframe order, aspects in the guide's order (teknis, finansial,
manajemen) with unknown last, funding sources in the order of :data:`SUMBER_DANA`, years ascending.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assembler.models.tahap4 import Prioritas
from assembler.models.tahap5 import SUMBER_DANA, SkemaTindakan
from assembler.scoring.mcua import ASPEK

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView


@dataclass(frozen=True)
class TotalKeluaran:
    keluaran: str
    rumusan: str
    jumlah: int


@dataclass(frozen=True)
class TotalAspek:
    """``aspek`` is None when the tindakan's aspect is unknown (4.7 absent or silent)."""

    aspek: str | None
    jumlah: int


@dataclass(frozen=True)
class TotalSumberDana:
    sumber_dana: str
    jumlah: int


@dataclass(frozen=True)
class TotalTahun:
    tahun: int
    jumlah: int


@dataclass(frozen=True)
class RingkasanAnggaran:
    """All budget totals of one Skema Tindakan, in Rupiah (int)."""

    per_keluaran: tuple[TotalKeluaran, ...]
    per_aspek: tuple[TotalAspek, ...]
    per_sumber_dana: tuple[TotalSumberDana, ...]
    per_tahun: tuple[TotalTahun, ...]
    total: int


def aspek_tindakan(prioritas: Prioritas | None) -> dict[str, str]:
    """Map tindakan id -> aspect ('teknis', 'finansial', 'manajemen') from a validated 4.7."""
    if prioritas is None:
        return {}
    return {t.id: t.aspek for t in prioritas.tindakan}


def ringkas_anggaran(skema: SkemaTindakan, aspek: Mapping[str, str] | None = None) -> RingkasanAnggaran:
    """Compute every total of ``skema``; ``aspek`` maps tindakan ids to aspects (see :func:`aspek_tindakan`)."""
    aspek = aspek or {}
    per_keluaran: list[TotalKeluaran] = []
    per_aspek: dict[str | None, int] = {}
    per_sumber: dict[str, int] = {}
    per_tahun: dict[int, int] = {}
    for _loc, kl in skema.iter_keluaran():
        per_keluaran.append(TotalKeluaran(kl.id, kl.rumusan, sum(kg.biaya for kg in kl.kegiatan)))
        for kg in kl.kegiatan:
            a = aspek.get(kg.tindakan)
            per_aspek[a] = per_aspek.get(a, 0) + kg.biaya
            per_sumber[kg.sumber_dana] = per_sumber.get(kg.sumber_dana, 0) + kg.biaya
            for tahun, jumlah in kg.biaya_per_tahun.items():
                per_tahun[tahun] = per_tahun.get(tahun, 0) + jumlah
    total = sum(t.jumlah for t in per_keluaran)
    return RingkasanAnggaran(
        per_keluaran=tuple(per_keluaran),
        per_aspek=tuple(TotalAspek(a, per_aspek[a]) for a in sorted(per_aspek, key=_urutan_aspek)),
        per_sumber_dana=tuple(TotalSumberDana(s, per_sumber[s]) for s in sorted(per_sumber, key=_urutan_sumber)),
        per_tahun=tuple(TotalTahun(t, per_tahun[t]) for t in sorted(per_tahun)),
        total=total,
    )


def anggaran_workspace(ws: WorkspaceView) -> RingkasanAnggaran | None:
    """The budget of a workspace, or None while 5.1 is absent."""
    skema = ws.get(SkemaTindakan)
    if skema is None:
        return None
    return ringkas_anggaran(skema, aspek_tindakan(ws.get(Prioritas)))


def _urutan_aspek(a: str | None) -> tuple[int, str]:
    # Known aspects in the guide's order, any other value alphabetically after them, unknown last.
    if a is None:
        return (len(ASPEK) + 1, "")
    return (ASPEK.index(a), a) if a in ASPEK else (len(ASPEK), a)


def _urutan_sumber(s: str) -> tuple[int, str]:
    return (SUMBER_DANA.index(s), s) if s in SUMBER_DANA else (len(SUMBER_DANA), s)
