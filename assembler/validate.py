"""Validate a whole workspace and report every problem at the line of the offending value.

Three passes, each on what the previous one accepted: pydantic per file (types, ranges, unknown
keys), each model's own ``checks`` (rules spanning fields and topics), and references between
identifiers across the workspace (with "did you mean"). Then the cross-topic consistency rules of
:mod:`assembler.konsistensi` (facts typed twice, judgement calls), each naming both places.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from assembler.conform import conform
from assembler.errors import Problem
from assembler.excel.reader import load_xlsx_file
from assembler.konsistensi import check_consistency
from assembler.loading import LoadedFile, Loc, format_loc, load_yaml_file
from assembler.messages import Localized, has_message, register
from assembler.models.base import SiapModel, id_kind, ref_kinds, type_parts
from assembler.models.registry import MODELS
from assembler.topics import BY_FILE, STPP_FILE, TOPIK, Topik
from assembler.workspace_view import WorkspaceView

register(
    {
        # pydantic error types, translated; {input} is what the user wrote.
        "pydantic.missing": ("wajib diisi", "is required"),
        "pydantic.extra_forbidden": ("kunci tidak dikenal", "unknown key"),
        "pydantic.extra_forbidden.suggest": (
            "kunci tidak dikenal; maksud Anda '{suggestion}'?",
            "unknown key; did you mean '{suggestion}'?",
        ),
        "pydantic.string_type": ("harus berupa teks, tertulis {input}", "must be text, found {input}"),
        "pydantic.string_too_short": ("tidak boleh kosong", "must not be empty"),
        "pydantic.string_too_long": (
            "terlalu panjang (paling banyak {max_length} karakter)",
            "is too long (at most {max_length} characters)",
        ),
        "pydantic.string_pattern_mismatch": (
            "'{input}' bukan kode yang sah: gunakan huruf, angka, titik, tanda hubung atau garis bawah, tanpa spasi",
            "'{input}' is not a valid code: use letters, digits, dots, hyphens or underscores, no spaces",
        ),
        "pydantic.int_type": ("harus berupa bilangan bulat, tertulis {input}", "must be a whole number, found {input}"),
        "pydantic.int_parsing": (
            "harus berupa bilangan bulat tanpa titik ribuan, tertulis {input}",
            "must be a whole number without thousands separators, found {input}",
        ),
        "pydantic.int_from_float": (
            "harus berupa bilangan bulat, tertulis {input}",
            "must be a whole number, found {input}",
        ),
        "pydantic.float_type": ("harus berupa angka, tertulis {input}", "must be a number, found {input}"),
        "pydantic.float_parsing": (
            "harus berupa angka (pakai titik untuk desimal), tertulis {input}",
            "must be a number (use a dot for decimals), found {input}",
        ),
        "pydantic.decimal_parsing": (
            "harus berupa angka (pakai titik untuk desimal), tertulis {input}",
            "must be a number (use a dot for decimals), found {input}",
        ),
        "pydantic.bool_type": (
            "harus 'ya' atau 'tidak' (true/false), tertulis {input}",
            "must be true or false, found {input}",
        ),
        "pydantic.bool_parsing": ("harus true atau false, tertulis {input}", "must be true or false, found {input}"),
        "pydantic.greater_than_equal": (
            "harus paling kecil {ge}, tertulis {input}",
            "must be at least {ge}, found {input}",
        ),
        "pydantic.greater_than": (
            "harus lebih besar dari {gt}, tertulis {input}",
            "must be greater than {gt}, found {input}",
        ),
        "pydantic.less_than_equal": (
            "harus paling besar {le}, tertulis {input}",
            "must be at most {le}, found {input}",
        ),
        "pydantic.less_than": (
            "harus lebih kecil dari {lt}, tertulis {input}",
            "must be less than {lt}, found {input}",
        ),
        "pydantic.literal_error": (
            "harus salah satu dari {expected}, tertulis {input}",
            "must be one of {expected}, found {input}",
        ),
        "pydantic.literal_error.suggest": (
            "harus salah satu dari {expected}, tertulis {input}; maksud Anda '{suggestion}'?",
            "must be one of {expected}, found {input}; did you mean '{suggestion}'?",
        ),
        "pydantic.enum": (
            "harus salah satu dari {expected}, tertulis {input}",
            "must be one of {expected}, found {input}",
        ),
        "pydantic.list_type": ("harus berupa daftar (butir diawali '- ')", "must be a list (items start with '- ')"),
        "pydantic.too_short": (
            "paling sedikit {min_length} butir, tertulis {actual_length}",
            "needs at least {min_length} items, found {actual_length}",
        ),
        "pydantic.too_long": (
            "paling banyak {max_length} butir, tertulis {actual_length}",
            "allows at most {max_length} items, found {actual_length}",
        ),
        "pydantic.dict_type": ("harus berupa pasangan kunci: nilai", "must be key: value pairs"),
        "pydantic.model_type": ("harus berupa pasangan kunci: nilai", "must be key: value pairs"),
        "pydantic.model_attributes_type": ("harus berupa pasangan kunci: nilai", "must be key: value pairs"),
        "pydantic.date_type": (
            "harus berupa tanggal TTTT-BB-HH, tertulis {input}",
            "must be a date YYYY-MM-DD, found {input}",
        ),
        "pydantic.date_parsing": (
            "harus berupa tanggal TTTT-BB-HH, tertulis {input}",
            "must be a date YYYY-MM-DD, found {input}",
        ),
        "pydantic.date_from_datetime_parsing": (
            "harus berupa tanggal TTTT-BB-HH, tertulis {input}",
            "must be a date YYYY-MM-DD, found {input}",
        ),
        "pydantic.date_from_datetime_inexact": (
            "harus berupa tanggal tanpa jam, tertulis {input}",
            "must be a date without a time, found {input}",
        ),
        "pydantic.time_parsing": ("harus berupa jam JJ:MM, tertulis {input}", "must be a time HH:MM, found {input}"),
        "pydantic.time_type": ("harus berupa jam JJ:MM, tertulis {input}", "must be a time HH:MM, found {input}"),
        "pydantic.union_tag_invalid": (
            "jenis '{tag}' tidak dikenal; harus salah satu dari {expected_tags}",
            "unknown kind '{tag}'; must be one of {expected_tags}",
        ),
        "pydantic.union_tag_not_found": (
            "kunci penentu '{discriminator}' wajib diisi",
            "the key {discriminator} is required",
        ),
        "pydantic.value_error": ("{message}", "{message}"),
        "pydantic.other": ("nilai tidak sah: {message}", "invalid value: {message}"),
        # cross references
        "ref.dangling": (
            "{kind} '{value}' tidak ditemukan di {where}",
            "{kind} '{value}' is not defined in {where}",
        ),
        "ref.dangling.suggest": (
            "{kind} '{value}' tidak ditemukan di {where}; maksud Anda '{suggestion}'?",
            "{kind} '{value}' is not defined in {where}; did you mean '{suggestion}'?",
        ),
        "ref.duplicate": (
            "kode {kind} '{value}' sudah dipakai di {first}; setiap kode harus unik",
            "{kind} code '{value}' is already used at {first}; every code must be unique",
        ),
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

#: How an id kind is named in messages, and which topic files define it (for "tidak ditemukan di").
KIND_LABEL: dict[str, tuple[str, str]] = {
    "stakeholder": ("stakeholder", "stakeholder"),
    "anggota": ("anggota Pokja", "Pokja member"),
    "regulasi": ("regulasi", "regulation"),
    "lembaga": ("lembaga", "institution"),
    "isu": ("isu", "issue"),
    "kriteria_isu": ("kriteria", "criterion"),
    "indikator": ("indikator", "indicator"),
    "akar_masalah": ("akar masalah", "root cause"),
    "solusi": ("solusi alternatif", "alternative solution"),
    "solusi_terpadu": ("solusi terpadu", "integrated solution"),
    "strategi": ("strategi", "strategy"),
    "tindakan": ("tindakan", "action"),
    "kebijakan": ("usulan kebijakan", "policy proposal"),
    "program_personil": ("program personil", "personnel programme"),
    "unit": ("unit", "unit"),
    "usulan_keuangan": ("usulan keuangan", "financial proposal"),
    "tujuan": ("tujuan", "goal"),
    "sasaran": ("sasaran", "objective"),
    "keluaran": ("keluaran", "output"),
    "kegiatan": ("kegiatan", "activity"),
    "indikator_logframe": ("indikator logframe", "logframe indicator"),
}


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
        stpp_state.model = _validate_file(stpp_state.loaded, Stpp, problems)
    for state in states.values():
        path = _topic_path(root, state.file, problems)
        if state.topik is None or path is None or not _readable(root, path, problems):
            continue
        state.file = path.name
        state.loaded = load_input_file(path)
        state.model = _validate_file(state.loaded, MODELS[state.topik.id], problems)
    if not stpp_state.present and stpp_state.loaded is None:
        problems.append(Problem("workspace.missing_stpp", {}, STPP_FILE, severity="warning"))

    view = result.view()
    for state in [stpp_state, *states.values()]:
        if isinstance(state.model, SiapModel) and state.loaded is not None:
            for finding in state.model.checks(view):
                problems.append(_locate(state.loaded, finding.loc, finding.code, finding.params, finding.severity))
    problems.extend(_check_references(result, view))
    problems.extend(check_consistency(result, _locate))
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
    """Load a topic file of either form: YAML, or an Excel workbook (``assembler.excel``)."""
    return load_xlsx_file(path) if path.suffix.lower() == ".xlsx" else load_yaml_file(path)


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


def _validate_file(loaded: LoadedFile, model: type[BaseModel], problems: list[Problem]) -> BaseModel | None:
    """Convert the file's text to the model's types (numbers and dates exactly, see ``conform``), then validate.

    A value refused by the conversion is reported once, with how to write it; pydantic's own complaint
    about the same value (it still holds the text) is dropped.
    """
    problems.extend(loaded.problems)
    # A workbook's cell errors leave the rest of the file checkable (``reported`` marks those cells).
    if (not loaded.ok and not loaded.reported) or loaded.data is None or not isinstance(loaded.data, dict):
        return None
    conformed = conform(loaded.data, model)
    loaded.renamed = conformed.renamed
    refused = [r.loc for r in conformed.refusals]
    for refusal in conformed.refusals:
        problems.append(_locate(loaded, refusal.loc, refusal.code, refusal.params, "error", key=refusal.key))
    try:
        validated = model.model_validate(conformed.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problem_loc = _data_loc(conformed.data, tuple(err["loc"]))
            if any(problem_loc[: len(r)] == r for r in refused) or problem_loc in loaded.reported:
                continue
            problems.append(_from_pydantic(loaded, conformed.data, model, err))
        return None
    # A workbook's cell problems were reported by its reader; the model is not trusted until they are fixed.
    return None if refused or not loaded.ok else validated


def _from_pydantic(loaded: LoadedFile, data: Any, model: type[BaseModel], err: Any) -> Problem:
    """Turn one pydantic error into our format, at the line of the value (or of the unknown key)."""
    loc = _data_loc(data, tuple(err["loc"]))
    etype = str(err["type"])
    ctx = dict(err.get("ctx") or {})
    params: dict[str, Any] = {k: _plain(v) for k, v in ctx.items()}
    params["input"] = _shown_input(err.get("input"))
    code = f"pydantic.{etype}"
    if etype == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        match = difflib.get_close_matches(str(loc[-1]), sorted(allowed), n=1, cutoff=0.6)
        if match:
            code, params["suggestion"] = "pydantic.extra_forbidden.suggest", match[0]
        return _locate(loaded, loc, code, params, "error", key=True)
    if etype == "literal_error":
        options = [o.strip().strip("'") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        shown = [f"'{o}'" for o in options if o]
        params["expected"] = Localized(_join(shown, "atau"), _join(shown, "or"))
        match = difflib.get_close_matches(str(err.get("input")), [o for o in options if o], n=1, cutoff=0.6)
        if match:
            code, params["suggestion"] = "pydantic.literal_error.suggest", match[0]
    if etype == "value_error":
        params["message"] = str(ctx.get("error", err.get("msg", "")))
    if etype.startswith("siap."):
        code = etype
    elif not has_message(code):
        code, params["message"] = "pydantic.other", err.get("msg", "")
    return _locate(loaded, loc, code, params, "error")


def _join(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _plain(value: Any) -> Any:
    return value if isinstance(value, (int, float, str)) else str(value)


def _shown_input(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _data_loc(data: Any, loc: Loc) -> Loc:
    """Drop the union-branch tags pydantic inserts into ``loc`` (they are not keys of the file)."""
    result: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            result.append(part)
            node = node[part]  # type: ignore[index]  # the condition above checked the type
        elif isinstance(node, dict) and isinstance(part, str) and _looks_like_tag(part):
            continue
        else:
            result.append(part)
            node = None
    return tuple(result)


def _looks_like_tag(part: str) -> bool:
    return part[:1].isupper() or "[" in part or part in {"str", "int", "float", "bool", "date", "none", "list"}


def _locate(
    loaded: LoadedFile, loc: Loc, code: str, params: dict[str, Any], severity: str, *, key: bool = False
) -> Problem:
    pos = loaded.position(loc, key=key)
    line, col = pos if pos else (None, None)
    cell = loaded.cell(loc)
    return Problem(code, params, loaded.name, line, col, format_loc(loc), severity, cell)  # type: ignore[arg-type]


def _allowed_keys(model: type[BaseModel], loc: Loc) -> set[str]:
    """Field names of whatever model sits at ``loc`` (all union branches), for "did you mean"."""
    candidates: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for tp in candidates:
            for inner in type_parts(tp):
                if isinstance(inner, type) and issubclass(inner, BaseModel) and isinstance(part, str):
                    f = inner.model_fields.get(part)
                    if f is not None:
                        nxt.append(f.annotation)
                elif isinstance(part, int) and typing.get_origin(inner) in (list, tuple, set):
                    nxt.extend(typing.get_args(inner)[:1])
                elif isinstance(part, (str, int)) and typing.get_origin(inner) is dict:
                    nxt.extend(typing.get_args(inner)[1:2])
        candidates = nxt
    keys: set[str] = set()
    for tp in candidates:
        for inner in type_parts(tp):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                keys.update(inner.model_fields)
    return keys


# --- references -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Site:
    file: str
    loc: Loc


def iter_ids_and_refs(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[str, str, list[str] | str, Loc]]:
    """Yield ``("id", kind, value, loc)`` and ``("ref", kinds, value, loc)`` for every marked field."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        here = (*loc, name)
        kind = id_kind(info.json_schema_extra)
        kinds = ref_kinds(info.json_schema_extra)
        if kind and isinstance(value, str):
            yield "id", kind, value, here
        if kinds:
            if isinstance(value, str):
                yield "ref", ",".join(kinds), value, here
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield "ref", ",".join(kinds), item, (*here, i)
            elif isinstance(value, dict):
                # A mapping keyed by referenced ids (e.g. scores per issue): the keys are references.
                for key in value:
                    if isinstance(key, str):
                        yield "ref", ",".join(kinds), key, (*here, key)
        yield from _walk_value(value, here)


def _walk_value(value: Any, loc: Loc) -> Iterator[tuple[str, str, Any, Loc]]:
    if isinstance(value, BaseModel):
        yield from iter_ids_and_refs(value, loc)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk_value(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, (*loc, key))


def _defined_kinds(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """Id kinds a model class can define anywhere inside it (to know who is responsible for a kind)."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    kinds: set[str] = set()
    for info in model.model_fields.values():
        kind = id_kind(info.json_schema_extra)
        if kind:
            kinds.add(kind)
        for tp in _all_types(info.annotation):
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                kinds |= _defined_kinds(tp, seen)
    return kinds


def _all_types(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in typing.get_args(tp):
        yield from _all_types(arg)


def _check_references(result: ValidationResult, view: WorkspaceView) -> list[Problem]:
    problems: list[Problem] = []
    defined: dict[str, dict[str, _Site]] = {}
    refs: list[tuple[str, str, _Site, LoadedFile]] = []
    responsible: dict[str, list[str]] = {}  # kind -> topic ids that define it
    for t in TOPIK:
        for kind in _defined_kinds(MODELS[t.id]):
            responsible.setdefault(kind, []).append(t.id)

    if view.content is not None:
        for reg_id in view.content.regulasi_ids():
            defined.setdefault("regulasi", {})[reg_id] = _Site("content/regulasi.yaml", ())

    for state in [result.stpp, *result.topics.values()]:
        if state.model is None or state.loaded is None:
            continue
        for what, kind, value, loc in iter_ids_and_refs(state.model):
            site = _Site(state.file, loc)
            if what == "id":
                table = defined.setdefault(kind, {})
                first = table.get(str(value))
                if first is not None and first.loc:
                    pos = _pos_text(result, first)
                    problems.append(
                        _locate(
                            state.loaded,
                            loc,
                            "ref.duplicate",
                            {"kind": _label(kind), "value": value, "first": pos},
                            "error",
                        )
                    )
                else:
                    table[str(value)] = site
            else:
                refs.append((kind, str(value), site, state.loaded))

    catalogue = view.content.regulasi if view.content is not None else None
    for kinds_joined, value, site, loaded in refs:
        kinds = kinds_joined.split(",")
        if any(value in defined.get(k, {}) for k in kinds):
            if "regulasi" in kinds and catalogue is not None and defined["regulasi"][value].file.startswith("content/"):
                problems.extend(_repealed(catalogue, value, site, loaded))
            continue
        owners = [result.topics[tid] for k in kinds for tid in responsible.get(k, []) if tid in result.topics]
        if any(o.present and not o.valid for o in owners):
            continue  # a defining topic has errors of its own: its ids are unknown, so do not cascade
        unknowable = [
            k for k in kinds if not any(result.topics[t].valid for t in responsible.get(k, []) if t in result.topics)
        ]
        severity = "error"
        if unknowable:
            if kinds != ["regulasi"]:
                continue  # a topic that may define this id is not written yet: it cannot be checked now
            # Not in the catalogue, and 2.2 (which may write it out) is not there yet: the SK cannot cite
            # it until then, so say so without failing a workspace that is simply early in the process.
            severity = "warning"
        pool = sorted({i for k in kinds for i in defined.get(k, {})})
        match = difflib.get_close_matches(value, pool, n=1, cutoff=0.6)
        where = _where(kinds, responsible, result)
        params: dict[str, Any] = {"kind": _label(kinds[0]), "value": value, "where": where}
        code = "ref.dangling"
        if match:
            code, params["suggestion"] = "ref.dangling.suggest", match[0]
        problems.append(_locate(loaded, site.loc, code, params, severity))
    return problems


def _repealed(catalogue: Any, reg_id: str, site: _Site, loaded: LoadedFile) -> list[Problem]:
    """Citing a repealed or replaced regulation: a warning at the citation, naming its replacement."""
    from assembler.legal import status_peringatan

    return [
        _locate(loaded, site.loc, f.code, f.params, "warning")
        for f in status_peringatan(catalogue[reg_id], catalogue)
        if f.code in ("regulasi.dicabut", "regulasi.diganti", "regulasi.tidak_berlaku")
    ]


def _label(kind: str) -> Localized:
    text_id, text_en = KIND_LABEL.get(kind, (kind, kind))
    return Localized(text_id, text_en)


def _where(kinds: list[str], responsible: dict[str, list[str]], result: ValidationResult) -> str | Localized:
    files = []
    for k in kinds:
        for tid in responsible.get(k, []):
            name = result.topics[tid].file if tid in result.topics else next(t.file for t in TOPIK if t.id == tid)
            if name not in files:
                files.append(name)
    if "regulasi" in kinds:
        files.append("content/regulasi.yaml")
    return " / ".join(files) if files else Localized("ruang kerja", "the workspace")


def _pos_text(result: ValidationResult, site: _Site) -> str:
    states = [result.stpp, *result.topics.values()]
    for st in states:
        if st.file == site.file and st.loaded is not None:
            cell = st.loaded.cell(site.loc)
            if cell:
                return f"{site.file}:{cell}"
            pos = st.loaded.position(site.loc)
            if pos:
                return f"{site.file}:{pos[0]}"
    return site.file
