"""What the designs of stage 4 share: the link back to the integrated solutions of 3.2."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assembler.models.base import (
    RefField,
    empty_list,
)

if TYPE_CHECKING:  # pragma: no cover
    pass


def solusi_terpadu_field() -> Any:
    """The link back to 3.2 that every stage-4 design item carries (optional)."""
    return RefField(
        "solusi_terpadu",
        "Kode solusi terpadu (Topik 3.2) yang dijabarkan oleh butir ini (boleh kosong).",
        default_factory=empty_list,
    )
