"""Draft STPP front and back matter: cover, foreword, summary, chapter headings, closing, attachments."""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.anggaran import RingkasanAnggaran
from assembler.analysis.kesenjangan import AnalisisKesenjangan
from assembler.content import load_content
from assembler.documents.draft_stpp.kalimat import kalimat
from assembler.documents.draft_stpp.umum import _angka_jumlah, _belum_tercapai, _kalimat
from assembler.documents.nama import Nama, nama_pokja
from assembler.documents.naskah import nilai as _nilai
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.registry import BY_ID, LAMPIRAN_DRAFT
from assembler.documents.sk_pokja import judul_sk_pokja
from assembler.models.tahap1 import AnggotaPokja, StakeholderPokja
from assembler.models.tahap2 import IsuUtama
from assembler.models.tahap3 import AkarMasalah
from assembler.scoring.mcua import ASPEK, HasilMcua
from assembler.scoring.pemeringkatan import Pemeringkatan
from assembler.topics import TAHAP_JUDUL, TOPIK
from assembler.workspace_view import WorkspaceView

#: The draft reviews stages 1 to 5 (up to 5.2); its closing chapter follows them.
TAHAP_DRAFT = 5
BAB_PENUTUP = TAHAP_DRAFT + 1


#: The agreed STPP also names the minutes of the agreement.
LAMPIRAN_KESEPAKATAN = ("berita-acara-kesepakatan",)


# --------------------------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------------------------


def _judul_topik() -> dict[str, str]:
    return {f"t{t.id.replace('.', '')}": f"{t.id}\t{t.judul}" for t in TOPIK}


def _bab(disepakati: bool = False) -> dict[str, str]:
    """Chapter headings: ``BAB I PERSIAPAN DAN PENGENALAN`` ... ``BAB V ...``, then ``BAB VI PENUTUP``.

    The agreed STPP puts the agreement (``BAB VI HASIL KESEPAKATAN``) before its closing chapter.
    """
    bab = {
        f"b{n}": kalimat("bab", nomor=idfmt.romawi(n), judul=judul.upper())
        for n, judul in TAHAP_JUDUL.items()
        if n <= TAHAP_DRAFT
    }
    n = BAB_PENUTUP
    if disepakati:
        bab["kesepakatan"] = kalimat("bab_kesepakatan", nomor=idfmt.romawi(n))
        bab["kesepakatan_rujukan"] = kalimat("bab_kesepakatan_rujukan", nomor=idfmt.romawi(n))
        n += 1
    bab["penutup"] = kalimat("bab_penutup", nomor=idfmt.romawi(n))
    return bab


def _ketua(view: WorkspaceView) -> AnggotaPokja | None:
    t11 = view.get(StakeholderPokja)
    if t11 is None:
        return None
    ketua = t11.pokja.dengan_kedudukan("ketua")
    return ketua[0] if ketua else None


def _nama_pokja(view: WorkspaceView, r: dict[str, Any]) -> str:
    return nama_pokja(view)


def _sampul(view: WorkspaceView, r: dict[str, Any], *, disepakati: bool = False) -> dict[str, Any]:
    judul = [kalimat("sampul_judul"), str(r["pdam"]).upper()]
    if not disepakati:  # handed over at 5.3 for approval: a Rancangan until it is agreed
        judul.insert(0, kalimat("sampul_rancangan"))
    # Most utilities carry the region in their name; the cover does not repeat it.
    if not judul[-1].endswith(str(r["daerah_kapital"])):
        judul.append(str(r["daerah_kapital"]))
    return {
        "judul": judul,
        "tahun": kalimat("sampul_tahun", tahun=r["tahun"]),
        "disampaikan": kalimat("sampul_disampaikan", daerah=r["daerah"], kepala_daerah=r["kepala_daerah"]),
        "penyusun": [kalimat("sampul_penyusun"), _nama_pokja(view, r)],
    }


def _pengantar(view: WorkspaceView, r: dict[str, Any]) -> dict[str, Any]:
    pokja = _nama_pokja(view, r)
    ketua = _ketua(view)
    tahap = idfmt.daftar([judul for n, judul in TAHAP_JUDUL.items() if n <= TAHAP_DRAFT])
    # The foreword's sentences are template text; the context gives what they name.
    return {
        "pokja": pokja,
        "tahap": tahap,
        # A draft is dated when it is printed and handed over: the secretariat fills in the day.
        "tempat_tanggal": kalimat("pengantar_tempat_tanggal", ibu_kota=r["ibu_kota"], tahun=r["tahun"]),
        "jabatan": kalimat("pengantar_jabatan", pokja=pokja),
        "nama": str(ketua.nama) if ketua is not None else "",
    }


# --------------------------------------------------------------------------------------------
# Executive summary
# --------------------------------------------------------------------------------------------


def _ringkasan(
    view: WorkspaceView,
    r: dict[str, Any],
    nama: Nama,
    peringkat: Pemeringkatan | None,
    gap: AnalisisKesenjangan | None,
    mcua: HasilMcua | None,
    anggaran: RingkasanAnggaran | None,
    pemilahan: dict[str, Any] | None,
) -> dict[str, Any]:
    content = view.content or load_content()
    pembuka = [
        kalimat("ringkasan_pembuka", pdam=r["pdam"], daerah=r["daerah"], bab_akhir=idfmt.romawi(TAHAP_DRAFT))
    ]

    isu: dict[str, Any] | None = None
    t21 = view.get(IsuUtama)
    if peringkat is not None and t21 is not None:
        kriteria = idfmt.daftar([k.nama.lower() for k in t21.kriteria])
        if peringkat.isu_utama is not None:
            utama = peringkat.baris_isu(peringkat.isu_utama)
            assert utama is not None
            teks = kalimat("ringkasan_isu", jumlah=_angka_jumlah(len(t21.isu)), kriteria=kriteria, skor=utama.total)
            isu = {"pengantar": teks, "rumusan": utama.rumusan}
        else:
            puncak = idfmt.daftar([f"“{b.rumusan}”" for b in peringkat.baris if b.urutan == 1])
            isu = {
                "pengantar": kalimat("ringkasan_isu_seri", isu=puncak),
                "rumusan": "",
            }

    kesenjangan: dict[str, Any] | None = None
    if gap is not None:
        strategis = [b for b in gap.baris if b.strategis]
        butir = []
        for b in strategis:
            arah = kalimat("ringkasan_arah_turun" if b.arah == "turun" else "ringkasan_arah_naik")
            if b.satuan == "%":
                selisih = kalimat("ringkasan_selisih_persen", selisih=idfmt.angka(b.selisih))
            else:
                selisih = _nilai(b.selisih, b.satuan)
            if b.tercapai:
                keadaan = kalimat("ringkasan_keadaan_tercapai")
            else:
                keadaan = kalimat("ringkasan_keadaan_senjang", selisih=selisih)
            butir.append(
                kalimat(
                    "ringkasan_kesenjangan_butir",
                    indikator=b.nama,
                    realisasi=_nilai(b.realisasi, b.satuan),
                    tahun=b.tahun,
                    arah=arah,
                    target=_nilai(b.target, b.satuan),
                    keadaan=keadaan,
                )
            )
        kesenjangan = {
            "pengantar": kalimat(
                "ringkasan_kesenjangan", jumlah=_angka_jumlah(len(gap.baris)), belum=_belum_tercapai(gap)
            ),
            "butir": butir,
        }

    solusi: dict[str, Any] | None = None
    t32 = view.get(AkarMasalah)
    if t32 is not None:
        solusi = {
            "pengantar": kalimat("ringkasan_solusi", jumlah=_angka_jumlah(len(t32.solusi_terpadu))),
            "butir": [{"no": _nomor(i), "teks": _kalimat(s.rumusan)} for i, s in enumerate(t32.solusi_terpadu, 1)],
        }

    prioritas: dict[str, Any] | None = None
    if mcua is not None:
        baris = []
        for aspek in ASPEK:
            urut = mcua.per_aspek.get(aspek, ())
            if not urut:
                continue
            baris.append(
                {
                    "aspek": content.p3o.aspek[aspek].nama,
                    "tindakan": [
                        kalimat(
                            "ringkasan_prioritas_seri" if p.seri else "ringkasan_prioritas_butir",
                            peringkat=p.peringkat,
                            tindakan=nama.nama_tindakan(p.tindakan),
                        )
                        for p in urut
                    ],
                }
            )
        prioritas = {
            "pengantar": kalimat("ringkasan_prioritas"),
            "baris": baris,
        }

    biaya: dict[str, Any] | None = None
    if anggaran is not None:
        sumber = idfmt.daftar([f"{s.sumber_dana} {idfmt.rupiah(s.jumlah)}" for s in anggaran.per_sumber_dana])
        tahun = idfmt.daftar(
            [
                kalimat("ringkasan_anggaran_tahun", tahun=t.tahun, jumlah=idfmt.rupiah(t.jumlah))
                for t in anggaran.per_tahun
            ]
        )
        paragraf = [
            kalimat(
                "ringkasan_anggaran",
                total=idfmt.rupiah(anggaran.total),
                terbilang=idfmt.terbilang_rupiah(anggaran.total),
                sumber=sumber,
                tahun=tahun,
            )
        ]
        if pemilahan is not None:
            paragraf.append(
                kalimat(
                    "ringkasan_pemilahan",
                    langsung=pemilahan["langsung_jumlah"],
                    pdam_singkat=r["pdam_singkat"],
                    perlu=pemilahan["perlu_jumlah"],
                    kepala_daerah=r["kepala_daerah"],
                )
            )
        biaya = {
            "paragraf": paragraf,
            "total": idfmt.rupiah(anggaran.total),
            "terbilang": idfmt.terbilang_rupiah(anggaran.total),
        }

    return {
        "pembuka": pembuka,
        "isu": isu,
        "kesenjangan": kesenjangan,
        "solusi": solusi,
        "prioritas": prioritas,
        "anggaran": biaya,
    }


# --------------------------------------------------------------------------------------------
# Closing
# --------------------------------------------------------------------------------------------


def _penutup(pemilahan: dict[str, Any] | None) -> dict[str, Any]:
    """The figures of the closing chapter; its sentences are template text (a region may reword them)."""
    ada = pemilahan is not None and bool(pemilahan["ada_biaya"])
    return {
        "ada_biaya": ada,
        "perlu_jumlah": pemilahan["perlu_jumlah"] if ada and pemilahan is not None else "",
        "langsung_jumlah": pemilahan["langsung_jumlah"] if ada and pemilahan is not None else "",
    }


def _lampiran(view: WorkspaceView, r: dict[str, Any], *, disepakati: bool = False) -> list[dict[str, str]]:
    """The annexes made so far, each under the title it carries itself (the SK's own title, not the registry's)."""
    ada = set(view.topics)
    ids = LAMPIRAN_DRAFT + (LAMPIRAN_KESEPAKATAN if disepakati else ())
    teks = []
    for d in ids:
        dokumen = BY_ID[d]
        if dokumen.waiting_for(ada):
            continue  # not made yet: a konsep names only what exists
        # The SK names the office of this region (Bupati/Walikota) in its own title; the other annexes'
        # titles name no office (test_draft_stpp.py reads the printed list, test_draft_stpp_kalimat.py
        # the registry).
        teks.append(judul_sk_pokja(view) if d == "sk-pokja" else dokumen.judul)
    return [{"no": _nomor(i), "teks": t} for i, t in enumerate(teks, 1)]
