"""Message catalogue: every user-facing sentence, in Bahasa Indonesia and English.

Codes are registered by the module that raises them, so a topic model keeps its own wording next
to its rule. ``--lang en`` switches the language for a whole run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_CATALOGUE: dict[str, dict[str, str]] = {}

LANGUAGES = ("id", "en")


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Add ``code -> (indonesian, english)`` templates (``str.format`` placeholders)."""
    for code, (text_id, text_en) in messages.items():
        existing = _CATALOGUE.get(code)
        if existing is not None and existing != {"id": text_id, "en": text_en}:
            raise ValueError(f"message code registered twice with different text: {code}")
        _CATALOGUE[code] = {"id": text_id, "en": text_en}


def has_message(code: str) -> bool:
    return code in _CATALOGUE


def format_message(code: str, params: Mapping[str, Any], lang: str = "id") -> str:
    """Fill a template; an unknown code is a programming error, so it is shown raw, not hidden."""
    entry = _CATALOGUE.get(code)
    if entry is None:
        return f"{code} {dict(params)!r}"
    template = entry.get(lang) or entry["id"]
    return template.format(**{k: _show(v, lang) for k, v in params.items()})


@dataclass(frozen=True)
class Localized:
    """A message parameter that itself depends on the language (a kind's name, say)."""

    id: str
    en: str

    def __str__(self) -> str:
        return self.id


#: A list parameter longer than this shows its first ``_LIST_SHOWN`` items and how many more: a message
#: about 2,000 activities must still be one readable line.
_LIST_MAX = 12
_LIST_SHOWN = 10


def _show(value: Any, lang: str) -> str:
    if isinstance(value, Localized):
        return value.en if lang == "en" else value.id
    if isinstance(value, (list, tuple)):
        items = list(value)
        if len(items) > _LIST_MAX:
            rest = len(items) - _LIST_SHOWN
            more = f"{rest} more" if lang == "en" else f"{rest} lainnya"
            return ", ".join(_show(v, lang) for v in items[:_LIST_SHOWN]) + f", … (+{more})"
        return ", ".join(_show(v, lang) for v in items)
    return str(value)


register(
    {
        "label.warning": ("peringatan", "warning"),
        "label.did_you_mean": ("maksud Anda {suggestion}?", "did you mean {suggestion}?"),
    }
)
