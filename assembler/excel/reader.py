"""Read a topic workbook back into the plain data the YAML loader gives, with ``Sheet!Cell`` positions.

The layout is the one the writer used (:mod:`assembler.excel.layout`), matched by sheet titles and
header texts, so a user may reorder columns or sheets. Every cell problem is reported at its cell;
the rest of the file is still checked by the models.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from assembler.errors import Problem
from assembler.excel.layout import (
    FORM_TITLE,
    GUIDE_TITLE,
    LISTS_TITLE,
    REQUIRED_MARK,
    Column,
    Layout,
    Table,
    layout_for,
)
from assembler.loading import MAX_STRING, LoadedFile, Loc, format_loc
from assembler.messages import register
from assembler.models.registry import MODELS
from assembler.topics import BY_FILE

register(
    {
        "xlsx.unreadable": (
            "berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca: {problem}",
            "this file is not a readable Excel workbook (.xlsx): {problem}",
        ),
        "xlsx.too_large": (
            "buku kerja terlalu besar ({size} byte setelah dibuka; paling besar {limit} byte)",
            "workbook is too large ({size} bytes unpacked; at most {limit} bytes)",
        ),
        "xlsx.formula": (
            "sel ini berisi rumus ({formula}); ketik nilainya, bukan rumus",
            "this cell holds a formula ({formula}); type the value, not a formula",
        ),
        "xlsx.not_a_date": (
            "harus berupa tanggal tanpa jam, tertulis {input}",
            "must be a date without a time, found {input}",
        ),
        "xlsx.not_yes_no": ("harus 'ya' atau 'tidak', tertulis {input}", "must be 'ya' or 'tidak', found {input}"),
        "xlsx.unknown_sheet": (
            "lembar '{sheet}' tidak dikenal dan tidak dibaca",
            "sheet '{sheet}' is not known and is not read",
        ),
        "xlsx.unknown_sheet.suggest": (
            "lembar '{sheet}' tidak dikenal; maksud Anda '{suggestion}'?",
            "sheet '{sheet}' is not known; did you mean '{suggestion}'?",
        ),
        "xlsx.unknown_column": (
            "kolom '{header}' tidak dikenal dan tidak dibaca",
            "column '{header}' is not known and is not read",
        ),
        "xlsx.unknown_column.suggest": (
            "kolom '{header}' tidak dikenal; maksud Anda '{suggestion}'?",
            "column '{header}' is not known; did you mean '{suggestion}'?",
        ),
        "xlsx.duplicate_column": (
            "kolom '{header}' ditulis dua kali (pertama di kolom {first}); hapus salah satunya",
            "column '{header}' is written twice (first in column {first}); remove one of them",
        ),
        "xlsx.missing_column": (
            "kolom wajib '{header}' tidak ada pada lembar ini",
            "required column '{header}' is missing from this sheet",
        ),
        "xlsx.parent_unknown": (
            "baris induk '{value}' tidak ada pada lembar '{sheet}'",
            "parent row '{value}' is not on sheet '{sheet}'",
        ),
        "xlsx.parent_unknown.suggest": (
            "baris induk '{value}' tidak ada pada lembar '{sheet}'; maksud Anda '{suggestion}'?",
            "parent row '{value}' is not on sheet '{sheet}'; did you mean '{suggestion}'?",
        ),
        "xlsx.duplicate_key": (
            "'{key}' ditulis dua kali untuk baris induk yang sama (pertama di {first}); hapus salah satunya",
            "'{key}' is written twice for the same parent row (first at {first}); remove one of them",
        ),
        "xlsx.mixed_key": (
            "'{key}' sudah diberi satu nilai tanpa '{kolom}' di {first}, di sini diberi nilai per '{kolom}'; "
            "tulis satu nilai tanpa '{kolom}' atau satu baris untuk setiap '{kolom}', tidak keduanya",
            "'{key}' already has one value without '{kolom}' at {first}, here a value per '{kolom}'; "
            "write one value without '{kolom}' or one row for each '{kolom}', not both",
        ),
        "xlsx.mixed_key.plain_after": (
            "'{key}' sudah diberi nilai per '{kolom}' mulai {first}, di sini diberi satu nilai tanpa '{kolom}'; "
            "tulis satu nilai tanpa '{kolom}' atau satu baris untuk setiap '{kolom}', tidak keduanya",
            "'{key}' already has values per '{kolom}' from {first}, here one value without '{kolom}'; "
            "write one value without '{kolom}' or one row for each '{kolom}', not both",
        ),
    }
)

def _column_letter(col: int) -> str:
    """openpyxl's letter for a column (imported late, as openpyxl and numpy take ~0.2 s to import)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


#: A workbook of the guide's worksheets is small; this stops a zip bomb before openpyxl unpacks it.
MAX_XLSX_BYTES = 5_000_000
MAX_UNPACKED_BYTES = 100_000_000
_SPACES = re.compile(r"\s+")


def normal(text: str) -> str:
    """Header text as compared: case, spaces and the required mark do not matter."""
    text = text.strip()
    if text.endswith(REQUIRED_MARK.strip()):
        text = text[: -len(REQUIRED_MARK.strip())]
    return _SPACES.sub(" ", text).strip().lower()


def load_xlsx_file(path: Path) -> LoadedFile:
    """Read one topic workbook; problems are collected on the result, never raised."""
    raw = path.read_bytes()
    loaded = read_workbook(raw, path.name)
    loaded.sha256 = hashlib.sha256(raw).hexdigest()
    return loaded


def read_workbook(raw: bytes, name: str, layout: Layout | None = None) -> LoadedFile:
    """The data of a topic workbook named ``name`` (its layout from the topic, unless given)."""
    loaded = LoadedFile(name, None)
    if layout is None:
        topik = BY_FILE.get(str(Path(name).with_suffix(".yaml")))
        assert topik is not None, name
        layout = layout_for(MODELS[topik.id])
    if len(raw) > MAX_XLSX_BYTES:
        loaded.problems.append(Problem("xlsx.too_large", {"size": len(raw), "limit": MAX_XLSX_BYTES}, name))
        return loaded
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            loaded.problems.append(
                Problem("xlsx.too_large", {"size": unpacked, "limit": MAX_UNPACKED_BYTES}, name)
            )
            return loaded
        # Read-only streams the cells (no comments, no styles kept): about twice as fast for these files.
        from openpyxl import load_workbook  # here, not at the top: `siap check` of YAML needs no openpyxl

        wb = load_workbook(io.BytesIO(raw), data_only=False, read_only=True)
        try:
            sheets = [_Grid(ws.title, [list(row) for row in ws.iter_rows()]) for ws in wb.worksheets]
        finally:
            wb.close()
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        loaded.problems.append(Problem("xlsx.unreadable", {"problem": f"{type(exc).__name__}: {exc}"}, name))
        return loaded
    _Reader(loaded, layout, sheets).read()
    return loaded


class _Blank:
    value = None
    data_type = "n"


class _Grid:
    """One sheet's cells in memory, addressed like a worksheet (1-based row and column)."""

    def __init__(self, title: str, rows: list[list[Any]]):
        self.title = title
        self.rows = rows
        self.max_row = len(rows)
        self.max_column = max((len(r) for r in rows), default=0)

    def cell(self, row: int, column: int) -> Any:
        if row <= len(self.rows) and column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return _Blank()

    def iter_rows(self) -> list[list[Any]]:
        return self.rows


@dataclass
class _Row:
    """One table row as read: its values by column path, and where each cell is."""

    values: dict[tuple[str, ...], Any] = field(default_factory=dict)
    cells: dict[tuple[str, ...], tuple[str, tuple[int, int]]] = field(default_factory=dict)
    reported: set[tuple[str, ...]] = field(default_factory=set)


class _Reader:
    def __init__(self, loaded: LoadedFile, layout: Layout, sheets: Sequence[Any]):
        self.loaded = loaded
        self.layout = layout
        self.sheets = sheets
        self.sheet_no = {ws.title: i for i, ws in enumerate(sheets, 1)}
        self.data: dict[str, Any] = {}
        self.any_value = False
        self.by_cell: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------------------

    def where(self, ws: _Grid, row: int, col: int) -> tuple[str, tuple[int, int]]:
        title = ws.title if re.fullmatch(r"[A-Za-z0-9_]+", ws.title) else f"'{ws.title}'"
        return f"{title}!{_column_letter(col)}{row}", (self.sheet_no[ws.title] * 100_000 + row, col)

    def problem(
        self, at: tuple[str, tuple[int, int]], code: str, severity: str = "error", path: str = "", **params: Any
    ) -> None:
        cell, (line, col) = at
        self.by_cell[cell] = len(self.loaded.problems)
        self.loaded.problems.append(
            Problem(code, params, self.loaded.name, line, col, path, severity=severity, cell=cell)  # type: ignore[arg-type]
        )

    def reported(self, loc: Loc, at: tuple[str, tuple[int, int]]) -> None:
        """The value at ``loc`` had a cell problem: give the problem its path, and skip repeats."""
        self.loaded.reported.add(loc)
        index = self.by_cell.get(at[0])
        if index is not None:
            self.loaded.problems[index] = dataclasses.replace(self.loaded.problems[index], path=format_loc(loc))

    def mark(self, loc: Loc, at: tuple[str, tuple[int, int]]) -> None:
        self.loaded.cells.setdefault(loc, at[0])
        self.loaded.positions.setdefault(loc, at[1])

    # -- sheets ----------------------------------------------------------------------------------

    def read(self) -> None:
        tables = self.layout.all_tables()
        expected = {normal(t.title): t for t in tables}
        if self.layout.form:
            expected[normal(FORM_TITLE)] = None  # type: ignore[assignment]
        by_table: dict[int, _Grid] = {}
        form_ws: _Grid | None = None
        unknown: list[_Grid] = []
        for ws in self.sheets:
            key = normal(ws.title)
            if key in (normal(GUIDE_TITLE), normal(LISTS_TITLE)):
                continue
            if key == normal(FORM_TITLE) and self.layout.form:
                form_ws = ws
            elif key in expected and expected[key] is not None:
                by_table[id(expected[key])] = ws
            else:
                unknown.append(ws)
        titles = [FORM_TITLE] * bool(self.layout.form) + [t.title for t in tables]
        for ws in unknown:
            missing = [t for t in titles if (t == FORM_TITLE and form_ws is None) or
                       (t != FORM_TITLE and id(expected[normal(t)]) not in by_table)]
            match = difflib.get_close_matches(ws.title, missing, n=1, cutoff=0.75)
            at = self.where(ws, 1, 1)
            if match:
                self.problem(at, "xlsx.unknown_sheet.suggest", sheet=ws.title, suggestion=match[0])
                if match[0] == FORM_TITLE:
                    form_ws = ws
                else:
                    by_table[id(expected[normal(match[0])])] = ws
            elif _has_content(ws):
                self.problem(at, "xlsx.unknown_sheet", "warning", sheet=ws.title)
        if form_ws is not None:
            self.read_form(form_ws)
        items: dict[int, dict[Any, tuple[dict[str, Any], Loc]]] = {}
        for table in tables:
            ws_t = by_table.get(id(table))
            items[id(table)] = self.read_table(table, ws_t, items) if ws_t is not None else {}
        if self.any_value:
            for path in self.layout.objects:
                _ensure(self.data, path, dict)
            _ensure_tables(self.data, self.layout.tables)
        self.loaded.data = self.data if self.any_value else None

    def read_form(self, ws: _Grid) -> None:
        columns = {normal(c.label): c for c in self.layout.form}
        seen: set[int] = set()
        for row in range(2, ws.max_row + 1):
            label = ws.cell(row=row, column=1).value
            cell = ws.cell(row=row, column=2)
            if label is None or str(label).strip() == "":
                continue
            col = columns.get(normal(str(label)))
            at_label = self.where(ws, row, 1)
            if col is None:
                options = [c.label for c in self.layout.form if id(c) not in seen]
                match = difflib.get_close_matches(str(label), options, n=1, cutoff=0.75)
                if match:
                    self.problem(at_label, "xlsx.unknown_column.suggest", header=str(label), suggestion=match[0])
                    col = columns[normal(match[0])]
                else:
                    if cell.value is not None:
                        self.problem(at_label, "xlsx.unknown_column", "warning", header=str(label))
                    continue
            seen.add(id(col))
            at = self.where(ws, row, 2)
            for depth in range(len(col.path) + 1):  # a rule about "tujuan" as a whole lands on its first row
                self.mark(col.path[:depth], at)
            value, bad = self.convert(cell, col, at)
            if bad:
                self.reported(col.path, at)
            if value is not None:
                _set(self.data, col.path, value)
                self.any_value = True

    def headers(self, ws: _Grid, table: Table) -> dict[int, Column]:
        by_label = {normal(c.label): c for c in table.columns}
        found: dict[int, Column] = {}
        first: dict[int, int] = {}
        later: list[tuple[int, str]] = []
        for col in range(1, ws.max_column + 1):
            value = ws.cell(row=1, column=col).value
            if value is None or str(value).strip() == "":
                continue
            c = by_label.get(normal(str(value)))
            if c is not None and c.role == "computed":
                continue  # formulas siap shows; its own computation is what counts
            if c is None:
                later.append((col, str(value)))
            elif id(c) in first:
                self.problem(self.where(ws, 1, col), "xlsx.duplicate_column", header=str(value),
                             first=_column_letter(first[id(c)]))
            else:
                first[id(c)] = col
                found[col] = c
        for col, text in later:
            missing = [c.label for c in table.columns if id(c) not in first and c.role != "computed"]
            match = difflib.get_close_matches(text, missing, n=1, cutoff=0.75)
            at = self.where(ws, 1, col)
            if match:
                self.problem(at, "xlsx.unknown_column.suggest", header=text, suggestion=match[0])
                c = by_label[normal(match[0])]
                first[id(c)] = col
                found[col] = c
            elif any(ws.cell(row=r, column=col).value is not None for r in range(2, ws.max_row + 1)):
                self.problem(at, "xlsx.unknown_column", "warning", header=text)
        return found

    def read_table(
        self, table: Table, ws: _Grid, items: dict[int, dict[Any, tuple[dict[str, Any], Loc]]]
    ) -> dict[Any, tuple[dict[str, Any], Loc]]:
        """Rows of ``table`` placed into the data; returns its rows by key for child tables."""
        columns = self.headers(ws, table)
        rows: list[tuple[int, _Row]] = []
        for r in range(2, ws.max_row + 1):
            row = _Row()
            for index, col in columns.items():
                at = self.where(ws, r, index)
                row.cells[col.path] = at
                read, bad = self.convert(ws.cell(row=r, column=index), col, at)
                if bad:
                    row.reported.add(col.path)
                if read is not None:
                    row.values[col.path] = read
            if row.values:
                rows.append((r, row))
        absent = [c for c in table.columns if c.required and c not in columns.values()] if rows else []
        for col in absent:
            self.problem(self.where(ws, 1, ws.max_column + 1), "xlsx.missing_column", header=col.label)
        keyed: dict[Any, tuple[dict[str, Any], Loc]] = {}
        counters: dict[Any, int] = {}
        first_key: dict[tuple[Any, ...], str] = {}
        first_form: dict[tuple[int, Any], tuple[bool, str]] = {}
        mixed: set[tuple[int, Any]] = set()
        for r, row in rows:
            self.any_value = True
            container, base = self.container(table, row, items)
            if container is None:
                continue
            for depth in range(len(table.rel_path) + 1):
                self.mark((*base, *table.rel_path[:depth]), self.where(ws, r, 1))
            if table.kind == "list":
                target = _ensure(container, table.rel_path, list)
                index = counters.get(id(target), len(target))
                counters[id(target)] = index + 1
                item: dict[str, Any] = {}
                loc: Loc = (*base, *table.rel_path, index)
                self.mark(loc, self.where(ws, r, 1))
                for col in absent:  # said once for the sheet, not again for every row
                    self.loaded.reported.add((*loc, *col.path))
                for col in table.value_columns():
                    if col.path in row.cells:
                        self.mark((*loc, *col.path), row.cells[col.path])
                    if col.path in row.reported:
                        self.reported((*loc, *col.path), row.cells[col.path])
                    if col.path in row.values:
                        _set(item, col.path, row.values[col.path])
                for path in table.objects:
                    _ensure(item, path, dict)
                _ensure_tables(item, table.children)
                target.append(item)
                key = item.get(table.id_field) if table.id_field else row.values.get(("__no",))
                if key is not None:
                    keyed.setdefault(_key(key), (item, loc))
                continue
            target_map = _ensure(container, table.rel_path, dict)
            key1 = row.values.get(("__key",))
            key2 = row.values.get(("__key2",))
            dict_loc: Loc = (*base, *table.rel_path)
            full = (key1,) if key2 is None else (key1, key2)
            at_key = row.cells.get(("__key2",) if key2 is not None else ("__key",), self.where(ws, r, 1))
            previous = first_key.get((id(target_map), *full))
            if previous is not None:
                self.problem(at_key, "xlsx.duplicate_key", key=" / ".join(str(k) for k in full if k is not None),
                             first=previous)
                continue
            first_key[(id(target_map), *full)] = at_key[0]
            if key1 is not None and self.mixed_key(table, row, target_map, key1, key2, at_key, first_form, mixed):
                continue
            if key1 is None:
                self.mark((*dict_loc, ""), row.cells.get(("__key",), self.where(ws, r, 1)))
                self.loaded.reported.add(dict_loc)
                continue
            has_key2 = any(c.role == "key2" for c in table.columns)
            if has_key2 and key2 is None and not any(c.path in row.values for c in table.value_columns()):
                target_map.setdefault(key1, {})  # the first key alone: an empty inner mapping
                self.mark((*dict_loc, key1), row.cells.get(("__key",), at_key))
                continue
            entry_loc: Loc = (*dict_loc, key1) if key2 is None else (*dict_loc, key1, key2)
            self.mark((*dict_loc, key1), row.cells.get(("__key",), at_key))
            if key2 is not None:
                self.mark(entry_loc, at_key)
            if table.value_scalar:
                value_col = table.value_columns()[0]
                if value_col.path in row.cells:  # the value's own cell, not the key's
                    self.loaded.cells[entry_loc] = row.cells[value_col.path][0]
                    self.loaded.positions[entry_loc] = row.cells[value_col.path][1]
                if value_col.path in row.reported:
                    self.reported(entry_loc, row.cells[value_col.path])
                value: Any = row.values.get(value_col.path)
                if value is None and value_col.required and value_col.path not in row.reported:
                    # A key whose required value is blank: said at the blank cell, as a list row's is,
                    # instead of pydantic's "must be a list" about a None nobody typed.
                    self.problem(row.cells[value_col.path], "pydantic.missing", path=format_loc(entry_loc))
                    self.loaded.reported.add(entry_loc)
                    continue
            else:
                value = {}
                for col in table.value_columns():
                    if col.path in row.cells:
                        self.mark((*entry_loc, *col.path), row.cells[col.path])
                    if col.path in row.reported:
                        self.reported((*entry_loc, *col.path), row.cells[col.path])
                    if col.path in row.values:
                        _set(value, col.path, row.values[col.path])
                for path in table.objects:
                    _ensure(value, path, dict)
            if key2 is None:
                target_map[key1] = value
            else:
                inner = target_map.setdefault(key1, {})
                if isinstance(inner, dict):
                    inner[key2] = value
        return keyed

    def mixed_key(
        self,
        table: Table,
        row: _Row,
        target_map: dict[Any, Any],
        key1: Any,
        key2: Any,
        at_key: tuple[str, tuple[int, int]],
        first_form: dict[tuple[int, Any], tuple[bool, str]],
        reported: set[tuple[int, Any]],
    ) -> bool:
        """Refuse a key given one value on one row and values per second key on another.

        ``isu: 5`` and ``isu: {kriteria: 7}`` cannot both hold: keeping either would drop the other
        row's number without a word, so the later row is reported and left out. A first key alone with
        no value (an empty inner mapping) goes with either.
        """
        form = (id(target_map), _key(key1))
        per_key2 = key2 is not None
        if not per_key2 and not any(c.path in row.values for c in table.value_columns()):
            return False
        seen = first_form.get(form)
        if seen is None:
            first_form[form] = (per_key2, at_key[0])
            return False
        if seen[0] == per_key2:
            return False
        if form not in reported:  # once per key: its other rows are left out with it
            reported.add(form)
            kolom = next((c.header for c in table.columns if c.role == "key2"), "")
            code = "xlsx.mixed_key" if per_key2 else "xlsx.mixed_key.plain_after"
            self.problem(at_key, code, key=str(key1), kolom=kolom, first=seen[1])
        return True

    def container(
        self, table: Table, row: _Row, items: dict[int, dict[Any, tuple[dict[str, Any], Loc]]]
    ) -> tuple[dict[str, Any] | None, Loc]:
        """Where this row's item goes: the root data, or the parent row's item."""
        if table.parent is None:
            return self.data, ()
        parent_col = table.parent_column
        assert parent_col is not None
        value = row.values.get(parent_col.path)
        at = row.cells.get(parent_col.path)
        parents = items.get(id(table.parent), {})
        if value is not None and _key(value) in parents:
            item, loc = parents[_key(value)]
            return item, loc
        if at is not None and parent_col.path not in row.reported:
            options = [str(k) for k in parents]
            match = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6) if value is not None else []
            if value is None:
                self.problem(at, "pydantic.missing")
            elif match:
                self.problem(at, "xlsx.parent_unknown.suggest", value=value, sheet=table.parent.title,
                             suggestion=match[0])
            else:
                self.problem(at, "xlsx.parent_unknown", value=value, sheet=table.parent.title)
        return None, ()

    # -- cells -----------------------------------------------------------------------------------

    def convert(self, cell: Any, col: Column, at: tuple[str, tuple[int, int]]) -> tuple[Any, bool]:
        """The cell's value as the model expects it; ``(value, True)`` when a problem was reported."""
        value = cell.value
        if value is None:
            return None, False
        if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=") and cell.data_type == "f"):
            self.problem(at, "xlsx.formula", formula=str(value)[:40])
            return str(value), True
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                self.problem(at, "yaml.string_too_long", length=len(value), limit=MAX_STRING)
                return value[:MAX_STRING], True
            value = _strip_illegal(value)
            if value.strip() == "":
                return None, False
        sc = col.scalar
        if sc.many:
            if isinstance(value, str):
                parts = value.split("\n") if sc.separator == "\n" else re.split(r"[,;\n]", value)
                return [p.strip() for p in parts if p.strip()], False
            return [_as_text(value)], False
        return self.scalar(value, col, at)

    def scalar(self, value: Any, col: Column, at: tuple[str, tuple[int, int]]) -> tuple[Any, bool]:
        kind = col.scalar.kind
        if isinstance(value, str) and kind in ("date", "int", "number", "decimal", "float"):
            # A number or date typed as text: the workspace's one rule reads it (assembler.conform and
            # assembler.scalars, as for YAML), exactly or refused at this cell with how to write it.
            return value.strip(), False
        if kind == "date":
            if isinstance(value, dt.datetime):
                if value.time() != dt.time(0, 0):
                    self.problem(at, "xlsx.not_a_date", input=value.isoformat(sep=" "))
                    return str(value), True
                return value.date(), False
            return value, False
        if kind in ("int", "number", "decimal", "float"):
            if isinstance(value, float):
                if kind == "decimal":
                    return Decimal(repr(value)), False
                if kind in ("int", "number") and value.is_integer():
                    return int(value), False
            return value, False
        if kind == "bool":
            if isinstance(value, bool):
                return value, False
            text = str(value).strip().lower()
            if text in ("ya", "true", "benar", "y"):
                return True, False
            if text in ("tidak", "false", "salah", "t"):
                return False, False
            self.problem(at, "xlsx.not_yes_no", input=repr(str(value)))
            return value, True
        return _as_text(value), False


def _has_content(ws: _Grid) -> bool:
    return any(c.value is not None for row in ws.iter_rows() for c in row)


def _as_text(value: Any) -> Any:
    """A number or time typed into a text column, as the text the user sees."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.time):
        return f"{value.hour:02d}.{value.minute:02d}"
    return value


_ILLEGAL = {c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}


def _strip_illegal(text: str) -> str:
    return "".join(ch for ch in text if ord(ch) not in _ILLEGAL).replace("\r\n", "\n")


def _key(value: Any) -> Any:
    """Parent keys compare as text ("3" typed as text finds row No 3)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _set(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _ensure_tables(item: dict[str, Any], tables: list[Table]) -> None:
    """A required list or dict with no rows is there and empty (the model then says how many it needs)."""
    for table in tables:
        if table.required:
            _ensure(item, table.rel_path, list if table.kind == "list" else dict)


def _ensure(target: dict[str, Any], path: tuple[str, ...], kind: type) -> Any:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    return target.setdefault(path[-1], kind())
