"""A cold build stopped while its workers draw (Ctrl-C, or the build's process killed) leaves no process behind.

The workers (the early one that imports matplotlib and starts the Graphviz runs, the ones forked
after the plan) and their ``dot`` children all belong to the build's session; after the stop none of
them may remain, and Ctrl-C ends the build with exit 130 and no traceback from any worker.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CONTOH

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the process table from /proc; workers are forked on Linux"
)


def _session(sid: int) -> list[tuple[int, str]]:
    """(pid, command name) of every live process of session ``sid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        fields = raw.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[3]) == sid:
            found.append((int(entry.name), raw[raw.index("(") + 1 : raw.rindex(")")]))
    return found


def _start(tmp_path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, SIAP_CACHE_DIR=str(tmp_path / "cache"), SIAP_JOBS="2")
    cmd = [sys.executable, "-m", "assembler", "build", str(CONTOH), "-o", str(tmp_path / "out")]
    return subprocess.Popen(
        cmd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )


def _ctrl_c_as_at_a_terminal() -> None:
    """A job started in the background by a shell (CI's second suite) inherits Ctrl-C ignored; a build at
    a terminal hears it, and that is what these tests are about."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(proc: subprocess.Popen[bytes], ready: object) -> list[tuple[int, str]]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        alive = _session(proc.pid)
        if ready(alive):  # type: ignore[operator]
            return alive
        time.sleep(0.01)
    pytest.skip("the build ended before its workers could be stopped (machine too fast or too slow)")


def _gone(sid: int) -> list[tuple[int, str]]:
    deadline = time.monotonic() + 30
    while (left := _session(sid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_a_killed_build_leaves_no_worker_and_no_dot(tmp_path: Path) -> None:
    """The workers hear that the build's process is gone and leave; the early one ends its ``dot`` runs."""
    proc = _start(tmp_path)
    try:
        _wait_for(proc, lambda alive: any(name == "dot" for _pid, name in alive))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        left = _gone(proc.pid)
    finally:
        for pid, _name in _session(proc.pid):
            os.kill(pid, signal.SIGKILL)
    assert left == []


@pytest.mark.parametrize("workers", [2, 3])
def test_ctrl_c_while_the_workers_draw_exits_130_quietly(tmp_path: Path, workers: int) -> None:
    """Ctrl-C reaches every process of the terminal's group: the build exits 130, nothing else is printed
    from the workers, nothing is left (2: the early worker still importing; 3: pictures being drawn)."""
    proc = _start(tmp_path)
    try:
        _wait_for(proc, lambda alive: sum(name.startswith("python") for _pid, name in alive) >= workers)
        os.killpg(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=120)
        left = _gone(proc.pid)
    finally:
        for pid, _name in _session(proc.pid):
            os.kill(pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert b"Traceback" not in err
    assert left == []
