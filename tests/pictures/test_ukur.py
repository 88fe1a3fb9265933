"""wrap_mm sums word widths instead of measuring every growing line: the line breaks must not change.

The reference below is the wrap siap used before (every joined line measured whole); both are run on
words from the example workspace and on a stress set (kerning pairs, ligatures, quotes, combining
marks, zero-width and missing characters, over-long words), at several sizes and widths.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

from assembler.pictures import ukur
from assembler.pictures.ukur import lebar_teks_mm, wrap_mm

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"

STRESS = [
    "Rp5.000.000", "“kutip”", "‘a’", "—", "–", "%", "(x)", "A/B", "AVA", "T.", "f,", "ffi", "fl", "Wa", "Ta", "LT",
    "Yo", "é", "e\u0301", "\u0301a", "\u200b", "a\u200db", "ﬁ", "日本", "😀", "x\u00ad", "\ue000", "Ω", "ß", "İ", "№",
    "…", "•", "→", "'", '"', "«»", "¿", "½", "²", "A", "V", "Y", "L", "P", ".", ",", ";", ":", "-", "_", "1", "11",
    "7.", "x" * 40, "https://contoh.go.id/jalan/panjang/sekali/tanpa/spasi",
]


def reference_wrap(text: str, lebar_mm: float, pt: float, tebal: bool = False) -> list[str]:
    """The wrap before summing: every trial line measured."""
    words = text.split()
    if not words:
        return [""]
    lines: list[str] = []
    current = ""
    for word in words:
        while lebar_teks_mm(word, pt, tebal) > lebar_mm and len(word) > 1:
            cut = max((n for n in range(1, len(word)) if lebar_teks_mm(word[:n], pt, tebal) <= lebar_mm), default=1)
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{current} {word}" if current else word
        if lebar_teks_mm(trial, pt, tebal) <= lebar_mm:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def _vocabulary() -> list[str]:
    words: set[str] = set()
    for path in sorted(CONTOH.rglob("*.yaml")):
        words.update(re.findall(r"[^\s:#\-\[\]{}]+", path.read_text(encoding="utf-8")))
    return sorted(words)


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pool = _vocabulary()
    texts = []
    for _ in range(count):
        mix = pool if rng.random() < 0.6 else pool + STRESS * 20
        texts.append(" ".join(rng.choice(mix) for _ in range(rng.randint(1, 18))))
    return texts


@pytest.mark.parametrize(("pt", "tebal"), [(7.5, False), (8.0, False), (8.0, True), (8.5, True), (9.0, False)])
def test_line_breaks_are_those_of_measuring_every_line(pt: float, tebal: bool) -> None:
    rng = random.Random(int(pt * 10) + tebal)
    for text in _texts(int(pt * 100) + tebal, 60):
        for lebar in (6.0, 18.5, 27.3, 40.0, rng.uniform(4, 70)):
            assert wrap_mm(text, lebar, pt, tebal) == reference_wrap(text, lebar, pt, tebal), (text, lebar)


def test_word_widths_add_up_to_the_line_width() -> None:
    """The premise: a line's width is its words' widths, the spaces' and the kerning across them."""
    checked = 0
    for text in _texts(7, 150):
        words = text.split()
        total = ukur._lebar_px(words[0], 8.0, False)
        for left, right in itertools.pairwise(words):
            kern = ukur._sambungan_px(left[-1], right[0], 8.0, False)
            if kern is None:
                break
            total += ukur._lebar_px(" ", 8.0, False) + kern + ukur._lebar_px(right, 8.0, False)
        else:
            assert ukur._lebar_px(" ".join(words), 8.0, False) == total, text
            checked += 1
    assert checked > 50


def test_a_character_wider_than_the_line_keeps_its_empty_line() -> None:
    """As before: a one-character word wider than the line leaves the (empty) line before it."""
    assert wrap_mm("W", 0.5, 9.0) == reference_wrap("W", 0.5, 9.0) == ["", "W"]
