"""Topics 2.1, 2.2 and 2.3: the example files validate, and every rule speaks its exact message."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from assembler.models.tahap2 import IsuUtama, Kesenjangan, Regulasi
from tests.helpers.models import load, run_checks


@pytest.fixture
def t21() -> dict[str, Any]:
    return load("2.1-isu-utama.yaml")


@pytest.fixture
def t22() -> dict[str, Any]:
    return load("2.2-regulasi.yaml")


@pytest.fixture
def t23() -> dict[str, Any]:
    return load("2.3-kesenjangan.yaml")


# --- 2.1 ---------------------------------------------------------------------------------------


def test_21_contoh_valid_and_clean(t21: dict[str, Any]) -> None:
    model = IsuUtama.model_validate(t21)
    assert [i.id for i in model.isu] == ["isu-01", "isu-02", "isu-03", "isu-04", "isu-05"]
    assert [k.id for k in model.kriteria] == ["urgensi", "cakupan", "kelayakan"]
    assert run_checks(model) == []


def test_21_unknown_key_rejected(t21: dict[str, Any]) -> None:
    t21["isu"][0]["rumusn"] = "x"
    with pytest.raises(ValidationError) as exc:
        IsuUtama.model_validate(t21)
    assert exc.value.errors()[0]["type"] == "extra_forbidden"
    assert exc.value.errors()[0]["loc"] == ("isu", 0, "rumusn")


def test_21_missing_score_at_the_issue(t21: dict[str, Any]) -> None:
    del t21["isu"][2]["skor"]["urgensi"]
    del t21["isu"][2]["skor"]["kelayakan"]
    found = run_checks(IsuUtama.model_validate(t21))
    # The tie-break rules are not judged on an incomplete matrix: only the missing scores are reported.
    assert found == [
        (("isu", 2, "skor"), "error", "isu 'isu-03' belum diberi skor untuk kriteria: urgensi, kelayakan"),
    ]


def test_21_score_outside_scale_at_the_score(t21: dict[str, Any]) -> None:
    t21["isu"][2]["skor"]["urgensi"] = 7
    t21["isu"][4]["skor"]["kelayakan"] = 0
    t21["putaran_ulang"] = []
    found = run_checks(IsuUtama.model_validate(t21))
    assert found == [
        (("isu", 2, "skor", "urgensi"), "error", "skor 7 di luar skala kriteria 'urgensi' (1–5)"),
        (("isu", 4, "skor", "kelayakan"), "error", "skor 0 di luar skala kriteria 'kelayakan' (1–5)"),
    ]
    assert run_checks(IsuUtama.model_validate(t21), lang="en")[0][2] == (
        "score 7 is outside the scale of criterion 'urgensi' (1-5)"
    )


def test_21_bad_scale(t21: dict[str, Any]) -> None:
    t21["kriteria"][1]["skala_min"] = 5
    t21["kriteria"][1]["skala_maks"] = 5
    found = run_checks(IsuUtama.model_validate(t21))
    assert found[0] == (
        ("kriteria", 1, "skala_maks"),
        "error",
        "skala kriteria 'cakupan' tidak sah: skala_min (5) harus lebih kecil daripada skala_maks (5)",
    )


def test_21_round_must_hold_exactly_the_tied_issues(t21: dict[str, Any]) -> None:
    t21["putaran_ulang"][0]["isu"] = ["isu-01", "isu-02"]
    t21["putaran_ulang"][0]["skor"] = {"isu-01": 3, "isu-02": 2}
    found = run_checks(IsuUtama.model_validate(t21))
    assert found == [
        (
            ("putaran_ulang", 0, "isu"),
            "error",
            "putaran ulang ke-1 (isu-01, isu-02) harus memuat tepat isu-isu yang bernilai sama; "
            "yang seri: isu-02 = isu-03",
        ),
    ]


def test_21_round_without_any_tie(t21: dict[str, Any]) -> None:
    t21["isu"][1]["skor"]["kelayakan"] = 4  # isu-02 now 11: no tie left anywhere
    found = run_checks(IsuUtama.model_validate(t21))
    assert found == [
        (
            ("putaran_ulang", 0, "isu"),
            "error",
            "putaran ulang ke-1 tidak diperlukan: tidak ada isu yang memperoleh nilai sama",
        ),
    ]


def test_21_round_scores_checked(t21: dict[str, Any]) -> None:
    t21["putaran_ulang"][0]["skor"] = {
        "isu-02": {"urgensi": 4, "cakupn": 3, "kelayakan": 9},
        "isu-04": 3,
    }
    found = run_checks(IsuUtama.model_validate(t21))
    assert found == [
        (
            ("putaran_ulang", 0, "skor"),
            "error",
            "isu 'isu-03' mengikuti putaran ulang ini tetapi belum diberi skor",
        ),
        (
            ("putaran_ulang", 0, "skor", "isu-02"),
            "error",
            "isu 'isu-02' belum diberi skor untuk kriteria: cakupan",
        ),
        (
            ("putaran_ulang", 0, "skor", "isu-02", "cakupn"),
            "error",
            "'cakupn' bukan kriteria yang disepakati; maksud Anda 'cakupan'?",
        ),
        (
            ("putaran_ulang", 0, "skor", "isu-02", "kelayakan"),
            "error",
            "skor 9 di luar skala kriteria 'kelayakan' (1–5)",
        ),
        (
            ("putaran_ulang", 0, "skor", "isu-04"),
            "error",
            "isu 'isu-04' tidak termasuk isu pada putaran ulang ini (isu-02, isu-03)",
        ),
    ]


def test_21_unresolved_tie_at_the_top_warns(t21: dict[str, Any]) -> None:
    t21["isu"][1]["skor"] = {"urgensi": 5, "cakupan": 5, "kelayakan": 4}  # isu-02 ties isu-01 at 14
    t21["putaran_ulang"] = []
    found = run_checks(IsuUtama.model_validate(t21))
    assert found == [
        (
            ("isu",),
            "warning",
            "isu utama belum dapat ditetapkan: isu-01, isu-02 memperoleh nilai tertinggi yang sama (14); "
            "catat hasil pemeringkatan ulang pada 'putaran_ulang'",
        ),
    ]


def test_21_round_needs_two_issues(t21: dict[str, Any]) -> None:
    t21["putaran_ulang"][0]["isu"] = ["isu-02"]
    with pytest.raises(ValidationError) as exc:
        IsuUtama.model_validate(t21)
    assert exc.value.errors()[0]["loc"] == ("putaran_ulang", 0, "isu")


# --- 2.2 ---------------------------------------------------------------------------------------


def test_22_contoh_valid_and_clean(t22: dict[str, Any]) -> None:
    model = Regulasi.model_validate(t22)
    kode = [r.kode for r in model.regulasi]
    assert "uu-23-2014" in kode and "perda-lembahsari-5-2019" in kode
    perda = model.regulasi[kode.index("perda-lembahsari-5-2019")]
    assert (perda.jenis, perda.nomor, perda.tahun, perda.ld_nomor) == ("Perda", "5", 2019, "5")
    assert [lb.id for lb in model.lembaga] == [
        "lb-pdam",
        "lb-bappeda",
        "lb-dpupr",
        "lb-dinkes",
        "lb-bag-hukum",
        "lb-bag-perekonomian",
        "lb-dprd",
    ]
    assert run_checks(model) == []


def test_22_unknown_key_rejected(t22: dict[str, Any]) -> None:
    t22["koridor_hukum"]["kerjasama"] = "x"
    with pytest.raises(ValidationError) as exc:
        Regulasi.model_validate(t22)
    assert exc.value.errors()[0]["type"] == "extra_forbidden"


def test_22_unquoted_number_kept_as_text(t22: dict[str, Any]) -> None:
    t22["regulasi"][-1]["nomor"] = 5
    assert Regulasi.model_validate(t22).regulasi[-1].nomor == "5"


def test_22_a_blank_publication_number_is_not_given(t22: dict[str, Any]) -> None:
    """'ld_nomor: " "' beside a year is a missing number (said), not an empty one printed as "Nomor "."""
    perda = next(r for r in t22["regulasi"] if r.get("id") == "perda-lembahsari-5-2019")
    perda["ld_nomor"] = "  "
    model = Regulasi.model_validate(t22)
    i = t22["regulasi"].index(perda)
    assert model.regulasi[i].ld_nomor is None
    assert (("regulasi", i), "error", "'ld_tahun' dan 'ld_nomor' diisi berdua atau dikosongkan berdua") in run_checks(
        model
    )


def test_22_entry_shapes(t22: dict[str, Any]) -> None:
    t22["regulasi"] = [
        {"katalog": "uu-25-2009", "id": "uu-25", "relevansi": "x"},
        {"relevansi": "x"},
        {"katalog": "uu-23-2014", "tentang": "Pemerintahan Daerah", "status": "berlaku", "relevansi": "x"},
        {"id": "perbup-1-2024", "jenis": "Perkada", "tahun": 2024, "ld_tahun": 2024, "relevansi": "x"},
        {
            "id": "perda-lama",
            "jenis": "Perda",
            "nomor": "3",
            "tahun": 2008,
            "tentang": "PDAM",
            "status": "dicabut",
            "relevansi": "x",
        },
        {"katalog": "uu-23-2014", "relevansi": "y"},
    ]
    t22["hubungan"] = t22["hubungan"][:1]
    found = run_checks(Regulasi.model_validate(t22))
    bentuk = (
        "tulis 'katalog' untuk regulasi dari katalog, atau 'id' beserta jenis, nomor, tahun, dan tentang "
        "untuk regulasi yang ditulis lengkap; tidak keduanya"
    )
    assert found == [
        (("regulasi", 0), "error", bentuk),
        (("regulasi", 1), "error", bentuk),
        (
            ("regulasi", 2, "tentang"),
            "error",
            "'tentang' tidak diisi untuk regulasi dari katalog; data 'uu-23-2014' diambil dari katalog",
        ),
        (
            ("regulasi", 2, "status"),
            "error",
            "'status' tidak diisi untuk regulasi dari katalog; data 'uu-23-2014' diambil dari katalog",
        ),
        (
            ("regulasi", 3),
            "error",
            "regulasi 'perbup-1-2024' yang ditulis lengkap harus memuat: nomor, tentang",
        ),
        (("regulasi", 3), "error", "'ld_tahun' dan 'ld_nomor' diisi berdua atau dikosongkan berdua"),
        (
            ("regulasi", 4, "status"),
            "warning",
            "regulasi 'perda-lama' berstatus dicabut; jangan dijadikan dasar hukum STPP",
        ),
        (("regulasi", 5, "katalog"), "error", "regulasi 'uu-23-2014' sudah dicantumkan pada regulasi[2]"),
    ]


def test_22_relation_to_unlisted_regulation_warns(t22: dict[str, Any]) -> None:
    t22["hubungan"][0]["regulasi"] = "pp-28-2018"
    t22["regulasi"] = [r for r in t22["regulasi"] if r.get("katalog") != "pp-28-2018"]
    found = run_checks(Regulasi.model_validate(t22))
    assert found == [
        (
            ("hubungan", 0, "regulasi"),
            "warning",
            "regulasi 'pp-28-2018' belum dicantumkan dalam daftar 'regulasi' berkas ini",
        ),
        (
            ("hubungan", 7, "regulasi"),
            "warning",
            "regulasi 'pp-28-2018' belum dicantumkan dalam daftar 'regulasi' berkas ini",
        ),
    ]


def test_22_unknown_jenis_rejected(t22: dict[str, Any]) -> None:
    t22["regulasi"][-1]["jenis"] = "Peraturan Daerah"
    with pytest.raises(ValidationError) as exc:
        Regulasi.model_validate(t22)
    assert exc.value.errors()[0]["type"] == "literal_error"


# --- 2.3 ---------------------------------------------------------------------------------------


def test_23_contoh_valid_and_clean(t23: dict[str, Any]) -> None:
    model = Kesenjangan.model_validate(t23)
    nrw = model.indikator[0]
    assert (nrw.id, nrw.target, nrw.realisasi, nrw.arah, nrw.strategis) == (
        "ind-nrw",
        Decimal("25"),
        Decimal("38.6"),
        "turun",
        True,
    )
    assert [i.id for i in model.indikator if i.strategis] == [
        "ind-nrw",
        "ind-kontinuitas",
        "ind-cakupan",
        "ind-pengaduan",
    ]
    assert run_checks(model) == []


def test_23_unknown_key_rejected(t23: dict[str, Any]) -> None:
    t23["indikator"][0]["realisasi_2025"] = 38.6
    with pytest.raises(ValidationError) as exc:
        Kesenjangan.model_validate(t23)
    assert exc.value.errors()[0]["type"] == "extra_forbidden"


def test_23_direction_required(t23: dict[str, Any]) -> None:
    del t23["indikator"][0]["arah"]
    with pytest.raises(ValidationError) as exc:
        Kesenjangan.model_validate(t23)
    assert exc.value.errors()[0]["loc"] == ("indikator", 0, "arah")


def test_23_no_strategic_indicator_warns(t23: dict[str, Any]) -> None:
    for ind in t23["indikator"]:
        ind["strategis"] = False
    assert run_checks(Kesenjangan.model_validate(t23)) == [
        (
            ("indikator",),
            "warning",
            "belum ada indikator yang ditetapkan strategis ('strategis: true'); indikator strategis menjadi "
            "bahan Tahap 4.1",
        )
    ]
