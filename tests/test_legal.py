from __future__ import annotations

from assembler import legal, messages
from assembler.content import Regulasi, katalog_regulasi

KAT = katalog_regulasi()


def _text(f: object) -> str:
    assert hasattr(f, "code") and hasattr(f, "params")
    return messages.format_message(f.code, f.params)  # type: ignore[attr-defined]


def test_uu_23_2014_with_its_amendment_chain() -> None:
    assert legal.kutip(KAT["uu-23-2014"], KAT) == (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia "
        "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah "
        "diubah beberapa kali terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan "
        "Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang "
        "(Lembaran Negara Republik Indonesia Tahun 2023 Nomor 41, Tambahan Lembaran Negara Republik "
        "Indonesia Nomor 6856)"
    )


def test_single_amendment_says_diubah_dengan() -> None:
    assert legal.kutip(KAT["uu-17-2019"], KAT).startswith(
        "Undang-Undang Nomor 17 Tahun 2019 tentang Sumber Daya Air (Lembaran Negara Republik Indonesia "
        "Tahun 2019 Nomor 190, Tambahan Lembaran Negara Republik Indonesia Nomor 6405) sebagaimana telah "
        "diubah dengan Undang-Undang Nomor 6 Tahun 2023 tentang"
    )
    assert "beberapa kali" not in legal.kutip(KAT["uu-17-2019"], KAT)


def test_pp_122_2015() -> None:
    assert legal.kutip(KAT["pp-122-2015"], KAT) == (
        "Peraturan Pemerintah Nomor 122 Tahun 2015 tentang Sistem Penyediaan Air Minum (Lembaran Negara "
        "Republik Indonesia Tahun 2015 Nomor 345, Tambahan Lembaran Negara Republik Indonesia Nomor 5802)"
    )


def test_pp_without_tln_cites_the_ln_only() -> None:
    assert legal.kutip(KAT["pp-54-2017"], KAT) == (
        "Peraturan Pemerintah Nomor 54 Tahun 2017 tentang Badan Usaha Milik Daerah (Lembaran Negara "
        "Republik Indonesia Tahun 2017 Nomor 305)"
    )


def test_permen_with_berita_negara_and_amendment() -> None:
    assert legal.kutip(KAT["permenpanrb-15-2014"], KAT) == (
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2014 tentang "
        "Pedoman Standar Pelayanan (Berita Negara Republik Indonesia Tahun 2014 Nomor 615)"
    )
    assert legal.kutip(KAT["permendagri-80-2015"], KAT) == (
        "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita "
        "Negara Republik Indonesia Tahun 2015 Nomor 2036) sebagaimana telah diubah dengan Peraturan Menteri "
        "Dalam Negeri Nomor 120 Tahun 2018 tentang Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 "
        "Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita Negara Republik Indonesia Tahun 2019 "
        "Nomor 157)"
    )


def test_regulation_without_publication_numbers_is_cited_bare() -> None:
    assert legal.kutip(KAT["perpres-90-2016"], KAT) == (
        "Peraturan Presiden Nomor 90 Tahun 2016 tentang Badan Peningkatan Penyelenggaraan Sistem Penyediaan "
        "Air Minum"
    )
    # an amendment whose numbers are unconfirmed is cited bare too: never invented
    assert legal.kutip(KAT["uu-12-2011"], KAT).endswith(
        "sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 13 Tahun 2022 tentang "
        "Perubahan Kedua atas Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan "
        "Perundang-undangan"
    )


def test_number_with_the_year_inside_is_cited_without_tahun() -> None:
    assert legal.kutip(KAT["permenpu-18-2007"], KAT) == (
        "Peraturan Menteri Pekerjaan Umum Nomor 18/PRT/M/2007 tentang Penyelenggaraan Pengembangan Sistem "
        "Penyediaan Air Minum"
    )


def test_uud_article() -> None:
    assert legal.kutip(KAT["uud-1945-pasal-18-ayat-6"], KAT) == (
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    )


def test_no_spaces_inside_brackets_and_lower_case_tentang() -> None:
    for r in KAT.regulasi:
        teks = legal.kutip(r, KAT)
        assert "( " not in teks and " )" not in teks, r.id
        assert " Tentang " not in teks, r.id


def test_regional_regulations() -> None:
    perda = Regulasi(
        id="perda-lembahsari-5-2019", jenis="Perda", nomor="5", tahun=2019,
        tentang="Perusahaan Umum Daerah Air Minum Tirta Lestari", daerah="Kabupaten Lembah Sari",
        ld_tahun=2019, ld_nomor="5", status="berlaku", keyakinan="C", sumber="Lembaran Daerah",
    )
    assert legal.kutip(perda, KAT) == (
        "Peraturan Daerah Kabupaten Lembah Sari Nomor 5 Tahun 2019 tentang Perusahaan Umum Daerah Air Minum "
        "Tirta Lestari (Lembaran Daerah Kabupaten Lembah Sari Tahun 2019 Nomor 5)"
    )
    perbup = Regulasi(
        id="perbup-lembahsari-12-2020", jenis="Perkada", nomor="12", tahun=2020, tentang="Tarif Air Minum",
        daerah="Kabupaten Lembah Sari", kepala_daerah="Bupati", status="berlaku", keyakinan="C", sumber="x",
    )
    assert legal.kutip(perbup, KAT) == (
        "Peraturan Bupati Lembah Sari Nomor 12 Tahun 2020 tentang Tarif Air Minum"
    )


def test_chain_resolves_against_a_plain_mapping() -> None:
    mapping = KAT.as_dict()
    assert legal.kutip(mapping["uu-23-2014"], mapping) == legal.kutip(KAT["uu-23-2014"], KAT)


def test_urutkan_by_hierarchy_then_year_then_number() -> None:
    ids = ["permendagri-80-2015", "pp-2-2018", "uu-23-2014", "pp-122-2015", "uud-1945-pasal-18-ayat-6",
           "perpres-90-2016", "uu-25-2009", "pp-54-2017", "uu-17-2019", "uu-9-2015", "uu-2-2015",
           "kepmenkes-907-2002", "permendagri-71-2016"]
    ordered = [r.id for r in legal.urutkan(KAT[i] for i in ids)]
    assert ordered == [
        "uud-1945-pasal-18-ayat-6",
        "uu-25-2009", "uu-23-2014", "uu-2-2015", "uu-9-2015", "uu-17-2019",
        "pp-122-2015", "pp-54-2017", "pp-2-2018",
        "perpres-90-2016",
        "kepmenkes-907-2002", "permendagri-80-2015", "permendagri-71-2016",
    ]


def test_urutkan_numbers_numerically_within_a_year() -> None:
    a = Regulasi(id="pp-9-2018", jenis="PP", nomor="9", tahun=2018, tentang="A", status="berlaku",
                 keyakinan="C", sumber="x")
    ordered = [r.id for r in legal.urutkan([KAT["pp-28-2018"], a, KAT["pp-2-2018"]])]
    assert ordered == ["pp-2-2018", "pp-9-2018", "pp-28-2018"]


def test_urutkan_puts_preferred_ids_first_within_their_level() -> None:
    regs = [KAT["uu-23-2014"], KAT["uu-25-2009"], KAT["pp-2-2018"]]
    ordered = legal.urutkan(regs, didahulukan={"uu-23-2014"})
    assert [r.id for r in ordered] == ["uu-23-2014", "uu-25-2009", "pp-2-2018"]


def test_status_peringatan_for_repealed_regulation() -> None:
    found = legal.status_peringatan(KAT["uu-32-2004"], KAT)
    assert [f.code for f in found] == ["regulasi.dicabut"]
    assert found[0].severity == "warning"
    assert _text(found[0]) == (
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah telah dicabut oleh Undang-Undang "
        "Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Pasal 409 huruf b); gunakan penggantinya"
    )


def test_status_peringatan_follows_a_chain_of_replacements() -> None:
    found = legal.status_peringatan(KAT["kepmenkes-907-2002"], KAT)
    assert [f.code for f in found] == ["regulasi.diganti"]
    assert found[0].params["pengganti"] == (
        "Peraturan Menteri Kesehatan Nomor 492/MENKES/PER/IV/2010 tentang Persyaratan Kualitas Air Minum, "
        "kemudian Peraturan Menteri Kesehatan Nomor 2 Tahun 2023 tentang Peraturan Pelaksanaan Peraturan "
        "Pemerintah Nomor 66 Tahun 2014 tentang Kesehatan Lingkungan"
    )
    # without the catalogue only the first replacement is known
    assert legal.status_peringatan(KAT["kepmenkes-907-2002"])[0].params["pengganti"].endswith("Air Minum")


def test_status_peringatan_no_longer_in_force() -> None:
    found = legal.status_peringatan(KAT["pp-16-2005"], KAT)
    assert [f.code for f in found] == ["regulasi.tidak_berlaku"]
    assert "Peraturan Pemerintah Nomor 122 Tahun 2015" in _text(found[0])


def test_status_peringatan_asks_for_a_jdih_check_unless_confirmed() -> None:
    assert legal.status_peringatan(KAT["uu-25-2009"], KAT) == []
    found = legal.status_peringatan(KAT["pp-122-2015"], KAT)
    assert [f.code for f in found] == ["regulasi.periksa_jdih"]
    assert found[0].params["keyakinan"] == "U"
    assert "JDIH" in _text(found[0])
    unknown = legal.status_peringatan(KAT["kepmendagri-47-1999"], KAT)
    assert [f.code for f in unknown] == ["regulasi.status_tidak_diketahui"]
    # U-rated replacement row: both the replacement and the doubt are reported
    doubtful = legal.status_peringatan(KAT["permenpu-18-2007"], KAT)
    assert [f.code for f in doubtful] == ["regulasi.diganti", "regulasi.periksa_jdih"]


def test_status_peringatan_checks_the_printed_last_amendment() -> None:
    found = legal.status_peringatan(KAT["uu-12-2011"], KAT)
    assert [(f.code, f.params["keyakinan"]) for f in found] == [
        ("regulasi.periksa_jdih", "S"), ("regulasi.periksa_jdih", "U"),
    ]
    assert found[1].params["kutipan"].startswith("Undang-Undang Nomor 13 Tahun 2022")


def test_messages_are_registered_in_both_languages() -> None:
    for code in ["regulasi.dicabut", "regulasi.diganti", "regulasi.tidak_berlaku",
                 "regulasi.status_tidak_diketahui", "regulasi.periksa_jdih"]:
        assert messages.has_message(code)
    en = messages.format_message("regulasi.dicabut", {"kutipan": "A", "pengganti": "B"}, "en")
    assert en == "A has been repealed by B; cite its replacement"
