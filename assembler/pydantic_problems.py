"""Pydantic's complaints about a file, as siap's problems at the line of the value (or of the unknown key).

Split from :mod:`assembler.validate` (module size): the translation of pydantic error types into the
message catalogue, the "did you mean" of unknown keys and options, and the mapping from a model path to
the file's line or workbook cell.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from assembler import interrupts
from assembler.conform import conform
from assembler.errors import Problem
from assembler.loading import LoadedFile, Loc, format_loc
from assembler.messages import Localized, has_message, register
from assembler.models.base import type_parts

register(
    {
        # pydantic error types, translated; {input} is what the user wrote.
        "pydantic.missing": ("wajib diisi", "is required"),
        "pydantic.extra_forbidden": ("kunci tidak dikenal", "unknown key"),
        "pydantic.extra_forbidden.suggest": (
            "kunci tidak dikenal; maksud Anda '{suggestion}'?",
            "unknown key; did you mean '{suggestion}'?",
        ),
        "pydantic.string_type": ("harus berupa teks, tertulis {input}", "must be text, found {input}"),
        "pydantic.string_too_short": ("tidak boleh kosong", "must not be empty"),
        "pydantic.string_too_long": (
            "terlalu panjang (paling banyak {max_length} karakter)",
            "is too long (at most {max_length} characters)",
        ),
        "pydantic.string_pattern_mismatch": (
            "'{input}' bukan kode yang sah: gunakan huruf, angka, titik, tanda hubung atau garis bawah, tanpa spasi",
            "'{input}' is not a valid code: use letters, digits, dots, hyphens or underscores, no spaces",
        ),
        "pydantic.int_type": ("harus berupa bilangan bulat, tertulis {input}", "must be a whole number, found {input}"),
        "pydantic.int_parsing": (
            "harus berupa bilangan bulat tanpa titik ribuan, tertulis {input}",
            "must be a whole number without thousands separators, found {input}",
        ),
        "pydantic.int_from_float": (
            "harus berupa bilangan bulat, tertulis {input}",
            "must be a whole number, found {input}",
        ),
        "pydantic.float_type": ("harus berupa angka, tertulis {input}", "must be a number, found {input}"),
        "pydantic.float_parsing": (
            "harus berupa angka (pakai titik untuk desimal), tertulis {input}",
            "must be a number (use a dot for decimals), found {input}",
        ),
        "pydantic.decimal_parsing": (
            "harus berupa angka (pakai titik untuk desimal), tertulis {input}",
            "must be a number (use a dot for decimals), found {input}",
        ),
        "pydantic.bool_type": (
            "harus 'ya' atau 'tidak' (true/false), tertulis {input}",
            "must be true or false, found {input}",
        ),
        "pydantic.bool_parsing": ("harus true atau false, tertulis {input}", "must be true or false, found {input}"),
        "pydantic.greater_than_equal": (
            "harus paling kecil {ge}, tertulis {input}",
            "must be at least {ge}, found {input}",
        ),
        "pydantic.greater_than": (
            "harus lebih besar dari {gt}, tertulis {input}",
            "must be greater than {gt}, found {input}",
        ),
        "pydantic.less_than_equal": (
            "harus paling besar {le}, tertulis {input}",
            "must be at most {le}, found {input}",
        ),
        "pydantic.less_than": (
            "harus lebih kecil dari {lt}, tertulis {input}",
            "must be less than {lt}, found {input}",
        ),
        "pydantic.literal_error": (
            "harus salah satu dari {expected}, tertulis {input}",
            "must be one of {expected}, found {input}",
        ),
        "pydantic.literal_error.suggest": (
            "harus salah satu dari {expected}, tertulis {input}; maksud Anda '{suggestion}'?",
            "must be one of {expected}, found {input}; did you mean '{suggestion}'?",
        ),
        "pydantic.enum": (
            "harus salah satu dari {expected}, tertulis {input}",
            "must be one of {expected}, found {input}",
        ),
        "pydantic.list_type": ("harus berupa daftar (butir diawali '- ')", "must be a list (items start with '- ')"),
        "pydantic.too_short": (
            "paling sedikit {min_length} butir, tertulis {actual_length}",
            "needs at least {min_length} items, found {actual_length}",
        ),
        "pydantic.too_long": (
            "paling banyak {max_length} butir, tertulis {actual_length}",
            "allows at most {max_length} items, found {actual_length}",
        ),
        "pydantic.dict_type": ("harus berupa pasangan kunci: nilai", "must be key: value pairs"),
        "pydantic.model_type": ("harus berupa pasangan kunci: nilai", "must be key: value pairs"),
        "pydantic.model_attributes_type": ("harus berupa pasangan kunci: nilai", "must be key: value pairs"),
        "pydantic.date_type": (
            "harus berupa tanggal TTTT-BB-HH, tertulis {input}",
            "must be a date YYYY-MM-DD, found {input}",
        ),
        "pydantic.date_parsing": (
            "harus berupa tanggal TTTT-BB-HH, tertulis {input}",
            "must be a date YYYY-MM-DD, found {input}",
        ),
        "pydantic.date_from_datetime_parsing": (
            "harus berupa tanggal TTTT-BB-HH, tertulis {input}",
            "must be a date YYYY-MM-DD, found {input}",
        ),
        "pydantic.date_from_datetime_inexact": (
            "harus berupa tanggal tanpa jam, tertulis {input}",
            "must be a date without a time, found {input}",
        ),
        "pydantic.time_parsing": ("harus berupa jam JJ:MM, tertulis {input}", "must be a time HH:MM, found {input}"),
        "pydantic.time_type": ("harus berupa jam JJ:MM, tertulis {input}", "must be a time HH:MM, found {input}"),
        "pydantic.union_tag_invalid": (
            "jenis '{tag}' tidak dikenal; harus salah satu dari {expected_tags}",
            "unknown kind '{tag}'; must be one of {expected_tags}",
        ),
        "pydantic.union_tag_not_found": (
            "kunci penentu '{discriminator}' wajib diisi",
            "the key {discriminator} is required",
        ),
        "pydantic.value_error": ("{message}", "{message}"),
        "pydantic.other": ("nilai tidak sah: {message}", "invalid value: {message}"),
    }
)


def validate_file(loaded: LoadedFile, model: type[BaseModel], problems: list[Problem]) -> BaseModel | None:
    """Convert the file's text to the model's types (numbers and dates exactly, see ``conform``), then validate.

    A value refused by the conversion is reported once, with how to write it; pydantic's own complaint
    about the same value (it still holds the text) is dropped.
    """
    problems.extend(loaded.problems)
    # A workbook's cell errors leave the rest of the file checkable (``reported`` marks those cells).
    if (not loaded.ok and not loaded.reported) or loaded.data is None or not isinstance(loaded.data, dict):
        return None
    conformed = conform(loaded.data, model)
    loaded.renamed = conformed.renamed
    refused = [r.loc for r in conformed.refusals]
    for refusal in conformed.refusals:
        problems.append(locate(loaded, refusal.loc, refusal.code, refusal.params, "error", key=refusal.key))
    try:
        with interrupts.deferred():
            validated = model.model_validate(conformed.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problem_loc = _data_loc(conformed.data, tuple(err["loc"]))
            if any(problem_loc[: len(r)] == r for r in refused) or problem_loc in loaded.reported:
                continue
            problems.append(_from_pydantic(loaded, conformed.data, model, err))
        return None
    # A workbook's cell problems were reported by its reader; the model is not trusted until they are fixed.
    return None if refused or not loaded.ok else validated


def _from_pydantic(loaded: LoadedFile, data: Any, model: type[BaseModel], err: Any) -> Problem:
    """Turn one pydantic error into our format, at the line of the value (or of the unknown key)."""
    loc = _data_loc(data, tuple(err["loc"]))
    etype = str(err["type"])
    ctx = dict(err.get("ctx") or {})
    params: dict[str, Any] = {k: _plain(v) for k, v in ctx.items()}
    params["input"] = _shown_input(err.get("input"))
    code = f"pydantic.{etype}"
    if etype == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        match = difflib.get_close_matches(str(loc[-1]), sorted(allowed), n=1, cutoff=0.6)
        if match:
            code, params["suggestion"] = "pydantic.extra_forbidden.suggest", match[0]
        return locate(loaded, loc, code, params, "error", key=True)
    if etype == "literal_error":
        options = [o.strip().strip("'") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        shown = [f"'{o}'" for o in options if o]
        params["expected"] = Localized(_join(shown, "atau"), _join(shown, "or"))
        match = difflib.get_close_matches(str(err.get("input")), [o for o in options if o], n=1, cutoff=0.6)
        if match:
            code, params["suggestion"] = "pydantic.literal_error.suggest", match[0]
    if etype == "value_error":
        params["message"] = str(ctx.get("error", err.get("msg", "")))
    if etype.startswith("siap."):
        code = etype
    elif not has_message(code):
        code, params["message"] = "pydantic.other", err.get("msg", "")
    return locate(loaded, loc, code, params, "error")


def _join(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _plain(value: Any) -> Any:
    return value if isinstance(value, (int, float, str)) else str(value)


def _shown_input(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _data_loc(data: Any, loc: Loc) -> Loc:
    """Drop the union-branch tags pydantic inserts into ``loc`` (they are not keys of the file)."""
    result: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            result.append(part)
            node = node[part]  # type: ignore[index]  # the condition above checked the type
        elif isinstance(node, dict) and isinstance(part, str) and _looks_like_tag(part):
            continue
        else:
            result.append(part)
            node = None
    return tuple(result)


def _looks_like_tag(part: str) -> bool:
    return part[:1].isupper() or "[" in part or part in {"str", "int", "float", "bool", "date", "none", "list"}


def locate(
    loaded: LoadedFile, loc: Loc, code: str, params: dict[str, Any], severity: str, *, key: bool = False
) -> Problem:
    pos = loaded.position(loc, key=key)
    line, col = pos if pos else (None, None)
    cell = loaded.cell(loc)
    return Problem(code, params, loaded.name, line, col, format_loc(loc), severity, cell)  # type: ignore[arg-type]


def _allowed_keys(model: type[BaseModel], loc: Loc) -> set[str]:
    """Field names of whatever model sits at ``loc`` (all union branches), for "did you mean"."""
    candidates: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for tp in candidates:
            for inner in type_parts(tp):
                if isinstance(inner, type) and issubclass(inner, BaseModel) and isinstance(part, str):
                    f = inner.model_fields.get(part)
                    if f is not None:
                        nxt.append(f.annotation)
                elif isinstance(part, int) and typing.get_origin(inner) in (list, tuple, set):
                    nxt.extend(typing.get_args(inner)[:1])
                elif isinstance(part, (str, int)) and typing.get_origin(inner) is dict:
                    nxt.extend(typing.get_args(inner)[1:2])
        candidates = nxt
    keys: set[str] = set()
    for tp in candidates:
        for inner in type_parts(tp):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                keys.update(inner.model_fields)
    return keys
