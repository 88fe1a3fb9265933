"""Numbers typed as text in a cell ("Rp 1.500.000", "12,5"): understood exactly, or refused.

Indonesian writing groups thousands with dots and marks decimals with a comma; spreadsheets in other
locales do the opposite. A text is read only when it has one meaning: ``45.000`` in a whole-number
column is forty-five thousand (a whole number has no decimals), but in a decimal column it could be
45 or 45000, so it is refused at its cell rather than guessed. (Kept behind :func:`parse_number_text`
so the workspace-wide rule can replace it in one place.)
"""

from __future__ import annotations

import re
from decimal import Decimal

_RP = re.compile(r"^\s*(?:Rp\.?\s*)?(.*?)\s*$", re.IGNORECASE)
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")  # 1.500.000
_PLAIN = re.compile(r"^[+-]?\d+$")
_COMMA_DECIMAL = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$")  # 1.234,5 or 12,5
_DOT_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")  # 12.5


def parse_number_text(text: str, *, whole: bool) -> int | Decimal | None:
    """The exact number ``text`` means, or None when it is not a number or is ambiguous."""
    body = _RP.match(text)
    assert body is not None
    s = body.group(1).replace("\u00a0", "").replace(" ", "")
    if not s:
        return None
    if _PLAIN.match(s):
        return int(s) if whole else Decimal(s)
    if _GROUPED.match(s):
        if whole:
            return int(s.replace(".", ""))
        if s.count(".") > 1:
            return Decimal(s.replace(".", ""))
        return None  # 45.000: 45 or 45000?
    if _COMMA_DECIMAL.match(s):
        if "." not in s and len(s.rpartition(",")[2]) == 3:
            return None  # 45,000: forty-five thousand in English, 45 in Indonesian
        value = Decimal(s.replace(".", "").replace(",", "."))
        if whole:
            return int(value) if value == value.to_integral_value() else None
        return value
    if _DOT_DECIMAL.match(s) and not whole:
        return Decimal(s)
    return None
