"""Property: for every numeric field of every model, a number typed in any common way is read exactly or refused.

The models are walked, not listed, so a numeric field added later is covered. For each field a
number is drawn and written the ways people and spreadsheets write numbers (plain, quoted, grouped
with dots, commas or underscores, with a leading zero, ``.0``, an exponent, a decimal comma, as
YAML 1.1 base 60, as a yes/no word). The text goes through the real loader and conversion; the
only outcomes allowed are "refused" and "exactly the number meant" (issue 9: never a third).
"""

from __future__ import annotations

import datetime as dt
import typing
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError, create_model

from assembler.conform import conform, scalar_converter
from assembler.loading import load_yaml_text
from assembler.models.base import type_parts
from assembler.models.registry import MODELS
from assembler.models.stpp import Stpp
from assembler.topics import TOPIK


def _numeric_slots(model: type[BaseModel], path: str, seen: set[type[BaseModel]], out: dict[str, Any]) -> None:
    """Every annotation under ``model`` that a text is converted to a number for: fields, items, dict keys."""
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        _walk(info.annotation, f"{path}.{name}", seen, out, info.metadata)


def _walk(tp: Any, path: str, seen: set[type[BaseModel]], out: dict[str, Any], metadata: list[Any]) -> None:
    convert = scalar_converter(tp)
    if convert is not None and convert.__name__ in ("to_int", "to_decimal", "to_float", "to_number"):
        out[path] = typing.Annotated[tp, *metadata] if metadata else tp
    for part in type_parts(tp):
        if isinstance(part, type) and issubclass(part, BaseModel):
            _numeric_slots(part, path, seen, out)
        origin = typing.get_origin(part)
        if origin in (list, tuple, set, frozenset):
            _walk(typing.get_args(part)[0], f"{path}[]", seen, out, [])
        elif origin is dict:
            key, value = typing.get_args(part)
            _walk(key, f"{path}{{key}}", seen, out, [])
            _walk(value, f"{path}{{}}", seen, out, [])


SLOTS: dict[str, Any] = {}
for _model, _name in [(Stpp, "stpp"), *[(MODELS[t.id], t.id) for t in TOPIK]]:
    _numeric_slots(_model, _name, set(), SLOTS)


def test_the_walk_finds_the_numeric_fields() -> None:
    assert {"stpp.pdam.jumlah_pelanggan", "7.2.rencana_diseminasi[].biaya", "2.3.indikator[].realisasi"} <= set(SLOTS)
    assert any(path.endswith("biaya_per_tahun{key}") for path in SLOTS)
    assert len(SLOTS) >= 30


def _grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def forms(meant: Decimal) -> st.SearchStrategy[tuple[str, Decimal | None]]:
    """(text as typed, number meant by it); None when no number is meant (``yes``, ``1:30:00``)."""
    whole = meant == meant.to_integral_value()
    n = int(meant)
    plain = format(meant, "f")
    options: list[tuple[str, Decimal | None]] = [
        (plain, meant),
        (f"'{plain}'", meant),
        (f'"{plain}"', meant),
        (f"{plain}.0" if whole else plain + "0", meant),
        ("0" + plain.lstrip("-") if n >= 0 else plain, meant),
        (plain.replace(".", ","), meant),
        (f"{plain}e0", meant),
        ("yes", None),
        ("off", None),
        ("~x", None),
    ]
    if whole:
        options += [
            (_grouped(n, "."), meant),
            (_grouped(n, ","), meant),
            (_grouped(n, "_"), meant),
            (_grouped(n, " "), meant),
            (f"Rp{_grouped(n, '.')}", meant),
            (f"{abs(n) // 3600}:{abs(n) // 60 % 60:02d}:{abs(n) % 60:02d}", None),
        ]
    return st.sampled_from(options)


numbers = st.one_of(
    st.integers(min_value=-(10**13), max_value=10**13).map(Decimal),
    st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal(v) for v in ("45000", "18000", "31450", "38.6", "0.125", "1500", "2026", "0", "1.5")]),
)


def _outcome(annotation: Any, text: str) -> Any:
    """What siap makes of ``v: text`` for a field of ``annotation``: the value, or the string "refused"."""
    loaded = load_yaml_text(f"v: {text}\n", "x.yaml")
    if not loaded.ok:
        return "refused"
    wrapper = create_model("Wrapper", v=(annotation, ...))
    conformed = conform(loaded.data, wrapper)
    if conformed.refusals:
        return "refused"
    try:
        return wrapper.model_validate(conformed.data).v  # type: ignore[attr-defined]
    except ValidationError:
        return "refused"


@settings(max_examples=300, deadline=None)
@given(slot=st.sampled_from(sorted(SLOTS)), data=st.data(), meant=numbers)
def test_every_numeric_field_reads_a_number_exactly_or_refuses_it(
    slot: str, data: st.DataObject, meant: Decimal
) -> None:
    annotation = SLOTS[slot]
    text, number = data.draw(forms(meant))
    got = _outcome(annotation, text)
    if isinstance(got, str) and got == "refused":
        return
    assert number is not None, f"{slot}: {text!r} was read as {got!r} though it is no number"
    assert not isinstance(got, bool)
    assert Decimal(str(got)) == number, f"{slot}: {text!r} was read as {got!r}, meant {number}"
    kinds = {p for p in type_parts(annotation) if p in (int, float, Decimal)}
    if kinds == {int}:
        assert type(got) is int, f"{slot}: {text!r} gave {type(got).__name__}"


DATE_SLOTS: dict[str, Any] = {}


def _date_slots(model: type[BaseModel], path: str, seen: set[type[BaseModel]]) -> None:
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        for part in type_parts(info.annotation):
            if part is dt.date:
                DATE_SLOTS[f"{path}.{name}"] = info.annotation
            for inner in [part, *typing.get_args(part)]:
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    _date_slots(inner, f"{path}.{name}", seen)


for _model, _name in [(Stpp, "stpp"), *[(MODELS[t.id], t.id) for t in TOPIK]]:
    _date_slots(_model, _name, set())

_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


@settings(max_examples=200, deadline=None)
@given(slot=st.sampled_from(sorted(DATE_SLOTS)), day=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), data=st.data())
def test_every_date_field_reads_a_date_exactly_or_refuses_it(slot: str, day: dt.date, data: st.DataObject) -> None:
    y, m, d = day.year, day.month, day.day
    text, meant = data.draw(
        st.sampled_from(
            [
                (day.isoformat(), day),
                (f"{y:04d}-{m}-{d}", day),
                (f"{d} {_BULAN[m - 1]} {y:04d}", day),
                (f"'{day.isoformat()}'", day),
                (f"{d:02d}/{m:02d}/{y:04d}", day),
                (f"{m:02d}/{d:02d}/{y:04d}", None),
                (f"{day.isoformat()} 10:00", day),
                (f"{y:04d}-{m:02d}-{d + 31:02d}", None),
                (f"{y:04d}{m:02d}{d:02d}", None),
            ]
        )
    )
    got = _outcome(DATE_SLOTS[slot], text)
    if isinstance(got, str) and got == "refused":
        return
    assert meant is not None and got == meant, f"{slot}: {text!r} was read as {got!r}"
    assert 1945 <= got.year <= 2100


def test_the_walk_finds_the_date_fields() -> None:
    assert {"1.1.sk.masa_kerja_berakhir", "1.2.jadwal.tanggal", "5.3.rapat.tanggal"} <= set(DATE_SLOTS)
