"""A user's text turned into a whole number, a decimal, a yes/no or a date: exactly, or not at all.

YAML 1.1 (what PyYAML implements) reads ``45.000`` as 45.0, ``031450`` as the octal 13096,
``1:30:00`` as 5400 and ``yes`` as 1; an Indonesian writes ``45.000`` for forty-five thousand. So
the loader keeps every scalar as the text the user typed, and the model's field type decides here
how that text is read. Each function returns the value the user meant or raises
:class:`ScalarError` with a message code saying how to write it (``maksud Anda 45000?``). Nothing in
between: a text that could mean two numbers is refused, never guessed.

``to_jam`` reads a clock time the same way (its codes start with ``siap.``: a model's validator raises
them as pydantic errors). Pure functions with no YAML in them: an Excel cell typed as text goes through the same rules.
See ``docs/dev/angka-dan-tanggal.md``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from assembler.messages import register

#: Years a plan, a meeting or a regulation of it can carry (also the bounds of ``Tahun``).
TAHUN_MIN = 1945
TAHUN_MAX = 2100
#: The largest whole number accepted, just under one trillion (Rp1 triliun for an amount). The documents
#: write amounts and their totals in words, which stops at 10^18 (idfmt.terbilang); a file holds at most
#: loading.MAX_VALUES values, so no total of one file's numbers can reach that limit.
INT_MAX = 10**12 - 1
#: Significant digits a float field keeps exactly (IEEE doubles hold 15 for sure).
FLOAT_DIGITS = 15
#: Digits accepted in a decimal field; more is a paste accident, not a measurement.
DECIMAL_DIGITS = 28
#: A message quotes at most this much of what the user wrote.
SHOWN_TEXT = 60

BULAN = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
_BULAN_ID = tuple(b.capitalize() for b in BULAN)
_MONTH_EN = tuple(m.lower() for m in calendar.month_name[1:])

register(
    {
        "angka.bulat": (
            "harus berupa bilangan bulat (angka saja, tanpa titik atau koma), tertulis {text}",
            "must be a whole number (digits only, no dots or commas), found {text}",
        ),
        "angka.bulat.desimal": (
            "harus berupa bilangan bulat tanpa angka desimal, tertulis {text}; tulis {suggestion}",
            "must be a whole number without decimals, found {text}; write {suggestion}",
        ),
        "angka.ribuan": (
            "angka ditulis tanpa titik, koma atau spasi ribuan, tertulis {text}; maksud Anda {suggestion}?",
            "numbers are written without thousands separators, found {text}; did you mean {suggestion}?",
        ),
        "angka.rp": (
            "tulis angkanya saja, tanpa 'Rp' dan tanpa titik ribuan, tertulis {text}; maksud Anda {suggestion}?",
            "write the number only, without 'Rp' or thousands separators, found {text}; did you mean {suggestion}?",
        ),
        "angka.persen": (
            "tulis angkanya saja, tanpa tanda '%', tertulis {text}; maksud Anda {suggestion}?",
            "write the number only, without '%', found {text}; did you mean {suggestion}?",
        ),
        "angka.nol_di_depan": (
            "angka tidak boleh diawali nol, tertulis {text}; tulis {suggestion}",
            "a number must not start with a zero, found {text}; write {suggestion}",
        ),
        "angka.eksponen": (
            "tulis angka biasa tanpa eksponen, tertulis {text}; maksud Anda {suggestion}?",
            "write a plain number without an exponent, found {text}; did you mean {suggestion}?",
        ),
        "angka.terlalu_besar": (
            "angka terlalu besar untuk naskah, tertulis {text}; paling besar {limit} (di bawah satu triliun)",
            "the number is too large for the documents, found {text}; at most {limit} (below one trillion)",
        ),
        "angka.desimal": (
            "harus berupa angka dengan titik sebagai tanda desimal, misalnya 38.6, tertulis {text}",
            "must be a number with a dot for decimals, for example 38.6, found {text}",
        ),
        "angka.koma_desimal": (
            "tanda desimal ditulis dengan titik, bukan koma, tertulis {text}; tulis {suggestion}",
            "decimals are written with a dot, not a comma, found {text}; write {suggestion}",
        ),
        "angka.ribuan_atau_desimal": (
            "{text} dapat dibaca sebagai ribuan atau sebagai desimal; tulis {thousands} bila maksudnya ribuan, "
            "atau {decimal} bila desimal (tanda desimal adalah titik)",
            "{text} can be read as thousands or as a decimal; write {thousands} for thousands, "
            "or {decimal} for a decimal (the decimal mark is a dot)",
        ),
        "angka.tak_terhingga": (
            "nilai {text} bukan angka yang dapat dipakai",
            "value {text} is not a usable number",
        ),
        "angka.terlalu_teliti": (
            "terlalu banyak angka penting (paling banyak {digits}), tertulis {text}",
            "too many significant digits (at most {digits}), found {text}",
        ),
        "nilai.ya_tidak": (
            "harus true (ya) atau false (tidak), tertulis {text}",
            "must be true or false, found {text}",
        ),
        "tanggal.bentuk": (
            "harus berupa tanggal TTTT-BB-HH, misalnya 2025-02-03, tertulis {text}",
            "must be a date YYYY-MM-DD, for example 2025-02-03, found {text}",
        ),
        "tanggal.bentuk.suggest": (
            "harus berupa tanggal TTTT-BB-HH, tertulis {text}; maksud Anda {suggestion}?",
            "must be a date YYYY-MM-DD, found {text}; did you mean {suggestion}?",
        ),
        "tanggal.dengan_jam": (
            "harus berupa tanggal tanpa jam, tertulis {text}; tulis {suggestion}",
            "must be a date without a time, found {text}; write {suggestion}",
        ),
        "tanggal.tidak_ada": (
            "tanggal {text} tidak ada: {bulan} {tahun} hanya sampai tanggal {hari}",
            "there is no date {text}: {month} {year} ends on day {days}",
        ),
        "tanggal.bulan_tidak_ada": (
            "tanggal {text} tidak ada: bulan ditulis 01 sampai 12",
            "there is no date {text}: the month is 01 to 12",
        ),
        "tanggal.rentang": (
            "tahun pada tanggal {text} harus antara {min} dan {max}",
            "the year of the date {text} must be between {min} and {max}",
        ),
    }
)


class ScalarError(ValueError):
    """A text that is not (unambiguously) a value of the wanted kind: a message code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        text = params.get("text")
        if isinstance(text, str) and len(text) > SHOWN_TEXT:
            params["text"] = text[: SHOWN_TEXT - 1] + "…"
        elif isinstance(text, str) and not text.strip():
            params["text"] = f"'{text}'"  # an empty value must still be visible in the message
        self.params: dict[str, Any] = params
        super().__init__(f"{code} {params!r}")


_INT = re.compile(r"[+-]?(?:0|[1-9][0-9]*)")
#: 750_000_000: groups of three joined by underscores, as the field descriptions allow (never a decimal mark).
_UNDERSCORED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:_[0-9]{3})+")
_LEADING_ZERO = re.compile(r"[+-]?0[0-9]+(?:\.[0-9]+)?")
_DECIMAL = re.compile(r"[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+)")
#: "45.000", "1.500": a dot before exactly three digits is the Indonesian thousands separator.
_THOUSANDS_OR_DECIMAL = re.compile(r"[+-]?[1-9][0-9]{0,2}[.,][0-9]{3}")
#: 1.250.000 / 1,250,000 / 1 250 000 / 1_250_000, optionally with zero decimals: ",00" or ".00".
_GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?P<sep>[., _\u00a0])[0-9]{3}(?:(?P=sep)[0-9]{3})*(?P<frac>[.,][0-9]+)?")
_EXPONENT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+")
_COMMA_DECIMAL = re.compile(r"[+-]?[0-9]+,[0-9]+")
_SPECIAL = re.compile(r"[+-]?\.?(?:nan|inf|infinity)", re.IGNORECASE)
_RP = re.compile(r"(?i)rp\.?\s*")


def _grouped_digits(s: str) -> str | None:
    """``1.250.000`` → ``1250000`` when the text is a grouped whole number (decimals only if zero)."""
    m = _GROUPED.fullmatch(s)
    if m is None:
        return None
    frac = m.group("frac")
    body = s[: m.start("frac")] if frac else s
    if frac is not None and (frac[0] == m.group("sep") or set(frac[1:]) != {"0"}):
        return None
    return re.sub(r"[^0-9+-]", "", body)


def _int_text(n: int) -> str:
    return str(n)


def _plain_decimal(d: Decimal) -> str:
    """A Decimal as a person writes it: no exponent, no trailing zeros after the point."""
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def to_int(text: str) -> int:
    """A whole number written plainly (``45000``, ``-3``, ``+7``); any other way of writing it is refused.

    ``45.000`` and ``1.250.000`` → "maksud Anda 45000?"; ``45.0`` → "tulis 45"; ``031450`` →
    "tulis 31450"; ``1e6``, ``Rp45.000``, ``yes``, ``1:30:00`` are refused with their own hint.
    """
    s = text.strip()
    if _UNDERSCORED.fullmatch(s):
        s = s.replace("_", "")
    if _INT.fullmatch(s):
        if len(s.lstrip("+-")) > len(str(INT_MAX)) or abs(int(s)) > INT_MAX:
            raise ScalarError("angka.terlalu_besar", text=text, limit=INT_MAX)
        return int(s)
    _refuse_number_forms(text, s, whole=True)
    raise ScalarError("angka.bulat", text=text)


def _refuse_number_forms(text: str, s: str, *, whole: bool) -> None:
    """Raise the most helpful message for a text that is a number written some other way."""
    if len(s) > 60:
        return
    if _RP.match(s):
        rest = _RP.sub("", s, count=1)
        grouped = _grouped_digits(rest)
        if grouped is not None or _INT.fullmatch(rest):
            raise ScalarError("angka.rp", text=text, suggestion=grouped if grouped is not None else rest)
        return
    if s.endswith("%"):
        inner = s[:-1].strip()
        if _DECIMAL.fullmatch(inner):
            raise ScalarError("angka.persen", text=text, suggestion=inner)
        return
    if _LEADING_ZERO.fullmatch(s):
        sign = "-" if s.startswith("-") else ""
        body = s.lstrip("+-").lstrip("0") or "0"
        if body.startswith("."):
            body = "0" + body
        raise ScalarError("angka.nol_di_depan", text=text, suggestion=sign + body)
    if whole and _THOUSANDS_OR_DECIMAL.fullmatch(s):
        raise ScalarError("angka.ribuan", text=text, suggestion=re.sub(r"[.,]", "", s))
    grouped = _grouped_digits(s)
    if grouped is not None and not _THOUSANDS_OR_DECIMAL.fullmatch(s):
        raise ScalarError("angka.ribuan", text=text, suggestion=grouped)
    if _EXPONENT.fullmatch(s):
        try:
            value = Decimal(s)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid exponents
            return
        if abs(value) < Decimal(10) ** 30:
            if whole and value != value.to_integral_value():
                raise ScalarError("angka.bulat", text=text)
            raise ScalarError("angka.eksponen", text=text, suggestion=_plain_decimal(value))
        return
    if _SPECIAL.fullmatch(s):
        raise ScalarError("angka.tak_terhingga", text=text)
    if whole and _DECIMAL.fullmatch(s):
        value = Decimal(s)
        if value == value.to_integral_value():
            raise ScalarError("angka.bulat.desimal", text=text, suggestion=_plain_decimal(value))
        raise ScalarError("angka.bulat", text=text)
    if whole and _COMMA_DECIMAL.fullmatch(s):
        value = Decimal(s.replace(",", "."))
        if value == value.to_integral_value():
            raise ScalarError("angka.bulat.desimal", text=text, suggestion=_plain_decimal(value))
        raise ScalarError("angka.bulat", text=text)


def to_decimal(text: str) -> Decimal:
    """A decimal written with a dot (``38.6``, ``0.125``, ``-2``), exactly as written.

    A comma is refused with the dot form to write (``38,6`` → "tulis 38.6"): ``1,500`` would be one and a
    half to an Indonesian reader and fifteen hundred to a spreadsheet. A dot before exactly three digits
    after a short whole part (``45.000``, ``1.500``) is refused too, since it may be a thousands separator.
    """
    s = text.strip()
    whole_part, dot, frac = s.partition(".")
    if _UNDERSCORED.fullmatch(whole_part):
        s = whole_part.replace("_", "") + dot + frac
    if _DECIMAL.fullmatch(s):
        if _THOUSANDS_OR_DECIMAL.fullmatch(s):
            raise _ambiguous(text, s)
        if sum(ch.isdigit() for ch in s) > DECIMAL_DIGITS:
            raise ScalarError("angka.terlalu_teliti", text=text, digits=DECIMAL_DIGITS)
        return Decimal(s)
    if _THOUSANDS_OR_DECIMAL.fullmatch(s):
        raise _ambiguous(text, s)
    if _COMMA_DECIMAL.fullmatch(s) and not _LEADING_ZERO.fullmatch(s.replace(",", ".")):
        raise ScalarError("angka.koma_desimal", text=text, suggestion=s.replace(",", "."))
    m = re.fullmatch(r"([+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+),([0-9]+)", s)
    if m:  # 1.250.000,5: Indonesian grouping and decimal comma together
        raise ScalarError("angka.koma_desimal", text=text, suggestion=m.group(1).replace(".", "") + "." + m.group(2))
    _refuse_number_forms(text, s, whole=False)
    raise ScalarError("angka.desimal", text=text)


def _ambiguous(text: str, s: str) -> ScalarError:
    sign = "-" if s.startswith("-") else ""
    whole_part, _, frac = s.lstrip("+-").replace(",", ".").partition(".")
    decimal = _plain_decimal(Decimal(f"{whole_part}.{frac}"))
    if "." in decimal and len(decimal.partition(".")[2]) == 3:
        decimal += "0"
    return ScalarError(
        "angka.ribuan_atau_desimal", text=text, thousands=sign + whole_part + frac, decimal=sign + decimal
    )


def to_float(text: str) -> float:
    """A decimal for a ``float`` field: as :func:`to_decimal`, and only if a double holds it exactly."""
    value = to_decimal(text)
    digits = len(value.normalize().as_tuple().digits)
    if digits > FLOAT_DIGITS:
        raise ScalarError("angka.terlalu_teliti", text=text, digits=FLOAT_DIGITS)
    return float(value)


def to_number(text: str) -> int | float:
    """A quantity that may be whole or not: ``24`` stays the int 24 (printed "24"), ``38.6`` a float."""
    s = text.strip()
    if _INT.fullmatch(s) or _UNDERSCORED.fullmatch(s):
        return to_int(text)
    return to_float(text)


_TRUE = {"true", "yes", "ya", "on"}
_FALSE = {"false", "no", "tidak", "off"}


def to_bool(text: str) -> bool:
    """Yes or no: ``true``/``false``, and the words people write for them (``ya``/``tidak``, ``yes``/``no``)."""
    s = text.strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ScalarError("nilai.ya_tidak", text=text)


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_ISO_DATETIME = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}.*")
_WORDS_DATE = re.compile(r"([0-9]{1,2})\s+([A-Za-z]+)\.?\s+([0-9]{4})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")


def to_date(text: str) -> _dt.date:
    """``2025-02-03``, or ``3 Februari 2025`` as written in an official text; a date that exists, in range.

    Other ways of writing a date (``03/02/2025``, ``3 Feb 2025``) are refused with the form to write
    (``maksud Anda 2025-02-03?``): Indonesians write the day first, but a reader of the error sees it.
    """
    s = text.strip()
    m = _ISO_DATE.fullmatch(s)
    if m:
        return _checked_date(text, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _ISO_DATETIME.fullmatch(s)
    if m:
        day = _checked_date(text, int(m.group(1)), int(m.group(2)), int(m.group(3)))
        raise ScalarError("tanggal.dengan_jam", text=text, suggestion=day.isoformat())
    m = _WORDS_DATE.fullmatch(s)
    if m:
        name = m.group(2).lower()
        if name in BULAN:
            return _checked_date(text, int(m.group(3)), BULAN.index(name) + 1, int(m.group(1)))
        month = _month_from_abbreviation(name)
        if month is not None:
            _suggest_date(text, int(m.group(3)), month, int(m.group(1)))
    m = _DAY_FIRST.fullmatch(s)
    if m:
        _suggest_date(text, int(m.group(3)), int(m.group(2)), int(m.group(1)))
    raise ScalarError("tanggal.bentuk", text=text)


def _month_from_abbreviation(name: str) -> int | None:
    """``feb``, ``agt``, ``agu``, ``okt``, ``des``, ``february``: a month a person surely meant."""
    if len(name) < 3:
        return None
    for names in (BULAN, _MONTH_EN):
        hits = [i + 1 for i, full in enumerate(names) if full.startswith(name) or name == full]
        if len(hits) == 1:
            return hits[0]
    extra = {"agt": 8, "ags": 8, "okt": 10, "des": 12, "nop": 11, "pebruari": 2, "nopember": 11}
    return extra.get(name)


def _suggest_date(text: str, year: int, month: int, day: int) -> None:
    try:
        suggestion = _dt.date(year, month, day)
    except ValueError:
        return
    raise ScalarError("tanggal.bentuk.suggest", text=text, suggestion=suggestion.isoformat())


def _checked_date(text: str, year: int, month: int, day: int) -> _dt.date:
    if not 1 <= month <= 12:
        raise ScalarError("tanggal.bulan_tidak_ada", text=text)
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    if not 1 <= day <= last:
        raise ScalarError(
            "tanggal.tidak_ada",
            text=text,
            bulan=_BULAN_ID[month - 1],
            month=calendar.month_name[month],
            tahun=year,
            year=year,
            hari=last,
            days=last,
        )
    if not TAHUN_MIN <= year <= TAHUN_MAX:
        raise ScalarError("tanggal.rentang", text=text, min=TAHUN_MIN, max=TAHUN_MAX)
    return _dt.date(year, month, day)


register(
    {
        "siap.jam": (
            "harus berupa jam JJ.MM antara 00.00 dan 23.59, misalnya 09.00 atau 13.30, tertulis {text}",
            "must be a time HH.MM between 00.00 and 23.59, for example 09.00 or 13.30, found {text}",
        ),
        "siap.jam.tidak_ada": (
            "jam {text} tidak ada: jam ditulis 00.00 sampai 23.59",
            "there is no time {text}: a time is 00.00 to 23.59",
        ),
        "siap.jam.tengah_malam": (
            "jam {text} tidak ada: jam ditulis 00.00 sampai 23.59; pertemuan yang berakhir tengah malam ditulis "
            "selesai 23.59; maksud Anda 23.59?",
            "there is no time {text}: a time is 00.00 to 23.59; a meeting that ends at midnight ends at 23.59; "
            "did you mean 23.59?",
        ),
        "siap.jam.menit": (
            "menit ditulis dengan dua angka, tertulis {text}; maksud Anda {a} atau {b}?",
            "minutes are written with two digits, found {text}; did you mean {a} or {b}?",
        ),
        "siap.jam.saran": (
            "harus berupa jam JJ.MM, tertulis {text}; maksud Anda {suggestion}?",
            "must be a time HH.MM, found {text}; did you mean {suggestion}?",
        ),
        "siap.jam.zona": (
            "tulis jamnya saja (zona waktu ditulis sekali, di zona_waktu), tertulis {text}; maksud Anda {suggestion}?",
            "write the time only (the time zone is written once, in zona_waktu), found {text}; did you mean "
            "{suggestion}?",
        ),
        "siap.jam.rentang": (
            "tulis satu jam saja: jam mulai di jam_mulai dan jam selesai di jam_selesai, tertulis {text}",
            "write one time only: the start in jam_mulai and the end in jam_selesai, found {text}",
        ),
    }
)

_JAM = re.compile(r"([0-9]{1,2})(?:[.:]([0-9]{2}))?")
_JAM_ONE_DIGIT_MINUTE = re.compile(r"([0-9]{1,2})[.:]([0-9])")
_JAM_RANGE = re.compile(r"[0-9][.:]?[0-9]*\s*(?:[-–—]|s\.?\s*d\.?|sampai)\s*[0-9]", re.IGNORECASE)
#: "pukul 09.00 WIB", "09,30", "0930": a time written another way, that the hint can write plainly.
_JAM_OTHERWISE = re.compile(
    r"(?:(?:pukul|pkl\.?|jam)\s*)?([0-9]{1,2})(?:([.:,]|\s)?([0-9]{2}))?\s*(WIB|WITA|WIT)?", re.IGNORECASE
)


def to_jam(text: str) -> str:
    """A clock time as written in Indonesia, ``09.00`` (``9:30``, ``13.30`` and ``9`` too), as ``HH.MM``.

    A time that does not exist (``25:00``) or a minute of one digit (``9.3``: 09.30 or 09.03?) is
    refused; a time written with its zone, a comma or a word (``09.00 WIB``, ``09,30``, ``pukul 9``)
    gets "maksud Anda 09.00?", a span (``09.00-12.00``) says where its end goes.
    """
    s = text.strip()
    m = _JAM.fullmatch(s)
    if m:
        return _checked_jam(text, int(m.group(1)), int(m.group(2) or "0"))
    m = _JAM_ONE_DIGIT_MINUTE.fullmatch(s)
    if m:
        hour, digit = int(m.group(1)), m.group(2)
        if hour <= 23:
            raise ScalarError("siap.jam.menit", text=text, a=f"{hour:02d}.{digit}0", b=f"{hour:02d}.0{digit}")
    if _JAM_RANGE.search(s):
        raise ScalarError("siap.jam.rentang", text=text)
    m = _JAM_OTHERWISE.fullmatch(s)
    if m and (m.group(3) is not None or m.group(2) is None):
        suggestion = _checked_jam(text, int(m.group(1)), int(m.group(3) or "0"))
        raise ScalarError("siap.jam.zona" if m.group(4) else "siap.jam.saran", text=text, suggestion=suggestion)
    raise ScalarError("siap.jam", text=text)


def _checked_jam(text: str, hour: int, minute: int) -> str:
    if hour == 24 and minute == 0:  # midnight as the end of a day, as people write it on an invitation
        raise ScalarError("siap.jam.tengah_malam", text=text)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ScalarError("siap.jam.tidak_ada", text=text)
    return f"{hour:02d}.{minute:02d}"
