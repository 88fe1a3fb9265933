"""What the new package holds: documents written or kept, merge bases, revisions, PDFs and print files."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.package.contents import _State
from assembler.package.manifest import (
    STATE_DIR,
    BuiltDocument,
    InputFile,
    KeptDocument,
    PrintFile,
    Skipped,
    WorkspaceInfo,
    _entry,
    _manifest,
    revision_name,
    sha256_bytes,
)


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
    """``"pdf"`` right after ``"sources"``, as the user contract shows it (docs/dev/kontrak.md)."""
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
