"""Benchmark of the tracked-changes merge (issue 15) on the example's largest drafts.

Run: ``python -m pytest benchmarks/bench_redline.py``. The base and new versions are built once
(two inputs of 1.1 changed, as in tests/test_redline.py); a hand edit adds one paragraph. What is
timed is ``merge_revision`` alone: reading the three files, the merge, writing the result.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from assembler.build import build
from assembler.redline import merge_revision

REPO = Path(__file__).resolve().parent.parent
CONTOH = REPO / "fixtures" / "contoh"
DOCS = ["sk-pokja", "smart-logframe", "draft-stpp"]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, bytes, bytes]]:
    root = tmp_path_factory.mktemp("redline")
    ws = root / "ws"
    shutil.copytree(CONTOH, ws, ignore=shutil.ignore_patterns("keluaran*"))
    first = build(ws, root / "out1", DOCS)
    pokja = ws / "1.1-stakeholder-pokja.yaml"
    text = pokja.read_text(encoding="utf-8")
    text = text.replace("jabatan: Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "jabatan: Kepala Dinas PUPR", 1)
    text = text.replace("masa_kerja_berakhir: 2026-12-31", "masa_kerja_berakhir: 2027-06-30")
    pokja.write_text(text, encoding="utf-8")
    build(ws, root / "out2", DOCS)
    out = {}
    for doc in first.built:
        base = (root / "out1" / doc.file).read_bytes()
        edited = Document(io.BytesIO(base))
        edited.add_paragraph("Tambahan Bagian Hukum.")
        buffer = io.BytesIO()
        edited.save(buffer)
        out[doc.id] = (base, buffer.getvalue(), (root / "out2" / doc.file).read_bytes())
    return out


@pytest.mark.parametrize("doc_id", DOCS)
def test_merge_revision(benchmark: Any, versions: dict[str, tuple[bytes, bytes, bytes]], doc_id: str) -> None:
    base, edited, new = versions[doc_id]
    result = benchmark.pedantic(
        merge_revision, args=(base, edited, new), kwargs={"date": dt.datetime(2026, 12, 7)}, rounds=5
    )
    assert result.revisions > 0
