"""Topics 3.1 and 3.2: the example files validate, and every rule speaks its exact message."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from assembler.models.tahap3 import (
    KRITERIA_GOOD_GOVERNANCE,
    PROSES,
    AkarMasalah,
    KebutuhanTeknisManajemen,
)
from tests.helpers.models import load, run_checks


@pytest.fixture
def t31() -> dict[str, Any]:
    return load("3.1-kebutuhan-teknis-manajemen.yaml")


@pytest.fixture
def t32() -> dict[str, Any]:
    return load("3.2-akar-masalah.yaml")


# --- 3.1 -------------------------------------------------------------------------------------------


def test_31_contoh_valid_and_clean(t31: dict[str, Any]) -> None:
    model = KebutuhanTeknisManajemen.model_validate(t31)
    assert run_checks(model) == []
    assert set(model.daftar_periksa) == set(PROSES)
    assert model.daftar_periksa["penyaluran_pelayanan"]["akuntabel"].penilaian == "belum"
    assert len(model.analisis_diagnostik) == 3


def test_31_unknown_key_rejected(t31: dict[str, Any]) -> None:
    t31["faktor"]["pendorong"] = ["x"]
    with pytest.raises(ValidationError) as err:
        KebutuhanTeknisManajemen.model_validate(t31)
    assert err.value.errors()[0]["type"] == "extra_forbidden"
    assert err.value.errors()[0]["loc"] == ("faktor", "pendorong")


def test_31_typo_in_process_key_rejected(t31: dict[str, Any]) -> None:
    t31["daftar_periksa"]["pusat_layanan"] = t31["daftar_periksa"].pop("pusat_pelayanan")
    with pytest.raises(ValidationError) as err:
        KebutuhanTeknisManajemen.model_validate(t31)
    assert err.value.errors()[0]["type"] == "literal_error"
    assert err.value.errors()[0]["loc"][:2] == ("daftar_periksa", "pusat_layanan")


def test_31_typo_in_criterion_key_rejected(t31: dict[str, Any]) -> None:
    sel = t31["daftar_periksa"]["mobilisasi_dukungan"]
    sel["akuntable"] = sel.pop("akuntabel")
    with pytest.raises(ValidationError) as err:
        KebutuhanTeknisManajemen.model_validate(t31)
    assert err.value.errors()[0]["loc"][:3] == ("daftar_periksa", "mobilisasi_dukungan", "akuntable")


def test_31_invalid_judgement_rejected(t31: dict[str, Any]) -> None:
    t31["daftar_periksa"]["mobilisasi_dukungan"]["akuntabel"]["penilaian"] = "cukup"
    with pytest.raises(ValidationError):
        KebutuhanTeknisManajemen.model_validate(t31)


def test_31_missing_cell_names_process_and_criterion(t31: dict[str, Any]) -> None:
    del t31["daftar_periksa"]["pusat_pelayanan"]["terjangkau"]
    model = KebutuhanTeknisManajemen.model_validate(t31)
    assert run_checks(model) == [
        (
            ("daftar_periksa", "pusat_pelayanan"),
            "error",
            "penilaian proses 'pusat_pelayanan' pada kriteria 'terjangkau' belum diisi; daftar periksa good "
            "governance harus lengkap (5 proses x 5 kriteria)",
        )
    ]
    assert run_checks(model, lang="en")[0][2] == (
        "process 'pusat_pelayanan' has no judgement for criterion 'terjangkau'; the good-governance "
        "checklist must be complete (5 processes x 5 criteria)"
    )


def test_31_missing_process_reports_each_cell(t31: dict[str, Any]) -> None:
    del t31["daftar_periksa"]["mobilisasi_dukungan"]
    found = run_checks(KebutuhanTeknisManajemen.model_validate(t31))
    assert [loc for loc, _, _ in found] == [("daftar_periksa",)] * len(KRITERIA_GOOD_GOVERNANCE)
    assert all("'mobilisasi_dukungan'" in msg for _, _, msg in found)
    assert [msg.split("'")[3] for _, _, msg in found] == list(KRITERIA_GOOD_GOVERNANCE)


def test_31_main_problem_uses_service_criteria_only(t31: dict[str, Any]) -> None:
    # 'aksesibel' is a checklist criterion, not one of the six service criteria.
    t31["persoalan_utama"][0]["kriteria"] = ["aksesibel"]
    with pytest.raises(ValidationError):
        KebutuhanTeknisManajemen.model_validate(t31)


def test_31_cards_need_both_sides(t31: dict[str, Any]) -> None:
    t31["kartu"][0]["harapan"] = []
    with pytest.raises(ValidationError) as err:
        KebutuhanTeknisManajemen.model_validate(t31)
    assert err.value.errors()[0]["loc"] == ("kartu", 0, "harapan")


def test_31_diagnostic_worksheet_optional(t31: dict[str, Any]) -> None:
    del t31["analisis_diagnostik"]
    assert KebutuhanTeknisManajemen.model_validate(t31).analisis_diagnostik == []


# --- 3.2 -------------------------------------------------------------------------------------------


def test_32_contoh_valid_and_clean(t32: dict[str, Any]) -> None:
    model = AkarMasalah.model_validate(t32)
    assert run_checks(model) == []
    assert [st.id for st in model.solusi_terpadu] == ["st-1", "st-2", "st-3"]


def test_32_unknown_key_rejected(t32: dict[str, Any]) -> None:
    t32["akar_masalah"][0]["tahap"] = "mobilisasi"
    with pytest.raises(ValidationError) as err:
        AkarMasalah.model_validate(t32)
    assert err.value.errors()[0]["type"] == "extra_forbidden"


def test_32_ids_and_refs_declared_for_the_reference_pass() -> None:
    schema = AkarMasalah.model_json_schema()
    defs = schema["$defs"]
    assert defs["AkarMasalahItem"]["properties"]["id"]["x-siap-id"] == "akar_masalah"
    assert defs["SolusiAlternatif"]["properties"]["akar_masalah"]["x-siap-ref"] == ["akar_masalah"]
    assert defs["SolusiTerpadu"]["properties"]["solusi"]["x-siap-ref"] == ["solusi"]


def test_32_solution_needs_a_root_cause(t32: dict[str, Any]) -> None:
    t32["solusi_alternatif"][0]["akar_masalah"] = []
    with pytest.raises(ValidationError) as err:
        AkarMasalah.model_validate(t32)
    assert err.value.errors()[0]["loc"] == ("solusi_alternatif", 0, "akar_masalah")


@pytest.mark.parametrize("jumlah", [1, 4])
def test_32_two_to_three_integrated_solutions(t32: dict[str, Any], jumlah: int) -> None:
    pertama = t32["solusi_terpadu"][0]
    daftar = []
    for i in range(jumlah):
        st = copy.deepcopy(pertama)
        st["id"] = f"st-{i + 1}"
        st["solusi"] = [sa["id"] for sa in t32["solusi_alternatif"]]
        daftar.append(st)
    t32["solusi_terpadu"] = daftar
    assert run_checks(AkarMasalah.model_validate(t32)) == [
        (
            ("solusi_terpadu",),
            "error",
            f"terdapat {jumlah} solusi terpadu; panduan meminta 2-3 solusi terpadu",
        )
    ]


def test_32_unused_alternative_solution_warns(t32: dict[str, Any]) -> None:
    t32["solusi_terpadu"][2]["solusi"] = ["sa-07", "sa-08"]
    assert run_checks(AkarMasalah.model_validate(t32)) == [
        (
            ("solusi_alternatif", 8, "id"),
            "warning",
            "solusi alternatif 'sa-09' tidak dipakai oleh solusi terpadu mana pun",
        )
    ]


def test_32_flow_step_without_root_cause_warns(t32: dict[str, Any]) -> None:
    t32["akar_masalah"] = [am for am in t32["akar_masalah"] if am["tahap_alur"] != "mobilisasi"]
    assert run_checks(AkarMasalah.model_validate(t32)) == [
        (("akar_masalah",), "warning", "tahap alur pelayanan 'mobilisasi' belum memiliki akar masalah")
    ]


def test_32_unknown_flow_step_rejected(t32: dict[str, Any]) -> None:
    t32["akar_masalah"][0]["tahap_alur"] = "perencanaan"
    with pytest.raises(ValidationError):
        AkarMasalah.model_validate(t32)
