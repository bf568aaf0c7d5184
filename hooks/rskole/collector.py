"""Python's cyclic collector in a served preview: it runs between rebuilds, not during them.

A served preview keeps the last build's pages, views and caches in memory (``memo``) for
its next rebuild. The collector's full passes go over every object it tracks, and a
rebuild after a one-course edit set off such passes: 0.2-0.3 s of a 1.1-1.7 s rebuild at
1,000 courses (measured with ``gc.callbacks``). So during a rebuild (not the first build
of the preview) the collector is off; a moment after the rebuild has ended, once the
browser has had its page, a thread collects once and turns the collector on again.

The work is the same, at a time when nobody waits for it. An editor's next save waits
for it only when it comes within that moment. Saves in quick succession cancel the
collection; after ``CANCELLED_AT_MOST`` rebuilds without one, the next rebuild collects
before it starts, so a preview's memory stays bounded however fast files change.
"""

from __future__ import annotations

import gc
import threading

#: Seconds from a rebuild's end to the collection: MkDocs' server tells the browser to
#: reload as the rebuild ends, and a collection holds the interpreter (its HTTP threads
#: too) for its whole length.
DELAY = 0.25
#: Rebuilds in a row whose collection was cancelled by the next one, at most.
CANCELLED_AT_MOST = 3


class Between:
    """The collector's schedule for the builds of one process."""

    def __init__(self, delay: float = DELAY, cancelled_at_most: int = CANCELLED_AT_MOST):
        self.delay = delay
        self.cancelled_at_most = cancelled_at_most
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._builds = 0
        self._cancelled = 0
        #: Whether the collector was on before the first rebuild turned it off: it is
        #: turned on again only then (a host that keeps it off keeps it off).
        self._was_enabled = True
        self.collections = 0

    def build_starts(self) -> None:
        """A served build begins: from the second on, the collector is off until it ends."""
        with self._lock:
            self._builds += 1
            if self._builds == 1:
                return
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
                self._cancelled += 1
            if self._builds == 2:
                self._was_enabled = gc.isenabled()
            gc.disable()
            if self._cancelled >= self.cancelled_at_most:
                self._collect_now()

    def build_ends(self) -> None:
        """A served build has ended (or failed): collect a moment later, unless the next
        build starts first."""
        with self._lock:
            if self._builds < 2 or self._timer is not None:
                return
            timer = threading.Timer(self.delay, self._collect_later)
            timer.daemon = True  # never keeps the server's process from ending
            self._timer = timer
            try:
                timer.start()
            except RuntimeError:  # no thread to be had: collect now, as before this schedule
                self._timer = None
                self._collect_now()
                if self._was_enabled:
                    gc.enable()

    def _collect_later(self) -> None:
        with self._lock:
            if self._timer is not threading.current_thread():
                return  # cancelled: a build has started since
            self._timer = None
            self._collect_now()
            if self._was_enabled:
                gc.enable()

    def _collect_now(self) -> None:
        gc.collect()
        self._cancelled = 0
        self.collections += 1


#: The process's schedule: a served preview's builds all run in one process.
PREVIEW = Between()
