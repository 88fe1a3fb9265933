"""Convert generated documents with headless LibreOffice: one skip marker and one subprocess call for all tests."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterable
from pathlib import Path

import pytest

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def convert(files: Iterable[Path | str], outdir: Path, timeout: int = 240) -> list[Path]:
    """Convert ``files`` to PDF in ``outdir``; assert LibreOffice succeeded and wrote every PDF.

    A fresh profile per call lets tests run in parallel without one office locking the other's profile.
    Returns the PDFs in the order of ``files``, for the caller's own checks on them.
    """
    paths = [Path(f) for f in files]
    profile = outdir / f"lo-{uuid.uuid4().hex}"
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, paths)],
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    pdfs = [outdir / f"{p.stem}.pdf" for p in paths]
    for pdf in pdfs:
        assert pdf.is_file(), (pdf, proc.stdout, proc.stderr)
    return pdfs
