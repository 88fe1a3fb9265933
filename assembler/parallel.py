"""Work spread over the machine's cores by forked processes, where that is possible and wanted.

A build's slow parts (drawing pictures, rendering documents) are pure functions of data the parent
already holds, so forked workers need nothing pickled on the way in and return only bytes
(:func:`fork_schedule` sends a worker only the results of other jobs its job uses: pictures). Where
fork does not exist or is unsafe (Windows, macOS) or ``$SIAP_JOBS`` is 1, :func:`fork_map` and
:func:`fork_schedule` do nothing and the caller does the work itself, one item after another: same
bytes either way.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Job:
    """One item of :func:`fork_schedule`'s work."""

    run: Callable[[], Any]
    #: Jobs whose results this one uses: it starts only after them, in a worker that has their results.
    needs: tuple[int, ...] = ()
    #: In a worker that did not compute this job, makes its result available to the jobs that need it.
    share: Callable[[Any], None] | None = None
    #: Jobs of a kind that costs each process a warm-up (the drawing libraries' import) stay in the
    #: worker that started the kind, unless the other worker has nothing else to do and at least
    #: :data:`SECOND_WARM_UP` of them are still waiting.
    kind: str = ""
    #: The job as a function and its arguments, picklable: an :func:`early` worker, forked before the
    #: job existed, can run only such jobs (and only those needing no other job's result).
    by_value: tuple[Callable[..., Any], tuple[Any, ...]] | None = None
    #: Only the :func:`early` worker takes it (when there is none, it counts as failed).
    early_only: bool = False


SECOND_WARM_UP = 3


@dataclass
class Early:
    """A worker forked before the work is known (see :func:`early`)."""

    process: Any
    conn: Any
    #: The kind of jobs it warmed up for (see :attr:`Job.kind`).
    kind: str


#: The :func:`early` worker not yet taken by :func:`fork_schedule`.
_EARLY: list[Early] = []


def has_early() -> bool:
    """Is an :func:`early` worker waiting for :func:`fork_schedule`?"""
    return bool(_EARLY)


@contextlib.contextmanager
def early(warm: Callable[[], None] | None, kind: str, leave: Callable[[], None] | None = None) -> Iterator[None]:
    """Fork a worker now that runs ``warm`` (imports) while this process goes on; the next
    :func:`fork_schedule` in the block uses it as one of its workers, for the jobs it can take by value.

    Why: the drawing libraries take as long to import as the check and the plan take to run; in
    a worker forked before them the import no longer delays the first picture. Nothing happens
    with ``warm`` None or without workers (:func:`can_fork`); the worker is ended when the block is
    left, whatever happened in it, and runs ``leave`` before it ends.
    """
    if warm is None or not can_fork():
        yield
        return
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe()
    # The child closes its copy of this process's end: it then hears EOF when this process dies.
    process = context.Process(target=_serve, args=(child_end, [parent_end], warm, leave), daemon=True)
    with _sigint_held():
        process.start()
    child_end.close()
    worker = Early(process, parent_end, kind)
    _EARLY.append(worker)
    try:
        yield
    finally:
        if worker in _EARLY:  # never used (the input was invalid, say): no need to wait for its warm-up
            _EARLY.remove(worker)
            process.terminate()
        _stop([(process, parent_end)])


def fork_schedule(work: Sequence[Job], done: Callable[[int], None] | None = None) -> list[Any] | None:
    """Results of ``work`` run by forked workers, in order; ``None`` where a job failed or a job it needs did.

    One set of workers for the whole list: a worker that is free takes the first job, in the list's
    order, whose needs are met, and is sent those of their results it lacks (so the caller lists
    the longest or most awaited work first). ``None`` altogether when workers are not used or fail
    (as :func:`fork_map`); ``done(i)`` hears each finished job ``i``.
    """
    global _JOBS
    first = _EARLY.pop() if _EARLY else None
    if len(work) < 2 or not can_fork():
        if first is not None:
            _EARLY.append(first)  # not used: ended by its block
        return None
    _JOBS = list(work)
    workers: list[tuple[Any, Any]] = []
    ended: list[tuple[Any, Any]] = []
    try:
        with frozen():
            if first is not None:
                workers.append((first.process, first.conn))
            while len(workers) < min(jobs(), len(_JOBS)):
                workers.append(_fork_worker(workers))
            return _dispatch(workers, done, first, ended)
    except (OSError, EOFError, ValueError):
        return None
    finally:
        _JOBS = []
        _stop(workers + ended)


def _fork_worker(workers: list[tuple[Any, Any]]) -> tuple[Any, Any]:
    """A new worker for :func:`fork_schedule`'s jobs (which it inherits: ``_JOBS`` is set)."""
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe()
    # The child closes its copies of this process's ends, its own included: EOF reaches it when this
    # process dies (killed), and reaches the other workers too.
    others = [conn for _p, conn in workers if not conn.closed] + [parent_end]
    process = context.Process(target=_serve, args=(child_end, others), daemon=True)
    with _sigint_held():
        process.start()
    child_end.close()
    return process, parent_end


def _stop(workers: list[tuple[Any, Any]]) -> None:
    """Tell workers to leave, and make sure they are gone (a worker stuck past 5 s is terminated)."""
    for _process, conn in workers:
        if conn.closed:
            continue
        with contextlib.suppress(OSError, ValueError):
            conn.send(None)
        conn.close()
    for process, _conn in workers:
        process.join(timeout=5)
        if process.is_alive():
            process.terminate()
            process.join()


def _dispatch(
    workers: list[tuple[Any, Any]],
    done: Callable[[int], None] | None,
    first: Early | None,
    ended: list[tuple[Any, Any]],
) -> list[Any]:
    """The parent's side of :func:`fork_schedule`: hand out jobs as workers come free.

    Each worker also holds one job in reserve, one that waits for no other job, so that it goes on
    without waiting for this process to be scheduled (on a loaded machine that wait is not short).
    A job that waited for others goes only to an idle worker: results to send, both ends writing
    large messages at once, could fill the pipe both ways. ``first``, the :func:`early` worker (``workers[0]``), takes
    only jobs it can be sent by value; once none is left for it, it leaves and a worker forked
    now (holding everything) takes its place, for the rest of the work (``ended`` gets it).
    """
    from multiprocessing.connection import wait

    total = len(_JOBS)
    results: list[Any] = [None] * total
    finished: set[int] = set()
    failed: set[int] = set()
    waiting = list(range(total))
    holds: list[set[int]] = [set() for _ in workers]  # results each worker has
    kinds: list[set[str]] = [set() for _ in workers]  # kinds each worker is warmed up for
    started: set[str] = set()
    queued: list[list[int]] = [[] for _ in workers]  # jobs sent to each worker, not yet done
    sent: dict[int, bytes] = {}  # jobs the early worker can take, pickled
    if first is not None:
        kinds[0].add(first.kind)
        started.add(first.kind)
        for i, job in enumerate(_JOBS):
            if job.by_value is not None and not job.needs:
                with contextlib.suppress(Exception):  # not picklable: left to the other workers
                    sent[i] = pickle.dumps(job.by_value, pickle.HIGHEST_PROTOCOL)
    early_at = 0 if first is not None else None  # the early worker's place while it works

    def pick(w: int) -> int | None:
        fallback = None
        for i in waiting:
            job = _JOBS[i]
            if (w == early_at and i not in sent) or (job.early_only and w != early_at):
                continue
            if not all(n in finished for n in job.needs):
                continue
            if queued[w] and job.needs:
                # Work that waited for other jobs goes only to an idle worker: results to send might fill
                # the pipe both ways, and such work (the large documents, at the end) is best taken by the
                # first worker to come free. Nor does this one get a lesser job in reserve meanwhile.
                return None
            if job.kind and job.kind not in kinds[w] and job.kind in started:
                if fallback is None and sum(_JOBS[j].kind == job.kind for j in waiting) >= SECOND_WARM_UP:
                    fallback = i
                continue
            return i
        return fallback

    while len(finished) < total:
        gone = [
            i for i in waiting if any(n in failed for n in _JOBS[i].needs) or (_JOBS[i].early_only and early_at is None)
        ]
        for i in gone:  # a job it needs failed (left to the caller, who reports the error), or no early worker
            waiting.remove(i)
            failed.add(i)
            finished.add(i)
            if done is not None:
                done(i)
        for depth in (0, 1):
            # The early worker last: a message to it waits in the pipe until its warm-up ends.
            for w in sorted(range(len(workers)), key=lambda w: w == early_at):
                if len(queued[w]) != depth or not waiting:
                    continue
                chosen = pick(w)
                if chosen is None:
                    continue
                job = _JOBS[chosen]
                waiting.remove(chosen)
                queued[w].append(chosen)
                if job.kind:
                    kinds[w].add(job.kind)
                    started.add(job.kind)
                given = [(n, results[n]) for n in job.needs if n not in holds[w]]
                holds[w].update(job.needs)
                workers[w][1].send((chosen, given, sent[chosen] if w == early_at else None))
        if early_at is not None and not queued[early_at] and not any(i in sent for i in waiting):
            ended.append(workers[early_at])  # nothing left it can take: a full worker in its place
            _stop([workers[early_at]])
            early_at = None
            if waiting:
                workers[0] = _fork_worker(workers)
                holds[0], kinds[0] = set(), set()
            else:
                del workers[0], holds[0], kinds[0], queued[0]
            continue
        busy = [w for w in range(len(workers)) if queued[w]]
        if not busy:
            if len(finished) < total:  # nothing can run (a cycle of needs): leave the rest to the caller
                break
            continue
        ready = wait([workers[w][1] for w in busy])
        for w in [w for w in busy if workers[w][1] in ready]:
            i, ok, result = workers[w][1].recv()
            queued[w].remove(i)
            holds[w].add(i)
            finished.add(i)
            if ok:
                results[i] = result
            else:
                failed.add(i)
            if done is not None:
                done(i)
    return results


def _mask_sigint(*, held: bool) -> bool:
    """Hold Ctrl-C back (``held``) or let it in; whether it was held before. Nothing where the platform
    has no signal mask (Windows, which never forks)."""
    if not hasattr(signal, "pthread_sigmask"):
        return False
    before = signal.pthread_sigmask(signal.SIG_BLOCK if held else signal.SIG_UNBLOCK, {signal.SIGINT})
    return signal.SIGINT in before


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Ctrl-C waits while a worker is forked: the child starts with it held back (see :func:`_serve`);
    here it arrives as soon as the fork is done."""
    was_held = _mask_sigint(held=True)
    try:
        yield
    finally:
        if not was_held:
            _mask_sigint(held=False)


#: What :func:`fork_schedule`'s workers run: set just before the fork, read by :func:`_serve`.
_JOBS: list[Job] = []


def _serve(
    conn: Any, others: list[Any], warm: Callable[[], None] | None = None, leave: Callable[[], None] | None = None
) -> None:
    """In a worker: run the jobs the parent sends, after taking in the results it sends with them
    (an :func:`early` worker first warms up, then runs the jobs it is sent by value, then ``leave``).

    The worker starts with Ctrl-C held back (:func:`_sigint_held`) and lets it in only inside this
    ``try``: pressed while multiprocessing was still setting the process up, it printed a traceback.
    It is held back again before the worker leaves, for the same reason.
    """
    try:
        for other in others:
            other.close()
        _mask_sigint(held=False)
        _serve_jobs(conn, warm)
    except KeyboardInterrupt:  # the parent hears it too and stops the build
        pass
    finally:
        with contextlib.suppress(Exception, KeyboardInterrupt):
            _mask_sigint(held=True)
        if leave is not None:
            with contextlib.suppress(Exception, KeyboardInterrupt):
                leave()


def _serve_jobs(conn: Any, warm: Callable[[], None] | None) -> None:
    if warm is not None:
        try:
            warm()
        except Exception:  # a failed warm-up only means that the first job imports what it needs
            pass
        except KeyboardInterrupt:  # the user pressed Ctrl-C: the parent stops the build
            return
        gc.freeze()  # what the warm-up made lives to the end: collections skip it (see frozen)
    while True:
        try:
            message = conn.recv()
        except (EOFError, KeyboardInterrupt):  # the parent is gone (killed) or the user pressed Ctrl-C
            return
        if message is None:
            return
        index, given, by_value = message
        try:
            for n, result in given:
                share = _JOBS[n].share
                if share is not None:
                    share(result)
            if by_value is not None:
                func, args = pickle.loads(by_value)  # sent by the parent, through a pipe
                result = func(*args)
            else:
                result = _JOBS[index].run()
            ok = True
        except Exception:
            result, ok = None, False
        except KeyboardInterrupt:  # the parent hears it too and stops the build; no traceback from here
            return
        try:
            conn.send((index, ok, result))
        except (OSError, KeyboardInterrupt):  # the parent is gone
            return


_FROZEN = [0]


def is_frozen() -> bool:
    """Inside a :func:`frozen` block? (``gc.get_freeze_count`` walks every frozen object to count them:
    ~7 ms per call in a worker holding a build's heap.)"""
    return _FROZEN[0] > 0


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
