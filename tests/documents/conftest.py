"""Fixtures every document test module shares."""

from __future__ import annotations

import pytest

from assembler.facade import check
from assembler.workspace_view import WorkspaceView
from tests.conftest import CONTOH


@pytest.fixture(scope="module")
def view() -> WorkspaceView:
    """The checked example workspace, for tests that call a document's context builder directly."""
    return check(CONTOH).result.view()
