"""``siap convert``: topics from YAML to Excel workbooks and back, without loss; nothing is deleted.

The topics converted must validate on their own (types and required values; references may still
be open), so what is written reads back to the same data. The file replaced moves into
``WS/arsip/<waktu>/``; the new file is complete on disk before the old one moves.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml

from assembler import interrupts
from assembler.errors import InvalidInputError, Problem, UsageError
from assembler.excel.writer import CannotRepresentError, write_workbook
from assembler.messages import register
from assembler.models.registry import MODELS
from assembler.topics import BY_ID, TOPIK, Topik

register(
    {
        "convert.unknown_topic": (
            "topik '{topic}' tidak dikenal; gunakan nomor topik 1.1 sampai 7.2",
            "unknown topic '{topic}'; use the topic numbers 1.1 to 7.2",
        ),
        "convert.file_busy": (
            "berkas ini tidak dapat dipindahkan ke arsip ({error}); tutup berkas ini di Excel atau program lain "
            "lalu ulangi; topik ini tidak diubah",
            "this file cannot be moved into the archive ({error}); close it in Excel or any other program and "
            "try again; this topic was not converted",
        ),
        "convert.not_lossless": (
            "topik {topic} tidak dapat ditulis ke buku kerja tanpa mengubah isinya ('{path}' terbaca lain dari "
            "yang ditulis); topik ini tidak diubah: biarkan dalam YAML dan laporkan kepada pengembang siap",
            "topic {topic} cannot be written to a workbook without changing it ('{path}' reads back differently); "
            "this topic was not converted: keep it in YAML and report it to siap's developers",
        ),
        "convert.invalid_topic": (
            "topik {topic} belum valid sehingga belum dapat diubah; perbaiki kesalahan di atas lebih dahulu",
            "topic {topic} is not valid yet so it cannot be converted; fix the errors above first",
        ),
    }
)

ARSIP = "arsip"
Target = Literal["xlsx", "yaml"]


@dataclass(frozen=True)
class Converted:
    """One topic converted: the file written and the file archived (None if there was none)."""

    topic: str
    written: str
    archived: str | None


def convert_workspace(
    root: Path, to: Target, topic_ids: Sequence[str] = (), *, now: dt.datetime | None = None
) -> list[Converted]:
    """Convert ``topic_ids`` (default: all 21) of the workspace at ``root`` to ``to``."""
    from assembler.validate import validate_workspace

    if not root.is_dir():
        raise UsageError(Problem("workspace.not_a_folder", {}, str(root)))
    unknown = [t for t in topic_ids if t not in BY_ID]
    if unknown:
        raise UsageError([Problem("convert.unknown_topic", {"topic": t}) for t in unknown])
    chosen = [BY_ID[t] for t in topic_ids] if topic_ids else list(TOPIK)
    result = validate_workspace(root)
    problems: list[Problem] = []
    plans: list[tuple[Topik, str, bytes, Path | None]] = []
    known = _known_ids(result)
    for topik in chosen:
        state = result.topics[topik.id]
        yaml_path, xlsx_path = root / topik.file, (root / topik.file).with_suffix(".xlsx")
        source = xlsx_path if to == "yaml" else yaml_path
        target = yaml_path if to == "yaml" else xlsx_path
        both = [p for p in result.problems if p.code == "workspace.both_forms" and p.file == xlsx_path.name]
        if both:
            problems += both
            continue
        if target.exists() and not source.exists():
            continue  # already in the wanted form
        own = [p for p in result.problems if p.file == source.name and p.severity == "error"]
        # A code used twice cannot be told apart in a workbook (child rows find their parent by code).
        if (state.present and state.model is None) or any(p.code == "ref.duplicate" for p in own):
            problems += [p for p in own if p.code not in ("ref.dangling", "ref.dangling.suggest")]
            problems.append(Problem("convert.invalid_topic", {"topic": topik.id}, source.name))
            continue
        try:
            content = _render(topik, state, to, known)
        except CannotRepresentError as exc:
            problems.append(Problem("xlsx.cannot_represent", {"item": exc.item[:60], "separator": exc.separator},
                                    source.name))
            continue
        if to == "xlsx" and state.model is not None:
            changed = _reads_back_differently(topik, content, state.model)
            if changed is not None:
                problems.append(Problem("convert.not_lossless", {"topic": topik.id, "path": changed}, source.name))
                continue
        plans.append((topik, target.name, content, source if source.exists() else None))
    if problems:
        raise InvalidInputError(problems)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    done: list[Converted] = []
    refused: list[Problem] = []
    for topik, name, content, original in plans:
        tmp = root / f".{name}.siap-tmp"
        tmp.write_bytes(content)
        archived = None
        if original is not None:
            archive = root / ARSIP / stamp
            archive.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(original, archive / original.name)
            except OSError as exc:  # on Windows, a workbook open in Excel cannot be moved
                tmp.unlink()
                refused.append(Problem("convert.file_busy", {"error": exc.strerror or str(exc)}, original.name))
                continue
            archived = f"{ARSIP}/{stamp}/{original.name}"
        os.replace(tmp, root / name)
        done.append(Converted(topik.id, name, archived))
    if refused:
        raise ConvertRefusedError(refused, done)
    return done


class ConvertRefusedError(InvalidInputError):
    """Some files could not be moved (open in another program); the others were converted."""

    inputs_at_fault = False

    def __init__(self, problems: list[Problem], done: list[Converted]):
        super().__init__(problems)
        self.done = done


def _render(topik: Topik, state: Any, to: Target, known: Mapping[str, list[str]]) -> bytes:
    if to == "xlsx":
        data = state.model.model_dump(mode="python", exclude_unset=True) if state.model is not None else None
        return write_workbook(topik, data, known)
    if not state.present:
        from assembler.scaffold import render_form

        return render_form(topik.file, MODELS[topik.id], f"Topik {topik.id} {topik.judul}").encode("utf-8")
    return yaml_text(topik, state.loaded.data, state.file).encode("utf-8")


def _reads_back_differently(topik: Topik, content: bytes, model: Any) -> str | None:
    """Where the workbook just written reads back to other data than the topic's (None: nowhere).

    The YAML file moves to the archive only when the workbook holds exactly its data: a value the cell
    layout cannot carry (the property test found four) is refused here instead of changing unnoticed.
    """
    from pydantic import ValidationError

    from assembler.conform import conform
    from assembler.excel.reader import read_workbook
    from assembler.loading import format_loc

    loaded = read_workbook(content, topik.file.replace(".yaml", ".xlsx"))
    if loaded.problems:
        return loaded.problems[0].path or "(isi)"
    conformed = conform(loaded.data, MODELS[topik.id])
    try:
        with interrupts.deferred():
            again = MODELS[topik.id].model_validate(conformed.data)
    except ValidationError as exc:
        return format_loc(tuple(exc.errors()[0]["loc"]))
    if conformed.refusals:
        return "(isi)"
    return _first_difference(model.model_dump(), again.model_dump(), ())


def _first_difference(a: Any, b: Any, loc: tuple[str | int, ...]) -> str | None:
    """The path of the first value that differs between two dumps of a model."""
    from assembler.loading import format_loc

    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            found = _first_difference(a.get(key), b.get(key), (*loc, key))
            if found is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _first_difference(x, y, (*loc, i))
            if found is not None:
                return found
        return None
    return None if a == b and type(a) is type(b) else (format_loc(loc) or "(isi)")


def yaml_text(topik: Topik, data: Any, source: str) -> str:
    """Plain YAML of a topic's data (what the workbook held), with a heading comment."""
    head = f"# Topik {topik.id} {topik.judul}\n# Ditulis oleh 'siap convert' dari {source}.\n\n"
    body = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return head + body


class _Dumper(yaml.SafeDumper):
    """The safe dumper, plus exact decimals (as numbers when a float shows them exactly)."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return dumper.represent_float(as_float)
    return dumper.represent_str(str(value))


_Dumper.add_representer(Decimal, _decimal)


def _known_ids(result: Any) -> dict[str, list[str]]:
    """Codes each valid topic defines, by kind, for the dropdowns of other topics' workbooks."""
    from assembler.references import iter_ids_and_refs

    known: dict[str, list[str]] = {}
    for state in [result.stpp, *result.topics.values()]:
        if state.model is None:
            continue
        for what, kind, value, _loc in iter_ids_and_refs(state.model):
            if what == "id" and isinstance(value, str):
                known.setdefault(kind, []).append(value)
    from assembler.content import load_content

    known.setdefault("regulasi", []).extend(load_content().regulasi_ids())
    return known
