"""The analysis stage: every derived figure of a workspace, computed once in ``build()``.

Document builders receive this object instead of recomputing ranks, gaps, MCUA, budget and the
logframe numbering each on their own, so every document prints the same figures by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

from assembler.analysis.anggaran import RingkasanAnggaran, anggaran_workspace
from assembler.analysis.kesenjangan import AnalisisKesenjangan, analyse_gaps
from assembler.analysis.logframe import NomorLogframe, nomor_logframe
from assembler.models.tahap2 import IsuUtama, Kesenjangan
from assembler.models.tahap4 import Prioritas
from assembler.models.tahap5 import SkemaTindakan
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


def analyse(view: WorkspaceView) -> Analisis:
    """Compute every derived value of ``view`` (validated: the models' checks have passed)."""
    isu = view.get(IsuUtama)
    gap = view.get(Kesenjangan)
    prioritas = view.get(Prioritas)
    return Analisis(
        pemeringkatan=rank_issues(isu) if isu is not None else None,
        kesenjangan=analyse_gaps(gap) if gap is not None else None,
        mcua=hitung_mcua(prioritas) if prioritas is not None else None,
        anggaran=anggaran_workspace(view),
        logframe=nomor_logframe(view.get(SkemaTindakan)),
    )
