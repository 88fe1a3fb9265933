"""The analysis stage: every derived figure of a workspace, computed once in ``build()``.

Document builders receive this object instead of recomputing ranks, gaps, MCUA, budget and the
logframe numbering each on their own, so every document prints the same figures by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assembler.analysis.anggaran import RingkasanAnggaran, anggaran_workspace
from assembler.analysis.kesenjangan import AnalisisKesenjangan, analyse_gaps
from assembler.analysis.logframe import NomorLogframe, nomor_logframe
from assembler.analysis.prosedur import langkah_layanan, total_durasi
from assembler.models.tahap2 import IsuUtama, Kesenjangan
from assembler.models.tahap4 import Prioritas, Prosedur
from assembler.models.tahap5 import CitizenCharter, SkemaTindakan
from assembler.scoring.mcua import HasilMcua, hitung_mcua
from assembler.scoring.pemeringkatan import Pemeringkatan, rank_issues
from assembler.workspace_view import WorkspaceView


@dataclass(frozen=True)
class Analisis:
    """Derived values of a validated workspace; a field is None while its topic is absent."""

    #: Matriks Pemeringkatan of 2.1
    pemeringkatan: Pemeringkatan | None
    #: gaps of 2.3
    kesenjangan: AnalisisKesenjangan | None
    #: MCUA totals and ranks of 4.7
    mcua: HasilMcua | None
    #: budget of 5.1 (aspects from 4.7)
    anggaran: RingkasanAnggaran | None
    #: numbering of the 5.1 logframe
    logframe: NomorLogframe
    #: total duration per unit of each 4.2 procedure, before and after: layanan id -> (saat ini, perbaikan)
    durasi_prosedur: dict[str, tuple[dict[str, Decimal], dict[str, Decimal]]] = field(default_factory=dict)
    #: steps of each 5.2 service's procedure: 4.2's improved steps when 5.2 refers to them, else as typed
    prosedur_layanan: dict[str, list[str]] = field(default_factory=dict)


def analyse(view: WorkspaceView) -> Analisis:
    """Compute every derived value of ``view`` (validated: the models' checks have passed)."""
    isu = view.get(IsuUtama)
    gap = view.get(Kesenjangan)
    prioritas = view.get(Prioritas)
    prosedur = view.get(Prosedur)
    charter = view.get(CitizenCharter)
    return Analisis(
        pemeringkatan=rank_issues(isu) if isu is not None else None,
        kesenjangan=analyse_gaps(gap) if gap is not None else None,
        mcua=hitung_mcua(prioritas) if prioritas is not None else None,
        anggaran=anggaran_workspace(view),
        logframe=nomor_logframe(view.get(SkemaTindakan)),
        durasi_prosedur={
            lay.id: (total_durasi(lay.langkah_saat_ini), total_durasi(lay.langkah_perbaikan))
            for lay in (prosedur.layanan if prosedur is not None else [])
        },
        prosedur_layanan=langkah_layanan(charter, prosedur) if charter is not None else {},
    )
