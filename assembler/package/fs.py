"""Platform branches for the file-system calls the swap needs (tested on Linux by patching these answers)."""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import sys
from pathlib import Path

# --------------------------------------------------------------------------------------------------
# Platform branches (tested on Linux by patching these two answers, or ``sys.platform``)


def _on_windows() -> bool:
    return sys.platform == "win32"


def _on_linux() -> bool:
    return sys.platform.startswith("linux")


def _fsync_dir(path: Path) -> None:
    """Make a rename durable. Windows cannot open a directory with ``os.open``; NTFS journals renames."""
    if _on_windows():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not _on_linux():
        return False
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


def _name_max(folder: Path) -> int:
    if hasattr(os, "pathconf") and not _on_windows():
        try:
            return int(os.pathconf(folder, "PC_NAME_MAX"))
        except (OSError, ValueError):
            pass
    return 255


def _open_files(folder: Path) -> list[Path]:
    """Files under ``folder`` that another program holds open (Windows: a sharing violation).

    Word opens a document denying others write access, so opening it for update fails with
    PermissionError; that is how Windows tells us, and the file it names is the one to close.
    """
    found: list[Path] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        try:
            with open(path, "r+b"):
                pass
        except PermissionError:
            if os.access(path, os.W_OK):  # writable, yet refused: held open by someone
                found.append(path)
        except OSError:
            continue
    return found
