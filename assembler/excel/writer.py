"""Write one topic as an Excel workbook a secretary can fill without a manual.

The layout comes from :mod:`assembler.excel.layout`; openpyxl writes the file (comments, data
validation, number formats). The bytes are deterministic: fixed document dates and zip entry times.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from assembler.excel.layout import (
    FORM_TITLE,
    GUIDE_TITLE,
    LISTS_TITLE,
    Column,
    Layout,
    Table,
    layout_for,
)
from assembler.messages import register
from assembler.models.registry import MODELS
from assembler.resources import CONTENT_DIR
from assembler.topics import Topik

register(
    {
        "xlsx.cannot_represent": (
            "butir '{item}' memuat '{separator}' sehingga tidak dapat ditulis dalam satu sel bersama butir "
            "lain; ubah rumusannya lalu ulangi",
            "item '{item}' holds '{separator}' so it cannot share one cell with other items; reword it and "
            "try again",
        ),
    }
)

#: Rows that get dropdowns and formats (a worksheet of the guide never approaches this).
INPUT_ROWS = 500
FIXED_TIME = dt.datetime(2026, 1, 1)
DATE_FORMAT = "DD-MM-YYYY"
MONEY_FORMAT = '"Rp" #,##0'
#: Percent points as typed (25 shows "25%"); Excel's own 0% format would multiply by 100.
PERCENT_POINTS_FORMAT = '0"%"'
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_COMPUTED_FILL = PatternFill("solid", fgColor="EDEDED")
_HEADER_FONT = Font(bold=True)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


class CannotRepresentError(Exception):
    """A value the cell layout cannot hold without loss (a list item containing the separator)."""

    def __init__(self, item: str, separator: str, loc: tuple[str | int, ...]):
        super().__init__(item)
        self.item, self.separator, self.loc = item, separator, loc


@dataclass(frozen=True)
class _Guide:
    cara_mengisi: list[str]
    texts: dict[str, Any]


@cache
def _guide() -> _Guide:
    raw = yaml.safe_load((CONTENT_DIR / "excel.yaml").read_text(encoding="utf-8"))
    return _Guide(list(raw["cara_mengisi"]), raw)


def write_workbook(topik: Topik, data: Mapping[str, Any] | None, known_ids: Mapping[str, list[str]]) -> bytes:
    """The .xlsx bytes of ``topik`` holding ``data`` (None: an empty form).

    ``known_ids`` maps an id kind to the codes other topics of the workspace define, for dropdowns.
    """
    layout = layout_for(MODELS[topik.id])
    wb = Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    lists = _Lists(wb)
    _guide_sheet(wb.create_sheet(GUIDE_TITLE), topik, layout)
    if layout.form:
        _form_sheet(wb.create_sheet(FORM_TITLE), layout, data or {}, lists, known_ids)
    contexts: dict[int, list[tuple[Any, Mapping[str, Any]]]] = {}
    for table in layout.all_tables():
        ws = wb.create_sheet(table.title)
        if table.parent is None:
            parents: list[tuple[Any, Mapping[str, Any]]] = [(None, data or {})]
        else:
            parents = contexts.get(id(table.parent), [])
        contexts[id(table)] = _table_sheet(ws, table, layout, parents, lists, known_ids)
    lists.finish()
    for ws in wb.worksheets:
        _print_and_fit(ws)
    wb.properties.creator = "siap"
    wb.properties.lastModifiedBy = "siap"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.title = f"Topik {topik.id} {topik.judul}"
    buffer = io.BytesIO()
    # ExcelWriter directly: Workbook.save() would stamp the document with the time of saving.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return _fixed_zip_times(buffer.getvalue())


def _print_and_fit(ws: Worksheet) -> None:
    """Rows tall enough for their wrapped text (Excel does not fit them on opening); print to page width."""
    widths = {letter: dim.width for letter, dim in ws.column_dimensions.items() if dim.width}
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            chars = max(8, int(widths.get(cell.column_letter, 10) * 1.1) - 2)
            count = sum(max(1, -(-len(part) // chars)) for part in cell.value.split("\n"))
            lines = max(lines, count)
        if lines > 1 and row[0].row is not None:
            ws.row_dimensions[row[0].row].height = min(400, 15 * lines)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if ws.title != GUIDE_TITLE:
        ws.print_options.gridLines = True
        ws.print_title_rows = "1:1"


def _fixed_zip_times(data: bytes) -> bytes:
    """Re-pack the zip with fixed entry times so the same topic gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


# --- the guide sheet ---------------------------------------------------------------------------


def _guide_sheet(ws: Worksheet, topik: Topik, layout: Layout) -> None:
    from assembler.content import topik as topik_content

    guide = _guide()
    facts = topik_content().topik[topik.id]
    ws.column_dimensions["A"].width = 110
    rows: list[tuple[str, Font | None]] = [
        (f"Topik {topik.id} {topik.judul}", Font(bold=True, size=14)),
        (f"Tahap {topik.tahap} penyusunan Skema Tindakan Peningkatan Pelayanan (STPP) PDAM", Font(italic=True)),
        ("", None),
        (str(guide.texts["judul_tujuan"]), Font(bold=True)),
        *((f"• {t}", None) for t in facts.tujuan),
        ("", None),
        (str(guide.texts["judul_keluaran"]), Font(bold=True)),
        *((f"• {t}", None) for t in facts.keluaran),
        ("", None),
        (str(guide.texts["judul_cara"]), Font(bold=True)),
        *((f"{i}. {t}", None) for i, t in enumerate(guide.cara_mengisi, 1)),
        ("", None),
        (str(guide.texts["judul_lembar"]), Font(bold=True)),
    ]
    if layout.form:
        rows.append((f"{FORM_TITLE}: {guide.texts['judul_isian']}", None))
    for table in layout.all_tables():
        rows.append((f"{table.title}: {table.description}", None))
    for r, (text, font) in enumerate(rows, 1):
        cell = ws.cell(row=r, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font is not None:
            cell.font = font


# --- the form sheet ----------------------------------------------------------------------------


def _form_sheet(
    ws: Worksheet, layout: Layout, data: Mapping[str, Any], lists: _Lists, known: Mapping[str, list[str]]
) -> None:
    heads = list(_guide().texts["isian_kepala"])
    for c, text in enumerate(heads, 1):
        cell = ws.cell(row=1, column=c, value=text)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 70
    for r, col in enumerate(layout.form, 2):
        label = ws.cell(row=r, column=1, value=col.label)
        label.font = _HEADER_FONT
        label.alignment = _WRAP_TOP
        if col.required:
            label.fill = _REQUIRED_FILL
        value = _get(data, col.path)
        cell = ws.cell(row=r, column=2)
        _put(cell, col, value, col.path)
        note = ws.cell(row=r, column=3, value=_explain(col))
        note.alignment = _WRAP_TOP
        note.font = Font(color="595959", size=9)
        validation = _validation(col, lists, layout, known, None)
        if validation is not None:
            ws.add_data_validation(validation)
            validation.add(f"B{r}")


# --- table sheets ------------------------------------------------------------------------------


def _table_sheet(
    ws: Worksheet,
    table: Table,
    layout: Layout,
    parents: list[tuple[Any, Mapping[str, Any]]],
    lists: _Lists,
    known: Mapping[str, list[str]],
) -> list[tuple[Any, Mapping[str, Any]]]:
    for c, col in enumerate(table.columns, 1):
        cell = ws.cell(row=1, column=c, value=col.label)
        cell.font = _HEADER_FONT
        cell.fill = _REQUIRED_FILL if col.required else _COMPUTED_FILL if col.role == "computed" else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.comment = _comment(_explain(col))
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = _width(col)
        validation = _validation(col, lists, layout, known, table)
        if validation is not None:
            ws.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{INPUT_ROWS + 1}")
    ws.freeze_panes = "A2"
    children: list[tuple[Any, Mapping[str, Any]]] = []
    r = 2
    for values, child in _rows(table, parents):
        for c, col in enumerate(table.columns, 1):
            if col.role == "computed":
                _computed(ws.cell(row=r, column=c), col, table, layout, r)
                continue
            _put(ws.cell(row=r, column=c), col, values.get(col.path), (table.title, r, col.header))
        if child is not None:
            children.append(child)
        r += 1
    return children


def _rows(
    table: Table, parents: list[tuple[Any, Mapping[str, Any]]]
) -> Iterator[tuple[dict[tuple[str, ...], Any], tuple[Any, Mapping[str, Any]] | None]]:
    """Each row's values by column path, and what the row offers its child tables (key, item)."""
    number = 0
    for parent_key, container in parents:
        found = _get(container, table.rel_path)
        if table.kind == "list":
            for item in found or []:
                number += 1
                values = {c.path: _get(item, c.path) for c in table.value_columns()}
                values[("__parent",)] = parent_key
                values[("__no",)] = number
                key = item.get(table.id_field) if table.id_field else number
                yield values, (key, item)
            continue
        has_key2 = any(c.role == "key2" for c in table.columns)
        for key, value in (found or {}).items():
            if has_key2 and isinstance(value, Mapping):
                for key2, inner in value.items():
                    yield _dict_row(table, parent_key, key, key2, inner), None
                if not value:  # an empty inner mapping: the key alone, without a second key or a value
                    yield {("__parent",): parent_key, ("__key",): key}, None
            else:
                yield _dict_row(table, parent_key, key, None, value), None


def _dict_row(table: Table, parent: Any, key: Any, key2: Any, value: Any) -> dict[tuple[str, ...], Any]:
    values: dict[tuple[str, ...], Any] = {("__parent",): parent, ("__key",): key, ("__key2",): key2}
    for c in table.value_columns():
        values[c.path] = value if table.value_scalar else _get(value, c.path)
    return values


def _computed(cell: Any, col: Column, table: Table, layout: Layout, row: int) -> None:
    """A formula beside the typed values (the workbook shows it; siap computes its own and never reads it)."""
    kind = col.path[1]
    key = f"${_letter(table, (table.id_field or '',))}{row}"
    if kind.startswith("sum:"):
        child = next(t for t in table.children if t.rel_path == (kind[4:],))
        parent, value = _span(child, ("__parent",)), _span(child, ())
        cell.value = f"=SUMIF({parent},{key},{value})"
    elif kind == "mcua":
        child = next(t for t in table.children if t.rel_path == ("skor",))
        kriteria = next(t for t in layout.tables if t.path == ("kriteria",))
        codes, weights = _span(kriteria, ("id",)), _span(kriteria, ("bobot",))
        cell.value = (
            f"=SUMPRODUCT(SUMIFS({_span(child, ())},{_span(child, ('__parent',))},{key},"
            f"{_span(child, ('__key',))},{codes})*{weights})"
        )
    cell.font = Font(italic=True, color="595959")
    cell.fill = _COMPUTED_FILL
    cell.alignment = _TOP
    if col.scalar.money:
        cell.number_format = MONEY_FORMAT


def _letter(table: Table, path: tuple[str, ...]) -> str:
    return get_column_letter(next(i for i, c in enumerate(table.columns, 1) if c.path == path))


def _span(table: Table, path: tuple[str, ...]) -> str:
    letter = _letter(table, path)
    return f"{quote_sheetname(table.title)}!${letter}$2:${letter}${INPUT_ROWS + 1}"


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data


def _put(cell: Any, col: Column, value: Any, where: Any) -> None:
    """Write one value with its real Excel type and format."""
    sc = col.scalar
    if sc.kind == "date":
        cell.number_format = DATE_FORMAT
    elif sc.money:
        cell.number_format = MONEY_FORMAT
    elif sc.percent:
        cell.number_format = PERCENT_POINTS_FORMAT
    cell.alignment = _WRAP_TOP if (sc.kind == "text" or sc.many) else _TOP
    if value is None:
        return
    if sc.many and isinstance(value, (list, tuple, set)):
        items = [_text(v) for v in value]
        mark = sc.separator.strip() or "\n"
        for item in items:
            if mark in item or "\n" in item:
                raise CannotRepresentError(item, mark if mark != "\n" else "↵", where)
        cell.value = sc.separator.join(items)
        cell.data_type = "s"
        return
    if isinstance(value, bool):
        cell.value = "ya" if value else "tidak"
    elif isinstance(value, (int, float, Decimal)):
        number = _excel_number(value)
        cell.value = number
        if isinstance(number, str):
            cell.data_type = "s"
    elif isinstance(value, dt.date):
        cell.value = value
    else:
        cell.value = str(value)
        cell.data_type = "s"  # a text starting with '=' stays text, never a formula


def _excel_number(value: int | float | Decimal) -> int | float | str:
    """A number Excel holds exactly (15 significant digits), else its exact digits as text.

    The text is written so the reader's rule takes it back exactly: plain digits, or a decimal point
    with more than three decimals (never the ambiguous "12.345").
    """
    if isinstance(value, int):
        return value if abs(value) < 10**15 else str(value)
    exact = Decimal(repr(value)) if isinstance(value, float) else value
    as_float = float(exact)
    if Decimal(repr(as_float)) == exact and float(f"{as_float:.15g}") == as_float:
        return as_float
    text = format(exact, "f")
    return text if "." not in text or len(text.rpartition(".")[2]) != 3 else text + "0"


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _width(col: Column) -> float:
    sc = col.scalar
    if sc.many and sc.kind == "text" and not sc.refs:
        return 48
    if sc.kind == "text" and not sc.refs and col.role == "field":
        return 40
    if sc.kind in ("date", "int", "number", "decimal", "float", "bool"):
        return 16 if sc.money else 13
    return max(14, min(28, len(col.label) + 4))


def _explain(col: Column) -> str:
    text = col.description
    sc = col.scalar
    if sc.choices:
        text += f" Pilihan: {', '.join(sc.choices)}."
    if sc.many:
        text += " Beberapa nilai dipisahkan koma." if sc.separator != "\n" else " Satu butir per baris (Alt+Enter)."
    if sc.kind == "date":
        text += " Ketik sebagai tanggal, misalnya 24-02-2026."
    if sc.money:
        text += " Angka Rupiah tanpa titik; format sel menampilkan Rp dan pemisah ribuan."
    if col.required:
        text += " Wajib diisi."
    return text.strip()


def _comment(text: str) -> Comment:
    comment = Comment(text, "siap")
    comment.width = 320
    comment.height = max(80, 18 * (len(text) // 45 + 2))
    return comment


# --- dropdowns ---------------------------------------------------------------------------------


class _Lists:
    """The hidden "Daftar" sheet: one column per vocabulary or list of codes from other topics."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.columns: dict[tuple[str, ...], str] = {}
        self.ws: Worksheet | None = None

    def range_for(self, values: tuple[str, ...]) -> str:
        ref = self.columns.get(values)
        if ref is None:
            if self.ws is None:
                self.ws = self.wb.create_sheet(LISTS_TITLE)
            c = len(self.columns) + 1
            letter = get_column_letter(c)
            for r, v in enumerate(values, 1):
                self.ws.cell(row=r, column=c, value=v).data_type = "s"
            ref = f"{quote_sheetname(LISTS_TITLE)}!${letter}$1:${letter}${len(values)}"
            self.columns[values] = ref
        return ref

    def finish(self) -> None:
        if self.ws is not None:
            self.wb.move_sheet(self.ws, offset=len(self.wb.sheetnames))
            self.ws.sheet_state = "hidden"


def _validation(
    col: Column, lists: _Lists, layout: Layout, known: Mapping[str, list[str]], table: Table | None
) -> DataValidation | None:
    sc = col.scalar
    if sc.many:
        return None
    if sc.kind == "choice" and sc.choices:
        return _list_validation(lists.range_for(sc.choices), strict=True)
    if sc.kind == "bool":
        return _list_validation('"ya,tidak"', strict=True)
    if col.role == "parent" and table is not None and table.parent is not None:
        parent = table.parent
        index = next(i for i, c in enumerate(parent.columns, 1) if c.role == "no" or c.path == (parent.id_field,))
        letter = get_column_letter(index)
        return _list_validation(_column_range(parent.title, letter), strict=False)
    if sc.refs:
        for t in layout.all_tables():
            if t.id_kind in sc.refs and t.id_field is not None:
                index = next(i for i, c in enumerate(t.columns, 1) if c.path == (t.id_field,))
                letter = get_column_letter(index)
                return _list_validation(_column_range(t.title, letter), strict=False)
        codes = tuple(dict.fromkeys(code for kind in sc.refs for code in known.get(kind, [])))
        if codes:
            return _list_validation(lists.range_for(codes), strict=False)
    return None


def _column_range(sheet: str, letter: str) -> str:
    return f"{quote_sheetname(sheet)}!${letter}$2:${letter}${INPUT_ROWS + 1}"


def _list_validation(formula: str, *, strict: bool) -> DataValidation:
    """A dropdown; codes only warn (a new code may be defined later), closed vocabularies refuse."""
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.showErrorMessage = True
    validation.errorStyle = "stop" if strict else "warning"
    validation.errorTitle = "Nilai tidak ada dalam daftar"
    validation.error = (
        "Pilih salah satu nilai dari daftar." if strict else "Kode ini belum ada di daftar; periksa ejaannya."
    )
    return validation
