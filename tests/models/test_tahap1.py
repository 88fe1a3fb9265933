"""Topics 1.1 and 1.2: the example files validate, and every rule speaks its exact message."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from assembler.messages import format_message
from assembler.models.stpp import Stpp
from assembler.models.tahap1 import KalenderKerja, StakeholderPokja
from assembler.topics import TOPIK
from assembler.workspace_view import WorkspaceView
from tests.helpers.models import load, run_checks


@pytest.fixture
def t11() -> dict[str, Any]:
    return load("1.1-stakeholder-pokja.yaml")


@pytest.fixture
def t12() -> dict[str, Any]:
    return load("1.2-kalender-kerja.yaml")


# --- stpp.yaml ---------------------------------------------------------------------------------


def test_stpp_contoh_valid() -> None:
    stpp = Stpp.model_validate(load("stpp.yaml"))
    assert stpp.daerah.nama_lengkap == "Kabupaten Lembah Sari"
    assert stpp.kepala_daerah.nama == "Hendra Wijayakusuma"
    assert stpp.pdam.direktur.nama == "Ir. Bambang Sutrisno, M.T."
    assert stpp.pdam.jumlah_pelanggan == 31450
    assert stpp.tahun_apbd == 2026


# --- 1.1 ---------------------------------------------------------------------------------------


def test_11_contoh_valid_and_clean(t11: dict[str, Any]) -> None:
    model = StakeholderPokja.model_validate(t11)
    assert len(model.stakeholders) == 15
    assert len(model.pokja.anggota) == 15
    assert [a.id for a in model.pokja.dengan_kedudukan("ketua")] == ["m-dirut"]
    assert {s.kategori for s in model.stakeholders} == {"penyelenggara", "pengguna", "pendukung"}
    stpp = Stpp.model_validate(load("stpp.yaml"))
    assert run_checks(model, WorkspaceView(stpp=stpp, topics={})) == []


def test_11_unknown_key_rejected(t11: dict[str, Any]) -> None:
    t11["pokja"]["anggota"][0]["jabatn"] = "Sekretaris Daerah"
    with pytest.raises(ValidationError) as exc:
        StakeholderPokja.model_validate(t11)
    assert exc.value.errors()[0]["type"] == "extra_forbidden"
    assert exc.value.errors()[0]["loc"] == ("pokja", "anggota", 0, "jabatn")


def test_11_unknown_kategori_rejected(t11: dict[str, Any]) -> None:
    t11["stakeholders"][0]["kategori"] = "penyedia"
    with pytest.raises(ValidationError) as exc:
        StakeholderPokja.model_validate(t11)
    assert exc.value.errors()[0]["loc"] == ("stakeholders", 0, "kategori")


def test_11_two_ketua(t11: dict[str, Any]) -> None:
    t11["pokja"]["anggota"][5]["kedudukan"] = "ketua"
    assert run_checks(StakeholderPokja.model_validate(t11)) == [
        (("pokja", "anggota", 5, "kedudukan"), "error", "Pokja harus memiliki tepat satu Ketua, tertulis 2"),
    ]


def test_11_no_ketua_and_no_sekretaris(t11: dict[str, Any]) -> None:
    for a in t11["pokja"]["anggota"]:
        if a["kedudukan"] in ("ketua", "sekretaris"):
            a["kedudukan"] = "anggota"
    found = run_checks(StakeholderPokja.model_validate(t11))
    assert found == [
        (("pokja", "anggota"), "error", "Pokja harus memiliki tepat satu Ketua, tertulis 0"),
        (
            ("pokja", "anggota"),
            "error",
            "Pokja belum memiliki Sekretaris; tetapkan sekurang-kurangnya satu anggota dengan kedudukan "
            "'sekretaris'",
        ),
        (
            ("pokja", "tugas", "ketua"),
            "warning",
            "tugas ditulis untuk Ketua, tetapi tidak ada anggota Pokja pada kedudukan itu",
        ),
        (
            ("pokja", "tugas", "sekretaris"),
            "warning",
            "tugas ditulis untuk Sekretaris, tetapi tidak ada anggota Pokja pada kedudukan itu",
        ),
    ]


def test_11_users_not_represented(t11: dict[str, Any]) -> None:
    users = {s["id"] for s in t11["stakeholders"] if s["kategori"] == "pengguna"}
    t11["pokja"]["anggota"] = [a for a in t11["pokja"]["anggota"] if a["stakeholder"] not in users]
    model = StakeholderPokja.model_validate(t11)
    assert run_checks(model) == [
        (
            ("pokja", "anggota"),
            "warning",
            "belum ada anggota Pokja yang mewakili pengguna layanan; panduan mensyaratkan keterwakilan "
            "stakeholders, baik sebagai penyelenggara maupun sebagai pengguna layanan",
        ),
    ]
    assert run_checks(model, lang="en")[0][2].startswith("no Pokja member represents the service users;")


def test_11_duties_for_a_position_nobody_holds(t11: dict[str, Any]) -> None:
    for a in t11["pokja"]["anggota"]:
        if a["kedudukan"] == "wakil_ketua":
            a["kedudukan"] = "anggota"
    t11["pokja"]["tim_inti"] = []
    found = run_checks(StakeholderPokja.model_validate(t11))
    assert found == [
        (
            ("pokja", "tugas", "wakil_ketua"),
            "warning",
            "tugas ditulis untuk Wakil Ketua, tetapi tidak ada anggota Pokja pada kedudukan itu",
        ),
        (
            ("pokja", "tugas", "tim_inti"),
            "warning",
            "tugas ditulis untuk Tim Inti, tetapi tidak ada anggota Pokja pada kedudukan itu",
        ),
    ]


def test_11_menimbang_rules(t11: dict[str, Any]) -> None:
    t11["sk"]["menimbang"] = [
        "Bahwa pelayanan air minum perlu ditingkatkan;",
        "dalam rangka peningkatan pelayanan",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
        "Bupati",
    ]
    model = StakeholderPokja.model_validate(t11)
    assert run_checks(model) == [
        (
            ("sk", "menimbang", 1),
            "error",
            "setiap butir pertimbangan harus diawali kata 'bahwa', tertulis 'dalam rangka peningkatan'",
        ),
        (
            ("sk", "menimbang", 2),
            "error",
            "butir penutup 'bahwa berdasarkan pertimbangan ...' disusun otomatis oleh program; hapus butir "
            "ini",
        ),
    ]
    # A capital 'Bahwa' and a typed final ';' are accepted and normalised for the decree.
    assert model.sk.menimbang_naskah()[0] == "bahwa pelayanan air minum perlu ditingkatkan"


def test_11_menimbang_and_mengingat_may_be_left_to_defaults(t11: dict[str, Any]) -> None:
    del t11["sk"]["menimbang"]
    t11["sk"]["mengingat"] = []
    model = StakeholderPokja.model_validate(t11)
    assert model.sk.menimbang == [] and model.sk.mengingat == []
    assert run_checks(model) == []


def test_11_masa_kerja_before_plan_year(t11: dict[str, Any]) -> None:
    t11["sk"]["masa_kerja_berakhir"] = dt.date(2025, 12, 31)
    stpp = Stpp.model_validate(load("stpp.yaml"))
    found = run_checks(StakeholderPokja.model_validate(t11), WorkspaceView(stpp=stpp, topics={}))
    assert found == [
        (
            ("sk", "masa_kerja_berakhir"),
            "error",
            "masa kerja Pokja berakhir 2025-12-31, sebelum tahun penyusunan STPP 2026",
        )
    ]
    # Without stpp.yaml the rule has nothing to compare with and stays quiet.
    assert run_checks(StakeholderPokja.model_validate(t11)) == []


# --- 1.2 ---------------------------------------------------------------------------------------


def test_12_contoh_valid_and_clean(t12: dict[str, Any]) -> None:
    model = KalenderKerja.model_validate(t12)
    assert [j.topik for j in model.jadwal] == [t.id for t in TOPIK]
    first = model.jadwal_topik("1.1")
    assert first is not None and first.jam_mulai == "09.00" and first.jam_selesai == "12.00"
    assert run_checks(model) == []


def test_12_unknown_key_rejected(t12: dict[str, Any]) -> None:
    t12["jadwal"][0]["undangn"] = ["sh-setda"]
    with pytest.raises(ValidationError) as exc:
        KalenderKerja.model_validate(t12)
    assert exc.value.errors()[0]["type"] == "extra_forbidden"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("09.00", "09.00"), ("9:30", "09.30"), ("13:00", "13.00"), ("9.30", "09.30"), ("13.05", "13.05"), ("8", "08.00")],
)
def test_12_clock_times_as_written(t12: dict[str, Any], typed: Any, expected: str) -> None:
    # The loader keeps the text: unquoted 13:00 is not YAML 1.1's 780, nor 09.30 the float 9.3.
    t12["jadwal"][0]["jam_mulai"] = typed
    t12["jadwal"][0]["jam_selesai"] = None
    assert KalenderKerja.model_validate(t12).jadwal[0].jam_mulai == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("pagi", "harus berupa jam JJ.MM antara 00.00 dan 23.59, misalnya 09.00 atau 13.30, tertulis pagi"),
        ("25.00", "jam 25.00 tidak ada: jam ditulis 00.00 sampai 23.59"),
        ("25:61", "jam 25:61 tidak ada: jam ditulis 00.00 sampai 23.59"),
        (
            "24.00",
            "jam 24.00 tidak ada: jam ditulis 00.00 sampai 23.59; pertemuan yang berakhir tengah malam ditulis "
            "selesai 23.59; maksud Anda 23.59?",
        ),
        ("24:00", "jam 24:00 tidak ada: jam ditulis 00.00 sampai 23.59; pertemuan yang berakhir tengah malam ditulis "
         "selesai 23.59; maksud Anda 23.59?"),
        ("24.30", "jam 24.30 tidak ada: jam ditulis 00.00 sampai 23.59"),
        ("9.3", "menit ditulis dengan dua angka, tertulis 9.3; maksud Anda 09.30 atau 09.03?"),
        ("9.75", "jam 9.75 tidak ada: jam ditulis 00.00 sampai 23.59"),
        ("45", "jam 45 tidak ada: jam ditulis 00.00 sampai 23.59"),
        (810, "harus berupa jam JJ.MM, tertulis 810; maksud Anda 08.10?"),
        (True, "harus berupa jam JJ.MM antara 00.00 dan 23.59, misalnya 09.00 atau 13.30, tertulis True"),
        (" ", "harus berupa jam JJ.MM antara 00.00 dan 23.59, misalnya 09.00 atau 13.30, tertulis ' '"),
    ],
)
def test_12_bad_clock_time(t12: dict[str, Any], typed: Any, message: str) -> None:
    t12["jadwal"][0]["jam_mulai"] = typed
    with pytest.raises(ValidationError) as exc:
        KalenderKerja.model_validate(t12)
    error = exc.value.errors()[0]
    assert format_message(error["type"], error["ctx"]) == message


def test_12_unquoted_topic_number_is_read_as_topic(t12: dict[str, Any]) -> None:
    t12["jadwal"][2]["topik"] = 2.1
    assert KalenderKerja.model_validate(t12).jadwal[2].topik == "2.1"


def test_12_unknown_topic_with_suggestion(t12: dict[str, Any]) -> None:
    t12["jadwal"].append({"topik": "4.8", "tanggal": dt.date(2026, 3, 14), "tempat": "Aula"})
    t12["jadwal"].append({"topik": "sembilan", "tanggal": dt.date(2026, 12, 1), "tempat": "Aula"})
    t12["jadwal"].append({"topik": "2.4", "tanggal": dt.date(2026, 12, 2), "tempat": "Aula"})
    found = run_checks(KalenderKerja.model_validate(t12))
    assert found == [
        (("jadwal", 21, "topik"), "error", "topik '4.8' tidak dikenal; maksud Anda '4.7'?"),
        (
            ("jadwal", 22, "topik"),
            "error",
            "topik 'sembilan' tidak dikenal; gunakan nomor topik panduan, 1.1 sampai 7.2",
        ),
        (("jadwal", 23, "topik"), "error", "topik '2.4' tidak dikenal; maksud Anda '2.3'?"),
    ]


def test_12_duplicate_topic(t12: dict[str, Any]) -> None:
    t12["jadwal"].append({"topik": "2.2", "tanggal": dt.date(2026, 12, 1), "tempat": "Aula"})
    found = run_checks(KalenderKerja.model_validate(t12))
    assert found == [
        (
            ("jadwal", 21, "topik"),
            "error",
            "topik 2.2 sudah dijadwalkan pada jadwal[3]; setiap topik dijadwalkan sekali "
            "(isi 'tanggal_selesai' bila berlangsung lebih dari satu hari)",
        )
    ]


def test_12_out_of_guide_order_warns_once(t12: dict[str, Any]) -> None:
    # 2.1 typed a year early: one warning at 2.1, not one for every topic after it.
    t12["jadwal"][2]["tanggal"] = dt.date(2025, 2, 24)
    found = run_checks(KalenderKerja.model_validate(t12))
    assert found == [
        (
            ("jadwal", 2, "tanggal"),
            "warning",
            "topik 2.1 dijadwalkan 2025-02-24, lebih awal daripada topik 1.2 (2026-02-10) yang mendahuluinya "
            "dalam panduan",
        )
    ]


def test_12_missing_topics_listed(t12: dict[str, Any]) -> None:
    t12["jadwal"] = [j for j in t12["jadwal"] if str(j["topik"]) not in ("6.1", "6.2", "7.2")]
    found = run_checks(KalenderKerja.model_validate(t12))
    assert found == [
        (("jadwal",), "warning", "topik berikut belum dijadwalkan dalam Kalender Kerja: 6.1, 6.2, 7.2"),
    ]


def test_12_end_before_start(t12: dict[str, Any]) -> None:
    t12["jadwal"][0]["jam_selesai"] = "08.00"
    t12["jadwal"][20]["tanggal_selesai"] = dt.date(2026, 11, 16)
    found = run_checks(KalenderKerja.model_validate(t12))
    assert found == [
        (("jadwal", 0, "jam_selesai"), "error", "jam selesai 08.00 harus setelah jam mulai 09.00"),
        (
            ("jadwal", 20, "tanggal_selesai"),
            "error",
            "tanggal selesai 2026-11-16 mendahului tanggal mulai 2026-11-17",
        ),
    ]
