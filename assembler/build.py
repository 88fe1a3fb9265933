"""``siap build``: validate → analyse → context per document → render → package, in that order.

Nothing is written unless the whole workspace validates; the package replaces the previous one
atomically (assembler.package), so a failed or interrupted build leaves the last good one in place.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from assembler import __version__
from assembler.documents.builders import builder_for
from assembler.documents.registry import BY_ID, DOKUMEN, Dokumen, file_name
from assembler.docxnorm import CoreProps, normalize_docx
from assembler.errors import Problem, UsageError
from assembler.facade import DocumentStatus, check, require_valid
from assembler.messages import register
from assembler.package import BuiltDocument, InputFile, PackageResult, Skipped, WorkspaceInfo, write_package
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


@dataclass
class BuildReport:
    """What a build wrote and what it had to leave out, and why."""

    package: PackageResult
    built: list[BuiltDocument]
    skipped: list[DocumentStatus]
    warnings: list[Problem] = field(default_factory=list)


def template_path(workspace: Path, dokumen: Dokumen) -> Path:
    """The workspace's own template when it has one (letterhead, local wording), else the shipped one."""
    override = workspace / OVERRIDE_DIR / dokumen.template
    return override if override.is_file() else TEMPLATES_DIR / dokumen.template


def build(workspace: Path, out: Path | None = None, only: list[str] | None = None) -> BuildReport:
    """Build the package of ``workspace`` into ``out`` (default ``WS/keluaran``)."""
    selected = _select(only)
    report = check(workspace)
    require_valid(report)
    view = report.result.view()
    statuses = {s.dokumen.id: s for s in report.documents}

    built: list[BuiltDocument] = []
    skipped: list[DocumentStatus] = []
    for dokumen in selected:
        status = statuses[dokumen.id]
        builder = builder_for(dokumen.id)
        if not status.buildable or builder is None:
            skipped.append(status)
            continue
        context = builder(view, dokumen)
        raw = render_docx(template_path(workspace, dokumen), context, name=dokumen.template)
        data = normalize_docx(raw, CoreProps(title=dokumen.judul, author="siap", subject=dokumen.id))
        sources = sorted(set(dokumen.requires + dokumen.requires_any + dokumen.enriched_by) & set(view.topics))
        built.append(BuiltDocument(dokumen.id, dokumen.judul, file_name(dokumen), sources, data))

    stpp = view.stpp
    assert stpp is not None  # require_valid and buildable documents guarantee it
    info = WorkspaceInfo(stpp.daerah.nama_lengkap, stpp.pdam.nama, stpp.tahun)
    inputs = [InputFile(path, sha) for path, sha in report.result.inputs()]
    skipped_rows = [Skipped(s.dokumen.id, _waiting(s)) for s in skipped]
    package = write_package(
        out or workspace / DEFAULT_OUT, built, inputs, info, skipped_rows, generator_version=__version__
    )
    return BuildReport(package, built, skipped, report.result.warnings)


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
