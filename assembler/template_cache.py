"""Prepared templates are kept between builds (docs/dev/render-cache.md, "Template cache").

docxtpl's clean-up of a part's XML and Jinja's compile of the cleaned text are the same in every build
and every render worker; both are pure functions of the text and of code fixed for an installation.
Each result is kept in ``<cache folder>/templat/``, keyed by the exact text, siap's code hash and the
libraries' and Python's versions, and verified on read. Only results are stored: a template that does
not compile raises exactly as before and leaves nothing behind; an entry that is not intact is a miss.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import struct
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

from assembler.cache_files import cache_dir, code_hash, environment, touch, trim_folder, write_atomic

#: Bump when the entry layout or what a key is made of changes: older entries then never match.
FORMAT = 1
#: The folder is trimmed to this size after a build (least recently used first); the example needs ~2 MB.
LIMIT_BYTES = 50 * 1024 * 1024
_SUBDIR = "templat"
MAGIC_XML = b"siap-templat-xml-1\n"
MAGIC_CODE = b"siap-templat-kode-1\n"
_HEADER = struct.Struct("<32sQ")  # key, length of the payload
_DIGEST = 32


def folder() -> Path | None:
    """``<cache folder>/templat``; None when the cache folder is off (``SIAP_CACHE_DIR=``) or
    ``SIAP_TEMPLATE_CACHE=0`` (only this cache; ``SIAP_RENDER_CACHE`` does not touch it)."""
    if os.environ.get("SIAP_TEMPLATE_CACHE", "").strip() == "0":
        return None
    base = cache_dir()
    return base / _SUBDIR if base is not None else None


def key(kind: str, source: str, *extra: str) -> bytes:
    """The entry's key: what is made (``kind`` and ``extra``), by which code, from exactly which text."""
    digest = hashlib.sha256()
    text = source.encode("utf-8", "surrogatepass")
    for part in (
        f"siap-templat {FORMAT} {kind}".encode(),
        code_hash().encode(),
        environment().encode("utf-8", "surrogatepass"),
        *(e.encode("utf-8", "surrogatepass") for e in extra),
        hashlib.sha256(text).digest(),
    ):
        digest.update(struct.pack("<Q", len(part)))
        digest.update(part)
    return digest.digest()


def _path(where: Path, key_: bytes) -> Path:
    return where / f"{key_.hex()}.bin"


def load(where: Path, key_: bytes, magic: bytes) -> bytes | None:
    """The payload stored for ``key_``; None unless the entry is intact (magic, key, length, SHA-256)."""
    path = _path(where, key_)
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    start = len(magic) + _HEADER.size
    if len(blob) < start + _DIGEST or not blob.startswith(magic):
        return None
    stored_key, size = _HEADER.unpack_from(blob, len(magic))
    if stored_key != key_ or start + size + _DIGEST != len(blob):
        return None
    if hashlib.sha256(memoryview(blob)[:-_DIGEST]).digest() != blob[-_DIGEST:]:
        return None
    touch(path)
    return blob[start : start + size]


def store(where: Path, key_: bytes, magic: bytes, payload: bytes) -> None:
    """Write the entry atomically; any failure is ignored (the caller has its result either way)."""
    body = magic + _HEADER.pack(key_, len(payload)) + payload
    write_atomic(_path(where, key_), body + hashlib.sha256(body).digest())


def trim(limit: int | None = None) -> None:
    """Keep the folder under ``limit`` bytes, :data:`LIMIT_BYTES` by default (called after the render
    step by :func:`assembler.render_cache.trim`)."""
    where = folder()
    if where is not None:
        trim_folder(where, LIMIT_BYTES if limit is None else limit)


# --- the two kinds of entries -------------------------------------------------------------------------


def patched(src_xml: str, patch: Callable[[str], str]) -> str:
    """docxtpl's ``patch_xml(src_xml)``: from the cache when it holds it, else ``patch``'s (then stored)."""
    where = folder()
    if where is None:
        return patch(src_xml)
    key_ = key("xml", src_xml)
    payload = load(where, key_, MAGIC_XML)
    if payload is not None:
        try:
            return payload.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            pass  # not something this code wrote: a miss
    result = patch(src_xml)
    store(where, key_, MAGIC_XML, result.encode("utf-8", "surrogatepass"))
    return result


def compile_settings(env: Any) -> str | None:
    """What of ``env`` the generated code depends on, as text; None when it cannot be written down."""
    finalize = env.finalize
    name = getattr(finalize, "__qualname__", None)
    if callable(env.autoescape) or (finalize is not None and name is None):
        return None  # a function's identity is not text: compile, do not cache
    pass_arg = getattr(finalize, "jinja_pass_arg", None)
    finalize_text = "" if finalize is None else f"{finalize.__module__}.{name} {pass_arg}"
    parts = [
        f"{type(env).__module__}.{type(env).__qualname__}",
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
        f"autoescape={env.autoescape!r} optimized={env.optimized!r} async={env.is_async!r}",
        f"sandboxed={getattr(env, 'sandboxed', False)!r}",
        f"binops={sorted(getattr(env, 'intercepted_binops', ()))}",
        f"unops={sorted(getattr(env, 'intercepted_unops', ()))}",
        f"finalize={finalize_text}",
        repr(
            (
                env.block_start_string, env.block_end_string, env.variable_start_string,
                env.variable_end_string, env.comment_start_string, env.comment_end_string,
                env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
                env.newline_sequence, env.keep_trailing_newline,
            )
        ),
        f"filters={sorted(env.filters)}",
        f"tests={sorted(env.tests)}",
        f"extensions={sorted(env.extensions)}",
    ]
    return "\n".join(parts)


def compiled(env: Any, source: str) -> CodeType:
    """``env.compile(source)``: the code object from the cache when it holds it, else compiled (then stored).

    A source that does not compile raises from ``env.compile`` as it always has, and nothing is stored.
    """
    where = folder()
    settings = compile_settings(env) if where is not None else None
    if where is None or settings is None:
        code: CodeType = env.compile(source)
        return code
    key_ = key("code", source, importlib.util.MAGIC_NUMBER.hex(), settings)
    payload = load(where, key_, MAGIC_CODE)
    if payload is not None:
        try:
            loaded = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            loaded = None  # not something this Python wrote: a miss
        if type(loaded) is CodeType:
            return loaded
    code = env.compile(source)
    store(where, key_, MAGIC_CODE, marshal.dumps(code))
    return code
