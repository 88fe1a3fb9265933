"""References between identifiers across the workspace: every id defined once, every reference defined.

Split from :mod:`assembler.validate` (module size). A reference to an id of a topic not written yet is
not checked (it cannot be); one to an id of a topic with errors of its own is not reported twice.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel

from assembler.errors import Problem
from assembler.loading import LoadedFile, Loc
from assembler.messages import Localized, register
from assembler.models.base import id_kind, ref_kinds
from assembler.models.registry import MODELS
from assembler.pydantic_problems import locate
from assembler.topics import TOPIK
from assembler.workspace_view import WorkspaceView

if TYPE_CHECKING:
    from assembler.validate import ValidationResult

register(
    {
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


class _Site(NamedTuple):
    """Where an id or a reference was written (a named tuple: one per id and reference, 10,000s of them)."""

    file: str
    loc: Loc


def iter_ids_and_refs(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[str, str, list[str] | str, Loc]]:
    """Yield ``("id", kind, value, loc)`` and ``("ref", kinds, value, loc)`` for every marked field."""
    found: list[tuple[str, str, Any, Loc]] = []
    _collect_model(model, loc, found)
    return iter(found)


#: Per model class, its fields' (name, id kind, referenced kinds joined by "," or None): asked once per
#: class, not once per instance (a 2,000-kegiatan workspace walks 7,000 instances).
_MARKS: dict[type[BaseModel], tuple[tuple[str, str | None, str | None], ...]] = {}


def _marks(cls: type[BaseModel]) -> tuple[tuple[str, str | None, str | None], ...]:
    marks = _MARKS.get(cls)
    if marks is None:
        rows = []
        for name, info in cls.model_fields.items():
            kinds = ref_kinds(info.json_schema_extra)
            rows.append((name, id_kind(info.json_schema_extra), ",".join(kinds) if kinds else None))
        marks = _MARKS[cls] = tuple(rows)
    return marks


def _collect_model(model: BaseModel, loc: Loc, found: list[tuple[str, str, Any, Loc]]) -> None:
    for name, kind, kinds in _marks(type(model)):
        value = getattr(model, name)
        nested = isinstance(value, (BaseModel, list, tuple, dict))
        if not (kind or kinds is not None or nested):
            continue  # a plain value in an unmarked field: nothing to yield, nothing inside
        here = (*loc, name)
        if kind and isinstance(value, str):
            found.append(("id", kind, value, here))
        if kinds is not None:
            if isinstance(value, str):
                found.append(("ref", kinds, value, here))
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        found.append(("ref", kinds, item, (*here, i)))
            elif isinstance(value, dict):
                # A mapping keyed by referenced ids (e.g. scores per issue): the keys are references.
                for key in value:
                    if isinstance(key, str):
                        found.append(("ref", kinds, key, (*here, key)))
        if nested:
            _collect_value(value, here, found)


def _collect_value(value: Any, loc: Loc, found: list[tuple[str, str, Any, Loc]]) -> None:
    if isinstance(value, BaseModel):
        _collect_model(value, loc, found)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if isinstance(item, (BaseModel, list, tuple, dict)):
                _collect_value(item, (*loc, i), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (BaseModel, list, tuple, dict)):
                _collect_value(item, (*loc, key), found)


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


def check_references(result: ValidationResult, view: WorkspaceView) -> list[Problem]:
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
                        locate(
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
    split: dict[str, list[str]] = {}  # "kegiatan,tindakan" -> its kinds, once per combination (never changed)
    for kinds_joined, value, site, loaded in refs:
        kinds = split.get(kinds_joined) or split.setdefault(kinds_joined, kinds_joined.split(","))
        if any(value in defined[k] for k in kinds if k in defined):
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
        problems.append(locate(loaded, site.loc, code, params, severity))
    return problems


def _repealed(catalogue: Any, reg_id: str, site: _Site, loaded: LoadedFile) -> list[Problem]:
    """Citing a repealed or replaced regulation: a warning at the citation, naming its replacement."""
    from assembler.legal import status_peringatan

    return [
        locate(loaded, site.loc, f.code, f.params, "warning")
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
