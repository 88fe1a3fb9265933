"""Building blocks of worksheet-style documents: titled tables, lists and paragraphs as plain data.

The working papers (and the Draft STPP) print dozens of different tables, several with a number of
columns only known from the input (one column per agreed criterion, per budget year). Instead of one
template table per shape, the shipped template lays out a generic table on a fine grid of
:data:`GRID` equal columns; each cell spans as many grid columns as its width needs (docxtpl's
``{% colspan %}``). So every table gets proportional, exact widths in Word *and* LibreOffice (which
sizes columns from the grid, not from cell widths), and no Jinja tag ever sits in an XML attribute.

A block is a dict with every key present (the template renders with StrictUndefined):
``jenis`` (``paragraf`` | ``subjudul`` | ``daftar`` | ``tabel``), ``judul``, ``teks``, ``butir``,
``kolom``, ``baris``, ``catatan``. Cell styles (``gaya``): ``isi`` (left), ``angka`` (right),
``tengah`` (centred), ``tebal`` (bold, left: group and total labels), ``tebal_angka`` (bold, right).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assembler.render import Gambar

#: Grid columns of the template's generic table; must match tools/templates/kertas_kerja.py.
GRID = 100

GAYA = ("isi", "angka", "tengah", "tebal", "tebal_angka")

Blok = dict[str, Any]
#: A cell: one paragraph, or several (a list inside a cell).
Nilai = str | Sequence[str]


@dataclass(frozen=True)
class Kolom:
    """A column: header text, relative width, and the alignment of its body cells."""

    judul: str
    lebar: float = 1.0
    gaya: str = "isi"


@dataclass(frozen=True)
class Baris:
    """A body row; ``gaya`` overrides the columns' styles for every cell (e.g. a total row).

    ``gabung``: the first cell spans this many leading columns (a total's label over No and the
    text columns); 0 means "every column not taken by the remaining cells".
    """

    sel: tuple[Nilai, ...]
    gaya: tuple[str, ...] | None = None
    gabung: int = 1


@dataclass(frozen=True)
class Kelompok:
    """A full-width group row ("Aspek Teknis", "Tahap Rancangan Pelayanan") inside a table."""

    teks: str


#: A row as a builder writes it: a plain sequence of cells, a styled Baris, or a group heading.
Isi = Baris | Kelompok | Sequence[Nilai]


def baris(*sel: Nilai, gaya: Sequence[str] | None = None, gabung: int = 1) -> Baris:
    return Baris(tuple(sel), tuple(gaya) if gaya is not None else None, gabung)


def jumlah(label: str, *angka: str) -> Baris:
    """A total row: the bold label spans the leading columns, the figures fill the last columns."""
    return Baris((label, *angka), ("tebal", *(["tebal_angka"] * len(angka))), gabung=0)


def bagi_grid(bobot: Sequence[float], grid: int = GRID) -> list[int]:
    """Split ``grid`` columns in proportion to ``bobot`` (largest remainder), each column at least 1."""
    if not bobot:
        raise ValueError("tabel tanpa kolom")
    if len(bobot) > grid:
        raise ValueError(f"tabel dengan {len(bobot)} kolom melebihi {grid} kolom kisi")
    total = sum(bobot)
    ideal = [b / total * grid for b in bobot]
    spans = [max(1, int(x)) for x in ideal]
    # Hand out (or take back) the rounding difference where it matters least.
    while sum(spans) < grid:
        i = max(range(len(spans)), key=lambda k: (ideal[k] - spans[k], -k))
        spans[i] += 1
    while sum(spans) > grid:
        i = max((k for k in range(len(spans)) if spans[k] > 1), key=lambda k: (spans[k] - ideal[k], k))
        spans[i] -= 1
    return spans


def _paragraf(nilai: Nilai) -> list[str]:
    items = [nilai] if isinstance(nilai, str) else [str(x) for x in nilai]
    # A cell needs at least one paragraph to be valid OOXML.
    return items or [""]


def _blok(jenis: str, **isi: object) -> Blok:
    blok: Blok = {"jenis": jenis, "judul": "", "teks": "", "butir": [], "kolom": [], "baris": [], "catatan": []}
    blok.update(isi)
    return blok


def paragraf(teks: str) -> Blok:
    return _blok("paragraf", teks=teks)


def subjudul(teks: str) -> Blok:
    return _blok("subjudul", teks=teks)


def daftar(judul: str, butir: Iterable[str], *, bernomor: bool = True) -> Blok:
    """A titled list: ``1.``, ``2.`` ... or dashes."""
    items = list(butir)
    return _blok(
        "daftar",
        judul=judul,
        butir=[{"tanda": f"{i}." if bernomor else "–", "teks": t} for i, t in enumerate(items, start=1)],
    )


def tabel(
    judul: str,
    kolom: Sequence[Kolom],
    isi: Iterable[Isi],
    catatan: Iterable[str] = (),
) -> Blok:
    """A titled table (the number is added by :func:`nomori`); rows may be plain sequences of cells."""
    spans = bagi_grid([k.lebar for k in kolom])
    rows: list[dict[str, Any]] = []
    for row in isi:
        if isinstance(row, Kelompok):
            rows.append({"sel": [{"lebar": GRID, "gaya": "tebal", "teks": _paragraf(row.teks)}]})
            continue
        b = row if isinstance(row, Baris) else Baris(tuple(row))
        gabung = b.gabung or len(kolom) - len(b.sel) + 1
        if gabung < 1 or len(b.sel) + gabung - 1 != len(kolom):
            raise ValueError(f"{judul}: baris dengan {len(b.sel)} sel (gabung {gabung}), tabel {len(kolom)} kolom")
        row_spans = [sum(spans[:gabung]), *spans[gabung:]]
        styles = b.gaya or (kolom[0].gaya, *(k.gaya for k in kolom[gabung:]))
        rows.append(
            {
                "sel": [
                    {"lebar": span, "gaya": gaya, "teks": _paragraf(nilai)}
                    for span, gaya, nilai in zip(row_spans, styles, b.sel, strict=True)
                ]
            }
        )
    return _blok(
        "tabel",
        judul=judul,
        kolom=[{"judul": k.judul, "lebar": span} for k, span in zip(kolom, spans, strict=True)],
        baris=rows,
        catatan=list(catatan),
    )


#: Printable height of a landscape F4 page of the working papers, less the caption: pictures made
#: for portrait pages are shrunk to it rather than cut off at the page foot.
TINGGI_GAMBAR_MM = 140.0


def gambar(g: Gambar, tinggi_maks: float = TINGGI_GAMBAR_MM) -> Blok:
    """A generated picture with its caption (numbered by :func:`nomori`, like the tables)."""
    import dataclasses

    from assembler.pictures.common import lebar_cetak_mm

    judul = g.keterangan.removeprefix("Gambar ").strip()
    fitted = dataclasses.replace(g, lebar_mm=min(g.lebar_mm, lebar_cetak_mm(g.png, g.lebar_mm, tinggi_maks)))
    return _blok("gambar", judul=judul, gambar=fitted)


def nomori(blok: Iterable[Blok], awalan: str, mulai: int = 1) -> int:
    """Number tables and pictures in reading order: ``Tabel 2.1 <judul>``, ``Gambar 2.1 <judul>``.

    Returns the next table number; pictures have their own sequence.
    """
    n = mulai
    g = 1
    for b in blok:
        if b["jenis"] == "tabel":
            b["judul"] = f"Tabel {awalan}.{n} {b['judul']}"
            n += 1
        elif b["jenis"] == "gambar":
            b["judul"] = f"Gambar {awalan}.{g} {b['judul']}"
            g += 1
    return n
