"""Before/after of a change: ``siap build`` of the example by two source trees, alternated, in one run.

Run: ``python benchmarks/ab.py BEFORE [AFTER] [--rounds 7] [--cold-only]``, where BEFORE is a source
tree of siap (e.g. ``git archive main | tar -x -C /tmp/before``) and AFTER defaults to this
repository. Each is run as ``python -m assembler`` with ``PYTHONPATH`` pointing at its tree (same
interpreter and libraries), byte-compiled, with an empty picture cache (cold) and with its own
filled one (cached). Rounds alternate the order of the two trees so a shared machine's changing load
hits both alike; the figures are medians of wall and CPU time (user + system of the process and its
children, as in ``goals.py``). The two outputs are also compared: a change that is meant to be a
pure speed-up must leave every file, OUT.zip included, byte-identical.
"""

from __future__ import annotations

import argparse
import compileall
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTOH = REPO / "fixtures" / "contoh"


def _cpu_children() -> float:
    try:
        import resource
    except ImportError:  # Windows: no rusage; only wall time counts
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(tree: Path, out: Path, cache: Path) -> tuple[float, float]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(tree)
    env["SIAP_CACHE_DIR"] = str(cache)
    cpu = _cpu_children()
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "assembler", "build", str(CONTOH), "-o", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=tempfile.gettempdir(), timeout=1800)
    return time.perf_counter() - start, _cpu_children() - cpu


def _same(a: Path, b: Path) -> bool:
    """Every file of two packages (their .siap state included) and their OUT.zip are equal."""
    names_a = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    names_b = sorted(str(p.relative_to(b)) for p in b.rglob("*") if p.is_file())
    if names_a != names_b:
        return False
    pairs = [(a / n, b / n) for n in names_a] + [(a.with_suffix(".zip"), b.with_suffix(".zip"))]
    return all(filecmp.cmp(x, y, shallow=False) for x, y in pairs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path, nargs="?", default=REPO)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cold-only", action="store_true")
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for tree in trees.values():
        compileall.compile_dir(tree / "assembler", quiet=1)
    kinds = ["cold"] if args.cold_only else ["cold", "cached"]
    with tempfile.TemporaryDirectory(prefix="siap-ab-") as tmp_name:
        tmp = Path(tmp_name)
        filled = {name: tmp / f"cache-{name}" for name in trees}
        for name, tree in trees.items():
            _build(tree, tmp / name, filled[name])
        timings: dict[tuple[str, str], list[tuple[float, float]]] = {(k, n): [] for k in kinds for n in trees}
        for i in range(args.rounds):
            order = list(trees) if i % 2 == 0 else list(trees)[::-1]
            for kind in kinds:
                for name in order:
                    cache = Path(tempfile.mkdtemp(dir=tmp)) if kind == "cold" else filled[name]
                    timings[(kind, name)].append(_build(trees[name], tmp / name, cache))
                    if kind == "cold":
                        shutil.rmtree(cache, ignore_errors=True)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{os.cpu_count()} cores, load average {load:.1f} at the end; median of {args.rounds}")
        for (kind, name), runs in timings.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            print(f"  {kind:6s} {name:6s} wall {wall:5.2f} s  cpu {cpu:5.2f} s")
        print("outputs byte-identical" if _same(tmp / "before", tmp / "after") else "OUTPUTS DIFFER")


if __name__ == "__main__":
    main()
