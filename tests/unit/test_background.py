"""rskole.background: results made by a second process are the results made here."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from rskole import background
from rskole.background import Prefetch

FORK = "fork" in multiprocessing.get_all_start_methods()
PARENT = os.getpid()


def shout(text: str) -> str:
    return text.upper() + "!"


def twice(text: str) -> str:
    return text * 2


def only_here(text: str) -> str:
    """Fails in any process but the test's own."""
    if os.getpid() != PARENT:
        raise RuntimeError("not in the worker")
    return text[::-1]


def record_prefetches(monkeypatch, kind: str = "Prefetch") -> list:
    """Every Prefetch (or Meet) made from now on, each with its tasks (once each, in order)."""
    made = []

    class Recorded(getattr(background, kind)):
        def __init__(self, work, tasks, *args, **kwargs):
            super().__init__(work, tasks, *args, **kwargs)
            self.tasks = list(dict.fromkeys(tasks))
            made.append(self)

    monkeypatch.setattr(background, kind, Recorded)
    return made


TASKS = [("a", f"ord {i}") for i in range(40)] + [("b", f"tekst {i}") for i in range(40)]
WORK = {"a": shout, "b": twice}


@pytest.mark.skipif(not FORK, reason="no fork on this platform: everything is made in the build's process")
def test_the_worker_makes_every_task_in_the_order_asked_and_the_same_results():
    prefetch = Prefetch(WORK, TASKS, minimum=0)
    try:
        assert [prefetch.get(kind, arg) for kind, arg in TASKS] == [WORK[kind](arg) for kind, arg in TASKS]
        assert prefetch.from_worker == len(TASKS)
    finally:
        prefetch.close()
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_no_more_than_a_few_handfuls_wait_ahead_of_the_build(monkeypatch):
    monkeypatch.setattr(background, "CHUNK", 4)
    monkeypatch.setattr(background, "AHEAD", 2)
    prefetch = Prefetch(WORK, TASKS, minimum=0)
    try:
        for kind, arg in TASKS:
            assert prefetch.get(kind, arg) == WORK[kind](arg)
            # Made and waiting, or handed over: at most AHEAD handfuls and the one being taken.
            ahead = len(prefetch._results) + sum(len(chunk) for chunk, _ in prefetch._handed)
            assert ahead <= 4 * 2 + 4, ahead
        assert prefetch.from_worker == len(TASKS)
    finally:
        prefetch.close()


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_asked_out_of_order_twice_or_never_submitted():
    prefetch = Prefetch(WORK, TASKS, minimum=0)
    try:
        assert prefetch.get("b", "tekst 39") == "tekst 39tekst 39"  # the last: all before it are kept
        assert prefetch.get("a", "ord 0") == "ORD 0!"
        assert prefetch.get("a", "ord 0") == "ORD 0!"             # asked again: made here
        assert prefetch.get("a", "ikke sendt") == "IKKE SENDT!"   # never handed over: made here
        assert prefetch.from_worker == len(TASKS)
    finally:
        prefetch.close()


def test_a_small_site_gets_no_worker():
    prefetch = Prefetch(WORK, TASKS)
    assert len(TASKS) < background.MINIMUM
    assert [prefetch.get(kind, arg) for kind, arg in TASKS] == [WORK[kind](arg) for kind, arg in TASKS]
    assert prefetch.from_worker == 0 and multiprocessing.active_children() == []


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_failing_worker_leaves_the_work_to_the_build():
    prefetch = Prefetch({"c": only_here}, [("c", "abc"), ("c", "def")], minimum=0)
    assert prefetch.get("c", "abc") == "cba"
    assert prefetch.get("c", "def") == "fed"
    assert prefetch.from_worker == 0
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_build_with_a_worker_finishes_the_same_pages(tmp_path, monkeypatch):
    from test_build_compose import FILES, new_build
    from sitekit import write_files

    write_files(tmp_path, FILES)
    made = record_prefetches(monkeypatch, "Meet")
    monkeypatch.setattr(background, "MINIMUM", 10**9)
    alone = new_build(tmp_path)
    assert alone._prefetch is None and not made  # loading alone starts no worker (rskole check)
    alone.compose()
    assert made[-1].from_worker == 0
    monkeypatch.setattr(background, "MINIMUM", 0)
    # The build's own pages take their time (the worker's do not): the worker makes most
    # pages, the build the first (before the worker is under way) and the definitions.
    from rskole.build import Build
    own = Build._made

    def slow_here(self, src_uri):
        if os.getpid() == PARENT:
            import time
            time.sleep(0.3)
        return own(self, src_uri)

    monkeypatch.setattr(Build, "_made", slow_here)
    helped = new_build(tmp_path)
    helped.compose()
    prefetch = made[-1]
    # Every page but the term pages came whole from one of the two, and each term's
    # definition; the term pages were laid out here, with the course's glossary uses
    # taken from the worker's result. Every page is the one made without a worker.
    whole = [s for s in helped.specs.values() if s.kind != "term"]
    assert len(whole) > 5
    kinds = {kind for kind, _ in prefetch.tasks}
    assert {("page", s.src_uri) for s in whole} <= set(prefetch.tasks) and kinds == {"md", "page"}
    assert any(s.kind == "course" for s in whole)
    assert prefetch.from_worker + prefetch.made_here == len(prefetch.tasks)
    assert prefetch.from_worker > 0 and prefetch.made_here > 0  # both made some
    assert helped._prefetch is None and multiprocessing.active_children() == []
    assert helped.finished == alone.finished
    # The course links CHIME in its learning outcome (its glossary list names another
    # term): the worker's result told the build, and the term's page lists the course.
    assert "../../kurser/haab/" in helped.finished["ordbog/chime.md"].html


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_what_the_build_holds_is_frozen_while_the_worker_runs_and_released_after():
    import gc
    before = gc.get_freeze_count()
    prefetch = Prefetch(WORK, TASKS, minimum=0)
    try:
        assert gc.get_freeze_count() > before
    finally:
        prefetch.close()
    assert gc.get_freeze_count() == before
    prefetch.close()  # a second close leaves it so
    assert gc.get_freeze_count() == before


def test_no_worker_freezes_nothing():
    import gc
    before = gc.get_freeze_count()
    prefetch = Prefetch(WORK, TASKS)
    assert gc.get_freeze_count() == before
    prefetch.close()
    assert gc.get_freeze_count() == before


def slow_in_worker(text: str) -> tuple[str, bool]:
    """Ten times slower in any process but the test's own (a worker that falls behind);
    says which made it."""
    import time
    worker = os.getpid() != PARENT
    time.sleep(0.05 if worker else 0.005)
    return text.upper(), worker


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_the_worker_works_from_the_first_and_the_build_from_the_last_until_they_meet():
    tasks = [("s", f"ord {i}") for i in range(20)]
    meet = background.Meet({"s": slow_in_worker}, tasks, minimum=0)
    try:
        # The worker takes 50 ms a task, the build 5 ms: rather than wait, the build makes
        # the tasks from the last back, and then takes the worker's. Each is made once.
        results = [meet.get(*task) for task in tasks]
        assert [text for text, _ in results] == [arg.upper() for _, arg in tasks]
        by_worker = [i for i, (_, worker) in enumerate(results) if worker]
        assert meet.from_worker == len(by_worker) and meet.made_here == 20 - len(by_worker)
        assert 0 < len(by_worker) < 10 and meet.made_here > 10
        # The worker's are a run from the front (the build may have taken the very first
        # before the worker started), the build's the rest.
        assert by_worker == list(range(by_worker[0], by_worker[0] + len(by_worker))) and by_worker[0] <= 1
    finally:
        meet.close()
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_meet_asked_out_of_order_twice_or_never_given():
    meet = background.Meet(WORK, TASKS, minimum=0)
    try:
        assert meet.get("b", "tekst 39") == "tekst 39tekst 39"  # the last: made here at once
        assert meet.get("a", "ord 0") == "ORD 0!"
        assert meet.get("a", "ord 0") == "ORD 0!"             # asked again: made here
        assert meet.get("a", "ikke sendt") == "IKKE SENDT!"   # never given: made here
        assert [meet.get(*task) for task in TASKS[1:-1]] == [WORK[k](a) for k, a in TASKS[1:-1]]
        assert meet.from_worker + meet.made_here == len(TASKS)
    finally:
        meet.close()


def slowly_only_here(text: str) -> str:
    """Fails in any process but the test's own, and takes 50 ms in it."""
    import time
    time.sleep(0.05)
    return only_here(text)


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_failing_meet_worker_leaves_the_work_to_the_build():
    tasks = [("c", f"{i}abc") for i in range(8)]
    meet = background.Meet({"c": slowly_only_here}, tasks, minimum=0)
    try:
        assert [meet.get(*task) for task in tasks] == [arg[::-1] for _, arg in tasks]
        # The worker claimed a task, failed at it and stopped: the build made it too.
        assert meet.from_worker == 0 and meet.made_here == 7 and not meet.working
    finally:
        meet.close()
    assert multiprocessing.active_children() == []


def test_a_small_site_meets_no_worker():
    meet = background.Meet(WORK, TASKS)
    assert len(TASKS) < background.MINIMUM and not meet.working
    assert [meet.get(kind, arg) for kind, arg in TASKS] == [WORK[kind](arg) for kind, arg in TASKS]
    assert meet.from_worker == 0 and multiprocessing.active_children() == []
    meet.close()


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_meet_freezes_what_the_build_holds_and_leaves_no_file():
    import gc
    before = gc.get_freeze_count()
    meet = background.Meet(WORK, TASKS, minimum=0)
    path = meet._path
    try:
        assert gc.get_freeze_count() > before and os.path.isfile(path)
        assert [meet.get(*task) for task in TASKS] == [WORK[k](a) for k, a in TASKS]
    finally:
        meet.close()
    assert gc.get_freeze_count() == before and not os.path.exists(path)
    meet.close()


def test_a_task_of_a_kind_alone_gets_a_handful_of_its_own():
    tasks = [("a", str(i)) for i in range(5)] + [("z", "end")] + [("a", "5")]
    assert background._handfuls(tasks, frozenset({"z"}), 3) == [
        tasks[0:3], tasks[3:5], [("z", "end")], [("a", "5")]]
    assert background._handfuls(tasks, frozenset(), 3) == [tasks[0:3], tasks[3:6], tasks[6:]]


def wait_for_file(path: str) -> str:
    """Made only once ``path`` exists (at most 20 s): a long task."""
    import time
    for _ in range(200):
        if os.path.exists(path):
            return "made"
        time.sleep(0.1)
    return "late"


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_results_before_a_long_task_alone_do_not_wait_for_it(tmp_path):
    # The build takes every quick result while the long task cannot finish yet (its file
    # is made only after): in one handful with it, the first would have waited for it.
    signal = str(tmp_path / "go")
    tasks = [("a", f"ord {i}") for i in range(5)] + [("z", signal)]
    prefetch = Prefetch({"a": shout, "z": wait_for_file}, tasks, minimum=0, alone=frozenset({"z"}))
    try:
        assert [prefetch.get(kind, arg) for kind, arg in tasks[:5]] == [shout(arg) for _, arg in tasks[:5]]
        assert prefetch.from_worker == 5
        open(signal, "w").close()
        assert prefetch.get("z", signal) == "made" and prefetch.from_worker == 6
    finally:
        prefetch.close()


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_every_task_can_be_handed_over_at_once(monkeypatch):
    monkeypatch.setattr(background, "CHUNK", 4)
    monkeypatch.setattr(background, "AHEAD", 2)
    everything = Prefetch(WORK, TASKS, minimum=0, ahead=len(TASKS))
    few = Prefetch(WORK, TASKS, minimum=0)
    try:
        # Before the build asks for anything: all 20 handfuls with the worker, or AHEAD.
        assert (len(everything._handed), len(few._handed)) == (20, 2)
        assert [everything.get(kind, arg) for kind, arg in TASKS] == [WORK[kind](arg) for kind, arg in TASKS]
        assert everything.from_worker == len(TASKS)
    finally:
        everything.close()
        few.close()


def worker_or_not(_arg: str) -> bool:
    return background.in_worker()


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_worker_knows_it_is_one_and_the_build_does_not():
    prefetch = Prefetch({"w": worker_or_not}, [("w", str(i)) for i in range(4)], minimum=0)
    try:
        assert [prefetch.get("w", str(i)) for i in range(4)] == [True] * 4
        assert prefetch.from_worker == 4
    finally:
        prefetch.close()
    assert background.in_worker() is False


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_page_is_compressed_only_to_go_through_the_pipe_or_to_be_kept_so(tmp_path, monkeypatch):
    import zlib
    from test_build_compose import FILES, new_build
    from sitekit import write_files

    write_files(tmp_path, FILES)
    build = new_build(tmp_path)
    assert not build._packed
    body, compressed, *_ = build._made("kurser/haab.md")
    assert compressed is False and body.startswith(b"<")  # made here: laid out, not packed
    prefetch = Prefetch({"page": build._made}, [("page", "kurser/haab.md")], minimum=0)
    try:
        through, compressed, *_ = prefetch.get("page", "kurser/haab.md")
        assert prefetch.from_worker == 1
    finally:
        prefetch.close()
    assert compressed is True and zlib.decompress(through) == body


def megabyte(seed: str) -> bytes:
    return os.urandom(1 << 20) if seed == "random" else seed.encode() * (1 << 20)


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_results_come_back_through_files_not_the_pipe_and_the_files_go(monkeypatch):
    # The pool's pipe is read by a thread of the build's process, which waits for the
    # interpreter lock at every pipe-full while the build works: a megabyte took a second.
    through_pipe = []
    own = background._results_of

    def spied(path):
        through_pipe.append(path)
        assert isinstance(path, str) and os.path.getsize(path) > 1 << 20
        return own(path)

    monkeypatch.setattr(background, "_results_of", spied)
    monkeypatch.setattr(background, "CHUNK", 1)
    tasks = [("m", "random"), ("m", "x"), ("m", "yz")]
    prefetch = Prefetch({"m": megabyte}, tasks, minimum=0)
    spool = prefetch._spool
    try:
        assert os.path.isdir(spool)
        first = prefetch.get("m", "random")
        assert len(first) == 1 << 20 and first != megabyte("random")  # the worker's, whole
        assert prefetch.get("m", "x") == megabyte("x")
        assert prefetch.get("m", "yz") == megabyte("yz")
        assert prefetch.from_worker == 3
        assert len(through_pipe) == 3 and all(os.path.dirname(p) == spool for p in through_pipe)
        assert not any(os.path.exists(p) for p in through_pipe)  # each read once, then gone
    finally:
        prefetch.close()
    assert not os.path.exists(spool)


def test_no_worker_makes_no_folder(monkeypatch):
    made = []
    monkeypatch.setattr(background.tempfile, "mkdtemp", lambda *a, **k: made.append(1))
    prefetch = Prefetch(WORK, TASKS)
    assert prefetch.get("a", "ord 1") == "ORD 1!"
    prefetch.close()
    assert made == []


def parse_or_refuse(text: str) -> str:
    """A stand-in for reading a file: some are refused with a located problem."""
    from rskole.sources import SourceError

    if text.startswith("bad"):
        raise SourceError(int(text[3:]), f"linje {text[3:]} kan ikke læses")
    return text.upper()


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_stream_gives_the_workers_results_in_order_and_raises_what_the_work_raised():
    from rskole.sources import SourceError

    args = ["a", "bad7", "b", "c", "bad12", "d"]
    stream = background.Stream(parse_or_refuse, args, minimum=0)
    try:
        assert stream.working
        assert stream.get("a") == "A"
        with pytest.raises(SourceError) as raised:
            stream.get("bad7")
        assert (raised.value.line, raised.value.message) == (7, "linje 7 kan ikke læses")
        assert stream.get("b") == "B"
        assert stream.get("zz") == "ZZ"          # not the next: made here
        assert stream.get("c") == "C"
        with pytest.raises(SourceError):
            stream.get("bad12")
        assert stream.get("d") == "D"
        assert stream.get("d") == "D"            # asked again: made here
        assert stream.from_worker == 6
    finally:
        stream.close()
    assert multiprocessing.active_children() == []


def refuses_in_the_worker(text: str) -> str:
    if os.getpid() != PARENT:
        os._exit(3)  # the worker dies at its first task
    return text[::-1]


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_stream_whose_worker_dies_leaves_the_work_to_the_build():
    stream = background.Stream(refuses_in_the_worker, ["abc", "def"], minimum=0)
    assert [stream.get("abc"), stream.get("def")] == ["cba", "fed"]
    assert stream.from_worker == 0 and not stream.working
    assert multiprocessing.active_children() == []


def test_a_short_stream_has_no_worker():
    stream = background.Stream(shout, ["a", "b"])
    assert not stream.working and [stream.get("a"), stream.get("b")] == ["A!", "B!"]
    stream.close()


def test_without_a_temporary_file_every_result_is_made_here(monkeypatch):
    # A read-only or full temporary folder: no worker, and no traceback either.
    def refused(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(background.tempfile, "mkstemp", refused)
    monkeypatch.setattr(background.tempfile, "mkdtemp", refused)
    meet = background.Meet(WORK, TASKS, minimum=0)
    stream = background.Stream(shout, ["a", "b"], minimum=0)
    prefetch = Prefetch(WORK, TASKS, minimum=0)
    try:
        assert not (meet.working or stream.working or prefetch.working)
        assert [meet.get(*task) for task in TASKS] == [prefetch.get(*task) for task in TASKS] == [WORK[k](a) for k, a in TASKS]
        assert stream.get("a") == "A!"
    finally:
        meet.close()
        stream.close()
        prefetch.close()
    assert multiprocessing.active_children() == []
