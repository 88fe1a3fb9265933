"""The benchmarks' 2,000-activity workspace stays a valid, consistent plan.

The speed goal of issue 16 is measured on it; when a new consistency rule made it invalid, the
benchmark stopped with an error and nothing else noticed. A large plan should only be larger, not wrong.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from assembler.facade import check

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_logframe.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_logframe", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_2000_activity_workspace_has_no_error_and_no_consistency_finding(tmp_path: Path) -> None:
    workspace = _bench().make_workspace(tmp_path / "besar")
    report = check(workspace)
    assert [p for p in report.problems if p.severity == "error"] == []
    assert [p.code for p in report.problems if p.code.startswith("konsistensi.")] == []
    kegiatan = sum(1 for line in (workspace / "5.1-skema-tindakan.yaml").read_text("utf-8").splitlines()
                   if line.strip().startswith("- id: kg-"))
    assert kegiatan == 2000
