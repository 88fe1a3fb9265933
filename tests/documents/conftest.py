"""Fixtures every document test module shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.table import Table

from assembler.facade import check
from assembler.workspace_view import WorkspaceView
from tests.conftest import CONTOH
from tests.helpers.docx_content import body_tables
from tests.helpers.example import build_example


@pytest.fixture(scope="module")
def view() -> WorkspaceView:
    """The checked example workspace, for tests that call a document's context builder directly."""
    return check(CONTOH).result.view()


@pytest.fixture(scope="module")
def docx_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's document ``DOC_ID`` (named by the requesting test module), built once per module."""
    doc_id: str = request.module.DOC_ID
    return build_example(tmp_path_factory, [doc_id])[doc_id]


@pytest.fixture(scope="module")
def tables(docx_path: Path) -> list[Table]:
    """The body tables of the module's document, in order."""
    return body_tables(docx_path)
