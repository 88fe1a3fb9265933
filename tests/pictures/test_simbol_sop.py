"""SOP flowchart tiles: lines reach exactly the edges a neighbouring tile continues from."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from assembler.pictures.common import DPI, MM_PER_INCH
from assembler.pictures.simbol_sop import BELOK_MM, JENIS, Ubin, png_legenda, png_ubin


def _img(ubin: Ubin) -> Image.Image:
    return Image.open(io.BytesIO(png_ubin(ubin))).convert("L")


def _px(mm: float) -> int:
    return round(mm / MM_PER_INCH * DPI)


def _dark(img: Image.Image, x: int, y: int) -> bool:
    return int(img.getpixel((x, y))) < 128  # type: ignore[arg-type]


def test_tile_is_its_print_size_at_300_dpi_with_white_transparent() -> None:
    png = png_ubin(Ubin(25.0, 20.0, "proses"))
    img = Image.open(io.BytesIO(png))
    assert img.size == (_px(25.0), _px(20.0))
    assert img.info.get("transparency") == 255  # the table's borders show through


def test_lines_reach_the_edges_the_neighbours_continue_from() -> None:
    img = _img(Ubin(25.0, 20.0, None, "", dari_atas=True, kanan=True))
    w, h = img.size
    cx, bend = w // 2, _px(BELOK_MM)
    assert _dark(img, cx, 0) and _dark(img, w - 1, bend) and not _dark(img, 0, bend)
    assert not _dark(img, cx, h - 1)
    target = _img(Ubin(25.0, 20.0, "proses", "", kiri=True, masuk=True, ke_bawah=True))
    assert _dark(target, 0, bend) and not _dark(target, w - 1, bend) and not _dark(target, cx, 0)
    assert _dark(target, cx, h - 1)
    through = _img(Ubin(25.0, 20.0, None, "", kiri=True, kanan=True))
    assert _dark(through, 0, bend) and _dark(through, w - 1, bend) and not _dark(through, cx, h - 1)


@pytest.mark.parametrize("jenis", JENIS)
def test_every_symbol_is_drawn_and_deterministic(jenis: str) -> None:
    ubin = Ubin(25.0, 14.0, jenis, "A" if jenis == "penghubung" else "")
    png = png_ubin(ubin)
    png_ubin.cache_clear()
    assert png_ubin(ubin) == png
    img = _img(ubin)
    assert sum(img.histogram()[:128]) > 100  # dark pixels: the symbol is there
    assert png != png_ubin(Ubin(25.0, 14.0, None))


def test_legend_shows_the_five_symbols() -> None:
    img = Image.open(io.BytesIO(png_legenda())).convert("L")
    assert img.size[1] == _px(8.0) and img.size[0] > _px(100.0)
