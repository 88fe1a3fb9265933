"""Write a package (OUT/ with the documents and manifest.json, plus OUT.zip) atomically, losing nothing.

The package is assembled in a temporary folder beside OUT (same filesystem, so renames are atomic)
and swapped in only when complete; a build killed at any moment leaves the previous OUT as it was.
A lock file beside OUT (``filelock``, portable) keeps two builds from interleaving.

What is in OUT is judged *under the lock, immediately before the swap*, against the bytes on disk
at that moment (see docs/dev/paket-dan-cetak.md):

* a document whose bytes differ from what siap generated (the merge base, kept in ``OUT/.siap/``)
  is the user's: it is carried over untouched, and when its inputs changed a ``NN-id.revisi.docx``
  beside it carries siap's changes as Word tracked changes;
* anything siap did not make (a dotfile, a subfolder, an annotated PDF, a file named ``arsip``…)
  stops the build (exit 3); ``force`` moves it into ``OUT/arsip/<stamp>/`` first;
* a document open in Word or LibreOffice (its lock file is there, or Windows refuses the rename)
  stops the build (exit 3) naming the document;
* ``arsip/`` is carried over by every build, and nothing is ever deleted that siap cannot remake.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as _dt
import errno
import hashlib
import io
import json
import os
import secrets
import shutil
import stat
import sys
import zipfile
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.docxnorm import write_zip
from assembler.errors import ExitCode, Problem, SiapError
from assembler.messages import Localized, register
from assembler.redline import Conflict

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
        "package.below_a_file": (
            "folder keluaran {out} tidak dapat dibuat karena {berkas} adalah berkas, bukan folder; "
            "pilih folder keluaran lain",
            "output folder {out} cannot be created because {berkas} is a file, not a folder; "
            "choose another output folder",
        ),
        "package.name_too_long": (
            "nama folder keluaran '{nama}' terlalu panjang untuk sistem berkas ({panjang} bita; paling banyak "
            "{batas}); pilih nama yang lebih pendek",
            "output folder name '{nama}' is too long for the file system ({panjang} bytes; at most {batas}); "
            "choose a shorter name",
        ),
        "package.parent_unwritable": (
            "folder {folder} tidak dapat ditulisi (izin ditolak), jadi paket tidak dapat ditulis di sana; "
            "pilih folder keluaran lain atau minta izin tulis",
            "folder {folder} cannot be written to (permission denied), so the package cannot be written "
            "there; choose another output folder or ask for write permission",
        ),
        "package.lock_unwritable": (
            "berkas kunci {kunci} tidak dapat dibuka untuk ditulis (izin ditolak); hapus berkas itu atau "
            "minta izin tulis, lalu ulangi",
            "lock file {kunci} cannot be opened for writing (permission denied); delete it or ask for "
            "write permission, then try again",
        ),
        "package.read_only": (
            "folder keluaran {out} hanya-baca, jadi siap tidak menggantinya; izinkan penulisan pada folder "
            "itu atau pilih folder keluaran lain",
            "output folder {out} is read-only, so siap does not replace it; allow writing to it or choose "
            "another output folder",
        ),
        "package.broken_link": (
            "folder keluaran {out} adalah tautan (symlink) ke {target} yang tidak ada; buat folder itu "
            "atau pilih folder keluaran lain",
            "output folder {out} is a link (symlink) to {target}, which does not exist; create that "
            "folder or choose another output folder",
        ),
        "package.bad_name": (
            "nama berkas '{nama}' tidak boleh dipakai dalam paket (harus nama berkas biasa tanpa folder)",
            "file name '{nama}' cannot be used in the package (it must be a plain file name, no folders)",
        ),
        "package.duplicate_name": (
            "nama berkas '{nama}' dipakai lebih dari satu dokumen",
            "file name '{nama}' is used by more than one document",
        ),
        "package.bad_manifest": (
            "manifest.json rusak ({detail}), jadi siap tidak dapat mengenali naskah yang disunting tangan; "
            "pembuatan dibatalkan dan tidak ada yang diubah. Jalankan ulang dengan --force untuk memindahkan "
            "seluruh isi folder ke {arsip}/ lebih dahulu",
            "manifest.json is damaged ({detail}), so siap cannot tell which documents were edited by hand; "
            "the build stopped and nothing was changed. Run again with --force to move everything in the "
            "folder into {arsip}/ first",
        ),
        "package.foreign_file": (
            "berkas ini tidak dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. Pindahkan berkas ini, "
            "atau jalankan ulang dengan --force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "siap did not make this file; the build stopped and nothing was changed. Move it away, or run "
            "again with --force to move it into {arsip}/ first",
        ),
        "package.foreign_folder": (
            "folder ini tidak dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. Pindahkan folder ini, "
            "atau jalankan ulang dengan --force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "siap did not make this folder; the build stopped and nothing was changed. Move it away, or run "
            "again with --force to move it into {arsip}/ first",
        ),
        "package.edited_pdf": (
            "PDF ini diubah setelah dibuat siap (mungkin diberi anotasi); pembuatan dibatalkan dan tidak ada "
            "yang diubah. Simpan di luar folder ini, atau jalankan ulang dengan --force untuk memindahkannya "
            "ke {arsip}/ lebih dahulu",
            "this PDF changed after siap made it (perhaps annotated); the build stopped and nothing was "
            "changed. Keep it outside this folder, or run again with --force to move it into {arsip}/ first",
        ),
        "package.edited_revision": (
            "berkas revisi ini diubah setelah dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. "
            "Simpan hasil peninjauan sebagai {naskah} (menggantikan naskah yang disunting) atau di luar folder "
            "ini, atau jalankan ulang dengan --force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "this revision file changed after siap made it; the build stopped and nothing was changed. Save "
            "the reviewed result as {naskah} (replacing the edited document) or outside this folder, or run "
            "again with --force to move it into {arsip}/ first",
        ),
        "package.open_document": (
            "naskah ini sedang dibuka ({kunci} ada); tutup dokumen ini di Word/LibreOffice lalu ulangi. "
            "Bila tidak ada yang membukanya, hapus {kunci}",
            "this document is open ({kunci} exists); close it in Word/LibreOffice, then try again. If "
            "nobody has it open, delete {kunci}",
        ),
        "package.unreadable": (
            "berkas ini tidak dapat dibaca ({detail}), jadi siap tidak dapat memeriksa apakah berkas ini "
            "disunting; tidak ada yang diubah. Periksa izin berkas itu (atau tutup program yang menguncinya) "
            "lalu ulangi",
            "this file cannot be read ({detail}), so siap cannot tell whether it was edited; nothing was "
            "changed. Check its permissions (or close the program that locks it), then try again",
        ),
        "package.in_use": (
            "berkas ini sedang dipakai program lain; tutup dokumen ini di Word/LibreOffice lalu ulangi. "
            "Paket sebelumnya tidak berubah",
            "this file is in use by another program; close it in Word/LibreOffice, then try again. The "
            "previous package is unchanged",
        ),
        "package.in_use_unknown": (
            "folder keluaran {out} tidak dapat diganti karena ada berkas di dalamnya yang sedang dipakai "
            "program lain; tutup dokumen di Word/LibreOffice (dan jendela folder itu) lalu ulangi. Paket "
            "sebelumnya tidak berubah",
            "output folder {out} cannot be replaced because a file in it is in use by another program; "
            "close the documents in Word/LibreOffice (and that folder's window), then try again. The "
            "previous package is unchanged",
        ),
        "package.changed_during_build": (
            "isi folder keluaran {out} terus berubah selama pembuatan (ada berkas yang sedang disimpan); "
            "tidak ada yang diubah. Ulangi setelah selesai menyimpan",
            "the output folder {out} kept changing during the build (a file is being saved); nothing "
            "was changed. Try again when saving has finished",
        ),
        "package.write_failed": (
            "paket tidak dapat ditulis ke {out}: {detail}; paket sebelumnya tidak berubah",
            "the package could not be written to {out}: {detail}; the previous package is unchanged",
        ),
        "package.zip_not_replaced": (
            "{zip} tidak dapat diganti ({detail}); folder {out} sudah baru, dan zip diperbarui pada build "
            "berikutnya",
            "{zip} could not be replaced ({detail}); folder {out} is new, and the zip is brought up to date "
            "at the next build",
        ),
    }
)

MANIFEST = "manifest.json"
ARSIP = "arsip"
#: siap's own hidden folder in OUT: the merge bases (the exact bytes siap generated) and PDF hashes.
STATE_DIR = ".siap"
STATE_FILE = "state.json"
REVISION_SUFFIX = ".revisi.docx"
DEFAULT_LOCK_TIMEOUT = 30.0
#: How often the folder may change under us before the build gives up (someone saving repeatedly).
MAX_ATTEMPTS = 3
#: Longest suffix siap adds to OUT's name for its temporary siblings (``.NAME.lama-<pid>-<hex>``).
_NAME_OVERHEAD = 40


class PackageError(SiapError):
    """The package could not be written; the previous OUT is untouched."""

    exit_code = ExitCode.INVALID


class PackageLockedError(PackageError):
    """Another build holds the lock on OUT."""


class OutputLocationError(PackageError):
    """OUT cannot be used as given (a file, below a file, read-only, too long a name): a usage error."""

    exit_code = ExitCode.USAGE


class RefusedError(PackageError):
    """OUT holds something siap did not make, or a document that is open: nothing is changed (exit 3)."""

    exit_code = ExitCode.HAND_EDITED


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
    #: sha256 of the .docx the PDF was printed from, when not ``data`` (a hand-edited file is printed as
    #: the user saved it); the PDF is written only beside exactly those bytes.
    pdf_of: str | None = None


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
class KeptDocument:
    """A hand-edited (or re-saved) document that siap left as the user saved it."""

    id: str
    file: str
    text_changed: bool
    revision: str | None = None
    revisions: int = 0
    conflicts: Sequence[Conflict] = ()  # paragraphs changed by hand and by the inputs: hand version kept
    no_base: bool = False
    unreadable: bool = False
    caught_up: bool = False  # the edit already holds the new inputs: nothing proposed, the base moved on


@dataclass(frozen=True)
class PackageResult:
    out: Path
    zip_path: Path
    manifest: dict[str, Any]
    archived: list[str] = field(default_factory=list)
    archive_dir: Path | None = None
    written: list[str] = field(default_factory=list)
    kept: list[KeptDocument] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)
    stale_pdfs: list[str] = field(default_factory=list)
    rescued: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def revision_name(file: str) -> str:
    """``01-sk-pokja.docx`` → ``01-sk-pokja.revisi.docx``."""
    stem = file[: -len(".docx")] if file.endswith(".docx") else file
    return stem + REVISION_SUFFIX


def build_manifest(
    documents: Sequence[BuiltDocument],
    inputs: Sequence[InputFile],
    workspace: WorkspaceInfo,
    skipped: Sequence[Skipped] = (),
    *,
    generator_version: str | None = None,
    prints: Sequence[PrintFile] = (),
) -> dict[str, Any]:
    """The manifest dict of a fresh package, keys in CONTRACT.md order (dicts keep insertion order)."""
    return _manifest(
        [_entry(d) for d in documents],
        inputs,
        workspace,
        [{"id": s.id, "waiting_for": list(s.waiting_for)} for s in skipped],
        [{"file": p.file, "parts": list(p.parts)} for p in prints],
        generator_version,
    )


def _entry(d: BuiltDocument, *, with_pdf: bool = True) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": d.id,
        "title": d.title,
        "file": d.file,
        "sha256": sha256_bytes(d.data),
        "sources": list(d.sources),
    }
    if with_pdf and d.pdf_file is not None:
        entry["pdf"] = d.pdf_file
    return entry


def _manifest(
    docs: list[dict[str, Any]],
    inputs: Sequence[InputFile],
    workspace: WorkspaceInfo,
    skipped: list[dict[str, Any]],
    prints: list[dict[str, Any]],
    generator_version: str | None,
) -> dict[str, Any]:
    if generator_version is None:
        from assembler import __version__ as generator_version
    manifest: dict[str, Any] = {
        "generator": {"name": "siap", "version": generator_version},
        "workspace": {"daerah": workspace.daerah, "pdam": workspace.pdam, "tahun": workspace.tahun},
        "inputs": [{"path": i.path, "sha256": i.sha256} for i in sorted(inputs, key=lambda i: i.path)],
        "documents": docs,
        "skipped": skipped,
    }
    if prints:
        manifest["prints"] = prints
    return manifest


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


class ManifestError(ValueError):
    """manifest.json exists but is not one siap wrote (bad JSON, wrong shape); ``why`` in both languages."""

    def __init__(self, why_id: str, why_en: str | None = None):
        super().__init__(why_id)
        self.why = Localized(why_id, why_en if why_en is not None else why_id)


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of an existing package; None when there is none; ManifestError when damaged."""
    path = out / MANIFEST
    if not path.exists() and not path.is_symlink():
        return None
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ManifestError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc  # Python's text
    _validate_manifest(data)
    return data  # type: ignore[no-any-return]


def _validate_manifest(data: Any) -> None:
    def fail(why_id: str, why_en: str) -> None:
        raise ManifestError(why_id, why_en)

    if not isinstance(data, dict):
        fail("bukan objek JSON", "not a JSON object")
    docs = data.get("documents", [])
    if not isinstance(docs, list):
        fail("'documents' bukan daftar", "'documents' is not a list")
    for i, d in enumerate(docs):
        if not isinstance(d, dict) or not isinstance(d.get("file"), str) or not isinstance(d.get("sha256"), str):
            fail(f"documents[{i}] tanpa 'file' dan 'sha256'", f"documents[{i}] without 'file' and 'sha256'")
        for key in ("id", "pdf", "base"):
            if key in d and not isinstance(d[key], str):
                fail(f"documents[{i}].{key} bukan teks", f"documents[{i}].{key} is not text")
        rev = d.get("revision")
        if rev is not None and not (
            isinstance(rev, dict) and isinstance(rev.get("file"), str) and isinstance(rev.get("sha256", ""), str)
        ):
            fail(f"documents[{i}].revision tidak dikenal", f"documents[{i}].revision is not recognised")
        names = [d["file"], d.get("pdf"), rev.get("file") if isinstance(rev, dict) else None]
        for name in names:
            if name is not None and not _plain_name(name):
                fail(f"documents[{i}]: nama berkas '{name}'", f"documents[{i}]: file name '{name}'")
    files = [d["file"] for d in docs]
    ids = [d.get("id", d["file"]) for d in docs]
    if len(set(files)) != len(files) or len(set(ids)) != len(ids):
        fail("naskah tercantum dua kali", "a document is listed twice")
    prints = data.get("prints", [])
    if not isinstance(prints, list) or not all(
        isinstance(p, dict)
        and isinstance(p.get("file"), str)
        and _plain_name(p["file"])
        and isinstance(p.get("parts", []), list)
        and all(isinstance(x, str) for x in p.get("parts", []))
        for p in prints
    ):
        fail("'prints' tidak dikenal", "'prints' is not recognised")
    skipped = data.get("skipped", [])
    if not isinstance(skipped, list) or not all(isinstance(x, dict) for x in skipped):
        fail("'skipped' tidak dikenal", "'skipped' is not recognised")


def _plain_name(name: str) -> bool:
    return bool(name) and name not in (".", "..", MANIFEST, ARSIP, STATE_DIR) and not any(
        c in name for c in "/\\\x00"
    )


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


def zip_path(out: Path) -> Path:
    return out.parent / f"{out.name}.zip"


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


# --------------------------------------------------------------------------------------------------
# What is in OUT now


@dataclass
class _State:
    """OUT as found under the lock: the old manifest, the bytes of its files, and what is foreign."""

    manifest: dict[str, Any] | None
    files: dict[str, bytes]  # top-level regular files, name → bytes, as read now
    bases: dict[str, bytes]  # document file → the bytes siap generated (from .siap/)
    pdf_sha: dict[str, str]  # PDF file → sha256 siap wrote (from .siap/state.json)
    printed_from: dict[str, dict[str, str]]  # PDF file → {document id: sha256 of the .docx it shows}
    foreign: list[Problem]  # refused unless force; each problem's file is a path in OUT
    archive_all: list[str]  # with a damaged manifest, ``force`` archives every entry of OUT
    open_docs: list[Problem]  # refused always (open in Word, or unreadable)
    fingerprint: dict[str, tuple[int, int, int]]


def _fingerprint(out: Path) -> dict[str, tuple[int, int, int]]:
    """Every path under OUT with (mode, size, mtime_ns): a save by Word between two looks changes it."""
    result: dict[str, tuple[int, int, int]] = {}
    if not out.is_dir():
        return result
    for root, dirs, files in os.walk(out):
        for name in dirs + files:
            path = Path(root) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            result[str(path.relative_to(out))] = (st.st_mode, st.st_size if not stat.S_ISDIR(st.st_mode) else 0,
                                                 st.st_mtime_ns if not stat.S_ISDIR(st.st_mode) else 0)
    return result


def _archive_hint(out: Path) -> dict[str, str]:
    return {"arsip": f"{out.name}/{ARSIP}"}


def inspect_out(out: Path) -> _State:
    """Read OUT and judge every entry (no lock needed to *read*; the writer re-reads under the lock)."""
    fp = _fingerprint(out)
    state = _State(None, {}, {}, {}, {}, [], [], [], fp)
    if not out.is_dir():
        return state
    hint = _archive_hint(out)
    try:
        state.manifest = read_manifest(out)
    except ManifestError as exc:
        listed = sorted(p.name for p in out.iterdir())
        state.foreign = [
            Problem("package.bad_manifest", {"detail": exc.why, **hint}, file=str(out / MANIFEST))
        ]
        for name in listed:
            owner = _lock_owner(name, set(listed))
            if owner is not None:
                state.open_docs.append(Problem("package.open_document", {"kunci": name}, file=str(out / owner)))
            elif not _own_folder(out / name):
                state.archive_all.append(name)
        return state
    entries = sorted(out.iterdir(), key=lambda p: p.name)
    if state.manifest is None:
        return state
    docs = state.manifest.get("documents", [])
    known_docs = {d["file"]: d for d in docs}
    revisions = {d["revision"]["file"]: d for d in docs if isinstance(d.get("revision"), dict)}
    pdfs = {d["pdf"] for d in docs if d.get("pdf")} | {p["file"] for p in state.manifest.get("prints", [])}
    _read_state_dir(out, state, known_docs)
    names = {p.name for p in entries}
    for path in entries:
        name = path.name
        where = str(path)
        if name == MANIFEST and path.is_file() and not path.is_symlink():
            continue
        if _own_folder(path):
            continue
        opened = _lock_owner(name, names)
        if opened is not None:
            state.open_docs.append(Problem("package.open_document", {"kunci": name}, file=str(out / opened)))
            continue
        if path.is_symlink() or not path.is_file():
            code = "package.foreign_folder" if path.is_dir() and not path.is_symlink() else "package.foreign_file"
            state.foreign.append(Problem(code, hint, file=where))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            state.open_docs.append(Problem("package.unreadable", {"detail": exc.strerror or str(exc)}, file=where))
            continue
        state.files[name] = data
        if name in known_docs:
            continue  # a document: untouched or edited by hand, both carried or replaced, never refused
        if name in revisions:
            rev = revisions[name]["revision"]
            if rev.get("sha256") and sha256_bytes(data) != rev["sha256"]:
                state.foreign.append(
                    Problem("package.edited_revision", {**hint, "naskah": revisions[name]["file"]}, file=where)
                )
            continue
        if name in pdfs:
            known = state.pdf_sha.get(name)
            if known is not None and sha256_bytes(data) != known:
                state.foreign.append(Problem("package.edited_pdf", hint, file=where))
            continue
        state.foreign.append(Problem("package.foreign_file", hint, file=where))
    return state


def _own_folder(path: Path) -> bool:
    """``arsip/`` and ``.siap/`` as real folders are siap's (carried, or remade), whatever the manifest says."""
    return path.name in (ARSIP, STATE_DIR) and path.is_dir() and not path.is_symlink()


def _read_state_dir(out: Path, state: _State, known_docs: dict[str, dict[str, Any]]) -> None:
    """The merge bases whose hash matches the manifest (a damaged base is as good as none)."""
    sdir = out / STATE_DIR
    if not sdir.is_dir() or sdir.is_symlink():
        return
    for name, entry in known_docs.items():
        base = sdir / name
        if base.is_file() and not base.is_symlink():
            data = base.read_bytes()
            if sha256_bytes(data) == entry["sha256"]:
                state.bases[name] = data
    try:
        saved = json.loads((sdir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    pdf = saved.get("pdf", {}) if isinstance(saved, dict) else {}
    if isinstance(pdf, dict):
        state.pdf_sha = {str(k): str(v) for k, v in pdf.items()}
    printed = saved.get("printed_from", {}) if isinstance(saved, dict) else {}
    if isinstance(printed, dict):
        state.printed_from = {
            str(k): {str(i): str(h) for i, h in v.items()} for k, v in printed.items() if isinstance(v, dict)
        }


def _lock_owner(name: str, names: set[str]) -> str | None:
    """The document a Word (``~$…``) or LibreOffice (``.~lock.…#``) lock file says is open, else None.

    Word's owner file replaces the first one or two characters of a long name by ``~$``
    (``~$-sk-pokja.docx`` for ``01-sk-pokja.docx``); some versions prefix the whole name.
    """
    if name.startswith(".~lock.") and name.endswith("#"):
        return name[len(".~lock.") : -1]
    if name.startswith("~$") and len(name) > 2:
        rest = name[2:]
        candidates = sorted(n for n in names if n != name and n.endswith(rest) and len(n) - len(rest) <= 2)
        return rest if rest in candidates or not candidates else candidates[0]
    return None


def preflight(out: Path | str, *, force: bool) -> None:
    """Refuse early (before rendering) what the locked check would refuse anyway.

    Only a courtesy: the decision that counts is taken again under the lock, just before the swap.
    """
    real, _ = resolve_out(out)
    check_location(real)
    state = inspect_out(real)
    _refuse(real, state, force=force)


def hand_edited_files(out: Path | str) -> dict[str, bytes]:
    """Documents in OUT that differ from what siap generated, as they are now (read without the lock).

    Used to print a hand-edited document as the user saved it; the package re-checks under the lock.
    """
    try:
        real, _ = resolve_out(out)
        state = inspect_out(real)
    except (OSError, SiapError):
        return {}
    if state.manifest is None:
        return {}
    return {
        d["file"]: state.files[d["file"]]
        for d in state.manifest.get("documents", [])
        if d["file"] in state.files and sha256_bytes(state.files[d["file"]]) != d["sha256"]
    }


def _refuse(out: Path, state: _State, *, force: bool) -> None:
    if out.is_dir() and state.manifest is None and not state.foreign and any(
        p.name not in (STATE_DIR,) for p in out.iterdir()
    ):
        from assembler.errors import UsageError

        raise UsageError(Problem("build.not_a_package", {"out": str(out)}))
    if state.open_docs:
        raise RefusedError(state.open_docs)
    if state.foreign and not force:
        raise RefusedError(state.foreign)


register(
    {
        "build.not_a_package": (
            "folder hasil '{out}' sudah berisi berkas lain dan bukan paket siap (tidak ada manifest.json); "
            "pilih folder lain",
            "output folder '{out}' already holds other files and is not a siap package (no manifest.json); "
            "choose another folder",
        ),
    }
)


# --------------------------------------------------------------------------------------------------
# Writing


def _check_name(name: str) -> None:
    if not _plain_name(name) or name.endswith(REVISION_SUFFIX):
        raise PackageError(Problem("package.bad_name", {"nama": name}))


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


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


def revision_date_now() -> _dt.datetime:
    """The moment a revision is first proposed: ``SOURCE_DATE_EPOCH`` when set, else now (UTC, seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
    return _dt.datetime.now(tz=_dt.UTC).replace(microsecond=0)


@dataclass
class _Plan:
    """The new package, decided from the built documents and OUT as read under the lock."""

    files: dict[str, bytes]  # top-level package files (also the zip), except manifest.json
    bases: dict[str, bytes]
    pdf_sha: dict[str, str]
    printed_from: dict[str, dict[str, str]]
    manifest: dict[str, Any]
    archive: dict[str, Path]  # names in OUT to move into the archive round
    written: list[str]
    kept: list[KeptDocument]
    carried: list[str]
    stale_pdfs: list[str]
    fresh_pdfs: set[str] = field(default_factory=set)  # ids whose PDF printed in this build is in OUT


def _plan(
    state: _State,
    documents: Sequence[BuiltDocument],
    inputs: Sequence[InputFile],
    workspace: WorkspaceInfo,
    skipped: Sequence[Skipped],
    prints: Sequence[PrintFile],
    *,
    replace: Collection[str] | None,
    force: bool,
    generator_version: str | None,
    out: Path,
    revision_date: _dt.datetime | None,
) -> _Plan:
    old = state.manifest or {}
    old_docs: dict[str, dict[str, Any]] = {d.get("id", d["file"]): d for d in old.get("documents", [])}
    plan = _Plan({}, {}, {}, {}, {}, {}, [], [], [], [])
    if force:
        for problem in state.foreign:
            name = Path(problem.file or "").name
            plan.archive[name] = out / name
        for name in state.archive_all:
            plan.archive[name] = out / name
    entries: dict[str, dict[str, Any]] = {}
    final: dict[str, str] = {}  # id → sha256 of the .docx that will sit in OUT
    fresh: dict[str, BuiltDocument] = {}
    previous: dict[str, dict[str, Any] | None] = {}
    built_ids = {d.id for d in documents}
    for doc in documents:
        prev = old_docs.get(doc.id)
        if prev is not None and prev["file"] != doc.file:
            prev = None  # renamed document (never happens for shipped ids): treated as new
        previous[doc.id], fresh[doc.id] = prev, doc
        entry = _entry(doc, with_pdf=False)
        on_disk = state.files.get(doc.file)
        new_sha = entry["sha256"]
        edited = on_disk is not None and prev is not None and sha256_bytes(on_disk) != prev["sha256"]
        if on_disk is not None and prev is None and sha256_bytes(on_disk) != new_sha and doc.file not in plan.archive:
            edited = True  # a file of that name siap has no record of: the user's, never overwritten
            prev = {"sha256": new_sha}
        if edited and force:
            plan.archive[doc.file] = out / doc.file
            edited = False
        if edited:
            assert on_disk is not None and prev is not None
            entries[doc.id] = _keep_edited(plan, state, doc, prev, on_disk, revision_date)
            final[doc.id] = sha256_bytes(on_disk)
            continue
        plan.files[doc.file] = doc.data
        plan.bases[doc.file] = doc.data
        plan.written.append(doc.file)
        entry["base"] = f"{STATE_DIR}/{doc.file}"
        entries[doc.id] = entry
        final[doc.id] = new_sha
    # Documents this build is not responsible for (``--only``), and edited ones it no longer builds.
    for doc_id, prev in old_docs.items():
        if doc_id in built_ids:
            continue
        responsible = replace is None or doc_id in replace
        name = prev["file"]
        on_disk = state.files.get(name)
        if name in plan.archive or on_disk is None:
            continue
        edited = sha256_bytes(on_disk) != prev["sha256"]
        if responsible and not edited:
            pdf = prev.get("pdf")
            if pdf and pdf in state.files and pdf not in plan.archive:
                plan.stale_pdfs.append(pdf)  # its .docx is gone: the PDF goes to the archive, not away
            continue  # siap's own, no longer buildable: dropped (listed as skipped)
        entries[doc_id] = _carry(plan, state, prev, on_disk, edited=edited)
        previous[doc_id] = prev
        final[doc_id] = sha256_bytes(on_disk)
    for doc_id, entry in entries.items():
        _place_pdf(plan, state, fresh.get(doc_id), previous.get(doc_id), entry, final[doc_id])
    # Manifest order: by file name (the NN- prefix is the registry order), stable across builds.
    docs = [entries[k] for k in sorted(entries, key=lambda k: str(entries[k]["file"]))]
    print_rows = _place_prints(plan, state, prints, old, final)
    skipped_rows = [{"id": s.id, "waiting_for": list(s.waiting_for)} for s in skipped]
    if replace is not None:
        skipped_rows += [s for s in old.get("skipped", []) if isinstance(s, dict) and s.get("id") not in replace
                         and s.get("id") not in entries]
    plan.manifest = _manifest(docs, inputs, workspace, skipped_rows, print_rows, generator_version)
    return plan


def _place_pdf(plan: _Plan, state: _State, doc: BuiltDocument | None, prev: dict[str, Any] | None,
               entry: dict[str, Any], docx_sha: str) -> None:
    """A PDF sits beside a document only if it was printed from exactly that document's bytes.

    A PDF printed in this build is written when it shows the .docx that will be in OUT (a kept
    hand edit is printed as saved); otherwise the previous PDF stays while it still shows that
    .docx, and goes to the archive when it does not (never deleted).
    """
    entry.pop("pdf", None)
    printed = doc is not None and doc.pdf_file is not None and doc.pdf_data is not None
    if doc is not None and printed and (doc.pdf_of or sha256_bytes(doc.data)) == docx_sha:
        assert doc.pdf_file is not None and doc.pdf_data is not None
        plan.fresh_pdfs.add(doc.id)
        plan.files[doc.pdf_file] = doc.pdf_data
        plan.pdf_sha[doc.pdf_file] = sha256_bytes(doc.pdf_data)
        plan.printed_from[doc.pdf_file] = {doc.id: docx_sha}
        _insert_pdf(entry, doc.pdf_file)
        old_pdf = prev.get("pdf") if prev else None
        if old_pdf and old_pdf != doc.pdf_file and old_pdf in state.files and old_pdf not in plan.archive:
            plan.stale_pdfs.append(old_pdf)
        return
    old_pdf = prev.get("pdf") if prev else None
    if not old_pdf or old_pdf not in state.files or old_pdf in plan.archive:
        return
    doc_id = str(entry["id"])
    shown = state.printed_from.get(old_pdf, {}).get(doc_id) or (prev or {}).get("sha256")
    if shown == docx_sha:
        plan.files[old_pdf] = state.files[old_pdf]
        plan.pdf_sha[old_pdf] = sha256_bytes(state.files[old_pdf])
        plan.printed_from[old_pdf] = {doc_id: docx_sha}
        _insert_pdf(entry, old_pdf)
    else:
        plan.stale_pdfs.append(old_pdf)


def _insert_pdf(entry: dict[str, Any], pdf: str) -> None:
    """``"pdf"`` right after ``"sources"``, as CONTRACT.md shows it."""
    items = list(entry.items())
    at = next((i + 1 for i, (k, _) in enumerate(items) if k == "sources"), len(items))
    items.insert(at, ("pdf", pdf))
    entry.clear()
    entry.update(items)


def _carry(plan: _Plan, state: _State, prev: dict[str, Any], on_disk: bytes, *, edited: bool) -> dict[str, Any]:
    """An entry of the previous package kept as it was: its file, PDF, revision and base."""
    entry = dict(prev)
    name = prev["file"]
    plan.files[name] = on_disk
    plan.carried.append(name)
    if name in state.bases:
        plan.bases[name] = state.bases[name]
        entry["base"] = f"{STATE_DIR}/{name}"
    else:
        entry.pop("base", None)
    rev = prev.get("revision")
    if isinstance(rev, dict) and rev["file"] in state.files and rev["file"] not in plan.archive and edited:
        plan.files[rev["file"]] = state.files[rev["file"]]
    else:
        entry.pop("revision", None)
    if not edited:
        entry.pop("edited", None)
    return entry


def _keep_edited(plan: _Plan, state: _State, doc: BuiltDocument, prev: dict[str, Any], on_disk: bytes,
                 revision_date: _dt.datetime | None) -> dict[str, Any]:
    """Leave the user's document as saved; when its inputs changed, write the revision beside it."""
    from assembler.redline import has_text_changes, merge_revision  # lxml work, only when needed

    base = state.bases.get(doc.file)
    plan.files[doc.file] = on_disk
    entry: dict[str, Any] = {"id": doc.id, "title": doc.title, "file": doc.file, "sha256": prev["sha256"],
                             "sources": list(doc.sources)}
    inputs_changed = sha256_bytes(doc.data) != prev["sha256"]
    if base is not None:
        plan.bases[doc.file] = base
        entry["base"] = f"{STATE_DIR}/{doc.file}"
    entry["edited"] = True
    try:
        text_changed = True if base is None else has_text_changes(base, on_disk)
    except Exception:  # not a readable .docx any more (a damaged save): certainly not siap's
        text_changed = True
    if not inputs_changed:
        plan.kept.append(KeptDocument(doc.id, doc.file, text_changed))
        return entry
    if base is None:
        plan.kept.append(KeptDocument(doc.id, doc.file, text_changed, no_base=True))
        return entry
    rev_file = revision_name(doc.file)
    edited_sha, new_sha = sha256_bytes(on_disk), sha256_bytes(doc.data)
    when = _revision_date(prev.get("revision"), edited_sha, new_sha) or revision_date or revision_date_now()
    try:
        result = merge_revision(base, on_disk, doc.data, author="siap", date=when)
    except Exception:  # the edited file cannot be read as a .docx: kept, and said so
        plan.kept.append(KeptDocument(doc.id, doc.file, text_changed, unreadable=True))
        return entry
    if result.revisions == 0 and not result.conflicts:
        # The edit already holds every input change (e.g. the revision was accepted and saved as the
        # document): siap's new version becomes the base, and there is nothing to propose.
        plan.bases[doc.file] = doc.data
        entry["sha256"] = new_sha
        entry["base"] = f"{STATE_DIR}/{doc.file}"
        plan.kept.append(KeptDocument(doc.id, doc.file, text_changed, caught_up=True))
        return entry
    plan.files[rev_file] = result.data
    entry["revision"] = {
        "file": rev_file,
        "sha256": sha256_bytes(result.data),
        "date": when.isoformat(),
        "edited_sha256": edited_sha,
        "generated_sha256": new_sha,
        "revisions": result.revisions,
        "conflicts": len(result.conflicts),
    }
    plan.kept.append(KeptDocument(doc.id, doc.file, text_changed, rev_file, result.revisions, result.conflicts))
    return entry


def _revision_date(previous: Any, edited_sha: str, new_sha: str) -> _dt.datetime | None:
    """The date of the same revision proposed before: the build's date is when siap first proposed it.

    The same hand edit and the same inputs therefore give the same revision file, byte for byte,
    on whichever day the build runs again.
    """
    if not isinstance(previous, dict):
        return None
    if previous.get("edited_sha256") != edited_sha or previous.get("generated_sha256") != new_sha:
        return None
    try:
        return _dt.datetime.fromisoformat(str(previous.get("date")))
    except ValueError:
        return None


def _without_pdf(doc: BuiltDocument) -> BuiltDocument:
    """The document without its fresh PDF: that PDF shows siap's version, not the kept edit."""
    import dataclasses

    return dataclasses.replace(doc, pdf_file=None, pdf_data=None)


def _place_prints(plan: _Plan, state: _State, prints: Sequence[PrintFile], old: dict[str, Any],
                  final: dict[str, str]) -> list[dict[str, Any]]:
    """A print file is kept or written only while every part shows the .docx in OUT; else archived."""
    rows: list[dict[str, Any]] = []
    made: set[str] = set()
    for p in prints:
        if not all(part in plan.fresh_pdfs for part in p.parts):
            continue  # a part's fresh PDF was not used (a hand edit saved after printing)
        made.add(p.file)
        plan.files[p.file] = p.data
        plan.pdf_sha[p.file] = sha256_bytes(p.data)
        plan.printed_from[p.file] = {part: final[part] for part in p.parts}
        rows.append({"file": p.file, "parts": list(p.parts)})
    old_shas: dict[str, str] = {str(d.get("id")): str(d["sha256"]) for d in old.get("documents", [])}
    for row in old.get("prints", []):
        name = row["file"]
        if name in made or name not in state.files or name in plan.archive:
            continue
        parts = [str(x) for x in row.get("parts", [])]
        shown = state.printed_from.get(name) or {part: old_shas.get(part, "") for part in parts}
        if all(part in final and shown.get(part) == final[part] for part in parts):
            plan.files[name] = state.files[name]
            plan.pdf_sha[name] = sha256_bytes(state.files[name])
            plan.printed_from[name] = {part: final[part] for part in parts}
            rows.append(row)
        else:
            plan.stale_pdfs.append(name)
    return rows


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


def _write_failed(out: Path, exc: OSError) -> PackageError:
    return PackageError(Problem("package.write_failed", {"out": str(out), "detail": str(exc)}))


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
    for name, data in plan.files.items():
        _write_file(new / name, data)
    _write_file(new / MANIFEST, manifest_bytes(plan.manifest))
    sdir = new / STATE_DIR
    sdir.mkdir()
    for name, data in plan.bases.items():
        _write_file(sdir / name, data)
    state = {"pdf": dict(sorted(plan.pdf_sha.items())), "printed_from": dict(sorted(plan.printed_from.items()))}
    _write_file(sdir / STATE_FILE, (json.dumps(state, indent=2) + "\n").encode("utf-8"))
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
