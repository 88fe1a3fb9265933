"""The one entry point the CLI (and tests, and anyone scripting siap) calls.

Each function reads like a recipe of pipeline stages; none of them prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembler.documents.registry import DOKUMEN, Dokumen
from assembler.errors import InvalidInputError, Problem, UsageError
from assembler.messages import register
from assembler.topics import STPP_FILE, TOPIK
from assembler.validate import TopicState, ValidationResult, validate_workspace

register(
    {
        "status.topic.valid": ("terisi", "filled"),
        "status.topic.invalid": ("berisi kesalahan", "has errors"),
        "status.topic.empty": ("belum diisi", "not filled in yet"),
        "status.topic.absent": ("belum ada", "not started"),
        "status.doc.ready": ("dapat dibuat", "can be built"),
        "status.doc.konsep": (
            "dapat dibuat sebagai KONSEP (belum dibahas: {topics})",
            "can be built as a draft marked KONSEP (not yet discussed: {topics})",
        ),
        "status.doc.waiting": ("menunggu {topics}", "waiting for {topics}"),
        "status.doc.waiting_kalender": (
            "menunggu jadwal topik {topic} dalam Kalender Kerja (1.2)",
            "waiting for topic {topic} in the Kalender Kerja (1.2)",
        ),
        "workspace.not_a_workspace": (
            "folder ini bukan ruang kerja siap: tidak ada stpp.yaml maupun berkas topik di dalamnya. Sebutkan "
            "folder ruang kerja yang benar, atau buat ruang kerja baru dengan 'siap init FOLDER'",
            "this folder is not a siap workspace: it holds neither stpp.yaml nor any topic file. Name the right "
            "workspace folder, or create a new workspace with 'siap init FOLDER'",
        ),
        "workspace.stpp_unfilled": (
            "belum diisi: tanpa data daerah dan PDAM belum ada naskah yang dapat dibuat. Isi stpp.yaml (hapus "
            "tanda '# ' di depan kunci dan isi nilainya), periksa dengan 'siap check', lalu ulangi",
            "not filled in yet: without the region and utility no document can be built. Fill in stpp.yaml "
            "(remove the '# ' before each key and give its value), run 'siap check', then retry",
        ),
        "init.not_empty": (
            "folder '{path}' sudah ada dan tidak kosong; pilih folder baru",
            "folder '{path}' exists and is not empty; choose a new folder",
        ),
    }
)


@dataclass(frozen=True)
class TopicStatus:
    id: str
    file: str
    judul: str
    status: str  # valid | invalid | empty | absent


@dataclass(frozen=True)
class DocumentStatus:
    dokumen: Dokumen
    waiting_for: tuple[str, ...]
    waiting_kalender: str | None = None
    #: Built as a KONSEP: the topics it still lacks (the Draft STPP before all of 1.1–5.2 are in).
    konsep: tuple[str, ...] = ()

    @property
    def buildable(self) -> bool:
        return not self.waiting_for and self.waiting_kalender is None


@dataclass
class CheckReport:
    """Everything ``siap check`` tells: problems, topic status, which documents can be built."""

    result: ValidationResult
    topics: list[TopicStatus]
    documents: list[DocumentStatus]

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems


def check(workspace: Path) -> CheckReport:
    """Validate a workspace and work out what it can produce.

    A folder with no workspace file at all (an empty folder, the wrong folder) is a usage error,
    not "valid": saying "Ruang kerja valid." about a download folder misleads the user.
    """
    if not workspace.is_dir():
        raise UsageError(Problem("workspace.not_a_folder", {}, str(workspace)))
    if not is_workspace(workspace):
        raise UsageError(Problem("workspace.not_a_workspace", {}, str(workspace)))
    result = validate_workspace(workspace)
    return CheckReport(result, _topic_statuses(result), document_statuses(result))


def is_workspace(folder: Path) -> bool:
    """True when ``folder`` holds stpp.yaml or any topic file, in any form (.yaml, .xlsx, .yaml.txt...)."""
    stems = {Path(STPP_FILE).stem, *(Path(t.file).stem for t in TOPIK)}
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError:
        return False
    return any(name.startswith(f"{stem}.") for name in names for stem in stems)


def stpp_filled(report: CheckReport) -> bool:
    """stpp.yaml holds a valid region and utility: without them no document has a title page."""
    return report.result.stpp.model is not None


def _topic_statuses(result: ValidationResult) -> list[TopicStatus]:
    rows = [TopicStatus("stpp", STPP_FILE, "Data daerah dan PDAM", _state(result.stpp))]
    for t in TOPIK:
        rows.append(TopicStatus(t.id, result.topics[t.id].file, t.judul, _state(result.topics[t.id])))
    return rows


def _state(state: TopicState) -> str:
    if state.loaded is None:
        return "absent"
    if state.valid:
        return "valid"
    if state.loaded.is_empty:
        return "empty"
    return "invalid"


def document_statuses(result: ValidationResult) -> list[DocumentStatus]:
    """Which documents the workspace can produce now, and what each of the others waits for."""
    valid = {tid for tid, st in result.topics.items() if st.valid}
    stpp_ok = result.stpp.valid
    from assembler.models.tahap1 import KalenderKerja

    kalender = result.topics["1.2"].model
    scheduled: set[str] = set()
    if isinstance(kalender, KalenderKerja):
        scheduled = {str(entry.topik) for entry in kalender.jadwal}
    rows = []
    for doc in DOKUMEN:
        waiting = doc.waiting_for(valid)
        if not stpp_ok:
            waiting = ["stpp", *waiting]
        waiting_kalender = None
        if doc.needs_kalender_for and "1.2" in valid and doc.needs_kalender_for not in scheduled:
            waiting_kalender = doc.needs_kalender_for
        konsep = () if waiting else tuple(doc.konsep_menunggu(valid))
        rows.append(DocumentStatus(doc, tuple(waiting), waiting_kalender, konsep))
    return rows


def require_valid(report: CheckReport) -> None:
    """Stop the pipeline before anything is written when the input has errors or stpp.yaml is not filled."""
    if not report.ok:
        raise InvalidInputError(report.problems)
    if not stpp_filled(report):
        raise InvalidInputError(Problem("workspace.stpp_unfilled", {}, STPP_FILE))
