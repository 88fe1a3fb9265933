"""Diagram Alur Pelayanan Publik (Topik 3.2): the four service-flow steps with their root causes.

Drawn with matplotlib rather than Graphviz: the picture is a fixed grid (four steps in a row,
causes stacked under each), which Graphviz's ranking would fight, and a fixed grid keeps every
column exactly a quarter of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    from assembler.models.tahap3 import AkarMasalah
    from assembler.render import Gambar

LEBAR_MM = 160.0
_TEPI = 2.0
_CELAH = 5.0  # gap between columns (holds the arrow), mm
_PT_TAHAP = 8.5
_PT = 7.8
_BARIS = _PT * 1.25 * MM_PER_PT
_BARIS_TAHAP = _PT_TAHAP * 1.25 * MM_PER_PT
_PAD = 1.6
_JARAK = 3.0  # vertical gap between cause boxes, mm


@dataclass(frozen=True)
class KolomAlur:
    """One step of the flow with its wrapped root causes (text lines per cause)."""

    kunci: str
    nama: list[str]
    akar: list[tuple[str, list[str]]]


def kolom_alur(data: AkarMasalah) -> list[KolomAlur]:
    """Steps in flow order (names from content/alur-pelayanan.yaml), causes in the order written."""
    from assembler.content import alur_pelayanan

    lebar = _lebar_kolom()
    tahap = sorted(alur_pelayanan().tahap.items(), key=lambda kv: kv[1].urutan)
    out = []
    for kunci, t in tahap:
        nama = wrap_mm(f"{t.urutan}. {t.nama}", lebar - 2 * _PAD, _PT_TAHAP, tebal=True)
        akar = [
            (am.id, wrap_mm(am.uraian, lebar - 3.0 - 2 * _PAD, _PT))
            for am in data.akar_masalah
            if am.tahap_alur == kunci
        ]
        out.append(KolomAlur(kunci, nama, akar))
    return out


def _lebar_kolom() -> float:
    return (LEBAR_MM - 2 * _TEPI - 3 * _CELAH) / 4


@sekali
def diagram_alur_pelayanan(data: AkarMasalah) -> bytes:
    """PNG of the service flow with the root causes under each step."""
    from matplotlib.patches import FancyArrow, FancyBboxPatch

    cols = kolom_alur(data)
    lebar = _lebar_kolom()
    tinggi_tahap = max(len(c.nama) for c in cols) * _BARIS_TAHAP + 2 * _PAD + 1
    judul_h = _BARIS + 1.5

    def tinggi_akar(lines: list[str]) -> float:
        return (len(lines) + 1) * _BARIS + 2 * _PAD

    tinggi_kolom = [
        sum(tinggi_akar(lines) + _JARAK for _id, lines in c.akar) if c.akar else _BARIS * 2 + _JARAK
        for c in cols
    ]
    tinggi = _TEPI + tinggi_tahap + 4.0 + judul_h + max(tinggi_kolom) + _TEPI

    with gaya_matplotlib():
        fig = figur(LEBAR_MM, tinggi)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, LEBAR_MM)
        ax.set_ylim(0, tinggi)
        ax.axis("off")
        atas = tinggi - _TEPI
        for i, c in enumerate(cols):
            x = _TEPI + i * (lebar + _CELAH)
            ax.add_patch(
                FancyBboxPatch(
                    (x, atas - tinggi_tahap),
                    lebar,
                    tinggi_tahap,
                    boxstyle="round,pad=0,rounding_size=1.5",
                    facecolor="#2f5d8a",
                    edgecolor="black",
                    linewidth=0.8,
                )
            )
            for j, line in enumerate(c.nama):
                yy = atas - tinggi_tahap / 2 + (len(c.nama) - 1) / 2 * _BARIS_TAHAP - j * _BARIS_TAHAP
                ax.text(
                    x + lebar / 2,
                    yy,
                    line,
                    ha="center",
                    va="center_baseline",
                    fontsize=_PT_TAHAP,
                    fontweight="bold",
                    color="white",
                )
            if i < len(cols) - 1:
                ax.add_patch(
                    FancyArrow(
                        x + lebar + 0.6,
                        atas - tinggi_tahap / 2,
                        _CELAH - 1.2,
                        0,
                        width=0.9,
                        head_width=2.8,
                        head_length=1.8,
                        length_includes_head=True,
                        color="black",
                    )
                )
            y = atas - tinggi_tahap - 4.0
            ax.text(
                x + lebar / 2,
                y - _BARIS / 2,
                f"Akar masalah ({len(c.akar)})",
                ha="center",
                va="center_baseline",
                fontsize=_PT,
                style="italic",
            )
            # A spine from the step down through its causes ties them to the step on paper.
            y -= judul_h
            if c.akar:
                bawah = y - tinggi_kolom[i] + _JARAK + tinggi_akar(c.akar[-1][1]) / 2
                ax.plot(
                    [x + 1.2, x + 1.2], [atas - tinggi_tahap, bawah], color="black", linewidth=0.7, zorder=0
                )
            else:
                ax.text(
                    x + lebar / 2,
                    y - _BARIS,
                    "(belum ada akar masalah)",
                    ha="center",
                    va="center_baseline",
                    fontsize=_PT,
                    style="italic",
                    color="#444444",
                )
            for kode, lines in c.akar:
                h = tinggi_akar(lines)
                ax.plot([x + 1.2, x + 3.0], [y - h / 2, y - h / 2], color="black", linewidth=0.7, zorder=0)
                ax.add_patch(
                    FancyBboxPatch(
                        (x + 3.0, y - h),
                        lebar - 3.0,
                        h,
                        boxstyle="round,pad=0,rounding_size=1.0",
                        facecolor="#fbefd5",
                        edgecolor="black",
                        linewidth=0.6,
                    )
                )
                ax.text(
                    x + 3.0 + _PAD,
                    y - _PAD - _BARIS / 2,
                    kode,
                    fontsize=_PT,
                    fontweight="bold",
                    va="center_baseline",
                )
                for j, line in enumerate(lines):
                    ax.text(
                        x + 3.0 + _PAD,
                        y - _PAD - (j + 1.5) * _BARIS,
                        line,
                        fontsize=_PT,
                        va="center_baseline",
                    )
                y -= h + _JARAK
        return png_matplotlib(fig)


def gambar_diagram_alur_pelayanan(data: AkarMasalah, nomor: str | None = "3.1") -> Gambar:
    """The diagram ready for a document, with its caption."""
    return gambar(diagram_alur_pelayanan(data), keterangan(nomor, "Diagram Alur Pelayanan dan Akar Masalah"))
