"""Template of the agreed STPP (``stpp.docx``): the Rancangan with the 5.3 agreement, after the meeting.

Same chapters as the Draft STPP (:mod:`tools.templates.draft_stpp`), plus the chapter on the agreement
(responses, agreed points, agreed changes); the cover and foreword no longer ask for approval.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject

from tools.templates.draft_stpp import build_naskah


def build_stpp() -> DocumentObject:
    """The agreed STPP the Kepala Daerah adopts (Tahap 5 Topik 3, after the agreement)."""
    return build_naskah(disepakati=True)


NAME = "stpp.docx"
TITLE = "Templat Skema Tindakan Peningkatan Pelayanan yang Disepakati"
build = build_stpp
