"""The picture cache's entry format: PNG bytes framed by their lengths, ended by a digest.

No pickle: the cache folder is not trusted code. (Split from :mod:`assembler.pictures.common`.)
"""

from __future__ import annotations

import hashlib
import struct
from typing import Any

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
