"""Graphviz runs started ahead, in the early worker (see :func:`assembler.pictures.common.draw_early`).

The early worker lays out every Graphviz picture first: it runs the picture's code with
:func:`start_dot` standing in for the wait, so the ``dot`` processes work beside the matplotlib
pictures it draws meanwhile; when a Graphviz picture's turn comes, ``png_graphviz`` takes the output
of the run started for the same DOT text (same command, same input: the same bytes).
"""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
from collections.abc import Callable
from typing import IO, Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: The :func:`sekali` pictures drawn by Graphviz (qualified names; see :func:`graphviz`).
GRAPHVIZ: set[str] = set()


def graphviz(func: Callable[P, R]) -> Callable[P, R]:
    """Marks a picture drawn by Graphviz's ``dot``: an early worker starts its runs first (:func:`lay_out_ahead`)."""
    GRAPHVIZ.add(func.__qualname__)
    return func


#: Graphviz runs started ahead (see :func:`lay_out_ahead`), by DOT text: the process and its output files.
DOT_AHEAD: dict[str, tuple[subprocess.Popen[bytes], IO[bytes], IO[bytes]]] = {}
#: Set while :func:`lay_out_ahead` runs a picture's code only to start its ``dot`` processes.
AHEAD: list[bool] = []


class NotGraphvizError(Exception):
    """Raised by ``figur`` while laying out ahead: a matplotlib picture is drawn when its turn comes."""


def start_dot(dot: str, sumber: str) -> tuple[subprocess.Popen[bytes], IO[bytes], IO[bytes]]:
    """``dot`` running on ``sumber``, its output going to files (a pipe nobody reads would stall it)."""
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish_dot
    process = subprocess.Popen([dot, "-Kdot", "-Tpng:cairo"], stdin=subprocess.PIPE, stdout=out, stderr=err)
    assert process.stdin is not None
    with process.stdin:
        process.stdin.write(sumber.encode("utf-8"))
    return process, out, err


def finish_dot(
    process: subprocess.Popen[bytes], out: IO[bytes], err: IO[bytes], timeout: float
) -> subprocess.CompletedProcess[bytes]:
    """What ``subprocess.run`` would have given for a ``dot`` started by :func:`start_dot`."""
    with out, err:
        try:
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(process.args, process.returncode, out.read(), err.read())


def lay_out_ahead(wrapper: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], key: Any) -> None:
    """In the early worker: start the ``dot`` processes of a Graphviz picture now, so that they run beside
    the matplotlib pictures drawn meanwhile; drawing the picture later takes their output (same command,
    same input, same bytes). A matplotlib picture stops at its figure; nothing is remembered or cached."""
    AHEAD.append(True)
    try:
        with contextlib.suppress(Exception):
            getattr(wrapper, "__wrapped__", wrapper)(*args, **kwargs)
    finally:
        AHEAD.clear()


def stop_dots_ahead() -> None:
    """When the early worker leaves: no ``dot`` it started outlives it."""
    for process, out, err in DOT_AHEAD.values():
        with contextlib.suppress(OSError):
            process.kill()
        process.wait()
        out.close()
        err.close()
    DOT_AHEAD.clear()
