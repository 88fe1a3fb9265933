"""Bagan Alir prosedur (Topik 4.2): current and improved procedure side by side, drawn by Graphviz.

Each current step carries its agreed change as a fill colour, a border style and a written tag
("[digabung]"), so the picture reads the same in black and white; the step it flows into is
written in the box ("→ B2") instead of drawing crossing arrows between the columns. A long
procedure is cut into parts that each fit one page, rather than shrunk until it cannot be read.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from assembler.analysis.prosedur import teks_total, total_durasi
from assembler.pictures.common import (
    CATATAN_PENGGANTI,
    MM_PER_INCH,
    GraphvizTidakAdaError,
    angka,
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
    from collections.abc import Sequence

    from assembler.models.tahap4 import Langkah, LangkahSaatIni, Layanan
    from assembler.render import Gambar

_PT = 8.0
_LEBAR_KOTAK_MM = 64.0
_MARGIN_IN = 0.06
_ISI_MM = 2 * _MARGIN_IN * MM_PER_INCH + 1.5
#: Most steps of one column in one picture: about a portrait page at natural size.
MAKS_LANGKAH = 8

#: Change type -> (fill, Graphviz style, border width, legend text). Colour helps on screen;
#: the border style and the written tag carry the meaning on a black-and-white print.
GAYA_PERUBAHAN: dict[str, tuple[str, str, str, str]] = {
    "tetap": ("#ffffff", "filled", "0.9", "tidak berubah"),
    "disederhanakan": ("#d9f0d3", "filled,bold", "1.6", "dipermudah atau dipercepat"),
    "digabung": ("#d6e6f5", "filled,rounded", "1.2", "digabung dengan langkah lain"),
    "dilimpahkan": ("#fde0c5", "filled,diagonals", "1.2", "dilimpahkan ke pelaksana lain"),
    "dihapus": ("#eeeeee", "filled,dashed", "1.2", "ditiadakan"),
}


def _durasi(s: Langkah) -> str:
    return f"{angka(Decimal(str(s.durasi.nilai)))} {s.durasi.satuan}"


def _kotak(node: str, s: Langkah, perubahan: LangkahSaatIni | None) -> str:
    isi = _LEBAR_KOTAK_MM - _ISI_MM
    kepala = f"<B>{html(s.kode)}</B>"
    atribut = [f'width="{_LEBAR_KOTAK_MM / MM_PER_INCH:.3f}"']
    if perubahan is not None:
        p = perubahan.perubahan
        fill, style, pen, _ = GAYA_PERUBAHAN[p.jenis]
        kepala += f"  <B>[{p.jenis}]</B>"
        atribut += [f'style="{style}"', f'fillcolor="{fill}"', f'penwidth="{pen}"']
    baris = [kepala, html_lines(wrap_mm(s.uraian, isi, _PT))]
    baris.append("<I>" + html_lines(wrap_mm(f"Pelaku: {s.pelaku}", isi, _PT - 0.5)) + "</I>")
    info = f"Waktu: {_durasi(s)}"
    if perubahan is not None:
        p = perubahan.perubahan
        if p.jenis == "dilimpahkan" and p.dilimpahkan_kepada:
            info += f"; dilimpahkan kepada {p.dilimpahkan_kepada}"
        if p.langkah_baru:
            info += f"; menjadi {', '.join(p.langkah_baru)}"
    baris.append(html_lines(wrap_mm(info, isi, _PT - 0.5)))
    label = "<BR/>".join(
        baris[:1] + baris[1:2] + [f'<FONT POINT-SIZE="{_PT - 0.5:g}">{b}</FONT>' for b in baris[2:]]
    )
    return f"    {node} [label=<{label}> {' '.join(atribut)}];\n"


def _kolom(
    nama: str,
    judul: str,
    langkah: Sequence[Langkah],
    saat_ini: bool,
    awal: int,
    lanjut: bool,
    bersambung: bool,
) -> str:
    out = [
        f'  subgraph cluster_{nama} {{ label=<<B>{judul}</B>>; labeljust="c"; style="rounded"; '
        'penwidth="0.8"; margin="10";\n'
    ]
    nodes = [f"{nama}{awal + i}" for i in range(len(langkah))]
    if lanjut:
        out.append(f'    {nama}_lanjut [shape="plaintext" fontsize="7.5" label=<<I>… lanjutan</I>>];\n')
        nodes.insert(0, f"{nama}_lanjut")
    for i, s in enumerate(langkah):
        out.append(_kotak(f"{nama}{awal + i}", s, s if saat_ini else None))  # type: ignore[arg-type]
    if bersambung:
        out.append(f'    {nama}_sambung [shape="plaintext" fontsize="7.5" label=<<I>bersambung …</I>>];\n')
        nodes.append(f"{nama}_sambung")
    for a, b in itertools.pairwise(nodes):
        out.append(f"    {a} -> {b};\n")
    out.append("  }\n")
    return "".join(out)


def _legenda() -> str:
    sel = "".join(
        f'<TD BGCOLOR="{fill}" BORDER="1" CELLPADDING="3"><B>[{jenis}]</B></TD>'
        f'<TD ALIGN="LEFT" CELLPADDING="3">{html(arti)}</TD>' + ("</TR><TR>" if i % 2 == 1 else "")
        for i, (jenis, (fill, _s, _p, arti)) in enumerate(GAYA_PERUBAHAN.items())
    )
    return (
        '  labelloc="b"; fontsize="7.5"; label=<<TABLE BORDER="0" CELLSPACING="2">'
        f'<TR><TD COLSPAN="4" ALIGN="LEFT"><B>Keterangan perubahan langkah prosedur saat ini:</B></TD></TR>'
        f"<TR>{sel}</TR></TABLE>>;\n"
    )


def bagian_bagan_alir(layanan: Layanan, maks_langkah: int = MAKS_LANGKAH) -> list[tuple[range, range]]:
    """How a long procedure is cut: per part, the current and the improved steps it shows.

    Both columns are cut into the same number of parts, evenly, so each part shows the matching
    stretch of the old and the new procedure.
    """
    n_lama, n_baru = len(layanan.langkah_saat_ini), len(layanan.langkah_perbaikan)
    parts = max(1, math.ceil(max(n_lama, n_baru) / maks_langkah))

    def cut(n: int, k: int) -> range:
        return range(n * k // parts, n * (k + 1) // parts)

    return [(cut(n_lama, k), cut(n_baru, k)) for k in range(parts)]


def sumber_bagan_alir(layanan: Layanan, lama: range | None = None, baru: range | None = None) -> str:
    """DOT text of the flowchart (or of the part showing the steps ``lama`` and ``baru``)."""
    semua_lama, semua_baru = layanan.langkah_saat_ini, layanan.langkah_perbaikan
    lama = lama if lama is not None else range(len(semua_lama))
    baru = baru if baru is not None else range(len(semua_baru))
    judul_lama = (
        f"PROSEDUR SAAT INI<BR/>{len(semua_lama)} langkah, {html(teks_total(total_durasi(semua_lama)))}"
    )
    judul_baru = (
        f"PROSEDUR PERBAIKAN<BR/>{len(semua_baru)} langkah, {html(teks_total(total_durasi(semua_baru)))}"
    )
    out = [
        "digraph bagan_alir {\n",
        atribut_graf(rankdir="TB", nodesep="0.25", ranksep="0.2", newrank="true"),
        f'  node [style="filled" fillcolor="white" fontsize="{_PT:g}" margin="{_MARGIN_IN},0.04"];\n',
        _kolom(
            "a",
            judul_lama,
            [semua_lama[i] for i in lama],
            True,
            lama.start,
            lama.start > 0,
            lama.stop < len(semua_lama),
        ),
        _kolom(
            "b",
            judul_baru,
            [semua_baru[i] for i in baru],
            False,
            baru.start,
            baru.start > 0,
            baru.stop < len(semua_baru),
        ),
        _legenda(),
    ]
    # Both columns start level at the top, the current procedure on the left.
    first_a = "a_lanjut" if lama.start > 0 else f"a{lama.start}"
    first_b = "b_lanjut" if baru.start > 0 else f"b{baru.start}"
    if len(lama) and len(baru):
        out.append(f'  {{ rank="same"; {first_a}; {first_b}; }}\n  {first_a} -> {first_b} [style="invis"];\n')
    out.append("}\n")
    return "".join(out)


@graphviz
@sekali
def bagan_alir_prosedur(layanan: Layanan) -> bytes:
    """PNG of one service's whole flowchart (may be tall: see :func:`potongan_bagan_alir_prosedur`)."""
    return png_graphviz(sumber_bagan_alir(layanan), f"Bagan Alir Prosedur {layanan.nama}")


@graphviz
@sekali
def potongan_bagan_alir_prosedur(layanan: Layanan, maks_langkah: int = MAKS_LANGKAH) -> list[bytes]:
    """PNGs of the flowchart cut into page-sized parts (one part for a procedure of normal length)."""
    return [
        png_graphviz(sumber_bagan_alir(layanan, lama, baru), f"Bagan Alir Prosedur {layanan.nama}")
        for lama, baru in bagian_bagan_alir(layanan, maks_langkah)
    ]


def gambar_bagan_alir_prosedur(layanan: Layanan, nomor: str | None = "4.1") -> list[Gambar]:
    """The flowchart ready for a document: one Gambar per page-sized part, captioned with the service.

    Without Graphviz the flowchart is one notice saying so (the build warns once), not a failed build.
    """
    judul = f"Bagan Alir Prosedur {layanan.nama}"
    try:
        pngs = potongan_bagan_alir_prosedur(layanan)
    except GraphvizTidakAdaError:
        pengganti = pengganti_graphviz(judul)
        return [replace(pengganti, keterangan=f"{keterangan(nomor, judul)} ({CATATAN_PENGGANTI})")]
    if len(pngs) == 1:
        return [gambar(pngs[0], keterangan(nomor, judul))]
    return [
        gambar(png, keterangan(nomor, f"{judul} (bagian {i} dari {len(pngs)})"))
        for i, png in enumerate(pngs, 1)
    ]
