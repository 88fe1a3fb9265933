"""Tabel Analisis Kesenjangan (2.3): signed gaps, direction-aware achievement, exact decimals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from assembler.analysis.kesenjangan import BELUM_TERCAPAI, TERCAPAI, analyse_gaps, gap_of
from assembler.models.tahap2 import Indikator, Kesenjangan

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"


def indikator(target: Any, realisasi: Any, arah: str, **extra: Any) -> Indikator:
    return Indikator.model_validate(
        {
            "id": "ind-x",
            "nama": "Indikator uji",
            "satuan": "%",
            "target": target,
            "realisasi": realisasi,
            "arah": arah,
            "tahun": 2025,
            "sumber_data": "uji",
            **extra,
        }
    )


def test_contoh_table() -> None:
    data = Kesenjangan.model_validate(
        yaml.safe_load((CONTOH / "2.3-kesenjangan.yaml").read_text(encoding="utf-8"))
    )
    hasil = analyse_gaps(data)
    assert [(b.indikator, b.selisih, b.persen_capaian, b.status) for b in hasil.baris] == [
        ("ind-nrw", Decimal("13.6"), Decimal("64.77"), BELUM_TERCAPAI),
        ("ind-kontinuitas", Decimal("8"), Decimal("66.67"), BELUM_TERCAPAI),
        ("ind-cakupan", Decimal("12"), Decimal("80.00"), BELUM_TERCAPAI),
        ("ind-kualitas", Decimal("4"), Decimal("96.00"), BELUM_TERCAPAI),
        ("ind-sambungan-baru", Decimal("9"), Decimal("35.71"), BELUM_TERCAPAI),
        ("ind-pengaduan", Decimal("28"), Decimal("68.89"), BELUM_TERCAPAI),
        ("ind-tagihan", Decimal("7"), Decimal("92.22"), BELUM_TERCAPAI),
    ]
    assert hasil.strategis == ["ind-nrw", "ind-kontinuitas", "ind-cakupan", "ind-pengaduan"]
    assert (hasil.jumlah_tercapai, hasil.jumlah_belum_tercapai) == (0, 7)


def test_lower_is_better_shortfall() -> None:
    # Water loss 38.6 % against a 25 % ceiling: 13.6 points too high, 25/38.6 = 64.77 % achieved.
    row = gap_of(indikator(25, 38.6, "turun"))
    assert row.selisih == Decimal("13.6")
    assert row.persen_capaian == Decimal("64.77")
    assert (row.tercapai, row.status) == (False, BELUM_TERCAPAI)


def test_lower_is_better_met() -> None:
    row = gap_of(indikator(5, 4, "turun"))
    assert row.selisih == Decimal("-1")  # negative: beaten by one day
    assert row.persen_capaian == Decimal("125.00")
    assert (row.tercapai, row.status) == (True, TERCAPAI)


def test_higher_is_better_met_exactly_and_exceeded() -> None:
    exact = gap_of(indikator(90, 90, "naik"))
    assert (exact.selisih, exact.persen_capaian, exact.status) == (Decimal("0"), Decimal("100.00"), TERCAPAI)
    over = gap_of(indikator(60, 62.5, "naik"))
    assert (over.selisih, over.persen_capaian, over.tercapai) == (Decimal("-2.5"), Decimal("104.17"), True)


def test_decimal_arithmetic_is_exact() -> None:
    # In floats 0.3 - 0.1 is 0.19999999999999998; typed decimals must stay decimals.
    row = gap_of(indikator(0.3, 0.1, "naik"))
    assert row.selisih == Decimal("0.2")
    assert row.persen_capaian == Decimal("33.33")


def test_rounding_is_half_up() -> None:
    # 1/8 = 12.5 % exactly; 1/16 = 6.25 % exactly; 1/32*100 = 3.125 -> 3.13 (half-up, not banker's 3.12).
    assert gap_of(indikator(32, 1, "naik")).persen_capaian == Decimal("3.13")


def test_no_percentage_when_dividing_by_zero() -> None:
    zero_target = gap_of(indikator(0, 3, "naik"))
    assert zero_target.persen_capaian is None and zero_target.tercapai
    zero_loss = gap_of(indikator(20, 0, "turun"))
    assert zero_loss.persen_capaian is None and zero_loss.tercapai
    assert zero_loss.selisih == Decimal("-20")


def test_strategic_flag_and_reason_carried_over() -> None:
    row = gap_of(indikator(24, 16, "naik", strategis=True, alasan_strategis="harapan utama pelanggan"))
    assert (row.strategis, row.alasan_strategis) == (True, "harapan utama pelanggan")
    assert (row.target, row.realisasi, row.satuan, row.arah) == (Decimal("24"), Decimal("16"), "%", "naik")
