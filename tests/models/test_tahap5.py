"""Topics 5.1, 5.2 and 5.3: the example files validate, and every rule speaks its exact message."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import ValidationError

from assembler.messages import format_message
from assembler.models.base import Loc
from assembler.models.tahap5 import MAKLUMAT_BAKU, CitizenCharter, Kesepakatan, SkemaTindakan
from tests.helpers.models import load, run_checks

KG0: Loc = ("tujuan", "sasaran", 0, "keluaran", 0, "kegiatan", 0)






def error_types(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[tuple[Any, ...], str]]:
    return [(tuple(e["loc"]), e["type"]) for e in exc.value.errors()]


def prioritas(*ids: str) -> Any:
    """A stand-in for a validated 4.7: only what the 5.x rules read."""
    return SimpleNamespace(tindakan=[SimpleNamespace(id=i, aspek="teknis") for i in ids])


TINDAKAN_47 = ("tk-01", "tk-02", "tk-03", "fn-01", "fn-02", "mj-01", "mj-02", "mj-03", "mj-04")


@pytest.fixture
def t51() -> dict[str, Any]:
    return load("5.1-skema-tindakan.yaml")


@pytest.fixture
def skema(t51: dict[str, Any]) -> SkemaTindakan:
    return SkemaTindakan.model_validate(t51)


@pytest.fixture
def t52() -> dict[str, Any]:
    return load("5.2-citizen-charter.yaml")


@pytest.fixture
def t53() -> dict[str, Any]:
    return load("5.3-kesepakatan.yaml")


def kegiatan0(data: dict[str, Any]) -> dict[str, Any]:
    kg: dict[str, Any] = data["tujuan"]["sasaran"][0]["keluaran"][0]["kegiatan"][0]
    return kg


# --------------------------------------------------------------------------- 5.1


def test_skema_fixture_is_valid_and_clean(skema: SkemaTindakan) -> None:
    assert run_checks(skema, {"4.7": prioritas(*TINDAKAN_47)}) == []
    kegiatan = [kg.id for _loc, _kl, kg in skema.iter_kegiatan()]
    assert len(kegiatan) == 12
    assert [kl.id for _loc, kl in skema.iter_keluaran()] == ["kl-1", "kl-2", "kl-3", "kl-4"]
    assert [i.id for i in skema.iter_indikator()] == [f"il-{n:02d}" for n in range(1, 16)]


def test_skema_derived_cost_is_the_sum_over_years(skema: SkemaTindakan) -> None:
    kg = skema.kegiatan_by_id()["kg-1.2"]
    assert kg.biaya_per_tahun == {2026: 1_100_000_000, 2027: 1_350_000_000}
    assert kg.biaya == 2_450_000_000


def test_skema_rejects_unknown_key(t51: dict[str, Any]) -> None:
    kegiatan0(t51)["biaya_total"] = 350_000_000
    with pytest.raises(ValidationError) as exc:
        SkemaTindakan.model_validate(t51)
    assert error_types(exc) == [((*KG0, "biaya_total"), "extra_forbidden")]


@pytest.mark.parametrize("value", ["2026-13", "2026-3", dt.date(2026, 3, 1), 2026])
def test_bulan_must_be_year_month(t51: dict[str, Any], value: Any) -> None:
    kegiatan0(t51)["jadwal"]["mulai"] = value
    with pytest.raises(ValidationError) as exc:
        SkemaTindakan.model_validate(t51)
    assert error_types(exc) == [((*KG0, "jadwal", "mulai"), "siap.bulan")]
    err = exc.value.errors()[0]
    assert format_message(err["type"], err["ctx"]) == (
        f"harus berupa bulan dalam bentuk 'YYYY-MM' (misalnya '2026-03'), tertulis {value}"
    )


def test_biaya_per_tahun_must_not_be_empty(t51: dict[str, Any]) -> None:
    kegiatan0(t51)["biaya_per_tahun"] = {}
    with pytest.raises(ValidationError) as exc:
        SkemaTindakan.model_validate(t51)
    assert error_types(exc) == [((*KG0, "biaya_per_tahun"), "too_short")]


def test_jadwal_terbalik(t51: dict[str, Any]) -> None:
    kegiatan0(t51)["jadwal"] = {"mulai": "2026-09", "selesai": "2026-06"}
    assert run_checks(SkemaTindakan.model_validate(t51)) == [
        (
            (*KG0, "jadwal", "selesai"),
            "error",
            "bulan mulai 2026-09 lebih akhir daripada bulan selesai 2026-06; "
            "'mulai' harus sama dengan atau sebelum 'selesai'",
        )
    ]


def test_biaya_di_luar_jadwal(t51: dict[str, Any]) -> None:
    kegiatan0(t51)["biaya_per_tahun"][2028] = 10_000_000
    assert run_checks(SkemaTindakan.model_validate(t51)) == [
        (
            (*KG0, "biaya_per_tahun", 2028),
            "error",
            "biaya tahun 2028 berada di luar jadwal kegiatan (2026-06 s.d. 2026-09); "
            "tahun biaya harus di antara tahun mulai dan tahun selesai",
        )
    ]


def test_tindakan_tanpa_kegiatan_is_a_warning(skema: SkemaTindakan) -> None:
    topics = {"4.7": prioritas(*TINDAKAN_47, "mj-05", "tk-04")}
    assert run_checks(skema, topics) == [
        (
            ("tujuan",),
            "warning",
            "tindakan prioritas Topik 4.7 belum dijabarkan menjadi kegiatan: mj-05, tk-04; "
            "setiap tindakan perlu paling sedikit satu kegiatan",
        )
    ]
    assert run_checks(skema, topics, lang="en")[0][2] == (
        "priority actions of topic 4.7 have no activity yet: mj-05, tk-04; every action needs at least one activity"
    )


# --------------------------------------------------------------------------- 5.2


def test_charter_fixture_is_valid_and_clean(t52: dict[str, Any], skema: SkemaTindakan) -> None:
    charter = CitizenCharter.model_validate(t52)
    assert run_checks(charter, {"5.1": skema}) == []
    assert [s.nama_layanan for s in charter.standar_pelayanan] == [
        "Pemasangan Sambungan Baru",
        "Penanganan Pengaduan Pelanggan",
    ]
    assert charter.maklumat.teks == MAKLUMAT_BAKU


@pytest.fixture
def prosedur_42() -> Any:
    from assembler.models.tahap4 import Prosedur

    return Prosedur.model_validate(load("4.2-prosedur.yaml"))


def test_charter_procedure_is_entered_once(t52: dict[str, Any], prosedur_42: Any) -> None:
    """Issue 11: the Citizen Charter names 4.2's improved procedure; typing the steps again is an error."""
    t52["standar_pelayanan"][0]["sistem_mekanisme_prosedur"] = ["Pemohon datang ke loket"]
    del t52["standar_pelayanan"][1]["prosedur"]
    assert run_checks(CitizenCharter.model_validate(t52), {"4.2": prosedur_42}) == [
        (
            ("standar_pelayanan", 0, "sistem_mekanisme_prosedur"),
            "error",
            "langkah prosedur diambil dari Topik 4.2 ('pr-sambungan-baru'); hapus 'sistem_mekanisme_prosedur' "
            "agar prosedur hanya ditulis sekali (yang dicetak adalah langkah perbaikan Topik 4.2)",
        ),
        (
            ("standar_pelayanan", 1, "prosedur"),
            "error",
            "prosedur layanan belum ada; tulis 'prosedur' (kode prosedur perbaikan Topik 4.2, misalnya "
            "'pr-sambungan-baru') atau, bila layanan ini tidak diperbaiki di Topik 4.2, 'sistem_mekanisme_prosedur'",
        ),
    ]


def test_charter_promise_shorter_than_the_procedure(t52: dict[str, Any], prosedur_42: Any) -> None:
    """4.2's improved steps take 4 working days (plus 30 minutes): a 3-day promise cannot be kept."""
    t52["standar_pelayanan"][0]["jangka_waktu"]["nilai"] = 3
    assert run_checks(CitizenCharter.model_validate(t52), {"4.2": prosedur_42}, "en") == [
        (
            ("standar_pelayanan", 0, "jangka_waktu", "nilai"),
            "error",
            "the time limit 3 hari kerja is shorter than the steps of improved procedure 'pr-sambungan-baru' in "
            "topic 4.2 take (4 hari kerja); the promise cannot be kept: lengthen the limit or fix the procedure",
        )
    ]


def test_charter_prints_the_42_steps(t52: dict[str, Any], prosedur_42: Any) -> None:
    from assembler.analysis.prosedur import langkah_layanan

    steps = langkah_layanan(CitizenCharter.model_validate(t52), prosedur_42)
    assert steps["ly-sambungan-baru"] == [
        "Pemohon mengajukan permohonan daring atau di loket; petugas memeriksa kelengkapan saat itu juga "
        "(Petugas loket Hubungan Langganan, 30 menit)",
        "Petugas survei memeriksa lokasi dan menetapkan biaya berdasarkan daftar harga baku "
        "(Petugas survei Bagian Teknik, 2 hari kerja)",
        "Kepala Bagian Hubungan Langganan menyetujui permohonan; pemohon membayar melalui kanal pembayaran "
        "(Kepala Bagian Hubungan Langganan, 1 hari kerja)",
        "Tim pemasangan memasang pipa dinas dan meter air (Tim pemasangan Bagian Teknik, 1 hari kerja)",
    ]
    assert len(steps["ly-pengaduan"]) == 3


def test_charter_maklumat_defaults_to_permenpanrb_sentence(t52: dict[str, Any]) -> None:
    del t52["maklumat"]
    charter = CitizenCharter.model_validate(t52)
    assert charter.maklumat.teks.startswith("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan")
    assert charter.maklumat.tanggal is None


def test_charter_rejects_unknown_key(t52: dict[str, Any]) -> None:
    t52["standar_pelayanan"][0]["waktu_pelaksanaan"] = "5 hari"
    with pytest.raises(ValidationError) as exc:
        CitizenCharter.model_validate(t52)
    assert error_types(exc) == [(("standar_pelayanan", 0, "waktu_pelaksanaan"), "extra_forbidden")]


def test_every_standard_component_is_required(t52: dict[str, Any]) -> None:
    del t52["standar_pelayanan"][1]["jaminan_keamanan_keselamatan"]
    t52["standar_pelayanan"][1]["kompetensi_pelaksana"] = []
    with pytest.raises(ValidationError) as exc:
        CitizenCharter.model_validate(t52)
    assert sorted(error_types(exc)) == [
        (("standar_pelayanan", 1, "jaminan_keamanan_keselamatan"), "missing"),
        (("standar_pelayanan", 1, "kompetensi_pelaksana"), "too_short"),
    ]


def test_janji_layanan_must_be_measurable(t52: dict[str, Any]) -> None:
    t52["janji_layanan"][0]["waktu"] = {"satuan": "hari kerja"}
    t52["janji_layanan"][1]["waktu"]["nilai"] = 0
    t52["janji_layanan"][2]["waktu"]["satuan"] = "secepatnya"
    with pytest.raises(ValidationError) as exc:
        CitizenCharter.model_validate(t52)
    assert error_types(exc) == [
        (("janji_layanan", 0, "waktu", "nilai"), "missing"),
        (("janji_layanan", 1, "waktu", "nilai"), "greater_than"),
        (("janji_layanan", 2, "waktu", "satuan"), "literal_error"),
    ]


def test_pemilahan_ganda(t52: dict[str, Any]) -> None:
    t52["pemilahan"]["langsung_dilaksanakan"].append("tk-03")
    assert run_checks(CitizenCharter.model_validate(t52)) == [
        (
            ("pemilahan", "perlu_persetujuan", 1),
            "error",
            "'tk-03' tercantum pada 'langsung_dilaksanakan' dan 'perlu_persetujuan' sekaligus; "
            "setiap tindakan atau kegiatan hanya boleh berada pada satu kelompok",
        )
    ]


def test_pemilahan_berulang(t52: dict[str, Any]) -> None:
    t52["pemilahan"]["perlu_persetujuan"].append("fn-01")
    assert run_checks(CitizenCharter.model_validate(t52)) == [
        (
            ("pemilahan", "perlu_persetujuan", 3),
            "error",
            "'fn-01' dicantumkan lebih dari sekali dalam daftar yang sama; cukup satu kali",
        )
    ]


def test_pemilahan_belum_lengkap(t52: dict[str, Any], skema: SkemaTindakan) -> None:
    t52["pemilahan"]["langsung_dilaksanakan"].remove("fn-02")
    t52["pemilahan"]["perlu_persetujuan"].remove("tk-03")
    assert run_checks(CitizenCharter.model_validate(t52), {"5.1": skema}) == [
        (
            ("pemilahan",),
            "warning",
            "kegiatan Topik 5.1 belum dipilah ke 'langsung_dilaksanakan' atau 'perlu_persetujuan': "
            "kg-2.1, kg-2.2, kg-4.3",
        )
    ]


def test_kelompok_prefers_the_kegiatan_id_over_its_tindakan(t52: dict[str, Any], skema: SkemaTindakan) -> None:
    charter = CitizenCharter.model_validate(t52)
    by_id = skema.kegiatan_by_id()
    # kg-1.1 and kg-1.2 both implement tk-01 but were split by their own ids.
    assert charter.kelompok(by_id["kg-1.1"]) == "langsung_dilaksanakan"
    assert charter.kelompok(by_id["kg-1.2"]) == "perlu_persetujuan"
    assert charter.kelompok(by_id["kg-4.2"]) == "perlu_persetujuan"  # through fn-01
    assert charter.kelompok(by_id["kg-3.3"]) == "langsung_dilaksanakan"  # through mj-04


# --------------------------------------------------------------------------- 5.3


def test_kesepakatan_fixture_is_valid_and_clean(t53: dict[str, Any]) -> None:
    model = Kesepakatan.model_validate(t53)
    assert run_checks(model) == []
    assert model.rapat.tanggal == dt.date(2026, 5, 12)
    assert [k.id for k in model.kerja_sama] == ["ks-01", "ks-02"]


def test_kesepakatan_rejects_unknown_key(t53: dict[str, Any]) -> None:
    t53["juklak_juknis"]["bab_penutup"] = "x"
    with pytest.raises(ValidationError) as exc:
        Kesepakatan.model_validate(t53)
    assert error_types(exc) == [(("juklak_juknis", "bab_penutup"), "extra_forbidden")]


def test_tanggapan_kurang(t53: dict[str, Any]) -> None:
    t53["tanggapan"] = [t for t in t53["tanggapan"] if t["pihak"] == "Bappeda"]
    assert run_checks(Kesepakatan.model_validate(t53)) == [
        (
            ("tanggapan",),
            "warning",
            "belum ada tanggapan dari Pimpinan DPRD, Kepala Daerah; "
            "Draft STPP ditanggapi oleh Pimpinan DPRD dan Kepala Daerah",
        )
    ]


def test_istilah_ganda_ignores_case(t53: dict[str, Any]) -> None:
    t53["juklak_juknis"]["pengertian"].append({"istilah": "district meter area", "definisi": "Zona terukur."})
    assert run_checks(Kesepakatan.model_validate(t53)) == [
        (
            ("juklak_juknis", "pengertian", 4, "istilah"),
            "error",
            "istilah 'district meter area' didefinisikan lebih dari sekali; setiap istilah cukup satu definisi",
        )
    ]


def test_pihak_ganda(t53: dict[str, Any]) -> None:
    t53["kerja_sama"][1]["para_pihak"][1]["stakeholder"] = "sh-dinkes"
    assert run_checks(Kesepakatan.model_validate(t53)) == [
        (
            ("kerja_sama", 1, "para_pihak", 1, "stakeholder"),
            "error",
            "pihak 'sh-dinkes' tercantum lebih dari sekali dalam dokumen kerja sama yang sama",
        )
    ]


def test_kerja_sama_needs_two_parties(t53: dict[str, Any]) -> None:
    t53["kerja_sama"][0]["para_pihak"] = t53["kerja_sama"][0]["para_pihak"][:1]
    with pytest.raises(ValidationError) as exc:
        Kesepakatan.model_validate(t53)
    assert error_types(exc) == [(("kerja_sama", 0, "para_pihak"), "too_short")]
