"""Tabel Analisis Kesenjangan Kuantitatif of Topik 2.3: target against realisation per indicator.

Formulas (``arah`` says which way is better):

* ``naik`` (higher is better, e.g. coverage):  selisih = target − realisasi;
  persen capaian = realisasi / target × 100.
* ``turun`` (lower is better, e.g. water loss, days to connect): selisih = realisasi − target;
  persen capaian = target / realisasi × 100.

So ``selisih`` > 0 is always a shortfall and ``selisih`` ≤ 0 means the target is met (``tercapai``);
a negative ``selisih`` is the margin by which it was beaten. Arithmetic is in :class:`~decimal.Decimal`
(the inputs are decimal numbers typed by people, so 38.6 − 25 is exactly 13.6). The percentage is
rounded half-up to two decimals; it is None when its divisor is zero or a value is negative, where
a percentage means nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from assembler.models.tahap2 import Indikator, Kesenjangan

TERCAPAI = "tercapai"
BELUM_TERCAPAI = "belum tercapai"

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class KesenjanganIndikator:
    """One row of the gap table."""

    indikator: str
    nama: str
    satuan: str
    arah: str
    target: Decimal
    realisasi: Decimal
    tahun: int
    selisih: Decimal
    persen_capaian: Decimal | None
    tercapai: bool
    status: str
    strategis: bool
    alasan_strategis: str


@dataclass(frozen=True)
class AnalisisKesenjangan:
    """The whole table plus the strategic indicators handed on to topic 4.1."""

    baris: list[KesenjanganIndikator]
    strategis: list[str]

    @property
    def jumlah_tercapai(self) -> int:
        return sum(1 for b in self.baris if b.tercapai)

    @property
    def jumlah_belum_tercapai(self) -> int:
        return sum(1 for b in self.baris if not b.tercapai)

    def baris_indikator(self, indikator: str) -> KesenjanganIndikator | None:
        return next((b for b in self.baris if b.indikator == indikator), None)


def gap_of(ind: Indikator) -> KesenjanganIndikator:
    """The gap of one indicator (formulas in the module docstring)."""
    target, realisasi = Decimal(ind.target), Decimal(ind.realisasi)
    if ind.arah == "turun":
        selisih = realisasi - target
        pembilang, penyebut = target, realisasi
    else:
        selisih = target - realisasi
        pembilang, penyebut = realisasi, target
    persen: Decimal | None = None
    if penyebut > 0 and pembilang >= 0:
        persen = (pembilang / penyebut * _HUNDRED).quantize(_CENT, rounding=ROUND_HALF_UP)
    tercapai = selisih <= 0
    return KesenjanganIndikator(
        indikator=ind.id,
        nama=ind.nama,
        satuan=ind.satuan,
        arah=ind.arah,
        target=target,
        realisasi=realisasi,
        tahun=ind.tahun,
        selisih=selisih,
        persen_capaian=persen,
        tercapai=tercapai,
        status=TERCAPAI if tercapai else BELUM_TERCAPAI,
        strategis=ind.strategis,
        alasan_strategis=ind.alasan_strategis,
    )


def analyse_gaps(data: Kesenjangan) -> AnalisisKesenjangan:
    """Every indicator's gap, in the order written, and the strategic ones."""
    baris = [gap_of(ind) for ind in data.indikator]
    return AnalisisKesenjangan(baris=baris, strategis=[b.indikator for b in baris if b.strategis])
