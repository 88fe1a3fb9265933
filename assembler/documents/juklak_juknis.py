"""Context of the Rancangan Peraturan Bupati/Walikota on the Juklak/Juknis (``juklak-juknis.docx``).

A complete regulation (format-perkada-sop.md §1), not only its Lampiran: the head lines, the
title block marked RANCANGAN, the pembukaan (Menimbang, Mengingat in the SK's order, MEMUTUSKAN,
Menetapkan), the batang tubuh in BAB and Pasal (BAB I KETENTUAN UMUM with the Pasal 1 definitions in
the mandated form and in order of first use; maksud dan tujuan, ruang lingkup, pelaksanaan, pembagian
tugas, pemantauan dan evaluasi, pembiayaan; the last BAB KETENTUAN PENUTUP with entry into force and
the pengundangan formula), the Ditetapkan/Diundangkan blocks and the Berita Daerah line. Norms are in
the Pasal; the Lampiran hold descriptions and tables: Lampiran I the Juklak, Lampiran II the Juknis
(one SOP per improved 4.2 procedure, PermenPAN-RB 35/2012 form). BAB and Pasal numbers are computed
from position (Pasal continuous across BAB). When 5.3 says ``disahkan_oleh: Direksi PDAM`` the same
frame becomes a Peraturan Direksi (no head lines, no pengundangan, signed by the director).

What the drafter must still confirm is never printed here: :func:`catatan` hands it to
``catatan-perancang``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assembler import idfmt, legal
from assembler.analysis.analisis import Analisis
from assembler.documents.catatan import Catatan, regulasi
from assembler.documents.common import region_context
from assembler.documents.dasar_hukum import catatan_bernomor, katalog_ruang_kerja, pilih_berlaku
from assembler.documents.juklak_batang import batang, batang_tubuh, definisi_baku, teks_batang
from assembler.documents.juknis_sop import sop
from assembler.documents.kalimat import Kalimat
from assembler.documents.nama import judul_kapital
from assembler.documents.nama import nama_pokja as nama_pokja_sk
from assembler.documents.naskah import (
    awal_kecil,
    bulan_tahun,
    butir,
    huruf_bagian,
    kalimat,
    nama_unit,
    nilai,
    nomor,
    pelaksana,
    periode,
    rincian,
)
from assembler.documents.perkada import definisi_dari, norma_lampiran
from assembler.documents.registry import Dokumen
from assembler.documents.sk_pokja import butir_menimbang
from assembler.messages import format_message
from assembler.models.perancangan import checks_juklak
from assembler.models.tahap1 import StakeholderPokja
from assembler.models.tahap2 import IsuUtama, Kesenjangan, Regulasi
from assembler.models.tahap4 import Organisasi
from assembler.models.tahap5 import CitizenCharter, Kesepakatan, SkemaTindakan
from assembler.models.tahap5 import Durasi as DurasiLayanan
from assembler.models.tahap6 import Pelaksanaan
from assembler.models.tahap7 import Monev
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("juklak-juknis",)

#: The wording of the Peraturan and of its notes (``content/juklak-juknis.yaml``).
TEKS = Kalimat("juklak-juknis.yaml")

#: The number of a regulation is given by the Bagian Hukum when it is enacted.
NOMOR_KOSONG = "…"

# --------------------------------------------------------------------------------------------
# Legal bases
# --------------------------------------------------------------------------------------------


def dasar_hukum(view: WorkspaceView) -> tuple[list[dict[str, str]], list[str]]:
    """The Dasar Hukum list and the drafter's notes about it, the way the SK's Mengingat does them.

    From 2.2 when present (catalogue entries and the Pokja's written-out ones, via
    :mod:`assembler.documents.dasar_hukum`), else the SK's default legal bases. Ordered by the
    hierarchy, then chronologically (``legal.urutkan``); an amendment already cited in its parent's
    chain is not listed again; a repealed regulation is replaced by its catalogued successor in force,
    or left out, and the note says so; an unconfirmed status is noted, never stated in the text.
    """
    katalog = katalog_ruang_kerja(view)
    topik = view.get(Regulasi)
    catatan: list[str] = []
    if topik is not None:
        kode = [e.kode for e in topik.regulasi]
    else:
        assert view.content is not None  # the build always loads the catalogue
        kode = list(view.content.sk.mengingat)
        catatan.append(TEKS("catatan_mengingat_bawaan"))
    dipilih, catatan_ganti = pilih_berlaku(kode, katalog, TEKS("asal_mengingat"), "Mengingat")
    # Permendagri 21/2020 amends Permendagri 71/2016: cited once, in the amended one's chain.
    dalam_rantai = {ref for reg in dipilih.values() for ref in reg.diubah_dengan}
    urut = legal.urutkan(r for r in dipilih.values() if r.id not in dalam_rantai)
    catatan.extend(catatan_bernomor(urut, katalog, catatan_ganti, "Mengingat"))
    return rincian([legal.kutip(reg, katalog) for reg in urut]), catatan


def _latar_belakang(view: WorkspaceView, analisis: Analisis) -> list[str]:
    """Paragraphs telling why the juklak exists, from the record: utility, main issue, gaps, agreement."""
    stpp = view.stpp
    assert stpp is not None
    daerah, pdam = stpp.daerah.nama_lengkap, stpp.pdam.nama
    paragraf: list[str] = []
    if stpp.pdam.jumlah_pelanggan:
        pelanggan = idfmt.angka(stpp.pdam.jumlah_pelanggan)
        paragraf.append(TEKS("latar_pdam_pelanggan", daerah=daerah, pdam=pdam, pelanggan=pelanggan))
    else:
        paragraf.append(TEKS("latar_pdam", daerah=daerah, pdam=pdam))
    isu = view.get(IsuUtama)
    nama_pokja = nama_pokja_sk(view)
    kalimat_isu = TEKS("latar_pokja", pokja=nama_pokja)
    hasil = analisis.pemeringkatan
    if isu is not None and hasil is not None and hasil.isu_utama is not None:
        baris = hasil.baris_isu(hasil.isu_utama)
        assert baris is not None
        kalimat_isu += " " + TEKS("latar_isu_utama", isu=baris.rumusan.rstrip("."))
    paragraf.append(kalimat_isu)
    gap = view.get(Kesenjangan)
    gaps = analisis.kesenjangan
    if gap is not None and gaps is not None:
        belum = [b for b in gaps.baris if not b.tercapai and b.strategis]
        if belum:
            rincian_gap = idfmt.daftar(
                [
                    TEKS(
                        "latar_kesenjangan_butir",
                        indikator=awal_kecil(b.nama),
                        realisasi=nilai(b.realisasi, b.satuan),
                        target=nilai(b.target, b.satuan),
                    )
                    for b in belum
                ]
            )
            paragraf.append(
                TEKS(
                    "latar_kesenjangan",
                    belum=gaps.jumlah_belum_tercapai,
                    jumlah=len(gaps.baris),
                    rincian=rincian_gap,
                )
            )
    skema = view.require(SkemaTindakan)
    if skema is not None:
        paragraf.append(
            TEKS(
                "latar_tujuan",
                tujuan=skema.tujuan.rumusan.rstrip("."),
                jumlah=len(list(skema.iter_kegiatan())),
            )
        )
    kesepakatan = view.require(Kesepakatan)
    if kesepakatan is not None:
        rapat = kesepakatan.rapat
        paragraf.append(
            TEKS(
                "latar_kesepakatan",
                kepala_daerah=stpp.daerah.kepala,
                tanggal=idfmt.tanggal(rapat.tanggal),
                tempat=rapat.tempat.rstrip("."),
                status=kesepakatan.juklak_juknis.status,
            )
        )
    paragraf.append(TEKS("latar_penutup"))
    return paragraf


# --------------------------------------------------------------------------------------------
# The context
# --------------------------------------------------------------------------------------------


def _bab(judul: Sequence[tuple[str, str | None]]) -> dict[str, dict[str, str] | None]:
    """Chapter labels from position: ``BAB I``… for the chapters present (``None`` leaves one out)."""
    out: dict[str, dict[str, str] | None] = {}
    n = 0
    for key, title in judul:
        if title is None:
            out[key] = None
            continue
        n += 1
        out[key] = {"nomor": TEKS("lampiran_bab", nomor=idfmt.romawi(n)), "judul": title}
    return out


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Everything the template prints, as ready strings (see docs/dev/templates.md)."""
    stpp = view.stpp
    assert stpp is not None
    region = region_context(stpp)
    skema = view.require(SkemaTindakan)
    charter = view.require(CitizenCharter)
    kesepakatan = view.require(Kesepakatan)
    pelaksanaan = view.require(Pelaksanaan)
    organisasi = view.get(Organisasi)
    monev = view.get(Monev)
    juklak = kesepakatan.juklak_juknis

    # --- frame: a Peraturan Bupati/Walikota (or a Peraturan Direksi) --------------------------------
    judul = juklak.judul.strip().rstrip(".")
    tahun = stpp.tahun
    perkada = juklak.disahkan_oleh == "Kepala Daerah"
    if perkada:
        peraturan = TEKS("peraturan_perkada", kepala=region["kepala_daerah_kapital"])
        jabatan_ttd = f"{region['kepala_daerah_kapital']},"
        nama_ttd = region["nama_kepala_daerah_kapital"]
        peraturan_ini = TEKS("peraturan_ini_perkada", kepala=region["kepala"])
        jenis = TEKS("jenis_perkada", kepala=region["kepala"])
        # the office without the region's name, unless stpp.yaml asks for it
        menetapkan = TEKS("peraturan_perkada", kepala=region["kepala_kapital"])
        if stpp.opsi.menetapkan_dengan_nama_daerah:
            menetapkan = peraturan
    else:
        peraturan = TEKS("peraturan_direksi", pdam=stpp.pdam.nama.upper())
        jabatan_ttd = f"{stpp.pdam.direktur.jabatan.upper()} {stpp.pdam.nama.upper()},"
        nama_ttd = stpp.pdam.direktur.nama
        peraturan_ini = TEKS("peraturan_ini_direksi")
        jenis = TEKS("jenis_direksi")
        menetapkan = TEKS("menetapkan_direksi")
    nomor_baris = TEKS("nomor", nomor=NOMOR_KOSONG, tahun=tahun)
    kop = [peraturan, nomor_baris, "TENTANG", judul.upper()]
    juknis = sop(view)
    dasar, _catatan_hukum = dasar_hukum(view)
    pertimbangan = [
        TEKS(
            "menimbang_pelaksanaan",
            pdam=stpp.pdam.nama,
            kepala_daerah=region["kepala_daerah"],
            tanggal=idfmt.tanggal(kesepakatan.rapat.tanggal),
            petunjuk=TEKS("petunjuk_juklak_juknis") if juknis else TEKS("petunjuk_juklak"),
            pdam_singkat=stpp.pdam.singkatan,
        ),
    ]
    menimbang = butir_menimbang(
        [
            *pertimbangan,
            TEKS(
                "menimbang_penutup",
                rujukan=idfmt.rujukan_huruf(len(pertimbangan)),
                jenis=jenis,
                judul=judul_kapital(judul),
            ),
        ]
    )
    # Mengingat items each end with ";" — the last too (format-sk.md rule 7).
    mengingat = [{"nomor": d["nomor"], "teks": d["teks"].rstrip(".;") + ";"} for d in dasar]
    seri = stpp.opsi.seri_berita_daerah.strip().upper()
    if seri:
        berita_daerah = TEKS(
            "berita_daerah_seri", daerah=region["daerah_kapital"], tahun=tahun, nomor=NOMOR_KOSONG, seri=seri
        )
    else:
        berita_daerah = TEKS("berita_daerah", daerah=region["daerah_kapital"], tahun=tahun, nomor=NOMOR_KOSONG)

    # --- chapter II: organisation --------------------------------------------------------------------
    units = organisasi.unit if organisasi is not None else []
    unit_rows = [
        {
            "no": nomor(i),
            "nama": nama_unit(view, u.nama),
            "status": {"baru": TEKS("unit_baru"), "diubah": TEKS("unit_diubah")}.get(u.status, ""),
            "peran": kalimat(u.peran),
            "tugas": butir(u.tugas),
            "tanggung_jawab": butir(u.tanggung_jawab),
        }
        for i, u in enumerate(units, start=1)
    ]
    mekanisme = pelaksanaan.mekanisme_pengawalan
    pengawalan = [
        {
            "no": nomor(i),
            "uraian": kalimat(k.uraian),
            "cara": TEKS("cara", cara=awal_kecil(kalimat(k.cara))),
            "pelaksana": [pelaksana(view, p) for p in k.pelaksana],
            "frekuensi": k.frekuensi.capitalize(),
            "laporan_kepada": k.laporan_kepada,
        }
        for i, k in enumerate(mekanisme.kegiatan_pengawalan, start=1)
    ]
    eskalasi = [
        {"no": nomor(i), "keadaan": kalimat(e.keadaan), "langkah": kalimat(e.langkah), "kepada": e.kepada}
        for i, e in enumerate(mekanisme.eskalasi, start=1)
    ]
    organisasi_pengantar = [TEKS("organisasi_pengantar", pdam_singkat=stpp.pdam.singkatan)]
    pokja = view.get(StakeholderPokja)
    if pokja is not None:
        ketua = pokja.pokja.dengan_kedudukan("ketua")
        sekretaris = pokja.pokja.dengan_kedudukan("sekretaris")
        if ketua and sekretaris:
            organisasi_pengantar.append(
                TEKS(
                    "organisasi_ketua_sekretaris",
                    ketua=ketua[0].jabatan,
                    sekretaris=sekretaris[0].jabatan,
                    sekretariat=stpp.sekretariat_pokja,
                )
            )
        elif ketua:
            organisasi_pengantar.append(
                TEKS("organisasi_ketua", ketua=ketua[0].jabatan, sekretariat=stpp.sekretariat_pokja)
            )

    # --- chapter III: kegiatan and schedule ---------------------------------------------------------
    ringkasan = analisis.anggaran
    assert ringkasan is not None and skema is not None
    jumlah_keluaran = {t.keluaran: t.jumlah for t in ringkasan.per_keluaran}
    skema_rows = []
    for k, (_loc, kl) in enumerate(skema.iter_keluaran(), start=1):
        skema_rows.append(
            {
                "no": nomor(k),
                "rumusan": TEKS("keluaran", nomor=k, rumusan=kl.rumusan.rstrip(".")),
                "jumlah": idfmt.rupiah(jumlah_keluaran[kl.id]),
                "kegiatan": [
                    {
                        "no": f"{k}.{g}",
                        "rumusan": kg.rumusan,
                        "pelaksana": kg.pelaksana,
                        "penanggung_jawab": pelaksana(view, kg.penanggung_jawab),
                        "jadwal": periode(kg.jadwal.mulai, kg.jadwal.selesai),
                        "biaya": idfmt.rupiah(kg.biaya),
                        "sumber_dana": kg.sumber_dana,
                    }
                    for g, kg in enumerate(kl.kegiatan, start=1)
                ],
            }
        )
    by_id = skema.kegiatan_by_id()
    langsung = set(pelaksanaan.kegiatan_langsung)
    jadwal_kerja = []
    for j in pelaksanaan.jadwal_kerja:
        kg = by_id.get(j.kegiatan)
        jadwal_kerja.append(
            {
                "kegiatan": kg.rumusan if kg else j.kegiatan,
                "langkah": butir(j.langkah),
                "jadwal": periode(j.mulai, j.selesai),
                "penanggung_jawab": pelaksana(view, kg.penanggung_jawab) if kg else "",
            }
        )
    terjadwal = {j.kegiatan for j in pelaksanaan.jadwal_kerja}
    # A directly executable kegiatan without its own implementation schedule keeps the 5.1 schedule
    # (6.2 warns about it); leaving it out would hide a kegiatan the Pokja agreed to start.
    for kode in dict.fromkeys(pelaksanaan.kegiatan_langsung):
        kg = by_id.get(kode)
        if kode in terjadwal or kg is None:
            continue
        jadwal_kerja.append(
            {
                "kegiatan": kg.rumusan,
                "langkah": [],
                "jadwal": periode(kg.jadwal.mulai, kg.jadwal.selesai),
                "penanggung_jawab": pelaksana(view, kg.penanggung_jawab),
            }
        )
    jadwal_kerja = [{"no": nomor(i), **row} for i, row in enumerate(jadwal_kerja, start=1)]
    perlu = [
        kg.rumusan
        for _l, _k, kg in skema.iter_kegiatan()
        if kg.id not in langsung and charter.kelompok(kg) == "perlu_persetujuan"
    ]

    # --- ketentuan chapters, cooperation, financing, monitoring, service ------------------------------
    kerja_sama = []
    if kesepakatan.kerja_sama:
        sh = {s.id: s.nama for s in pokja.stakeholders} if pokja is not None else {}
        tindak = {t.kerja_sama: t for t in pelaksanaan.tindak_lanjut_kerja_sama if t.kerja_sama}
        for i, ks in enumerate(kesepakatan.kerja_sama, start=1):
            t = tindak.get(ks.id)
            kerja_sama.append(
                {
                    "no": nomor(i),
                    "judul": ks.judul,
                    "para_pihak": [sh.get(p.stakeholder, p.stakeholder) for p in ks.para_pihak],
                    "ruang_lingkup": [kalimat(r) for r in ks.ruang_lingkup],
                    "jangka_waktu": TEKS(
                        "jangka_waktu",
                        tahun=ks.jangka_waktu_tahun,
                        terbilang=idfmt.terbilang(ks.jangka_waktu_tahun),
                    ),
                    "tindak_lanjut": f"{kalimat(t.agenda)[:-1]} ({bulan_tahun(t.waktu)})." if t else "",
                }
            )
    bab = _bab(
        [
            ("pendahuluan", TEKS("lampiran_bab_pendahuluan")),
            ("organisasi", TEKS("lampiran_bab_organisasi")),
            ("kegiatan", TEKS("lampiran_bab_kegiatan")),
            ("kerja_sama", TEKS("lampiran_bab_kerja_sama") if kerja_sama else None),
            ("pembiayaan", TEKS("lampiran_bab_pembiayaan")),
            ("pemantauan", TEKS("lampiran_bab_pemantauan")),
            ("pelayanan", TEKS("lampiran_bab_pelayanan")),
            ("penutup", TEKS("lampiran_bab_penutup")),
        ]
    )

    sumber = [
        {"no": nomor(i), "uraian": s.sumber_dana, "jumlah": idfmt.rupiah(s.jumlah)}
        for i, s in enumerate(ringkasan.per_sumber_dana, start=1)
    ]
    tahunan = [
        {"no": nomor(i), "uraian": TEKS("tahun_anggaran", tahun=t.tahun), "jumlah": idfmt.rupiah(t.jumlah)}
        for i, t in enumerate(ringkasan.per_tahun, start=1)
    ]
    total = ringkasan.total
    anggaran_kalimat = TEKS("anggaran", jumlah=idfmt.rupiah(total), terbilang=idfmt.terbilang_rupiah(total))

    indikator = {ind.id: ind for ind in skema.iter_indikator()}
    tim_monev = []
    format_monev = []
    rencana_monev = []
    if monev is not None:
        tim_monev = [
            {"no": nomor(i), "jabatan": pelaksana(view, a.anggota), "peran": a.peran}
            for i, a in enumerate(monev.tim_monev, start=1)
        ]
        for i, f in enumerate(monev.format_monev, start=1):
            ind = indikator.get(f.indikator_logframe)
            format_monev.append(
                {
                    "no": nomor(i),
                    "indikator": ind.ukuran if ind else f.indikator_logframe,
                    "target": (
                        TEKS(
                            "monev_target",
                            baseline=nilai(ind.baseline, ind.satuan),
                            target=nilai(ind.target, ind.satuan),
                            tenggat=bulan_tahun(ind.tenggat),
                        )
                        if ind
                        else ""
                    ),
                    "frekuensi": f.frekuensi.capitalize(),
                    "metode": kalimat(f.metode),
                    "sumber_data": kalimat(f.sumber_data),
                    "penanggung_jawab": pelaksana(view, f.penanggung_jawab),
                }
            )
        rencana_monev = [
            {
                "no": nomor(i),
                "kegiatan": r.kegiatan,
                "waktu": bulan_tahun(r.waktu),
                "keluaran": r.keluaran,
                "pic": pelaksana(view, r.pic),
            }
            for i, r in enumerate(monev.rencana_kerja, start=1)
        ]

    def durasi(d: DurasiLayanan) -> str:
        return f"{idfmt.angka(d.nilai)} {d.satuan}"

    layanan = [
        {"no": nomor(i), "nama": s.nama_layanan, "waktu": durasi(s.jangka_waktu)}
        for i, s in enumerate(charter.standar_pelayanan, start=1)
    ]
    janji = [
        {"no": nomor(i), "uraian": j.uraian.rstrip("."), "waktu": durasi(j.waktu)}
        for i, j in enumerate(charter.janji_layanan, start=1)
    ]
    pengaduan = [
        {"no": nomor(i), "kanal": k.kanal, "alamat": k.alamat, "jam": k.jam_layanan}
        for i, k in enumerate(charter.kanal_pengaduan, start=1)
    ]

    huruf = {
        **huruf_bagian(
            [
                ("unit", bool(unit_rows)),
                ("pengawalan", True),
                ("eskalasi", bool(eskalasi)),
            ]
        ),
        **{f"kg_{k}": v for k, v in huruf_bagian([("skema", True), ("jadwal", True), ("perlu", bool(perlu))]).items()},
        **{
            f"mv_{k}": v
            for k, v in huruf_bagian(
                [
                    ("tim", bool(tim_monev)),
                    ("format", bool(format_monev)),
                    ("rencana", bool(rencana_monev)),
                ]
            ).items()
        },
    }

    return {
        # the regulation
        "perkada": perkada,
        "kepala_baris": [region["kepala_daerah_kapital"], region["provinsi"].upper()] if perkada else [],
        "peraturan": peraturan,
        "nomor": nomor_baris,
        "judul": judul.upper(),
        "jabatan": jabatan_ttd if perkada else TEKS("jabatan_direksi", pdam=stpp.pdam.nama.upper()),
        "menimbang": menimbang,
        "mengingat": mengingat,
        "menetapkan": TEKS("menetapkan", jenis=menetapkan, judul=judul.upper()),
        "batang": batang_tubuh(view, peraturan_ini, bool(juknis)),
        "pengundangan": TEKS("pengundangan", peraturan_ini=peraturan_ini, daerah=region["daerah"]),
        "ditetapkan_di": stpp.daerah.ibu_kota,
        "sekda": TEKS("sekda", daerah=region["daerah_kapital"]),
        "berita_daerah": berita_daerah,
        # the Lampiran
        "kop": kop,
        "lampiran_juklak": "LAMPIRAN I" if juknis else "LAMPIRAN",
        "judul_juklak": TEKS("judul_juklak"),
        "judul_juknis": TEKS("judul_juknis"),
        "sop": juknis,
        "bab": bab,
        "huruf": huruf,
        # I Pendahuluan
        "latar_belakang": _latar_belakang(view, analisis),
        "sasaran": rincian(juklak.sasaran),
        # II Organisasi
        "organisasi_pengantar": organisasi_pengantar,
        "unit": unit_rows,
        "pengawalan": pengawalan,
        "eskalasi": eskalasi,
        # III Kegiatan
        "skema": skema_rows,
        "skema_total": idfmt.rupiah(total),
        "jadwal_kerja": jadwal_kerja,
        "perlu_persetujuan": rincian(perlu),
        "kepala_daerah": region["kepala_daerah"],
        "pdam_singkat": stpp.pdam.singkatan,
        # cooperation
        "kerja_sama": kerja_sama,
        # financing
        "anggaran_kalimat": anggaran_kalimat,
        "anggaran_sumber": sumber,
        "anggaran_tahun": tahunan,
        "anggaran_total": idfmt.rupiah(total),
        # monitoring
        "tim_monev": tim_monev,
        "format_monev": format_monev,
        "rencana_monev": rencana_monev,
        # service
        "pelayanan_pengantar": TEKS("pelayanan_pengantar", pdam_singkat=stpp.pdam.singkatan),
        "layanan": layanan,
        "janji": janji,
        "pengaduan": pengaduan,
        # closing
        # The Lampiran closes without provisions: entry into force is the body's last Pasal.
        "penutup": [
            kalimat(p)
            for p in re.split(r"\n\s*\n", juklak.penutup.strip())
            if p.strip() and "mulai berlaku" not in p.lower()
        ],
        "jabatan_ttd": jabatan_ttd,
        "nama_ttd": nama_ttd,
    }


def catatan(view: WorkspaceView) -> list[Catatan]:
    """What the Bagian Hukum must confirm in the Peraturan (for ``catatan-perancang``), never printed in it."""
    stpp = view.stpp
    kesepakatan = view.require(Kesepakatan)
    assert stpp is not None
    jj = kesepakatan.juklak_juknis
    out: list[Catatan] = []
    if jj.status == "belum disepakati":
        out.append(Catatan("kesepakatan", TEKS("catatan_belum_disepakati")))
    tanggal = idfmt.tanggal(kesepakatan.rapat.tanggal)
    for p in jj.perbaikan:
        out.append(
            Catatan(
                "kesepakatan",
                TEKS("catatan_perbaikan_dimuat", tanggal=tanggal, uraian=kalimat(p.uraian), bagian=p.bagian.strip()),
            )
        )
    if not jj.perbaikan:
        for t in jj.catatan_perbaikan:
            out.append(
                Catatan("kesepakatan", TEKS("catatan_perbaikan_belum_ditulis", tanggal=tanggal, uraian=kalimat(t)))
            )
    _dasar, status = dasar_hukum(view)
    out.extend(regulasi(status))
    # The drafting errors 5.3's check reports (format-perkada-sop.md §4), repeated for the drafter.
    for f in checks_juklak(kesepakatan):
        if f.severity == "warning" and f.code != "5.3.perbaikan.belum_dimuat":
            teks = kalimat(format_message(f.code, f.params))
            out.append(Catatan("peringatan", teks[:1].upper() + teks[1:]))
    # Norms written into what only the Lampiran prints (its targets and its closing text).
    out += [Catatan("peringatan", t) for t in norma_lampiran([*jj.sasaran, *re.split(r"\n\s*\n", jj.penutup)])]
    babs = batang(view, "Peraturan ini", bool(sop(view)))
    teks = teks_batang(babs)
    _head, sektor = definisi_baku(view)
    for d in [*sektor, *(definisi_dari(i.istilah, i.definisi) for i in jj.pengertian)]:
        if d.dipakai_sebagai not in teks and d.istilah not in teks:
            out.append(Catatan("peringatan", TEKS("catatan_istilah_tidak_dipakai", istilah=d.istilah)))
    if jj.disahkan_oleh == "Kepala Daerah":
        out += [
            Catatan("format", TEKS("catatan_nomor_dikosongkan")),
            Catatan(
                "format",
                TEKS(
                    "catatan_menetapkan_dengan_nama"
                    if stpp.opsi.menetapkan_dengan_nama_daerah
                    else "catatan_menetapkan_tanpa_nama"
                ),
            ),
            Catatan(
                "format",
                TEKS(
                    "catatan_baris_kepala",
                    kepala=stpp.daerah.kepala.upper(),
                    daerah=stpp.daerah.nama.upper(),
                    provinsi=stpp.daerah.provinsi.upper(),
                ),
            ),
        ]
    if sop(view):
        out.append(Catatan("format", TEKS("catatan_format_sop")))
    return out
