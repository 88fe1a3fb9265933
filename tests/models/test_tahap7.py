"""Topics 7.1 and 7.2: the example files validate, and every rule speaks its exact message."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from assembler.models.tahap5 import SkemaTindakan
from assembler.models.tahap7 import DokumentasiReplikasi, Monev
from tests.helpers.models import load, run_checks


@pytest.fixture
def skema() -> SkemaTindakan:
    return SkemaTindakan.model_validate(load("5.1-skema-tindakan.yaml"))


@pytest.fixture
def t71() -> dict[str, Any]:
    return load("7.1-monev.yaml")


@pytest.fixture
def t72() -> dict[str, Any]:
    return load("7.2-dokumentasi-replikasi.yaml")


# --------------------------------------------------------------------------- 7.1


def test_monev_fixture_is_valid_and_covers_every_indicator(t71: dict[str, Any], skema: SkemaTindakan) -> None:
    model = Monev.model_validate(t71)
    assert run_checks(model, {"5.1": skema}) == []
    assert [r.indikator_logframe for r in model.format_monev] == [i.id for i in skema.iter_indikator()]


def test_monev_rejects_unknown_key(t71: dict[str, Any]) -> None:
    t71["format_monev"][0]["target"] = 60
    with pytest.raises(ValidationError) as exc:
        Monev.model_validate(t71)
    assert [(tuple(e["loc"]), e["type"]) for e in exc.value.errors()] == [
        (("format_monev", 0, "target"), "extra_forbidden")
    ]


def test_indikator_tanpa_monev(t71: dict[str, Any], skema: SkemaTindakan) -> None:
    t71["format_monev"] = [r for r in t71["format_monev"] if r["indikator_logframe"] not in ("il-07", "il-15")]
    assert run_checks(Monev.model_validate(t71), {"5.1": skema}) == [
        (("format_monev",), "warning", "indikator logframe Topik 5.1 belum mempunyai format monev: il-07, il-15")
    ]


def test_indikator_tanpa_monev_is_skipped_without_5_1(t71: dict[str, Any]) -> None:
    t71["format_monev"] = t71["format_monev"][:1]
    assert run_checks(Monev.model_validate(t71)) == []


def test_indikator_ganda(t71: dict[str, Any]) -> None:
    t71["format_monev"][4]["indikator_logframe"] = "il-02"
    assert run_checks(Monev.model_validate(t71)) == [
        (
            ("format_monev", 4, "indikator_logframe"),
            "error",
            "indikator 'il-02' sudah mempunyai format monev pada format_monev[1]; setiap indikator cukup satu baris",
        )
    ]


def test_tim_monev_without_ketua(t71: dict[str, Any]) -> None:
    t71["tim_monev"][0]["peran"] = "Anggota"
    assert run_checks(Monev.model_validate(t71)) == [
        (("tim_monev",), "error", "Tim Monev harus mempunyai tepat satu Ketua; ditemukan 0")
    ]
    assert run_checks(Monev.model_validate(t71), lang="en")[0][2] == "Tim Monev must have exactly one Ketua; found 0"


# --------------------------------------------------------------------------- 7.2


def test_dokumentasi_fixture_is_valid_and_clean(t72: dict[str, Any], skema: SkemaTindakan) -> None:
    model = DokumentasiReplikasi.model_validate(t72)
    assert run_checks(model, {"5.1": skema}) == []
    assert model.bagan_bawang[0].kegiatan == ["kg-1.2"]  # the DMA zoning kegiatan
    assert "DMA" in skema.kegiatan_by_id()["kg-1.2"].rumusan


def test_dokumentasi_rejects_unknown_key(t72: dict[str, Any]) -> None:
    t72["bagan_bawang"][0]["tingkat"] = 1
    with pytest.raises(ValidationError) as exc:
        DokumentasiReplikasi.model_validate(t72)
    assert [(tuple(e["loc"]), e["type"]) for e in exc.value.errors()] == [
        (("bagan_bawang", 0, "tingkat"), "extra_forbidden")
    ]


def test_lingkaran_inti_holds_exactly_one_kegiatan(t72: dict[str, Any]) -> None:
    t72["bagan_bawang"][0]["kegiatan"].append("kg-1.1")
    t72["bagan_bawang"][1]["kegiatan"].remove("kg-1.1")
    assert run_checks(DokumentasiReplikasi.model_validate(t72)) == [
        (
            ("bagan_bawang", 0, "kegiatan"),
            "error",
            "lingkaran terdalam Bagan Bawang harus berisi tepat satu kegiatan (yang paling berpengaruh); ditemukan 2",
        )
    ]


def test_lingkaran_inti_may_not_be_empty(t72: dict[str, Any]) -> None:
    t72["bagan_bawang"][0]["kegiatan"] = []
    with pytest.raises(ValidationError) as exc:
        DokumentasiReplikasi.model_validate(t72)
    assert [(tuple(e["loc"]), e["type"]) for e in exc.value.errors()] == [
        (("bagan_bawang", 0, "kegiatan"), "too_short")
    ]


def test_kegiatan_ganda_in_bagan_bawang(t72: dict[str, Any]) -> None:
    t72["bagan_bawang"][3]["kegiatan"].append("kg-1.3")
    assert run_checks(DokumentasiReplikasi.model_validate(t72)) == [
        (
            ("bagan_bawang", 3, "kegiatan", 4),
            "error",
            "kegiatan 'kg-1.3' sudah ditempatkan pada lingkaran 2; setiap kegiatan hanya berada pada satu lingkaran",
        )
    ]


def test_kegiatan_belum_dipetakan(t72: dict[str, Any], skema: SkemaTindakan) -> None:
    t72["bagan_bawang"][3]["kegiatan"] = ["kg-3.2"]
    assert run_checks(DokumentasiReplikasi.model_validate(t72), {"5.1": skema}) == [
        (
            ("bagan_bawang",),
            "warning",
            "kegiatan Topik 5.1 belum ditempatkan dalam Bagan Bawang: kg-4.1, kg-4.3, kg-4.4",
        )
    ]


def test_topik_bukan_bagan(t72: dict[str, Any]) -> None:
    t72["kerangka_dokumen"]["topik_terpilih"].append("kg-9.9")
    t72["kerangka_dokumen"]["bab"][2]["topik"] = ["kg-9.8"]
    message = (
        "topik '{}' tidak terdapat dalam Bagan Bawang; "
        "kerangka dokumen disusun dari kegiatan yang ada pada Bagan Bawang"
    )
    assert run_checks(DokumentasiReplikasi.model_validate(t72)) == [
        (("kerangka_dokumen", "topik_terpilih", 3), "error", message.format("kg-9.9")),
        (("kerangka_dokumen", "bab", 2, "topik", 0), "error", message.format("kg-9.8")),
    ]


def test_tim_penulis_and_jadwal_penulisan(t72: dict[str, Any]) -> None:
    t72["tim_penulis"].append({"anggota": "m-pwi", "peran": "Anggota"})
    t72["jadwal_penulisan"][3]["selesai"] = "2027-05"
    assert run_checks(DokumentasiReplikasi.model_validate(t72)) == [
        (("tim_penulis", 5, "anggota"), "error", "anggota 'm-pwi' tercantum lebih dari sekali dalam Tim Penulis"),
        (
            ("jadwal_penulisan", 3, "selesai"),
            "error",
            "bulan mulai 2027-06 lebih akhir daripada bulan selesai 2027-05; "
            "'mulai' harus sama dengan atau sebelum 'selesai'",
        ),
    ]
