"""Context every document shares: who the region, its head and its PDAM are, in official spelling."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assembler.models.stpp import Stpp
from assembler.render import Gambar


def region_context(stpp: Stpp) -> dict[str, Any]:
    """Names as they appear in official headings: a Kota gets Walikota everywhere, from stpp.yaml alone."""
    daerah = stpp.daerah
    kepala = daerah.kepala  # "Bupati" | "Walikota"
    return {
        "daerah": daerah.nama_lengkap,  # "Kabupaten Lembah Sari"
        "daerah_kapital": daerah.nama_lengkap.upper(),
        "nama_daerah": daerah.nama,
        "provinsi": f"Provinsi {daerah.provinsi}",
        "ibu_kota": daerah.ibu_kota,
        "kepala": kepala,
        "kepala_kapital": kepala.upper(),
        "kepala_daerah": f"{kepala} {daerah.nama}",  # "Bupati Lembah Sari"
        "kepala_daerah_kapital": f"{kepala} {daerah.nama}".upper(),
        "nama_kepala_daerah": stpp.kepala_daerah.nama,
        "nama_kepala_daerah_kapital": stpp.kepala_daerah.nama.upper(),
        "pdam": stpp.pdam.nama,
        "pdam_singkat": stpp.pdam.singkatan,
        "direktur": stpp.pdam.direktur.nama,
        "jabatan_direktur": stpp.pdam.direktur.jabatan,
        "tahun": stpp.tahun,
        "tahun_anggaran": stpp.tahun_apbd,
        "sekretariat_pokja": stpp.sekretariat_pokja,
        "fasilitator": stpp.fasilitator,
    }


def daftar_gambar(items: Sequence[Gambar]) -> list[dict[str, Any]]:
    """Pictures as templates loop over them (kit.picture_loop): the image and its caption."""
    return [{"gambar": g, "keterangan": g.keterangan} for g in items]
