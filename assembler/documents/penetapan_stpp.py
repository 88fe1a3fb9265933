"""Context of the Kepala Daerah's instrument adopting the agreed STPP (``penetapan-stpp``), the STPP as Lampiran.

After the 5.3 agreement the Pokja pushes the Kepala Daerah to adopt the STPP (guide, Tahap 5 Topik 3).
Approving a plan is a one-off, concrete act, which the routing table of the drafting notes gives to a
Keputusan Bupati/Walikota (diktum KESATU ...); a region whose Bagian Hukum wants a Peraturan (Pasal,
promulgated in the Berita Daerah) sets ``opsi.bentuk_penetapan_stpp: peraturan`` in stpp.yaml. Both
forms reuse the SK Pokja's pieces: computed Menimbang letters and closing reference, the Mengingat order
of the Juklak/Juknis (2.2, hierarchy then date), diktum ordinals and cross-references, Pasal numbers.
The wording is ``content/penetapan-stpp.yaml``; what the Bagian Hukum must still decide goes to the
drafter's notes (:func:`catatan`), never into the signable text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import Field

from assembler import idfmt
from assembler.analysis.analisis import Analisis
from assembler.content import ContentModel, load_yaml
from assembler.documents.catatan import Catatan, regulasi
from assembler.documents.common import region_context
from assembler.documents.juklak_juknis import NOMOR_KOSONG, dasar_hukum
from assembler.documents.kalimat import Kalimat
from assembler.documents.nama import judul_kapital
from assembler.documents.perkada import Ayat, Bab, Pasal, susun
from assembler.documents.registry import Dokumen
from assembler.documents.sk_pokja import (
    Diktum,
    Paragraf,
    butir_menimbang,
    isi,
    nama_pokja_resmi,
    penutup_menimbang,
    susun_diktum,
)
from assembler.documents.stpp_disepakati import context as context_stpp
from assembler.models.tahap1 import StakeholderPokja
from assembler.models.tahap5 import Kesepakatan
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("penetapan-stpp",)

#: The instrument's fixed forms and notes: the ``kalimat:`` section of ``content/penetapan-stpp.yaml``.
TEKS = Kalimat("penetapan-stpp.yaml", bagian=True)


class PenetapanStppContent(ContentModel):
    """``content/penetapan-stpp.yaml``: the shipped wording of both forms (numbering is computed)."""

    menimbang: list[str] = Field(min_length=1, description="Pertimbangan selain butir penutup.")
    menimbang_penutup: str = Field(description="Butir penutup Menimbang dengan {rujukan}.")
    diktum: dict[str, str] = Field(min_length=1, description="Diktum Keputusan menurut urutannya, per kunci.")
    pasal: dict[str, str] = Field(min_length=1, description="Pasal Peraturan menurut urutannya, per kunci.")
    pengundangan: str = Field(description="Rumusan perintah pengundangan Peraturan.")
    kalimat: dict[str, str] = Field(description="Bentuk tetap dan catatan, per kunci (dibaca TEKS).")


@cache
def teks_penetapan() -> PenetapanStppContent:
    return load_yaml("penetapan-stpp.yaml", PenetapanStppContent)


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """The agreed STPP's context (the Lampiran) plus ``sk``: the instrument's head, body and signature."""
    ctx = context_stpp(view, analisis, dokumen)
    ctx["sk"] = _naskah(view)
    return ctx


def _naskah(view: WorkspaceView) -> dict[str, Any]:
    stpp = view.stpp
    assert stpp is not None
    kesepakatan = view.require(Kesepakatan)
    pokja = view.require(StakeholderPokja)
    teks = teks_penetapan()
    r = region_context(stpp)
    peraturan = stpp.opsi.bentuk_penetapan_stpp == "peraturan"
    kepala_daerah_kapital = r["kepala_daerah_kapital"]
    jenis = TEKS("jenis_peraturan" if peraturan else "jenis_keputusan", kepala=r["kepala"])
    pokok = TEKS("pokok", pdam=stpp.pdam.nama, tahun=stpp.tahun)
    judul = judul_kapital(pokok if peraturan else TEKS("judul_keputusan", pokok=pokok))
    nilai = {
        "daerah": r["daerah"],
        "kepala": r["kepala"],
        "kepala_daerah": r["kepala_daerah"],
        "pdam": stpp.pdam.nama,
        "pdam_singkat": stpp.pdam.singkatan,
        "pokja": nama_pokja_resmi(stpp, pokja),
        "tahun": str(stpp.tahun),
        "tanggal_kesepakatan": idfmt.tanggal(kesepakatan.rapat.tanggal),
        "jenis": jenis,
        "judul": judul,
    }
    pertimbangan = [isi(t, nilai) for t in teks.menimbang]
    menimbang = butir_menimbang(
        [*pertimbangan, penutup_menimbang(teks.menimbang_penutup, len(pertimbangan), nilai)]
    )
    dasar, _catatan = dasar_hukum(view)
    mengingat = [{"nomor": d["nomor"], "teks": d["teks"].rstrip(".;") + ";"} for d in dasar]
    kepala_naskah = TEKS("kepala_peraturan" if peraturan else "kepala_keputusan", kepala_daerah=kepala_daerah_kapital)
    nomor = TEKS("nomor", nomor=NOMOR_KOSONG, tahun=stpp.tahun)
    menetapkan_jenis = kepala_naskah
    if peraturan and not stpp.opsi.menetapkan_dengan_nama_daerah:
        # as the Juklak/Juknis writes it: the office without the region's name
        menetapkan_jenis = TEKS("kepala_peraturan", kepala_daerah=r["kepala_kapital"])
    out: dict[str, Any] = {
        "peraturan": peraturan,
        "judul": kepala_naskah,
        "nomor": nomor,
        "tentang": judul.upper(),
        "jabatan": f"{kepala_daerah_kapital},",
        "menimbang": menimbang,
        "mengingat": mengingat,
        "menetapkan": TEKS("menetapkan", jenis=menetapkan_jenis, judul=judul.upper()),
        "ditetapkan_di": stpp.daerah.ibu_kota,
        "penandatangan_nama": stpp.kepala_daerah.nama.upper(),
        "lampiran_kop": [kepala_naskah, nomor, "TENTANG", judul.upper()],
        "diktum": [],
        "pasal": [],
    }
    if peraturan:
        babs = susun([Bab("", tuple(Pasal(k, (Ayat(isi_pasal(t, nilai)),)) for k, t in teks.pasal.items()))])
        out["pasal"] = babs[0]["pasal"]
        seri = stpp.opsi.seri_berita_daerah.strip().upper()
        daerah_kapital = r["daerah_kapital"]
        if seri:
            berita = TEKS("berita_daerah_seri", daerah=daerah_kapital, tahun=stpp.tahun, nomor=NOMOR_KOSONG, seri=seri)
        else:
            berita = TEKS("berita_daerah", daerah=daerah_kapital, tahun=stpp.tahun, nomor=NOMOR_KOSONG)
        out["pengundangan"] = isi(teks.pengundangan, nilai)
        out["sekda"] = TEKS("sekda", daerah=daerah_kapital)
        out["berita_daerah"] = berita
    else:
        out["diktum"] = susun_diktum([Diktum(k, [Paragraf(t)]) for k, t in teks.diktum.items()], nilai)
    return out


def isi_pasal(teks: str, nilai: dict[str, str]) -> str:
    """Fill the region's names but keep ``{pasal:key}`` for :func:`assembler.documents.perkada.susun`."""
    simpan = {m: f"\x00{i}\x00" for i, m in enumerate(sorted(set(_pasal_refs(teks))))}
    for ref, tanda in simpan.items():
        teks = teks.replace(ref, tanda)
    teks = isi(teks, nilai)
    for ref, tanda in simpan.items():
        teks = teks.replace(tanda, ref)
    return teks


def _pasal_refs(teks: str) -> list[str]:
    return _PASAL_REF.findall(teks)


_PASAL_REF = re.compile(r"\{pasal:[a-z0-9_]+\}")


def catatan(view: WorkspaceView) -> list[Catatan]:
    """What the Bagian Hukum must decide or confirm in the instrument (for ``catatan-perancang``)."""
    stpp = view.stpp
    assert stpp is not None
    _dasar, status = dasar_hukum(view)
    out = regulasi(status)
    bentuk = stpp.opsi.bentuk_penetapan_stpp
    out.append(
        Catatan("format", TEKS("catatan_bentuk", bentuk=bentuk))
    )
    if bentuk == "peraturan":
        out.append(
            Catatan("format", TEKS("catatan_tanpa_bab"))
        )
    out.append(
        Catatan("format", TEKS("catatan_nomor"))
    )
    return out
