"""Which function builds the context of which document.

Each document module exposes ``DOCUMENT_IDS`` (ids it serves; a trailing ``*`` matches a family
such as ``kertas-kerja-tahap-*``) and ``context(view, dokumen) -> dict``. Modules are imported only
when a document is built, so one broken builder never blocks ``siap check``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from assembler.documents.registry import Dokumen
from assembler.workspace_view import WorkspaceView

ContextBuilder = Callable[[WorkspaceView, Dokumen], dict[str, Any]]

#: module (in assembler.documents) -> the document ids it builds
MODULES: dict[str, tuple[str, ...]] = {
    "sk_pokja": ("sk-pokja",),
    "hubungan_antar_kebijakan": ("hubungan-antar-kebijakan",),
    "smart_logframe": ("smart-logframe",),
    "citizen_charter": ("citizen-charter",),
    "juklak_juknis": ("juklak-juknis",),
    "best_practice": ("best-practice",),
    "draft_stpp": ("draft-stpp",),
    "berita_acara": ("berita-acara-kesepakatan",),
    "kertas_kerja": ("kertas-kerja-tahap-*",),
    "pertemuan": ("pertemuan-*",),
    "catatan_perancang": ("catatan-perancang",),
}


def module_for(doc_id: str) -> str | None:
    for module, ids in MODULES.items():
        for pattern in ids:
            if doc_id == pattern or (pattern.endswith("*") and doc_id.startswith(pattern[:-1])):
                return module
    return None


def builder_for(doc_id: str) -> ContextBuilder | None:
    """The context builder of ``doc_id``, or None when that document has no builder yet."""
    module_name = module_for(doc_id)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(f"assembler.documents.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"assembler.documents.{module_name}":
            return None
        raise
    builder: ContextBuilder = module.context
    return builder
