"""What a package is made of: its data types, file names, and ``manifest.json`` (built, read, checked)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assembler.errors import ExitCode, Problem, SiapError
from assembler.messages import Localized

if TYPE_CHECKING:  # an annotation only: the redline (python-docx, ~0.1 s) is imported when a revision is made
    from assembler.redline import Conflict

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
    inputs_at_fault = False


class PackageLockedError(PackageError):
    """Another build holds the lock on OUT."""


class OutputLocationError(PackageError):
    """OUT cannot be used as given (a file, below a file, read-only, too long a name): a usage error."""

    exit_code = ExitCode.USAGE
    inputs_at_fault = True  # the command line named it: the user's to change, counted like a usage error


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
    #: Topics a document that grows session by session still lacks (the Draft STPP before 5.2 is in):
    #: the manifest says the document is a KONSEP and which topics it waits for.
    konsep: Sequence[str] = ()


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
    """The manifest dict of a fresh package, keys in the contract's order (docs/dev/kontrak.md; dicts keep order)."""
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
    if d.konsep:
        entry["konsep"] = {"belum_dibahas": list(d.konsep)}
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


def _check_name(name: str) -> None:
    if not _plain_name(name) or name.endswith(REVISION_SUFFIX):
        raise PackageError(Problem("package.bad_name", {"nama": name}))


def _write_failed(out: Path, exc: OSError) -> PackageError:
    return PackageError(Problem("package.write_failed", {"out": str(out), "detail": str(exc)}))
