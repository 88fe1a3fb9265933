"""Before/after of a change to ``siap check``: the example checked by two source trees, alternated.

Run: ``python benchmarks/ab_check.py BEFORE [AFTER] [--rounds 15] [--workspace DIR]``, where BEFORE is
a source tree of siap (e.g. ``git archive main | tar -x -C /tmp/before``) and AFTER defaults to this
repository. As ``ab.py`` does for a build: each tree runs as ``python -m assembler check`` with
``PYTHONPATH`` at it (same interpreter and libraries), byte-compiled, rounds alternating which tree
goes first so a shared machine's changing load hits both alike; the figures are medians of wall and
CPU time (user + system). The two outputs (stdout, stderr, exit code) must be identical: a speed-up
that changes a word of the check's report is not one.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ab import CONTOH, REPO, _cpu_children


def _check(tree: Path, workspace: Path) -> tuple[float, float, tuple[int, str, str]]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(tree)
    cpu = _cpu_children()
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "assembler", "check", str(workspace)]
    done = subprocess.run(cmd, capture_output=True, env=env, cwd=tempfile.gettempdir(), timeout=600, text=True)
    wall = time.perf_counter() - start
    return wall, _cpu_children() - cpu, (done.returncode, done.stdout, done.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path, nargs="?", default=REPO)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--workspace", type=Path, default=CONTOH)
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for tree in trees.values():
        compileall.compile_dir(tree / "assembler", quiet=1)
    outputs = {name: _check(tree, args.workspace)[2] for name, tree in trees.items()}  # also warms the disk cache
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    for i in range(args.rounds):
        order = list(trees) if i % 2 == 0 else list(trees)[::-1]
        for name in order:
            wall, cpu, output = _check(trees[name], args.workspace)
            if output != outputs[name]:
                sys.exit(f"{name}: the output changed between runs")
            timings[name].append((wall, cpu))
    for name in trees:
        walls = [w for w, _c in timings[name]]
        cpus = [c for _w, c in timings[name]]
        print(
            f"{name:7} wall median {statistics.median(walls):.3f} s (min {min(walls):.3f})  "
            f"cpu median {statistics.median(cpus):.3f} s"
        )
    same = outputs["before"] == outputs["after"]
    print("outputs identical" if same else "OUTPUTS DIFFER")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
