"""The 21 topics of the guide and their files: what a topic is, below every model.

The topics' ids, file names and titles are written once, in ``assembler/content/topik.yaml`` beside
the guide's facts of each topic; the model of each topic names its topic (``TOPIK_ID``), collected in
``assembler.models.registry``; the rest of a topic's code is in ``assembler.documents.topik``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from assembler.resources import CONTENT_DIR

STPP_FILE = "stpp.yaml"


@dataclass(frozen=True)
class Topik:
    """One topic (Topik) of one stage (Tahap) of the STPP guide."""

    id: str
    tahap: int
    file: str
    judul: str


TAHAP_JUDUL: dict[int, str] = {
    1: "Persiapan dan Pengenalan",
    2: "Analisis Isu Strategis",
    3: "Analisis Kebutuhan",
    4: "Analisis Peningkatan Kapasitas Pelayanan PDAM",
    5: "Perumusan Skema Tindakan Peningkatan Pelayanan",
    6: "Pengawalan Pelaksanaan",
    7: "Monev dan Replikasi",
}


def _baca_topik() -> tuple[Topik, ...]:
    """The topics of ``content/topik.yaml`` (id, file, title), in its order: the guide's.

    Only these three keys are read here, from libyaml's events without building the rest of the
    file (the guide's facts, most of its 100 KB), so this module stays below the models and every
    ``siap`` command starts faster; the whole file (guide facts, duplicate keys, the file-name
    pattern) is validated by :func:`assembler.content.topik`, which ``tests/documents/test_topik.py``
    loads and compares with this tuple. Lines indented deeper than a topic's own keys are left out
    before parsing (:data:`_DEEPER`): they hold the facts' contents, 90 % of the file, and parsing
    them cost ~6 ms of each command; a topic's ``judul`` and ``berkas`` are one-line values.
    """
    text = _DEEPER.sub("", (CONTENT_DIR / "topik.yaml").read_text(encoding="utf-8"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        rows = _topik_rows(iter(loader.get_event, None))
    finally:
        loader.dispose()
    return tuple(Topik(tid, int(tid.split(".")[0]), isi["berkas"], isi["judul"]) for tid, isi in rows)


#: A line indented by five spaces or more: inside a topic's value (``  "1.1":``, ``    judul: ...``),
#: never a key of it. Without them the facts read as empty values and the structure stays YAML.
_DEEPER = re.compile(r"^ {5,}.*\n", re.MULTILINE)


def _topik_rows(events: Iterator[yaml.Event]) -> list[tuple[str, dict[str, str]]]:
    """(id, {"judul", "berkas"}) of each entry of the top-level ``topik`` mapping, from parser events."""
    rows: list[tuple[str, dict[str, str]]] = []
    for event in events:  # the stream and document starts, up to the top-level mapping
        if isinstance(event, yaml.MappingStartEvent):
            break
    for top_key in events:  # the top-level keys, each value before "topik" skipped whole
        if isinstance(top_key, yaml.ScalarEvent) and top_key.value == "topik":
            break
        if isinstance(top_key, yaml.MappingEndEvent):
            raise ValueError("topik.yaml: tanpa kunci 'topik'")
        _skip(next(events), events)
    if not isinstance(next(events), yaml.MappingStartEvent):
        raise ValueError("topik.yaml: 'topik' harus berupa pemetaan")
    for key in events:
        if isinstance(key, yaml.MappingEndEvent):
            return rows
        if not isinstance(key, yaml.ScalarEvent) or not isinstance(next(events), yaml.MappingStartEvent):
            raise ValueError("topik.yaml: setiap topik harus berupa pemetaan dengan id sebagai kunci")
        isi: dict[str, str] = {}
        for field_key in events:
            if isinstance(field_key, yaml.MappingEndEvent):
                break
            if not isinstance(field_key, yaml.ScalarEvent):
                raise ValueError(f"topik.yaml: topik {key.value}: kunci harus berupa teks")
            value = next(events)
            if isinstance(value, yaml.ScalarEvent):
                isi[field_key.value] = value.value
            else:
                _skip(value, events)
        if "judul" not in isi or "berkas" not in isi:
            raise ValueError(f"topik.yaml: topik {key.value} tanpa judul atau berkas")
        rows.append((key.value, isi))
    raise ValueError("topik.yaml: pemetaan 'topik' tidak ditutup")


def _skip(first: yaml.Event, events: Iterator[yaml.Event]) -> None:
    """Consume the rest of the node that starts with ``first`` (a scalar or alias is whole already)."""
    depth = 1 if isinstance(first, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) else 0
    while depth:
        event = next(events)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


#: The 21 topics of the guide, in its order (from ``content/topik.yaml``).
TOPIK: tuple[Topik, ...] = _baca_topik()

BY_ID: dict[str, Topik] = {t.id: t for t in TOPIK}
BY_FILE: dict[str, Topik] = {t.file: t for t in TOPIK}
