"""Work done in a second process while the build goes on.

At 1,000 courses a one-off build spends about 3 s laying out the generated pages other
than the term pages (the course pages with their QR codes and Markdown, the catalogue's
lists, the calendar, the teachers', places' and themes' pages): all pure functions of
their input (a course page's glossary uses come back with it; the term pages, which
list them, are laid out last). ``Meet`` shares that work with one worker process, forked
when ``Build.compose`` begins: the worker makes the pages from the first, the build,
which asks for them in that order, from the last back, and each takes the other's when
it gets there. The same function makes a result in either process: the pages are the
same bytes.

A second worker writes the feeds, forked when compose's worker has made its share of the
pages and the build lays out the term pages (``Build._start_feeds``; ``Prefetch``: the
tasks are handed over through a pool, and the build waits for each result).

A worker's results reach the build through a file, not a pipe: the build's process reads
a pool's pipe with a thread of its own, which must wait for the interpreter lock at every
pipe-full (64 KB) while the build's own thread lays out pages. A megabyte of pages took a
second to hand over that way, and the worker stood still meanwhile.

Only where ``fork`` is the way to start a process (Linux; the worker then has the
build's own objects, nothing is pickled but the results) and in a build with no other
threads (a one-off ``mkdocs build``; ``mkdocs serve`` keeps its results in caches
instead): each worker is forked from the build's process alone (compose's worker, a
process of its own, may still be there, idle).
Work asked for in any process but the one that started the worker (its worker's own work
asking for more) is made there. Otherwise, for a small site, or if a worker fails, every
result is made in the build's own process, as before.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import shutil
import struct
import tempfile
from collections import deque
from typing import Any, Callable, Hashable

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
    """Results of ``work[kind](arg)`` for the ``tasks`` (kind, arg), made by a worker:
    handed over through a pool, a few handfuls at a time in the order the build asks for
    them; the build waits for each (for work that keeps ahead of the build)."""

    def __init__(self, work: dict[str, Callable[[str], str]], tasks: list[tuple[str, str]],
                 minimum: int | None = None, alone: frozenset[str] = frozenset(),
                 ahead: int | None = None):
        self.work = work
        #: Handfuls handed over ahead of the build (``AHEAD``, unless the results are small
        #: enough to hand over every task at once and let the worker run to its end).
        self.ahead = AHEAD if ahead is None else ahead
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
        try:
            self._spool = _SPOOL = tempfile.mkdtemp(prefix="rskole-")
        except OSError:  # no temporary folder to be had: everything is made here
            self._waiting.clear()
            return
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
                    chunk, pending = self._handed.popleft()
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


#: A result's length before it in a ``Meet`` worker's file (then the task's place, then
#: the pickled result).
_FRAME = struct.Struct("<QQ")


def _results_file():
    """A new temporary file for a worker's results: its path, and the build's reader."""
    fd, path = tempfile.mkstemp(prefix="rskole-")
    os.close(fd)
    try:
        return path, open(path, "rb", buffering=0)
    except OSError:
        os.unlink(path)
        raise


def _end_worker(process, reader, path: str) -> None:
    """Stop a worker that writes its results to a file (``Meet``, ``Stream``), close the
    build's reader and remove the file; each may be missing."""
    if process is not None:
        process.terminate()
        process.join()
        process.close()
    if reader is not None:
        reader.close()
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass


def kill(pid: int) -> None:
    """Stop a process forked with ``os.fork`` (``ahead``, ``writer``) at once, and reap it."""
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    reap(pid)


def reap(pid: int) -> int:
    """Wait for a forked process to end; its wait status (0 when it was reaped before)."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return 0


def _write_whole(out, data: bytes) -> None:
    """``data`` into a worker's results file (a raw write may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[out.write(view):]


def _read_exactly(reader, size: int) -> bytes:
    """``size`` bytes of a worker's results (written whole before they were announced)."""
    data = reader.read(size)
    while len(data) < size:  # a raw read may return less than asked
        more = reader.read(size - len(data))
        if not more:
            raise EOFError("a worker's result ends early")
        data += more
    return data


class Meet:
    """Results of ``work[kind](arg)`` for the ``tasks`` (kind, arg), asked for in order:
    a worker makes them from the first on while the build, rather than wait for a result,
    makes them from the last back, until the two meet. Every task is made once, by one
    of the two.

    For work the build asks for faster than one worker makes it (the pages of
    ``Build.compose``): both processes stay busy to the end. The two claim tasks through
    shared memory, and the worker writes each result to a file the build reads when it
    gets there, so nothing waits on a thread of the build's process (the pool of
    ``Prefetch`` hands over tasks and results through such threads, which must wait for
    the interpreter lock while the build works: the worker stood idle up to 0.7 s)."""

    def __init__(self, work: dict[str, Callable[[str], str]], tasks: list[tuple[str, str]],
                 minimum: int | None = None):
        self.work = work
        self._tasks = list(dict.fromkeys(tasks))
        self._place = {task: i for i, task in enumerate(self._tasks)}
        #: Tasks not yet made or read, and results made or read but not yet asked for.
        self._expected = set(self._tasks)
        self._results: dict[Hashable, str] = {}
        self.made_here = 0
        self.from_worker = 0
        self._process = None
        self._reader = None
        self._path = ""
        self._frozen = False
        self._pid = os.getpid()
        if len(self._tasks) < (MINIMUM if minimum is None else minimum) or "fork" not in multiprocessing.get_all_start_methods():
            self._expected.clear()
            return
        context = multiprocessing.get_context("fork")
        try:
            self._lock = context.Lock()
            #: The worker's next task, and one past the last task nobody has claimed yet.
            self._ends = context.RawArray("q", [0, len(self._tasks)])
            #: One release a result written whole.
            self._written = context.Semaphore(0)
            self._path, self._reader = _results_file()
        except OSError:  # no shared memory or temporary file to be had: made here
            self._expected.clear()
            return
        gc.freeze()  # as in Prefetch: neither process's collector passes over what both hold
        self._frozen = True
        self._process = context.Process(target=self._work_from_the_front, daemon=True)
        self._process.start()

    @property
    def working(self) -> bool:
        return self._process is not None

    def _work_from_the_front(self) -> None:
        """In the worker: claim the first task nobody has claimed, make it, write it, until
        none is left. A task that fails stops the worker quietly: the build then makes
        what is left itself (and meets the same failure, with its own report)."""
        global _IN_WORKER
        _IN_WORKER = True
        with open(self._path, "ab", buffering=0) as out:
            while True:
                with self._lock:
                    place = self._ends[0]
                    if place >= self._ends[1]:
                        return
                    self._ends[0] = place + 1
                kind, arg = self._tasks[place]
                try:
                    data = pickle.dumps(self.work[kind](arg), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:
                    return
                _write_whole(out, _FRAME.pack(len(data), place) + data)
                self._written.release()

    def _read_one(self) -> None:
        """The worker's next result (written whole: ``_written`` said so)."""
        length, place = _FRAME.unpack(_read_exactly(self._reader, _FRAME.size))
        task = self._tasks[place]
        self._results[task] = pickle.loads(_read_exactly(self._reader, length))
        self._expected.discard(task)
        self.from_worker += 1

    def _claim(self, place: int) -> int | None:
        """A task for the build to make: ``place`` if nobody has claimed it and it is the
        worker's next, else the last task nobody has claimed; None when none is left."""
        with self._lock:
            front, back = self._ends
            if place == front < back:
                self._ends[0] = front + 1
                return place
            if front < back:
                self._ends[1] = back - 1
                return back - 1
        return None

    def get(self, kind: str, arg: str) -> str:
        """``work[kind](arg)``: the worker's result when it made it, else made here."""
        key = (kind, arg)
        if os.getpid() != self._pid:
            return self.work[kind](arg)  # asked in the worker itself: made there
        if key in self._results:
            return self._results.pop(key)
        if key not in self._expected or self._process is None:
            return self.work[kind](arg)
        place = self._place[key]
        try:
            while key not in self._results:
                if self._written.acquire(block=False):
                    self._read_one()
                    continue
                claimed = self._claim(place)
                if claimed is not None:
                    task = self._tasks[claimed]
                    self._results[task] = self.work[task[0]](task[1])
                    self._expected.discard(task)
                    self.made_here += 1
                    continue
                # Everything is claimed and this one is the worker's: wait for it.
                if self._written.acquire(timeout=0.1):
                    self._read_one()
                elif not self._process.is_alive():
                    if not self._written.acquire(block=False):  # nothing it wrote before it stopped
                        raise ChildProcessError("the worker stopped")
                    self._read_one()
        except (ChildProcessError, EOFError, OSError, pickle.UnpicklingError):
            self.close()  # a failed worker: everything left is made here
            return self.work[kind](arg)
        return self._results.pop(key)

    def close(self) -> None:
        """Stop the worker (what it has not made, the build makes itself)."""
        _end_worker(self._process, self._reader, self._path)
        self._process, self._reader, self._path = None, None, ""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        self._expected.clear()
        self._results.clear()


class Stream:
    """``work(arg)`` for each of ``args``, made by a worker in that order while the build
    reads them in that order (``Build.load``: the worker parses each course file while the
    build validates the ones before it). A result, or the exception the work raised, goes
    through a file, one semaphore release a result, as ``Meet``'s do. Asked out of order,
    or once the worker has failed, the build makes the result itself."""

    def __init__(self, work: Callable[[Any], Any], args: list, minimum: int | None = None):
        self.work = work
        self._args = list(args)
        self._next = 0
        self._process = None
        self._reader = None
        self._path = ""
        self.from_worker = 0
        if len(self._args) < (MINIMUM if minimum is None else minimum) or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        try:
            self._written = context.Semaphore(0)
            self._path, self._reader = _results_file()
        except OSError:  # no shared memory or temporary file to be had: made here
            return
        self._process = context.Process(target=self._work_through, daemon=True)
        self._process.start()

    @property
    def working(self) -> bool:
        return self._process is not None

    def _work_through(self) -> None:
        global _IN_WORKER
        _IN_WORKER = True
        with open(self._path, "ab", buffering=0) as out:
            for arg in self._args:
                try:
                    outcome = (True, self.work(arg))
                except Exception as exc:  # the build raises it where it asks, as if made there
                    outcome = (False, exc)
                try:
                    data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    return  # what cannot be handed over, the build makes itself
                _write_whole(out, _FRAME.pack(len(data), 0) + data)
                self._written.release()

    def get(self, arg: Any) -> Any:
        """``work(arg)``: the worker's result when ``arg`` is the next of ``args``."""
        if self._process is None or self._next >= len(self._args) or self._args[self._next] != arg:
            return self.work(arg)
        try:
            while not self._written.acquire(timeout=0.1):
                if not self._process.is_alive():
                    if self._written.acquire(block=False):
                        break  # written just before it stopped
                    raise ChildProcessError("the worker stopped")
            length, _ = _FRAME.unpack(_read_exactly(self._reader, _FRAME.size))
            made, value = pickle.loads(_read_exactly(self._reader, length))
        except (ChildProcessError, EOFError, OSError, pickle.UnpicklingError, AttributeError, TypeError):
            self.close()
            return self.work(arg)
        self._next += 1
        self.from_worker += 1
        if not made:
            raise value
        return value

    def close(self) -> None:
        """Stop the worker (what it has not read, the build reads itself)."""
        _end_worker(self._process, self._reader, self._path)
        self._process, self._reader, self._path = None, None, ""
