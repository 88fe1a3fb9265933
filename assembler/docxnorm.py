"""Make a saved .docx byte-deterministic.

python-docx stamps zip entries with the wall clock and keeps whatever core properties the
template carried. The contract wants the same inputs to give byte-identical files, so we rewrite
the zip with a fixed member order, fixed timestamps and permissions, and core properties chosen
by the caller (never the clock).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

#: The earliest time a zip entry can carry; used for every member so nothing depends on "now".
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: rw-r--r-- regular file, stored in the high 16 bits of external_attr.
FILE_MODE = 0o100644
COMPRESS_LEVEL = 6

# Office expects these two first; the rest follows in name order so the order never depends on
# how python-docx happened to walk its part graph.
_FIRST = ("[Content_Types].xml", "_rels/.rels")


@dataclass(frozen=True)
class CoreProps:
    """Core document properties; ``None`` leaves the element out entirely."""

    title: str = ""
    author: str = ""
    subject: str = ""
    language: str = "id-ID"
    revision: int = 1
    created: _dt.datetime | None = None
    modified: _dt.datetime | None = None
    last_printed: _dt.datetime | None = None


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities, as ``xml.sax.saxutils.escape`` writes them (importing that
    module imports urllib and ssl, ~25 ms of a rebuild that renders nothing)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _w3cdtf(value: _dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(_dt.UTC).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"


def core_xml(props: CoreProps) -> bytes:
    """docProps/core.xml written from scratch, so no template leftovers (or clock) survive."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        f"<dc:title>{escape(props.title)}</dc:title>",
        f"<dc:subject>{escape(props.subject)}</dc:subject>",
        f"<dc:creator>{escape(props.author)}</dc:creator>",
        f"<cp:lastModifiedBy>{escape(props.author)}</cp:lastModifiedBy>",
        f"<dc:language>{escape(props.language)}</dc:language>",
        f"<cp:revision>{int(props.revision)}</cp:revision>",
    ]
    if props.created is not None:
        parts.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{_w3cdtf(props.created)}</dcterms:created>')
    if props.modified is not None:
        parts.append(
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_w3cdtf(props.modified)}</dcterms:modified>'
        )
    if props.last_printed is not None:
        parts.append(f"<cp:lastPrinted>{_w3cdtf(props.last_printed)}</cp:lastPrinted>")
    parts.append("</cp:coreProperties>")
    return "".join(parts).encode("utf-8")


def member_order(names: Iterable[str]) -> list[str]:
    """[Content_Types].xml and the package rels first, then every other member by name."""
    names = list(names)
    first = [n for n in _FIRST if n in names]
    return first + sorted(n for n in names if n not in _FIRST)


def write_zip(members: dict[str, bytes], target: io.BufferedIOBase | io.BytesIO | str) -> None:
    """Write ``members`` as a deterministic zip (fixed order, times, modes, deflate level).

    The zip is written by hand rather than through :mod:`zipfile` so that identical members
    (the styles, theme and font table every document shares) are compressed once per process:
    that was most of a package build's time.
    """
    out = io.BytesIO()
    central = io.BytesIO()
    count = 0
    for name in member_order(members):
        data = members[name]
        crc, packed = _deflate(data)
        raw_name = name.encode("utf-8")
        flags = 0x800 if not raw_name.isascii() else 0  # bit 11: the name is UTF-8
        offset = out.tell()
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, _DOS_TIME, _DOS_DATE, crc, len(packed),
                        len(data), len(raw_name), 0)
        )
        out.write(raw_name)
        out.write(packed)
        central.write(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, flags, 8, _DOS_TIME, _DOS_DATE, crc,
                        len(packed), len(data), len(raw_name), 0, 0, 0, 0, FILE_MODE << 16, offset)
        )
        central.write(raw_name)
        count += 1
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0))
    if isinstance(target, str):
        with open(target, "wb") as fh:
            fh.write(out.getvalue())
    else:
        target.write(out.getvalue())


#: DOS date/time of FIXED_ZIP_TIME (1980-01-01 00:00:00), as zip headers store it.
_DOS_DATE = ((FIXED_ZIP_TIME[0] - 1980) << 9) | (FIXED_ZIP_TIME[1] << 5) | FIXED_ZIP_TIME[2]
_DOS_TIME = (FIXED_ZIP_TIME[3] << 11) | (FIXED_ZIP_TIME[4] << 5) | (FIXED_ZIP_TIME[5] // 2)
_DEFLATED: dict[bytes, tuple[int, bytes]] = {}


def _deflate(data: bytes) -> tuple[int, bytes]:
    """CRC and raw deflate stream of ``data``; members seen before come from the cache."""
    key = hashlib.sha1(data).digest()
    hit = _DEFLATED.get(key)
    if hit is None:
        compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        hit = (zlib.crc32(data), compressor.compress(data) + compressor.flush())
        if len(_DEFLATED) > 512:
            _DEFLATED.clear()
        _DEFLATED[key] = hit
    return hit


def deflated(data: bytes) -> tuple[int, bytes]:
    """CRC and deflate stream of ``data`` as :func:`write_zip` will store it (computed by a render worker)."""
    return _deflate(data)


def remember_deflated(data: bytes, crc_and_packed: tuple[int, bytes]) -> None:
    """Seed the cache with :func:`deflated` of ``data`` made in another process (same bytes, no work here)."""
    if len(_DEFLATED) > 512:
        _DEFLATED.clear()
    _DEFLATED[hashlib.sha1(data).digest()] = crc_and_packed


def normalize_docx(data: bytes, props: CoreProps | None = None) -> bytes:
    """Return ``data`` rewritten deterministically, with ``props`` as its core properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = {info.filename: zin.read(info.filename) for info in zin.infolist() if not info.is_dir()}
    if props is not None:
        members["docProps/core.xml"] = core_xml(props)
        _ensure_core_registered(members)
    out = io.BytesIO()
    write_zip(members, out)
    return out.getvalue()


_CORE_REL_TYPE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"


def _ensure_core_registered(members: dict[str, bytes]) -> None:
    """A package created without core.xml must learn about the one we add (rare; python-docx adds it)."""
    ct = members.get("[Content_Types].xml", b"").decode("utf-8")
    if ct and "/docProps/core.xml" not in ct:
        override = f'<Override PartName="/docProps/core.xml" ContentType="{_CORE_CT}"/>'
        members["[Content_Types].xml"] = ct.replace("</Types>", override + "</Types>").encode("utf-8")
    rels = members.get("_rels/.rels", b"").decode("utf-8")
    if rels and _CORE_REL_TYPE not in rels:
        rel = f'<Relationship Id="rIdCoreSiap" Type="{_CORE_REL_TYPE}" Target="docProps/core.xml"/>'
        members["_rels/.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")
