"""The 21 topics of the guide and their files: what a topic is, below every model.

The topics' ids, file names and titles are written once, in ``assembler/content/topik.yaml`` beside
the guide's facts of each topic; the model of each topic names its topic (``TOPIK_ID``), collected in
``assembler.models.registry``; the rest of a topic's code is in ``assembler.documents.topik``.
"""

from __future__ import annotations

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

    Only these three keys are read here, with the plain safe loader, so this module stays below the
    models; the whole file (guide facts, duplicate keys, the file-name pattern) is validated by
    :func:`assembler.content.topik`, which ``tests/documents/test_topik.py`` loads.
    """
    with (CONTENT_DIR / "topik.yaml").open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(
        Topik(str(tid), int(str(tid).split(".")[0]), str(isi["berkas"]), str(isi["judul"]))
        for tid, isi in data["topik"].items()
    )


#: The 21 topics of the guide, in its order (from ``content/topik.yaml``).
TOPIK: tuple[Topik, ...] = _baca_topik()

BY_ID: dict[str, Topik] = {t.id: t for t in TOPIK}
BY_FILE: dict[str, Topik] = {t.file: t for t in TOPIK}
