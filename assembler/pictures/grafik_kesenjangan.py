"""Grafik kesenjangan (Topik 2.3): how far each indicator's realisation is from its target.

Indicators have different units (%, jam/hari, hari kerja), so the bars show the percentage
achieved computed by :func:`assembler.analysis.kesenjangan.analyse_gaps` (for lower-is-better
indicators target / realisasi), against a 100 % line; the real numbers with their units stand
beside every bar. Met and unmet targets differ by fill *and* hatching; strategic indicators carry
a written star and bold names, so nothing depends on colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from assembler.analysis.kesenjangan import KesenjanganIndikator, analyse_gaps
from assembler.pictures.common import (
    MM_PER_PT,
    angka,
    figur,
    gambar,
    gaya_matplotlib,
    keterangan,
    lebar_teks_mm,
    png_matplotlib,
    sekali,
    wrap_mm,
)

if TYPE_CHECKING:  # pragma: no cover
    from assembler.models.tahap2 import Kesenjangan
    from assembler.render import Gambar

LEBAR_MM = 160.0
_PT = 8.0
_BARIS = _PT * 1.25 * MM_PER_PT
_TEPI = 2.5
_NAMA = (_TEPI, 52.0)  # x and width of the names column, mm
_BATANG = (57.0, 50.0)  # x and width of the bar area, mm
_ANGKA = (118.0, 40.0)  # x and width of the numbers column, mm
_KEPALA = 9.0  # header height, mm
_WARNA_TERCAPAI = "#4d7fae"
_WARNA_BELUM = "#f1b77e"
_BINTANG = "★ "


@dataclass(frozen=True)
class BarisGrafik:
    """One indicator's row as drawn: wrapped name and number lines, bar length, row height."""

    data: KesenjanganIndikator
    nama: list[str]
    angka: list[str]
    persen: float | None
    tinggi: float


def _satuan(nilai: Decimal, satuan: str) -> str:
    return f"{angka(nilai)} {satuan}".replace(" %", " %") if satuan != "%" else f"{angka(nilai)}%"


def baris_grafik(data: Kesenjangan) -> list[BarisGrafik]:
    """The rows in the order written, wrapped for their columns."""
    out = []
    for b in analyse_gaps(data).baris:
        nama = wrap_mm((_BINTANG if b.strategis else "") + b.nama, _NAMA[1], _PT, tebal=b.strategis)
        tanda = "≤" if b.arah == "turun" else "≥"
        teks = [
            f"Realisasi {b.tahun}: {_satuan(b.realisasi, b.satuan)}",
            f"Target: {tanda} {_satuan(b.target, b.satuan)}",
        ]
        lines = [line for t in teks for line in wrap_mm(t, _ANGKA[1], _PT - 0.5)]
        persen = float(b.persen_capaian) if b.persen_capaian is not None else None
        tinggi = max(len(nama), len(lines), 2) * _BARIS + 3.2
        out.append(BarisGrafik(b, nama, lines, persen, tinggi))
    return out


def skala_maks(rows: list[BarisGrafik]) -> float:
    """Right end of the percentage axis: at least 110 %, at most 200 % (longer bars are cut and marked)."""
    terbesar = max((r.persen for r in rows if r.persen is not None), default=100.0)
    return min(200.0, max(110.0, (int(terbesar / 10) + 1) * 10.0))


@sekali
def grafik_kesenjangan(data: Kesenjangan) -> bytes:
    """PNG of the gap chart (printed 160 mm wide at its natural size)."""
    from matplotlib.patches import Rectangle

    rows = baris_grafik(data)
    maks = skala_maks(rows)
    legenda_h = 3.3 * _BARIS + 1.0
    tinggi = _TEPI + _KEPALA + sum(r.tinggi for r in rows) + 3.0 + legenda_h + _TEPI
    x0, w = _BATANG

    def bx(persen: float) -> float:
        return x0 + w * min(persen, maks) / maks

    with gaya_matplotlib():
        fig = figur(LEBAR_MM, tinggi)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, LEBAR_MM)
        ax.set_ylim(0, tinggi)
        ax.axis("off")
        atas = tinggi - _TEPI
        ax.text(_NAMA[0], atas - 3, "Indikator", fontsize=_PT, fontweight="bold", va="center")
        ax.text(
            x0 + w / 2,
            atas - 3,
            "Persentase capaian target",
            fontsize=_PT,
            fontweight="bold",
            ha="center",
            va="center",
        )
        ax.text(_ANGKA[0], atas - 3, "Realisasi dan target", fontsize=_PT, fontweight="bold", va="center")
        y_grafik_atas = atas - _KEPALA
        y_grafik_bawah = y_grafik_atas - sum(r.tinggi for r in rows)
        # Axis ticks every 50 %, light grid lines: orientation without clutter.
        for t in range(0, int(maks) + 1, 50 if maks > 150 else 25):
            ax.plot([bx(t), bx(t)], [y_grafik_bawah, y_grafik_atas], color="#bbbbbb", linewidth=0.4, zorder=0)
            ax.text(bx(t), y_grafik_atas + 0.8, f"{t}%", fontsize=_PT - 1, ha="center", va="bottom")
        y = y_grafik_atas
        for i, r in enumerate(rows):
            bawah = y - r.tinggi
            if i % 2 == 0:
                ax.add_patch(
                    Rectangle(
                        (0.8, bawah),
                        LEBAR_MM - 1.6,
                        r.tinggi,
                        facecolor="#f3f3f3",
                        edgecolor="none",
                        zorder=-1,
                    )
                )
            tengah = bawah + r.tinggi / 2
            for j, line in enumerate(r.nama):
                yy = tengah + (len(r.nama) - 1) / 2 * _BARIS - j * _BARIS
                ax.text(
                    _NAMA[0],
                    yy,
                    line,
                    fontsize=_PT,
                    va="center_baseline",
                    fontweight="bold" if r.data.strategis else "normal",
                )
            for j, line in enumerate(r.angka):
                yy = tengah + (len(r.angka) - 1) / 2 * _BARIS - j * _BARIS
                ax.text(_ANGKA[0], yy, line, fontsize=_PT - 0.5, va="center_baseline")
            tebal = min(5.5, r.tinggi - 2.5)
            if r.persen is None:
                ax.text(
                    x0 + 1,
                    tengah,
                    "capaian tidak dapat dihitung",
                    fontsize=_PT - 0.5,
                    style="italic",
                    va="center_baseline",
                )
            else:
                tercapai = r.data.tercapai
                ax.add_patch(
                    Rectangle(
                        (x0, tengah - tebal / 2),
                        bx(r.persen) - x0,
                        tebal,
                        facecolor=_WARNA_TERCAPAI if tercapai else _WARNA_BELUM,
                        hatch=None if tercapai else "////",
                        edgecolor="black",
                        linewidth=0.6,
                    )
                )
                label = f"{angka(r.data.persen_capaian or Decimal(0))}%"
                if r.persen > maks:
                    label = "▶ " + label  # the bar is cut at the axis end
                ujung = bx(r.persen)
                # A white box behind the number keeps it readable where it crosses the 100 % line.
                kotak = {"facecolor": "white", "edgecolor": "none", "pad": 0.8}
                if ujung + 1 + lebar_teks_mm(label, _PT - 0.5, True) > _ANGKA[0] - 1:
                    ax.text(
                        ujung - 1,
                        tengah,
                        label,
                        fontsize=_PT - 0.5,
                        ha="right",
                        va="center_baseline",
                        fontweight="bold",
                        bbox=kotak,
                        zorder=5,
                    )
                else:
                    ax.text(
                        ujung + 1,
                        tengah,
                        label,
                        fontsize=_PT - 0.5,
                        ha="left",
                        va="center_baseline",
                        fontweight="bold",
                        bbox=kotak,
                        zorder=5,
                    )
            y = bawah
        # The target line: 100 % is the target, whichever the indicator's direction.
        ax.plot(
            [bx(100), bx(100)],
            [y_grafik_bawah, y_grafik_atas],
            color="black",
            linewidth=1.1,
            linestyle=(0, (4, 2)),
        )
        ax.plot([x0, x0], [y_grafik_bawah, y_grafik_atas], color="black", linewidth=0.8)

        # Legend.
        ly = y_grafik_bawah - 3.0 - _BARIS / 2
        ax.add_patch(
            Rectangle((_TEPI, ly - 1.5), 6, 3, facecolor=_WARNA_TERCAPAI, edgecolor="black", linewidth=0.6)
        )
        ax.text(_TEPI + 8, ly, "target tercapai", fontsize=_PT - 0.5, va="center_baseline")
        ax.add_patch(
            Rectangle(
                (_TEPI + 40, ly - 1.5),
                6,
                3,
                facecolor=_WARNA_BELUM,
                hatch="////",
                edgecolor="black",
                linewidth=0.6,
            )
        )
        ax.text(_TEPI + 48, ly, "target belum tercapai", fontsize=_PT - 0.5, va="center_baseline")
        ax.plot(
            [_TEPI + 88, _TEPI + 88],
            [ly - 1.8, ly + 1.8],
            color="black",
            linewidth=1.1,
            linestyle=(0, (4, 2)),
        )
        ax.text(_TEPI + 90, ly, "target (100%)", fontsize=_PT - 0.5, va="center_baseline")
        ax.text(
            _TEPI + 118,
            ly,
            f"{_BINTANG}indikator strategis",
            fontsize=_PT - 0.5,
            va="center_baseline",
            fontweight="bold",
        )
        catatan = (
            "Capaian = realisasi ÷ target × 100%; untuk indikator yang makin kecil makin baik (target ≤) "
            "capaian = target ÷ realisasi × 100%."
        )
        for j, line in enumerate(wrap_mm(catatan, LEBAR_MM - 2 * _TEPI, _PT - 0.5)):
            ax.text(_TEPI, ly - (j + 1.3) * _BARIS, line, fontsize=_PT - 0.5, va="center_baseline")
        return png_matplotlib(fig)


def gambar_grafik_kesenjangan(data: Kesenjangan, nomor: str | None = "2.1") -> Gambar:
    """The gap chart ready for a document, with its caption."""
    return gambar(
        grafik_kesenjangan(data), keterangan(nomor, "Grafik Kesenjangan Target dan Realisasi Indikator")
    )
