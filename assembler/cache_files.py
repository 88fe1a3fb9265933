"""What siap's on-disk caches share (docs/dev/render-cache.md): where they live, the code hash and
library versions their keys start with, atomic writes and trimming.

The render cache (``naskah/``) and the template cache (``templat/``) use these; they import nothing of
siap's rendering, so :mod:`assembler.render` can use the template cache without an import cycle.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import tempfile
import time
import zlib
from pathlib import Path

#: The libraries whose code turns a context into bytes (and the YAML/validation reading istilah-asing.yaml).
LIBRARIES = ("docxtpl", "python-docx", "lxml", "jinja2", "markupsafe", "num2words", "PyYAML", "pydantic")
#: Temporary files older than this were left by a killed build.
STALE_TMP_SECONDS = 3600


def cache_dir() -> Path | None:
    """``$SIAP_CACHE_DIR`` (empty: every cache off), else the platform's user cache folder for siap.

    The one rule for all three caches (pictures, templates, documents). platformdirs gives
    ``~/.cache/siap`` (or ``$XDG_CACHE_HOME/siap``) on Linux, ``%LOCALAPPDATA%\\siap\\Cache`` on Windows
    and ``~/Library/Caches/siap`` on macOS.
    """
    configured = os.environ.get("SIAP_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    from platformdirs import user_cache_path

    return user_cache_path("siap", appauthor=False)


def package_root() -> Path:
    """The installed ``assembler`` package (a real folder: siap is always installed unzipped)."""
    from assembler.resources import package_folder

    return package_folder(".").resolve()


def fingerprint_files(root: Path) -> str:
    """SHA-256 of every file under ``root`` (code, ``content/``, ``templates_docx/``), compiled files left out."""
    digest = hashlib.sha256()
    files = sorted(
        (p.relative_to(root).as_posix(), p)
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )
    for rel, path in files:
        data = path.read_bytes()
        digest.update(f"{len(rel)}:{rel}{len(data)}:".encode("utf-8", "surrogatepass"))
        digest.update(data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """This package's code and shipped data, once per process (call before forking: workers inherit it)."""
    return fingerprint_files(package_root())


@functools.lru_cache(maxsize=1)
def environment() -> str:
    """The libraries' and runtime's versions that shape the bytes (read from metadata, not imported)."""
    from importlib.metadata import PackageNotFoundError, version

    from lxml import etree

    parts = []
    for name in LIBRARIES:
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=?")
    parts.append(f"libxml2={etree.LIBXML_VERSION}")
    parts.append(f"zlib={zlib.ZLIB_RUNTIME_VERSION}")
    parts.append(f"python={sys.version}")
    return "|".join(parts)


def write_atomic(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` through a unique temporary file and a rename; any failure is ignored.

    A reader sees the old file, the new one or none, never a part; two writers of the same bytes race
    harmlessly; Windows refusing to replace a file another process reads leaves the old one.
    """
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f"{path.stem[:16]}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def touch(path: Path) -> None:
    """Mark an entry as recently used (the last to be trimmed); failures are ignored."""
    with contextlib.suppress(OSError):
        os.utime(path)


def trim_folder(where: Path, limit: int) -> None:
    """Remove the least recently used ``*.bin`` entries beyond ``limit`` bytes, and stale temporary files."""
    entries: list[tuple[float, int, str]] = []
    now = time.time()
    try:
        with os.scandir(where) as listing:
            for item in listing:
                with contextlib.suppress(OSError):
                    st = item.stat()
                    if item.name.endswith(".tmp"):
                        if now - st.st_mtime > STALE_TMP_SECONDS:
                            os.unlink(item.path)
                    elif item.name.endswith(".bin"):
                        entries.append((st.st_mtime, st.st_size, item.path))
    except OSError:
        return
    total = sum(size for _mtime, size, _path in entries)
    for _mtime, size, path in sorted(entries):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size
