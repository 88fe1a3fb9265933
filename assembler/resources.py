"""Where the shipped data lives: ``content/`` and ``templates_docx/`` at the top of the checkout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
TEMPLATES_DIR = ROOT / "templates_docx"
CONTOH_DIR = ROOT / "fixtures" / "contoh"
