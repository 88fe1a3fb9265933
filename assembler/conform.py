"""Give the text of a loaded file the types of the model it fills, reading every number and date exactly.

The loader keeps each scalar as the text the user typed; only the model knows whether ``2026`` is a
year, a regulation number or a name, and whether ``45.000`` is wrong (a whole number of rupiah) or
ambiguous (a decimal). This pass walks the data alongside the model's annotations and converts each
text with :mod:`assembler.scalars`: a text field keeps the text as written (so ``nomor: 031450``
stays ``031450``), a number field gets exactly the number written or an error at its line. Pydantic
then checks ranges and everything else on values that are already what the user meant.
"""

from __future__ import annotations

import datetime as _dt
import enum
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from assembler import scalars
from assembler.loading import Loc
from assembler.messages import register
from assembler.models.base import type_parts
from assembler.scalars import ScalarError

register(
    {
        "conform.duplicate_key": (
            "kunci '{key}' sama nilainya dengan kunci '{first}' yang sudah ditulis; hapus salah satunya",
            "key '{key}' has the same value as key '{first}' written before; remove one of them",
        ),
    }
)


@dataclass(frozen=True)
class Refusal:
    """A text that is not a value of its field's type; ``key`` when the text is a mapping key."""

    loc: Loc
    code: str
    params: dict[str, Any]
    key: bool = False


@dataclass
class Conformed:
    """The typed data, what could not be converted, and which keys changed (typed loc -> loc as written)."""

    data: Any
    refusals: list[Refusal] = field(default_factory=list)
    renamed: dict[Loc, Loc] = field(default_factory=dict)


def conform(data: Any, model: type[BaseModel]) -> Conformed:
    """Convert ``data`` (as loaded: text, None, lists, mappings) to the types ``model`` declares."""
    result = Conformed(None)
    result.data = _convert(data, model, (), result)
    return result


def scalar_converter(annotation: Any) -> Callable[[str], Any] | None:
    """How a text becomes a value of ``annotation``; None when the text itself is the value (or no scalar fits).

    Public so that the Excel reader converts a cell typed as text by the same rules as YAML.
    """
    cached = _CACHE.get(id(annotation))
    if cached is not None and cached[0] is annotation:
        return cached[1]
    convert = _scalar_converter(annotation)
    _CACHE[id(annotation)] = (annotation, convert)  # the annotation is kept, so its id is not reused
    return convert


_CACHE: dict[int, tuple[Any, Callable[[str], Any] | None]] = {}


def _scalar_converter(annotation: Any) -> Callable[[str], Any] | None:
    parts = type_parts(annotation)
    if any(_is_text(p) for p in parts):
        return None
    kinds = {p for p in parts if p in (int, float, Decimal, bool, _dt.date)}
    if int in kinds and float in kinds:
        return scalars.to_number
    for kind, convert in _CONVERTERS:
        if kind in kinds:
            return convert
    return None


_CONVERTERS: list[tuple[Any, Callable[[str], Any]]] = [
    (bool, scalars.to_bool),
    (int, scalars.to_int),
    (Decimal, scalars.to_decimal),
    (float, scalars.to_float),
    (_dt.date, scalars.to_date),
]


def _is_text(tp: Any) -> bool:
    """A type whose values are the text as written: ``str``, a Literal of texts, a text Enum, or anything."""
    if tp is str or tp is Any or tp is object:
        return True
    if typing.get_origin(tp) is Literal:
        return any(isinstance(v, str) for v in typing.get_args(tp))
    return isinstance(tp, type) and issubclass(tp, enum.Enum) and issubclass(tp, str)


def _type_parts(annotation: Any) -> list[Any]:
    """:func:`type_parts`, remembered per annotation: ``_convert`` asks once per value (60,000 for 2,000 kegiatan)."""
    cached = _PARTS.get(id(annotation))
    if cached is not None and cached[0] is annotation:
        return cached[1]
    parts = type_parts(annotation)
    _PARTS[id(annotation)] = (annotation, parts)  # the annotation is kept, so its id is not reused
    return parts


_PARTS: dict[int, tuple[Any, list[Any]]] = {}


def _convert(value: Any, annotation: Any, loc: Loc, result: Conformed) -> Any:
    if value is None:
        return None
    parts = _type_parts(annotation)
    if isinstance(value, dict):
        models = [p for p in parts if isinstance(p, type) and issubclass(p, BaseModel)]
        if models:
            return _convert_model(value, _pick(models, value), loc, result)
        mappings = [p for p in parts if typing.get_origin(p) is dict]
        if mappings:
            return _convert_mapping(value, mappings[0], loc, result)
        return value
    if isinstance(value, list):
        sequences = [p for p in parts if typing.get_origin(p) in (list, tuple, set, frozenset)]
        if not sequences:
            return value
        args = typing.get_args(sequences[0])
        item = args[0] if args else Any
        return [_convert(v, item, (*loc, i), result) for i, v in enumerate(value)]
    if isinstance(value, str):
        convert = scalar_converter(annotation)
        if convert is None:
            return value
        try:
            return convert(value)
        except ScalarError as exc:
            result.refusals.append(Refusal(loc, exc.code, exc.params))
            return value
    return value


def _pick(models: list[type[BaseModel]], value: dict[str, Any]) -> type[BaseModel]:
    """The union branch whose fields hold every key written (the first when none or several do)."""
    for model in models:
        if set(value) <= set(model.model_fields):
            return model
    return models[0]


def _convert_model(value: dict[str, Any], model: type[BaseModel], loc: Loc, result: Conformed) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        info = model.model_fields.get(key)
        out[key] = item if info is None else _convert(item, info.annotation, (*loc, key), result)
    return out


def _convert_mapping(value: dict[str, Any], annotation: Any, loc: Loc, result: Conformed) -> dict[Any, Any]:
    args = typing.get_args(annotation)
    key_type, item_type = (args[0], args[1]) if len(args) == 2 else (Any, Any)
    convert_key = scalar_converter(key_type)
    out: dict[Any, Any] = {}
    written: dict[Any, str] = {}
    for key, item in value.items():
        typed: Any = key
        if convert_key is not None and isinstance(key, str):
            try:
                typed = convert_key(key)
            except ScalarError as exc:
                result.refusals.append(Refusal((*loc, key), exc.code, exc.params, key=True))
                typed = key
        if typed in out:
            # '+2026' and '2026' are one year: two values for it cannot both be kept.
            result.refusals.append(
                Refusal((*loc, key), "conform.duplicate_key", {"key": key, "first": written[typed]}, key=True)
            )
            continue
        written[typed] = key
        if typed != key:
            result.renamed[(*loc, typed)] = (*loc, key)
        out[typed] = _convert(item, item_type, (*loc, typed), result)
    return out
