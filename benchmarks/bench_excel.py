"""Benchmarks of the Excel path: validating the example as 21 workbooks against the same as YAML.

Run: ``python -m pytest benchmarks/bench_excel.py``; nothing is asserted about time.
"""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from assembler.cli import main
from assembler.validate import validate_workspace

CONTOH = Path(__file__).resolve().parent.parent / "fixtures" / "contoh"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("xlsx") / "ws"
    shutil.copytree(CONTOH, ws, ignore=shutil.ignore_patterns("keluaran*"))
    with redirect_stdout(io.StringIO()):
        assert main(["convert", str(ws), "--to", "xlsx"]) == 0
    return ws


def test_validate_the_example_as_yaml(benchmark: Any) -> None:
    assert benchmark(validate_workspace, CONTOH).ok


def test_validate_the_example_as_workbooks(benchmark: Any, workbooks: Path) -> None:
    assert benchmark(validate_workspace, workbooks).ok


def test_convert_the_example_to_workbooks(benchmark: Any, tmp_path: Path) -> None:
    def convert() -> int:
        ws = tmp_path / f"ws{len(list(tmp_path.iterdir()))}"
        shutil.copytree(CONTOH, ws, ignore=shutil.ignore_patterns("keluaran*"))
        with redirect_stdout(io.StringIO()):
            return main(["convert", str(ws), "--to", "xlsx"])

    assert benchmark.pedantic(convert, rounds=3) == 0
