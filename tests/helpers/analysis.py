"""Build a context the way ``build()`` does: the view and its analysis, computed once."""

from __future__ import annotations

from assembler.analysis.analisis import Analisis, analyse
from assembler.workspace_view import WorkspaceView


def with_analysis(view: WorkspaceView) -> tuple[WorkspaceView, Analisis]:
    """``(view, analyse(view))``: the first two arguments of every document's ``context``."""
    return view, analyse(view)
