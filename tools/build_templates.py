"""Generate the shipped .docx templates (assembler/templates_docx/) with python-docx.

Why generate instead of hand-editing in Word: Word splits text into runs at will, so a typed
``{{ nama }}`` may end up as three runs and break Jinja; here every tag is written as one run.
The output is still an ordinary Word file that a person can open, restyle and save.

Each template is a module in ``tools/templates/`` exposing ``NAME`` (file name), ``TITLE`` and
``build()``; the style kit (F4 pages, landscape sections, named styles, repeating header rows,
rows that do not split, page numbers) is ``tools/templates/kit.py``.

Usage: ``python tools/build_templates.py [OUTDIR]`` (default: assembler/templates_docx/, the package data).
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from docx.document import Document as DocumentObject

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from assembler.docxnorm import CoreProps, normalize_docx  # noqa: E402


def _discover() -> dict[str, tuple[Callable[[], DocumentObject], str]]:
    import tools.templates as package

    found: dict[str, tuple[Callable[[], DocumentObject], str]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name == "kit":
            continue
        module = importlib.import_module(f"tools.templates.{info.name}")
        found[module.NAME] = (module.build, module.TITLE)
    return found


#: file name -> (builder, document title for the core properties)
TEMPLATES: dict[str, tuple[Callable[[], DocumentObject], str]] = _discover()


def template_bytes(name: str) -> bytes:
    """The deterministic bytes of one shipped template."""
    builder, title = TEMPLATES[name]
    doc = builder()
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_docx(buf.getvalue(), CoreProps(title=title, author="siap"))


def build_all(outdir: Path, names: Sequence[str] | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(names or TEMPLATES):
        path = outdir / name
        path.write_bytes(template_bytes(name))
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    outdir = Path(args[0]) if args else REPO / "assembler" / "templates_docx"
    for path in build_all(outdir, args[1:] or None):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
