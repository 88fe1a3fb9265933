"""Issue 16's goals, each measured against its baseline in the same run, as whole processes.

Run: ``python benchmarks/goals.py [--rounds 5] [--pdf]``. Every figure is the median of ``--rounds``
fresh processes (interpreter start and imports included, as a user sees them), rounds of siap and of
its baseline interleaved so that a machine's changing load hits both alike. Two figures each: wall
time, and CPU time (user + system of the process and all its children, which a shared machine's load
disturbs much less; siap's two workers add up in it while they overlap in wall time). Nothing here
is asserted: the figures go into README (with the machine they were taken on).

Both sides run with byte-compiled modules, as an installed package does (``pip`` compiles on
install): ``PYTHONDONTWRITEBYTECODE`` is dropped for the runs and the sources are compiled first.

The example's build is timed four ways: cold (an empty cache folder each round: every picture drawn,
every template prepared, every document rendered), with the picture and template caches filled and the
render cache off (``SIAP_RENDER_CACHE=0``: every document rendered from prepared templates), a rebuild
with unchanged inputs (pictures and documents from the cache), and a rebuild after one number of one
topic file changed (a new value each round, so the four documents printing it are rendered again).

``SIAP_TEMPLATE_CACHE=0`` in the calling environment is passed on: the same rows without the template cache.

Baselines:
- a bare docxtpl loop (``DocxTemplate(t).render(ctx); save()``) over the same templates with the same
  contexts, recorded from siap's own builders (pictures included, as PNG bytes);
- for ``--pdf``, one bare ``soffice --headless --convert-to pdf`` of the same .docx files;
- for ``siap check``, the 0.2 s goal itself (and a bare interpreter start, for scale).
"""

from __future__ import annotations

import argparse
import compileall
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CONTOH = REPO / "fixtures" / "contoh"
SIAP = [sys.executable, "-m", "assembler"]

#: The baseline process: only docxtpl and the Indonesian number filters the templates use.
BARE_LOOP = r"""
import io, pickle, sys
from pathlib import Path
import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from assembler import idfmt
from assembler.render import FILTER_NAMES

env = jinja2.Environment(autoescape=True)
for name in FILTER_NAMES:
    env.filters[name] = getattr(idfmt, name)
env.filters["wajib"] = lambda value, name="": value
jobs = pickle.loads(Path(sys.argv[1]).read_bytes())
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)

def images(value, tpl):
    if isinstance(value, dict):
        return {k: images(v, tpl) for k, v in value.items()}
    if isinstance(value, list):
        if len(value) == 3 and value[0] == "__gambar__":
            return InlineImage(tpl, io.BytesIO(value[1]), width=Mm(value[2]))
        return [images(v, tpl) for v in value]
    return value

for template, name, context in jobs:
    tpl = DocxTemplate(template)
    tpl.render(images(context, tpl), jinja_env=env, autoescape=True)
    tpl.save(out / name)
"""


def _plain(value: Any) -> Any:
    """A context as plain data a bare process can unpickle without siap (pictures as PNG bytes)."""
    from markupsafe import Markup

    from assembler.render import Gambar

    if isinstance(value, Gambar):
        return ["__gambar__", value.png, value.lebar_mm]
    if isinstance(value, Markup):
        return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def record_contexts(workspace: Path, target: Path, only: list[str] | None = None) -> int:
    """The (template, file, context) of every document siap builds, as siap's builders make them."""
    from assembler.analysis.analisis import analyse
    from assembler.build import template_path
    from assembler.documents.builders import builder_for
    from assembler.documents.registry import DOKUMEN, file_name
    from assembler.facade import check, require_valid

    report = check(workspace)
    require_valid(report)
    view = report.result.view()
    analisis = analyse(view)
    statuses = {s.dokumen.id: s for s in report.documents}
    jobs = []
    for dokumen in DOKUMEN:
        builder = builder_for(dokumen.id)
        if (only and dokumen.id not in only) or builder is None or not statuses[dokumen.id].buildable:
            continue
        context = _plain(builder(view, analisis, dokumen))
        jobs.append((str(template_path(workspace, dokumen)), file_name(dokumen), context))
    target.write_bytes(pickle.dumps(jobs))
    return len(jobs)


#: (wall, cpu) seconds of one whole process; cpu is user + system of it and its children.
Timing = tuple[float, float]


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no rusage; CPU figures are then 0 and only wall time counts
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str], env: dict[str, str] | None = None) -> Timing:
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env or _env(None), timeout=1800)
    return time.perf_counter() - start, _children_cpu() - cpu


def _peak_mb(cmd: list[str], env: dict[str, str]) -> float | None:
    """Peak resident memory of ``cmd`` (POSIX only: a helper process waits for it and asks the kernel)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    try:
        done = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True, env=env, text=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(done.stdout.strip()) / 1024  # kilobytes on Linux


def _env(cache: Path | None, render_cache: bool = True) -> dict[str, str]:
    """The environment of a siap run: ``cache`` as its cache folder (None: no cache at all); with
    ``render_cache`` False finished documents are not reused (``SIAP_RENDER_CACHE=0``): the picture and
    template caches are."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["SIAP_CACHE_DIR"] = str(cache) if cache else ""
    env["SIAP_RENDER_CACHE"] = "1" if render_cache else "0"
    return env


#: The number changed by the "one number" rebuild: a policy's financial impact in 4.6, printed by four
#: documents (Draft STPP, the stage-4 working paper, the agreed STPP and its adopting instrument).
CHANGED_FILE, CHANGED_KEY, CHANGED_VALUE = "4.6-keuangan.yaml", "dampak_keuangan: ", 2400000000


def _change_one_number(workspace: Path, value: int) -> None:
    """Give the number a value no earlier build had (so the documents showing it cannot be cache hits)."""
    path = workspace / CHANGED_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index(CHANGED_KEY) + len(CHANGED_KEY)
    end = text.index("\n", start)
    path.write_text(text[:start] + str(value) + text[end:], encoding="utf-8")


def _median_pair(rounds: int, ours: Callable[[], Timing], base: Callable[[], Timing]) -> tuple[Timing, Timing]:
    a, b = [], []
    for _ in range(rounds):
        a.append(ours())
        b.append(base())
    return _median(a), _median(b)


def _median(timings: list[Timing]) -> Timing:
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def _row(goal: str, ours: Timing, base: Timing, base_label: str, extra: str = "") -> None:
    wall = f"{ours[0]:6.2f} s / {base[0]:6.2f} s = {ours[0] / base[0]:5.2f}x"
    cpu = f"{ours[1]:6.2f} s / {base[1]:6.2f} s = {ours[1] / base[1]:5.2f}x" if base[1] else "n/a"
    print(f"{goal}\n    against {base_label}: wall {wall}; cpu {cpu} {extra}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also time --pdf against bare soffice (slow)")
    args = parser.parse_args(argv)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # this process's own imports of siap write .pyc too
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; median of {args.rounds}")
    compileall.compile_dir(REPO / "assembler", quiet=1)
    with tempfile.TemporaryDirectory(prefix="siap-bench-") as tmp_name:
        tmp = Path(tmp_name)
        contexts = tmp / "contexts.pickle"
        count = record_contexts(CONTOH, contexts)
        bare = [sys.executable, "-c", BARE_LOOP, str(contexts), str(tmp / "bare")]

        def cold() -> float:
            cache = Path(tempfile.mkdtemp(dir=tmp))
            return _run([*SIAP, "build", str(CONTOH), "-o", str(tmp / "cold")], _env(cache))

        ours, base = _median_pair(args.rounds, cold, lambda: _run(bare))
        _row(f"siap build contoh ({count} docs), no picture cache", ours, base, "bare docxtpl loop, same contexts")
        warm_cache = tmp / "warm-cache"
        _run([*SIAP, "build", str(CONTOH), "-o", str(tmp / "warm")], _env(warm_cache, render_cache=False))
        ours, base = _median_pair(
            args.rounds,
            lambda: _run([*SIAP, "build", str(CONTOH), "-o", str(tmp / "warm")], _env(warm_cache, render_cache=False)),
            lambda: _run(bare),
        )
        label = "siap build contoh, picture + template cache, every document rendered (render cache off)"
        _row(label, ours, base, "bare docxtpl loop, same contexts")

        _run([*SIAP, "build", str(CONTOH), "-o", str(tmp / "warm")], _env(warm_cache))  # fills the render cache
        ours, base = _median_pair(
            args.rounds,
            lambda: _run([*SIAP, "build", str(CONTOH), "-o", str(tmp / "warm")], _env(warm_cache)),
            lambda: _run(bare),
        )
        _row("rebuild, unchanged inputs (picture + render cache)", ours, base, "bare docxtpl loop, same contexts")

        edited = tmp / "edited"
        shutil.copytree(CONTOH, edited, ignore=shutil.ignore_patterns("keluaran*"))
        edited_cmd = [*SIAP, "build", str(edited), "-o", str(tmp / "edited-out")]
        _run(edited_cmd, _env(warm_cache))
        values = iter(range(CHANGED_VALUE + 1_000_000, CHANGED_VALUE + 2_000_000_000, 1_000_000))

        def one_number() -> Timing:
            _change_one_number(edited, next(values))  # before the clock starts
            return _run(edited_cmd, _env(warm_cache))

        ours, base = _median_pair(args.rounds, one_number, lambda: _run(bare))
        _row("rebuild after changing one number in one topic file", ours, base, "bare docxtpl loop, same contexts")

        ours, base = _median_pair(
            args.rounds,
            lambda: _run([*SIAP, "check", str(CONTOH)], _env(None)),
            lambda: _run([sys.executable, "-c", "pass"]),
        )
        start = f"(bare interpreter start {base[0]:.2f} s)"
        _row("siap check contoh (goal 0.2 s)", ours, (0.2, 0.2), "the goal", start)

        sys.path.insert(0, str(Path(__file__).parent))
        from bench_logframe import make_workspace

        big = make_workspace(tmp / "big")
        big_contexts = tmp / "big.pickle"
        record_contexts(big, big_contexts, ["smart-logframe"])
        big_cmd = [*SIAP, "build", str(big), "-o", str(tmp / "big-out"), "--only", "smart-logframe"]
        ours, base = _median_pair(
            args.rounds,
            lambda: _run(big_cmd, _env(None)),
            lambda: _run([sys.executable, "-c", BARE_LOOP, str(big_contexts), str(tmp / "big-bare")]),
        )
        peak = _peak_mb(big_cmd, _env(None))
        memory = f"peak {peak:.0f} MB (goal 250 MB)" if peak is not None else ""
        _row("2,000 kegiatan --only smart-logframe (goal 1 s)", ours, base, "bare docxtpl loop, same context", memory)

        if args.pdf and shutil.which("soffice"):
            files = sorted(str(p) for p in (tmp / "cold").glob("*.docx"))

            def soffice() -> float:
                profile = Path(tempfile.mkdtemp(dir=tmp))
                return _run(
                    ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                     "--outdir", str(tmp / "bare-pdf"), *files]
                )

            rounds = max(1, min(args.rounds, 2))
            ours, base = _median_pair(
                rounds,
                lambda: _run(
                    [*SIAP, "build", str(CONTOH), "-o", str(tmp / "pdf"), "--pdf"], _env(warm_cache, render_cache=False)
                ),
                soffice,
            )
            _row("siap build --pdf contoh (picture cache filled)", ours, base, "bare soffice --convert-to pdf")


if __name__ == "__main__":
    main()
