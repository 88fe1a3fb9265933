"""Text measurement for the pictures: widths in DejaVu Sans as drawn at 300 dpi, and word wrap to a width.

Measuring a string costs FreeType a glyph load and hint per character (~45 µs each), and a greedy
wrap measures its growing line once per word: most of the time of drawing a boxed chart. The width
matplotlib reports is additive over words: the width of ``"a b"`` is the width of ``"a"``, of
``" "`` and of ``"b"`` plus the kerning across the space (zero in DejaVu, but measured: the width of
``"x y"`` against its three parts, once per pair of boundary characters). :func:`wrap_mm` therefore
decides most lines from the widths of their words, and measures the whole line only when that sum
lies within a safety margin of the limit; the lines (and so the pictures' bytes) are the ones
measuring every line gives (``tests/pictures/test_ukur.py`` compares both on every string of the
example and a stress set).
"""

from __future__ import annotations

import unicodedata
import warnings
from functools import lru_cache
from typing import Any

#: Resolution of every PNG: print quality at the sizes below, and a fixed value keeps bytes stable.
DPI = 300
#: The only font family used: installed here and in CI (fonts-dejavu-core), full Indonesian coverage.
FONT = "DejaVu Sans"
MM_PER_INCH = 25.4
#: matplotlib's warning for a character the font lacks (drawn as an empty box).
GLYPH_HILANG = r"Glyph \d+ .*missing from font"

#: How far (pixels at :data:`DPI`) a line's width summed from its words is trusted: a line whose sum
#: is nearer the limit than this, per word joined without measuring, is measured whole. The sums
#: have been exact on every string tried; the margin only keeps a surprise from moving a line break.
_SLACK_PX = 1.0
#: Boundary characters whose joins are summed; anything else (a combining mark, a format or control
#: character, a private-use glyph) may be shaped together with the space, so the line is measured.
_SUMMABLE = frozenset("LNPS")


@lru_cache(maxsize=8192)
def _lebar_px(text: str, pt: float, tebal: bool) -> float:
    """Width of ``text`` in pixels at :data:`DPI`, as matplotlib lays it out for drawing."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = _pengukur(RendererAgg)
    prop = FontProperties(family=FONT, size=pt, weight="bold" if tebal else "normal")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=GLYPH_HILANG, category=UserWarning)
        lebar, _tinggi, _turun = renderer.get_text_width_height_descent(text, prop, ismath=False)
    return float(lebar)


def lebar_teks_mm(text: str, pt: float, tebal: bool = False) -> float:
    """Width of ``text`` set in DejaVu Sans at ``pt`` points, measured with the font's real metrics."""
    return _px_to_mm(_lebar_px(text, pt, tebal))  # measured at the output resolution, as it will be drawn


def _px_to_mm(px: float) -> float:
    return px / DPI * MM_PER_INCH


_RENDERER: list[Any] = []


def _pengukur(cls: Any) -> Any:
    if not _RENDERER:
        _RENDERER.append(cls(10, 10, DPI))
    return _RENDERER[0]


@lru_cache(maxsize=4096)
def _sambungan_px(kiri: str, kanan: str, pt: float, tebal: bool) -> float | None:
    """What joining two words with a space adds besides the space: the kerning across it, or None.

    ``kiri`` is the last character of the left word, ``kanan`` the first of the right one; None
    when either may be shaped together with the space (then the joined line is always measured).
    """
    if not (_summable(kiri) and _summable(kanan)):
        return None
    whole = _lebar_px(f"{kiri} {kanan}", pt, tebal)
    return whole - _lebar_px(kiri, pt, tebal) - _lebar_px(" ", pt, tebal) - _lebar_px(kanan, pt, tebal)


def _summable(char: str) -> bool:
    return unicodedata.category(char)[0] in _SUMMABLE


def wrap_mm(text: str, lebar_mm: float, pt: float, tebal: bool = False) -> list[str]:
    """Greedy word wrap to a width in millimetres; a word longer than a line is cut by characters.

    A word joins the line when the joined line's measured width is at most ``lebar_mm``; that width
    is known from the words' widths unless it lies near the limit (see the module's notes).
    """
    words = text.split()
    if not words:
        return [""]
    lines: list[str] = []
    current = ""
    lebar = 0.0  # the width of ``current`` in pixels, within ``ragu`` pixels either way
    ragu = 0.0
    for word in words:
        while lebar_teks_mm(word, pt, tebal) > lebar_mm and len(word) > 1:
            # Cut an over-long word (a code, a URL) at the last character that still fits.
            cut = max(
                (n for n in range(1, len(word)) if lebar_teks_mm(word[:n], pt, tebal) <= lebar_mm), default=1
            )
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        lebar_kata = _lebar_px(word, pt, tebal)
        if not current:  # a line's first word (wider than the line only if it is one character)
            if _px_to_mm(lebar_kata) > lebar_mm:
                lines.append(current)
            current, lebar, ragu = word, lebar_kata, 0.0
            continue
        trial = f"{current} {word}"
        kern = _sambungan_px(current[-1], word[0], pt, tebal)
        if kern is not None:
            perkiraan = lebar + _lebar_px(" ", pt, tebal) + kern + lebar_kata
            batas = ragu + _SLACK_PX
            if _px_to_mm(perkiraan + batas) <= lebar_mm:  # fits even if the sum is off by the margin
                current, lebar, ragu = trial, perkiraan, batas
                continue
            if _px_to_mm(perkiraan - batas) > lebar_mm:  # overflows even so
                lines.append(current)
                current, lebar, ragu = word, lebar_kata, 0.0
                continue
        exact = _lebar_px(trial, pt, tebal)
        if _px_to_mm(exact) <= lebar_mm:
            current, lebar, ragu = trial, exact, 0.0
        else:
            lines.append(current)
            current, lebar, ragu = word, lebar_kata, 0.0
    lines.append(current)
    return lines
