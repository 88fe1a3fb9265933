"""Bagan Bawang Kegiatan (Topik 7.2): concentric rings, the most influential kegiatan at the core.

Activity names are far too long to sit inside narrow ring bands, so each kegiatan is a numbered
badge in its ring and a key beside the rings gives the numbers with the wrapped names, grouped by
ring. Layout (positions in millimetres on paper) is computed apart from drawing, so tests can check
what goes where without reading pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from assembler.pictures.common import (
    MM_PER_PT,
    figur,
    gambar,
    gaya_matplotlib,
    keterangan,
    png_matplotlib,
    sekali,
    wrap_mm,
)

if TYPE_CHECKING:  # pragma: no cover
    from assembler.models.tahap5 import SkemaTindakan
    from assembler.models.tahap7 import DokumentasiReplikasi
    from assembler.render import Gambar

LEBAR_MM = 160.0
_TEPI = 3.0  # margin around everything, mm
_BADGE = 2.9  # badge radius, mm: holds a two-digit number at 8 pt bold
_BADGE_INTI = 4.2
_CELAH_BADGE = 1.6  # minimum gap between two badges along a ring, mm
_PITA_MIN = 2 * _BADGE + 3.4  # narrowest ring band, mm
_INTI_MIN = _BADGE_INTI + 3.0  # radius of the core disk, mm
_DIAMETER_SAMPING = 84.0  # wider rings push the key below them instead of beside them
_PT_KUNCI = 8.5
_PT_BADGE = 8.0
_BARIS = _PT_KUNCI * 1.3 * MM_PER_PT  # key line height, mm
_INDEN = 6.5  # key text starts after the number, mm

#: Ring fills, innermost first: lightness rises monotonically, so the order survives black-and-white print.
_WARNA = ["#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#fdf3e4"]


@dataclass(frozen=True)
class PosisiKegiatan:
    nomor: int
    kegiatan: str
    nama: str
    x: float
    y: float


@dataclass(frozen=True)
class BarisKunci:
    """One line of the key: a ring heading or (part of) an activity entry."""

    teks: str
    x: float
    y: float
    tebal: bool = False
    nomor: str = ""
    lingkaran: int | None = None  # set on a heading: draws the ring's swatch


@dataclass(frozen=True)
class Lingkaran:
    indeks: int
    r_dalam: float
    r_luar: float
    warna: str
    keterangan: str
    kegiatan: list[PosisiKegiatan] = field(default_factory=list)


@dataclass(frozen=True)
class TataLetakBaganBawang:
    lebar_mm: float
    tinggi_mm: float
    pusat: tuple[float, float]
    lingkaran: list[Lingkaran]
    kunci: list[BarisKunci]


@dataclass(frozen=True)
class _Entri:
    teks: str
    tebal: bool
    nomor: str
    lingkaran: int | None
    jarak_atas: float = 0.0  # blank space before it, in lines (separates the rings' groups)


def _baris(e: _Entri, x0: float, lebar: float) -> list[BarisKunci]:
    """The wrapped lines of one key entry in a column starting at ``x0`` (y filled in later)."""
    inden = 5.0 if e.lingkaran is not None else _INDEN
    lines = wrap_mm(e.teks, lebar - inden, _PT_KUNCI, tebal=e.tebal)
    return [
        BarisKunci(
            teks=t,
            x=x0 + inden,
            y=0.0,
            tebal=e.tebal,
            nomor=e.nomor if j == 0 else "",
            lingkaran=e.lingkaran if j == 0 else None,
        )
        for j, t in enumerate(lines)
    ]


def _warna(i: int, n: int) -> str:
    return (
        _WARNA[min(i, len(_WARNA) - 1)]
        if n <= len(_WARNA)
        else _WARNA[round(i * (len(_WARNA) - 1) / (n - 1))]
    )


def _jari_jari(jumlah: list[int]) -> list[tuple[float, float]]:
    """Inner and outer radius of every ring: wide enough that its badges never touch."""
    out: list[tuple[float, float]] = []
    r = 0.0
    for i, n in enumerate(jumlah):
        if i == 0:
            # The core holds one activity; should it hold more (an invalid file), it grows like a ring.
            need = _INTI_MIN if n <= 1 else (n * (2 * _BADGE + _CELAH_BADGE)) / (2 * math.pi) + _BADGE + 1.5
            out.append((0.0, max(_INTI_MIN, need)))
        else:
            mid_min = n * (2 * _BADGE + _CELAH_BADGE) / (2 * math.pi)
            # Crowded rings put their badges towards the outer edge rather than widening the band.
            r_luar = max(r + _PITA_MIN, mid_min + _BADGE + 1.7)
            out.append((r, r_luar))
        r = out[-1][1]
    return out


def tata_letak(dokumentasi: DokumentasiReplikasi, skema: SkemaTindakan | None = None) -> TataLetakBaganBawang:
    """Where every ring, badge and key line goes (millimetres, origin bottom-left)."""
    nama = {k: kg.rumusan for k, kg in skema.kegiatan_by_id().items()} if skema is not None else {}
    rings = dokumentasi.bagan_bawang
    radii = _jari_jari([len(r.kegiatan) for r in rings])
    samping = 2 * radii[-1][1] <= _DIAMETER_SAMPING
    if samping:
        # Give the rings the whole left column, so the bands are wide and the badges easy to find.
        # (at most doubled: a lone core disk should not fill the column)
        faktor = min(2.0, _DIAMETER_SAMPING / (2 * radii[-1][1]))
        radii = [(a * faktor, b * faktor) for a, b in radii]
    radius = radii[-1][1]
    diameter = 2 * radius

    # The key as logical entries (ring headings and activities), innermost ring first.
    entri: list[_Entri] = []
    nomor = 0
    nomor_kegiatan: list[list[tuple[int, str, str]]] = []
    for i, ring in enumerate(rings):
        judul = f"Lingkaran {i + 1}" + (" (inti)" if i == 0 else "")
        if ring.keterangan:
            judul += f": {ring.keterangan}"
        entri.append(_Entri(judul, True, "", i, jarak_atas=0.45 if i else 0.0))
        isi: list[tuple[int, str, str]] = []
        for kode in ring.kegiatan:
            nomor += 1
            teks = nama.get(kode, kode)
            isi.append((nomor, kode, teks))
            entri.append(_Entri(teks, i == 0, str(nomor), None))
        nomor_kegiatan.append(isi)

    # Flow the key: first into the column beside the rings, then (whatever does not fit) below
    # them across the full width; a heading never stays behind without its first activity.
    samping_x = _TEPI + diameter + 6.0
    kolom = [(samping_x, LEBAR_MM - _TEPI - samping_x, diameter)] if samping else []
    kolom.append((_TEPI, LEBAR_MM - 2 * _TEPI, math.inf))
    tempat: list[list[tuple[float, BarisKunci]]] = [[] for _ in kolom]
    tinggi_kolom = [0.0 for _ in kolom]
    k = 0
    idx = 0
    while idx < len(entri):
        x0, lebar, batas = kolom[k]
        blok = [entri[idx]] + (
            [entri[idx + 1]] if entri[idx].lingkaran is not None and idx + 1 < len(entri) else []
        )
        baris_blok = [_baris(e, x0, lebar) for e in blok]
        jarak = blok[0].jarak_atas if tinggi_kolom[k] else 0.0
        tinggi_blok = (jarak + sum(len(b) for b in baris_blok)) * _BARIS
        if tinggi_kolom[k] + tinggi_blok > batas and k + 1 < len(kolom):
            k += 1
            continue
        y = tinggi_kolom[k] + jarak * _BARIS
        for lines in baris_blok:
            for line in lines:
                tempat[k].append((y + 0.5 * _BARIS, line))
                y += _BARIS
        tinggi_kolom[k] = y
        idx += len(blok)

    atas_samping = max(diameter, tinggi_kolom[0]) if samping else diameter
    bawah = tinggi_kolom[-1]
    tinggi = _TEPI + atas_samping + (_TEPI + bawah if bawah else 0.0) + _TEPI
    pusat = (_TEPI + radius, tinggi - _TEPI - radius) if samping else (LEBAR_MM / 2, tinggi - _TEPI - radius)
    pusat = (round(pusat[0], 3), round(pusat[1], 3))
    kunci: list[BarisKunci] = []
    for j, daftar in enumerate(tempat):
        if samping and j == 0:
            # Centre a short key on the rings; a long one starts level with their top.
            puncak = tinggi - _TEPI - max(0.0, (diameter - tinggi_kolom[0]) / 2)
        else:
            puncak = tinggi - 2 * _TEPI - atas_samping
        kunci.extend(replace(line, y=round(puncak - off, 3)) for off, line in daftar)

    lingkaran: list[Lingkaran] = []
    for i, ((r_in, r_out), isi) in enumerate(zip(radii, nomor_kegiatan, strict=True)):
        posisi: list[PosisiKegiatan] = []
        n = len(isi)
        mid_min = n * (2 * _BADGE + _CELAH_BADGE) / (2 * math.pi)
        mid = 0.0 if (i == 0 and n == 1) else max((r_in + r_out) / 2, mid_min)
        # Stagger rings by half a step so badges of neighbouring rings do not line up on one ray.
        awal = math.pi / 2 + (math.pi / n if i % 2 else 0.0) if n else 0.0
        for k, (no, kode, teks) in enumerate(isi):
            sudut = awal - 2 * math.pi * k / max(n, 1)
            posisi.append(
                PosisiKegiatan(
                    nomor=no,
                    kegiatan=kode,
                    nama=teks,
                    x=round(pusat[0] + mid * math.cos(sudut), 3),
                    y=round(pusat[1] + mid * math.sin(sudut), 3),
                )
            )
        lingkaran.append(Lingkaran(i, r_in, r_out, _warna(i, len(rings)), rings[i].keterangan, posisi))
    return TataLetakBaganBawang(LEBAR_MM, round(tinggi, 2), pusat, lingkaran, kunci)


def gambar_tata_letak(layout: TataLetakBaganBawang) -> bytes:
    """Draw a computed layout to PNG bytes."""
    from matplotlib.patches import Circle, Rectangle

    with gaya_matplotlib():
        fig = figur(layout.lebar_mm, layout.tinggi_mm)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, layout.lebar_mm)
        ax.set_ylim(0, layout.tinggi_mm)
        ax.set_aspect("equal")
        ax.axis("off")
        cx, cy = layout.pusat
        for ring in reversed(layout.lingkaran):
            ax.add_patch(
                Circle((cx, cy), ring.r_luar, facecolor=ring.warna, edgecolor="black", linewidth=0.8)
            )
        for ring in layout.lingkaran:
            inti = ring.indeks == 0
            r_badge = _BADGE_INTI if inti and len(ring.kegiatan) == 1 else _BADGE
            for p in ring.kegiatan:
                ax.add_patch(
                    Circle(
                        (p.x, p.y),
                        r_badge,
                        facecolor="white",
                        edgecolor="black",
                        linewidth=1.4 if inti else 0.7,
                    )
                )
                ax.text(
                    p.x,
                    p.y,
                    str(p.nomor),
                    ha="center",
                    va="center_baseline",
                    fontweight="bold",
                    fontsize=_PT_BADGE + (2 if r_badge == _BADGE_INTI else 0),
                )
        for line in layout.kunci:
            if line.lingkaran is not None:
                warna = layout.lingkaran[line.lingkaran].warna
                ax.add_patch(
                    Rectangle(
                        (line.x - 5.0, line.y - 1.3),
                        3.6,
                        2.6,
                        facecolor=warna,
                        edgecolor="black",
                        linewidth=0.6,
                    )
                )
            if line.nomor:
                ax.text(
                    line.x - _INDEN + 0.2,
                    line.y,
                    line.nomor,
                    ha="left",
                    va="center_baseline",
                    fontsize=_PT_KUNCI,
                    fontweight="bold",
                )
            ax.text(
                line.x,
                line.y,
                line.teks,
                ha="left",
                va="center_baseline",
                fontsize=_PT_KUNCI,
                fontweight="bold" if line.tebal else "normal",
            )
        return png_matplotlib(fig)


@sekali
def bagan_bawang(dokumentasi: DokumentasiReplikasi, skema: SkemaTindakan | None = None) -> bytes:
    """PNG of the Bagan Bawang Kegiatan; ``skema`` (5.1) supplies the activity names (codes without it)."""
    return gambar_tata_letak(tata_letak(dokumentasi, skema))


def gambar_bagan_bawang(
    dokumentasi: DokumentasiReplikasi, skema: SkemaTindakan | None = None, nomor: str | None = "7.1"
) -> Gambar:
    """The Bagan Bawang ready for a document: printed at its design width (160 mm) with a caption."""
    return gambar(bagan_bawang(dokumentasi, skema), keterangan(nomor, "Bagan Bawang Kegiatan"))
