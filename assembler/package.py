"""Write a package (OUT/ with the documents and manifest.json, plus OUT.zip) atomically.

The package is built in a temporary folder beside OUT (same filesystem, so renames are atomic)
and swapped in only when complete; a build killed at any moment leaves the previous OUT as it
was. A lock file beside OUT keeps two builds from interleaving. The ``arsip/`` folder (copies of
hand-edited documents) is carried from the old OUT into the new one, never deleted.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as _dt
import errno
import fcntl
import hashlib
import io
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.docxnorm import write_zip
from assembler.errors import ExitCode, Problem, SiapError
from assembler.messages import register

register(
    {
        "package.locked": (
            "folder keluaran {out} sedang ditulis oleh proses lain (kunci {kunci}); "
            "sudah menunggu {detik} detik. Tunggu proses itu selesai lalu ulangi",
            "output folder {out} is being written by another process (lock {kunci}); waited {detik} "
            "seconds. Wait for that build to finish, then try again",
        ),
        "package.not_a_folder": (
            "{out} sudah ada tetapi bukan folder; pilih folder keluaran lain",
            "{out} exists but is not a folder; choose another output folder",
        ),
        "package.bad_name": (
            "nama berkas '{nama}' tidak boleh dipakai dalam paket (harus nama berkas biasa tanpa folder)",
            "file name '{nama}' cannot be used in the package (it must be a plain file name, no folders)",
        ),
        "package.duplicate_name": (
            "nama berkas '{nama}' dipakai lebih dari satu dokumen",
            "file name '{nama}' is used by more than one document",
        ),
        "package.archive_missing": (
            "berkas '{nama}' yang harus diarsipkan tidak ada di {out}",
            "file '{nama}' to be archived does not exist in {out}",
        ),
        "package.write_failed": (
            "paket tidak dapat ditulis ke {out}: {detail}; paket sebelumnya tidak berubah",
            "the package could not be written to {out}: {detail}; the previous package is unchanged",
        ),
    }
)

MANIFEST = "manifest.json"
ARSIP = "arsip"
DEFAULT_LOCK_TIMEOUT = 30.0


class PackageError(SiapError):
    """The package could not be written; the previous OUT is untouched."""

    exit_code = ExitCode.INVALID


class PackageLockedError(PackageError):
    """Another build holds the lock on OUT."""


@dataclass(frozen=True)
class BuiltDocument:
    """One rendered (and normalized) document as the package stores it."""

    id: str
    title: str
    file: str
    sources: Sequence[str]
    data: bytes
    pdf_file: str | None = None
    pdf_data: bytes | None = None


@dataclass(frozen=True)
class PrintFile:
    """A file made for printing from several documents (``cetak-draft-stpp.pdf``)."""

    file: str
    parts: Sequence[str]
    data: bytes


@dataclass(frozen=True)
class InputFile:
    """A workspace input that fed this build, by path relative to the workspace."""

    path: str
    sha256: str


@dataclass(frozen=True)
class Skipped:
    """A document that could not be built yet, and the topics it waits for."""

    id: str
    waiting_for: Sequence[str]


@dataclass(frozen=True)
class WorkspaceInfo:
    daerah: str
    pdam: str
    tahun: int


@dataclass(frozen=True)
class PackageResult:
    out: Path
    zip_path: Path
    manifest: dict[str, Any]
    archived: list[str] = field(default_factory=list)
    archive_dir: Path | None = None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_manifest(
    documents: Sequence[BuiltDocument],
    inputs: Sequence[InputFile],
    workspace: WorkspaceInfo,
    skipped: Sequence[Skipped] = (),
    *,
    generator_version: str | None = None,
    prints: Sequence[PrintFile] = (),
) -> dict[str, Any]:
    """The manifest dict, keys in CONTRACT.md order (dicts keep insertion order)."""
    if generator_version is None:
        from assembler import __version__ as generator_version
    docs: list[dict[str, Any]] = []
    for d in documents:
        entry: dict[str, Any] = {
            "id": d.id,
            "title": d.title,
            "file": d.file,
            "sha256": sha256_bytes(d.data),
            "sources": list(d.sources),
        }
        if d.pdf_file is not None:
            entry["pdf"] = d.pdf_file
        docs.append(entry)
    manifest: dict[str, Any] = {
        "generator": {"name": "siap", "version": generator_version},
        "workspace": {"daerah": workspace.daerah, "pdam": workspace.pdam, "tahun": workspace.tahun},
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in sorted(inputs, key=lambda i: i.path)],
        "documents": docs,
        "skipped": [{"id": s.id, "waiting_for": list(s.waiting_for)} for s in skipped],
    }
    if prints:
        manifest["prints"] = [{"file": p.file, "parts": list(p.parts)} for p in prints]
    return manifest


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of an existing package, or None when there is none (or it is unreadable)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


def zip_path(out: Path) -> Path:
    return out.parent / f"{out.name}.zip"


@contextmanager
def package_lock(out: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive flock beside OUT; wait up to ``timeout`` seconds, then refuse clearly.

    The lock file is never deleted: removing it would let a third build lock a fresh inode while
    the second still waits on the old one.
    """
    path = lock_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PackageLockedError(
                        Problem(
                            "package.locked",
                            {"out": str(out), "kunci": str(path), "detik": f"{timeout:g}"},
                        ),
                        exit_code=ExitCode.INVALID,
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _check_name(name: str) -> None:
    if not name or name in (".", "..", MANIFEST, ARSIP) or "/" in name or "\\" in name or "\x00" in name:
        raise PackageError(Problem("package.bad_name", {"nama": name}))


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def package_zip_bytes(files: dict[str, bytes]) -> bytes:
    """OUT.zip content: the package files at the zip root, in name order, fixed timestamps."""
    buf = io.BytesIO()
    write_zip(files, buf)
    return buf.getvalue()


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _swap_in(new: Path, out: Path, old: Path) -> None:
    """Put ``new`` at ``out``; the previous ``out`` ends up at ``old`` (deleted by the caller)."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        os.rename(new, old)  # ``new`` now holds the previous package
        return
    # Fallback: two renames. A crash between them leaves the previous package at ``old``;
    # :func:`_recover` puts it back at the start of the next build.
    os.rename(out, old)
    os.rename(new, out)


def _recover(out: Path) -> None:
    """Undo what a killed build left behind (we hold the lock, so nobody else is writing)."""
    parent = out.parent
    olds = sorted(parent.glob(f".{out.name}.lama-*"))
    if not out.exists() and olds:
        os.rename(olds[-1], out)
        olds = olds[:-1]
    for leftover in [*olds, *parent.glob(f".{out.name}.baru-*")]:
        shutil.rmtree(leftover, ignore_errors=True)
    for tmpzip in parent.glob(f".{out.name}.zip.*"):
        tmpzip.unlink(missing_ok=True)


def default_archive_stamp() -> str:
    """Folder name for an archive round; the only wall-clock value, outside the compared files."""
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def write_package(
    out: Path | str,
    documents: Sequence[BuiltDocument],
    inputs: Sequence[InputFile],
    workspace: WorkspaceInfo,
    skipped: Sequence[Skipped] = (),
    *,
    archive: Sequence[str] = (),
    archive_stamp: str | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    generator_version: str | None = None,
    prints: Sequence[PrintFile] = (),
) -> PackageResult:
    """Write the package into ``out`` (replacing the previous one atomically) and ``out``.zip.

    ``archive`` names files of the current OUT (e.g. hand-edited documents) to keep in
    ``OUT/arsip/<archive_stamp>/``; the previous ``arsip/`` is always carried over.
    """
    out = Path(out).absolute()
    names: set[str] = set()
    candidates: list[str | None] = [p.file for p in prints]
    for d in documents:
        candidates += [d.file, d.pdf_file]
    for name in candidates:
        if name is None:
            continue
        _check_name(name)
        if name in names:
            raise PackageError(Problem("package.duplicate_name", {"nama": name}))
        names.add(name)
    manifest = build_manifest(documents, inputs, workspace, skipped, generator_version=generator_version, prints=prints)
    files: dict[str, bytes] = {}
    for d in documents:
        files[d.file] = d.data
        if d.pdf_file is not None and d.pdf_data is not None:
            files[d.pdf_file] = d.pdf_data
    for p in prints:
        files[p.file] = p.data
    files[MANIFEST] = manifest_bytes(manifest)

    out.parent.mkdir(parents=True, exist_ok=True)
    with package_lock(out, lock_timeout):
        _recover(out)
        if out.exists() and not out.is_dir():
            raise PackageError(Problem("package.not_a_folder", {"out": str(out)}))
        for name in archive:
            if not (out / name).is_file():
                raise PackageError(Problem("package.archive_missing", {"nama": name, "out": str(out)}))
        new = Path(tempfile.mkdtemp(prefix=f".{out.name}.baru-", dir=out.parent))
        old = out.parent / f".{out.name}.lama-{os.getpid()}"
        zpath = zip_path(out)
        ztmp = out.parent / f".{out.name}.zip.{os.getpid()}"
        archive_dir: Path | None = None
        try:
            for name, data in files.items():
                _write_file(new / name, data)
            if (out / ARSIP).is_dir():
                shutil.copytree(out / ARSIP, new / ARSIP, symlinks=True)
            if archive:
                archive_dir = new / ARSIP / (archive_stamp or default_archive_stamp())
                archive_dir.mkdir(parents=True, exist_ok=True)
                for name in archive:
                    shutil.copy2(out / name, archive_dir / name)
            _fsync_dir(new)
            _write_file(ztmp, package_zip_bytes(files))
            _swap_in(new, out, old)
            _fsync_dir(out.parent)
            os.replace(ztmp, zpath)
            _fsync_dir(out.parent)
        except OSError as exc:
            shutil.rmtree(new, ignore_errors=True)
            ztmp.unlink(missing_ok=True)
            if not out.exists() and old.exists():
                os.rename(old, out)
            raise PackageError(Problem("package.write_failed", {"out": str(out), "detail": str(exc)})) from exc
        shutil.rmtree(old, ignore_errors=True)
    final_archive = out / archive_dir.relative_to(new) if archive_dir is not None else None
    return PackageResult(
        out=out,
        zip_path=zpath,
        manifest=manifest,
        archived=list(archive),
        archive_dir=final_archive,
    )
