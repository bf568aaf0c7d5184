"""Python's collector in a served preview runs between rebuilds (rskole.collector)."""

from __future__ import annotations

import gc
import weakref

import pytest

from rskole.collector import Between


class Cycle:
    def __init__(self):
        self.me = self


@pytest.fixture(autouse=True)
def collector_restored():
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def rebuilding(schedule: Between) -> Between:
    """The preview's first build started and ended, and a rebuild started."""
    schedule.build_starts()
    schedule.build_ends()
    schedule.build_starts()
    return schedule


def ended(schedule: Between) -> None:
    """``build_ends``, then wait for the collection it schedules (the timer may have fired
    already on a busy machine: then ``_timer`` is None and the collection made)."""
    before = schedule.collections
    schedule.build_ends()
    timer = schedule._timer
    if timer is not None:
        timer.join(timeout=10)
        assert not timer.is_alive()
    assert schedule.collections == before + 1, "no collection was made"


def test_the_first_build_keeps_the_collector_on():
    schedule = Between(delay=0.01)
    schedule.build_starts()
    assert gc.isenabled()
    schedule.build_ends()
    assert schedule._timer is None and schedule.collections == 0


def test_a_rebuild_runs_without_the_collector_which_runs_after_it():
    schedule = rebuilding(Between(delay=0.01))
    assert not gc.isenabled()
    garbage = Cycle()
    gone = weakref.ref(garbage)
    del garbage
    assert gone() is not None  # a cycle: only the collector frees it
    ended(schedule)
    assert gone() is None
    assert gc.isenabled()
    assert schedule.collections == 1


def test_a_save_before_the_collection_cancels_it_and_the_collector_stays_off():
    schedule = rebuilding(Between(delay=60))
    schedule.build_ends()
    timer = schedule._timer
    assert not timer.finished.is_set()
    schedule.build_starts()  # the next save, within the delay
    assert timer.finished.is_set()  # cancelled (it would have waited a minute)
    assert not gc.isenabled()
    assert schedule.collections == 0


def test_saves_in_quick_succession_collect_before_a_rebuild_at_the_limit():
    schedule = rebuilding(Between(delay=60, cancelled_at_most=3))
    garbage = Cycle()
    gone = weakref.ref(garbage)
    del garbage
    for _ in range(2):  # two collections cancelled: none made yet
        schedule.build_ends()
        schedule.build_starts()
    assert schedule.collections == 0 and gone() is not None
    schedule.build_ends()
    schedule.build_starts()  # the third cancelled: this rebuild collects first
    assert schedule.collections == 1 and gone() is None
    assert not gc.isenabled()  # and still runs without the collector
    schedule.build_ends()
    schedule._timer.cancel()


def test_a_host_that_keeps_the_collector_off_keeps_it_off():
    gc.disable()
    schedule = rebuilding(Between(delay=0.01))
    ended(schedule)
    assert not gc.isenabled()


def test_a_build_that_ends_twice_schedules_one_collection():
    # A failed rebuild: the adapter's error handling and MkDocs' on_build_error both end it.
    schedule = rebuilding(Between(delay=60))
    schedule.build_ends()
    first = schedule._timer
    schedule.build_ends()
    assert schedule._timer is first and first.is_alive()
    first.cancel()


def test_an_end_without_a_start_does_nothing():
    # A one-off build never starts the preview's schedule; its build errors still end it.
    schedule = Between(delay=0.01)
    schedule.build_ends()
    assert schedule._timer is None and gc.isenabled()


def test_no_thread_for_the_collection_collects_at_once(monkeypatch):
    import threading

    def refused(self):
        raise RuntimeError("can't start new thread")

    schedule = rebuilding(Between(delay=60))
    monkeypatch.setattr(threading.Timer, "start", refused)
    schedule.build_ends()
    assert schedule._timer is None and schedule.collections == 1 and gc.isenabled()
