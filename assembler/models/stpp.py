"""``stpp.yaml``: who the plan is for. Everything region-specific in every document comes from here."""

from typing import Literal

from pydantic import Field

from assembler.models.base import SiapModel, Tahun, Teks, TeksOpsional, empty_list


class Daerah(SiapModel):
    jenis: Literal["kabupaten", "kota"] = Field(
        description="Jenis daerah: 'kabupaten' (dipimpin Bupati) atau 'kota' (dipimpin Walikota)."
    )
    nama: Teks = Field(description="Nama daerah tanpa kata Kabupaten/Kota, misalnya 'Lembah Sari'.")
    provinsi: Teks = Field(description="Nama provinsi tanpa kata Provinsi, misalnya 'Jawa Tengah'.")
    ibu_kota: Teks = Field(description="Tempat kedudukan pemerintah daerah, ditulis pada 'Ditetapkan di ...' dalam SK.")

    @property
    def nama_lengkap(self) -> str:
        """'Kabupaten Lembah Sari' / 'Kota Sari'."""
        return f"{'Kabupaten' if self.jenis == 'kabupaten' else 'Kota'} {self.nama}"

    @property
    def kepala(self) -> str:
        """'Bupati' or 'Walikota': a Kota gets Walikota everywhere, from this field alone."""
        return "Bupati" if self.jenis == "kabupaten" else "Walikota"


class Pejabat(SiapModel):
    nama: Teks = Field(description="Nama lengkap pejabat sebagaimana ditulis di bawah tanda tangan.")
    jabatan: Teks = Field(description="Jabatan pejabat, misalnya 'Direktur Utama'.")
    nip: TeksOpsional = Field(default="", description="NIP bila penanda tangan ASN; kosongkan untuk pejabat terpilih.")


class KepalaDaerah(SiapModel):
    nama: Teks = Field(
        description="Nama Bupati/Walikota tanpa gelar; dicetak dengan huruf kapital di bawah tanda tangan."
    )
    wakil: TeksOpsional = Field(default="", description="Nama Wakil Bupati/Wakil Walikota (boleh kosong).")


class Pdam(SiapModel):
    nama: Teks = Field(description="Nama resmi badan usaha, misalnya 'Perusahaan Umum Daerah Air Minum Tirta Lestari'.")
    singkatan: Teks = Field(
        description="Sebutan singkat yang dipakai dalam naskah, misalnya 'Perumda Air Minum Tirta Lestari'."
    )
    alamat: TeksOpsional = Field(default="", description="Alamat kantor pusat PDAM.")
    direktur: Pejabat = Field(description="Direktur (Utama) PDAM yang menandatangani dokumen PDAM.")
    jumlah_pelanggan: int | None = Field(
        default=None, ge=0, description="Jumlah sambungan langganan aktif saat ini (boleh kosong)."
    )


class Opsi(SiapModel):
    tembusan: list[Teks] = Field(
        default_factory=empty_list,
        description="Daftar tembusan SK, misalnya 'Gubernur Jawa Tengah di Semarang'. Boleh kosong.",
    )
    nomor_sk: TeksOpsional = Field(
        default="",
        description="Nomor SK bila sudah diberikan Bagian Hukum; kosongkan agar tercetak titik-titik.",
    )
    menetapkan_dengan_nama_daerah: bool = Field(
        default=False,
        description="Baris 'Menetapkan' Peraturan Bupati/Walikota memuat nama daerah ('PERATURAN BUPATI "
        "LEMBAH SARI TENTANG ...'); bawaan tidak, mengikuti bentuk peraturan menteri (belum terkonfirmasi "
        "untuk Perkada; tanyakan Bagian Hukum).",
    )
    bentuk_penetapan_stpp: Literal["keputusan", "peraturan"] = Field(
        default="keputusan",
        description="Bentuk naskah Kepala Daerah yang menetapkan STPP yang disepakati: 'keputusan' (bawaan: "
        "penetapan sebuah rencana adalah keputusan yang konkret dan sekali jadi) atau 'peraturan' (bila Bagian "
        "Hukum memilih Peraturan Bupati/Walikota yang diundangkan dalam Berita Daerah).",
    )
    seri_berita_daerah: TeksOpsional = Field(
        default="",
        description="Seri Berita Daerah bila daerah memakainya, misalnya 'E' (tercetak 'SERI E'); boleh kosong.",
    )


class Stpp(SiapModel):
    """Isi berkas ``stpp.yaml``."""

    daerah: Daerah = Field(description="Daerah yang menyusun STPP.")
    kepala_daerah: KepalaDaerah = Field(description="Kepala daerah yang menandatangani SK dan STPP.")
    pdam: Pdam = Field(description="PDAM/Perumda Air Minum yang pelayanannya ditingkatkan.")
    tahun: Tahun = Field(description="Tahun penyusunan STPP (dipakai pada nomor dan tanggal naskah).")
    tahun_anggaran: Tahun | None = Field(
        default=None,
        description="Tahun Anggaran APBD yang membiayai Pokja; bila kosong sama dengan 'tahun'.",
    )
    sekretariat_pokja: Teks = Field(
        description="Unit tempat sekretariat Pokja, misalnya 'Bagian Perekonomian dan Sumber Daya Alam "
        "Sekretariat Daerah'."
    )
    fasilitator: TeksOpsional = Field(
        default="", description="Nama fasilitator atau lembaga fasilitator yang mendampingi Pokja."
    )
    opsi: Opsi = Field(default_factory=Opsi, description="Pilihan tambahan untuk naskah yang dihasilkan.")

    @property
    def tahun_apbd(self) -> int:
        return self.tahun_anggaran or self.tahun
