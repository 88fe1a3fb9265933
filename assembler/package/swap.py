"""Writing the new package beside OUT and swapping it in atomically; recovery after a crash; the zip."""

from __future__ import annotations

import datetime as _dt
import errno
import io
import json
import os
import secrets
import shutil
import stat
import zipfile
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from assembler.docxnorm import write_zip
from assembler.errors import Problem
from assembler.package.contents import _fingerprint, _refuse, _State, inspect_out
from assembler.package.fs import _exchange, _fsync_dir, _open_files
from assembler.package.lock import _location_error, check_location, package_lock, resolve_out
from assembler.package.manifest import (
    ARSIP,
    DEFAULT_LOCK_TIMEOUT,
    MANIFEST,
    MAX_ATTEMPTS,
    STATE_DIR,
    STATE_FILE,
    BuiltDocument,
    InputFile,
    ManifestError,
    PackageError,
    PackageResult,
    PrintFile,
    RefusedError,
    Skipped,
    WorkspaceInfo,
    _check_name,
    _write_failed,
    manifest_bytes,
    read_manifest,
    sha256_bytes,
)
from assembler.package.plan import _Plan, _plan

# --------------------------------------------------------------------------------------------------
# Writing


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """:func:`_write_file` for many files at once: each waits on the disk for its fsync, not on the
    processor, so eight threads overlap the waits (every file is still on disk before this returns)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        for _done in pool.map(lambda item: _write_file(*item), files):
            pass


def package_zip_bytes(files: dict[str, bytes]) -> bytes:
    """OUT.zip content: the package files at the zip root, in name order, fixed timestamps."""
    buf = io.BytesIO()
    write_zip(files, buf)
    return buf.getvalue()


def _make_temp_dir(parent: Path, prefix: str) -> Path:
    """A fresh folder that takes the user's umask (``tempfile.mkdtemp`` would make it 0700)."""
    while True:
        path = parent / f"{prefix}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def _swap_in(new: Path, out: Path, old: Path) -> Path:
    """Put ``new`` at ``out``; returns where the previous ``out`` is now (checked, then deleted by the caller).

    Raises only when nothing has moved (or it was moved back), so the caller may discard ``new``.
    """
    if not out.exists():
        os.rename(new, out)
        return old
    if _exchange(new, out):
        try:
            os.rename(new, old)  # ``new`` now holds the previous package
        except OSError:
            return new
        return old
    # Two renames (Windows, macOS, old kernels). Windows refuses the first while a file inside is
    # open; nothing has moved then. A crash between them is undone by :func:`_recover`.
    os.rename(out, old)
    try:
        os.rename(new, out)
    except OSError:
        os.rename(old, out)
        raise
    return old


def _recover(out: Path, zpath: Path) -> None:
    """Undo what a killed build left behind (we hold the lock, so nobody else is writing)."""
    parent = out.parent
    olds = sorted(parent.glob(f".{out.name}.lama-*"), key=lambda p: p.stat().st_mtime_ns)
    if not out.exists() and olds:
        os.rename(olds[-1], out)
        olds = olds[:-1]
    for leftover in olds:
        _rescue_leftover(leftover, out)
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in parent.glob(f".{out.name}.baru-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # an unfinished new package: only siap's bytes
    for tmpzip in parent.glob(f".{zpath.name}.*"):
        tmpzip.unlink(missing_ok=True)
    _repair_zip(out, zpath)


def _rescue_leftover(old: Path, out: Path) -> None:
    """A previous package left by a build killed after its swap: keep what exists nowhere else.

    Files that siap generated (their sha256 is in that package's manifest), its own ``.siap/`` and
    ``manifest.json``, and files that OUT holds with the same bytes at the same place are dropped;
    anything else (a save that landed in that instant) is copied into ``OUT/arsip/<stamp>-pulih/``.
    """
    try:
        manifest = read_manifest(old) or {}
    except ManifestError:
        manifest = {}
    generated = {d["sha256"] for d in manifest.get("documents", [])}
    try:
        saved = json.loads((old / STATE_DIR / STATE_FILE).read_text(encoding="utf-8"))
        generated |= {str(v) for v in saved.get("pdf", {}).values()}
    except (OSError, ValueError, AttributeError):
        pass
    keep: list[str] = []
    for path in sorted(old.rglob("*")):
        rel = path.relative_to(old)
        if not path.is_file() or path.is_symlink() or rel.parts[0] in (STATE_DIR,) or str(rel) == MANIFEST:
            continue
        data = path.read_bytes()
        twin = out / rel
        if sha256_bytes(data) in generated or (twin.is_file() and twin.read_bytes() == data):
            continue
        keep.append(str(rel))
    if keep and out.is_dir():
        target = _unique_child(out / ARSIP, default_archive_stamp() + "-pulih")
        for rel_name in keep:
            dst = target / rel_name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(old / rel_name, dst)


def _package_members(out: Path, manifest: dict[str, Any]) -> dict[str, bytes]:
    """The files the zip holds: what the manifest lists and OUT has, as they are in OUT now."""
    names = {MANIFEST}
    for d in manifest.get("documents", []):
        names.add(d["file"])
        if d.get("pdf"):
            names.add(d["pdf"])
        if isinstance(d.get("revision"), dict):
            names.add(d["revision"]["file"])
    names |= {p["file"] for p in manifest.get("prints", [])}
    files: dict[str, bytes] = {}
    for name in sorted(names):
        path = out / name
        if path.is_file() and not path.is_symlink():
            files[name] = path.read_bytes()
    return files


def _repair_zip(out: Path, zpath: Path) -> None:
    """A build killed between the folder swap and the zip rename left the old zip: remake it.

    The zip belongs to the folder when its ``manifest.json`` is the folder's, byte for byte.
    """
    try:
        manifest = read_manifest(out) if out.is_dir() else None
    except ManifestError:
        return
    if manifest is None:
        return
    current = (out / MANIFEST).read_bytes()
    try:
        with zipfile.ZipFile(zpath) as zf:
            if zf.read(MANIFEST) == current:
                return
    except (OSError, KeyError, zipfile.BadZipFile):
        pass
    tmp = zpath.parent / f".{zpath.name}.{os.getpid()}"
    _write_file(tmp, package_zip_bytes(_package_members(out, manifest)))
    os.replace(tmp, zpath)


def default_archive_stamp() -> str:
    """Folder name for an archive round; the only wall-clock value, outside the compared files."""
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _unique_child(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2``, ``name-3``… : two archive rounds in one second never collide."""
    candidate, n = folder / name, 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{name}-{n}"
    return candidate


def write_package(
    out: Path | str,
    documents: Sequence[BuiltDocument],
    inputs: Sequence[InputFile],
    workspace: WorkspaceInfo,
    skipped: Sequence[Skipped] = (),
    *,
    force: bool = False,
    replace: Collection[str] | None = None,
    archive_stamp: str | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    generator_version: str | None = None,
    prints: Sequence[PrintFile] = (),
    revision_date: _dt.datetime | None = None,
) -> PackageResult:
    """Write the package into ``out`` (replacing the previous one atomically) and ``out``.zip.

    ``replace`` names the document ids this build is responsible for (``--only``); the others in
    OUT are carried over as they are. ``force`` moves what siap did not make, and hand-edited
    documents, into ``OUT/arsip/<stamp>/`` (a fresh folder every time) instead of refusing.
    """
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
    out, zpath = resolve_out(out)
    check_location(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise (_location_error(out, exc) or _write_failed(out, exc)) from exc
    with package_lock(out, lock_timeout):
        try:
            return _write_locked(out, zpath, documents, inputs, workspace, skipped, prints, force=force,
                                 replace=replace, archive_stamp=archive_stamp, generator_version=generator_version,
                                 revision_date=revision_date)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                raise _location_error(out, exc) or _write_failed(out, exc) from exc
            raise _write_failed(out, exc) from exc


def _write_locked(out: Path, zpath: Path, documents: Sequence[BuiltDocument], inputs: Sequence[InputFile],
                  workspace: WorkspaceInfo, skipped: Sequence[Skipped], prints: Sequence[PrintFile], *,
                  force: bool, replace: Collection[str] | None, archive_stamp: str | None,
                  generator_version: str | None, revision_date: _dt.datetime | None) -> PackageResult:
    _recover(out, zpath)
    check_location(out)
    for _attempt in range(MAX_ATTEMPTS):
        state = inspect_out(out)
        _refuse(out, state, force=force)
        plan = _plan(state, documents, inputs, workspace, skipped, prints, replace=replace, force=force,
                     generator_version=generator_version, out=out, revision_date=revision_date)
        new = _make_temp_dir(out.parent, f".{out.name}.baru-")
        try:
            archive_dir = _assemble(new, out, plan, archive_stamp)
            changed = _fingerprint(out) != state.fingerprint
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        if changed:
            shutil.rmtree(new, ignore_errors=True)
            continue  # someone saved into OUT meanwhile: look again
        return _swap(new, out, zpath, plan, state, archive_dir, archive_stamp)
    raise RefusedError(Problem("package.changed_during_build", {"out": str(out)}))


def _assemble(new: Path, out: Path, plan: _Plan, archive_stamp: str | None) -> Path | None:
    """Write every file of the new package into ``new``; returns the archive round folder, if any."""
    sdir = new / STATE_DIR
    sdir.mkdir()
    state = {"pdf": dict(sorted(plan.pdf_sha.items())), "printed_from": dict(sorted(plan.printed_from.items()))}
    _write_files(
        [
            *((new / name, data) for name, data in plan.files.items()),
            (new / MANIFEST, manifest_bytes(plan.manifest)),
            *((sdir / name, data) for name, data in plan.bases.items()),
            (sdir / STATE_FILE, (json.dumps(state, indent=2) + "\n").encode("utf-8")),
        ]
    )
    if (out / ARSIP).is_dir() and not (out / ARSIP).is_symlink():
        shutil.copytree(out / ARSIP, new / ARSIP, symlinks=True)
    archive_dir: Path | None = None
    to_archive = dict(plan.archive)
    for name in plan.stale_pdfs:
        to_archive[name] = out / name
    if to_archive:
        (new / ARSIP).mkdir(exist_ok=True)
        archive_dir = _unique_child(new / ARSIP, archive_stamp or default_archive_stamp())
        archive_dir.mkdir()
        for name, src in sorted(to_archive.items()):
            _copy_any(src, archive_dir / name)
    _fsync_dir(new)
    return archive_dir


def _copy_any(src: Path, dst: Path) -> None:
    if src.is_symlink():
        os.symlink(os.readlink(src), dst)
    elif src.is_dir():
        shutil.copytree(src, dst, symlinks=True)
    else:
        shutil.copy2(src, dst)


def _swap(new: Path, out: Path, zpath: Path, plan: _Plan, state: _State, archive_dir: Path | None,
          archive_stamp: str | None) -> PackageResult:
    old = out.parent / f".{out.name}.lama-{os.getpid()}-{secrets.token_hex(4)}"
    ztmp = zpath.parent / f".{zpath.name}.{os.getpid()}"
    members = {n: d for n, d in plan.files.items()}
    members[MANIFEST] = manifest_bytes(plan.manifest)
    try:
        _write_file(ztmp, package_zip_bytes(dict(sorted(members.items()))))
        old = _swap_in(new, out, old)
    except PermissionError as exc:
        _discard(new, ztmp)
        opened = _open_files(out)
        if opened:
            raise RefusedError([Problem("package.in_use", {}, file=str(p)) for p in opened]) from exc
        raise RefusedError(Problem("package.in_use_unknown", {"out": str(out)})) from exc
    except BaseException:
        _discard(new, ztmp)
        raise
    _fsync_dir(out.parent)
    warnings: list[Problem] = []
    try:
        os.replace(ztmp, zpath)
        _fsync_dir(zpath.parent)
    except OSError as exc:
        ztmp.unlink(missing_ok=True)
        warnings.append(Problem("package.zip_not_replaced", {"zip": str(zpath), "out": str(out), "detail": str(exc)},
                                severity="warning"))
    rescued = _rescue(old, out, state, archive_stamp) if old.exists() else []
    shutil.rmtree(old, ignore_errors=True)
    final_archive = out / archive_dir.relative_to(new) if archive_dir is not None else None
    return PackageResult(
        out=out,
        zip_path=zpath,
        manifest=plan.manifest,
        archived=sorted(plan.archive),
        archive_dir=final_archive,
        written=plan.written,
        kept=plan.kept,
        carried=plan.carried,
        stale_pdfs=sorted(plan.stale_pdfs),
        rescued=rescued,
        warnings=warnings,
    )


def _discard(new: Path, ztmp: Path) -> None:
    """Remove the unused new package (the swap did not happen: ``new`` still holds what we wrote)."""
    shutil.rmtree(new, ignore_errors=True)
    ztmp.unlink(missing_ok=True)


def _rescue(old: Path, out: Path, state: _State, archive_stamp: str | None) -> list[str]:
    """Anything saved into OUT in the instant between the last look and the swap goes to the archive."""
    now = _fingerprint(old)
    changed = sorted(p for p, fp in now.items() if state.fingerprint.get(p) != fp and not stat.S_ISDIR(fp[0]))
    if not changed:
        return []
    (out / ARSIP).mkdir(exist_ok=True)
    target = _unique_child(out / ARSIP, (archive_stamp or default_archive_stamp()) + "-pulih")
    for rel in changed:
        dst = target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        _copy_any(old / rel, dst)
    return changed
