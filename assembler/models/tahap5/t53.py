"""Topik 5.3, Kesepakatan: the agreement meeting, responses, corrections, Juklak and cooperation."""

import datetime as _dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from assembler import messages
from assembler.models.base import (
    Finding,
    IdField,
    Kode,
    RefField,
    SiapModel,
    Teks,
    TeksOpsional,
    empty_list,
)
from assembler.models.perancangan import checks_juklak
from assembler.models.tahap5.t52 import PenandaTangan

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

messages.register(
    {
        "5.3.tanggapan_kurang": (
            "belum ada tanggapan dari {pihak}; Draft STPP ditanggapi oleh Pimpinan DPRD dan Kepala Daerah",
            "no response from {pihak} yet; the Draft STPP is answered by the DPRD leaders and the Kepala Daerah",
        ),
        "5.3.istilah_ganda": (
            "istilah '{istilah}' didefinisikan lebih dari sekali; setiap istilah cukup satu definisi",
            "term '{istilah}' is defined more than once; each term needs one definition",
        ),
        "5.3.pihak_ganda": (
            "pihak '{pihak}' tercantum lebih dari sekali dalam dokumen kerja sama yang sama",
            "party '{pihak}' appears more than once in the same cooperation document",
        ),
    }
)


# --------------------------------------------------------------------------- 5.3 Kesepakatan

UnsurPeserta = Literal["DPRD", "Pemerintah Daerah", "Bappeda", "SKPD", "PDAM", "Masyarakat", "Fasilitator"]


class Orang(SiapModel):
    nama: Teks = Field(description="Nama lengkap.")
    jabatan: Teks = Field(description="Jabatan.")


class PesertaRapat(SiapModel):
    nama: Teks = Field(description="Nama peserta yang hadir.")
    jabatan: Teks = Field(description="Jabatan peserta.")
    unsur: UnsurPeserta = Field(
        description="Unsur: 'DPRD', 'Pemerintah Daerah', 'Bappeda', 'SKPD', 'PDAM', 'Masyarakat' atau 'Fasilitator'."
    )


class Rapat(SiapModel):
    tanggal: _dt.date = Field(description="Tanggal rapat penyepakatan yang terlaksana (rencana: Topik 1.2).")
    waktu: TeksOpsional = Field(default="", description="Jam rapat, misalnya '09.00–12.00 WIB' (boleh kosong).")
    tempat: Teks = Field(description="Tempat rapat yang terlaksana (rencananya di Kalender Kerja, Topik 1.2).")
    pimpinan_rapat: Orang = Field(description="Pimpinan rapat.")
    peserta: list[PesertaRapat] = Field(min_length=1, description="Peserta yang hadir.")


class Tanggapan(SiapModel):
    pihak: Literal["Pimpinan DPRD", "Kepala Daerah", "Bappeda", "SKPD Mitra Utama", "Lainnya"] = Field(
        description=(
            "Pihak yang menanggapi: 'Pimpinan DPRD', 'Kepala Daerah', 'Bappeda', 'SKPD Mitra Utama' atau 'Lainnya'."
        )
    )
    nama: Teks = Field(description="Nama yang menyampaikan tanggapan.")
    jabatan: Teks = Field(description="Jabatan yang menyampaikan tanggapan.")
    pokok_tanggapan: list[Teks] = Field(min_length=1, description="Pokok-pokok tanggapan terhadap Draft STPP.")
    tindak_lanjut: list[Teks] = Field(
        default_factory=empty_list, description="Tindak lanjut atas tanggapan (boleh kosong)."
    )


class Istilah(SiapModel):
    istilah: Teks = Field(description="Istilah yang didefinisikan, misalnya 'District Meter Area'.")
    definisi: Teks = Field(description="Definisi istilah.")


class BagianKetentuan(SiapModel):
    judul: Teks = Field(description="Judul bagian ketentuan pelaksanaan, misalnya 'Zonasi DMA'.")
    ketentuan: list[Teks] = Field(min_length=1, description="Butir-butir ketentuan pada bagian ini.")


class Perbaikan(SiapModel):
    """A change agreed at the 5.3 meeting, with the wording that goes into the regulation."""

    uraian: Teks = Field(description="Perbaikan yang disepakati, misalnya 'Ditambahkan skema keringanan tarif'.")
    bagian: Teks = Field(
        description="Bagian yang diperbaiki: judul salah satu ketentuan_pelaksanaan, 'Pembiayaan' atau "
        "'Pemantauan'."
    )
    ketentuan: list[Teks] = Field(min_length=1, description="Bunyi ketentuan baru yang ditambahkan pada bagian itu.")


StatusKesepakatan = Literal["disepakati", "disepakati dengan perbaikan", "belum disepakati"]


class JuklakJuknis(SiapModel):
    """Content of the Juklak/Juknis beyond what 5.1 (kegiatan) and 6.2 (jadwal, pengawalan) supply."""

    judul: Teks = Field(description="Judul Juklak/Juknis, misalnya 'Petunjuk Pelaksanaan STPP PDAM'.")
    disahkan_oleh: Literal["Kepala Daerah", "Direksi PDAM"] = Field(
        default="Kepala Daerah", description="Pejabat yang mengesahkan: 'Kepala Daerah' atau 'Direksi PDAM'."
    )
    maksud: Teks = Field(description="Maksud penyusunan Juklak/Juknis.")
    tujuan: list[Teks] = Field(min_length=1, description="Tujuan Juklak/Juknis.")
    sasaran: list[Teks] = Field(min_length=1, description="Sasaran Juklak/Juknis.")
    ruang_lingkup: list[Teks] = Field(min_length=1, description="Ruang lingkup pengaturan.")
    pengertian: list[Istilah] = Field(
        default_factory=empty_list, description="Ketentuan umum: istilah dan definisinya."
    )
    ketentuan_pelaksanaan: list[BagianKetentuan] = Field(
        min_length=1, description="Ketentuan pelaksanaan, dikelompokkan per bagian (menjadi bab-bab isi)."
    )
    pembiayaan: list[Teks] = Field(min_length=1, description="Ketentuan pembiayaan pelaksanaan STPP.")
    pemantauan: list[Teks] = Field(min_length=1, description="Ketentuan pemantauan, evaluasi dan pelaporan.")
    penutup: Teks = Field(
        default=(
            "Petunjuk pelaksanaan ini menjadi pedoman bagi seluruh pihak yang melaksanakan, mengawal, dan "
            "memantau STPP."
        ),
        description="Ketentuan penutup.",
    )
    status: StatusKesepakatan = Field(
        description="Hasil rapat atas draft ini: 'disepakati', 'disepakati dengan perbaikan' atau 'belum disepakati'."
    )
    catatan_perbaikan: list[Teks] = Field(
        default_factory=empty_list, description="Perbaikan yang disepakati (boleh kosong)."
    )
    perbaikan: list[Perbaikan] = Field(
        default_factory=empty_list,
        description="Perbaikan yang disepakati beserta bunyi ketentuannya; dimuat ke dalam Peraturan (boleh kosong).",
    )


class PihakKerjaSama(SiapModel):
    stakeholder: Kode = RefField("stakeholder", "Kode stakeholder (Topik 1.1) yang menjadi pihak kerja sama.")
    hak: list[Teks] = Field(min_length=1, description="Hak pihak ini.")
    kewajiban: list[Teks] = Field(min_length=1, description="Kewajiban pihak ini.")


class KerjaSama(SiapModel):
    id: Kode = IdField("kerja_sama", "Kode unik dokumen kerja sama, misalnya 'ks-01'.")
    judul: Teks = Field(description="Judul dokumen kerja sama antar-SKPD/instansi.")
    para_pihak: list[PihakKerjaSama] = Field(min_length=2, description="Para pihak beserta hak dan kewajibannya.")
    ruang_lingkup: list[Teks] = Field(min_length=1, description="Ruang lingkup kerja sama.")
    jangka_waktu_tahun: int = Field(ge=1, le=30, description="Jangka waktu kerja sama dalam tahun.")
    status: StatusKesepakatan = Field(
        description="Hasil rapat atas draft ini: 'disepakati', 'disepakati dengan perbaikan' atau 'belum disepakati'."
    )
    catatan_perbaikan: list[Teks] = Field(
        default_factory=empty_list, description="Perbaikan yang disepakati (boleh kosong)."
    )


TopikDraft = Literal[
    "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "5.1", "5.2"
]


class PerubahanStpp(SiapModel):
    """A change to the Rancangan STPP agreed at the 5.3 meeting: the agreed STPP prints it in that topic."""

    topik: TopikDraft = Field(description="Topik (bagian Rancangan STPP) yang diubah, misalnya '4.6'.")
    uraian: Teks = Field(description="Perubahan yang disepakati, misalnya 'Usulan penyesuaian tarif didahului "
                         "konsultasi publik'.")
    bunyi: list[Teks] = Field(
        default_factory=empty_list, description="Bunyi baru yang dimuat dalam STPP pada bagian itu (boleh kosong)."
    )


class Kesepakatan(SiapModel):
    """Isi berkas ``5.3-kesepakatan.yaml``: Berita Acara Kesepakatan Draft STPP."""

    TOPIK_ID: ClassVar[str] = "5.3"

    rapat: Rapat = Field(description="Rapat penyepakatan Draft STPP bersama DPRD dan Kepala Daerah.")
    tanggapan: list[Tanggapan] = Field(min_length=1, description="Tanggapan Pimpinan DPRD, Kepala Daerah dan lainnya.")
    kesepakatan: list[Teks] = Field(min_length=1, description="Butir-butir kesepakatan atas Draft STPP.")
    juklak_juknis: JuklakJuknis = Field(description="Isi Juklak/Juknis pelaksanaan STPP yang disepakati.")
    kerja_sama: list[KerjaSama] = Field(
        default_factory=empty_list, description="Dokumen kerja sama antar-SKPD/instansi."
    )
    perubahan_stpp: list[PerubahanStpp] = Field(
        default_factory=empty_list,
        description="Perubahan atas Rancangan STPP yang disepakati; dimuat dalam STPP yang disepakati (boleh kosong).",
    )
    penanda_tangan: list[PenandaTangan] = Field(
        min_length=1,
        description="Penanda tangan Berita Acara Kesepakatan, sesuai urutan di lembar tanda tangan.",
    )

    def checks(self, ws: "WorkspaceView") -> Iterator[Finding]:
        pihak = {t.pihak for t in self.tanggapan}
        missing = [p for p in ("Pimpinan DPRD", "Kepala Daerah") if p not in pihak]
        if missing:
            yield Finding(("tanggapan",), "5.3.tanggapan_kurang", {"pihak": missing}, "warning")
        seen: set[str] = set()
        for i, ist in enumerate(self.juklak_juknis.pengertian):
            key = ist.istilah.casefold()
            if key in seen:
                yield Finding(
                    ("juklak_juknis", "pengertian", i, "istilah"),
                    "5.3.istilah_ganda",
                    {"istilah": ist.istilah},
                )
            seen.add(key)
        yield from checks_juklak(self)
        for i, ks in enumerate(self.kerja_sama):
            pihak_seen: set[str] = set()
            for j, ph in enumerate(ks.para_pihak):
                if ph.stakeholder in pihak_seen:
                    yield Finding(
                        ("kerja_sama", i, "para_pihak", j, "stakeholder"),
                        "5.3.pihak_ganda",
                        {"pihak": ph.stakeholder},
                    )
                pihak_seen.add(ph.stakeholder)
