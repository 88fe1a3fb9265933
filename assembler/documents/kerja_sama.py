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
from assembler.documents.naskah import kalimat
from assembler.documents.perkada import Ayat, Bab, Pasal, susun
from assembler.documents.registry import Dokumen
from assembler.models.tahap1 import StakeholderPokja
from assembler.models.tahap5 import KerjaSama, Kesepakatan
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("kerja-sama-antar-instansi",)

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
        pihak.append({"sebutan": f"PIHAK {idfmt.diktum(i)}", "nama": nama, "jabatan": jabatan, "data": ph})
    ini = f"{bentuk} ini"
    hak_kewajiban = []
    for p in pihak:
        hak_kewajiban.append(Ayat(f"{p['sebutan']} berhak:", tuple(p["data"].hak)))
        hak_kewajiban.append(Ayat(f"{p['sebutan']} berkewajiban:", tuple(p["data"].kewajiban)))
    tahun = ks.jangka_waktu_tahun
    pasal = [
        Pasal(
            "maksud",
            (
                Ayat(
                    f"{ini} dimaksudkan sebagai pedoman bagi PARA PIHAK dalam melaksanakan kerja sama tentang "
                    f"{subjek} untuk mendukung Skema Tindakan Peningkatan Pelayanan "
                    f"{stpp.pdam.nama}."
                ),
                Ayat(
                    f"{ini} bertujuan untuk meningkatkan keterpaduan pelaksanaan tugas PARA PIHAK sesuai dengan "
                    "kewenangan masing-masing."
                ),
            ),
            judul="MAKSUD DAN TUJUAN",
        ),
        Pasal("ruang_lingkup", (Ayat(f"Ruang lingkup {ini} meliputi:", tuple(ks.ruang_lingkup)),),
              judul="RUANG LINGKUP"),
        Pasal("hak", tuple(hak_kewajiban), judul="HAK DAN KEWAJIBAN"),
        Pasal(
            "jangka_waktu",
            (
                Ayat(f"{ini} berlaku selama {tahun} ({idfmt.terbilang(tahun)}) tahun sejak tanggal ditandatangani."),
                Ayat(
                    f"{ini} dapat diperpanjang atau diubah atas kesepakatan PARA PIHAK yang dituangkan secara "
                    "tertulis."
                ),
            ),
            judul="JANGKA WAKTU",
        ),
        Pasal(
            "pembiayaan",
            (
                Ayat(
                    f"Biaya pelaksanaan {ini} dibebankan pada anggaran PARA PIHAK sesuai dengan tugas dan "
                    "kewajiban masing-masing dan ketentuan peraturan perundang-undangan."
                ),
            ),
            judul="PEMBIAYAAN",
        ),
        Pasal(
            "perselisihan",
            (
                Ayat(
                    f"Perselisihan yang timbul dalam pelaksanaan {ini} diselesaikan secara musyawarah untuk "
                    "mufakat oleh PARA PIHAK."
                ),
            ),
            judul="PENYELESAIAN PERSELISIHAN",
        ),
        Pasal(
            "penutup",
            (
                Ayat(
                    f"{ini} dibuat dalam rangkap {len(pihak)} ({idfmt.terbilang(len(pihak))}) asli, masing-masing "
                    "bermeterai cukup dan mempunyai kekuatan hukum yang sama."
                ),
            ),
            judul="PENUTUP",
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
        "nomor": [f"NOMOR … ({p['sebutan']})" for p in pihak],
        "pembuka": (
            f"Pada hari ini …………… tanggal …………… bulan …………… tahun …………… bertempat di {stpp.daerah.ibu_kota}, "
            "yang bertanda tangan di bawah ini:"
        ),
        "pihak": [
            {
                "nomor": f"{i}.",
                "teks": f"{p['jabatan']}, dalam hal ini bertindak untuk dan atas nama {p['nama']}, yang selanjutnya "
                f"disebut {p['sebutan']};",
            }
            for i, p in enumerate(pihak, start=1)
        ],
        "para_pihak": (
            f"{idfmt.daftar([p['sebutan'] for p in pihak])} yang selanjutnya secara bersama-sama disebut PARA "
            f"PIHAK, sepakat untuk mengadakan {bentuk} tentang {subjek} dengan ketentuan sebagai berikut:"
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
            out.append(Catatan("kesepakatan", f"{bentuk} tentang {subjek} belum disepakati pada rapat 5.3."))
        for t in ks.catatan_perbaikan:
            out.append(
                Catatan("kesepakatan", f"{bentuk} tentang {subjek}: perbaikan yang disepakati, {kalimat(t)} "
                        "Masukkan ke dalam naskah.")
            )
        if any(_pihak(view, p.stakeholder)[1].startswith("…") for p in ks.para_pihak):
            out.append(
                Catatan("format", f"{bentuk} tentang {subjek}: jabatan penanda tangan salah satu pihak belum "
                        "diketahui dari 1.1; isi sebelum ditandatangani.")
            )
    out.append(
        Catatan(
            "format",
            "Bentuk naskah kerja sama (Kesepakatan Bersama atau Perjanjian Kerja Sama) mengikuti judul pada 5.3. "
            "Apakah kerja sama antara perangkat daerah dan Perumda dalam satu daerah termasuk lingkup PP 28/2018 "
            "tentang Kerja Sama Daerah belum terkonfirmasi; pastikan dasar hukum dan tata caranya. Pasal "
            "pembiayaan memakai rumusan umum; sesuaikan dengan sumber dana kegiatan pada Smart Logframe.",
        )
    )
    return out
