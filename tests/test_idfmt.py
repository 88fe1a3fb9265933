from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from assembler import idfmt


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (2, "dua"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (1111, "seribu seratus sebelas"),
        (2000, "dua ribu"),
        (2009, "dua ribu sembilan"),
        (2026, "dua ribu dua puluh enam"),
        (11000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (201_000, "dua ratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_001_001, "satu juta seribu satu"),
        (1_250_000, "satu juta dua ratus lima puluh ribu"),
        (1_000_001_000, "satu miliar seribu"),
        (1_001_000_000, "satu miliar satu juta"),
        (2_500_000_000, "dua miliar lima ratus juta"),
        (1_000_000_000_000, "satu triliun"),
        (1_000_000_001_000, "satu triliun seribu"),
        (
            999_999_999_999_999,
            ("sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar "
            "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu "
            "sembilan ratus sembilan puluh sembilan"),
        ),
        (-5, "minus lima"),
    ],
)
def test_terbilang(n: int, kata: str) -> None:
    assert idfmt.terbilang(n) == kata


def test_terbilang_never_writes_satu_ribu_for_a_single_thousand() -> None:
    for n in [1000, 1_001_000, 5_001_999, 7_000_001_000, 3_000_000_001_500]:
        assert "satu ribu" not in idfmt.terbilang(n), n
    # "satu ribu" is right when "satu" belongs to a larger group: 201.000, 21.000
    assert idfmt.terbilang(21_000) == "dua puluh satu ribu"


def test_terbilang_rejects_non_integers_and_huge_numbers() -> None:
    with pytest.raises(TypeError):
        idfmt.terbilang(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        idfmt.terbilang(True)
    with pytest.raises(ValueError):
        idfmt.terbilang(10**18)


def test_terbilang_rupiah() -> None:
    assert idfmt.terbilang_rupiah(1_250_000) == "satu juta dua ratus lima puluh ribu rupiah"
    assert idfmt.terbilang_rupiah(1000) == "seribu rupiah"


@pytest.mark.parametrize(
    ("n", "teks"),
    [
        (0, "Rp0"),
        (5, "Rp5"),
        (999, "Rp999"),
        (1000, "Rp1.000"),
        (1_250_000, "Rp1.250.000"),
        (2_500_000_000, "Rp2.500.000.000"),
        (-1_250_000, "-Rp1.250.000"),
    ],
)
def test_rupiah(n: int, teks: str) -> None:
    assert idfmt.rupiah(n) == teks


def test_rupiah_rejects_float() -> None:
    with pytest.raises(TypeError):
        idfmt.rupiah(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("x", "digits", "teks"),
    [
        (0, None, "0"),
        (31450, None, "31.450"),
        (-1_234_567, None, "-1.234.567"),
        (38.6, None, "38,6"),
        (Decimal("1234.50"), None, "1.234,5"),
        (Decimal("1234.5"), 2, "1.234,50"),
        (2.25, 1, "2,3"),
        (1_000_000.0, 0, "1.000.000"),
        (-2500.754, 2, "-2.500,75"),
        (-0.01, 1, "0,0"),
        (7, 1, "7,0"),
    ],
)
def test_angka(x: float | Decimal, digits: int | None, teks: str) -> None:
    assert idfmt.angka(x, digits) == teks


@pytest.mark.parametrize(
    ("x", "digits", "teks"),
    [
        (Decimal("38.6"), 1, "38,6%"),
        (38.64, 1, "38,6%"),
        (38.65, 1, "38,7%"),
        (100, 1, "100,0%"),
        (12.5, 0, "13%"),
        (0.123, 2, "0,12%"),
    ],
)
def test_persen(x: float | Decimal, digits: int, teks: str) -> None:
    assert idfmt.persen(x, digits=digits) == teks


def test_persen_default_one_digit() -> None:
    assert idfmt.persen(Decimal(48)) == "48,0%"


def test_tanggal() -> None:
    assert idfmt.tanggal(dt.date(2009, 2, 3)) == "3 Februari 2009"
    assert idfmt.tanggal(dt.date(2026, 12, 31)) == "31 Desember 2026"
    assert idfmt.tanggal(dt.date(2026, 8, 17)) == "17 Agustus 2026"


def test_tanggal_terbilang() -> None:
    assert (
        idfmt.tanggal_terbilang(dt.date(2009, 2, 3))
        == "Selasa, tanggal tiga bulan Februari tahun dua ribu sembilan"
    )
    assert (
        idfmt.tanggal_terbilang(dt.date(2026, 5, 11))
        == "Senin, tanggal sebelas bulan Mei tahun dua ribu dua puluh enam"
    )
    assert idfmt.tanggal_terbilang(dt.date(2026, 5, 1)).startswith("Jumat, tanggal satu bulan Mei")


def test_hari_and_bulan() -> None:
    assert [idfmt.hari(dt.date(2026, 5, d)) for d in range(11, 18)] == [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ]
    assert [idfmt.bulan(m) for m in range(1, 13)] == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]
    with pytest.raises(ValueError):
        idfmt.bulan(13)
    with pytest.raises(ValueError):
        idfmt.bulan(0)


@pytest.mark.parametrize(
    ("n", "label"),
    [
        (1, "KESATU"),
        (2, "KEDUA"),
        (3, "KETIGA"),
        (4, "KEEMPAT"),
        (5, "KELIMA"),
        (6, "KEENAM"),
        (7, "KETUJUH"),
        (8, "KEDELAPAN"),
        (9, "KESEMBILAN"),
        (10, "KESEPULUH"),
        (11, "KESEBELAS"),
        (12, "KEDUA BELAS"),
        (19, "KESEMBILAN BELAS"),
        (20, "KEDUA PULUH"),
        (21, "KEDUA PULUH SATU"),
    ],
)
def test_diktum(n: int, label: str) -> None:
    assert idfmt.diktum(n) == label


def test_diktum_never_pertama_and_starts_at_one() -> None:
    assert all("PERTAMA" not in idfmt.diktum(n) for n in range(1, 50))
    with pytest.raises(ValueError):
        idfmt.diktum(0)


@pytest.mark.parametrize(
    ("n", "r"),
    [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI"), (7, "VII"), (8, "VIII"),
     (9, "IX"), (10, "X"), (11, "XI"), (12, "XII"), (14, "XIV"), (40, "XL"), (49, "XLIX"),
     (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (2026, "MMXXVI"), (3999, "MMMCMXCIX")],
)
def test_romawi(n: int, r: str) -> None:
    assert idfmt.romawi(n) == r


def test_romawi_range() -> None:
    with pytest.raises(ValueError):
        idfmt.romawi(0)
    with pytest.raises(ValueError):
        idfmt.romawi(4000)


def test_daftar() -> None:
    assert idfmt.daftar([]) == ""
    assert idfmt.daftar(["a"]) == "a"
    assert idfmt.daftar(["a", "b"]) == "a dan b"
    assert idfmt.daftar(["a", "b", "c"]) == "a, b, dan c"
    assert idfmt.daftar(["a", "b", "c", "d"]) == "a, b, c, dan d"
    assert idfmt.daftar(("x", "y"), kata="atau") == "x atau y"


def test_huruf() -> None:
    assert [idfmt.huruf(n) for n in range(1, 6)] == ["a", "b", "c", "d", "e"]
    assert idfmt.huruf(26) == "z"
    assert idfmt.huruf(27) == "aa"
    assert idfmt.huruf(28) == "ab"
    assert idfmt.huruf(52) == "az"
    assert idfmt.huruf(53) == "ba"
    with pytest.raises(ValueError):
        idfmt.huruf(0)


def test_rujukan_huruf() -> None:
    assert idfmt.rujukan_huruf(1) == "huruf a"
    assert idfmt.rujukan_huruf(2) == "huruf a dan huruf b"
    assert idfmt.rujukan_huruf(3) == "huruf a, huruf b, dan huruf c"
    assert idfmt.rujukan_huruf(4) == "huruf a, huruf b, huruf c, dan huruf d"
    with pytest.raises(ValueError):
        idfmt.rujukan_huruf(0)
