"""A timeline of one ``siap build``: which process does what, when, and how busy the cores are.

Run: ``python benchmarks/timeline.py [WS] [--cached] [--jobs N] [--width 0.1]``. The build runs in a
child process (``--child``) with siap's phases wrapped (no change to siap itself: the wrappers are
set before the build starts and forked workers inherit them); each process appends its spans (start,
end, CPU) to a file. Meanwhile this process samples every process of the build's tree (workers and
Graphviz ``dot`` children included) from ``/proc`` every 20 ms, so idle cores show even where no span
explains them. Linux only. Prints a table of the spans and a text chart, one row per process and
one column per ``--width`` seconds; a letter is the phase most of the column was spent in, ``.`` a
process alive in no phase (a worker waiting for work, the parent waiting for its workers).
Times are seconds from the build process's start (interpreter start and imports included).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CONTOH = REPO / "fixtures" / "contoh"
PICTURE_MODULES = ("alur_pelayanan", "bagan_alir", "bagan_bawang", "grafik_kesenjangan", "struktur_pokja")
TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

#: Phase → letter in the chart (the first letter of a span's name before ":" decides).
LETTERS = {
    "imports": "i",
    "check": "C",
    "analyse": "A",
    "plan": "P",
    "warm_up": "W",
    "ahead": "L",
    "picture": "G",
    "dot": "D",
    "savefig": "S",
    "context": "x",
    "render": "R",
    "docxtpl": "R",
    "normalize": "N",
    "deflate": "Z",
    "package": "K",
    "fork_map": "f",
    "draw_ahead": "f",
}


def _now() -> float:
    return time.clock_gettime(time.CLOCK_BOOTTIME)


def _start_of(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[19]) / TICK


def _cpu_of(pid: int) -> tuple[float, str, int] | None:
    """CPU seconds (user + system), command name and parent of a live process."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK, name, int(fields[1])


# --- in the build process --------------------------------------------------------------------------


def _child(args: argparse.Namespace) -> None:
    log = open(args.log, "a", buffering=1)  # noqa: SIM115 - one line per span, O_APPEND, shared by forks

    def emit(name: str, start: float, end: float, cpu: float) -> None:
        log.write(json.dumps([os.getpid(), os.getppid(), name, start, end, cpu]) + "\n")

    def span(name: str | Any, func: Any) -> Any:
        @functools.wraps(func)
        def wrapper(*a: Any, **k: Any) -> Any:
            label = name(*a, **k) if callable(name) else name
            start, cpu = _now(), time.process_time()
            try:
                return func(*a, **k)
            finally:
                emit(label, start, _now(), time.process_time() - cpu)

        return wrapper

    started = _now()
    from assembler import build as b
    from assembler import parallel
    from assembler.pictures import common

    # The package re-exports functions named like some of its modules: take the modules themselves.
    pics = {name: importlib.import_module(f"assembler.pictures.{name}") for name in PICTURE_MODULES}

    emit("imports", _start_of(os.getpid()) or started, _now(), time.process_time())
    b.check = span("check", b.check)
    b.analyse = span("analyse", b.analyse)
    if hasattr(common, "_warm_up"):  # before the fifth round the parent imported matplotlib here
        common._warm_up = span("warm_up", common._warm_up)
    common._draw = span(lambda w, *_a, **_k: f"picture:{w.__name__}", common._draw)
    if hasattr(common, "lay_out_ahead"):  # the early worker starts the Graphviz runs (sixth round)
        ahead = importlib.import_module("assembler.pictures.ahead")
        # Sent by value (pickled by name): the module's own name must be the wrapped function too.
        traced = span(lambda w, *_a, **_k: f"ahead:{w.__name__}", ahead.lay_out_ahead)
        ahead.lay_out_ahead = common.lay_out_ahead = traced
    for module in (pics["bagan_alir"], pics["struktur_pokja"]):
        module.png_graphviz = span(lambda _s, nama: f"dot:{nama[:24]}", module.png_graphviz)  # type: ignore[attr-defined]
    for module in (pics["alur_pelayanan"], pics["bagan_bawang"], pics["grafik_kesenjangan"]):
        module.png_matplotlib = span("savefig", module.png_matplotlib)  # type: ignore[attr-defined]
    b._render = span(lambda _w, dokumen, *_a: f"render:{dokumen.id}", b._render)
    b.render_docx = span("docxtpl", b.render_docx)
    b.normalize_docx = span("normalize", b.normalize_docx)
    b.deflated = span("deflate", b.deflated)
    b.write_package = span("package", b.write_package)
    parallel.fork_map = span(lambda work, *_a: f"fork_map:{len(work)}", parallel.fork_map)
    if hasattr(parallel, "fork_schedule"):
        parallel.fork_schedule = span(lambda work, *_a: f"fork_map:{len(work)}", parallel.fork_schedule)
    b.fork_map = parallel.fork_map
    builder_for = b.builder_for

    def traced_builder_for(doc_id: str) -> Any:
        builder = builder_for(doc_id)
        return None if builder is None else span(f"context:{doc_id}", builder)

    b.builder_for = traced_builder_for
    draw_ahead = b.draw_ahead

    def traced_draw_ahead(plan: Any, *a: Any, **k: Any) -> Any:
        return draw_ahead(span("plan", plan), *a, **k)

    b.draw_ahead = span("draw_ahead", traced_draw_ahead)
    b.build(Path(args.workspace), Path(args.out))
    emit("end", _now(), _now(), time.process_time())


# --- outside: run, sample, print ---------------------------------------------------------------------


def _tree(root: int) -> list[int]:
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", nargs="?", default=str(CONTOH))
    parser.add_argument("--cached", action="store_true", help="fill the picture cache first")
    parser.add_argument("--jobs", default=None, help="SIAP_JOBS for the build")
    parser.add_argument("--width", type=float, default=0.1, help="seconds per chart column")
    parser.add_argument("--json", type=Path, help="also write spans and samples here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--log", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args)
        return
    with tempfile.TemporaryDirectory(prefix="siap-timeline-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["SIAP_CACHE_DIR"] = str(tmp / "cache")
        if args.jobs:
            env["SIAP_JOBS"] = args.jobs
        log = tmp / "spans.jsonl"
        cmd = [sys.executable, __file__, args.workspace, "--child", "--log", str(log), "--out", str(tmp / "out")]
        if args.cached:
            subprocess.run(cmd, check=True, env=env, capture_output=True)
            log.unlink()
        proc = subprocess.Popen(cmd, env=env)
        samples: dict[int, list[tuple[float, float]]] = defaultdict(list)
        names: dict[int, str] = {}
        parents: dict[int, int] = {}
        while proc.poll() is None:
            t = _now()
            for pid in _tree(proc.pid):
                got = _cpu_of(pid)
                if got is not None:
                    if pid not in samples:  # its CPU was 0 when it started
                        samples[pid].append((_start_of(pid) or t, 0.0))
                    samples[pid].append((t, got[0]))
                    names[pid], parents[pid] = got[1], got[2]
            time.sleep(0.02)
        if proc.returncode:
            sys.exit(proc.returncode)
        spans = [json.loads(line) for line in log.read_text().splitlines()]
        if args.json:
            args.json.write_text(json.dumps({"spans": spans, "samples": samples, "names": names}))
        _report(proc.pid, spans, samples, names, parents, args.width)


def _report(
    root: int,
    spans: list[list[Any]],
    samples: dict[int, list[tuple[float, float]]],
    names: dict[int, str],
    parents: dict[int, int],
    width: float,
) -> None:
    t0 = min(s[3] for s in spans)
    end = max(s[4] for s in spans)
    first = {p: min([x[0] for x in samples.get(p, [])] or [9e9]) for p in {s[0] for s in spans} | set(samples)}
    pids = sorted(first, key=lambda p: first[p])
    role = {root: "parent"}
    n = 0
    for pid in pids:
        if pid == root:
            continue
        if names.get(pid) == "dot":
            role[pid] = f"dot<{role.get(parents.get(pid, 0), '?')}"
        else:
            n += 1
            role[pid] = f"worker{n}"
    print(f"{'process':12s} {'span':34s} {'start':>6s} {'end':>6s} {'wall':>6s} {'cpu':>6s}")
    for pid, _ppid, name, start, stop, cpu in sorted(spans, key=lambda s: (s[3], -s[4])):
        if name == "end":
            continue
        who = role.get(pid, str(pid))
        print(f"{who:12s} {name:34s} {start - t0:6.2f} {stop - t0:6.2f} {stop - start:6.2f} {cpu:6.2f}")
    print(f"\nbuild: {end - t0:.2f} s wall from the process's start; chart: one column = {width:g} s")
    columns = int((end - t0) / width) + 1
    busy_total = [0.0] * columns
    for pid in pids:
        row = [" "] * columns
        pts = samples.get(pid, [])
        for (ta, ca), (_tb, cb) in itertools.pairwise(pts):
            col = int((ta - t0) / width)
            if 0 <= col < columns:
                busy_total[col] += (cb - ca)
                if row[col] == " ":
                    row[col] = "."
        if names.get(pid) == "dot":
            for ta, _c in pts:
                col = int((ta - t0) / width)
                if 0 <= col < columns:
                    row[col] = "D"
        own = [s for s in spans if s[0] == pid and LETTERS.get(s[2].split(":")[0], "f") != "f"]
        for col in range(columns):  # the phase that most of the column spent in (innermost span)
            votes: dict[str, int] = defaultdict(int)
            for k in range(8):
                t = t0 + (col + (k + 0.5) / 8) * width
                inner = [s for s in own if s[3] <= t < s[4]]
                if inner:
                    votes[LETTERS[max(inner, key=lambda s: s[3])[2].split(":")[0]]] += 1
            if votes:
                row[col] = max(votes, key=lambda letter: votes[letter])
        print(f"{role.get(pid, str(pid)):12s}|{''.join(row)}|")
    scale = "".join(str(min(9, round(4 * b / width))) if b > 0 else " " for b in busy_total)
    print(f"{'cores busy':12s}|{scale}|  (4 = one core busy over the column, 8 = two)")
    cpu = sum(pts[-1][1] - pts[0][1] for pts in samples.values() if pts)
    print(f"sampled CPU {cpu:.2f} s over {end - t0:.2f} s; letters: {LETTERS}")


if __name__ == "__main__":
    main()
