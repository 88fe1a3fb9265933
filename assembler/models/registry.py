"""Which model validates which topic: imported directly, so a type checker and a reader can follow it.

``assembler.topics`` holds what a topic *is* (id, stage, file, title) and sits below the models
(tahap1 checks the work calendar against it); this table binds each topic id to its model class and
sits just above the models.
"""

from __future__ import annotations

from typing import TypeVar

from assembler.models.base import SiapModel
from assembler.models.tahap1 import KalenderKerja, StakeholderPokja
from assembler.models.tahap2 import IsuUtama, Kesenjangan, Regulasi
from assembler.models.tahap3 import AkarMasalah, KebutuhanTeknisManajemen
from assembler.models.tahap4 import KapasitasTeknis, Kebijakan, Keuangan, Organisasi, Personil, Prioritas, Prosedur
from assembler.models.tahap5 import CitizenCharter, Kesepakatan, SkemaTindakan
from assembler.models.tahap6 import IntegrasiCorporatePlan, Pelaksanaan
from assembler.models.tahap7 import DokumentasiReplikasi, Monev

M = TypeVar("M", bound=SiapModel)

#: topic id -> the model of its file, in the guide's order
MODELS: dict[str, type[SiapModel]] = {
    "1.1": StakeholderPokja,
    "1.2": KalenderKerja,
    "2.1": IsuUtama,
    "2.2": Regulasi,
    "2.3": Kesenjangan,
    "3.1": KebutuhanTeknisManajemen,
    "3.2": AkarMasalah,
    "4.1": KapasitasTeknis,
    "4.2": Prosedur,
    "4.3": Kebijakan,
    "4.4": Personil,
    "4.5": Organisasi,
    "4.6": Keuangan,
    "4.7": Prioritas,
    "5.1": SkemaTindakan,
    "5.2": CitizenCharter,
    "5.3": Kesepakatan,
    "6.1": IntegrasiCorporatePlan,
    "6.2": Pelaksanaan,
    "7.1": Monev,
    "7.2": DokumentasiReplikasi,
}

#: model class -> its topic id (the reverse of MODELS)
TOPIC_OF: dict[type[SiapModel], str] = {cls: tid for tid, cls in MODELS.items()}


def topic_id(cls: type[SiapModel]) -> str:
    """The topic id whose file ``cls`` validates."""
    return TOPIC_OF[cls]
