"""Context of the Tabel Hubungan Antar-kebijakan and Koridor Hukum (``hubungan-antar-kebijakan``).

Topic 2.2 names regulations by catalogue code (or writes a Perda out in full), the institutions,
the rows linking them and the two legal corridors. Here every regulation gets its full citation
(:func:`assembler.legal.kutip`, amendment chain included), the rows follow the hierarchy of
regulations, and each regulation's status is shown with the catalogue's source and confidence so
that nothing unconfirmed reads as fact.
"""

from __future__ import annotations

import re
from typing import Any

from assembler import legal
from assembler.analysis.analisis import Analisis
from assembler.content import Regulasi
from assembler.documents.common import region_context
from assembler.documents.dasar_hukum import (
    KEYAKINAN,
    SUMBER_TERTULIS,
    kalimat,
    katalog_ruang_kerja,
    sebutan_singkat,
    status_singkat,
)
from assembler.documents.kalimat import Kalimat
from assembler.documents.registry import Dokumen
from assembler.messages import format_message
from assembler.models.tahap2 import EntriRegulasi
from assembler.models.tahap2 import Regulasi as TopikRegulasi
from assembler.workspace_view import WorkspaceView

DOCUMENT_IDS = ("hubungan-antar-kebijakan",)

#: The table's wording (``content/hubungan-antar-kebijakan.yaml``).
TEKS = Kalimat("hubungan-antar-kebijakan.yaml")


def paragraf(teks: str) -> list[str]:
    """Paragraphs of a free text: blank lines separate them, single line breaks are spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", teks) if p.strip()]


def keterangan_status(reg: Regulasi, katalog: dict[str, Regulasi]) -> list[str]:
    """Source and confidence of the status, the drafter's warnings, and the catalogue's own remark."""
    if reg.sumber == SUMBER_TERTULIS:
        out = [TEKS("ditulis_pokja")]
    else:
        out = [TEKS("sumber", sumber=reg.sumber, keyakinan=KEYAKINAN[reg.keyakinan])]
    sendiri = legal.judul(reg)
    for f in legal.status_peringatan(reg, katalog):
        if f.code == "regulasi.periksa_jdih" and f.params.get("kutipan") == sendiri:
            # Source and confidence are on the line above; only the duty to check remains to say.
            out.append(TEKS("periksa_jdih"))
        else:
            out.append(kalimat(format_message(f.code, f.params)))
    if reg.catatan:
        out.append(kalimat(TEKS("catatan_katalog", catatan=reg.catatan)))
    return out


def context(view: WorkspaceView, analisis: Analisis, dokumen: Dokumen) -> dict[str, Any]:
    """The hubungan-antar-kebijakan.docx context (docs/dev/templates.md)."""
    stpp = view.stpp
    topik = view.get(TopikRegulasi)
    assert stpp is not None and isinstance(topik, TopikRegulasi), "naskah ini memerlukan stpp.yaml dan 2.2"
    region = region_context(stpp)
    katalog = katalog_ruang_kerja(view)
    entri: dict[str, EntriRegulasi] = {e.kode: e for e in topik.regulasi}

    # Every regulation the file names, listed or only used in a row, in the order of a Mengingat list.
    dirujuk = [e.kode for e in topik.regulasi] + [h.regulasi for h in topik.hubungan]
    urut = legal.urutkan({k: katalog[k] for k in dirujuk if k in katalog}.values())
    posisi = {reg.id: i for i, reg in enumerate(urut)}

    lembaga_nama = {lb.id: lb.nama for lb in topik.lembaga}
    baris = sorted(topik.hubungan, key=lambda h: posisi.get(h.regulasi, len(posisi)))  # stable sort
    hubungan: list[dict[str, Any]] = []
    sudah: set[str] = set()
    for h in baris:
        reg = katalog.get(h.regulasi)
        if reg is None:  # the reference pass rejects unknown codes
            continue
        # The full citation once; later rows of the same regulation name it without the publication note.
        teks = legal.judul(reg) if reg.id in sudah else legal.kutip(reg, katalog)
        sudah.add(reg.id)
        if reg.tidak_berlaku_lagi or reg.status == "tidak_diketahui":
            catatan = TEKS("catatan_status", status=status_singkat(reg, katalog))
        else:
            catatan = ""
        e = entri.get(reg.id)
        ketentuan = [h.ketentuan] if h.ketentuan else list(e.ketentuan) if e is not None else []
        hubungan.append(
            {
                "no": f"{len(hubungan) + 1}.",
                "peraturan": teks,
                "catatan": catatan,
                "ketentuan": ketentuan,
                "lembaga": [lembaga_nama.get(k, k) for k in h.lembaga],
                "kewenangan": h.kewenangan,
                "implikasi": h.implikasi,
            }
        )

    lembaga: list[dict[str, Any]] = []
    for i, lb in enumerate(topik.lembaga, start=1):
        terkait = {h.regulasi for h in topik.hubungan if lb.id in h.lembaga}
        lembaga.append(
            {
                "no": f"{i}.",
                "nama": lb.nama,
                "peran": lb.peran,
                "peraturan": [sebutan_singkat(r) for r in urut if r.id in terkait],
            }
        )

    regulasi: list[dict[str, Any]] = []
    for i, reg in enumerate(urut, start=1):
        e = entri.get(reg.id)
        regulasi.append(
            {
                "no": f"{i}.",
                "kutipan": legal.kutip(reg, katalog),
                "relevansi": e.relevansi if e is not None else TEKS("relevansi_bawaan"),
                "ketentuan": list(e.ketentuan) if e is not None else [],
                "status": status_singkat(reg, katalog),
                "keterangan": keterangan_status(reg, katalog),
            }
        )

    pdam = stpp.pdam.nama
    return {
        "judul": TEKS("judul"),
        "subjudul": [TEKS("subjudul"), pdam.upper(), TEKS("tahun", tahun=stpp.tahun)],
        "pengantar": [TEKS("pengantar", pdam=pdam, daerah=region["daerah"])],
        "hubungan": hubungan,
        "lembaga": lembaga,
        "koridor_penyusunan": paragraf(topik.koridor_hukum.penyusunan_stpp),
        "koridor_kerja_sama": paragraf(topik.koridor_hukum.kerja_sama_antarinstansi),
        "status_pengantar": TEKS("status_pengantar"),
        "regulasi": regulasi,
    }
