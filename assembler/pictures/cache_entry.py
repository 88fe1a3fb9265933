"""The picture cache on disk: its folder, an entry's name (models and drawing code) and its format
(PNG bytes framed by their lengths, ended by a digest; no pickle: the folder is not trusted code).

Split from :mod:`assembler.pictures.common`, which draws through it (``sekali``, ``_from_disk``).
"""

from __future__ import annotations

import hashlib
import struct
from functools import lru_cache
from pathlib import Path
from typing import Any

from assembler.cache_files import cache_dir

#: Format 2 ends every entry with the SHA-256 of what precedes it: a damaged entry is detected whole.
_MAGIC = b"siap-gambar-2\n"
_DIGEST = 32


def pack(result: Any) -> bytes | None:
    """PNG bytes or a list of them, framed by their lengths (no pickle: the cache is not trusted code)."""
    pngs = [result] if isinstance(result, bytes) else result
    if not isinstance(pngs, list) or not all(isinstance(p, bytes) for p in pngs):
        return None
    kind = b"1" if isinstance(result, bytes) else b"n"
    body = _MAGIC + kind + struct.pack("<I", len(pngs)) + b"".join(struct.pack("<Q", len(p)) + p for p in pngs)
    return body + hashlib.sha256(body).digest()


def unpack(blob: bytes) -> bytes | list[bytes]:
    """The pictures of a cache entry; ValueError for anything that is not an intact entry."""
    if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + 5 + _DIGEST:
        raise ValueError("not a siap picture cache entry")
    body, digest = blob[:-_DIGEST], blob[-_DIGEST:]
    if hashlib.sha256(body).digest() != digest:
        raise ValueError("damaged picture cache entry")
    pos = len(_MAGIC)
    kind = body[pos : pos + 1]
    (count,) = struct.unpack_from("<I", body, pos + 1)
    pos += 5
    pngs = []
    for _ in range(count):
        (size,) = struct.unpack_from("<Q", body, pos)
        pos += 8
        png = body[pos : pos + size]
        if len(png) != size:
            raise ValueError("truncated picture cache entry")
        if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR" or len(png) < 24:
            raise ValueError("not a PNG in a picture cache entry")
        pngs.append(png)
        pos += size
    if pos != len(body) or kind not in (b"1", b"n") or (kind == b"1" and count != 1):
        raise ValueError("malformed picture cache entry")
    return pngs[0] if kind == b"1" else pngs


def on_disk(key: tuple[str, tuple[str, ...]]) -> bool:
    folder = cache_dir()
    return folder is not None and cache_path(folder, key).is_file()


def cache_path(folder: Path, key: tuple[str, tuple[str, ...]]) -> Path:
    name = hashlib.sha256(repr((code_fingerprint(), key)).encode()).hexdigest()
    return folder / "gambar" / f"{name}.bin"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """What the pictures depend on besides their input: this package's code and the drawing libraries.

    The libraries' versions are read from their installed metadata, not by importing them: a build
    whose pictures are all cached then never imports matplotlib (with numpy, ~0.4 s).
    """
    from importlib.metadata import version

    from assembler import __version__

    digest = hashlib.sha256(f"{__version__}|{version('matplotlib')}|{version('graphviz')}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def read_disk(key: tuple[str, tuple[str, ...]]) -> Any:
    """The cached pictures for ``key``, or None when there is no intact entry (nothing is drawn)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return unpack(cache_path(folder, key).read_bytes())
    except (OSError, ValueError, struct.error):
        return None
