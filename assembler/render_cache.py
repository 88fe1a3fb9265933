"""A document whose inputs did not change is not rendered again (docs/dev/render-cache.md).

A rebuild after one topic file changed renders only the documents whose template, context or
parameters changed; every other document's bytes come from an entry in the user's cache folder,
with the deflate stream OUT.zip stores. The key is everything the render + normalize step reads: the
template's bytes, the context in a strict canonical form, the document's parameters, this package's
every file and the libraries' versions. A context holding a type the canonical form does not know
is never cached (a guess could print a stale number); an entry that is not intact is a miss.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import hashlib
import io
import os
import struct
import zlib
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from markupsafe import Markup

from assembler import template_cache
from assembler.cache_files import LIBRARIES as LIBRARIES
from assembler.cache_files import cache_dir, code_hash, environment, touch, trim_folder, write_atomic
from assembler.cache_files import fingerprint_files as fingerprint_files
from assembler.cache_files import package_root as package_root
from assembler.docxnorm import deflated, remember_deflated

#: Bump when the entry layout or the canonical form changes: older entries then never match.
FORMAT = 1
#: The render cache's folder is trimmed to this size after a build (least recently used first).
LIMIT_BYTES = 200 * 1024 * 1024
_SUBDIR = "naskah"
_MAGIC = b"siap-naskah-1\n"
_HEADER = struct.Struct("<32sIQQ")  # key, CRC-32 of the document, length of the document, of its deflate stream
_DIGEST = 32


class UncacheableError(Exception):
    """The value holds something the canonical form cannot describe exactly: render, do not cache."""


def folder() -> Path | None:
    """Where entries live: ``<cache folder>/naskah``; None when the cache is off.

    Off when the cache folder is (``SIAP_CACHE_DIR=`` empty) or ``SIAP_RENDER_CACHE=0`` (only this cache).
    """
    if os.environ.get("SIAP_RENDER_CACHE", "").strip() == "0":
        return None
    base = cache_dir()
    return base / _SUBDIR if base is not None else None


# --- the key ---------------------------------------------------------------------------------------------


def prepare() -> None:
    """Compute the per-process parts of the keys now (in the parent, so forked workers do not each do it).

    The template cache's keys start with the same parts, so they are computed when either cache is on.
    """
    if folder() is not None or template_cache.folder() is not None:
        code_hash()
        environment()


def canonical(value: Any) -> str:
    """The strict canonical text of ``value``; :class:`UncacheableError` for any type not listed in the note."""
    out: list[str] = []
    try:
        _write(value, out)
    except RecursionError as exc:  # a cycle, or nesting no document has
        raise UncacheableError("nested too deeply") from exc
    return "".join(out)


def _write(value: Any, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(f"s{len(value)}:")
        out.append(value)
    elif kind is dict:
        out.append("{")
        for key, item in value.items():
            if type(key) is not str:
                raise UncacheableError(f"dict key of type {type(key).__qualname__}")
            out.append(f"s{len(key)}:")
            out.append(key)
            _write(item, out)
        out.append("}")
    elif kind is list or kind is tuple:
        out.append("[" if kind is list else "(")
        for item in value:
            _write(item, out)
        out.append("]" if kind is list else ")")
    elif kind is int:
        out.append(f"i{value};")
    elif value is None:
        out.append("N")
    elif kind is bool:
        out.append("T" if value else "F")
    elif kind is Markup:
        out.append(f"m{len(value)}:")
        out.append(str.__str__(value))
    elif kind is float:
        out.append(f"f{value!r};")
    elif kind is Decimal:
        out.append(f"d{value};")
    elif kind is _dt.date:
        out.append(f"D{value.isoformat()};")
    elif kind is bytes:
        out.append(f"b{len(value)}:{hashlib.sha256(value).hexdigest()};")
    elif kind in _records():
        out.append(f"R{kind.__module__}.{kind.__qualname__}(")
        for name in _records()[kind]:
            out.append(f"s{len(name)}:{name}")
            _write(getattr(value, name), out)
        out.append(")")
    else:
        raise UncacheableError(f"{kind.__module__}.{kind.__qualname__}")


@functools.lru_cache(maxsize=1)
def _records() -> dict[type, tuple[str, ...]]:
    """The frozen dataclasses a context may hold, each with its fields (all of their state: no other
    attribute, no property reading anything else)."""
    from assembler.pictures.simbol_sop import Ubin
    from assembler.render import Gambar

    allowed: dict[type, tuple[str, ...]] = {}
    for kind in (Gambar, Ubin):
        allowed[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return allowed


def key(template: bytes, context: Mapping[str, Any], params: Mapping[str, Any]) -> bytes:
    """The entry's key (SHA-256); :class:`UncacheableError` when the context or parameters are not plain."""
    digest = hashlib.sha256()
    for part in (
        f"siap-naskah {FORMAT}",
        code_hash(),
        environment(),
        canonical(dict(params)),
        hashlib.sha256(template).hexdigest(),
        canonical(context if type(context) is dict else dict(context)),
    ):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(struct.pack("<Q", len(data)))
        digest.update(data)
    return digest.digest()


# --- entries ------------------------------------------------------------------------------------------


def _path(where: Path, key_: bytes) -> Path:
    return where / f"{key_.hex()}.bin"


def load(where: Path, key_: bytes) -> tuple[bytes, tuple[int, bytes]] | None:
    """The document and its deflate (CRC, stream) stored for ``key_``; None unless the entry is intact."""
    path = _path(where, key_)
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    start = len(_MAGIC) + _HEADER.size
    if len(blob) < start + _DIGEST or not blob.startswith(_MAGIC):
        return None
    stored_key, crc, size, packed_size = _HEADER.unpack_from(blob, len(_MAGIC))
    if stored_key != key_ or start + size + packed_size + _DIGEST != len(blob):
        return None
    if hashlib.sha256(memoryview(blob)[:-_DIGEST]).digest() != blob[-_DIGEST:]:
        return None
    data = blob[start : start + size]
    if not data.startswith(b"PK\x03\x04") or zlib.crc32(data) != crc:
        return None
    touch(path)  # recently used: the last to be trimmed
    return data, (crc, blob[start + size : start + size + packed_size])


def store(where: Path, key_: bytes, data: bytes, packed: tuple[int, bytes]) -> None:
    """Write the entry atomically (a unique temporary file, then a rename); any failure is ignored."""
    crc, stream = packed
    body = _MAGIC + _HEADER.pack(key_, crc, len(data), len(stream)) + data + stream
    write_atomic(_path(where, key_), body + hashlib.sha256(body).digest())


def trim(where: Path | None = None, limit: int = LIMIT_BYTES) -> None:
    """Remove the least recently used entries beyond ``limit`` bytes, and temporary files of killed builds.

    Without ``where``: the render cache's folder, and the template cache's (to its own limit).
    """
    if where is None:
        template_cache.trim()
        where = folder()
        if where is None:
            return
    trim_folder(where, limit)


# --- around the render --------------------------------------------------------------------------------


def lookup(
    template: Path, context: Mapping[str, Any], params: Mapping[str, Any]
) -> tuple[bytes, tuple[int, bytes]] | None:
    """The document and its deflate stream when the cache holds them, without rendering.

    The build asks this before handing documents to render workers, so that a rebuild whose documents
    all hit forks no worker and sends no document through a pipe. The stream is remembered for OUT.zip.
    """
    where = folder()
    if where is None:
        return None
    try:
        hit = load(where, key(template.read_bytes(), context, params))
    except (OSError, UncacheableError):
        return None
    if hit is not None:
        remember_deflated(*hit)
    return hit


def render(
    template: Path,
    context: Mapping[str, Any],
    params: Mapping[str, Any],
    make: Callable[[Path | IO[bytes]], bytes],
) -> bytes:
    """The document's final bytes: from the cache when an intact entry has this key, else ``make``'s.

    ``make`` renders and normalizes from the template it is given. With the cache on it is given the
    very bytes the key was made from (read once), so a template saved in between cannot slip in; with
    the cache off, or an uncacheable context, it is given ``template`` itself, as before.
    """
    where = folder()
    if where is None:
        return make(template)
    try:
        source = template.read_bytes()
    except OSError:
        return make(template)  # reports the missing template as the render always has
    try:
        key_ = key(source, context, params)
    except UncacheableError:
        return make(template)
    hit = load(where, key_)
    if hit is not None:
        data, packed = hit
        remember_deflated(data, packed)  # OUT.zip stores this stream: no compression on a hit
        return data
    data = make(io.BytesIO(source))
    store(where, key_, data, deflated(data))
    return data

