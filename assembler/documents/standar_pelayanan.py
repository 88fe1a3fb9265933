"""Context of ``standar-pelayanan``: the Keputusan Direksi of the Perumda adopting its Standar Pelayanan.

UU 25/2009 Pasal 15 and 20: the penyelenggara (the Perumda, not the Kepala Daerah) draws up and sets
its own service standard; a Keputusan (or Peraturan) Direksi suffices (format-perkada-sop.md §3.4).
Form: title ``KEPUTUSAN DIREKSI PERUSAHAAN UMUM DAERAH AIR MINUM …`` / ``NOMOR …`` / ``TENTANG`` /
subject; issuer line ``DIREKSI …,`` (the samples omit DENGAN RAHMAT); Menimbang with the computed
closing item; Mengingat in hierarchy-then-date order; diktum KESATU … with computed cross-references;
the 14 components of every service (UU 25/2009 Pasal 21, PermenPAN-RB 15/2014) as the Lampiran, in
the same table the Citizen Charter prints. The Maklumat stays in the Citizen Charter; 5.2 checks
that it is not dated before this adoption.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt, legal
from assembler.analysis.analisis import Analisis
from assembler.content import load_content
from assembler.documents.catatan import Catatan, regulasi
from assembler.documents.citizen_charter import _layanan, nama_kapital
from assembler.documents.dasar_hukum import catatan_bernomor, katalog_ruang_kerja, pilih_berlaku
from assembler.documents.kalimat import Kalimat
from assembler.documents.nama import judul_kapital
from assembler.documents.registry import Dokumen
from assembler.documents.sk_pokja import Diktum, Paragraf, butir_menimbang, susun_diktum
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.models.tahap4 import Kebijakan
from assembler.models.tahap5 import CitizenCharter
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("standar-pelayanan",)

#: The Keputusan's wording (``content/standar-pelayanan-naskah.yaml``; the 14 components are in
#: ``standar-pelayanan.yaml``).
TEKS = Kalimat("standar-pelayanan-naskah.yaml")
#: Left in a diktum's text for :func:`susun_diktum` to fill with the adopting diktum's ordinal.
RUJUKAN_PENETAPAN = "{diktum_penetapan}"

#: The legal bases of a Perumda's service standard: public service, BUMD, the SP guideline.
MENGINGAT = ("uu-25-2009", "uu-23-2014", "pp-54-2017", "permenpanrb-15-2014")


def _mengingat(view: WorkspaceView) -> tuple[list[dict[str, str]], list[str]]:
    katalog = katalog_ruang_kerja(view)
    kode = list(MENGINGAT)
    topik22 = view.get(TopikRegulasi)
    if topik22 is not None:  # the Perda that formed the Perumda, when the Pokja wrote it out in 2.2
        kode += [e.id for e in topik22.regulasi if e.id and e.jenis == "Perda" and e.status != "dicabut"]
    dipilih, ganti = pilih_berlaku(kode, katalog, TEKS("asal_mengingat"), "Mengingat")
    urut = legal.urutkan(dipilih.values())
    rows = [{"nomor": f"{i}.", "teks": f"{legal.kutip(r, katalog)};"} for i, r in enumerate(urut, start=1)]
    return rows, catatan_bernomor(urut, katalog, ganti, "Mengingat")


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """Ready strings for ``standar-pelayanan.docx``."""
    stpp = view.stpp
    assert stpp is not None
    charter = view.require(CitizenCharter)
    content = view.content.standar_pelayanan if view.content is not None else load_content().standar_pelayanan
    pdam = stpp.pdam.nama
    # A Keputusan (diktum form): a Peraturan Direksi would need BAB/Pasal, and the two are never mixed.
    bentuk = TEKS("bentuk")
    jenis_kapital = bentuk.upper()
    subjek = TEKS("subjek", pdam=pdam)
    tentang = subjek.upper()
    ini = TEKS("ini")
    singkat = stpp.pdam.singkatan
    pertimbangan = [TEKS("menimbang_uu"), TEKS("menimbang_dibahas", pdam_singkat=singkat)]
    menimbang = butir_menimbang(
        [
            *pertimbangan,
            TEKS(
                "menimbang_penutup",
                rujukan=idfmt.rujukan_huruf(len(pertimbangan)),
                bentuk=bentuk,
                subjek=judul_kapital(subjek),
            ),
        ]
    )
    mengingat, _notes = _mengingat(view)
    layanan = [s.nama_layanan for s in charter.standar_pelayanan]
    daftar = [
        Diktum(
            "penetapan",
            [
                Paragraf(TEKS("penetapan", pdam_singkat=singkat, ini=ini), templat=False)
            ],
        ),
        Diktum(
            "jenis",
            [Paragraf(TEKS("jenis", diktum_penetapan=RUJUKAN_PENETAPAN))]
            + [
                Paragraf(t, huruf=f"{idfmt.huruf(i)}.", templat=False)
                for i, t in enumerate(_rincian(layanan), start=1)
            ],
        ),
        Diktum(
            "penerapan",
            [
                Paragraf(TEKS("penerapan", pdam_singkat=singkat, diktum_penetapan=RUJUKAN_PENETAPAN))
            ],
        ),
        Diktum(
            "maklumat",
            [
                Paragraf(TEKS("maklumat", diktum_penetapan=RUJUKAN_PENETAPAN))
            ],
        ),
        Diktum("mulai_berlaku", [Paragraf(TEKS("mulai_berlaku", ini=ini), templat=False)]),
    ]
    diktum = susun_diktum(daftar, {})
    judul = f"{jenis_kapital} {pdam.upper()}"
    return {
        "judul": judul,
        "nomor": TEKS("nomor"),
        "tentang": tentang,
        "jabatan": TEKS("jabatan", pdam=pdam.upper()),
        "menimbang": menimbang,
        "mengingat": mengingat,
        "menetapkan": TEKS("menetapkan", judul=judul, tentang=tentang),
        "diktum": diktum,
        "ditetapkan_di": stpp.daerah.ibu_kota,
        "tanggal_penetapan": idfmt.tanggal(charter.standar_ditetapkan) if charter.standar_ditetapkan else "",
        "jabatan_ttd": f"{stpp.pdam.direktur.jabatan.upper()},",
        "nama_ttd": nama_kapital(stpp.pdam.direktur.nama),
        "lampiran_kop": [judul, TEKS("nomor"), "TENTANG", tentang],
        "lampiran_judul": tentang,
        "layanan": [_layanan(i, s, content, analisis) for i, s in enumerate(charter.standar_pelayanan, 1)],
    }


def _rincian(items: list[str]) -> list[str]:
    """Lettered items inside one sentence: ``a;`` … ``y; dan`` ``z.``."""
    n = len(items)
    return [t + ("." if i == n - 1 else ("; dan" if i == n - 2 else ";")) for i, t in enumerate(items)]


def catatan(view: WorkspaceView) -> list[Catatan]:
    """What the Bagian Hukum (and the Perumda's legal unit) must confirm in the Keputusan Direksi."""
    stpp = view.stpp
    assert stpp is not None
    charter = view.require(CitizenCharter)
    _rows, status = _mengingat(view)
    out = regulasi(status)
    out.append(Catatan("format", TEKS("catatan_bentuk")))
    tgl, std = charter.maklumat.tanggal, charter.standar_ditetapkan
    if std is None:
        out.append(Catatan("format", TEKS("catatan_tanggal_kosong")))
    elif tgl is not None and tgl < std:
        out.append(
            Catatan(
                "peringatan",
                TEKS("catatan_maklumat_lebih_awal", maklumat=idfmt.tanggal(tgl), standar=idfmt.tanggal(std)),
            )
        )
    kebijakan = view.get(Kebijakan)
    if kebijakan is not None:
        for f in kebijakan.checks(view):
            if f.code == "4.3.kebijakan.standar_pelayanan":
                u = kebijakan.usulan[int(f.loc[1])]
                out.append(
                    Catatan("peringatan", TEKS("catatan_usulan_4_3", usulan=u.judul))
                )
    for s in charter.sanksi_kompensasi:
        if s.berlaku_bagi == "PDAM" and not s.batas.strip():
            out.append(
                Catatan("peringatan", TEKS("catatan_kompensasi", kompensasi=s.bentuk.strip().rstrip(".")))
            )
    return out
