"""Work done in a second process while the build goes on.

At 1,000 courses a one-off build spends about 3 s laying out the generated pages other
than the term pages (the course pages with their QR codes and Markdown, the catalogue's
lists, the calendar, the teachers', places' and themes' pages): all pure functions of
their input (a course page's glossary uses come back with it; the term pages, which
list them, are laid out last). ``Prefetch`` hands such work to one worker process,
forked when ``Build.compose`` begins, in the order the build will ask for it, a few
handfuls at a time; the build takes each result when it gets there, and meanwhile lays
out what it already has or makes the last task not yet handed over. The same function
makes a result in either process: the pages are the same bytes.

A second worker is forked when every page is finished (``Build.start_beside``): while
the engine lays out the pages it reads each of them for the search index, with the
engine's own parser, and writes the feeds.

A worker's results reach the build through a file, not the pool's pipe: the build's
process reads a pipe with a thread of its own, which must wait for the interpreter lock
at every pipe-full (64 KB) while the build's own thread lays out pages. A megabyte of
pages took a second to hand over that way, and the worker stood still meanwhile.

Only where ``fork`` is the way to start a process (Linux; the worker then has the
build's own objects, nothing is pickled but the inputs and results) and in a build with
no other threads (a one-off ``mkdocs build``; ``mkdocs serve`` keeps its results in
caches instead): each worker is forked after the one before it has stopped, with its
threads. A ``Prefetch`` asked in any process but the one that made it (its worker's own
work asking for more) makes the result there. Otherwise, for a small site, or if a
worker fails, every result is made in the build's own process, as before.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import shutil
import tempfile
from collections import deque
from typing import Callable, Hashable

#: Fewer tasks than this are not worth a process (starting one costs about 20 ms).
MINIMUM = 200
#: Tasks handed over at a time, and how many such handfuls may wait ahead of the build:
#: the worker stays busy, and no more than a few hundred results wait in memory (at 5,000
#: courses, all of them waiting took 20 MB more at the build's peak).
CHUNK = 32
AHEAD = 8

#: The functions the worker runs, by kind: set just before the fork, read in the child.
_WORK: dict[str, Callable[[str], str]] = {}
#: The folder a worker writes its results to: set just before the fork, read in the child.
_SPOOL = ""
#: True in a worker, once it runs its first handful.
_IN_WORKER = False


def _run(chunk: list[tuple[str, str]]) -> str:
    """A handful's results, made in the worker and written to a file of their own: what
    goes back through the pool's pipe is the file's name (``_results_of``)."""
    global _IN_WORKER
    _IN_WORKER = True
    results = [_WORK[kind](arg) for kind, arg in chunk]
    fd, path = tempfile.mkstemp(dir=_SPOOL)
    with os.fdopen(fd, "wb") as out:
        pickle.dump(results, out, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _results_of(path: str) -> list:
    """The results a worker wrote (``_run``), read once: the file goes."""
    with open(path, "rb") as spooled:
        data = spooled.read()
    os.unlink(path)
    return pickle.loads(data)


def in_worker() -> bool:
    """Whether this process is a worker, whose results go through a pipe to the build."""
    return _IN_WORKER


def _handfuls(order: list[tuple[str, str]], alone: frozenset[str], size: int) -> list[list[tuple[str, str]]]:
    """The tasks in handfuls of ``size``, in order; a task of a kind in ``alone`` in a
    handful of its own: a handful's results come back together, and the results before
    a long task (the feeds, at the end) must not wait for it."""
    chunks: list[list[tuple[str, str]]] = [[]]
    for task in order:
        if task[0] in alone:
            chunks.extend([[task], []])
        else:
            if len(chunks[-1]) == size:
                chunks.append([])
            chunks[-1].append(task)
    return [chunk for chunk in chunks if chunk]


class Prefetch:
    """Results of ``work[kind](arg)`` for the ``tasks`` (kind, arg), made by a worker."""

    def __init__(self, work: dict[str, Callable[[str], str]], tasks: list[tuple[str, str]],
                 minimum: int | None = None, steal: bool = False, alone: frozenset[str] = frozenset(),
                 ahead: int | None = None):
        self.work = work
        #: Handfuls handed over ahead of the build (``AHEAD``, unless the results are small
        #: enough to hand over every task at once and let the worker run to its end). With
        #: ``steal``, keep it small: the build cannot take over what is handed over, and at
        #: the end it waits for all of it.
        self.ahead = AHEAD if ahead is None else ahead
        #: Whether the build, rather than wait for a result, makes the last task not yet
        #: handed over itself (for work the build asks for faster than one worker makes
        #: it: the two work towards each other and both stay busy to the end).
        self.steal = steal
        self.made_here = 0
        self._results: dict[Hashable, str] = {}
        # Each task once, in the order given (the order the build asks in).
        self._waiting = dict.fromkeys(tasks)
        self._pool = None
        self._chunks: list[list[tuple[str, str]]] = []
        self._handed: deque = deque()
        self._frozen = False
        self._spool = ""
        self.from_worker = 0
        self._pid = os.getpid()
        if len(self._waiting) < (MINIMUM if minimum is None else minimum) or "fork" not in multiprocessing.get_all_start_methods():
            self._waiting.clear()
            return
        global _WORK, _SPOOL
        _WORK = work
        self._spool = _SPOOL = tempfile.mkdtemp(prefix="rskole-")
        self._chunks = _handfuls(list(self._waiting), alone, CHUNK)
        self._chunks.reverse()  # handed over from the end of the list
        # What the build holds now is kept until the worker stops: the collector then
        # passes over neither it nor the worker's copy of it (its passes would copy the
        # shared pages in the worker, and pass over the catalogue again and again in the
        # build). Python's gc.freeze documentation recommends this before a fork.
        gc.freeze()
        self._frozen = True
        self._pool = multiprocessing.get_context("fork").Pool(1)
        self._hand_over()

    def _hand_over(self) -> None:
        while self._pool is not None and self._chunks and len(self._handed) < self.ahead:
            chunk = self._chunks.pop()
            self._handed.append((chunk, self._pool.apply_async(_run, (chunk,))))

    @property
    def working(self) -> bool:
        """Whether a worker makes the results (else each is made when asked)."""
        return self._pool is not None

    def get(self, kind: str, arg: str) -> str:
        """``work[kind](arg)``: the worker's result when it was asked for, else made here."""
        key = (kind, arg)
        if os.getpid() != self._pid:
            # Asked in the worker itself (its work asks for more work): made there.
            return self.work[kind](arg)
        if key in self._results:
            return self._results.pop(key)
        if key in self._waiting and self._pool is not None:
            try:
                # Results come in the order asked: take them until this one.
                while self._handed:
                    chunk, pending = self._handed[0]
                    if self.steal and self._chunks and not pending.ready():
                        # One task at a time, so that the worker is handed more as soon
                        # as it has finished a handful.
                        self._make_last_here()
                        if key in self._results:
                            return self._results.pop(key)
                        continue
                    self._handed.popleft()
                    for task, result in zip(chunk, _results_of(pending.get())):
                        self._results[task] = result
                        del self._waiting[task]
                    self.from_worker += len(chunk)
                    self._hand_over()
                    if key in self._results:
                        return self._results.pop(key)
            except Exception:  # a failed worker: everything left is made here
                self.close()
        return self.work[kind](arg)

    def _make_last_here(self) -> None:
        """Make the last task not yet handed over (``_chunks`` runs from the last handful)."""
        last = self._chunks[0]
        task = last.pop()
        if not last:
            self._chunks.pop(0)
        self._results[task] = self.work[task[0]](task[1])
        del self._waiting[task]
        self.made_here += 1

    def close(self) -> None:
        """Stop the worker (what it has not made, the build makes itself)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        if self._spool:
            shutil.rmtree(self._spool, ignore_errors=True)
            self._spool = ""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        self._chunks = []
        self._handed.clear()
        self._waiting.clear()
        self._results.clear()
