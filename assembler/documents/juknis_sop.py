"""The Juknis: one SOP per improved 4.2 procedure (PermenPAN-RB 35/2012, format-perkada-sop.md §2).

Identity sheet (fields of P35 and the Kemensetneg form) and the flowchart table: one column per
executor in order of first appearance, the five symbols, Mutu Baku (Kelengkapan, Waktu, Output) and
Keterangan, drawn from the step data (executor, duration, documents) and the 5.2 standard of the
same service (requirements, legal bases, competences, facilities).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assembler import idfmt
from assembler.documents.lembar import bagi_grid
from assembler.documents.naskah import kalimat
from assembler.models.tahap4 import Prosedur
from assembler.models.tahap5 import CitizenCharter
from assembler.workspace_view import WorkspaceView

#: The five flowchart symbols of PermenPAN-RB 35/2012 (§2.5), as glyphs in the executor's column.
SIMBOL = {"terminator": "\u25d6\u25d7", "proses": "\u25ad", "keputusan": "\u25c7", "penghubung": "\u2b20"}


def _durasi(d: Any) -> str:
    return f"{idfmt.angka(d.nilai)} {d.satuan}"


def _tabel_sop(pelaksana_list: Sequence[str], langkah: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Header rows and body rows of the flowchart table, cells spanning grid columns (lembar.GRID).

    ``No | Kegiatan | one column per Pelaksana | Mutu Baku: Kelengkapan, Waktu, Output | Keterangan``;
    the first header row groups Pelaksana and Mutu Baku over their sub-columns.
    """
    n = len(pelaksana_list)
    spans = bagi_grid([0.6, 3.4, *([1.3] * n), 2.6, 1.3, 2.2, 1.4])
    no, kg, *rest = spans
    px, (kl, wk, op, kt) = rest[:n], rest[n:]

    def sel(lebar: int, teks: Sequence[str] | str, gaya: str = "isi") -> dict[str, Any]:
        return {"lebar": lebar, "gaya": gaya, "teks": [teks] if isinstance(teks, str) else list(teks)}

    def kol(lebar: int, teks: str) -> dict[str, Any]:
        return {"lebar": lebar, "teks": teks}

    kepala = [
        [kol(no, "No"), kol(kg, "Kegiatan"), kol(sum(px), "Pelaksana"), kol(kl + wk + op, "Mutu Baku"),
         kol(kt, "Keterangan")],
        [kol(no, ""), kol(kg, ""), *[kol(w, p) for w, p in zip(px, pelaksana_list, strict=True)],
         kol(kl, "Kelengkapan"), kol(wk, "Waktu"), kol(op, "Output"), kol(kt, "")],
    ]
    baris = [
        [
            sel(no, b["no"], "tengah"),
            sel(kg, b["kegiatan"]),
            *[sel(w, simbol, "simbol") for w, simbol in zip(px, b["simbol"], strict=True)],
            sel(kl, b["kelengkapan"]),
            sel(wk, b["waktu"], "tengah"),
            sel(op, b["output"]),
            sel(kt, b["keterangan"]),
        ]
        for b in langkah
    ]
    return {"kepala": kepala, "baris": baris}


def sop(view: WorkspaceView) -> list[dict[str, Any]]:
    """Identity sheet and flowchart table of every improved procedure of 4.2, from its step data.

    One column per executor, in order of first appearance; the first and last steps are terminators,
    the others processes; Mutu Baku: Kelengkapan (what the step receives: the service's requirements
    for the first step, the previous step's documents after it), Waktu, Output (the step's documents).
    """
    stpp = view.stpp
    prosedur = view.get(Prosedur)
    if stpp is None or prosedur is None:
        return []
    charter = view.get(CitizenCharter)
    standar = {s.nama_layanan.casefold(): s for s in charter.standar_pelayanan} if charter is not None else {}
    nama_sop = [f"SOP {lay.nama}" for lay in prosedur.layanan if lay.langkah_perbaikan]
    terakhir = nama_sop[-1] if nama_sop else ""
    out = []
    for lay in prosedur.layanan:
        langkah = list(lay.langkah_perbaikan)
        if not langkah:
            continue
        pelaksana_list = list(dict.fromkeys(s.pelaku for s in langkah))
        sp = standar.get(lay.nama.casefold())
        baris = []
        for i, s in enumerate(langkah):
            jenis = "terminator" if i in (0, len(langkah) - 1) else "proses"
            # What the step receives: the service's requirements first, then the previous step's papers.
            first = list(sp.persyaratan) if sp is not None else []
            masuk = first if i == 0 else list(langkah[i - 1].dokumen)
            baris.append(
                {
                    "no": f"{i + 1}.",
                    "kegiatan": kalimat(s.uraian),
                    "simbol": [SIMBOL[jenis] if p == s.pelaku else "" for p in pelaksana_list],
                    "kelengkapan": masuk or ["–"],
                    "waktu": _durasi(s.durasi),
                    "output": list(s.dokumen) or ["–"],
                    "keterangan": f"Lanjut ke langkah {i + 2}." if i < len(langkah) - 1 else "Selesai.",
                }
            )
        judul = f"SOP {lay.nama}"
        out.append(
            {
                "judul": judul.upper(),
                "nama": judul,
                "unit": stpp.pdam.nama,
                "disahkan": f"{stpp.pdam.direktur.jabatan} {stpp.pdam.singkatan}",
                "disahkan_nama": stpp.pdam.direktur.nama,
                "dasar_hukum": [kalimat(t) for t in (sp.dasar_hukum if sp is not None else [])] or ["–"],
                "kualifikasi": [kalimat(t) for t in (sp.kompetensi_pelaksana if sp is not None else [])] or ["–"],
                "keterkaitan": [n for n in nama_sop if n != judul] or ["–"],
                "peralatan": [kalimat(t) for t in (sp.sarana_prasarana if sp is not None else [])] or ["–"],
                "peringatan": (
                    f"Bila SOP ini tidak dilaksanakan, layanan {lay.nama.lower()} tidak selesai dalam jangka "
                    "waktu yang dijanjikan dalam Standar Pelayanan."
                ),
                "pencatatan": [f"{d} disimpan sebagai data manual/elektronik." for d in
                               dict.fromkeys(x for st in langkah for x in st.dokumen)] or ["–"],
                "pelaksana": pelaksana_list,
                "terakhir": judul == terakhir,
                **_tabel_sop(pelaksana_list, baris),
            }
        )
    return out
