"""What is in OUT now, read under the lock: the manifest, hand-edited documents, open and foreign files."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.errors import Problem, SiapError
from assembler.package.lock import check_location, resolve_out
from assembler.package.manifest import (
    ARSIP,
    MANIFEST,
    STATE_DIR,
    STATE_FILE,
    ManifestError,
    RefusedError,
    read_manifest,
    sha256_bytes,
)

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
