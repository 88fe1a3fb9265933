"""Property: any valid topic (generated from its model, not only the example) survives xlsx and back."""

from __future__ import annotations

import datetime as dt
import typing
from decimal import Decimal
from typing import Any, Literal

import annotated_types
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError, WithJsonSchema
from pydantic.fields import FieldInfo

from assembler.conform import conform
from assembler.excel.reader import read_workbook
from assembler.excel.writer import write_workbook
from assembler.models.base import id_kind, ref_kinds
from assembler.models.registry import MODELS
from assembler.models.tahap5.umum import BULAN_PATTERN
from assembler.topics import BY_ID

#: Text a person may type or paste into a cell (control characters are removed on loading anyway).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=24)
CODE = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


class _CodePattern:
    pattern = "code"


def _bounds(metadata: list[Any]) -> tuple[int | None, int | None, int | None, str | None]:
    low = high = min_len = None
    pattern = None
    for m in metadata:
        if isinstance(m, FieldInfo):
            a, b, c, d = _bounds(list(m.metadata))
            low, high, min_len, pattern = a or low, b or high, c or min_len, d or pattern
        if isinstance(m, annotated_types.Ge):
            low = int(m.ge)  # type: ignore[call-overload]
        if isinstance(m, annotated_types.Le):
            high = int(m.le)  # type: ignore[call-overload]
        if isinstance(m, annotated_types.MinLen):
            min_len = m.min_length
        if getattr(m, "pattern", None):
            pattern = m.pattern
    return low, high, min_len, pattern


def value_of(tp: Any, metadata: list[Any]) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(tp)
        return value_of(base, [*metadata, *extra])
    if origin in (typing.Union, __import__("types").UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return st.one_of([value_of(a, metadata) for a in options])
    low, high, min_len, pattern = _bounds(metadata)
    if origin is Literal:
        return st.sampled_from(typing.get_args(tp))
    if origin is list:
        (item,) = typing.get_args(tp)
        unique = _id_field(item)
        strategy = value_of(item, [_CodePattern()] if pattern else [])
        if unique:
            # 2.2's 'id' is optional (a catalogue entry has none): items without one are all distinct
            return st.lists(strategy, min_size=min_len or 0, max_size=3, unique_by=lambda d: d.get(unique, id(d)))
        return st.lists(strategy, min_size=min_len or 0, max_size=3)
    if origin is dict:
        key, value = typing.get_args(tp)
        # A dict that refers (2.1's 'skor: {kriteria: nilai}') is keyed by codes, as a list that refers holds
        # codes: any other key ("' '") is refused by the reference check before a workbook is ever written.
        # So is a dict inside it (2.1's tie-break 'skor: {isu: {kriteria: nilai}}'): its keys are criteria codes,
        # and a blank one is refused by the topic's own check (it would read back as a plain score).
        marks: list[Any] = [_CodePattern()] if pattern else []
        if typing.get_origin(value) is list:
            # A key with an empty list ('kekuatan: []') is a row with a blank required cell in a workbook:
            # the reader says "wajib diisi" there, and the topic's own check says the same of the YAML.
            marks.append(annotated_types.MinLen(1))
        return st.dictionaries(value_of(key, marks), value_of(value, marks), min_size=min_len or 0, max_size=3)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return model_data(tp)
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(low if low is not None else 0, high if high is not None else 10**12)
    if tp is float:
        # The workspace reads at most 15 significant digits (assembler.scalars), as Excel holds them.
        return st.floats(0, 1e6, allow_nan=False, allow_infinity=False).map(lambda x: float(f"{x:.12g}"))
    if tp is Decimal:
        return st.decimals(0, 10**6, places=2, allow_nan=False, allow_infinity=False)
    if tp is dt.date:
        return st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
    schema = next((m.json_schema for m in metadata if isinstance(m, WithJsonSchema)), None) or {}
    if schema.get("pattern") == BULAN_PATTERN:  # a month 'YYYY-MM' (5.1, 6.1, 6.2, 7.1) within the years siap reads
        return st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)).map(lambda d: d.strftime("%Y-%m"))
    if schema.get("pattern"):  # a code with its own form (6.1's Permendagri 90/2019 budget code)
        return st.from_regex(schema["pattern"], fullmatch=True)
    return CODE if pattern else TEXT


def _id_field(item: Any) -> str | None:
    if isinstance(item, type) and issubclass(item, BaseModel):
        return next((n for n, f in item.model_fields.items() if id_kind(f.json_schema_extra)), None)
    return None


def model_data(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    required, optional = {}, {}
    for name, info in model.model_fields.items():
        strategy = value_of(info.annotation, list(info.metadata))
        if ref_kinds(info.json_schema_extra):  # references are codes (a comma inside one cannot be a code)
            strategy = value_of(info.annotation, [*info.metadata, _CodePattern()])
        (required if info.is_required() else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def _unique_codes(data: Any, seen: set[str] | None = None) -> Any:
    """Every 'id' of the example made distinct, as the workspace requires (the lists draw them per list)."""
    seen = set() if seen is None else seen
    if isinstance(data, list):
        return [_unique_codes(item, seen) for item in data]
    if not isinstance(data, dict):
        return data
    out = {key: _unique_codes(value, seen) for key, value in data.items()}
    code = out.get("id")
    if isinstance(code, str):
        n = 1
        while out["id"] in seen:
            out["id"], n = f"{code}-{n}", n + 1
        seen.add(out["id"])
    return out


def _round_trip(topic_id: str, data: dict[str, Any]) -> None:
    topik = BY_ID[topic_id]
    try:
        model = MODELS[topik.id].model_validate(data)
    except ValidationError:
        assume(False)
        return
    name = topik.file.replace(".yaml", ".xlsx")
    raw = write_workbook(topik, model.model_dump(exclude_unset=True), {})
    loaded = read_workbook(raw, name)
    assert [p.render() for p in loaded.problems] == []
    conformed = conform(loaded.data, MODELS[topik.id])  # as the pipeline reads it: text cells by the shared rule
    assert conformed.refusals == []
    assert MODELS[topik.id].model_validate(conformed.data) == model


@pytest.mark.parametrize(
    "topic_id", ["1.1", "2.1", "2.2", "2.3", "3.1", "4.1", "4.2", "4.4", "4.7", "5.1", "5.3", "6.1", "6.2", "7.1"]
)
def test_generated_valid_topics_survive_the_workbook(topic_id: str) -> None:
    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow,
                                                                     HealthCheck.data_too_large])
    @given(data=model_data(MODELS[topic_id]).map(_unique_codes))
    def check(data: dict[str, Any]) -> None:
        _round_trip(topic_id, data)

    check()
