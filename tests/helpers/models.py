"""What the per-topic model tests share: the example's files, and checks rendered as messages."""

from __future__ import annotations

from typing import Any

import yaml

from assembler.messages import format_message
from assembler.models.base import Loc, SiapModel
from assembler.workspace_view import WorkspaceView
from tests.conftest import CONTOH


def load(name: str) -> dict[str, Any]:
    """One file of fixtures/contoh as plain data, ready for ``Model.model_validate``."""
    data = yaml.safe_load((CONTOH / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def run_checks(
    model: SiapModel, context: WorkspaceView | dict[str, Any] | None = None, lang: str = "id"
) -> list[tuple[Loc, str, str]]:
    """A model's own rules as (location, severity, message); ``context`` is a view or the other topics."""
    ws = context if isinstance(context, WorkspaceView) else WorkspaceView(stpp=None, topics=context or {})
    return [(f.loc, f.severity, format_message(f.code, f.params, lang)) for f in model.checks(ws)]
