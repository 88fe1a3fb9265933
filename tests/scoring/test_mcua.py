"""MCUA of 4.7: weighted sums, ranks per aspect and overall, ties and recorded tie-break rounds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assembler.messages import format_message
from assembler.models.tahap4 import Aspek, Prioritas
from assembler.scoring.mcua import ASPEK, NilaiPutaran, Peringkat, hitung_mcua, jumlah_terbobot
from assembler.workspace_view import WorkspaceView

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "contoh"

KRITERIA = [
    {"id": "a", "nama": "Kriteria A", "bobot": 60},
    {"id": "b", "nama": "Kriteria B", "bobot": 40},
]


def tindakan(tid: str, aspek: str, a: int, b: int) -> dict[str, Any]:
    t: dict[str, Any] = {"id": tid, "nama": f"Tindakan {tid}", "aspek": aspek, "skor": {"a": a, "b": b}}
    if aspek == "manajemen":
        t["sub_aspek"] = "prosedur"
    return t


def prioritas(daftar: list[dict[str, Any]], putaran: list[dict[str, Any]] | None = None) -> Prioritas:
    model = Prioritas.model_validate({"kriteria": KRITERIA, "tindakan": daftar, "putaran_ulang": putaran or []})
    # Analyses only ever see models whose checks found no error.
    errors = [f for f in model.checks(WorkspaceView(stpp=None, topics={})) if f.severity == "error"]
    assert errors == []
    return model


def ringkas(baris: tuple[Peringkat, ...]) -> list[tuple[str, int, int, bool]]:
    return [(p.tindakan, p.total, p.peringkat, p.seri) for p in baris]


def test_aspects_match_the_model() -> None:
    from typing import get_args

    assert get_args(Aspek) == ASPEK


def test_weighted_sum() -> None:
    assert jumlah_terbobot({"a": 60, "b": 40}, {"a": 3, "b": 5}) == 380
    hasil = hitung_mcua(prioritas([tindakan("t1", "teknis", 3, 5)]))
    assert hasil.nilai["t1"].total == 380
    assert hasil.nilai["t1"].rincian == {"a": 180, "b": 200}


def test_rank_within_aspect_and_overall() -> None:
    hasil = hitung_mcua(
        prioritas(
            [
                tindakan("t1", "teknis", 3, 3),  # 300
                tindakan("t2", "teknis", 5, 4),  # 460
                tindakan("f1", "finansial", 4, 4),  # 400
                tindakan("m1", "manajemen", 5, 5),  # 500
            ]
        )
    )
    assert ringkas(hasil.per_aspek["teknis"]) == [("t2", 460, 1, False), ("t1", 300, 2, False)]
    assert ringkas(hasil.per_aspek["finansial"]) == [("f1", 400, 1, False)]
    assert [p.tindakan for p in hasil.keseluruhan] == ["m1", "t2", "f1", "t1"]
    assert [p.peringkat for p in hasil.keseluruhan] == [1, 2, 3, 4]
    assert hasil.seri_per_aspek == {"teknis": (), "finansial": (), "manajemen": ()}


def test_tie_is_reported_and_shares_rank() -> None:
    daftar = [
        tindakan("t1", "teknis", 5, 5),  # 500
        tindakan("t3", "teknis", 4, 2),  # 320
        tindakan("t2", "teknis", 2, 5),  # 320
        tindakan("t4", "teknis", 1, 1),  # 100
    ]
    hasil = hitung_mcua(prioritas(daftar))
    assert ringkas(hasil.per_aspek["teknis"]) == [
        ("t1", 500, 1, False),
        ("t2", 320, 2, True),
        ("t3", 320, 2, True),
        ("t4", 100, 4, False),
    ]
    assert hasil.seri_per_aspek["teknis"] == (("t2", "t3"),)
    assert hasil.seri_keseluruhan == (("t2", "t3"),)


def test_list_order_never_breaks_a_tie() -> None:
    a = [tindakan("t1", "teknis", 4, 2), tindakan("t2", "teknis", 2, 5)]
    hasil_a = hitung_mcua(prioritas(a))
    hasil_b = hitung_mcua(prioritas(list(reversed(a))))
    assert hasil_a.per_aspek == hasil_b.per_aspek
    assert {p.peringkat for p in hasil_a.per_aspek["teknis"]} == {1}


def test_tie_resolved_by_recorded_round() -> None:
    daftar = [tindakan("t1", "teknis", 4, 2), tindakan("t2", "teknis", 2, 5), tindakan("t3", "teknis", 1, 1)]
    putaran = [
        {
            "tindakan": ["t1", "t2"],
            "kriteria": [{"id": "x", "nama": "Kesegeraan", "bobot": 100}],
            "skor": {"t1": {"x": 2}, "t2": {"x": 4}},
        }
    ]
    hasil = hitung_mcua(prioritas(daftar, putaran))
    baris = hasil.per_aspek["teknis"]
    assert ringkas(baris) == [("t2", 320, 1, False), ("t1", 320, 2, False), ("t3", 100, 3, False)]
    assert baris[0].putaran == (NilaiPutaran(indeks=0, total=400),)
    assert baris[1].putaran == (NilaiPutaran(indeks=0, total=200),)
    assert baris[2].putaran == ()
    assert hasil.seri_per_aspek["teknis"] == ()


def test_round_reuses_first_round_criteria_when_none_given() -> None:
    daftar = [tindakan("t1", "teknis", 4, 2), tindakan("t2", "teknis", 2, 5)]
    putaran = [{"tindakan": ["t1", "t2"], "skor": {"t1": {"a": 5, "b": 5}, "t2": {"a": 4, "b": 4}}}]
    baris = hitung_mcua(prioritas(daftar, putaran)).per_aspek["teknis"]
    assert [(p.tindakan, p.putaran) for p in baris] == [
        ("t1", (NilaiPutaran(0, 500),)),
        ("t2", (NilaiPutaran(0, 400),)),
    ]


def test_round_that_ties_again_leaves_a_tie_until_a_later_round() -> None:
    # Three-way tie; round 0 separates t3 and leaves t1/t2 tied; round 1 orders t1/t2.
    daftar = [tindakan("t1", "finansial", 4, 2), tindakan("t2", "finansial", 2, 5), tindakan("t3", "finansial", 2, 5)]
    ronde0 = {
        "tindakan": ["t1", "t2", "t3"],
        "skor": {"t1": {"a": 3, "b": 3}, "t2": {"a": 3, "b": 3}, "t3": {"a": 5, "b": 5}},
    }
    hasil = hitung_mcua(prioritas(daftar, [ronde0]))
    assert ringkas(hasil.per_aspek["finansial"]) == [
        ("t3", 320, 1, False),
        ("t1", 320, 2, True),
        ("t2", 320, 2, True),
    ]
    assert hasil.seri_per_aspek["finansial"] == (("t1", "t2"),)
    ronde1 = {"tindakan": ["t2", "t1"], "skor": {"t1": {"a": 1, "b": 1}, "t2": {"a": 2, "b": 2}}}
    hasil = hitung_mcua(prioritas(daftar, [ronde0, ronde1]))
    baris = hasil.per_aspek["finansial"]
    assert ringkas(baris) == [("t3", 320, 1, False), ("t2", 320, 2, False), ("t1", 320, 3, False)]
    assert baris[1].putaran == (NilaiPutaran(0, 300), NilaiPutaran(1, 200))


def test_round_must_cover_the_whole_tie() -> None:
    # Overall, t1, t2 and m1 tie; the round between t1 and t2 cannot order m1 against them.
    daftar = [tindakan("t1", "teknis", 4, 2), tindakan("t2", "teknis", 2, 5), tindakan("m1", "manajemen", 4, 2)]
    putaran = [{"tindakan": ["t1", "t2"], "skor": {"t1": {"a": 5, "b": 5}, "t2": {"a": 1, "b": 1}}}]
    hasil = hitung_mcua(prioritas(daftar, putaran))
    assert ringkas(hasil.per_aspek["teknis"]) == [("t1", 320, 1, False), ("t2", 320, 2, False)]
    assert ringkas(hasil.keseluruhan) == [("m1", 320, 1, True), ("t1", 320, 1, True), ("t2", 320, 1, True)]
    assert hasil.seri_keseluruhan == (("m1", "t1", "t2"),)


def test_inconsistent_weights_rejected_by_the_model_check() -> None:
    kriteria = [dict(k) for k in KRITERIA]
    kriteria[1]["bobot"] = 45
    model = Prioritas.model_validate({"kriteria": kriteria, "tindakan": [tindakan("t1", "teknis", 3, 3)]})
    found = list(model.checks(WorkspaceView(stpp=None, topics={})))
    assert [(f.loc, format_message(f.code, f.params)) for f in found] == [
        (("kriteria",), "jumlah bobot kriteria 105, seharusnya 100")
    ]


def test_contoh_priorities() -> None:
    data = yaml.safe_load((CONTOH / "4.7-prioritas.yaml").read_text(encoding="utf-8"))
    hasil = hitung_mcua(Prioritas.model_validate(data))
    assert ringkas(hasil.per_aspek["teknis"]) == [
        ("tk-01", 430, 1, False),
        ("tk-02", 380, 2, False),
        ("tk-03", 310, 3, False),
    ]
    assert ringkas(hasil.per_aspek["finansial"]) == [("fn-02", 400, 1, False), ("fn-01", 350, 2, False)]
    # mj-02 and mj-04 tie at 410 in the first round; the recorded round puts mj-04 first.
    assert ringkas(hasil.per_aspek["manajemen"]) == [
        ("mj-01", 450, 1, False),
        ("mj-03", 420, 2, False),
        ("mj-04", 410, 3, False),
        ("mj-02", 410, 4, False),
    ]
    assert hasil.per_aspek["manajemen"][2].putaran == (NilaiPutaran(0, 460),)
    assert [p.tindakan for p in hasil.keseluruhan] == [
        "mj-01",
        "tk-01",
        "mj-03",
        "mj-04",
        "mj-02",
        "fn-02",
        "tk-02",
        "fn-01",
        "tk-03",
    ]
    assert hasil.seri_keseluruhan == ()
