"""The batang tubuh of the Rancangan Peraturan on the Juklak/Juknis: Ketentuan Umum and the norms.

BAB I KETENTUAN UMUM (Pasal 1: the standard head Daerah, Pemerintah Daerah, Kepala, then every
other term in order of first use in the body, in the mandated ``yang selanjutnya disingkat/disebut``
form), then maksud dan tujuan, ruang lingkup, pelaksanaan (the 5.3 ketentuan with the agreed changes
in the text), pembagian tugas, pemantauan dan evaluasi with one reporting line (6.2), pembiayaan and
the closing provisions. Numbering is :func:`assembler.documents.perkada.susun`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assembler.documents.naskah import kalimat
from assembler.documents.perkada import Ayat, Bab, Definisi, Pasal, definisi_dari, susun, urutkan_definisi
from assembler.models.tahap1 import StakeholderPokja
from assembler.models.tahap4 import Organisasi
from assembler.models.tahap5 import Istilah, Kesepakatan
from assembler.models.tahap6 import Pelaksanaan
from assembler.models.tahap7 import Monev
from assembler.workspace_view import WorkspaceView


def definisi_baku(view: WorkspaceView) -> tuple[list[Definisi], list[Definisi]]:
    """The standard head of Pasal 1 (Daerah, Pemerintah Daerah, Kepala) and the region's sector terms."""
    stpp = view.stpp
    assert stpp is not None
    kepala = stpp.daerah.kepala
    pdam, singkat = stpp.pdam.nama, stpp.pdam.singkatan
    kepala_uraian = f"{kepala} {stpp.daerah.nama}."
    head = [
        Definisi("Daerah", f"{stpp.daerah.nama_lengkap}."),
        Definisi(
            "Pemerintah Daerah",
            f"{kepala} sebagai unsur penyelenggara Pemerintahan Daerah yang memimpin pelaksanaan urusan "
            "pemerintahan yang menjadi kewenangan daerah otonom.",
        ),
        Definisi(kepala, kepala_uraian),
    ]
    sektor: list[Definisi] = []
    ks = view.get(Kesepakatan)
    if ks is not None and ks.kerja_sama:
        sektor.append(
            Definisi(
                "Perangkat Daerah",
                f"unsur pembantu {kepala} dan Dewan Perwakilan Rakyat Daerah dalam penyelenggaraan urusan "
                "pemerintahan yang menjadi kewenangan Daerah.",
            )
        )
    if singkat and singkat != pdam:
        sektor.append(
            Definisi(
                pdam,
                f"badan usaha milik daerah penyelenggara Sistem Penyediaan Air Minum di {stpp.daerah.nama_lengkap}.",
                singkat,
            )
        )
    pokja = view.get(StakeholderPokja)
    if pokja is not None:
        sektor.append(
            Definisi(
                pokja.pokja.nama,
                f"kelompok kerja yang dibentuk dengan Keputusan {kepala} untuk menyusun, mengawal pelaksanaan, "
                "dan memantau Skema Tindakan Peningkatan Pelayanan.",
                "Kelompok Kerja",
            )
        )
    if view.get(Monev) is not None:
        sektor.append(
            Definisi(
                "Tim Monitoring dan Evaluasi",
                "tim yang dibentuk dari anggota Kelompok Kerja untuk memantau dan mengevaluasi pelaksanaan "
                "Skema Tindakan Peningkatan Pelayanan.",
                "Tim Monev",
            )
        )
    return head, sektor


def _pengertian(view: WorkspaceView, istilah: Sequence[Istilah], batang: str) -> list[str]:
    """Pasal 1: the standard head, then the sector terms and 5.3's in order of first use in ``batang``.

    A term the Pokja defines itself replaces the standard one of the same name.
    """
    head, sektor = definisi_baku(view)
    sendiri = [definisi_dari(i.istilah, i.definisi) for i in istilah]
    nama_sendiri = {d.istilah.casefold() for d in sendiri} | {d.sebutan.casefold() for d in sendiri if d.sebutan}
    head = [d for d in head if d.istilah.casefold() not in nama_sendiri]
    sektor = [d for d in sektor if d.istilah.casefold() not in nama_sendiri
              and d.dipakai_sebagai.casefold() not in nama_sendiri]
    return [d.kalimat() for d in urutkan_definisi(head, [*sektor, *sendiri], batang)]


def _kalimat_ini(teks: str, peraturan_ini: str) -> str:
    """A 5.3 sentence about "petunjuk pelaksanaan ini" speaks, in the body, of the regulation itself."""
    return re.sub(r"^Petunjuk pelaksanaan ini\b", peraturan_ini, kalimat(teks.strip()))


def _ayat(items: Sequence[str]) -> tuple[Ayat, ...]:
    return tuple(Ayat(kalimat(t)) for t in items)


def batang(view: WorkspaceView, peraturan_ini: str, lampiran_juknis: bool) -> list[Bab]:
    """BAB II … (everything after Ketentuan Umum): the norms of the Juklak, one reporting line, the closing."""
    stpp = view.stpp
    assert stpp is not None
    kesepakatan = view.require(Kesepakatan)
    pelaksanaan = view.require(Pelaksanaan)
    jj = kesepakatan.juklak_juknis
    singkat = stpp.pdam.singkatan
    tambahan: dict[str, list[str]] = {}
    for p in jj.perbaikan:  # the agreed changes, in the text (5.3 "disepakati dengan perbaikan")
        tambahan.setdefault(p.bagian.strip().casefold(), []).extend(p.ketentuan)

    tujuan = Ayat(f"{peraturan_ini} bertujuan:", tuple(jj.tujuan))
    maksud = Pasal("maksud", (Ayat(_kalimat_ini(jj.maksud, peraturan_ini)), tujuan))
    lingkup = Pasal("ruang_lingkup", (Ayat(f"Ruang lingkup {peraturan_ini} meliputi:", tuple(jj.ruang_lingkup)),))

    lampiran = "Lampiran I dan Lampiran II" if lampiran_juknis else "Lampiran"
    isi_lampiran = (
        "Petunjuk Pelaksanaan dan Petunjuk Teknis" if lampiran_juknis else "Petunjuk Pelaksanaan"
    )
    pelaksanaan_pasal = [
        Pasal(
            "pedoman",
            (
                Ayat(
                    "Pelaksanaan Skema Tindakan Peningkatan Pelayanan berpedoman pada "
                    f"{isi_lampiran}."
                ),
                Ayat(
                    f"{isi_lampiran} sebagaimana dimaksud pada ayat (1) tercantum dalam {lampiran} yang "
                    f"merupakan bagian tidak terpisahkan dari {peraturan_ini}."
                ),
            ),
        )
    ]
    for i, b in enumerate(jj.ketentuan_pelaksanaan):
        butir = [*b.ketentuan, *tambahan.get(b.judul.strip().casefold(), [])]
        pelaksanaan_pasal.append(Pasal(f"ketentuan{i}", _ayat(butir)))
    if kesepakatan.kerja_sama:
        pelaksanaan_pasal.append(
            Pasal(
                "kerja_sama",
                (
                    Ayat(
                        f"Dalam melaksanakan Skema Tindakan Peningkatan Pelayanan, {singkat} bekerja sama "
                        "dengan Perangkat Daerah terkait."
                    ),
                    Ayat(
                        "Kerja sama sebagaimana dimaksud pada ayat (1) dituangkan dalam kesepakatan bersama "
                        "atau perjanjian kerja sama sesuai dengan ketentuan peraturan perundang-undangan."
                    ),
                ),
            )
        )

    tugas = [
        Ayat("Kelompok Kerja mengoordinasikan dan mengawal pelaksanaan Skema Tindakan Peningkatan Pelayanan."),
        Ayat(
            f"{singkat} melaksanakan kegiatan Skema Tindakan Peningkatan Pelayanan sesuai dengan tugas dan "
            "fungsinya."
        ),
        Ayat(
            "Perangkat Daerah terkait melaksanakan kegiatan Skema Tindakan Peningkatan Pelayanan yang menjadi "
            "kewenangannya dan berkoordinasi dengan Kelompok Kerja."
        ),
    ]
    organisasi = view.get(Organisasi)
    if organisasi is not None and organisasi.unit:
        tugas.append(
            Ayat(
                f"Peran, tugas, dan tanggung jawab unit kerja pelaksana {singkat} tercantum dalam "
                f"{'Lampiran I' if lampiran_juknis else 'Lampiran'}."
            )
        )
    pemantauan = [*jj.pemantauan, *tambahan.get("pemantauan", [])]
    # One reporting line: the body states the 6.2 chain, the Lampiran only tabulates the monitoring.
    pelaporan = Pasal(
        "pelaporan",
        (Ayat("Laporan pelaksanaan Skema Tindakan Peningkatan Pelayanan disampaikan secara berjenjang sebagai berikut:",
              tuple(pelaksanaan.mekanisme_pengawalan.jalur_pelaporan)),),
    )
    pembiayaan = [*jj.pembiayaan, *tambahan.get("pembiayaan", [])]
    # A Perkada is in force once promulgated; a Peraturan Direksi, never promulgated, once adopted.
    saat = "ditetapkan" if peraturan_ini.startswith("Peraturan Direksi") else "diundangkan"
    penutup = Pasal("mulai_berlaku", (Ayat(f"{peraturan_ini} mulai berlaku pada tanggal {saat}."),))
    return [
        Bab("MAKSUD, TUJUAN, DAN RUANG LINGKUP", (maksud, lingkup)),
        Bab("PELAKSANAAN", tuple(pelaksanaan_pasal)),
        Bab("PEMBAGIAN TUGAS", (Pasal("tugas", tuple(tugas)),)),
        Bab("PEMANTAUAN, EVALUASI, DAN PELAPORAN", (Pasal("pemantauan", _ayat(pemantauan)), pelaporan)),
        Bab("PEMBIAYAAN", (Pasal("pembiayaan", _ayat(pembiayaan)),)),
        Bab("KETENTUAN PENUTUP", (penutup,)),
    ]


def teks_batang(babs: Sequence[Bab]) -> str:
    """The body's words after Pasal 1, to order the definitions by first use."""
    out: list[str] = []
    for b in babs:
        for p in b.pasal:
            for a in p.ayat:
                out.append(a.teks)
                out.extend(a.butir)
    return "\n".join(out)


def batang_tubuh(view: WorkspaceView, peraturan_ini: str, lampiran_juknis: bool) -> list[dict[str, Any]]:
    """The whole body, numbered: BAB I KETENTUAN UMUM (Pasal 1) and the chapters of :func:`_batang`."""
    jj = view.require(Kesepakatan).juklak_juknis
    babs = batang(view, peraturan_ini, lampiran_juknis)
    definisi = _pengertian(view, jj.pengertian, teks_batang(babs))
    umum = Bab(
        "KETENTUAN UMUM",
        (Pasal("definisi", (Ayat(f"Dalam {peraturan_ini} yang dimaksud dengan:"),), tuple(definisi)),),
    )
    return susun([umum, *babs])
