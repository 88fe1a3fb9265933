"""The Juknis: one SOP per improved 4.2 procedure (PermenPAN-RB 35/2012, format-perkada-sop.md §2).

Identity sheet (fields of P35 and the Kemensetneg form) and the flowchart table: one column per
executor in order of first appearance, the symbols and flow lines drawn as picture tiles in those
columns, Mutu Baku (Kelengkapan, Waktu, Output) and Keterangan, drawn from the step data (executor,
duration, documents) and the 5.2 standard of the same service (requirements, legal bases,
competences, facilities). The chart is cut into page-sized parts joined by lettered off-page
connectors (docs/dev/sop-simbol.md).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from assembler import idfmt
from assembler.documents.lembar import GRID, bagi_grid
from assembler.documents.naskah import kalimat
from assembler.models.tahap4 import Durasi, Prosedur
from assembler.models.tahap5 import CitizenCharter
from assembler.pictures.simbol_sop import Ubin, gambar_legenda, gambar_ubin
from assembler.workspace_view import WorkspaceView

#: Minimum row heights (mm) a step row may get; the template has one row variant per step of the
#: ladder (docs/dev/sop-simbol.md). The flowchart tiles are exactly this tall.
TINGGI_BARIS_MM = (14.0, 17.0, 20.0, 24.0, 28.0, 33.0, 38.0, 44.0, 50.0, 58.0, 66.0, 76.0, 88.0, 100.0)
#: Text width of Lampiran II's landscape F4 pages (330 mm less the 30 + 20 mm side margins), and the
#: width of one of its 100 grid columns as the template writes it (whole twips).
LEBAR_TEKS_MM = 280.0
_KISI_MM = int(LEBAR_TEKS_MM / 25.4 * 1440 / GRID) / 1440 * 25.4
#: Height of the text area (215 mm less 25 + 20 mm margins), and what the headings above a part take.
TINGGI_HALAMAN_MM = 170.0
_JUDUL_BAGIAN_MM = 12.0
_LEGENDA_MM = 12.0
_TANDA_TANGAN_MM = 48.0
_CADANGAN = 0.95
#: Generous estimate of the table text (9 pt Bookman): width of a character and height of a line.
_HURUF_MM = 1.8
_BARIS_TEKS_MM = 4.0
_PENGHUBUNG = 0  # ladder step of a connector row


def _durasi(d: Durasi) -> str:
    return f"{idfmt.angka(d.nilai)} {d.satuan}"


def _tinggi_teks(lebar_mm: float, teks: Sequence[str]) -> float:
    """Height the paragraphs of one cell need at most (word wrap at a wide character width)."""
    per_baris = max(1, int((lebar_mm - 2.0) / _HURUF_MM))
    baris = sum(max(1, len(textwrap.wrap(t, per_baris, break_long_words=True))) for t in teks)
    return baris * _BARIS_TEKS_MM + 1.5


def _tingkat(perlu_mm: float) -> int:
    """The lowest step of the ladder at least ``perlu_mm`` high (the top step if none is)."""
    return next((i for i, t in enumerate(TINGGI_BARIS_MM) if t >= perlu_mm), len(TINGGI_BARIS_MM) - 1)


def _mm(span: int) -> float:
    return span * _KISI_MM


def _huruf(i: int) -> str:
    """A, B, … Z, AA, AB …: the connector labels."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _bagi_halaman(tinggi: Sequence[float], muat_pertama: float, muat_lanjut: float, akhir: float) -> list[list[int]]:
    """Rows per page-sized part; a part that is not the last keeps room for its bottom connector."""
    penghubung = TINGGI_BARIS_MM[_PENGHUBUNG]
    parts: list[list[int]] = [[]]
    pakai, muat = 0.0, muat_pertama
    for i, h in enumerate(tinggi):
        cadang = akhir if i == len(tinggi) - 1 else penghubung
        if parts[-1] and pakai + h + cadang > muat:
            parts.append([])
            pakai, muat = penghubung, muat_lanjut
        parts[-1].append(i)
        pakai += h
    return parts


def _ubin(lebar: float, tinggi: float, kolom: int, j: int, jenis: str, label: str, dari: int | None,
          lanjut: bool) -> Ubin:
    """The tile of executor column ``j`` in a row whose symbol is in column ``kolom``."""
    atas = kanan = kiri = masuk = False
    if dari is not None:
        lo, hi = sorted((dari, kolom))
        if j == dari:
            atas = True
            kanan, kiri = kolom > dari, kolom < dari
        if j == kolom:
            masuk = True
            kiri, kanan = kiri or dari < kolom, kanan or dari > kolom
        if lo < j < hi:
            kiri = kanan = True
    return Ubin(lebar - 0.2, tinggi, jenis if j == kolom else None, label if j == kolom else "", atas, kiri, kanan,
                masuk, lanjut and j == kolom)


def _sel_ubin(lebar: int, ubin: Ubin) -> dict[str, Any]:
    """A picture cell: the tile's PNG, and the tile itself (plain data, for reading the chart back)."""
    return {"lebar": lebar, "gaya": "simbol", "teks": [], "gambar": gambar_ubin(ubin), "ubin": ubin}


def _tabel_sop(pelaksana_list: Sequence[str], langkah: Sequence[dict[str, Any]], terakhir: bool) -> dict[str, Any]:
    """Header rows and page-sized parts of the flowchart table, cells spanning grid columns (lembar.GRID).

    ``No | Kegiatan | one column per Pelaksana | Mutu Baku: Kelengkapan, Waktu, Output | Keterangan``;
    the first header row groups Pelaksana and Mutu Baku over their sub-columns. Executor cells hold
    the chart's tiles; a part that is not the last ends, and the next begins, with an off-page
    connector in the column of the flow.
    """
    n = len(pelaksana_list)
    spans = bagi_grid([0.6, 3.4, *([1.7] * n), 2.6, 1.3, 2.2, 1.4])
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
    teks_kolom = [(kg, "kegiatan"), (kl, "kelengkapan"), (wk, "waktu"), (op, "output"), (kt, "keterangan")]
    tingkat = []
    for b in langkah:
        perlu = max(_tinggi_teks(_mm(w), [b[k]] if isinstance(b[k], str) else b[k]) for w, k in teks_kolom)
        tingkat.append(_tingkat(perlu))
    kepala_mm = 5.0 + max(_tinggi_teks(_mm(w), [p]) for w, p in zip(px, pelaksana_list, strict=True))
    muat = TINGGI_HALAMAN_MM * _CADANGAN - kepala_mm - _JUDUL_BAGIAN_MM
    parts = _bagi_halaman([TINGGI_BARIS_MM[t] for t in tingkat], muat - _LEGENDA_MM, muat,
                          _TANDA_TANGAN_MM if terakhir else 0.0)
    kosong = [sel(no, ""), sel(kg, "")]
    kosong_akhir = [sel(kl, ""), sel(wk, ""), sel(op, ""), sel(kt, "")]

    def baris_penghubung(kolom: int, label: str, dari: int | None, lanjut: bool) -> dict[str, Any]:
        t = TINGGI_BARIS_MM[_PENGHUBUNG]
        tiles = [_ubin(_mm(w), t, kolom, j, "penghubung", label, dari, lanjut) for j, w in enumerate(px)]
        return {"tingkat": _PENGHUBUNG,
                "sel": [*kosong, *[_sel_ubin(w, u) for w, u in zip(px, tiles, strict=True)], *kosong_akhir]}

    halaman = []
    for p, part in enumerate(parts):
        rows = []
        dari: int | None = None
        if p > 0:
            dari = pelaksana_list.index(langkah[part[0] - 1]["pelaku"])
            rows.append(baris_penghubung(dari, _huruf(p - 1), None, True))
        for i in part:
            b = langkah[i]
            kolom = pelaksana_list.index(b["pelaku"])
            jenis = "terminator" if i in (0, len(langkah) - 1) else "proses"
            t = TINGGI_BARIS_MM[tingkat[i]]
            lanjut = i < len(langkah) - 1
            tiles = [_ubin(_mm(w), t, kolom, j, jenis, "", dari, lanjut) for j, w in enumerate(px)]
            rows.append({
                "tingkat": tingkat[i],
                "sel": [
                    sel(no, b["no"], "tengah"),
                    sel(kg, b["kegiatan"]),
                    *[_sel_ubin(w, u) for w, u in zip(px, tiles, strict=True)],
                    sel(kl, b["kelengkapan"]),
                    sel(wk, b["waktu"], "tengah"),
                    sel(op, b["output"]),
                    sel(kt, b["keterangan"]),
                ],
            })
            dari = kolom
        if p < len(parts) - 1:
            assert dari is not None
            rows.append(baris_penghubung(dari, _huruf(p), dari, False))
        halaman.append({"baris": rows})
    return {"kepala": kepala, "halaman": halaman}


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
            # What the step receives: the service's requirements first, then the previous step's papers.
            first = list(sp.persyaratan) if sp is not None else []
            masuk = first if i == 0 else list(langkah[i - 1].dokumen)
            baris.append(
                {
                    "no": f"{i + 1}.",
                    "kegiatan": kalimat(s.uraian),
                    "pelaku": s.pelaku,
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
                "legenda": gambar_legenda(),
                **_tabel_sop(pelaksana_list, baris, judul == terakhir),
            }
        )
    return out
