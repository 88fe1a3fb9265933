"""What the topics of stage 5 (and 6-7) share: the ``YYYY-MM`` month, quantities, teams, schedules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from assembler import messages
from assembler.models.base import (
    Finding,
    Loc,
)
from assembler.scalars import TAHUN_MAX, TAHUN_MIN

if TYPE_CHECKING:  # pragma: no cover
    pass

messages.register(
    {
        "siap.bulan.rentang": (
            "tahun pada bulan {input} harus antara {min} dan {max}",
            "the year of the month {input} must be between {min} and {max}",
        ),
        "siap.bulan": (
            "harus berupa bulan dalam bentuk 'YYYY-MM' (misalnya '2026-03'), tertulis {input}",
            "must be a month written 'YYYY-MM' (e.g. '2026-03'), found {input}",
        ),
    }
)


BULAN_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


def _bulan(value: Any) -> str:
    """Accept only ``YYYY-MM`` in the years a plan can have; a full date or a bare year gets its own message.

    A schedule from 0001-01 to 9999-12 would be a hundred thousand months in every timeline.
    """
    if isinstance(value, str) and re.match(BULAN_PATTERN, value.strip()):
        if not TAHUN_MIN <= int(value.strip()[:4]) <= TAHUN_MAX:
            raise PydanticCustomError("siap.bulan.rentang", "year out of range", {"min": TAHUN_MIN, "max": TAHUN_MAX})
        return value.strip()
    raise PydanticCustomError("siap.bulan", "month must be YYYY-MM", {"input": str(value)})


#: A month of a plan, ``YYYY-MM``. Strings of this shape sort chronologically.
Bulan = Annotated[str, PlainValidator(_bulan), WithJsonSchema({"type": "string", "pattern": BULAN_PATTERN})]

#: A measured quantity: whole numbers stay ``int`` so documents print "24", not "24.0".
Angka = int | float

SumberDana = Literal["APBD", "APBN/DAK", "PDAM (RKAP)", "Hibah/CSR", "Swasta (KPBU)"]
#: Display order of funding sources in budget summaries (the order of the Literal above).
SUMBER_DANA: tuple[str, ...] = get_args(SumberDana)

SatuanWaktu = Literal["menit", "jam", "hari kerja", "hari kalender", "minggu", "bulan"]

#: Roles inside the small teams of stages 6-7 (Tim Perumus, Tim Monev, Tim Penulis).
PeranTim = Literal["Ketua", "Wakil Ketua", "Sekretaris", "Penyunting", "Anggota"]

#: The PermenPANRB 15/2014 maklumat sentence, as the real samples (mk01-mk03) print it.
MAKLUMAT_BAKU = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang "
    "telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai "
    "peraturan perundang-undangan yang berlaku."
)

# --------------------------------------------------------------------------- shared helpers


def check_jadwal(mulai: str, selesai: str, loc: Loc, code: str) -> Iterator[Finding]:
    """An inverted schedule, reported on the ``selesai`` line where the user will fix it."""
    if mulai > selesai:
        yield Finding(loc=(*loc, "selesai"), code=code, params={"mulai": mulai, "selesai": selesai})


def check_tim(rows: list[Any], loc: Loc, code_ketua: str, code_ganda: str, tim: str) -> Iterator[Finding]:
    """A team (Tim Perumus/Monev/Penulis) has exactly one Ketua and lists nobody twice.

    ``rows`` are objects with ``anggota`` and ``peran``.
    """
    ketua = sum(1 for r in rows if r.peran == "Ketua")
    if ketua != 1:
        yield Finding(loc=loc, code=code_ketua, params={"tim": tim, "jumlah": ketua})
    seen: set[str] = set()
    for i, row in enumerate(rows):
        if row.anggota in seen:
            yield Finding(loc=(*loc, i, "anggota"), code=code_ganda, params={"anggota": row.anggota, "tim": tim})
        seen.add(row.anggota)

