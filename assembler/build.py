"""``siap build``: validate → analyse → context per document → render → package, in that order.

Nothing is written unless the whole workspace validates; the package replaces the previous one
atomically (assembler.package), so a failed or interrupted build leaves the last good one in place.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from assembler import __version__, istilah, render_cache, singkatan
from assembler.analysis.analisis import analyse
from assembler.documents.builders import builder_for
from assembler.documents.registry import BY_ID, DOKUMEN, LAMPIRAN_DRAFT, Dokumen, file_name
from assembler.docxnorm import CoreProps, deflated, normalize_docx, remember_deflated
from assembler.errors import ExitCode, InvalidInputError, Problem, SiapError, UsageError
from assembler.facade import DocumentStatus, check, require_valid
from assembler.messages import register
from assembler.package import (
    BuiltDocument,
    InputFile,
    PackageResult,
    PrintFile,
    Skipped,
    WorkspaceInfo,
    hand_edited_files,
    preflight,
    sha256_bytes,
    write_package,
)
from assembler.parallel import can_fork, fork_map, frozen
from assembler.pictures import common as picture_notices
from assembler.pictures.common import Later, draw_ahead, final_or_none
from assembler.printing import Toolchain
from assembler.progress import silent
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
        "build.no_builder": (
            "naskah ini belum dapat disusun oleh versi siap ini",
            "this version of siap cannot compose this document yet",
        ),
    }
)

#: The Pokja's override folder: a .docx here replaces the shipped template of the same name.
OVERRIDE_DIR = "templates"
DEFAULT_OUT = "keluaran"


#: The print file for the DPRD: the Draft STPP followed by the annexes its DAFTAR LAMPIRAN lists, in order.
PRINT_FILE = "cetak-draft-stpp.pdf"
PRINT_PARTS = ("draft-stpp", *LAMPIRAN_DRAFT)


#: Hears the steps of a build: a message code of :mod:`assembler.progress` and its values.
Reporter = Callable[..., None]


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


@frozen()  # garbage collection walks only what the build makes, not the libraries and models (see frozen)
def build(
    workspace: Path,
    out: Path | None = None,
    only: list[str] | None = None,
    *,
    pdf: bool = False,
    force: bool = False,
    pdf_timeout: float | None = None,
    progress: Reporter = silent,
) -> BuildReport:
    """Build the package of ``workspace`` into ``out`` (default ``WS/keluaran``).

    A document changed by hand since siap made it is never overwritten: when its inputs changed,
    ``NN-id.revisi.docx`` beside it carries siap's changes as tracked changes (``report.package.kept``).
    A file siap did not make, or a document open in Word, stops the build (exit 3) unless ``force``,
    which first moves it (and hand-edited documents) into ``OUT/arsip/<waktu>/``. The decision is
    taken under the package lock just before the swap; the early look here only saves rendering
    time. ``only`` rebuilds those documents and leaves every other one in OUT as it was. With
    ``pdf``, a failing LibreOffice still leaves the complete .docx package (``pdf_error``, exit 4).
    ``progress`` hears each step (see :mod:`assembler.progress`), for a line on the user's terminal.
    """
    selected = _select(only)
    # A whole build with an empty picture cache draws every picture: a worker imports the drawing
    # libraries now, beside the check and the plan, and draws them (--only: probably none to draw).
    with picture_notices.draw_early(wanted=not only):
        return _build(workspace, out, only, selected, pdf, force, pdf_timeout, progress)


def _build(
    workspace: Path,
    out: Path | None,
    only: list[str] | None,
    selected: list[Dokumen],
    pdf: bool,
    force: bool,
    pdf_timeout: float | None,
    progress: Reporter,
) -> BuildReport:
    progress("progress.check")
    report = check(workspace)
    require_valid(report)
    out = out or workspace / DEFAULT_OUT
    warnings = list(report.result.warnings)
    with _refusal_shows(warnings):
        preflight(out, force=force)
    view = report.result.view()
    analisis = analyse(view)  # once, between validation and the contexts
    statuses = {s.dokumen.id: s for s in report.documents}

    built: list[BuiltDocument] = []
    skipped: list[DocumentStatus] = []
    contexts: list[tuple[Dokumen, dict[str, Any]]] = []
    runnable = []
    picture_notices.diganti()  # pictures replaced for an earlier build in this process are not ours
    for dokumen in selected:
        status = statuses[dokumen.id]
        builder = builder_for(dokumen.id)
        if not status.buildable or builder is None:
            skipped.append(status)
            continue
        runnable.append((dokumen, builder))
    # The pictures are most of a build's time: draw them on every core first (same bytes as serially).
    # A context that got every picture it asked for while planning (cached, or none needed) is final,
    # and its document is rendered by the same workers as soon as they have no picture left to draw.
    pdam = (view.stpp.pdam.nama, view.stpp.pdam.singkatan) if view.stpp is not None else None
    overrides = any(template_path(workspace, dokumen).parent != TEMPLATES_DIR for dokumen, _b in runnable)
    render_cache.prepare()  # the key's code hash and versions, once, before the workers fork
    early: list[int] = []  # positions in ``runnable`` rendered with the pictures
    hits: dict[int, tuple[bytes, tuple[int, bytes]]] = {}  # positions whose document is in the render cache

    def render_early(planned: list[dict[str, Any] | None]) -> list[Later]:
        if overrides:  # the workspace's own templates are checked against every context first
            return []
        jobs = []
        for i, ((dokumen, builder), context) in enumerate(zip(runnable, planned, strict=True)):
            cost = template_path(workspace, dokumen).stat().st_size  # the big templates render longest
            if context is not None:
                if _cached(hits, i, workspace, dokumen, context, pdam):
                    continue
                job = Later(_render_job(workspace, dokumen, context, pdam), cost=cost)
            else:  # its pictures are drawn first; the worker then makes its context as the real pass would
                make = functools.partial(builder, view, analisis, dokumen)
                job = Later(_render_job(workspace, dokumen, make, pdam), after=i, cost=cost)
            early.append(i)
            jobs.append(job)
        return jobs

    def plan() -> list[dict[str, Any] | None]:
        return [final_or_none(functools.partial(builder, view, analisis, dokumen)) for dokumen, builder in runnable]

    ahead = draw_ahead(
        plan,
        lambda n, total: progress("progress.gambar", {"n": n, "total": total}),
        also=render_early,
        also_done=lambda i, n: progress(
            "progress.naskah", {"n": n, "total": len(runnable), "id": runnable[early[i]][0].id}
        ),
    )
    planned, early_results = ahead
    results = {i: r for i, r in zip(early, early_results or [], strict=False) if r is not None} | hits
    for i, (dokumen, builder) in enumerate(runnable):
        context = planned[i] if planned is not None else None
        contexts.append((dokumen, context if context is not None else builder(view, analisis, dokumen)))
    if replaced := picture_notices.diganti():
        params = {"jumlah": len(replaced), "gambar": ", ".join(replaced)}
        warnings.append(Problem("gambar.graphviz_diganti", params, severity="warning"))
    _lint_overrides(workspace, contexts)
    # Rendering is the other half of a build: on every core when possible (same bytes as serially).
    work = [functools.partial(_render, workspace, dokumen, context, pdam) for dokumen, context in contexts]
    remaining = [
        i for i, (dokumen, context) in enumerate(contexts)
        if i not in results and not (can_fork() and _cached(results, i, workspace, dokumen, context, pdam))
    ]
    later = fork_map(
        [functools.partial(_render_for_zip, work[i]) for i in remaining],
        lambda n, total: progress(
            "progress.naskah", {"n": len(results) + n, "total": len(contexts), "id": contexts[remaining[n - 1]][0].id}
        ),
    )
    results.update((i, r) for i, r in zip(remaining, later or [], strict=False) if r is not None)
    for n, ((dokumen, _context), render) in enumerate(zip(contexts, work, strict=True), 1):
        result = results.get(n - 1)
        if result is None:  # done here: serially, or again after a worker failed, to report its error
            progress("progress.naskah", {"n": n, "total": len(contexts), "id": dokumen.id})
            data = render()
        else:
            data = result[0]
            remember_deflated(data, result[1])
        sources = sorted(set(dokumen.requires + dokumen.requires_any + dokumen.enriched_by) & set(view.topics))
        konsep = statuses[dokumen.id].konsep
        built.append(BuiltDocument(dokumen.id, dokumen.judul, file_name(dokumen), sources, data, konsep=konsep))
    render_cache.trim()

    stpp = view.stpp
    assert stpp is not None  # require_valid and buildable documents guarantee it
    info = WorkspaceInfo(stpp.daerah.nama_lengkap, stpp.pdam.nama, stpp.tahun)
    inputs = [InputFile(path, sha) for path, sha in report.result.inputs()]
    skipped_rows = [Skipped(s.dokumen.id, _waiting(s)) for s in skipped]
    prints: list[PrintFile] = []
    pdf_error: SiapError | None = None
    toolchain: Toolchain | None = None
    if pdf and built:
        progress("progress.pdf", {"total": len(built)})
        try:
            built, prints, toolchain = _print(built, out, pdf_timeout, {} if force else hand_edited_files(out))
        except SiapError as exc:
            pdf_error = exc
    progress("progress.paket")
    with _refusal_shows(warnings):
        package = write_package(
            out,
            built,
            inputs,
            info,
            skipped_rows,
            force=force,
            replace={d.id for d in selected} if only else None,
            generator_version=__version__,
            prints=prints,
        )
    return BuildReport(package, built, skipped, warnings, pdf_error, toolchain)


@contextlib.contextmanager
def _refusal_shows(warnings: list[Problem]) -> Iterator[None]:
    """A refused or stopped package (exit 3, a held lock, a full disk) still shows the workspace's warnings:
    the inputs were valid and the user reads them and the refusal in one pass (``warnings`` as it stands
    when the refusal comes)."""
    try:
        yield
    except SiapError as exc:
        if exc.exit_code == ExitCode.HAND_EDITED or not exc.inputs_at_fault:
            exc.warnings = tuple(warnings)
        raise


def _render(workspace: Path, dokumen: Dokumen, context: dict[str, Any], pdam: tuple[str, str] | None) -> bytes:
    """One document's final bytes: rendered, then normalized (deterministic, siap's properties).

    ``pdam``: the utility's legal and short names, defined once per document (:mod:`assembler.singkatan`).
    """
    def body_pass(root: Any) -> None:  # on the rendered tree: no second parse of the document
        if dokumen.id in singkatan.DOKUMEN and pdam is not None:
            singkatan.sebut_tree(root, *pdam, keputusan=dokumen.id in singkatan.KEPUTUSAN)
        if dokumen.id in istilah.DOKUMEN:
            istilah.miringkan_tree(root)

    def make(template: Path | IO[bytes]) -> bytes:
        raw = render_docx(template, context, name=dokumen.template, body_pass=body_pass)
        return normalize_docx(raw, CoreProps(title=dokumen.judul, author="siap", subject=dokumen.id))

    return render_cache.render(template_path(workspace, dokumen), context, _cache_params(dokumen, pdam), make)


def _cache_params(dokumen: Dokumen, pdam: tuple[str, str] | None) -> dict[str, Any]:
    """Everything :func:`_render` reads besides the template and the context (docs/dev/render-cache.md)."""
    return {"id": dokumen.id, "judul": dokumen.judul, "templat": dokumen.template, "pdam": pdam}


def _cached(
    into: dict[int, tuple[bytes, tuple[int, bytes]]],
    i: int,
    workspace: Path,
    dokumen: Dokumen,
    context: dict[str, Any],
    pdam: tuple[str, str] | None,
) -> bool:
    """Put document ``i`` into ``into`` if the render cache holds it: no worker needs to render it."""
    hit = render_cache.lookup(template_path(workspace, dokumen), context, _cache_params(dokumen, pdam))
    if hit is not None:
        into[i] = hit
    return hit is not None


def _render_job(
    workspace: Path,
    dokumen: Dokumen,
    context: dict[str, Any] | Callable[[], dict[str, Any]],
    pdam: tuple[str, str] | None,
) -> Callable[[], tuple[bytes, tuple[int, bytes]]]:
    """A worker's job: one document rendered, normalized and compressed for OUT.zip (``context`` may be
    the call that makes it, in the worker)."""
    if callable(context):
        return functools.partial(_render_for_zip, lambda: _render(workspace, dokumen, context(), pdam))
    return functools.partial(_render_for_zip, functools.partial(_render, workspace, dokumen, context, pdam))


def _render_for_zip(render: Callable[[], bytes]) -> tuple[bytes, tuple[int, bytes]]:
    """In a render worker: the document, and its compressed form for OUT.zip (the parent would make it alone)."""
    data = render()
    return data, deflated(data)


def _lint_overrides(workspace: Path, contexts: list[tuple[Dokumen, dict[str, Any]]]) -> None:
    """A workspace's own templates were edited in Word by someone: check them before rendering.

    The shipped templates are checked by the test suite (and ``siap templates check``); checking
    the overrides here turns a broken tag into a message naming the file, not a half-rendered draft.
    """
    provided: dict[Path, dict[str, set[str]]] = {}
    for dokumen, context in contexts:
        path = template_path(workspace, dokumen)
        if path.parent != TEMPLATES_DIR:
            provided.setdefault(path, {})[dokumen.id] = set(context)
    if not provided:
        return  # nor import the linter (python-docx): a rebuild from the render cache needs neither
    from assembler.template_lint import lint_template

    problems = [p for path, keys in provided.items() for p in lint_template(path, keys)]
    if problems:
        raise InvalidInputError(problems)


def _print(
    built: list[BuiltDocument], out: Path, timeout: float | None, edited: dict[str, bytes]
) -> tuple[list[BuiltDocument], list[PrintFile], Toolchain]:
    """PDFs of every document and the DPRD print file, made in a scratch folder beside OUT.

    The scratch folder is owned by this build while it lives; one left by a killed build is removed here.
    A document edited by hand in OUT is printed as the user saved it (``edited``): siap keeps that
    file, so its PDF and the print file must show it. The package writes such a PDF only if the file
    is still exactly that when the package is swapped in.
    """
    import dataclasses

    from assembler.printing import DEFAULT_TIMEOUT, merge_pdfs, scratch_folder

    with scratch_folder(out.parent, f".{out.name}.cetak-") as scratch:
        paths = []
        for doc in built:
            path = scratch / doc.file
            path.write_bytes(edited.get(doc.file, doc.data))
            paths.append(path)
        pdfs, toolchain = _convert_on_every_core(paths, scratch / "pdf", timeout or DEFAULT_TIMEOUT)
        with_pdf = [
            dataclasses.replace(
                doc,
                pdf_file=p.name,
                pdf_data=p.read_bytes(),
                pdf_of=sha256_bytes(edited[doc.file]) if doc.file in edited else None,
            )
            for doc, p in zip(built, pdfs, strict=True)
        ]
        by_id = {doc.id: p for doc, p in zip(built, pdfs, strict=True)}
        prints: list[PrintFile] = []
        if "draft-stpp" in by_id:
            parts = [i for i in PRINT_PARTS if i in by_id]
            target = scratch / PRINT_FILE
            merge_pdfs([by_id[i] for i in parts], target)
            prints.append(PrintFile(PRINT_FILE, parts, target.read_bytes()))
        return with_pdf, prints, toolchain


def _convert_on_every_core(paths: list[Path], pdf_dir: Path, timeout: float) -> tuple[list[Path], Toolchain]:
    """PDFs of ``paths`` in their order: two office processes at once (each its own throwaway profile).

    One office converts documents one after another on one core; two halves of similar total size,
    converted side by side, use both. ``$SIAP_JOBS=1`` or a handful of files keeps one office run.
    The problems of both halves are reported together.
    """
    from concurrent.futures import ThreadPoolExecutor

    from assembler.parallel import jobs
    from assembler.printing import PdfError, convert

    if jobs() < 2 or len(paths) < 4:
        run = convert(paths, pdf_dir, timeout=timeout)
        return run.pdfs, run.toolchain
    halves: tuple[list[Path], list[Path]] = ([], [])
    sizes = [0, 0]
    for path in sorted(paths, key=lambda p: -p.stat().st_size):  # biggest first, into the lighter half
        lighter = 0 if sizes[0] <= sizes[1] else 1
        halves[lighter].append(path)
        sizes[lighter] += path.stat().st_size
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(convert, sorted(half), pdf_dir, timeout=timeout) for half in halves]
    errors: list[SiapError] = []
    toolchain = None
    for future in futures:
        try:
            toolchain = future.result().toolchain
        except SiapError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    if errors:  # both halves failed: one message per problem (a missing office is one problem, not two)
        problems: list[Problem] = []
        for problem in (p for exc in errors for p in exc.problems):
            if problem not in problems:
                problems.append(problem)
        raise type(errors[0])(problems)
    if toolchain is None:  # pragma: no cover - both halves ran, so both returned their toolchain
        raise PdfError([])
    return [pdf_dir / f"{p.stem}.pdf" for p in paths], toolchain


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
