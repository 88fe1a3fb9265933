"""Consistency rules across topics: each planted contradiction is reported at one place naming the other."""

from __future__ import annotations

from pathlib import Path

from assembler.validate import validate_workspace
from tests.conftest import replace_in

KG32 = (
    "              penanggung_jawab: m-kabid-hublang\n"
    "              biaya_per_tahun:\n"
    "                2026: 120_000_000\n"
)


def _rendered(ws: Path, lang: str) -> list[str]:
    return [p.render(lang) for p in validate_workspace(ws).problems if p.code.startswith("konsistensi.")]


def planted(ws: Path, edit: object, lang: str = "id", *, error: bool = False) -> list[str]:
    """The consistency findings an edit adds to the example (which has none of its own, see the last test)."""
    assert _rendered(ws, lang) == []
    assert callable(edit)
    edit()
    result = validate_workspace(ws)
    assert result.ok is not error, "an error rule fails the check, a warning rule does not"
    return _rendered(ws, lang)


def test_training_cost_typed_again_in_the_action_scheme(contoh: Path) -> None:
    def edit() -> None:
        replace_in(contoh / "5.1-skema-tindakan.yaml", KG32, KG32.replace("120_000_000", "150_000_000"))

    assert planted(contoh, edit, error=True) == [
        "5.1-skema-tindakan.yaml:221:23: tujuan.sasaran[1].keluaran[0].kegiatan[1].biaya_per_tahun[2026]: "
        "biaya kegiatan untuk tindakan mj-02 berjumlah Rp150.000.000 berbeda dengan biaya program personil pp-01, "
        "pp-03 di Topik 4.4 sebesar Rp120.000.000 (4.4-personil.yaml:52:12); samakan angkanya karena keduanya "
        "dicetak dalam paket"
    ]


def test_activity_of_a_pokja_member_after_the_pokjas_term(contoh: Path) -> None:
    def edit() -> None:
        replace_in(contoh / "6.1-integrasi-corporate-plan.yaml", "      tenggat: 2026-12", "      tenggat: 2029-03")

    assert planted(contoh, edit) == [
        "6.1-integrasi-corporate-plan.yaml:139:16: peringatan: tim_perumus.tugas[1].tenggat: tugas Tim Perumus "
        "'Rancangan Peraturan Bupati tentang Tarif Air Minum Perumda Air Minum Tirta Lestari' berakhir 2029-03, "
        "sesudah masa kerja Pokja berakhir (2028-12-31, 1.1-stakeholder-pokja.yaml:278:24); perpanjang masa kerja "
        "dalam SK atau serahkan kepada unit/perangkat daerah"
    ]


def test_a_legislator_answering_for_an_activity(contoh: Path) -> None:
    def edit() -> None:
        replace_in(contoh / "5.1-skema-tindakan.yaml", KG32, KG32.replace("m-kabid-hublang", "m-dprd"))

    assert planted(contoh, edit) == [
        "5.1-skema-tindakan.yaml:219:33: peringatan: tujuan.sasaran[1].keluaran[0].kegiatan[1].penanggung_jawab: "
        "penanggung jawab 'm-dprd' adalah anggota DPRD (Dewan Perwakilan Rakyat Daerah Kabupaten Lembah Sari, "
        "1.1-stakeholder-pokja.yaml:203:17); DPRD mengawasi, bukan melaksanakan rencana eksekutif: periksa apakah "
        "pelaksananya perangkat daerah atau PDAM"
    ]


def test_an_ngo_answering_for_an_activity_in_english(contoh: Path) -> None:
    def edit() -> None:
        replace_in(contoh / "5.1-skema-tindakan.yaml", KG32, KG32.replace("m-kabid-hublang", "m-lsm"))

    assert planted(contoh, edit, "en") == [
        "5.1-skema-tindakan.yaml:219:33: warning: tujuan.sasaran[1].keluaran[0].kegiatan[1].penanggung_jawab: "
        "the person responsible 'm-lsm' comes from a civil-society organisation (LSM Gerakan Peduli Air, "
        "1.1-stakeholder-pokja.yaml:215:17); it can support but cannot be held to account for an activity of the "
        "executive's plan"
    ]


def test_regional_budget_for_an_activity_the_pdam_runs_itself(contoh: Path) -> None:
    def edit() -> None:
        replace_in(
            contoh / "5.1-skema-tindakan.yaml",
            KG32 + "              sumber_dana: PDAM (RKAP)",
            KG32 + "              sumber_dana: APBD",
        )

    assert planted(contoh, edit) == [
        "5.1-skema-tindakan.yaml:222:28: peringatan: tujuan.sasaran[1].keluaran[0].kegiatan[1].sumber_dana: sumber "
        "dana APBD untuk kegiatan yang dilaksanakan PDAM sendiri (penanggung jawab 'm-kabid-hublang', "
        "1.1-stakeholder-pokja.yaml:185:17); dana APBD/DAK sampai ke PDAM hanya melalui penyertaan modal atau "
        "hibah: sebutkan jalurnya atau ubah sumber dana"
    ]


def test_a_short_term_label_on_a_long_activity(contoh: Path) -> None:
    def edit() -> None:
        replace_in(
            contoh / "5.1-skema-tindakan.yaml",
            "                mulai: 2026-06\n                selesai: 2026-09\n",
            "                mulai: 2026-06\n                selesai: 2028-09\n",
        )
        replace_in(contoh / "6.2-pelaksanaan.yaml", "    selesai: 2026-09\n", "    selesai: 2028-09\n")

    assert planted(contoh, edit) == [
        "6.1-integrasi-corporate-plan.yaml:7:19: peringatan: penyisipan[0].jangka_waktu: jangka waktu '1-2 tahun' "
        "tidak cocok dengan jadwal kegiatan kg-1.1 2026-06 s.d. 2028-09 (28 bulan, 5.1-skema-tindakan.yaml:77:17); "
        "kegiatan lebih dari dua tahun masuk jangka menengah ('5 tahun')"
    ]


def test_the_implementation_schedule_typed_again_differently(contoh: Path) -> None:
    def edit() -> None:
        replace_in(contoh / "6.2-pelaksanaan.yaml", "    selesai: 2026-09\n", "    selesai: 2026-11\n")

    assert planted(contoh, edit) == [
        "6.2-pelaksanaan.yaml:14:12: peringatan: jadwal_kerja[0].mulai: jadwal penerapan kegiatan kg-1.1 2026-06 "
        "s.d. 2026-11 berbeda dengan jadwal Skema Tindakan 2026-06 s.d. 2026-09 (5.1-skema-tindakan.yaml:77:17)"
    ]


def test_agreement_meeting_on_another_day_than_planned(contoh: Path) -> None:
    def edit() -> None:
        replace_in(contoh / "5.3-kesepakatan.yaml", "  tanggal: 2026-05-12", "  tanggal: 2026-05-19")

    assert planted(contoh, edit) == [
        "5.3-kesepakatan.yaml:5:12: peringatan: rapat.tanggal: tanggal rapat kesepakatan '2026-05-19' berbeda "
        "dengan rencana di Kalender Kerja '2026-05-12' (1.2-kalender-kerja.yaml:123:14); bila rencana berubah, "
        "perbarui Kalender Kerja atau catat di kolom catatannya bahwa rapat dipindah/diundur"
    ]


def test_a_plan_noted_as_moved_is_not_a_contradiction(contoh: Path) -> None:
    replace_in(contoh / "5.3-kesepakatan.yaml", "  tanggal: 2026-05-12", "  tanggal: 2026-05-19")
    replace_in(
        contoh / "1.2-kalender-kerja.yaml",
        "    catatan: Draft STPP dicetak",
        "    catatan: Rapat diundur ke 19 Mei 2026 dan dipindah ke Sekretariat Daerah. Draft STPP dicetak",
    )
    assert not [m for m in _rendered(contoh, "id") if m.startswith("5.3-kesepakatan.yaml")]


def test_investment_financing_typed_again_in_the_action_scheme(contoh: Path) -> None:
    def edit() -> None:
        old = "                2027: 1_150_000_000\n"
        replace_in(contoh / "5.1-skema-tindakan.yaml", old, old.replace("1_150", "1_300"))

    assert planted(contoh, edit, error=True) == [
        "4.6-keuangan.yaml:59:22: usulan[3].dampak_keuangan: pembiayaan investasi usulan uk-04 sebesar "
        "Rp4.675.000.000 berbeda dengan biaya kegiatan kg-1.2, kg-2.1, kg-2.2 yang dibiayai di luar RKAP PDAM "
        "dalam Skema Tindakan sebesar Rp4.825.000.000 (5.1-skema-tindakan.yaml:97:23); samakan angkanya karena "
        "keduanya dicetak dalam paket"
    ]


def test_a_logframe_target_other_than_the_gap_analysis(contoh: Path) -> None:
    def edit() -> None:
        replace_in(contoh / "5.1-skema-tindakan.yaml", "          baseline: 38.6\n          target: 25\n",
                   "          baseline: 38.6\n          target: 30\n")

    assert planted(contoh, edit) == [
        "5.1-skema-tindakan.yaml:37:19: peringatan: tujuan.sasaran[0].indikator[0].target: target indikator "
        "logframe il-03 (30%) berbeda dengan target indikator ind-nrw di Topik 2.3 (25%, "
        "2.3-kesenjangan.yaml:12:13); bila ini target antara, tulis '(target antara)' pada ukurannya; bila tidak, "
        "samakan"
    ]


def test_the_example_tells_one_story(contoh: Path) -> None:
    """Issue 11: the example workspace is free of contradictions (no consistency finding at all)."""
    result = validate_workspace(contoh)
    assert result.ok
    assert [(p.file, p.line, p.code) for p in result.problems] == []
