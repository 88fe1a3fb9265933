"""``siap init``: a new workspace whose every file is a commented form.

Each file holds only comments: the whole structure of the topic, every key explained in Indonesian
(the model's own descriptions), ready to be uncommented and filled in. A file with only comments
counts as "not filled in yet", so the new workspace passes ``siap check`` as created, and nothing
in it pretends to be real content.
"""

from __future__ import annotations

import datetime as dt
import enum
import textwrap
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assembler.errors import Problem, UsageError
from assembler.models.base import id_kind, ref_kinds, type_parts
from assembler.schema import models, schema_name, write_schemas
from assembler.topics import BY_FILE

SCHEMA_DIR = ".skema"
WRAP = 96


def init_workspace(target: Path, *, xlsx: bool = False) -> list[Path]:
    """Create ``target`` with stpp.yaml, the 21 topic forms and their JSON Schemas.

    With ``xlsx`` the topics are empty Excel workbooks instead (``assembler.excel``).
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(Problem("init.not_empty", {"path": str(target)}))
    target.mkdir(parents=True, exist_ok=True)
    write_schemas(target / SCHEMA_DIR)
    written = []
    for file, model, title in models():
        path = target / file
        if xlsx and file in BY_FILE:
            from assembler.content import load_content
            from assembler.excel.writer import write_workbook

            path = path.with_suffix(".xlsx")
            # The regulation catalogue is the one list of codes a new workspace already has.
            path.write_bytes(write_workbook(BY_FILE[file], None, {"regulasi": load_content().regulasi_ids()}))
        else:
            path.write_text(render_form(file, model, title), encoding="utf-8")
        written.append(path)
    return written


def render_form(file: str, model: type[BaseModel], title: str) -> str:
    """The commented form of one workspace file."""
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_DIR}/{schema_name(file)}",
        f"# {title}",
    ]
    topik = BY_FILE.get(file)
    if topik is not None:
        lines.append(f"# Tahap {topik.tahap}, Topik {topik.id}. Berkas ini diisi setelah pertemuan topik ini.")
    lines += [
        "#",
        "# Cara mengisi: hapus tanda '# ' di depan baris kunci yang akan diisi (bukan baris penjelasan '## '),",
        "# ganti contoh nilainya, lalu jalankan 'siap check'. Berkas yang seluruhnya berupa komentar dianggap",
        "# belum diisi dan tidak dianggap salah. Daftar ('- ') boleh diulang sebanyak yang diperlukan.",
        "",
    ]
    lines += _fields(model, indent=0)
    return "\n".join(lines).rstrip() + "\n"


def _fields(model: type[BaseModel], indent: int) -> list[str]:
    out: list[str] = []
    for name, info in model.model_fields.items():
        out += _field(name, info, indent)
    return out


def _explain(info: FieldInfo, indent: int) -> list[str]:
    pad = " " * indent
    text = info.description or ""
    kind = id_kind(info.json_schema_extra)
    kinds = ref_kinds(info.json_schema_extra)
    if kind:
        text += f" Kode unik jenis '{kind}'; dipakai untuk merujuk butir ini dari berkas lain."
    if kinds:
        text += f" Berisi kode {' atau '.join(kinds)} yang didefinisikan di berkas lain."
    if not info.is_required():
        text += " (Boleh dikosongkan.)"
    wrapped = textwrap.wrap(text.strip(), width=max(40, WRAP - indent)) or [""]
    return [f"{pad}## {w}" for w in wrapped]


def _field(name: str, info: FieldInfo, indent: int) -> list[str]:
    pad = " " * indent
    out = _explain(info, indent)
    annotation = info.annotation
    sub = _model_of(annotation)
    item = _list_item(annotation)
    mapping = _mapping_of(annotation)
    if sub is not None:
        out.append(f"{pad}# {name}:")
        out += _fields(sub, indent + 2)
    elif item is not None and _model_of(item) is not None:
        out.append(f"{pad}# {name}:")
        out += _list_of_models(_model_of(item), indent + 2)  # type: ignore[arg-type]
    elif item is not None:
        out.append(f"{pad}# {name}:")
        out.append(f"{pad}#   - {_example(item, info)}")
    elif mapping is not None:
        out.append(f"{pad}# {name}:")
        out += _mapping(*mapping, indent + 2)
    else:
        out.append(f"{pad}# {name}: {_example(annotation, info)}")
    return out


def _mapping(key_type: Any, value_type: Any, indent: int) -> list[str]:
    """A mapping's keys: every option when the keys are fixed (a checklist), else one example key."""
    pad = " " * indent
    keys = _literal_options(key_type) or [_example(key_type, None, key=True)]
    out: list[str] = []
    for key in keys:
        inner_model = _model_of(value_type)
        inner_mapping = _mapping_of(value_type)
        if inner_model is not None:
            out.append(f"{pad}# {key}:")
            out += _fields(inner_model, indent + 2)
        elif inner_mapping is not None:
            out.append(f"{pad}# {key}:")
            out += _mapping(*inner_mapping, indent + 2)
        else:
            out.append(f"{pad}# {key}: {_example(value_type, None)}")
    return out


def _literal_options(tp: Any) -> list[str]:
    for inner in type_parts(tp):
        if typing.get_origin(inner) is typing.Literal:
            return [str(a) for a in typing.get_args(inner)]
    return []


def _list_of_models(model: type[BaseModel], indent: int) -> list[str]:
    lines = _fields_commented(model, indent + 2)
    # Turn the first key line of the item into a list item ("- key: ...").
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith("# ") and not stripped.startswith("## "):
            prefix = line[: len(line) - len(stripped)]
            lines[i] = prefix[:-2] + "# - " + stripped[2:] if len(prefix) >= 2 else "# - " + stripped[2:]
            break
    return lines


def _fields_commented(model: type[BaseModel], indent: int) -> list[str]:
    return _fields(model, indent)


def _model_of(tp: Any) -> type[BaseModel] | None:
    for inner in type_parts(tp):
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return None


def _list_item(tp: Any) -> Any:
    for inner in type_parts(tp):
        if typing.get_origin(inner) in (list, tuple, set):
            args = typing.get_args(inner)
            return args[0] if args else str
    return None


def _mapping_of(tp: Any) -> tuple[Any, Any] | None:
    for inner in type_parts(tp):
        if typing.get_origin(inner) is dict:
            args = typing.get_args(inner)
            return (args[0], args[1]) if len(args) == 2 else (str, str)
    return None


def _example(tp: Any, info: FieldInfo | None, *, key: bool = False) -> str:
    """A value that shows the expected form without pretending to be content (the default if any)."""
    default = None if info is None or info.is_required() else info.get_default(call_default_factory=False)
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, (int, float)) or (isinstance(default, str) and default):
        return _scalar(default)
    for inner in type_parts(tp):
        origin = typing.get_origin(inner)
        if origin is typing.Literal:
            options = [str(a) for a in typing.get_args(inner)]
            first = str(default) if default in options else options[0]
            return f"{first}    # pilihan: {' | '.join(options)}"
        if isinstance(inner, type) and issubclass(inner, enum.Enum):
            options = [str(m.value) for m in inner]
            return f"{options[0]}    # pilihan: {' | '.join(options)}"
        if inner is bool:
            return "false"
        if inner is int:
            # Whole-number keys in the workspace are years (biaya_per_tahun); show one.
            return "2026" if key else "0"
        if inner is float:
            return "0.0"
        if inner is dt.date:
            return "2026-01-31"
        if inner is dt.time:
            return '"09:00"'
        if inner is str:
            if info is not None and (id_kind(info.json_schema_extra) or ref_kinds(info.json_schema_extra)):
                return "kode-01"
            return '""'
    return '""'


def _scalar(value: object) -> str:
    import json

    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
