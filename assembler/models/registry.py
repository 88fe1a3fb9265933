"""Which model validates which topic, found from the models themselves.

A topic's model says which topic it is (``TOPIK_ID: ClassVar[str] = "2.1"``, beside its fields); this
module collects those classes from the stage modules, imported by name (no module is loaded from a
string). ``assembler.topics`` holds what a topic *is* (id, stage, file, title) and sits below the
models; this table sits just above them, so validation, ``siap init``, ``siap schema`` and the Excel
forms find a topic's model without a second list to keep in step.
"""

from __future__ import annotations

from types import ModuleType

from assembler.models import tahap1, tahap2, tahap3, tahap4, tahap5, tahap6, tahap7
from assembler.models.base import SiapModel
from assembler.topics import TOPIK

#: The modules holding the topic models (one per stage of the guide).
STAGE_MODULES: tuple[ModuleType, ...] = (tahap1, tahap2, tahap3, tahap4, tahap5, tahap6, tahap7)


def _topic_models() -> dict[str, type[SiapModel]]:
    """Topic id -> model, in the guide's order; a topic without a model, or with two, fails at import."""
    found: dict[str, type[SiapModel]] = {}
    for module in STAGE_MODULES:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, SiapModel) and "TOPIK_ID" in value.__dict__:
                tid: str = value.__dict__["TOPIK_ID"]
                if found.get(tid, value) is not value:
                    raise RuntimeError(f"topik {tid}: dua model ({found[tid].__name__}, {value.__name__})")
                found[tid] = value
    missing = [t.id for t in TOPIK if t.id not in found]
    unknown = sorted(set(found) - {t.id for t in TOPIK})
    if missing or unknown:
        raise RuntimeError(f"model topik: tanpa model {missing}, TOPIK_ID tak dikenal {unknown}")
    return {t.id: found[t.id] for t in TOPIK}


#: topic id -> the model of its file, in the guide's order
MODELS: dict[str, type[SiapModel]] = _topic_models()

#: model class -> its topic id (the reverse of MODELS)
TOPIC_OF: dict[type[SiapModel], str] = {cls: tid for tid, cls in MODELS.items()}


def topic_id(cls: type[SiapModel]) -> str:
    """The topic id whose file ``cls`` validates."""
    return TOPIC_OF[cls]
