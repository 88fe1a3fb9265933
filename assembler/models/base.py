"""Conventions shared by every input model.

* ``extra="forbid"``: an unknown key is an error (with "did you mean"), never silently ignored.
* Every field carries an Indonesian ``description``: it becomes the comment ``siap init`` writes
  and the tooltip an editor shows from ``siap schema``.
* Identifiers and references are declared with :func:`IdField` and :func:`RefField`; the
  cross-reference pass (``assembler.validate``) finds them through ``json_schema_extra``, so a new
  topic gets reference checking without code of its own.
* Numbers and dates arrive as the text the user typed and are converted for their field by
  :mod:`assembler.conform` with :mod:`assembler.scalars` before pydantic sees them, so ``Rupiah``,
  ``Tahun``, ``Tanggal`` and plain ``int``/``float``/``Decimal`` fields never receive YAML 1.1's guesses.
* Rules that need more than one field, or another topic, live in a model's ``checks`` method and
  yield :class:`Finding` objects with a location *relative to that model*, so the error lands on
  the offending value's line.
* A module that defines models does not write ``from __future__ import annotations``: pydantic would
  then compile and evaluate every field's annotation from its text when the class is made (~7 ms of
  each ``siap`` command for the ~580 fields); a name imported only for type checking is quoted.
"""

import datetime as _dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints

from assembler.scalars import TAHUN_MAX, TAHUN_MIN

if TYPE_CHECKING:  # pragma: no cover
    from assembler.workspace_view import WorkspaceView

#: Pattern of every identifier a user types (``sh-pdam``, ``isu-03``, ``k-1.2``).
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._\-]*$"

Kode = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=64)]
Teks = Annotated[str, StringConstraints(min_length=1)]
TeksOpsional = Annotated[str, StringConstraints()]
Tanggal = _dt.date
Rupiah = Annotated[int, Field(ge=0)]
Tahun = Annotated[int, Field(ge=TAHUN_MIN, le=TAHUN_MAX)]

Loc = tuple[str | int, ...]


def empty_list() -> list[Any]:
    """``default_factory`` of every list field: a new empty list, as ``list`` itself would give.

    Not ``list``: pydantic reads each factory's signature when it builds a model's schema (does it take
    the validated data?), and ``inspect.signature(list)`` parses the builtin's text signature with
    ``tokenize``: ~50 µs a field, plus compiling tokenize's patterns once, for ~70 fields at every
    ``siap check``. A Python function's signature is read directly, and the JSON schema is the same.
    """
    return []


def empty_dict() -> dict[Any, Any]:
    """``default_factory`` of a mapping field: a new empty dict (see :func:`empty_list`)."""
    return {}

#: Keys of ``json_schema_extra`` read by the cross-reference pass.
ID_KEY = "x-siap-id"
REF_KEY = "x-siap-ref"


class SiapModel(BaseModel):
    """Base of every workspace model: strict about keys, tolerant about surrounding spaces."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=True,
        use_enum_values=True,
        defer_build=True,
    )

    def checks(self, ws: "WorkspaceView") -> Iterator["Finding"]:
        """Rules beyond field types; override in a topic model. ``ws`` sees the whole workspace."""
        return iter(())


@dataclass(frozen=True)
class Finding:
    """A rule violation at ``loc``, relative to the model whose ``checks`` produced it."""

    loc: Loc
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"


def IdField(kind: str, description: str, **kwargs: Any) -> Any:  # noqa: N802 - reads like Field
    """A field that *defines* an identifier of ``kind`` (unique across the workspace)."""
    return Field(description=description, json_schema_extra={ID_KEY: kind}, **kwargs)


def RefField(kind: str | tuple[str, ...], description: str, **kwargs: Any) -> Any:  # noqa: N802
    """A field (a string or a list of strings) that *refers* to identifiers of ``kind``.

    ``kind`` may be a tuple when either kind is acceptable (a person responsible may be a Pokja
    member or a unit).
    """
    kinds: list[JsonValue] = [kind] if isinstance(kind, str) else list(kind)
    return Field(description=description, json_schema_extra={REF_KEY: kinds}, **kwargs)


def ref_kinds(extra: Any) -> list[str]:
    if isinstance(extra, dict):
        value = extra.get(REF_KEY)
        if isinstance(value, list):
            return [str(v) for v in value]
    return []


def id_kind(extra: Any) -> str | None:
    if isinstance(extra, dict):
        value = extra.get(ID_KEY)
        if isinstance(value, str):
            return value
    return None


def type_parts(tp: Any) -> list[Any]:
    """The types a field annotation may hold: ``Annotated`` unwrapped, unions split, ``None`` left out.

    Whoever walks the models (the scaffold's comments, "did you mean" for keys) asks what a value can be.
    """
    origin = typing.get_origin(tp)
    if origin is Annotated:
        return type_parts(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out += type_parts(arg)
        return out
    return [tp]
