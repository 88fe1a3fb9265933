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


@dataclass(frozen=True)
class _Plan:
    """What ``_convert`` does with a value of one annotation, worked out once per annotation.

    ``_convert`` runs once per value (60,000 for 2,000 kegiatan); the annotation's parts, its model
    branches, its mapping and sequence forms and its scalar converter do not change between values.
    """

    annotation: Any  # kept, so that its id (the cache key) is not reused
    models: tuple[type[BaseModel], ...]
    mapping: Any  # the first ``dict[...]`` part, or None
    sequence: bool
    item: Any  # a sequence's item annotation
    convert: Callable[[str], Any] | None


def _plan(annotation: Any) -> _Plan:
    cached = _PLANS.get(id(annotation))
    if cached is not None and cached.annotation is annotation:
        return cached
    parts = type_parts(annotation)
    models = tuple(p for p in parts if isinstance(p, type) and issubclass(p, BaseModel))
    mappings = [p for p in parts if typing.get_origin(p) is dict]
    sequences = [p for p in parts if typing.get_origin(p) in (list, tuple, set, frozenset)]
    args = typing.get_args(sequences[0]) if sequences else ()
    plan = _Plan(
        annotation,
        models,
        mappings[0] if mappings else None,
        bool(sequences),
        args[0] if args else Any,
        scalar_converter(annotation),
    )
    _PLANS[id(annotation)] = plan
    return plan


_PLANS: dict[int, _Plan] = {}


def _convert(value: Any, annotation: Any, loc: Loc, result: Conformed) -> Any:
    if value is None:
        return None
    plan = _plan(annotation)
    if isinstance(value, dict):
        models = plan.models
        if models:
            model = models[0] if len(models) == 1 else _pick(models, value)
            return _convert_model(value, model, loc, result)
        if plan.mapping is not None:
            return _convert_mapping(value, plan.mapping, loc, result)
        return value
    if isinstance(value, list):
        if not plan.sequence:
            return value
        item = plan.item
        return [_convert(v, item, (*loc, i), result) for i, v in enumerate(value)]
    if isinstance(value, str):
        convert = plan.convert
        if convert is None:
            return value
        try:
            return convert(value)
        except ScalarError as exc:
            result.refusals.append(Refusal(loc, exc.code, exc.params))
            return value
    return value


def _pick(models: tuple[type[BaseModel], ...], value: dict[str, Any]) -> type[BaseModel]:
    """The union branch whose fields hold every key written (the first when none or several do)."""
    for model in models:
        if set(value) <= _field_types(model).keys():
            return model
    return models[0]


def _field_types(model: type[BaseModel]) -> dict[str, Any]:
    """Field name -> annotation of a model class, once per class (pydantic's ``model_fields`` is a property)."""
    types = _FIELD_TYPES.get(model)
    if types is None:
        types = {name: info.annotation for name, info in model.model_fields.items()}
        if getattr(model, "__pydantic_fields_complete__", False):  # a forward reference may still change them
            _FIELD_TYPES[model] = types
    return types


_FIELD_TYPES: dict[type[BaseModel], dict[str, Any]] = {}
_NO_FIELD = object()


def _convert_model(value: dict[str, Any], model: type[BaseModel], loc: Loc, result: Conformed) -> dict[str, Any]:
    out: dict[str, Any] = {}
    types = _field_types(model)
    for key, item in value.items():
        annotation = types.get(key, _NO_FIELD)
        out[key] = item if annotation is _NO_FIELD else _convert(item, annotation, (*loc, key), result)
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
