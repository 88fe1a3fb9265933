"""Validate a whole workspace and report every problem at the line of the offending value.

Three passes, each on what the previous one accepted: pydantic per file (types, ranges, unknown
keys), each model's own ``checks`` (rules spanning fields and topics), and references between
identifiers across the workspace (with "did you mean"). Then the cross-topic consistency rules of
:mod:`assembler.konsistensi` (facts typed twice, judgement calls), each naming both places.

This module finds and reads the files; :mod:`assembler.pydantic_problems` turns pydantic's complaints
into problems at a line, :mod:`assembler.references` checks the identifiers between files.
"""

from __future__ import annotations

import difflib
import fnmatch
import gc
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assembler.errors import Problem
from assembler.konsistensi import check_consistency
from assembler.loading import LoadedFile, load_yaml_file
from assembler.messages import register
from assembler.models.base import SiapModel
from assembler.models.registry import MODELS
from assembler.pydantic_problems import locate, validate_file
from assembler.references import check_references
from assembler.topics import BY_FILE, STPP_FILE, TOPIK, Topik
from assembler.workspace_view import WorkspaceView

register(
    {
        "workspace.unknown_file": (
            "berkas ini bukan berkas topik STPP dan tidak dibaca",
            "this file is not an STPP topic file and is not read",
        ),
        "workspace.unknown_file.suggest": (
            "berkas ini bukan berkas topik STPP dan tidak dibaca; maksud Anda '{suggestion}'?",
            "this file is not an STPP topic file and is not read; did you mean '{suggestion}'?",
        ),
        "workspace.misnamed": (
            "berkas ini tidak dibaca karena namanya tidak tepat; ubah namanya menjadi '{expected}'",
            "this file is not read because its name is not exact; rename it to '{expected}'",
        ),
        "workspace.misnamed.txt": (
            "berkas ini tidak dibaca karena namanya berakhiran '.txt' (Notepad menambahkannya bila "
            "'Save as type' bukan 'All files'); ubah namanya menjadi '{expected}'",
            "this file is not read because its name ends in '.txt' (Notepad adds it unless 'Save as type' "
            "is 'All files'); rename it to '{expected}'",
        ),
        "workspace.missing_stpp": (
            "berkas stpp.yaml tidak ada: tanpa data daerah dan PDAM tidak ada naskah yang dapat dibuat",
            "stpp.yaml is missing: without the region and utility no document can be built",
        ),
        "workspace.not_a_folder": ("folder kerja tidak ditemukan", "workspace folder not found"),
        "workspace.symlink_broken": (
            "tautan simbolik ini tidak menunjuk ke berkas yang ada (tautan putus atau berputar ke dirinya "
            "sendiri), jadi tidak dapat dibaca; hapus tautan itu dan simpan berkasnya di sini",
            "this symbolic link does not lead to an existing file (it is dangling or loops back on itself), "
            "so it cannot be read; remove the link and keep the file itself here",
        ),
        "workspace.both_forms": (
            "topik ini ada dua kali, sebagai {yaml} dan sebagai {xlsx}; simpan salah satu saja (yang lain "
            "dipindahkan ke folder arsip/)",
            "this topic is there twice, as {yaml} and as {xlsx}; keep only one of them (move the other "
            "into the arsip/ folder)",
        ),
        "workspace.symlink_outside": (
            "tautan simbolik mengarah ke luar folder kerja dan tidak dibaca",
            "symbolic link points outside the workspace and is not read",
        ),
    }
)


@dataclass
class TopicState:
    """What happened to one file of the workspace."""

    topik: Topik | None
    file: str
    loaded: LoadedFile | None = None
    model: BaseModel | None = None

    @property
    def present(self) -> bool:
        return self.loaded is not None and not self.loaded.is_empty

    @property
    def valid(self) -> bool:
        return self.model is not None


@dataclass
class ValidationResult:
    """The outcome of validating a workspace: models where valid, every problem found."""

    root: Path
    stpp: TopicState
    topics: dict[str, TopicState]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def view(self) -> WorkspaceView:
        from assembler.content import load_content

        topics = {tid: st.model for tid, st in self.topics.items() if st.model is not None}
        return WorkspaceView(stpp=self.stpp.model, topics=topics, content=load_content())  # type: ignore[arg-type]

    def inputs(self) -> list[tuple[str, str]]:
        """(file name, sha256) of every input read, in workspace order."""
        states = [self.stpp, *self.topics.values()]
        return [(s.file, s.loaded.sha256) for s in states if s.loaded is not None and s.present]


def validate_workspace(root: Path) -> ValidationResult:
    """Load, validate and cross-check every file of the workspace at ``root``."""
    # What the check builds (YAML nodes, the files' data, the models) is acyclic and mostly kept, so
    # Python's cycle collector, run after every few hundred allocations, finds nothing while it walks
    # the growing heap again and again: ~0.19 s of a 0.6 s check of 2,000 kegiatan. It is paused for
    # the check (acyclic garbage is still freed at once) and any cyclic garbage is collected after.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _validate_workspace(root)
    finally:
        if enabled:
            gc.enable()


def _validate_workspace(root: Path) -> ValidationResult:
    """:func:`validate_workspace` with the collector paused."""
    problems: list[Problem] = []
    stpp_state = TopicState(None, STPP_FILE)
    states: dict[str, TopicState] = {t.id: TopicState(t, t.file) for t in TOPIK}
    result = ValidationResult(root, stpp_state, states, problems)
    if not root.is_dir():
        problems.append(Problem("workspace.not_a_folder", {}, str(root)))
        return result

    _report_unknown_files(root, problems)
    _report_misnamed_files(root, problems)

    from assembler.models.stpp import Stpp

    stpp_path = root / STPP_FILE
    if _readable(root, stpp_path, problems):
        stpp_state.loaded = load_yaml_file(stpp_path)
        stpp_state.model = validate_file(stpp_state.loaded, Stpp, problems)
    for state in states.values():
        path = _topic_path(root, state.file, problems)
        if state.topik is None or path is None or not _readable(root, path, problems):
            continue
        state.file = path.name
        state.loaded = load_input_file(path)
        state.model = validate_file(state.loaded, MODELS[state.topik.id], problems)
    if not stpp_state.present and stpp_state.loaded is None:
        problems.append(Problem("workspace.missing_stpp", {}, STPP_FILE, severity="warning"))

    view = result.view()
    for state in [stpp_state, *states.values()]:
        if isinstance(state.model, SiapModel) and state.loaded is not None:
            for finding in state.model.checks(view):
                problems.append(locate(state.loaded, finding.loc, finding.code, finding.params, finding.severity))
    problems.extend(check_references(result, view))
    problems.extend(check_consistency(result, locate))
    problems.sort(key=Problem.sort_key)
    result.problems = _dedupe(problems)
    return result


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for p in problems:
        key = (p.file, p.line, p.column, p.path, p.code, tuple(sorted((k, str(v)) for k, v in p.params.items())))
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _readable(root: Path, path: Path, problems: list[Problem]) -> bool:
    """A file exists and, if it is a symlink, stays inside the workspace (no reading /etc/passwd)."""
    if not path.exists() and not path.is_symlink():
        return False
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (RuntimeError, OSError):  # a loop (RuntimeError before Python 3.13) or a dangling link
            problems.append(Problem("workspace.symlink_broken", {}, path.name))
            return False
        try:
            target.relative_to(root.resolve())
        except ValueError:
            problems.append(Problem("workspace.symlink_outside", {}, path.name))
            return False
    return path.is_file()


def load_input_file(path: Path) -> LoadedFile:
    """Load a topic file of either form: YAML, or an Excel workbook (``assembler.excel``).

    The workbook reader (and its layouts, built from every model) is imported only for a workbook:
    a YAML workspace never needs it, and ``siap check`` starts faster without it.
    """
    if path.suffix.lower() != ".xlsx":
        return load_yaml_file(path)
    from assembler.excel.reader import load_xlsx_file

    return load_xlsx_file(path)


def _topic_path(root: Path, file: str, problems: list[Problem]) -> Path | None:
    """The topic's file, YAML or Excel workbook; both at once is an error naming both."""
    yaml_path, xlsx_path = root / file, (root / file).with_suffix(".xlsx")
    have_yaml = yaml_path.exists() or yaml_path.is_symlink()
    have_xlsx = xlsx_path.exists() or xlsx_path.is_symlink()
    if have_yaml and have_xlsx:
        names = {"yaml": yaml_path.name, "xlsx": xlsx_path.name}
        problems.append(Problem("workspace.both_forms", names, xlsx_path.name))
        return None
    return xlsx_path if have_xlsx else yaml_path


def _report_unknown_files(root: Path, problems: list[Problem]) -> None:
    known = {STPP_FILE, *BY_FILE, *(Path(f).with_suffix(".xlsx").name for f in BY_FILE)}
    # "~$name.xlsx" is the lock file Excel keeps beside a workbook it has open.
    workbooks = [p for p in root.glob("*.xlsx") if not p.name.startswith("~$")]
    for path in sorted([*root.glob("*.y*ml"), *workbooks]):
        if path.name in known:
            continue
        match = difflib.get_close_matches(path.name, sorted(known), n=1, cutoff=0.6)
        if match:
            problems.append(
                Problem("workspace.unknown_file.suggest", {"suggestion": match[0]}, path.name, severity="warning")
            )
        else:
            problems.append(Problem("workspace.unknown_file", {}, path.name, severity="warning"))


def _report_misnamed_files(root: Path, problems: list[Problem]) -> None:
    """A topic saved as ``1.2-kalender-kerja.yaml.txt`` (Notepad's default) or ``.YAML``: name the right file.

    Otherwise the topic silently reads "belum ada" while the secretariat's work sits beside it.
    Names ending in ``.yaml``/``.yml`` are reported by :func:`_report_unknown_files`.
    """
    known = {STPP_FILE, *BY_FILE}
    for path in sorted(root.iterdir()):
        name = path.name
        if name in known or name.startswith((".", "~$")) or fnmatch.fnmatchcase(name, "*.y*ml"):
            continue
        lower = name.lower()
        match = re.fullmatch(r"(.+?\.ya?ml)(\..*)?", lower) or re.fullmatch(r"(.+?)\.txt", lower)
        if match is None or not path.is_file():
            continue
        base = match.group(1)
        base = re.sub(r"\.ya?ml$", "", base).strip() + ".yaml"
        expected = base if base in known else next(iter(difflib.get_close_matches(base, sorted(known), 1, 0.85)), None)
        if expected is None or _same_file(path, root / expected):
            continue  # on Windows '2.1-Isu-Utama.YAML' *is* the topic file: it is read
        code = "workspace.misnamed.txt" if lower.endswith(".txt") else "workspace.misnamed"
        problems.append(Problem(code, {"expected": expected}, name, severity="warning"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return b.exists() and a.samefile(b)
    except OSError:
        return False
