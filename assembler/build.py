"""``siap build``: validate → analyse → context per document → render → package, in that order.

Nothing is written unless the whole workspace validates; the package replaces the previous one
atomically (assembler.package), so a failed or interrupted build leaves the last good one in place.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler import __version__
from assembler.analysis.analisis import analyse
from assembler.documents.builders import builder_for
from assembler.documents.registry import BY_ID, DOKUMEN, Dokumen, file_name
from assembler.docxnorm import CoreProps, normalize_docx
from assembler.errors import ExitCode, InvalidInputError, Problem, SiapError, UsageError
from assembler.facade import DocumentStatus, check, require_valid
from assembler.messages import register
from assembler.package import (
    ARSIP,
    MANIFEST,
    BuiltDocument,
    InputFile,
    PackageResult,
    PrintFile,
    Skipped,
    WorkspaceInfo,
    read_manifest,
    sha256_bytes,
    write_package,
)
from assembler.pictures import common as picture_notices
from assembler.printing import Toolchain
from assembler.render import render_docx
from assembler.resources import TEMPLATES_DIR

register(
    {
        "build.unknown_id": (
            "naskah '{id}' tidak dikenal; lihat daftar naskah pada 'siap check'",
            "unknown document '{id}'; see the list in 'siap check'",
        ),
        "build.unknown_id.suggest": (
            "naskah '{id}' tidak dikenal; maksud Anda '{suggestion}'?",
            "unknown document '{id}'; did you mean '{suggestion}'?",
        ),
        "build.hand_edited": (
            "berkas ini diubah setelah dibuat siap (mungkin disunting Bagian Hukum); pembuatan dibatalkan dan "
            "tidak ada yang diubah. Salin perubahannya ke masukan atau templat, atau jalankan ulang dengan "
            "--force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "this file changed after siap made it (perhaps edited by the Bagian Hukum); the build stopped and "
            "nothing was changed. Carry the edits into the inputs or templates, or run again with --force to "
            "move it into {arsip}/ first",
        ),
        "build.foreign_file": (
            "berkas ini tidak dibuat siap; pembuatan dibatalkan dan tidak ada yang diubah. Pindahkan berkas ini, "
            "atau jalankan ulang dengan --force untuk memindahkannya ke {arsip}/ lebih dahulu",
            "siap did not make this file; the build stopped and nothing was changed. Move it away, or run "
            "again with --force to move it into {arsip}/ first",
        ),
        "build.not_a_package": (
            "folder hasil '{out}' sudah berisi berkas lain dan bukan paket siap (tidak ada manifest.json); "
            "pilih folder lain",
            "output folder '{out}' already holds other files and is not a siap package (no manifest.json); "
            "choose another folder",
        ),
        "build.no_builder": (
            "naskah ini belum dapat disusun oleh versi siap ini",
            "this version of siap cannot compose this document yet",
        ),
    }
)

#: The Pokja's override folder: a .docx here replaces the shipped template of the same name.
OVERRIDE_DIR = "templates"
DEFAULT_OUT = "keluaran"


#: The print file for the DPRD: the Draft STPP followed by its attachments, in this order.
PRINT_FILE = "cetak-draft-stpp.pdf"
PRINT_PARTS = ("draft-stpp", "sk-pokja", "smart-logframe", "citizen-charter", "juklak-juknis")


class HandEditedError(SiapError):
    """OUT holds documents changed by hand; rebuilding would destroy that work."""

    exit_code = ExitCode.HAND_EDITED


@dataclass
class BuildReport:
    """What a build wrote and what it had to leave out, and why."""

    package: PackageResult
    built: list[BuiltDocument]
    skipped: list[DocumentStatus]
    warnings: list[Problem] = field(default_factory=list)
    pdf_error: SiapError | None = None
    #: How the PDFs were made (UNO or the plain conversion), for the line the CLI prints.
    pdf_toolchain: Toolchain | None = None


def template_path(workspace: Path, dokumen: Dokumen) -> Path:
    """The workspace's own template when it has one (letterhead, local wording), else the shipped one."""
    override = workspace / OVERRIDE_DIR / dokumen.template
    return override if override.is_file() else TEMPLATES_DIR / dokumen.template


def build(
    workspace: Path,
    out: Path | None = None,
    only: list[str] | None = None,
    *,
    pdf: bool = False,
    force: bool = False,
    pdf_timeout: float | None = None,
) -> BuildReport:
    """Build the package of ``workspace`` into ``out`` (default ``WS/keluaran``).

    A document changed by hand since the last build stops the build (exit 3) unless ``force``,
    which first moves it into ``OUT/arsip/<waktu>/``. With ``pdf``, a failing LibreOffice still
    leaves the complete .docx package; the report then carries ``pdf_error`` (exit 4).
    """
    selected = _select(only)
    report = check(workspace)
    require_valid(report)
    out = out or workspace / DEFAULT_OUT
    to_archive = changed_by_hand(out, force=force)
    view = report.result.view()
    analisis = analyse(view)  # once, between validation and the contexts
    statuses = {s.dokumen.id: s for s in report.documents}

    built: list[BuiltDocument] = []
    skipped: list[DocumentStatus] = []
    contexts: list[tuple[Dokumen, dict[str, Any]]] = []
    warnings = list(report.result.warnings)
    picture_notices.diganti()  # pictures replaced for an earlier build in this process are not ours
    for dokumen in selected:
        status = statuses[dokumen.id]
        builder = builder_for(dokumen.id)
        if not status.buildable or builder is None:
            skipped.append(status)
            continue
        contexts.append((dokumen, builder(view, analisis, dokumen)))
    if replaced := picture_notices.diganti():
        params = {"jumlah": len(replaced), "gambar": ", ".join(replaced)}
        warnings.append(Problem("gambar.graphviz_diganti", params, severity="warning"))
    _lint_overrides(workspace, contexts)
    for dokumen, context in contexts:
        raw = render_docx(template_path(workspace, dokumen), context, name=dokumen.template)
        data = normalize_docx(raw, CoreProps(title=dokumen.judul, author="siap", subject=dokumen.id))
        sources = sorted(set(dokumen.requires + dokumen.requires_any + dokumen.enriched_by) & set(view.topics))
        built.append(BuiltDocument(dokumen.id, dokumen.judul, file_name(dokumen), sources, data))

    stpp = view.stpp
    assert stpp is not None  # require_valid and buildable documents guarantee it
    info = WorkspaceInfo(stpp.daerah.nama_lengkap, stpp.pdam.nama, stpp.tahun)
    inputs = [InputFile(path, sha) for path, sha in report.result.inputs()]
    skipped_rows = [Skipped(s.dokumen.id, _waiting(s)) for s in skipped]
    prints: list[PrintFile] = []
    pdf_error: SiapError | None = None
    toolchain: Toolchain | None = None
    if pdf and built:
        try:
            built, prints, toolchain = _print(built, out, pdf_timeout)
        except SiapError as exc:
            pdf_error = exc
    package = write_package(
        out, built, inputs, info, skipped_rows, archive=to_archive, generator_version=__version__, prints=prints
    )
    return BuildReport(package, built, skipped, warnings, pdf_error, toolchain)


def _lint_overrides(workspace: Path, contexts: list[tuple[Dokumen, dict[str, Any]]]) -> None:
    """A workspace's own templates were edited in Word by someone: check them before rendering.

    The shipped templates are checked by the test suite (and ``siap templates check``); checking
    the overrides here turns a broken tag into a message naming the file, not a half-rendered draft.
    """
    from assembler.template_lint import lint_template

    provided: dict[Path, dict[str, set[str]]] = {}
    for dokumen, context in contexts:
        path = template_path(workspace, dokumen)
        if path.parent != TEMPLATES_DIR:
            provided.setdefault(path, {})[dokumen.id] = set(context)
    problems = [p for path, keys in provided.items() for p in lint_template(path, keys)]
    if problems:
        raise InvalidInputError(problems)


def changed_by_hand(out: Path, *, force: bool) -> list[str]:
    """Files of OUT that the last build did not write as they are now: edited, or added by someone.

    Without ``force`` they stop the build; with it they are returned, to be archived before the swap.
    """
    if not out.exists():
        return []
    manifest = read_manifest(out)
    present = sorted(p.name for p in out.iterdir() if p.name not in (MANIFEST, ARSIP) and not p.name.startswith("."))
    if manifest is None:
        if present:
            raise UsageError(Problem("build.not_a_package", {"out": str(out)}))
        return []
    known = {d["file"]: d.get("sha256") for d in manifest.get("documents", [])}
    made = set(known) | {d["pdf"] for d in manifest.get("documents", []) if d.get("pdf")}
    made |= {p["file"] for p in manifest.get("prints", [])}
    problems = []
    for name in present:
        path = out / name
        if name in known and path.is_file() and sha256_bytes(path.read_bytes()) == known[name]:
            continue
        if name in made and name not in known:
            continue  # a PDF: regenerated from its .docx, never edited in place
        code = "build.hand_edited" if name in known else "build.foreign_file"
        problems.append(Problem(code, {"arsip": f"{out.name}/{ARSIP}"}, file=str(out / name)))
    if problems and not force:
        raise HandEditedError(problems)
    return [Path(p.file or "").name for p in problems]


def _print(
    built: list[BuiltDocument], out: Path, timeout: float | None
) -> tuple[list[BuiltDocument], list[PrintFile], Toolchain]:
    """PDFs of every document and the DPRD print file, made in a scratch folder beside OUT.

    The scratch folder is owned by this build while it lives; one left by a killed build is removed here.
    """
    import dataclasses

    from assembler.printing import DEFAULT_TIMEOUT, convert, merge_pdfs, scratch_folder

    with scratch_folder(out.parent, f".{out.name}.cetak-") as scratch:
        paths = []
        for doc in built:
            path = scratch / doc.file
            path.write_bytes(doc.data)
            paths.append(path)
        run = convert(paths, scratch / "pdf", timeout=timeout or DEFAULT_TIMEOUT)
        pdfs = run.pdfs
        with_pdf = [
            dataclasses.replace(doc, pdf_file=p.name, pdf_data=p.read_bytes())
            for doc, p in zip(built, pdfs, strict=True)
        ]
        by_id = {doc.id: p for doc, p in zip(built, pdfs, strict=True)}
        prints: list[PrintFile] = []
        if "draft-stpp" in by_id:
            parts = [i for i in PRINT_PARTS if i in by_id]
            target = scratch / PRINT_FILE
            merge_pdfs([by_id[i] for i in parts], target)
            prints.append(PrintFile(PRINT_FILE, parts, target.read_bytes()))
        return with_pdf, prints, run.toolchain


def _waiting(status: DocumentStatus) -> list[str]:
    if status.waiting_for:
        return list(status.waiting_for)
    if status.waiting_kalender:
        return ["1.2"]
    return []


def _select(only: list[str] | None) -> list[Dokumen]:
    if not only:
        return list(DOKUMEN)
    problems = []
    for doc_id in only:
        if doc_id not in BY_ID:
            match = difflib.get_close_matches(doc_id, list(BY_ID), n=1, cutoff=0.6)
            if match:
                problems.append(Problem("build.unknown_id.suggest", {"id": doc_id, "suggestion": match[0]}))
            else:
                problems.append(Problem("build.unknown_id", {"id": doc_id}))
    if problems:
        raise UsageError(problems)
    return [d for d in DOKUMEN if d.id in set(only)]
