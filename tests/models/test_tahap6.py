"""Topics 6.1 and 6.2: the example files validate, and every rule speaks its exact message."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from assembler.messages import format_message
from assembler.models.tahap5 import CitizenCharter, SkemaTindakan
from assembler.models.tahap6 import IntegrasiCorporatePlan, Pelaksanaan
from tests.helpers.models import load, run_checks


@pytest.fixture
def skema() -> SkemaTindakan:
    return SkemaTindakan.model_validate(load("5.1-skema-tindakan.yaml"))


@pytest.fixture
def charter() -> CitizenCharter:
    return CitizenCharter.model_validate(load("5.2-citizen-charter.yaml"))


@pytest.fixture
def t61() -> dict[str, Any]:
    return load("6.1-integrasi-corporate-plan.yaml")


@pytest.fixture
def t62() -> dict[str, Any]:
    return load("6.2-pelaksanaan.yaml")


# --------------------------------------------------------------------------- 6.1


def test_integrasi_fixture_is_valid_and_clean(t61: dict[str, Any], skema: SkemaTindakan) -> None:
    model = IntegrasiCorporatePlan.model_validate(t61)
    assert run_checks(model, {"5.1": skema}) == []
    assert [p.kegiatan for p in model.penyisipan] == list(skema.kegiatan_by_id())
    assert model.penyisipan[1].kode_anggaran == "1.03.03.2.01"


def test_integrasi_rejects_unknown_key(t61: dict[str, Any]) -> None:
    t61["penyisipan"][0]["kode_rekening"] = "5.1.02"
    with pytest.raises(ValidationError) as exc:
        IntegrasiCorporatePlan.model_validate(t61)
    assert [(tuple(e["loc"]), e["type"]) for e in exc.value.errors()] == [
        (("penyisipan", 0, "kode_rekening"), "extra_forbidden")
    ]


@pytest.mark.parametrize("kode", ["1.03.03", "1.03.03.2.01", "1.03.03.2.01.0001"])
def test_kode_anggaran_accepts_program_kegiatan_and_sub_kegiatan(t61: dict[str, Any], kode: str) -> None:
    t61["penyisipan"][1]["kode_anggaran"] = kode
    assert IntegrasiCorporatePlan.model_validate(t61).penyisipan[1].kode_anggaran == kode


@pytest.mark.parametrize("kode", ["1.3.3.2.1", "1.03.03.2", "1.03.03.2.01.1", "APBD-01"])
def test_kode_anggaran_rejects_other_shapes(t61: dict[str, Any], kode: str) -> None:
    t61["penyisipan"][1]["kode_anggaran"] = kode
    with pytest.raises(ValidationError) as exc:
        IntegrasiCorporatePlan.model_validate(t61)
    err = exc.value.errors()[0]
    assert (tuple(err["loc"]), err["type"]) == (("penyisipan", 1, "kode_anggaran"), "siap.kode_anggaran")
    assert format_message(err["type"], err["ctx"]) == (
        f"{kode} bukan kode program/kegiatan menurut Permendagri 90/2019; bentuknya "
        "urusan.bidang.program[.kegiatan[.sub-kegiatan]], misalnya '1.03.03.2.01'"
    )


def test_jangka_waktu_is_five_years_or_one_to_two(t61: dict[str, Any]) -> None:
    t61["penyisipan"][0]["jangka_waktu"] = "3 tahun"
    with pytest.raises(ValidationError) as exc:
        IntegrasiCorporatePlan.model_validate(t61)
    assert exc.value.errors()[0]["type"] == "literal_error"


def test_penyisipan_kegiatan_ganda(t61: dict[str, Any]) -> None:
    t61["penyisipan"][3]["kegiatan"] = "kg-1.2"
    assert run_checks(IntegrasiCorporatePlan.model_validate(t61)) == [
        (
            ("penyisipan", 3, "kegiatan"),
            "error",
            "kegiatan 'kg-1.2' sudah dicantumkan pada penyisipan[1]; setiap kegiatan cukup satu baris",
        )
    ]


def test_kegiatan_belum_disisipkan(t61: dict[str, Any], skema: SkemaTindakan) -> None:
    t61["penyisipan"] = [p for p in t61["penyisipan"] if p["kegiatan"] not in ("kg-3.2", "kg-4.3")]
    assert run_checks(IntegrasiCorporatePlan.model_validate(t61), {"5.1": skema}) == [
        (
            ("penyisipan",),
            "warning",
            "kegiatan Topik 5.1 belum direncanakan penyisipannya ke dokumen perencanaan: kg-3.2, kg-4.3",
        )
    ]


def test_kode_anggaran_kosong_for_regional_budget(t61: dict[str, Any], skema: SkemaTindakan) -> None:
    del t61["penyisipan"][1]["kode_anggaran"]  # kg-1.2, APBN/DAK
    assert run_checks(IntegrasiCorporatePlan.model_validate(t61), {"5.1": skema}) == [
        (
            ("penyisipan", 1),
            "warning",
            "kegiatan 'kg-1.2' dibiayai APBN/DAK tetapi 'kode_anggaran' kosong; "
            "isi kode program/kegiatan menurut Permendagri 90/2019, misalnya '1.03.03.2.01'",
        )
    ]


def test_tim_perumus_needs_exactly_one_ketua(t61: dict[str, Any]) -> None:
    t61["tim_perumus"]["anggota"][1]["peran"] = "Ketua"
    t61["tim_perumus"]["anggota"][4]["anggota"] = "m-kabid-keu"
    assert run_checks(IntegrasiCorporatePlan.model_validate(t61)) == [
        (("tim_perumus", "anggota"), "error", "Tim Perumus harus mempunyai tepat satu Ketua; ditemukan 2"),
        (
            ("tim_perumus", "anggota", 4, "anggota"),
            "error",
            "anggota 'm-kabid-keu' tercantum lebih dari sekali dalam Tim Perumus",
        ),
    ]


# --------------------------------------------------------------------------- 6.2


def test_pelaksanaan_fixture_is_valid_and_clean(
    t62: dict[str, Any], skema: SkemaTindakan, charter: CitizenCharter
) -> None:
    model = Pelaksanaan.model_validate(t62)
    assert run_checks(model, {"5.1": skema, "5.2": charter}) == []
    # Every directly executable kegiatan is in the 5.2 'langsung_dilaksanakan' group.
    by_id = skema.kegiatan_by_id()
    assert {charter.kelompok(by_id[k]) for k in model.kegiatan_langsung} == {"langsung_dilaksanakan"}


def test_pelaksanaan_rejects_unknown_key(t62: dict[str, Any]) -> None:
    t62["mekanisme_pengawalan"]["kegiatan_pengawalan"][0]["pic"] = "m-dirut"
    with pytest.raises(ValidationError) as exc:
        Pelaksanaan.model_validate(t62)
    assert [(tuple(e["loc"]), e["type"]) for e in exc.value.errors()] == [
        (("mekanisme_pengawalan", "kegiatan_pengawalan", 0, "pic"), "extra_forbidden")
    ]


def test_pelaksanaan_kegiatan_ganda(t62: dict[str, Any]) -> None:
    t62["kegiatan_langsung"].append("kg-3.1")
    t62["jadwal_kerja"][5]["kegiatan"] = "kg-3.3"
    assert run_checks(Pelaksanaan.model_validate(t62)) == [
        (
            ("kegiatan_langsung", 6),
            "error",
            "kegiatan 'kg-3.1' tercantum lebih dari sekali dalam daftar yang sama; cukup satu kali",
        ),
        (
            ("jadwal_kerja", 5, "kegiatan"),
            "error",
            "kegiatan 'kg-3.3' tercantum lebih dari sekali dalam daftar yang sama; cukup satu kali",
        ),
        (
            ("jadwal_kerja",),
            "warning",
            "kegiatan yang langsung dilaksanakan belum mempunyai jadwal kerja penerapan: kg-4.3",
        ),
    ]


def test_pelaksanaan_jadwal_terbalik(t62: dict[str, Any]) -> None:
    t62["jadwal_kerja"][2]["mulai"] = "2026-12"
    assert run_checks(Pelaksanaan.model_validate(t62)) == [
        (
            ("jadwal_kerja", 2, "selesai"),
            "error",
            "bulan mulai 2026-12 lebih akhir daripada bulan selesai 2026-08; "
            "'mulai' harus sama dengan atau sebelum 'selesai'",
        )
    ]


def test_pelaksanaan_jadwal_di_luar_skema(t62: dict[str, Any], skema: SkemaTindakan) -> None:
    t62["jadwal_kerja"][0]["selesai"] = "2026-11"  # kg-1.1 is planned 2026-06 to 2026-09 in 5.1
    assert run_checks(Pelaksanaan.model_validate(t62), {"5.1": skema}) == [
        (
            ("jadwal_kerja", 0),
            "warning",
            "jadwal penerapan 2026-06 s.d. 2026-11 berada di luar jadwal kegiatan 'kg-1.1' pada Topik 5.1 "
            "(2026-06 s.d. 2026-09)",
        )
    ]


def test_pelaksanaan_kegiatan_perlu_persetujuan(
    t62: dict[str, Any], skema: SkemaTindakan, charter: CitizenCharter
) -> None:
    t62["kegiatan_langsung"].append("kg-4.2")
    t62["jadwal_kerja"].append({"kegiatan": "kg-4.2", "mulai": "2026-07", "selesai": "2027-03"})
    assert run_checks(Pelaksanaan.model_validate(t62), {"5.1": skema, "5.2": charter}) == [
        (
            ("kegiatan_langsung", 6),
            "warning",
            "kegiatan 'kg-4.2' dipilah 'perlu_persetujuan' pada Topik 5.2; "
            "kegiatan yang langsung dilaksanakan PDAM harus termasuk kelompok 'langsung_dilaksanakan'",
        )
    ]
