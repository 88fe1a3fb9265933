"""Duration totals of a 4.2 service procedure (Rancangan Bagan Alir), shared by the flowchart and the working paper.

Durations are summed per unit. Minutes and hours combine exactly (an hour is 60 minutes), so both
are carried as minutes and printed as ``2 jam 30 menit``. Working days and calendar days are never
converted: a 'hari kerja' is not a fixed number of hours or calendar days, so each stays its own total.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from assembler import idfmt

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

    from assembler.models.tahap4 import Langkah, Prosedur
    from assembler.models.tahap5 import CitizenCharter

#: Units that convert to minutes, and by how much.
MENIT_PER_SATUAN = {"menit": Decimal(1), "jam": Decimal(60)}
#: The order of the parts in :func:`teks_total`.
URUTAN_SATUAN = ("hari", "hari kerja", "menit")


def total_durasi(langkah: Iterable[Langkah]) -> dict[str, Decimal]:
    """Durations summed per unit: key ``menit`` (minutes and hours), ``hari kerja`` and ``hari``."""
    total: dict[str, Decimal] = {}
    for s in langkah:
        nilai = Decimal(str(s.durasi.nilai))
        if s.durasi.satuan in MENIT_PER_SATUAN:
            total["menit"] = total.get("menit", Decimal(0)) + nilai * MENIT_PER_SATUAN[s.durasi.satuan]
        else:
            total[s.durasi.satuan] = total.get(s.durasi.satuan, Decimal(0)) + nilai
    return total


def teks_satuan(total: dict[str, Decimal], satuan: str) -> str:
    """One unit of a total (0 when absent): ``14 hari kerja``; minutes as ``2 jam 30 menit``."""
    nilai = total.get(satuan, Decimal(0))
    if satuan != "menit":
        return f"{idfmt.angka(nilai)} {satuan}"
    jam, menit = divmod(nilai, 60)
    bagian = []
    if jam:
        bagian.append(f"{idfmt.angka(jam)} jam")
    if menit or not jam:
        bagian.append(f"{idfmt.angka(menit)} menit")
    return " ".join(bagian)


def teks_total(total: dict[str, Decimal]) -> str:
    """The whole total in one line: ``2 hari + 14 hari kerja + 2 jam 30 menit``; ``0 menit`` when empty."""
    return " + ".join(teks_satuan(total, u) for u in URUTAN_SATUAN if u in total) or "0 menit"


def teks_durasi(nilai: float | Decimal, satuan: str) -> str:
    """One step's duration as printed: ``2 hari kerja``, ``30 menit``."""
    return f"{idfmt.angka(Decimal(str(nilai)))} {satuan}"


def langkah_layanan(charter: CitizenCharter, prosedur: Prosedur | None) -> dict[str, list[str]]:
    """The procedure of each 5.2 service as printed: 4.2's improved steps when it refers to one, else as typed.

    The procedure is entered once (issue 11): a Citizen Charter that names ``prosedur`` prints the steps,
    who does them and how long each takes from topic 4.2, so the two documents cannot disagree.
    """
    layanan = {lay.id: lay for lay in (prosedur.layanan if prosedur is not None else [])}
    out: dict[str, list[str]] = {}
    for s in charter.standar_pelayanan:
        lay = layanan.get(s.prosedur) if s.prosedur else None
        if lay is None:
            out[s.id] = list(s.sistem_mekanisme_prosedur)
            continue
        out[s.id] = [
            f"{step.uraian.strip().rstrip('.;')} ({step.pelaku}, {teks_durasi(step.durasi.nilai, step.durasi.satuan)})"
            for step in lay.langkah_perbaikan
        ]
    return out
