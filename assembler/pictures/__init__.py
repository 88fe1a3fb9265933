"""Generated pictures of the STPP documents: PNG bytes from validated models, deterministic.

Each picture has a function returning PNG bytes and a ``gambar_*`` helper returning
:class:`assembler.render.Gambar` (PNG, print width, Indonesian caption) for a document context.
Pictures drawn by Graphviz raise :class:`GraphvizTidakAdaError` when ``dot`` is not installed; their
``gambar_*`` helpers then return a notice instead (``common.pengganti_graphviz``) and the build warns once.
"""

from __future__ import annotations

from assembler.pictures.alur_pelayanan import diagram_alur_pelayanan, gambar_diagram_alur_pelayanan
from assembler.pictures.bagan_alir import (
    bagan_alir_prosedur,
    gambar_bagan_alir_prosedur,
    potongan_bagan_alir_prosedur,
)
from assembler.pictures.bagan_bawang import bagan_bawang, gambar_bagan_bawang
from assembler.pictures.common import GambarError, GraphvizTidakAdaError
from assembler.pictures.grafik_kesenjangan import gambar_grafik_kesenjangan, grafik_kesenjangan
from assembler.pictures.struktur_pokja import gambar_struktur_pokja, potongan_struktur_pokja, struktur_pokja

__all__ = [
    "GambarError",
    "GraphvizTidakAdaError",
    "bagan_alir_prosedur",
    "bagan_bawang",
    "diagram_alur_pelayanan",
    "gambar_bagan_alir_prosedur",
    "gambar_bagan_bawang",
    "gambar_diagram_alur_pelayanan",
    "gambar_grafik_kesenjangan",
    "gambar_struktur_pokja",
    "grafik_kesenjangan",
    "potongan_bagan_alir_prosedur",
    "potongan_struktur_pokja",
    "struktur_pokja",
]
