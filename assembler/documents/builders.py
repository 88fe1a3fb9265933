"""Which function builds the context of which document: one table, imported directly.

Each entry names the document ids a module serves (a trailing ``*`` matches a family such as
``kertas-kerja-tahap-*``) and its ``context`` function. Imported only by ``build`` and the template
linter, never by ``siap check``, so a broken builder cannot block checking a workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assembler.analysis.analisis import Analisis
from assembler.documents import (
    berita_acara,
    best_practice,
    catatan_perancang,
    citizen_charter,
    hubungan_antar_kebijakan,
    juklak_juknis,
    kerja_sama,
    kertas_kerja,
    penetapan_stpp,
    pertemuan,
    sk_pokja,
    smart_logframe,
    standar_pelayanan,
    stpp_disepakati,
)
from assembler.documents.draft_stpp import rancangan
from assembler.documents.registry import Dokumen
from assembler.workspace_view import WorkspaceView

ContextBuilder = Callable[[WorkspaceView, Analisis, Dokumen], dict[str, Any]]

#: document id (or family pattern) -> the function that builds its template context
BUILDERS: dict[str, ContextBuilder] = {
    "sk-pokja": sk_pokja.context,
    "hubungan-antar-kebijakan": hubungan_antar_kebijakan.context,
    "smart-logframe": smart_logframe.context,
    "citizen-charter": citizen_charter.context,
    "juklak-juknis": juklak_juknis.context,
    "best-practice": best_practice.context,
    "draft-stpp": rancangan.context,
    "berita-acara-kesepakatan": berita_acara.context,
    "kertas-kerja-tahap-*": kertas_kerja.context,
    "pertemuan-*": pertemuan.context,
    "catatan-perancang": catatan_perancang.context,
    "standar-pelayanan": standar_pelayanan.context,
    "kerja-sama-antar-instansi": kerja_sama.context,
    "stpp": stpp_disepakati.context,
    "penetapan-stpp": penetapan_stpp.context,
}


def builder_for(doc_id: str) -> ContextBuilder | None:
    """The context builder of ``doc_id``, or None when that document has no builder yet."""
    for pattern, builder in BUILDERS.items():
        if doc_id == pattern or (pattern.endswith("*") and doc_id.startswith(pattern[:-1])):
            return builder
    return None
