"""Work spread over the machine's cores by forked processes, where that is possible and wanted.

A build's slow parts (drawing pictures, rendering documents) are pure functions of data the parent
already holds, so forked workers need nothing pickled on the way in and return only bytes. Where
fork does not exist or is unsafe (Windows, macOS) or ``$SIAP_JOBS`` is 1, :func:`fork_map` does nothing and the caller
does the work itself, one item after another: same bytes either way.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

#: What the forked workers run: set just before the fork, read by :func:`_run_one` in the child.
_WORK: list[Callable[[], Any]] = []


def jobs() -> int:
    """Worker processes: ``$SIAP_JOBS`` (1 = one after another), else up to 2 on a multi-core machine.

    Two, not more: the gain beyond two is small for a build of a few dozen documents and each
    worker is a full copy of the process.
    """
    configured = os.environ.get("SIAP_JOBS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return min(2, os.cpu_count() or 1)


def can_fork() -> bool:
    """Two jobs wanted and a safe ``fork``: not on Windows (none) nor macOS (system libraries forbid it)."""
    return jobs() >= 2 and sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


def fork_map(work: Sequence[Callable[[], Any]], done: Callable[[int, int], None] | None = None) -> list[Any] | None:
    """Results of ``work`` run in forked workers, in order; ``None`` where an item failed.

    Returns ``None`` altogether when workers are not used (see :func:`can_fork`, fewer than two
    items, or the pool itself failing): the caller then does the work itself and reports errors as
    usual. ``done(n, total)`` hears each finished item.
    """
    global _WORK
    if len(work) < 2 or not can_fork():
        return None
    _WORK = list(work)
    results: list[Any] = []
    try:
        with frozen(), multiprocessing.get_context("fork").Pool(min(jobs(), len(work))) as pool:
            for result in pool.imap(_run_one, range(len(work)), chunksize=1):
                results.append(result)
                if done is not None:
                    done(len(results), len(work))
    except Exception:
        return None
    finally:
        _WORK = []
    return results


_FROZEN = [0]


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """The objects alive now are left out of garbage collection while the block runs (reentrant).

    Meant around a fork: the workers' collections then walk only what they make themselves, not the
    ~120,000 objects they inherit (models, modules, the drawing libraries), and write nothing to the
    pages they share with the parent. Also around the parent's own planning, where importing
    matplotlib set off full collections of the whole heap. Afterwards the objects are collected as
    before (``gc.unfreeze``), so a long-lived process (the tests) keeps no garbage.
    """
    _FROZEN[0] += 1
    gc.freeze()  # inside another block too: what was made since is frozen as well
    try:
        yield
    finally:
        _FROZEN[0] -= 1
        if _FROZEN[0] == 0:
            gc.unfreeze()


def _run_one(index: int) -> Any:
    """In a worker: one item of work; ``None`` if it failed (the parent redoes it and reports)."""
    try:
        return _WORK[index]()
    except Exception:
        return None
