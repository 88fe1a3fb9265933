"""The agreed STPP's chapter on the 5.3 meeting: who responded, what was agreed, what was changed.

Only the agreed STPP (``stpp``) and the instrument adopting it print this chapter; the Draft STPP is
what the meeting discussed, so it never contains it.
"""

from __future__ import annotations

from typing import Any

from assembler import idfmt
from assembler.documents.draft_stpp.umum import _angka_jumlah, _kalimat
from assembler.documents.naskah import nomor as _nomor
from assembler.documents.perkada import awal_kecil
from assembler.models.tahap5 import Kesepakatan
from assembler.topics import BY_ID as TOPIK_BY_ID


def hasil_kesepakatan(t: Kesepakatan) -> dict[str, Any]:
    """The chapter's figures and lists; its fixed sentences are template text."""
    rapat = t.rapat
    perubahan = [
        {
            "no": _nomor(i),
            "uraian": _kalimat(p.uraian),
            "bagian": f"{p.topik} {TOPIK_BY_ID[p.topik].judul}",
            "bunyi": [_kalimat(b) for b in p.bunyi] or ["–"],
        }
        for i, p in enumerate(t.perubahan_stpp, 1)
    ]
    return {
        "tanggal": idfmt.tanggal(rapat.tanggal),
        "waktu": rapat.waktu,
        "tempat": rapat.tempat,
        "pimpinan": rapat.pimpinan_rapat.jabatan,
        "jumlah_peserta": _angka_jumlah(len(rapat.peserta)),
        "tanggapan": [
            {
                "pihak": f"{x.pihak} ({x.jabatan})",
                "butir": [_kalimat(b) for b in x.pokok_tanggapan],
                "tindak_lanjut": [_kalimat(b) for b in x.tindak_lanjut],
            }
            for x in t.tanggapan
        ],
        "kesepakatan": [{"no": _nomor(i), "teks": _kalimat(k)} for i, k in enumerate(t.kesepakatan, 1)],
        "perubahan": perubahan,
        "dokumen": [f"{t.juklak_juknis.judul}: {t.juklak_juknis.status}"
                    + (f" ({awal_kecil(_kalimat(' '.join(t.juklak_juknis.catatan_perbaikan))[:-1])})."
                       if t.juklak_juknis.catatan_perbaikan else ".")]
        + [f"{ks.judul}: {ks.status}." for ks in t.kerja_sama],
    }
