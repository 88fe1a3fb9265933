"""Flowchart tiles of the SOP tables (PermenPAN-RB 35/2012): one small PNG per executor cell.

A tile is exactly as wide as its cell and as tall as its row, and draws its share of the chart: the
symbol, the arrow coming in, the horizontal run to another executor's column and the line on down.
Placed side by side and row under row, the tiles join into one flowchart (docs/dev/sop-simbol.md).
Pillow writes no time chunk, so the bytes depend only on the tile.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.pictures.common import DPI, FONT, MM_PER_INCH
from assembler.render import Gambar

#: The five symbols of §2.5 (the arrow is the flow line itself).
JENIS = ("terminator", "proses", "keputusan", "penghubung")

#: Where flow lines turn towards another column, from the top of the row (mm).
BELOK_MM = 2.0
#: Top and height of a symbol (mm): just under the turn, beside the first line of the Kegiatan text.
SIMBOL_ATAS_MM = 4.5
SIMBOL_TINGGI_MM = 6.0
SIMBOL_LEBAR_MAKS_MM = 15.0
GARIS_MM = 0.3
PANAH_MM = 1.4


@dataclass(frozen=True)
class Ubin:
    """One executor cell of one row of the chart.

    ``dari_atas``: the flow enters from the top edge (down to the turn); ``kiri``/``kanan``: a flow
    line at the turn from the left/right edge to the centre; ``masuk``: the line from the turn down
    into the symbol, with an arrowhead; ``ke_bawah``: the line from the symbol (or the top) to the
    bottom edge.
    """

    lebar_mm: float
    tinggi_mm: float
    simbol: str | None = None
    label: str = ""
    dari_atas: bool = False
    kiri: bool = False
    kanan: bool = False
    masuk: bool = False
    ke_bawah: bool = False


def _px(mm: float) -> int:
    return round(mm / MM_PER_INCH * DPI)


@functools.lru_cache(maxsize=1)
def _font_path() -> str:
    """The DejaVu Sans that matplotlib ships (what its ``findfont`` picks for it), found without importing
    matplotlib: a build whose charts all come from the picture cache then never loads it (~0.3 s)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        bundled = Path(folder) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if bundled.is_file():
            return str(bundled)
    from matplotlib import font_manager  # pragma: no cover - matplotlib always ships its DejaVu Sans

    return str(font_manager.findfont(FONT, fallback_to_default=True))  # pragma: no cover


def _font(size_mm: float) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(_font_path(), _px(size_mm))


def _simbol(draw: Any, jenis: str, cx: int, top: int, w: int, h: int, lw: int, label: str) -> None:
    x0, x1, y1 = cx - w // 2, cx + w // 2, top + h
    if jenis == "terminator":
        draw.rounded_rectangle((x0, top, x1, y1), radius=h // 2, outline=0, width=lw, fill=255)
    elif jenis == "proses":
        draw.rectangle((x0, top, x1, y1), outline=0, width=lw, fill=255)
    elif jenis == "keputusan":
        pts = [(cx, top), (x1, top + h // 2), (cx, y1), (x0, top + h // 2)]
        draw.polygon(pts, outline=0, width=lw, fill=255)
    elif jenis == "penghubung":
        x0, x1 = cx - h // 2, cx + h // 2
        pts = [(x0, top), (x1, top), (x1, top + h * 3 // 5), (cx, y1), (x0, top + h * 3 // 5)]
        draw.polygon(pts, outline=0, width=lw, fill=255)
    else:  # pragma: no cover - JENIS is closed
        raise ValueError(jenis)
    if label:
        draw.text((cx, top + h * 2 // 5), label, fill=0, font=_font(3.0), anchor="mm")


@functools.lru_cache(maxsize=512)
def png_ubin(ubin: Ubin) -> bytes:
    """The tile as PNG bytes (greyscale, 300 dpi)."""
    from PIL import Image, ImageDraw

    w, h = _px(ubin.lebar_mm), _px(ubin.tinggi_mm)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    lw = max(1, _px(GARIS_MM))
    cx, belok = w // 2, _px(BELOK_MM)
    lebar_simbol = min(_px(SIMBOL_LEBAR_MAKS_MM), w - _px(3.0))
    atas, tinggi = _px(SIMBOL_ATAS_MM), _px(SIMBOL_TINGGI_MM)
    bawah = atas + tinggi if ubin.simbol else 0
    if ubin.dari_atas:
        draw.line((cx, 0, cx, belok), fill=0, width=lw)
    if ubin.kiri:
        draw.line((0, belok, cx, belok), fill=0, width=lw)
    if ubin.kanan:
        draw.line((cx, belok, w, belok), fill=0, width=lw)
    if ubin.masuk:
        ujung = atas if ubin.simbol else h
        draw.line((cx, belok, cx, ujung), fill=0, width=lw)
        p = _px(PANAH_MM)
        draw.polygon([(cx - p // 2, ujung - p), (cx + p // 2, ujung - p), (cx, ujung)], fill=0)
    if ubin.ke_bawah:
        draw.line((cx, bawah, cx, h), fill=0, width=lw)
    if ubin.simbol:
        _simbol(draw, ubin.simbol, cx, atas, lebar_simbol, tinggi, lw, ubin.label)
    out = io.BytesIO()
    # White is transparent: the table's cell borders show through between the executor columns.
    img.save(out, format="PNG", dpi=(DPI, DPI), transparency=255)
    return out.getvalue()


def gambar_ubin(ubin: Ubin) -> Gambar:
    """The tile as a picture of its exact print size."""
    return Gambar(png_ubin(ubin), ubin.lebar_mm, tinggi_mm=ubin.tinggi_mm)


_NAMA = (
    ("terminator", "mulai/selesai"),
    ("proses", "kegiatan"),
    ("keputusan", "keputusan"),
    ("penghubung", "penghubung ke halaman lain"),
)


@functools.lru_cache(maxsize=1)
def png_legenda() -> bytes:
    """The legend: the five symbols with their names on one line (the arrow is the flow line)."""
    from PIL import Image, ImageDraw

    h = _px(8.0)
    font = _font(2.6)
    lw = max(1, _px(GARIS_MM))
    kotak = _px(10.0)
    x = 0
    parts: list[tuple[str, int, str]] = []
    for jenis, nama in [*_NAMA, ("panah", "arah alur")]:
        parts.append((jenis, x, nama))
        x += kotak + _px(2.0) + int(font.getlength(nama)) + _px(6.0)
    img = Image.new("L", (x, h), 255)
    draw = ImageDraw.Draw(img)
    for jenis, x0, nama in parts:
        cx = x0 + kotak // 2
        if jenis == "panah":
            draw.line((x0, h // 2, x0 + kotak - _px(PANAH_MM), h // 2), fill=0, width=lw)
            p = _px(PANAH_MM)
            draw.polygon([(x0 + kotak - p, h // 2 - p // 2), (x0 + kotak - p, h // 2 + p // 2),
                          (x0 + kotak, h // 2)], fill=0)
        else:
            _simbol(draw, jenis, cx, _px(1.0), kotak, _px(SIMBOL_TINGGI_MM), lw, "A" if jenis == "penghubung" else "")
        draw.text((x0 + kotak + _px(2.0), h // 2), nama, fill=0, font=font, anchor="lm")
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def gambar_legenda() -> Gambar:
    """The legend at its natural print size."""
    png = png_legenda()
    from assembler.pictures.common import ukuran_alami_mm

    lebar, tinggi = ukuran_alami_mm(png)
    return Gambar(png, lebar, tinggi_mm=tinggi)
