"""Topics 4.1 to 4.7: the example files validate, and every rule speaks its exact message."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from assembler.models.base import SiapModel
from assembler.models.tahap4 import (
    KapasitasTeknis,
    Kebijakan,
    Keuangan,
    Organisasi,
    Personil,
    Prioritas,
    Prosedur,
    nama_jenis_kebijakan,
)
from tests.helpers.models import load, run_checks

FILES: dict[str, tuple[str, type[SiapModel]]] = {
    "4.1": ("4.1-kapasitas-teknis.yaml", KapasitasTeknis),
    "4.2": ("4.2-prosedur.yaml", Prosedur),
    "4.3": ("4.3-kebijakan.yaml", Kebijakan),
    "4.4": ("4.4-personil.yaml", Personil),
    "4.5": ("4.5-organisasi.yaml", Organisasi),
    "4.6": ("4.6-keuangan.yaml", Keuangan),
    "4.7": ("4.7-prioritas.yaml", Prioritas),
}


@pytest.mark.parametrize("topik", sorted(FILES))
def test_contoh_valid_and_clean(topik: str) -> None:
    name, model = FILES[topik]
    assert run_checks(model.model_validate(load(name))) == []


@pytest.mark.parametrize("topik", sorted(FILES))
def test_unknown_top_level_key_rejected(topik: str) -> None:
    name, model = FILES[topik]
    data = load(name)
    data["catatan_tambahan"] = "x"
    with pytest.raises(ValidationError) as err:
        model.model_validate(data)
    assert [(e["type"], e["loc"]) for e in err.value.errors()] == [("extra_forbidden", ("catatan_tambahan",))]


def test_topics_registry_points_here() -> None:
    from assembler.models.registry import MODELS
    from assembler.topics import BY_ID

    for topik, (name, model) in FILES.items():
        assert BY_ID[topik].file == name
        assert MODELS[topik] is model


# --- 4.1 -------------------------------------------------------------------------------------------


def test_41_strategy_labels() -> None:
    model = KapasitasTeknis.model_validate(load("4.1-kapasitas-teknis.yaml"))
    assert [s.label(model.jenis_analisis) for s in model.strategi] == ["SO", "WO", "ST", "WT"]


def test_41_soar_with_swot_quadrants() -> None:
    data = load("4.1-kapasitas-teknis.yaml")
    data["jenis_analisis"] = "SOAR"
    assert run_checks(KapasitasTeknis.model_validate(data)) == [
        (
            ("kuadran", "kelemahan"),
            "error",
            "kuadran 'kelemahan' bukan bagian dari analisis SOAR (yang berlaku: kekuatan, peluang, aspirasi, hasil)",
        ),
        (
            ("kuadran", "ancaman"),
            "error",
            "kuadran 'ancaman' bukan bagian dari analisis SOAR (yang berlaku: kekuatan, peluang, aspirasi, hasil)",
        ),
        (("kuadran",), "error", "kuadran 'aspirasi' analisis SOAR belum diisi"),
        (("kuadran",), "error", "kuadran 'hasil' analisis SOAR belum diisi"),
        (
            ("strategi", 1, "dasar", 0),
            "error",
            "strategi berdasar pada kuadran 'kelemahan' yang bukan bagian dari analisis SOAR "
            "(yang berlaku: kekuatan, peluang, aspirasi, hasil)",
        ),
        (
            ("strategi", 2, "dasar", 1),
            "error",
            "strategi berdasar pada kuadran 'ancaman' yang bukan bagian dari analisis SOAR "
            "(yang berlaku: kekuatan, peluang, aspirasi, hasil)",
        ),
        (
            ("strategi", 3, "dasar", 0),
            "error",
            "strategi berdasar pada kuadran 'kelemahan' yang bukan bagian dari analisis SOAR "
            "(yang berlaku: kekuatan, peluang, aspirasi, hasil)",
        ),
        (
            ("strategi", 3, "dasar", 1),
            "error",
            "strategi berdasar pada kuadran 'ancaman' yang bukan bagian dari analisis SOAR "
            "(yang berlaku: kekuatan, peluang, aspirasi, hasil)",
        ),
    ]


def test_41_valid_soar() -> None:
    data = load("4.1-kapasitas-teknis.yaml")
    data["jenis_analisis"] = "SOAR"
    data["kuadran"] = {
        "kekuatan": ["Tenaga teknik berpengalaman."],
        "peluang": ["DAK Air Minum."],
        "aspirasi": ["Air mengalir 24 jam di seluruh zona."],
        "hasil": ["Kehilangan air 25% pada 2029."],
    }
    data["strategi"] = [{"id": "sg-01", "dasar": ["hasil", "kekuatan"], "uraian": "Zonasi DMA."}]
    for u in data["usulan_tindakan"]:
        u["strategi"] = ["sg-01"]
    model = KapasitasTeknis.model_validate(data)
    assert run_checks(model) == []
    assert model.strategi[0].label("SOAR") == "SR"


def test_41_unknown_quadrant_rejected() -> None:
    data = load("4.1-kapasitas-teknis.yaml")
    data["kuadran"]["tantangan"] = ["x"]
    with pytest.raises(ValidationError):
        KapasitasTeknis.model_validate(data)


def test_41_action_needs_indicator() -> None:
    data = load("4.1-kapasitas-teknis.yaml")
    data["usulan_tindakan"][0]["indikator"] = []
    with pytest.raises(ValidationError) as err:
        KapasitasTeknis.model_validate(data)
    assert err.value.errors()[0]["loc"] == ("usulan_tindakan", 0, "indikator")


def test_41_refs_declared() -> None:
    props = KapasitasTeknis.model_json_schema()["$defs"]["UsulanTeknis"]["properties"]
    assert props["id"]["x-siap-id"] == "usulan_teknis"
    assert props["indikator"]["x-siap-ref"] == ["indikator"]
    assert props["strategi"]["x-siap-ref"] == ["strategi"]
    assert props["solusi_terpadu"]["x-siap-ref"] == ["solusi_terpadu"]


# --- 4.2 -------------------------------------------------------------------------------------------


@pytest.fixture
def t42() -> dict[str, Any]:
    return load("4.2-prosedur.yaml")


def _step(t42: dict[str, Any], kode: str) -> dict[str, Any]:
    return next(s for s in t42["layanan"][0]["langkah_saat_ini"] if s["kode"] == kode)


def test_42_removed_step_points_nowhere(t42: dict[str, Any]) -> None:
    _step(t42, "A7")["perubahan"]["langkah_baru"] = ["B4"]
    assert run_checks(Prosedur.model_validate(t42)) == [
        (
            ("layanan", 0, "langkah_saat_ini", 6, "perubahan", "langkah_baru"),
            "error",
            "langkah yang dihapus tidak boleh menunjuk langkah perbaikan (tertulis: B4)",
        )
    ]


def test_42_kept_step_needs_target(t42: dict[str, Any]) -> None:
    _step(t42, "A8")["perubahan"]["langkah_baru"] = []
    assert run_checks(Prosedur.model_validate(t42)) == [
        (
            ("layanan", 0, "langkah_saat_ini", 7, "perubahan", "jenis"),
            "error",
            "perubahan 'tetap' harus menunjuk langkah perbaikan (langkah_baru)",
        )
    ]


def test_42_target_must_exist(t42: dict[str, Any]) -> None:
    _step(t42, "A8")["perubahan"]["langkah_baru"] = ["B9"]
    assert run_checks(Prosedur.model_validate(t42)) == [
        (
            ("layanan", 0, "langkah_saat_ini", 7, "perubahan", "langkah_baru", 0),
            "error",
            "langkah perbaikan 'B9' tidak ada dalam layanan 'Pemasangan Sambungan Baru' (yang ada: B1, B2, B3, B4)",
        )
    ]


def test_42_delegation_names_actor(t42: dict[str, Any]) -> None:
    _step(t42, "A5")["perubahan"]["dilimpahkan_kepada"] = ""
    _step(t42, "A8")["perubahan"]["dilimpahkan_kepada"] = "Kontraktor"
    assert run_checks(Prosedur.model_validate(t42)) == [
        (
            ("layanan", 0, "langkah_saat_ini", 4, "perubahan", "jenis"),
            "error",
            "perubahan 'dilimpahkan' harus menyebut pelaksana penerima pelimpahan (dilimpahkan_kepada)",
        ),
        (
            ("layanan", 0, "langkah_saat_ini", 7, "perubahan", "dilimpahkan_kepada"),
            "error",
            "dilimpahkan_kepada hanya diisi untuk perubahan 'dilimpahkan', bukan 'tetap'",
        ),
    ]


def test_42_duplicate_step_code(t42: dict[str, Any]) -> None:
    t42["layanan"][0]["langkah_perbaikan"][3]["kode"] = "B3"
    found = run_checks(Prosedur.model_validate(t42))
    assert found[:2] == [
        (
            ("layanan", 0, "langkah_perbaikan", 2, "kode"),
            "error",
            "kode langkah 'B3' dipakai lebih dari sekali dalam layanan 'Pemasangan Sambungan Baru'",
        ),
        (
            ("layanan", 0, "langkah_perbaikan", 3, "kode"),
            "error",
            "kode langkah 'B3' dipakai lebih dari sekali dalam layanan 'Pemasangan Sambungan Baru'",
        ),
    ]


def test_42_lone_merge_warns(t42: dict[str, Any]) -> None:
    # A2 is merged into B1; if A1 goes elsewhere, nothing is merged with A2 any more.
    _step(t42, "A1")["perubahan"] = {"jenis": "dihapus", "alasan": "Formulir daring."}
    assert run_checks(Prosedur.model_validate(t42)) == [
        (
            ("layanan", 0, "langkah_saat_ini", 1, "perubahan", "langkah_baru", 0),
            "warning",
            "langkah digabung ke langkah perbaikan 'B1', tetapi tidak ada langkah lain yang menuju ke sana",
        )
    ]


def test_42_every_current_step_has_a_change(t42: dict[str, Any]) -> None:
    del _step(t42, "A4")["perubahan"]
    with pytest.raises(ValidationError) as err:
        Prosedur.model_validate(t42)
    assert [(e["type"], e["loc"]) for e in err.value.errors()] == [
        ("missing", ("layanan", 0, "langkah_saat_ini", 3, "perubahan"))
    ]


def test_42_duration_unit_checked(t42: dict[str, Any]) -> None:
    _step(t42, "A4")["durasi"]["satuan"] = "minggu"
    with pytest.raises(ValidationError):
        Prosedur.model_validate(t42)


# --- 4.3 -------------------------------------------------------------------------------------------


def test_43_revision_needs_revised_regulation() -> None:
    data = load("4.3-kebijakan.yaml")
    data["usulan"][1]["status"] = "revisi"
    data["usulan"][2]["regulasi_direvisi"] = "perda-lembahsari-5-2019"
    assert run_checks(Kebijakan.model_validate(data)) == [
        (
            ("usulan", 1, "status"),
            "error",
            "usulan berstatus 'revisi' harus menyebut regulasi yang direvisi (regulasi_direvisi)",
        ),
        (
            ("usulan", 2, "regulasi_direvisi"),
            "error",
            "usulan berstatus 'baru' tidak merevisi regulasi; kosongkan regulasi_direvisi atau ubah status "
            "menjadi 'revisi'",
        ),
    ]


def test_43_policy_type_checked() -> None:
    data = load("4.3-kebijakan.yaml")
    data["usulan"][0]["jenis"] = "Peraturan Bupati"
    with pytest.raises(ValidationError):
        Kebijakan.model_validate(data)


def test_43_policy_type_names_follow_the_head_of_region() -> None:
    assert nama_jenis_kebijakan("peraturan_kepala_daerah") == "Peraturan Bupati"
    assert nama_jenis_kebijakan("keputusan_kepala_daerah", "Walikota") == "Keputusan Walikota"
    assert nama_jenis_kebijakan("perda") == "Peraturan Daerah"


def test_43_discussion_needs_stakeholders() -> None:
    data = load("4.3-kebijakan.yaml")
    data["usulan"][0]["rencana_pembahasan"][0]["pihak_terkait"] = []
    with pytest.raises(ValidationError) as err:
        Kebijakan.model_validate(data)
    assert err.value.errors()[0]["loc"] == ("usulan", 0, "rencana_pembahasan", 0, "pihak_terkait")


# --- 4.4 -------------------------------------------------------------------------------------------


def test_44_counts_not_negative() -> None:
    data = load("4.4-personil.yaml")
    data["kebutuhan"][0]["jumlah_dibutuhkan"] = -1
    with pytest.raises(ValidationError) as err:
        Personil.model_validate(data)
    assert err.value.errors()[0]["loc"] == ("kebutuhan", 0, "jumlah_dibutuhkan")
    assert err.value.errors()[0]["type"] == "greater_than_equal"


def test_44_cost_is_whole_rupiah() -> None:
    data = load("4.4-personil.yaml")
    data["program"][0]["biaya"] = 85000000.5
    with pytest.raises(ValidationError):
        Personil.model_validate(data)


def test_44_shortage_computed() -> None:
    model = Personil.model_validate(load("4.4-personil.yaml"))
    assert [b.kekurangan for b in model.kebutuhan] == [4, 5, 0]


def test_44_duplicate_row() -> None:
    data = load("4.4-personil.yaml")
    data["kebutuhan"].append(dict(data["kebutuhan"][0]))
    assert run_checks(Personil.model_validate(data)) == [
        (
            ("kebutuhan", 0, "posisi"),
            "error",
            "posisi 'Petugas penanganan pengaduan' pada unit 'Unit Pengaduan Terpadu' tercatat lebih dari sekali",
        )
    ]


def test_44_recruitment_without_shortage_warns() -> None:
    data = load("4.4-personil.yaml")
    for b in data["kebutuhan"]:
        b["jumlah_dibutuhkan"] = b["jumlah_ada"]
    assert run_checks(Personil.model_validate(data)) == [
        (
            ("program", 2, "jenis"),
            "warning",
            "program rekrutmen 'pp-03' diusulkan, padahal Tabel Kebutuhan Pengembangan Personil tidak "
            "menunjukkan kekurangan personil",
        )
    ]


# --- 4.5 -------------------------------------------------------------------------------------------


def test_45_parent_cycle() -> None:
    data = load("4.5-organisasi.yaml")
    data["unit"][0]["induk"] = "u-pengaduan"  # u-hublang <-> u-pengaduan
    data["unit"][2]["induk"] = "u-distribusi"  # u-teknik <-> u-distribusi
    assert run_checks(Organisasi.model_validate(data)) == [
        (("unit", 0, "induk"), "error", "susunan induk unit membentuk lingkaran: u-hublang → u-pengaduan → u-hublang"),
        (("unit", 2, "induk"), "error", "susunan induk unit membentuk lingkaran: u-teknik → u-distribusi → u-teknik"),
    ]


def test_45_own_parent_is_a_cycle() -> None:
    data = load("4.5-organisasi.yaml")
    data["unit"][5]["induk"] = "u-spi"
    assert run_checks(Organisasi.model_validate(data)) == [
        (("unit", 5, "induk"), "error", "susunan induk unit membentuk lingkaran: u-spi → u-spi")
    ]


def test_45_chain_into_cycle_reported_once() -> None:
    data = load("4.5-organisasi.yaml")
    data["unit"][4]["induk"] = "u-spi"  # u-keuangan -> u-spi
    data["unit"][5]["induk"] = "u-keuangan"  # u-spi -> u-keuangan
    data["unit"][0]["induk"] = "u-keuangan"  # u-hublang hangs below the cycle, is not part of it
    assert run_checks(Organisasi.model_validate(data)) == [
        (("unit", 4, "induk"), "error", "susunan induk unit membentuk lingkaran: u-keuangan → u-spi → u-keuangan")
    ]


def test_45_status_checked() -> None:
    data = load("4.5-organisasi.yaml")
    data["unit"][0]["status"] = "dihapus"
    with pytest.raises(ValidationError):
        Organisasi.model_validate(data)


# --- 4.6 -------------------------------------------------------------------------------------------


def test_46_tariff_needs_regulation() -> None:
    data = load("4.6-keuangan.yaml")
    data["usulan"][0]["regulasi"] = []
    assert run_checks(Keuangan.model_validate(data)) == [
        (
            ("usulan", 0, "regulasi"),
            "error",
            "usulan kategori 'tarif' harus menyebut regulasi acuan (misalnya Permendagri 71/2016)",
        )
    ]


def test_46_negative_impact_is_a_cost() -> None:
    model = Keuangan.model_validate(load("4.6-keuangan.yaml"))
    assert model.usulan[3].dampak_keuangan == -4_675_000_000


def test_46_category_checked() -> None:
    data = load("4.6-keuangan.yaml")
    data["usulan"][0]["kategori"] = "subsidi"
    with pytest.raises(ValidationError):
        Keuangan.model_validate(data)


# --- 4.7 -------------------------------------------------------------------------------------------


@pytest.fixture
def t47() -> dict[str, Any]:
    return load("4.7-prioritas.yaml")


def test_47_weights_must_sum_to_100(t47: dict[str, Any]) -> None:
    t47["kriteria"][0]["bobot"] = 20
    found = run_checks(Prioritas.model_validate(t47))
    assert found == [(("kriteria",), "error", "jumlah bobot kriteria 90, seharusnya 100")]
    assert run_checks(Prioritas.model_validate(t47), lang="en")[0][2] == "criterion weights sum to 90, expected 100"


def test_47_score_within_scale_at_its_line(t47: dict[str, Any]) -> None:
    t47["tindakan"][2]["skor"]["biaya"] = 7
    t47["tindakan"][3]["skor"]["dampak"] = 0
    assert run_checks(Prioritas.model_validate(t47)) == [
        (("tindakan", 2, "skor", "biaya"), "error", "skor 7 di luar skala kriteria 'biaya' (1–5)"),
        (("tindakan", 3, "skor", "dampak"), "error", "skor 0 di luar skala kriteria 'dampak' (1–5)"),
    ]


def test_47_every_action_scored_on_every_criterion(t47: dict[str, Any]) -> None:
    del t47["tindakan"][4]["skor"]["dukungan"]
    assert run_checks(Prioritas.model_validate(t47)) == [
        (("tindakan", 4, "skor"), "error", "tindakan 'fn-02' belum dinilai pada kriteria 'dukungan'")
    ]


def test_47_unknown_criterion_in_scores(t47: dict[str, Any]) -> None:
    skor = t47["tindakan"][0]["skor"]
    skor["dampk"] = skor.pop("dampak")
    assert run_checks(Prioritas.model_validate(t47)) == [
        (
            ("tindakan", 0, "skor", "dampk"),
            "error",
            "kriteria 'dampk' tidak ada dalam daftar kriteria (yang ada: dampak, biaya, kemudahan, dukungan)",
        ),
        (("tindakan", 0, "skor"), "error", "tindakan 'tk-01' belum dinilai pada kriteria 'dampak'"),
    ]


def test_47_sub_aspect_exactly_for_management(t47: dict[str, Any]) -> None:
    del t47["tindakan"][5]["sub_aspek"]
    t47["tindakan"][0]["sub_aspek"] = "prosedur"
    assert run_checks(Prioritas.model_validate(t47)) == [
        (
            ("tindakan", 0, "sub_aspek"),
            "error",
            "sub_aspek hanya diisi untuk aspek manajemen; tindakan ini beraspek 'teknis'",
        ),
        (
            ("tindakan", 5, "aspek"),
            "error",
            "tindakan aspek manajemen harus menyebut sub_aspek P3O (prosedur, personil, kebijakan, organisasi)",
        ),
    ]


def test_47_scale_and_duplicate_criteria(t47: dict[str, Any]) -> None:
    t47["kriteria"][1]["skala_min"] = 5
    t47["kriteria"][3]["id"] = "dampak"
    for t in t47["tindakan"]:
        del t["skor"]["dukungan"]
    found = run_checks(Prioritas.model_validate(t47))
    assert found[:3] == [
        (("kriteria", 0, "id"), "error", "kode kriteria 'dampak' dipakai lebih dari sekali"),
        (("kriteria", 1, "skala_maks"), "error", "skala_min (5) harus lebih kecil dari skala_maks (5)"),
        (("kriteria", 3, "id"), "error", "kode kriteria 'dampak' dipakai lebih dari sekali"),
    ]


def test_47_unresolved_tie_warns(t47: dict[str, Any]) -> None:
    del t47["putaran_ulang"]
    assert run_checks(Prioritas.model_validate(t47)) == [
        (
            ("tindakan", 8, "skor"),
            "warning",
            "tindakan mj-02, mj-04 bernilai sama (410) pada aspek manajemen; catat putaran ulang MCUA untuk "
            "menentukan urutannya",
        )
    ]


def test_47_round_only_for_tied_actions(t47: dict[str, Any]) -> None:
    t47["putaran_ulang"][0]["tindakan"] = ["mj-02", "mj-03"]
    t47["putaran_ulang"][0]["skor"] = {"mj-02": {"kesegeraan": 4, "prasyarat": 3}, "mj-03": {"kesegeraan": 4}}
    assert run_checks(Prioritas.model_validate(t47)) == [
        (
            ("putaran_ulang", 0, "tindakan"),
            "error",
            "putaran ulang hanya untuk tindakan yang bernilai sama pada putaran pertama; nilai: mj-02 = 410, "
            "mj-03 = 420",
        ),
        (
            ("putaran_ulang", 0, "skor", "mj-03"),
            "error",
            "tindakan 'mj-03' belum dinilai pada kriteria 'prasyarat'",
        ),
    ]


def test_47_round_scores_only_participants(t47: dict[str, Any]) -> None:
    t47["putaran_ulang"][0]["skor"]["mj-01"] = {"kesegeraan": 4, "prasyarat": 3}
    del t47["putaran_ulang"][0]["skor"]["mj-02"]
    assert run_checks(Prioritas.model_validate(t47)) == [
        (
            ("putaran_ulang", 0, "skor", "mj-01"),
            "error",
            "tindakan 'mj-01' bukan peserta putaran ulang ini (peserta: mj-02, mj-04)",
        ),
        (("putaran_ulang", 0, "tindakan", 0), "error", "tindakan 'mj-02' belum dinilai pada kriteria 'kesegeraan'"),
        (("putaran_ulang", 0, "tindakan", 0), "error", "tindakan 'mj-02' belum dinilai pada kriteria 'prasyarat'"),
    ]


def test_47_round_criteria_checked_like_first_round(t47: dict[str, Any]) -> None:
    t47["putaran_ulang"][0]["kriteria"][0]["bobot"] = 50
    t47["putaran_ulang"][0]["skor"]["mj-04"]["prasyarat"] = 6
    assert run_checks(Prioritas.model_validate(t47)) == [
        (("putaran_ulang", 0, "kriteria"), "error", "jumlah bobot kriteria 110, seharusnya 100"),
        (
            ("putaran_ulang", 0, "skor", "mj-04", "prasyarat"),
            "error",
            "skor 6 di luar skala kriteria 'prasyarat' (1–5)",
        ),
    ]


def test_47_round_needs_two_actions(t47: dict[str, Any]) -> None:
    t47["putaran_ulang"][0]["tindakan"] = ["mj-02"]
    with pytest.raises(ValidationError) as err:
        Prioritas.model_validate(t47)
    assert err.value.errors()[0]["loc"] == ("putaran_ulang", 0, "tindakan")


def test_47_ranks_are_not_input(t47: dict[str, Any]) -> None:
    t47["tindakan"][0]["peringkat"] = 1
    with pytest.raises(ValidationError) as err:
        Prioritas.model_validate(t47)
    assert err.value.errors()[0]["type"] == "extra_forbidden"


def test_47_links_declared_for_the_reference_pass() -> None:
    props = Prioritas.model_json_schema()["$defs"]["Rujukan"]["properties"]
    assert {k: v["x-siap-ref"] for k, v in props.items()} == {
        "solusi_terpadu": ["solusi_terpadu"],
        "strategi": ["strategi"],
        "usulan_teknis": ["usulan_teknis"],
        "prosedur": ["prosedur"],
        "kebijakan": ["kebijakan"],
        "program_personil": ["program_personil"],
        "unit": ["unit"],
        "usulan_keuangan": ["usulan_keuangan"],
    }


def test_47_every_integrated_solution_taken_up() -> None:
    from assembler.models.tahap3 import AkarMasalah

    akar = AkarMasalah.model_validate(load("3.2-akar-masalah.yaml"))
    data = load("4.7-prioritas.yaml")
    assert run_checks(Prioritas.model_validate(data), {"3.2": akar}) == []
    for t in data["tindakan"]:
        t.setdefault("rujukan", {})["solusi_terpadu"] = [
            s for s in t["rujukan"].get("solusi_terpadu", []) if s != "st-2"
        ]
    assert run_checks(Prioritas.model_validate(data), {"3.2": akar}) == [
        (
            ("tindakan",),
            "warning",
            "solusi terpadu 'st-2' (Topik 3.2) belum dijabarkan dalam usulan tindakan mana pun "
            "(rujukan.solusi_terpadu)",
        )
    ]


def test_41_a_quadrant_written_with_nothing_in_it_is_not_filled() -> None:
    """'kekuatan: []' is what a blank row of the workbook's Kuadran sheet would mean: not filled, said at it."""
    data = load("4.1-kapasitas-teknis.yaml")
    data["kuadran"]["kekuatan"] = []
    assert run_checks(KapasitasTeknis.model_validate(data)) == [
        (("kuadran", "kekuatan"), "error", "kuadran 'kekuatan' analisis SWOT belum diisi"),
    ]
