"""Struktur Organisasi Pokja (Topik 1.1) as an organisation chart, drawn by Graphviz.

Leadership positions stack top-down in the decree's order (Pengarah, Penanggung Jawab, Ketua,
Wakil Ketua, Sekretaris); the Anggota, often the majority, sit in a grid of three or four columns
so the chart keeps a portrait page's width however many members there are. Tim Inti members get a
double border and a written "Tim Inti" tag, so the marking survives black-and-white printing.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from assembler.models.tahap1 import KEDUDUKAN_LABEL
from assembler.pictures.common import (
    CATATAN_PENGGANTI,
    MM_PER_INCH,
    GraphvizTidakAdaError,
    atribut_graf,
    gambar,
    graphviz,
    html,
    html_lines,
    keterangan,
    pengganti_graphviz,
    png_graphviz,
    sekali,
    wrap_mm,
)

if TYPE_CHECKING:  # pragma: no cover
    from assembler.models.tahap1 import AnggotaPokja, StakeholderPokja
    from assembler.render import Gambar

_PIMPINAN = ("pengarah", "penanggung_jawab", "ketua", "wakil_ketua", "sekretaris")
_PT = 8.0
_LEBAR_PIMPINAN_MM = 72.0
_LEBAR_GRAF_MM = 134.0  # the grid's boxes and gaps: with the cluster's frame the chart is ~155 mm wide
_MARGIN_IN = 0.05  # a box's inner margin left and right, inches
_ISI_MM = 2 * _MARGIN_IN * MM_PER_INCH + 1.2  # text inset inside a box (margins + border), mm
_WARNA_INTI = "#dbe7f3"


def kolom_anggota(jumlah: int) -> int:
    """Columns of the Anggota grid: three keep long office names to three or four lines."""
    return 3 if jumlah <= 12 else 4


def _kotak(node: str, a: AnggotaPokja, lebar_mm: float, inti: bool) -> str:
    label = KEDUDUKAN_LABEL[a.kedudukan].upper()
    isi = lebar_mm - _ISI_MM
    baris = [f"<B>{html(label)}</B>{'  ● <I>Tim Inti</I>' if inti else ''}"]
    baris.append(html_lines(wrap_mm(a.jabatan, isi, _PT)))
    baris.append("<B>" + html_lines(wrap_mm(a.nama, isi, _PT, tebal=True)) + "</B>")
    atribut = [
        f"label=<{'<BR/>'.join(baris)}>",
        f'width="{lebar_mm / MM_PER_INCH:.3f}"',
    ]
    if inti:
        atribut += ['peripheries="2"', 'style="filled"', f'fillcolor="{_WARNA_INTI}"', 'penwidth="1.2"']
    return f"  {node} [{' '.join(atribut)}];\n"


def bagian_anggota(jumlah: int) -> list[range]:
    """Which Anggota each page-sized part shows: up to 12 under the leadership, then 24 per
    continuation page, since five-line boxes fill a portrait page at about three and six rows."""
    if jumlah <= 12:
        return [range(jumlah)]
    parts = [range(12)]
    for start in range(12, jumlah, 24):
        parts.append(range(start, min(start + 24, jumlah)))
    return parts


def sumber_struktur_pokja(data: StakeholderPokja, bagian: range | None = None) -> str:
    """The DOT text of the chart (tests read it to find every member).

    ``bagian`` limits the Anggota to a continuation part: the leadership appears only in the part
    starting with the first Anggota.
    """
    pokja = data.pokja
    inti = set(pokja.tim_inti)
    out = [
        "digraph struktur_pokja {\n",
        atribut_graf(rankdir="TB", nodesep="0.12", ranksep="0.25", splines="line", compound="true"),
    ]
    out.append(
        f'  node [style="solid" penwidth="0.9" fontsize="{_PT:g}" margin="{_MARGIN_IN},0.04"];\n'
        '  edge [arrowhead="none"];\n'
    )
    nodes: dict[str, str] = {}
    tingkat: list[list[str]] = []
    semua = pokja.dengan_kedudukan("anggota")
    bagian = bagian if bagian is not None else range(len(semua))
    for kedudukan in _PIMPINAN if bagian.start == 0 else ():
        anggota = pokja.dengan_kedudukan(kedudukan)
        if not anggota:
            continue
        row = []
        for a in anggota:
            name = f"n{len(nodes)}"
            nodes[a.id] = name
            row.append(name)
            out.append(_kotak(name, a, _LEBAR_PIMPINAN_MM, a.id in inti))
        out.append(f'  {{ rank="same"; {"; ".join(row)}; }}\n')
        tingkat.append(row)
    # Each level hangs under the middle box of the level above it.
    for atas, bawah in itertools.pairwise(tingkat):
        for node in bawah:
            out.append(f"  {atas[len(atas) // 2]} -> {node};\n")

    anggota = [semua[i] for i in bagian]
    if anggota:
        cols = kolom_anggota(len(semua))
        lebar = (_LEBAR_GRAF_MM - (cols - 1) * 0.12 * MM_PER_INCH) / cols
        grid: list[list[str]] = []
        for i, a in enumerate(anggota):
            if i % cols == 0:
                grid.append([])
            name = f"n{len(nodes)}"
            nodes[a.id] = name
            grid[-1].append(name)
            out.append(_kotak(name, a, lebar, a.id in inti))
        judul = f"ANGGOTA ({len(semua)} orang)"
        if len(anggota) < len(semua):
            judul = f"ANGGOTA {bagian.start + 1}–{bagian.stop} dari {len(semua)} orang"
            judul += "" if bagian.start == 0 else " (lanjutan)"
        out.append(
            f"  subgraph cluster_anggota {{ label=<<B>{judul}</B>>; "
            'labeljust="l"; style="dashed"; penwidth="0.8"; margin="8";\n'
        )
        for row in grid:
            # Invisible edges inside a row keep the written order from left to right.
            chain = f' {" -> ".join(row)} [style="invis"];' if len(row) > 1 else ""
            out.append(f'    {{ rank="same"; {"; ".join(row)};{chain} }}\n')
        for atas_row, bawah_row in itertools.pairwise(grid):
            for a_node, b_node in zip(atas_row, bawah_row, strict=False):
                out.append(f'    {a_node} -> {b_node} [style="invis"];\n')
        out.append("  }\n")
        if tingkat:
            mid = grid[0][len(grid[0]) // 2]
            out.append(f'  {tingkat[-1][len(tingkat[-1]) // 2]} -> {mid} [lhead="cluster_anggota"];\n')
    if inti:
        # The legend is the graph's own bottom label: always centred under the chart, never in the way.
        out.append(
            '  labelloc="b"; fontsize="8"; label=<<BR/>Kotak bergaris ganda dengan tanda ● <I>Tim Inti</I>: '
            "anggota Tim Inti Pokja>;\n"
        )
    out.append("}\n")
    return "".join(out)


@graphviz
@sekali
def struktur_pokja(data: StakeholderPokja) -> bytes:
    """PNG of the Pokja's whole organisation chart (tall for a large Pokja: see the parts below)."""
    return png_graphviz(sumber_struktur_pokja(data), "Struktur Organisasi Pokja")


@graphviz
@sekali
def potongan_struktur_pokja(data: StakeholderPokja) -> list[bytes]:
    """The chart in page-sized parts: one part unless the Pokja has more than 16 Anggota."""
    jumlah = len(data.pokja.dengan_kedudukan("anggota"))
    return [
        png_graphviz(sumber_struktur_pokja(data, bagian), "Struktur Organisasi Pokja")
        for bagian in bagian_anggota(jumlah)
    ]


def gambar_struktur_pokja(data: StakeholderPokja, nomor: str | None = "1.1") -> list[Gambar]:
    """The chart ready for the SK's Lampiran or a working paper: one Gambar per page-sized part.

    Without Graphviz the chart is one notice saying so (the build warns once), not a failed build.
    """
    judul = "Struktur Organisasi Pokja"
    try:
        pngs = potongan_struktur_pokja(data)
    except GraphvizTidakAdaError:
        pengganti = pengganti_graphviz(judul)
        return [replace(pengganti, keterangan=f"{keterangan(nomor, judul)} ({CATATAN_PENGGANTI})")]
    if len(pngs) == 1:
        return [gambar(pngs[0], keterangan(nomor, judul))]
    return [
        gambar(png, keterangan(nomor, f"{judul} (bagian {i} dari {len(pngs)})"))
        for i, png in enumerate(pngs, 1)
    ]
