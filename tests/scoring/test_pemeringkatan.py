"""Matriks Pemeringkatan (2.1): totals, dense ranks, ties, and ties resolved only by recorded rounds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assembler.models.tahap2 import IsuUtama
from assembler.scoring.pemeringkatan import rank_issues

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"

KRITERIA = [
    {"id": "urgensi", "nama": "Tingkat urgensi"},
    {"id": "cakupan", "nama": "Cakupan manfaat"},
]


def matrix(scores: dict[str, tuple[int, int]], rounds: list[dict[str, Any]] | None = None) -> IsuUtama:
    return IsuUtama.model_validate(
        {
            "kriteria": KRITERIA,
            "isu": [
                {"id": i, "rumusan": f"Rumusan {i}", "skor": {"urgensi": u, "cakupan": c}}
                for i, (u, c) in scores.items()
            ],
            "putaran_ulang": rounds or [],
        }
    )


def test_contoh_main_issue_and_recorded_tie_break() -> None:
    data = IsuUtama.model_validate(yaml.safe_load((CONTOH / "2.1-isu-utama.yaml").read_text(encoding="utf-8")))
    hasil = rank_issues(data)
    assert hasil.isu_utama == "isu-01"
    assert [(b.isu, b.total, b.peringkat, b.urutan) for b in hasil.baris] == [
        ("isu-01", 14, 1, 1),
        ("isu-03", 12, 2, 2),
        ("isu-02", 12, 2, 3),
        ("isu-04", 10, 3, 4),
        ("isu-05", 9, 4, 5),
    ]
    assert hasil.seri == [["isu-02", "isu-03"]]
    assert hasil.seri_tersisa == []
    assert hasil.putaran_terpakai == [0]
    row = hasil.baris_isu("isu-03")
    assert row is not None and row.putaran == (13,) and row.skor == {"urgensi": 4, "cakupan": 4, "kelayakan": 4}


def test_clear_winner_without_rounds() -> None:
    hasil = rank_issues(matrix({"a": (3, 3), "b": (5, 4), "c": (2, 2)}))
    assert hasil.isu_utama == "b"
    assert [(b.isu, b.total, b.peringkat) for b in hasil.baris] == [("b", 9, 1), ("a", 6, 2), ("c", 4, 3)]
    assert hasil.seri == [] and hasil.putaran_terpakai == []


def test_dense_rank_shows_ties_as_ties() -> None:
    hasil = rank_issues(matrix({"a": (5, 5), "b": (4, 4), "c": (3, 5), "d": (1, 1)}))
    assert [(b.isu, b.peringkat, b.urutan, b.seri) for b in hasil.baris] == [
        ("a", 1, 1, False),
        ("b", 2, 2, True),
        ("c", 2, 2, True),
        ("d", 3, 3, False),
    ]
    assert hasil.seri == [["b", "c"]] == hasil.seri_tersisa
    assert hasil.isu_utama == "a"  # a tie below the top does not block the main issue


def test_tied_top_without_round_has_no_main_issue_whatever_the_list_order() -> None:
    for order in (("a", "b"), ("b", "a")):
        scores = {order[0]: (4, 4), order[1]: (5, 3), "c": (1, 1)}
        hasil = rank_issues(matrix(scores))
        assert hasil.isu_utama is None
        assert hasil.seri_tersisa == [list(order)]
        assert [b.urutan for b in hasil.baris] == [1, 1, 2]


def test_round_for_other_issues_does_not_resolve_the_top() -> None:
    rounds = [{"isu": ["a", "c"], "skor": {"a": 5, "c": 1}}]
    hasil = rank_issues(matrix({"a": (4, 4), "b": (5, 3), "c": (1, 1)}, rounds))
    assert hasil.isu_utama is None
    assert hasil.putaran_terpakai == []


def test_recorded_round_resolves_the_top() -> None:
    rounds = [{"isu": ["b", "a"], "skor": {"a": 3, "b": 7}, "catatan": "pemungutan suara"}]
    hasil = rank_issues(matrix({"a": (4, 4), "b": (5, 3), "c": (1, 1)}, rounds))
    assert hasil.isu_utama == "b"
    assert [(b.isu, b.peringkat, b.urutan, b.putaran) for b in hasil.baris] == [
        ("b", 1, 1, (7,)),
        ("a", 1, 2, (3,)),
        ("c", 2, 3, ()),
    ]
    assert hasil.seri == [["a", "b"]] and hasil.seri_tersisa == []


def test_three_way_tie_resolved_by_two_recorded_rounds() -> None:
    # Round 1 puts c first but leaves a and b equal; round 2, among exactly a and b, settles them.
    rounds = [
        {"isu": ["a", "b", "c"], "skor": {"a": 4, "b": 4, "c": 6}},
        {"isu": ["a", "b"], "skor": {"a": {"urgensi": 5, "cakupan": 4}, "b": {"urgensi": 5, "cakupan": 5}}},
    ]
    hasil = rank_issues(matrix({"a": (4, 4), "b": (5, 3), "c": (3, 5), "d": (2, 2)}, rounds))
    assert hasil.isu_utama == "c"
    assert [(b.isu, b.urutan, b.putaran) for b in hasil.baris] == [
        ("c", 1, (6,)),
        ("b", 2, (4, 10)),
        ("a", 3, (4, 9)),
        ("d", 4, ()),
    ]
    assert hasil.seri == [["a", "b", "c"]]
    assert hasil.seri_semua == [["a", "b", "c"], ["a", "b"]]
    assert hasil.seri_tersisa == []
    assert hasil.putaran_terpakai == [0, 1]


def test_three_way_tie_resolved_by_one_round() -> None:
    rounds = [{"isu": ["c", "a", "b"], "skor": {"a": 2, "b": 9, "c": 5}}]
    hasil = rank_issues(matrix({"a": (4, 4), "b": (5, 3), "c": (3, 5)}, rounds))
    assert hasil.isu_utama == "b"
    assert [b.isu for b in hasil.baris] == ["b", "c", "a"]
    assert [b.urutan for b in hasil.baris] == [1, 2, 3]


def test_three_way_tie_narrowed_but_not_settled() -> None:
    rounds = [{"isu": ["a", "b", "c"], "skor": {"a": 6, "b": 6, "c": 1}}]
    hasil = rank_issues(matrix({"a": (4, 4), "b": (5, 3), "c": (3, 5)}, rounds))
    assert hasil.isu_utama is None
    assert hasil.seri_tersisa == [["a", "b"]]
    assert [(b.isu, b.urutan) for b in hasil.baris] == [("a", 1), ("b", 1), ("c", 2)]


def test_partial_round_on_a_three_way_tie_is_not_used() -> None:
    # A round holding only two of the three tied issues cannot decide the position: it is ignored.
    rounds = [{"isu": ["a", "b"], "skor": {"a": 1, "b": 2}}]
    hasil = rank_issues(matrix({"a": (4, 4), "b": (5, 3), "c": (3, 5)}, rounds))
    assert hasil.isu_utama is None
    assert hasil.putaran_terpakai == []
    assert hasil.seri_tersisa == [["a", "b", "c"]]
