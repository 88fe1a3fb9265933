"""The workbook layout of a topic, derived from its pydantic model (no per-topic code).

The root model's scalars (and those of its single nested models) form the "Isian" sheet; every
``list[Model]`` and ``dict`` becomes a sheet of rows; a table nested inside a row gets its own sheet
with a column naming the parent row. Writer and reader share this one description, so what is
written is what is read.
"""

from __future__ import annotations

import datetime as dt
import decimal
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assembler.models.base import id_kind, ref_kinds, type_parts

Kind = Literal["text", "int", "decimal", "float", "number", "date", "bool", "choice"]
Path = tuple[str, ...]

FORM_TITLE = "Isian"
GUIDE_TITLE = "Petunjuk"
LISTS_TITLE = "Daftar"
NO_HEADER = "No"
REQUIRED_MARK = " *"
#: Sheet names Excel forbids characters in, and their 31-character limit.
_BAD_TITLE_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Scalar:
    """What one cell holds."""

    kind: Kind
    choices: tuple[str, ...] = ()
    money: bool = False
    refs: tuple[str, ...] = ()
    many: bool = False  # a list of scalars in one cell
    percent: bool = False  # a number of percent points (25 shown as 25%, never scaled)

    @property
    def separator(self) -> str:
        """Codes and choices are comma-separated; free text is one item per line."""
        return ", " if (self.refs or self.choices or self.kind != "text") else "\n"


@dataclass(frozen=True)
class Column:
    """One column of a table sheet (or one row of the form sheet)."""

    path: Path  # field names from the row (or root) to the value
    header: str
    scalar: Scalar
    required: bool
    description: str
    role: Literal["field", "parent", "key", "key2", "no", "computed"] = "field"

    @property
    def label(self) -> str:
        return self.header + (REQUIRED_MARK if self.required else "")


@dataclass
class Table:
    """One sheet of rows: a list of models, or a dict, at ``path`` (field names from the root)."""

    title: str
    path: Path  # from the root, field names only (list indices left out)
    rel_path: Path  # from the parent row (or the root) to the list/dict field
    kind: Literal["list", "dict"]
    description: str
    required: bool
    parent: Table | None = None
    columns: list[Column] = field(default_factory=list)
    children: list[Table] = field(default_factory=list)
    id_field: str | None = None
    id_kind: str | None = None
    objects: list[Path] = field(default_factory=list)  # required nested models of a row, made even when empty
    needs_no: bool = False  # children refer to rows by their "No"
    value_mixed: bool = False  # dict values that are a number or a dict of numbers (second key optional)
    value_scalar: bool = False  # dict values that are a scalar (or a list of scalars) at column "nilai"

    @property
    def parent_column(self) -> Column | None:
        return next((c for c in self.columns if c.role == "parent"), None)

    def key_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role in ("key", "key2")]

    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role == "field"]


@dataclass
class Layout:
    """Every sheet of one topic's workbook."""

    model: type[BaseModel]
    form: list[Column]
    tables: list[Table]
    objects: list[Path] = field(default_factory=list)  # required nested models of the root

    def all_tables(self) -> list[Table]:
        out: list[Table] = []

        def walk(t: Table) -> None:
            out.append(t)
            for c in t.children:
                walk(c)

        for t in self.tables:
            walk(t)
        return out


#: Names for the keys of dict tables whose keys are not references (which are named by their kind),
#: keyed by the model's module below ``assembler.models``, its class and the field.
KEY_HEADERS: dict[str, tuple[str, ...]] = {
    "tahap2.CalonIsu.skor": ("Kriteria",),
    "tahap3.KebutuhanTeknisManajemen.daftar_periksa": ("Proses", "Kriteria"),
    "tahap3.KebutuhanTeknisManajemen.persoalan": ("Area",),
    "tahap4.t41.KapasitasTeknis.kuadran": ("Kuadran",),
    "tahap4.t47.Tindakan.skor": ("Kriteria",),
    "tahap4.t47.PutaranUlang.skor": ("Tindakan", "Kriteria"),
}
#: Values siap computes, shown beside the rows they belong to as formulas (never read back):
#: (root model, table path) -> (header, formula kind, description).
COMPUTED: dict[tuple[str, Path], tuple[tuple[str, str, str], ...]] = {
    ("IsuUtama", ("isu",)): (
        ("Jumlah skor (dihitung)", "sum:skor", "Jumlah skor isu pada semua kriteria, dihitung dari lembar skor."),
    ),
    ("Prioritas", ("tindakan",)): (
        ("Nilai MCUA (dihitung)", "mcua", "Jumlah bobot × skor pada semua kriteria (MCUA)."),
    ),
    ("SkemaTindakan", ("tujuan", "sasaran", "keluaran", "kegiatan")): (
        ("Total biaya (dihitung)", "sum:biaya_per_tahun", "Jumlah biaya kegiatan pada semua tahun anggaran."),
    ),
}
#: Header words written differently from the field name.
_WORDS = {"id": "kode", "pic": "PIC", "nip": "NIP", "tor": "ToR", "stpp": "STPP", "ln": "LN", "tln": "TLN",
          "bn": "BN", "ld": "LD", "tld": "TLD", "bd": "BD"}


def humanize(name: str) -> str:
    return " ".join(_WORDS.get(w, w) for w in name.split("_"))


def header_for(path: Path) -> str:
    text = ": ".join(humanize(p) for p in path)
    return text[:1].upper() + text[1:] if not text[:1].isupper() else text


@cache
def layout_for(model: type[BaseModel]) -> Layout:
    """The layout of ``model``'s workbook (cached: models do not change while running)."""
    form: list[Column] = []
    tables: list[Table] = []
    objects: list[Path] = []
    _collect(model, (), (), True, form, tables, None, objects)
    _name_tables([t for t in _flatten(tables)])
    for t in _flatten(tables):
        _finish(t)
    layout = Layout(model, form, tables, objects)
    finish_no_columns(layout)
    for table in layout.all_tables():
        for header, kind, description in COMPUTED.get((model.__name__, table.path), ()):
            note = f"{description} Dihitung siap; bukan sel isian, tidak dibaca."
            money = kind == "sum:biaya_per_tahun"
            table.columns.append(Column(("__computed", kind), header, Scalar("int", money=money), False, note,
                                        "computed"))
    return layout


def _flatten(tables: list[Table]) -> list[Table]:
    out: list[Table] = []
    for t in tables:
        out.append(t)
        out += _flatten(t.children)
    return out


def _collect(
    model: type[BaseModel],
    rel: Path,
    abs_path: Path,
    required: bool,
    columns: list[Column],
    tables: list[Table],
    parent: Table | None,
    objects: list[Path],
) -> None:
    """Flatten ``model``'s scalars into ``columns`` and its lists/dicts into ``tables``.

    ``objects`` collects the required nested models: a workbook cannot tell "empty" from "absent".
    """
    for name, info in model.model_fields.items():
        here, here_abs = (*rel, name), (*abs_path, name)
        req = required and info.is_required()
        parts = type_parts(info.annotation)
        models = [p for p in parts if isinstance(p, type) and issubclass(p, BaseModel)]
        origin = typing.get_origin(parts[0]) if len(parts) == 1 else None
        if models and len(parts) == 1:
            if req:
                objects.append(here)
            _collect(models[0], here, here_abs, req, columns, tables, parent, objects)
        elif origin is list and _item_model(parts[0]) is not None:
            item = _item_model(parts[0])
            assert item is not None
            table = Table("", here_abs, here, "list", info.description or "", req, parent)
            table.id_field = next(
                (n for n, f in item.model_fields.items() if id_kind(f.json_schema_extra)), None
            )
            if table.id_field:
                table.id_kind = id_kind(item.model_fields[table.id_field].json_schema_extra)
            _collect(item, (), here_abs, True, table.columns, table.children, table, table.objects)
            tables.append(table)
        elif origin is dict:
            owner = f"{model.__module__.removeprefix('assembler.models.')}.{model.__qualname__}.{name}"
            tables.append(_dict_table(parts[0], info, here, here_abs, req, parent, KEY_HEADERS.get(owner, ())))
        else:
            columns.append(Column(here, header_for(here), scalar_of(info.annotation, info), req,
                                  info.description or ""))


def _item_model(list_type: Any) -> type[BaseModel] | None:
    (item,) = typing.get_args(list_type)
    inner = type_parts(item)
    if len(inner) == 1 and isinstance(inner[0], type) and issubclass(inner[0], BaseModel):
        return inner[0]
    return None


def _dict_table(
    tp: Any, info: FieldInfo, rel: Path, abs_path: Path, req: bool, parent: Table | None, names: tuple[str, ...]
) -> Table:
    key_t, value_t = typing.get_args(tp)
    table = Table("", abs_path, rel, "dict", info.description or "", req, parent)
    refs = tuple(ref_kinds(info.json_schema_extra))
    first = names[0] if names else _kind_header(refs, key_t)
    table.columns.append(Column(("__key",), first, scalar_of(key_t, None, refs=refs), True, "", "key"))
    values = type_parts(value_t)
    dicts = [v for v in values if typing.get_origin(v) is dict]
    models = [v for v in values if isinstance(v, type) and issubclass(v, BaseModel)]
    if dicts:
        key2_t, inner_t = typing.get_args(dicts[0])
        second = names[1] if len(names) > 1 else "Kriteria" if refs else "Kunci 2"
        table.value_mixed = len(values) > 1
        table.columns.append(
            Column(("__key2",), second, scalar_of(key2_t, None), not table.value_mixed, "", "key2")
        )
        value_t = inner_t
        inner_models = [v for v in type_parts(inner_t) if isinstance(v, type) and issubclass(v, BaseModel)]
        if inner_models:
            _collect(inner_models[0], (), abs_path, True, table.columns, table.children, table, table.objects)
            assert not table.children, abs_path
            return table
    elif models:
        _collect(models[0], (), abs_path, True, table.columns, table.children, table, table.objects)
        assert not table.children, abs_path
        return table
    table.value_scalar = True
    money = "rupiah" in (info.description or "").lower()
    sc = scalar_of(value_t, None)
    if money:
        sc = Scalar(sc.kind, sc.choices, True, sc.refs, sc.many)
    table.columns.append(Column((), "Nilai", sc, True, info.description or ""))
    return table


def _kind_header(refs: tuple[str, ...], key_t: Any) -> str:
    if refs:
        return header_for((refs[0],))
    parts = type_parts(key_t)
    if parts and parts[0] is int:
        return "Tahun"
    return "Kunci"


def scalar_of(annotation: Any, info: FieldInfo | None, *, refs: tuple[str, ...] = ()) -> Scalar:
    """The cell kind of a scalar (or list-of-scalars) annotation."""
    many = False
    parts = type_parts(annotation)
    if len(parts) == 1 and typing.get_origin(parts[0]) in (list, set, tuple):
        many = True
        parts = type_parts(typing.get_args(parts[0])[0])
    if info is not None:
        refs = tuple(ref_kinds(info.json_schema_extra))
    money = info is not None and "rupiah" in (info.description or "").lower()
    choices: list[str] = []
    kinds: set[str] = set()
    for p in parts:
        if typing.get_origin(p) is Literal:
            choices += [str(a) for a in typing.get_args(p)]
            kinds.add("choice")
        elif p is bool:
            kinds.add("bool")
        elif p is int:
            kinds.add("int")
        elif p is float:
            kinds.add("float")
        elif p is decimal.Decimal:
            kinds.add("decimal")
        elif p is dt.date:
            kinds.add("date")
        else:
            kinds.add("text")
    kind: Kind
    if kinds == {"choice"}:
        kind = "choice"
    elif kinds <= {"int", "float"} and len(kinds) == 2:
        kind = "number"
    elif kinds == {"int"}:
        kind = "int"
    elif kinds == {"float"}:
        kind = "float"
    elif kinds == {"decimal"}:
        kind = "decimal"
    elif kinds == {"date"}:
        kind = "date"
    elif kinds == {"bool"}:
        kind = "bool"
    else:
        kind = "text"
    percent = info is not None and "dalam persen" in (info.description or "").lower()
    return Scalar(kind, tuple(choices), money and kind == "int", refs, many,
                  percent and kind in ("int", "decimal", "float", "number"))


def _name_tables(tables: list[Table]) -> None:
    """Sheet titles: the field name; when two tables share it, the parent's name is added."""
    base = {id(t): _title(header_for(t.path[-1:])) for t in tables}
    counts: dict[str, int] = {}
    for t in tables:
        counts[base[id(t)]] = counts.get(base[id(t)], 0) + 1
    used = {FORM_TITLE.lower(), GUIDE_TITLE.lower(), LISTS_TITLE.lower()}
    for t in tables:
        title = base[id(t)]
        if counts[title] > 1 and len(t.path) > 1:
            title = _title(f"{title} {humanize(t.path[-2])}")
        while title.lower() in used:
            title = _title(title[:28] + " 2")
        used.add(title.lower())
        t.title = title


def _title(text: str) -> str:
    return text.translate(_BAD_TITLE_CHARS)[:31].strip()


def _finish(table: Table) -> None:
    """Add the parent column and, for parents without a code, the "No" column children refer to."""
    parent = table.parent
    if parent is not None:
        if parent.id_field is None and parent.kind == "list":
            parent.needs_no = True
        if parent.id_field is None:
            header, scalar = f"{parent.title} ({NO_HEADER})", Scalar("int")
        else:
            header, scalar = parent.title, Scalar("text")
        description = f"Baris induk pada lembar '{parent.title}' yang memuat baris ini."
        table.columns.insert(0, Column(("__parent",), header, scalar, True, description, "parent"))


def finish_no_columns(layout: Layout) -> None:
    """Insert the "No" columns once every table knows whether a child refers to it."""
    for t in layout.all_tables():
        if t.needs_no and not any(c.role == "no" for c in t.columns):
            t.columns.insert(0, Column(("__no",), NO_HEADER, Scalar("int"), True, "", "no"))
