"""Pictures drawn ahead by worker processes give the very bytes a one-after-another build gives."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest

from assembler.build import build
from assembler.pictures import common
from assembler.validate import validate_workspace
from tests.conftest import CONTOH

#: Documents with pictures of every kind: Graphviz (Pokja, flowcharts) and matplotlib (Bagan Bawang, gaps).
WITH_PICTURES = ["sk-pokja", "best-practice", "draft-stpp", "kertas-kerja-tahap-4"]

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin",
    reason="pictures are drawn ahead only where fork exists and is safe",
)


def _files(out: Path) -> dict[str, bytes]:
    """Every file of the package (documents, manifest, the state folder's bases) and OUT.zip beside it."""
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    files["OUT.zip"] = out.with_name(out.name + ".zip").read_bytes()
    return files


@needs_fork
def test_parallel_and_serial_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers draw, render, normalize and compress each document for OUT.zip: not one byte differs."""
    from assembler import docxnorm

    monkeypatch.setenv("SIAP_JOBS", "1")
    build(CONTOH, tmp_path / "serial", WITH_PICTURES)
    common._MEMO.clear()
    docxnorm._DEFLATED.clear()  # OUT.zip's compressed documents come from the workers, not this cache
    monkeypatch.setenv("SIAP_JOBS", "2")
    build(CONTOH, tmp_path / "parallel", WITH_PICTURES)
    serial, parallel = _files(tmp_path / "serial"), _files(tmp_path / "parallel")
    assert list(serial) == list(parallel)
    assert any(name.startswith(".siap") for name in serial)
    for name in serial:
        assert parallel[name] == serial[name], name


@needs_fork
def test_the_workers_draw_what_the_documents_need(monkeypatch: pytest.MonkeyPatch) -> None:
    """After drawing ahead every picture is remembered (the plan pass itself only holds placeholders)."""
    monkeypatch.setenv("SIAP_JOBS", "2")
    view = validate_workspace(CONTOH).view()
    from assembler.pictures import grafik_kesenjangan, struktur_pokja

    common.draw_ahead(lambda: (struktur_pokja(view.topic("1.1")), grafik_kesenjangan(view.topic("2.3"))))
    assert len(common._MEMO) == 2
    monkeypatch.setenv("SIAP_JOBS", "1")
    remembered = dict(common._MEMO)
    common._MEMO.clear()
    assert common._PLACEHOLDER not in remembered.values()
    assert struktur_pokja(view.topic("1.1")) in remembered.values()
    assert grafik_kesenjangan(view.topic("2.3")) in remembered.values()


def test_one_job_draws_nothing_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIAP_JOBS", "1")
    view = validate_workspace(CONTOH).view()
    from assembler.pictures import grafik_kesenjangan

    common.draw_ahead(lambda: grafik_kesenjangan(view.topic("2.3")))
    assert common._MEMO == {}


@needs_fork
def test_a_picture_that_fails_in_a_worker_fails_in_the_real_pass_with_its_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Graphviz missing: the workers give up quietly, the serial pass raises the user's message."""
    monkeypatch.setenv("SIAP_JOBS", "2")
    monkeypatch.setenv("PATH", "")
    view = validate_workspace(CONTOH).view()
    from assembler.pictures import GraphvizTidakAdaError, bagan_alir_prosedur, struktur_pokja

    layanan = view.topic("4.2").layanan[0]
    common.draw_ahead(lambda: (struktur_pokja(view.topic("1.1")), bagan_alir_prosedur(layanan)))
    assert common._MEMO == {}
    with pytest.raises(GraphvizTidakAdaError):
        struktur_pokja(view.topic("1.1"))


@needs_fork
def test_planning_keeps_what_got_real_pictures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A planned result is final only when no placeholder stood in for a picture in it (then the real
    pass is skipped): one needing an undrawn picture is None, one whose pictures are cached is kept."""
    monkeypatch.setenv("SIAP_JOBS", "2")
    monkeypatch.setenv("SIAP_CACHE_DIR", str(tmp_path))
    view = validate_workspace(CONTOH).view()
    from assembler.pictures import grafik_kesenjangan, struktur_pokja

    def plan() -> list[object]:
        return [
            common.final_or_none(lambda: "no picture"),
            common.final_or_none(lambda: struktur_pokja(view.topic("1.1"))),
            common.final_or_none(lambda: 1 / 0),
        ]

    assert common.draw_ahead(plan)[0] == ["no picture", None, None]
    drawn = struktur_pokja(view.topic("1.1"))
    common._MEMO.clear()  # as a new build: the picture is now only in the disk cache
    planned, _more = common.draw_ahead(plan)
    assert planned == ["no picture", drawn, None]
    assert common.draw_ahead(lambda: common.final_or_none(lambda: grafik_kesenjangan(view.topic("2.3"))))[0] is None
    monkeypatch.setenv("SIAP_JOBS", "1")
    assert common.draw_ahead(plan) == (None, None)  # nothing planned: every context is made by the real pass


@needs_fork
def test_the_workers_go_on_with_the_work_made_from_the_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """``also``: work made from the planned results runs in the same workers; an item that fails comes
    back as None (the caller redoes it and reports); an item that waits for a planned call's pictures
    runs after them, in a worker that has them, and one waiting for a call that failed is not run."""
    monkeypatch.setenv("SIAP_JOBS", "2")
    view = validate_workspace(CONTOH).view()
    from assembler.pictures import grafik_kesenjangan

    heard: list[tuple[str, int, int]] = []

    def plan() -> list[object]:
        return [
            common.final_or_none(lambda: grafik_kesenjangan(view.topic("2.3"))),
            "a",
            common.final_or_none(lambda: 1 / 0),
        ]

    def also(planned: list[object]) -> list[object]:
        return [
            lambda: f"{planned[1]}!",
            lambda: 1 / 0,
            common.Later(lambda: grafik_kesenjangan(view.topic("2.3"))[:8], after=0),
            common.Later(lambda: len(common._MEMO), after=0, cost=1.0),
            common.Later(lambda: "never", after=1),
            common.Later(lambda: "nor this", after=2),  # there is no third call
        ]

    planned, more = common.draw_ahead(
        plan,
        lambda n, total: heard.append(("gambar", n, total)),
        also=also,  # type: ignore[arg-type]
        also_done=lambda i, n: heard.append(("lagi", i, n)),
    )
    assert planned == [None, "a", None]
    assert more == ["a!", None, b"\x89PNG\r\n\x1a\n", 1, None, None]  # the picture drawn once, sent where needed
    assert ("gambar", 1, 1) in heard
    assert sorted(h[1] for h in heard if h[0] == "lagi") == [0, 1, 2, 3]
    assert [h[2] for h in heard if h[0] == "lagi"] == [1, 2, 3, 4]
    assert len(common._MEMO) == 1


@needs_fork
def test_work_waiting_for_pictures_starts_after_them_costliest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """One worker set for pictures and documents: the pictures the costliest work waits for are drawn
    first, and work is taken costliest first as soon as what it waits for is there."""
    from assembler import parallel

    monkeypatch.setenv("SIAP_JOBS", "2")
    view = validate_workspace(CONTOH).view()
    from assembler.pictures import grafik_kesenjangan, struktur_pokja

    def plan() -> list[object]:
        return [
            common.final_or_none(lambda: struktur_pokja(view.topic("1.1"))),
            common.final_or_none(lambda: grafik_kesenjangan(view.topic("2.3"))),
        ]

    order: list[str] = []
    monkeypatch.setattr(parallel, "fork_schedule", _recording(parallel.fork_schedule, order))
    _planned, more = common.draw_ahead(
        plan,
        also=lambda _p: [
            common.Later(lambda: "kecil", after=0, cost=1.0),
            common.Later(lambda: "besar", after=1, cost=5.0),
            common.Later(lambda: "sedang", cost=3.0),
        ],
    )
    assert more == ["kecil", "besar", "sedang"]
    # grafik (awaited by cost 5) before struktur (cost 1); then the work by cost.
    assert order == ["grafik_kesenjangan", "struktur_pokja", "besar", "sedang", "kecil"]


def _recording(schedule: object, order: list[str]) -> object:
    def record(work: list[object], done: object = None) -> object:
        for job in work:
            run = job.run  # type: ignore[attr-defined]
            func = getattr(run, "args", (None,))[0]
            order.append(getattr(func, "__name__", None) or run())
        return schedule(work, done)  # type: ignore[operator]

    return record


@needs_fork
def test_the_early_worker_gives_the_bytes_of_a_serial_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker forked before the check (matplotlib imported there, the Graphviz runs started ahead, the
    models sent to it pickled) draws what a one-after-another build draws, to the byte."""
    from assembler import docxnorm, parallel

    monkeypatch.setenv("SIAP_JOBS", "1")
    build(CONTOH, tmp_path / "serial", WITH_PICTURES)
    common._MEMO.clear()
    docxnorm._DEFLATED.clear()
    monkeypatch.setenv("SIAP_JOBS", "2")
    seen: list[tuple[bool, int]] = []
    schedule = parallel.fork_schedule

    def spy(work: list[parallel.Job], done: object = None) -> object:
        seen.append((parallel.has_early(), sum(job.early_only for job in work)))
        return schedule(work, done)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "fork_schedule", spy)
    with common.draw_early():  # a whole build does this itself; --only (as here) does not
        build(CONTOH, tmp_path / "early", WITH_PICTURES)
    assert seen == [(True, 6)]  # three Graphviz pictures: laid out ahead, then drawn, by the early worker
    serial, early = _files(tmp_path / "serial"), _files(tmp_path / "early")
    assert list(serial) == list(early)
    for name in serial:
        assert early[name] == serial[name], name


@needs_fork
def test_the_early_worker_is_forked_only_when_the_picture_cache_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild (a picture cache with entries) keeps the usual path; no cache, or an empty one, forks it."""
    from assembler import parallel

    monkeypatch.setenv("SIAP_JOBS", "2")
    for cache, expected in (("", True), (str(tmp_path), True)):
        monkeypatch.setenv("SIAP_CACHE_DIR", cache)
        with common.draw_early():
            assert parallel.has_early() is expected
        assert not parallel.has_early()
    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "entri.bin").write_bytes(b"")
    with common.draw_early():
        assert not parallel.has_early()
    with common.draw_early(wanted=False):
        assert not parallel.has_early()
