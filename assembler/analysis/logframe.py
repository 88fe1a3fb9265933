"""One numbering of the 5.1 Smart Logframe, used by every document that shows it.

The Smart Logframe attachment numbers hierarchically (Tujuan 1, Sasaran 1.1, Keluaran 1.1.1,
Kegiatan 1.1.1.1); the Draft STPP and the working paper of Tahap 5 print the same numbers, so a
reader of the DPRD print file finds "Keluaran 1.1.1" under one name in every part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assembler.models.tahap5 import SkemaTindakan


@dataclass(frozen=True)
class NomorLogframe:
    """Number and level name (Tujuan, Sasaran, Keluaran, Kegiatan) of every logframe element, by id."""

    nomor: dict[str, str] = field(default_factory=dict)
    tingkat: dict[str, str] = field(default_factory=dict)

    def label(self, kode: str) -> str:
        """'Keluaran 1.1.1': the level and number an element is cited by in every document."""
        return f"{self.tingkat[kode]} {self.nomor[kode]}"


def nomor_logframe(skema: SkemaTindakan | None) -> NomorLogframe:
    """Number the elements of ``skema`` in logframe order (empty while 5.1 is absent)."""
    hasil = NomorLogframe()
    if skema is None:
        return hasil

    def put(kode: str, tingkat: str, nomor: str) -> None:
        hasil.nomor[kode] = nomor
        hasil.tingkat[kode] = tingkat

    tujuan = skema.tujuan
    put(tujuan.id, "Tujuan", "1")
    for i, ss in enumerate(tujuan.sasaran, 1):
        put(ss.id, "Sasaran", f"1.{i}")
        for j, kl in enumerate(ss.keluaran, 1):
            put(kl.id, "Keluaran", f"1.{i}.{j}")
            for k, kg in enumerate(kl.kegiatan, 1):
                put(kg.id, "Kegiatan", f"1.{i}.{j}.{k}")
    return hasil
