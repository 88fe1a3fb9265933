"""Context of ``kerja-sama-antar-instansi``: the draft agreements between the agencies named in 5.3.

The guide's "draft dokumen kerjasama antar-SKPD" (Tahap 5.2 follow-up, agreed at 5.3): one
Kesepakatan Bersama or Perjanjian Kerja Sama per 5.3 ``kerja_sama`` entry (its title says which),
each on its own pages: title block, the parties (office of the Pokja member who represents each
stakeholder), recitals, Pasal with headings (maksud dan tujuan, ruang lingkup, hak dan kewajiban per
party, jangka waktu, pembiayaan, penyelesaian perselisihan, penutup), and the signature table.
Pasal numbers are computed (:mod:`assembler.documents.perkada`).
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.documents.catatan import Catatan
from assembler.documents.kalimat import Kalimat
from assembler.documents.naskah import kalimat
from assembler.documents.perkada import Ayat, Bab, Pasal, susun
from assembler.documents.registry import Dokumen
from assembler.models.tahap1 import StakeholderPokja
from assembler.models.tahap5 import KerjaSama, Kesepakatan
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("kerja-sama-antar-instansi",)

#: The agreements' wording (``content/kerja-sama.yaml``).
TEKS = Kalimat("kerja-sama.yaml")

#: How the title of a 5.3 cooperation document names its form.
BENTUK = ("Perjanjian Kerja Sama", "Kesepakatan Bersama", "Nota Kesepahaman")


def _bentuk(judul: str) -> tuple[str, str]:
    """``(form, subject)`` from ``Perjanjian Kerja Sama antara … tentang <subject>``."""
    bentuk = next((b for b in BENTUK if judul.strip().lower().startswith(b.lower())), "Kesepakatan Bersama")
    subjek = judul.split(" tentang ", 1)[1].strip().rstrip(".") if " tentang " in judul else judul.strip()
    return bentuk, subjek


def _pihak(view: WorkspaceView, kode: str) -> tuple[str, str]:
    """``(agency name, office of its representative)``; the office is the Pokja member's, else a blank."""
    pokja = view.get(StakeholderPokja)
    if pokja is None:
        return kode, "……………………"
    nama = next((s.nama for s in pokja.stakeholders if s.id == kode), kode)
    jabatan = next((a.jabatan for a in pokja.pokja.anggota if a.stakeholder == kode), "……………………")
    return nama, jabatan


def _dokumen(view: WorkspaceView, ks: KerjaSama) -> dict[str, Any]:
    stpp = view.stpp
    assert stpp is not None
    bentuk, subjek = _bentuk(ks.judul)
    pihak: list[dict[str, Any]] = []
    for i, ph in enumerate(ks.para_pihak, start=1):
        nama, jabatan = _pihak(view, ph.stakeholder)
        sebutan = TEKS("sebutan_pihak", urutan=idfmt.diktum(i))
        pihak.append({"sebutan": sebutan, "nama": nama, "jabatan": jabatan, "data": ph})
    ini = TEKS("ini", bentuk=bentuk)
    hak_kewajiban = []
    for p in pihak:
        hak_kewajiban.append(Ayat(TEKS("hak", sebutan=p["sebutan"]), tuple(p["data"].hak)))
        hak_kewajiban.append(Ayat(TEKS("kewajiban", sebutan=p["sebutan"]), tuple(p["data"].kewajiban)))
    tahun = ks.jangka_waktu_tahun
    pasal = [
        Pasal(
            "maksud",
            (
                Ayat(TEKS("maksud", ini=ini, subjek=subjek, pdam=stpp.pdam.nama)),
                Ayat(TEKS("tujuan", ini=ini)),
            ),
            judul=TEKS("judul_maksud"),
        ),
        Pasal(
            "ruang_lingkup",
            (Ayat(TEKS("ruang_lingkup", ini=ini), tuple(ks.ruang_lingkup)),),
            judul=TEKS("judul_ruang_lingkup"),
        ),
        Pasal("hak", tuple(hak_kewajiban), judul=TEKS("judul_hak")),
        Pasal(
            "jangka_waktu",
            (
                Ayat(TEKS("jangka_waktu", ini=ini, tahun=tahun, terbilang=idfmt.terbilang(tahun))),
                Ayat(TEKS("perpanjangan", ini=ini)),
            ),
            judul=TEKS("judul_jangka_waktu"),
        ),
        Pasal(
            "pembiayaan",
            (Ayat(TEKS("pembiayaan", ini=ini)),),
            judul=TEKS("judul_pembiayaan"),
        ),
        Pasal(
            "perselisihan",
            (Ayat(TEKS("perselisihan", ini=ini)),),
            judul=TEKS("judul_perselisihan"),
        ),
        Pasal(
            "penutup",
            (Ayat(TEKS("penutup", ini=ini, jumlah=len(pihak), terbilang=idfmt.terbilang(len(pihak)))),),
            judul=TEKS("judul_penutup"),
        ),
    ]
    [bab] = susun([Bab("", tuple(pasal))])
    # Signatures: PIHAK KEDUA on the left, PIHAK KESATU on the right (the usual order); more parties below.
    ttd = [
        {"sebutan": p["sebutan"] + ",", "jabatan": p["jabatan"].upper() + ",", "nama": "……………………………"}
        for p in pihak
    ]
    if len(ttd) >= 2:
        ttd[0], ttd[1] = ttd[1], ttd[0]
    if len(ttd) % 2:
        ttd.append({"sebutan": "", "jabatan": "", "nama": ""})
    return {
        "bentuk": bentuk.upper(),
        "pihak_judul": [p["nama"].upper() for p in pihak],
        "subjek": subjek.upper(),
        "nomor": [TEKS("nomor_pihak", sebutan=p["sebutan"]) for p in pihak],
        "pembuka": TEKS("pembuka", ibu_kota=stpp.daerah.ibu_kota),
        "pihak": [
            {
                "nomor": f"{i}.",
                "teks": TEKS("pihak", jabatan=p["jabatan"], nama=p["nama"], sebutan=p["sebutan"]),
            }
            for i, p in enumerate(pihak, start=1)
        ],
        "para_pihak": TEKS(
            "para_pihak", pihak=idfmt.daftar([p["sebutan"] for p in pihak]), bentuk=bentuk, subjek=subjek
        ),
        "pasal": bab["pasal"],
        "ttd": [{"kiri": ttd[i], "kanan": ttd[i + 1]} for i in range(0, len(ttd), 2)],
    }


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """One agreement per 5.3 ``kerja_sama`` entry."""
    kesepakatan = view.require(Kesepakatan)
    return {"dokumen": [_dokumen(view, ks) for ks in kesepakatan.kerja_sama]}


def catatan(view: WorkspaceView) -> list[Catatan]:
    kesepakatan = view.require(Kesepakatan)
    out: list[Catatan] = []
    for ks in kesepakatan.kerja_sama:
        bentuk, subjek = _bentuk(ks.judul)
        if ks.status == "belum disepakati":
            out.append(Catatan("kesepakatan", TEKS("catatan_belum_disepakati", bentuk=bentuk, subjek=subjek)))
        for t in ks.catatan_perbaikan:
            perbaikan = TEKS("catatan_perbaikan", bentuk=bentuk, subjek=subjek, perbaikan=kalimat(t))
            out.append(Catatan("kesepakatan", perbaikan))
        if any(_pihak(view, p.stakeholder)[1].startswith("…") for p in ks.para_pihak):
            out.append(Catatan("format", TEKS("catatan_jabatan_kosong", bentuk=bentuk, subjek=subjek)))
    out.append(Catatan("format", TEKS("catatan_bentuk")))
    return out
