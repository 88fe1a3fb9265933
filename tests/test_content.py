from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

from assembler import content
from assembler.content import (
    CONTENT_DIR,
    KatalogRegulasi,
    Regulasi,
    SkDefault,
    TopikContent,
    TopikPanduan,
    load_content,
    load_yaml,
)
from assembler.topics import TOPIK

STATUS_NOTES = Path(__file__).resolve().parents[1] / "docs" / "referensi" / "regulasi-status.md"


def test_content_dir_is_package_data() -> None:
    assert Path(content.__file__).resolve().parent / "content" == CONTENT_DIR
    assert (CONTENT_DIR / "regulasi.yaml").is_file()


def test_everything_loads_once_and_is_cached() -> None:
    first = load_content()
    assert load_content() is first
    assert first.regulasi is content.katalog_regulasi()
    assert "uu-23-2014" in first.regulasi_ids()


# --- regulation catalogue --------------------------------------------------------------------------


def test_catalogue_has_every_row_of_the_shared_status_table() -> None:
    ids = set(load_content().regulasi_ids())
    expected = {
        # section A
        "uu-32-2004", "uu-8-1999", "pp-65-2005", "pp-50-2007", "pp-16-2005", "permendagri-6-2007",
        "permendagri-2-2007", "permenpu-18-2007", "permenpu-294-2005", "kepmenpan-25-2004",
        "kepmenpan-80-2002", "kepmenkes-907-2002", "kepmenlh-197-2004", "kepmendagri-47-1999",
        "permendagri-13-2006",
        # section B
        "uu-23-2014", "uu-2-2015", "uu-9-2015", "uu-6-2023", "uu-1-2022", "uu-25-2009", "uu-17-2019",
        "pp-122-2015", "pp-54-2017", "pp-2-2018", "pp-28-2018", "perpres-90-2016", "permendagri-80-2015",
        "permenpanrb-15-2014", "permenpanrb-14-2017", "permenkes-492-2010", "permenkes-2-2023",
        "permendagri-90-2019", "permendagri-77-2020", "permendagri-71-2016", "permendagri-21-2020",
        # asked for besides the table
        "uu-12-2011", "uu-15-2019", "uu-13-2022", "uud-1945-pasal-18-ayat-6",
    }
    assert expected <= ids, sorted(expected - ids)


def test_every_id_named_in_the_status_notes_is_catalogued() -> None:
    """docs/referensi/regulasi-status.md carries the facts the catalogue relies on; each row is catalogued."""
    text = STATUS_NOTES.read_text(encoding="utf-8")
    row_ids = set(re.findall(r"^\| ([a-z]+-[0-9]+-[0-9]{4}) \|", text, flags=re.M))
    assert len(row_ids) >= 35
    assert row_ids <= set(load_content().regulasi_ids())


def test_every_replacing_and_amending_id_exists() -> None:
    kat = load_content().regulasi
    for r in kat.regulasi:
        for ref in r.diubah_dengan:
            assert ref in kat, (r.id, ref)
        if r.pengganti is not None and r.pengganti.id is not None:
            assert r.pengganti.id in kat, (r.id, r.pengganti.id)


def test_confirmed_numbers_are_carried_and_unconfirmed_ones_are_null() -> None:
    kat = load_content().regulasi
    uu23 = kat["uu-23-2014"]
    assert (uu23.ln_tahun, uu23.ln_nomor, uu23.tln_nomor) == (2014, "244", "5587")
    assert uu23.status == "diubah"
    assert uu23.diubah_dengan == ["uu-2-2015", "uu-9-2015", "uu-6-2023"]
    assert (kat["uu-9-2015"].ln_nomor, kat["uu-9-2015"].tln_nomor) == ("58", "5679")
    assert (kat["uu-1-2022"].ln_nomor, kat["uu-1-2022"].tln_nomor) == ("4", "6757")
    assert (kat["uu-12-2011"].ln_nomor, kat["uu-12-2011"].tln_nomor) == ("82", "5234")
    assert (kat["uu-15-2019"].ln_nomor, kat["uu-15-2019"].tln_nomor) == ("183", "6398")
    uu13 = kat["uu-13-2022"]
    assert (uu13.ln_tahun, uu13.ln_nomor, uu13.tln_nomor, uu13.keyakinan) == (None, None, None, "U")
    # TLN unconfirmed for these PPs: never invented
    assert kat["pp-54-2017"].tln_nomor is None
    assert kat["pp-28-2018"].tln_nomor is None
    assert (kat["permendagri-80-2015"].bn_tahun, kat["permendagri-80-2015"].bn_nomor) == (2015, "2036")
    assert kat["permendagri-90-2019"].bn_nomor is None


def test_status_and_confidence_follow_the_shared_table() -> None:
    kat = load_content().regulasi
    assert kat["uu-32-2004"].status == "dicabut"
    assert kat["uu-32-2004"].dicabut_oleh is not None
    assert kat["uu-32-2004"].dicabut_oleh.id == "uu-23-2014"
    assert kat["pp-50-2007"].dicabut_oleh is not None
    assert kat["pp-50-2007"].dicabut_oleh.id == "pp-28-2018"
    assert kat["pp-65-2005"].status == "diganti"
    assert kat["pp-16-2005"].status == "tidak_berlaku"
    assert kat["kepmendagri-47-1999"].status == "tidak_diketahui"
    assert kat["kepmendagri-47-1999"].keyakinan == "U"
    assert kat["permenkes-492-2010"].dicabut_oleh is not None
    assert kat["permenkes-492-2010"].dicabut_oleh.id == "permenkes-2-2023"
    # rows whose status the table marks U must not be stated with more confidence
    for reg_id in ["permendagri-6-2007", "permendagri-2-2007", "permenpu-18-2007", "kepmenpan-80-2002",
                   "permenkes-2-2023"]:
        assert kat[reg_id].keyakinan == "U", reg_id


def test_hierarchy_levels() -> None:
    kat = load_content().regulasi
    levels = [kat[i].tingkat for i in ["uud-1945-pasal-18-ayat-6", "uu-23-2014", "pp-122-2015",
                                       "perpres-90-2016", "permendagri-80-2015"]]
    assert levels == sorted(levels) and len(set(levels)) == 5
    assert kat["kepmenkes-907-2002"].tingkat == kat["permendagri-80-2015"].tingkat


def _reg(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "uu-1-2000", "jenis": "UU", "nomor": "1", "tahun": 2000, "tentang": "Contoh",
        "status": "berlaku", "keyakinan": "C", "sumber": "uji",
    }
    base.update(kw)
    return base


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"status": "diubah"}, "diubah_dengan"),
        ({"status": "dicabut"}, "dicabut_oleh"),
        ({"status": "diganti"}, "diganti_oleh"),
        ({"status": "tidak_berlaku"}, "diganti_oleh"),
        ({"status": "tidak_diketahui"}, "keyakinan U"),
        ({"diubah_dengan": ["uu-2-2000"]}, "bukan 'berlaku'"),
        ({"ln_tahun": 2000}, "ln_tahun dan ln_nomor"),
        ({"nomor": None}, "nomor dan tentang"),
        ({"id": "UU 1/2000"}, "huruf kecil"),
        ({"jenis": "Perda"}, "memerlukan 'daerah'"),
        ({"jenis": "Perkada", "daerah": "Kabupaten X"}, "kepala_daerah"),
        ({"tingkat": 3}, "Extra inputs"),
    ],
)
def test_regulation_model_rejects_inconsistent_entries(kw: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError, match=re.escape(fragment)):
        Regulasi.model_validate(_reg(**kw))


def test_catalogue_rejects_dangling_and_duplicate_ids() -> None:
    with pytest.raises(ValueError, match="uu-9-2000"):
        KatalogRegulasi.model_validate(
            {"regulasi": [_reg(status="diubah", diubah_dengan=["uu-9-2000"])]}
        )
    with pytest.raises(ValueError, match="uu-8-2000"):
        KatalogRegulasi.model_validate(
            {"regulasi": [_reg(status="dicabut", dicabut_oleh={"id": "uu-8-2000", "teks": "x"})]}
        )
    with pytest.raises(ValueError, match="ganda"):
        KatalogRegulasi.model_validate({"regulasi": [_reg(), _reg()]})


def test_loader_refuses_duplicate_keys(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("regulasi: []\nregulasi: []\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError, match="kunci ganda 'regulasi'"):
        load_yaml("x.yaml", KatalogRegulasi, tmp_path)


def test_loader_names_the_file_on_validation_errors(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("regulasi: [{id: a}]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.yaml"):
        load_yaml("x.yaml", KatalogRegulasi, tmp_path)


# --- SK defaults -----------------------------------------------------------------------------------


def test_sk_default_mengingat() -> None:
    sk = load_content().sk
    assert sk.mengingat == [
        "uud-1945-pasal-18-ayat-6", "uu-25-2009", "uu-23-2014", "uu-17-2019", "pp-122-2015",
        "pp-54-2017", "pp-2-2018", "permendagri-80-2015",
    ]
    kat = load_content().regulasi
    assert all(not kat[i].tidak_berlaku_lagi for i in sk.mengingat)


def test_sk_default_texts_fill_with_the_documented_placeholders() -> None:
    sk = load_content().sk
    values = {name: f"<{name}>" for name in content.SK_PLACEHOLDERS}
    texts = [sk.judul, *sk.menimbang, sk.menimbang_penutup]
    for d in sk.diktum.values():
        texts += [d.teks, *d.rincian]
    for t in texts:
        filled = t.format(**values)
        assert "{" not in filled and "}" not in filled
    assert list(sk.diktum) == ["pembentukan", "tugas", "sekretariat", "pembiayaan", "mulai_berlaku"]
    assert sk.diktum["mulai_berlaku"].teks == "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    assert sk.menimbang_penutup.format(**values) == (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam <rujukan>, perlu menetapkan "
        "Keputusan <kepala> tentang <judul>;"
    )
    pembiayaan = sk.diktum["pembiayaan"].teks
    assert pembiayaan.startswith("Segala biaya")
    assert "Anggaran Pendapatan dan Belanja Daerah {daerah} Tahun Anggaran {tahun_anggaran}" in pembiayaan
    for d in sk.diktum.values():
        assert d.teks[0].isupper()
        assert d.teks.endswith((".", ":"))
        for item in d.rincian:
            assert not item.endswith((";", ".")), item


def test_sk_default_rejects_unknown_placeholder_and_bad_menimbang() -> None:
    raw = yaml.safe_load((CONTENT_DIR / "sk-default.yaml").read_text(encoding="utf-8"))
    bad = {**raw, "judul": "Pembentukan {pokja}"}
    with pytest.raises(ValueError, match="pokja"):
        SkDefault.model_validate(bad)
    bad = {**raw, "menimbang": ["bahwa tanpa titik koma."]}
    with pytest.raises(ValueError, match="bahwa"):
        SkDefault.model_validate(bad)


# --- guide checklists ------------------------------------------------------------------------------


def test_good_governance_keys_and_names() -> None:
    gg = load_content().good_governance
    assert list(gg.proses) == [
        "penetapan_kelompok_sasaran", "perancangan_paket_layanan", "mobilisasi_dukungan",
        "penyaluran_pelayanan", "pusat_pelayanan",
    ]
    assert list(gg.kriteria) == ["transparan", "partisipatif", "akuntabel", "aksesibel", "terjangkau"]
    assert list(gg.kriteria_pelayanan) == [
        "transparan", "partisipatif", "akuntabel", "mudah", "cepat", "lancar",
    ]
    assert gg.proses["mobilisasi_dukungan"].nama == "Mobilisasi Dukungan"
    assert gg.kriteria["aksesibel"].nama == "Aksesibel"


def test_checklist_keys_match_the_topic_models() -> None:
    tahap3 = pytest.importorskip("assembler.models.tahap3")
    gg = load_content().good_governance
    assert tuple(gg.proses) == tahap3.PROSES
    assert tuple(gg.kriteria) == tahap3.KRITERIA_GOOD_GOVERNANCE
    assert tuple(gg.kriteria_pelayanan) == tahap3.KRITERIA_PELAYANAN
    assert tuple(gg.area_persoalan) == tahap3.AREA_PERSOALAN
    assert tuple(load_content().alur.tahap) == tahap3.TAHAP_ALUR


def test_alur_pelayanan_order() -> None:
    alur = load_content().alur
    assert [(k, t.urutan, t.nama) for k, t in alur.tahap.items()] == [
        ("rancangan_pelayanan", 1, "Rancangan Pelayanan"),
        ("mobilisasi", 2, "Mobilisasi"),
        ("penyaluran", 3, "Penyaluran"),
        ("menjangkau_kelompok_sasaran", 4, "Menjangkau Kelompok Sasaran"),
    ]


def test_p3o() -> None:
    p = load_content().p3o
    assert list(p.aspek) == ["teknis", "finansial", "manajemen"]
    assert list(p.sub_aspek_manajemen) == ["prosedur", "personil", "kebijakan", "organisasi"]


def test_standar_pelayanan_components() -> None:
    sp = load_content().standar_pelayanan
    assert len(sp.komponen) == 14
    assert [k for k, _ in sp.per_kelompok("penyampaian")] == [
        "persyaratan", "sistem_mekanisme_prosedur", "jangka_waktu", "biaya_tarif", "produk_pelayanan",
        "penanganan_pengaduan",
    ]
    assert [k for k, _ in sp.per_kelompok("pengelolaan")] == [
        "dasar_hukum", "sarana_prasarana", "kompetensi_pelaksana", "pengawasan_internal", "jumlah_pelaksana",
        "jaminan_pelayanan", "jaminan_keamanan", "evaluasi_kinerja",
    ]
    assert sp.komponen["jaminan_keamanan"].nama == "Jaminan Keamanan dan Keselamatan Pelayanan"
    assert sp.komponen["jaminan_keamanan"].huruf_pasal_21 == "m"
    assert sp.maklumat.startswith("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan")
    assert sp.maklumat.endswith("peraturan perundang-undangan yang berlaku.")


def test_maklumat_matches_the_citizen_charter_model_default() -> None:
    tahap5 = pytest.importorskip("assembler.models.tahap5")
    assert load_content().standar_pelayanan.maklumat == tahap5.MAKLUMAT_BAKU


# --- topics ----------------------------------------------------------------------------------------


def test_every_topic_is_present_with_a_non_empty_agenda() -> None:
    top = load_content().topik.topik
    assert list(top) == [t.id for t in TOPIK]
    for tid, t in top.items():
        assert t.agenda, tid
        assert len(t.agenda) == t.waktu.sesi, tid
        assert all(s.langkah for s in t.agenda), tid
        assert t.tujuan and t.keluaran and t.peserta and t.fasilitator and t.tindak_lanjut, tid


def test_topic_facts_from_the_guide() -> None:
    top = load_content().topik.topik
    assert (top["1.2"].waktu.sesi, top["1.2"].waktu.jam_per_sesi) == (2, 1.5)
    assert (top["4.5"].waktu.sesi, top["4.5"].waktu.jam_per_sesi) == (3, 1.5)
    assert (top["4.7"].waktu.sesi, top["4.7"].waktu.jam_per_sesi) == (2, 2)
    assert (top["6.1"].waktu.sesi, top["6.1"].waktu.jam_per_sesi) == (2, 1)
    assert (top["7.2"].waktu.sesi, top["7.2"].waktu.total_jam) == (3, 4.5)
    assert top["6.2"].judul == "Pelaksanaan STPP"
    assert "Matriks Pemeringkatan" in top["2.1"].metode
    assert top["3.2"].tujuan[1].endswith("2-3 solusi terpadu")
    assert top["1.1"].tindak_lanjut[0].startswith(
        "Kelompok Kerja menyusun draft surat keputusan kepala daerah"
    )
    assert top["2.2"].narasumber == "Fasilitator bekerja sama dengan Bagian Hukum pemerintah daerah"
    assert "uu-32-2004" in top["2.2"].regulasi and len(top["2.2"].regulasi) == 14
    langkah = top["3.1"].agenda[0].langkah[2]
    assert langkah.teks.endswith("ajukan pertanyaan kunci sebagai berikut:")
    assert len(langkah.rincian) == 1


def _printed_text(t: TopikPanduan) -> str:
    """Everything a meeting kit prints for a topic (the editorial 'catatan' is not printed)."""
    parts = [t.judul, *t.tujuan, *t.keluaran, *t.peserta, *t.fasilitator, t.narasumber or "", *t.metode,
             *t.materi, *t.alat_bahan, *t.tindak_lanjut]
    for sesi in t.agenda:
        for langkah in sesi.langkah:
            parts += [langkah.teks, *langkah.rincian]
    return "\n".join(parts)


def test_printed_topic_text_is_free_of_ocr_noise() -> None:
    printable = set(string.printable) | set("–—“”’")
    for tid, t in load_content().topik.topik.items():
        body = _printed_text(t)
        for noise in ["|", "Tahap I.", "Perusahaan darah", "pelru", "Assesment", "Mutiple", "P30",
                      "Tahap 5.4", "Tahap 5.5", "Tahap 3.3", "  ", "Tim Kerja"]:
            assert noise not in body, (tid, noise)
        assert set(body) <= printable, tid
        assert all(not line.endswith((".", ";")) for line in body.splitlines()), tid


def test_topic_model_rejects_agenda_not_matching_sessions() -> None:
    raw = yaml.safe_load((CONTENT_DIR / "topik.yaml").read_text(encoding="utf-8"))
    raw.pop("_umum")
    raw["topik"]["1.2"]["waktu"] = {"sesi": 3, "jam_per_sesi": 1.5}
    with pytest.raises(ValueError, match=r"sesi 1\.\.3"):
        TopikContent.model_validate(raw)
    raw["topik"]["1.2"]["waktu"] = {"sesi": 2, "jam_per_sesi": 1.5}
    # topik.yaml is the list of topics: a file that does not start with its topic, or a file twice, is refused
    raw["topik"]["7.2"]["berkas"] = "7.1-monev.yaml"
    with pytest.raises(ValueError, match=r"topik \['7\.2'\]: kunci 'n\.m', berkas diawali 'n\.m-'"):
        TopikContent.model_validate(raw)
    raw["topik"]["7.2"]["berkas"] = "7.2-monev.yaml"
    raw["topik"]["7.1"]["berkas"] = "7.2-monev.yaml"
    with pytest.raises(ValueError, match="tiap berkas sekali"):
        TopikContent.model_validate(raw)
