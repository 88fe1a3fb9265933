"""The lock beside OUT, and the checks that OUT's location can hold a package before anything is written."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assembler.errors import Problem
from assembler.package.fs import _name_max
from assembler.package.manifest import (
    _NAME_OVERHEAD,
    DEFAULT_LOCK_TIMEOUT,
    OutputLocationError,
    PackageLockedError,
    _write_failed,
    lock_path,
    zip_path,
)

# --------------------------------------------------------------------------------------------------
# The lock


@contextmanager
def package_lock(out: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock beside OUT; wait up to ``timeout`` seconds, then refuse clearly.

    ``filelock`` uses ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows, so the same
    build runs on a secretariat's Windows laptop.
    """
    from filelock import FileLock, Timeout

    path = lock_path(out)
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputLocationError(Problem("package.lock_unwritable", {"kunci": str(path)}))
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise PackageLockedError(
            Problem("package.locked", {"out": str(out), "kunci": str(path), "detik": f"{timeout:g}"}),
        ) from None
    except OSError as exc:
        if path.exists():
            raise OutputLocationError(Problem("package.lock_unwritable", {"kunci": str(path)})) from exc
        raise (_location_error(path, exc) or _write_failed(out, exc)) from exc
    try:
        yield
    finally:
        lock.release()


# --------------------------------------------------------------------------------------------------
# Where the package goes


def resolve_out(out: Path | str) -> tuple[Path, Path]:
    """(folder to write, zip path). A symlinked OUT is written through: the link stays a link.

    The swap happens beside the link's target (renaming the link itself would replace it by a
    folder); the zip stays beside the name the user gave.
    """
    given = Path(out).absolute()
    _check_name_lengths(given)
    real = given
    if given.is_symlink():
        try:
            real = given.resolve(strict=True)
        except (OSError, RuntimeError):
            target = os.readlink(given)
            raise OutputLocationError(Problem("package.broken_link", {"out": str(given), "target": target})) from None
    return real, zip_path(given)


def _check_name_lengths(path: Path) -> None:
    """Every component within the file system's limit (OUT's own leaves room for siap's temporary names).

    Checked before anything touches the disk: on Python 3.11 even ``is_symlink`` raises on such a name.
    """
    limit = _name_max(Path(path.anchor))
    for i, part in enumerate(path.parts[1:], start=1):
        allowed = limit - _NAME_OVERHEAD if i == len(path.parts) - 1 else limit
        size = len(os.fsencode(part))
        if size > allowed:
            raise OutputLocationError(
                Problem("package.name_too_long", {"nama": _shorten(part), "panjang": size, "batas": allowed})
            )


def check_location(out: Path) -> None:
    """Refuse an OUT that cannot be used, with the reason, before anything is written (exit 2)."""
    if out.exists() and not out.is_dir():
        raise OutputLocationError(Problem("package.not_a_folder", {"out": str(out)}))
    ancestor = out.parent
    while not ancestor.exists() and not ancestor.is_symlink():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputLocationError(Problem("package.below_a_file", {"out": str(out), "berkas": str(ancestor)}))
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputLocationError(Problem("package.parent_unwritable", {"folder": str(ancestor)}))
    if out.is_dir() and not os.access(out, os.W_OK):
        raise OutputLocationError(Problem("package.read_only", {"out": str(out)}))


def _shorten(name: str) -> str:
    return name if len(name) <= 60 else name[:40] + "…" + name[-12:]


def _location_error(out: Path, exc: OSError) -> OutputLocationError | None:
    """Turn an OSError about the place (not the disk) into a usage error, else None."""
    if exc.errno == errno.ENAMETOOLONG:
        n = len(os.fsencode(str(out)))
        return OutputLocationError(Problem("package.name_too_long", {"nama": _shorten(out.name), "panjang": n,
                                                                     "batas": _name_max(out.parent)}))
    if isinstance(exc, PermissionError):
        return OutputLocationError(Problem("package.parent_unwritable", {"folder": str(out.parent)}))
    if isinstance(exc, NotADirectoryError):
        return OutputLocationError(Problem("package.below_a_file", {"out": str(out), "berkas": str(out.parent)}))
    return None
