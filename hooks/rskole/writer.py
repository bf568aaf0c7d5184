"""Pages finished and written by a second process while the engine lays out the next ones.

Once the engine has laid out a page, the rest is ours: the theme's indentation left out
(``whitespace``), the inline scripts' hashes noted for the Content-Security-Policy
(``headers``) and the file written, in UTF-8 as MkDocs writes it. At 1,000 courses that
was about a third of the time the build's own process spent on a page, and the worker
beside the engine (search's reading and the feeds, then) stood idle for the last 0.6 s of it.

A one-off build forks a ``Writer`` when the engine begins to lay out pages. The build
appends each laid-out page to a spool file, in folders of a few megabytes that the writer
removes once it has written their pages: a copy for the build, nothing to wait for (no
pipe, no thread: ``background`` says why). ``close`` waits for the last page and gives the
scripts' hashes. If the writer fails, the build writes what it had not written from the
spool itself. Without ``fork``, for a small site, or once closed, ``hand_over`` says no
and the caller writes the page itself (``finished``), as before.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import struct
import tempfile
from pathlib import Path

from . import background, headers, whitespace

#: Fewer pages than this are not worth a process.
MINIMUM = 200
#: A spool file holds pages up to about this many bytes; then the next one begins.
SEGMENT = 8 << 20

#: Before each page: the length of its bytes and of its destination (UTF-8).
_FRAME = struct.Struct("<QI")
#: A destination length that means "the spool goes on in the next file".
_NEXT = 0xFFFFFFFF


def finished(html: str) -> tuple[bytes, set[str]]:
    """A laid-out page as it is written (its indentation between tags left out, in UTF-8
    with MkDocs' ``xmlcharrefreplace``), and its inline scripts' CSP hashes."""
    html = whitespace.compact(html)
    return html.encode("utf-8", errors="xmlcharrefreplace"), headers.script_hashes(html)


def write_file(dest: str, data: bytes) -> None:
    """As MkDocs' ``utils.write_file``: the folder made if needed, the file replaced."""
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as out:
        out.write(data)


def _frames(path: str):
    """(destination, laid-out page) of each page in one spool file, up to its end or the
    mark that the spool goes on in the next file."""
    with open(path, "rb") as spool:
        while True:
            head = spool.read(_FRAME.size)
            if len(head) < _FRAME.size:
                return
            size, dest_size = _FRAME.unpack(head)
            if dest_size in (_NEXT, 0):
                return
            dest = spool.read(dest_size).decode("utf-8")
            yield dest, spool.read(size)


class Writer:
    """The pages of one build, finished and written by a forked process."""

    def __init__(self, pages: int, minimum: int | None = None):
        self._pid = 0
        self._folder = ""
        #: Spool files in order, each with how many pages it holds.
        self._segments: list[list] = []
        self._out = None
        self._sent = 0
        self.hashes: set[str] = set()
        if pages < (MINIMUM if minimum is None else minimum) or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        try:
            #: One release a page (or a "next file" mark) appended whole.
            self._ready = context.Semaphore(0)
            #: Pages written by the writer, for a build that must finish its work.
            self._done = context.RawValue("q", 0)
            self._folder = tempfile.mkdtemp(prefix="rskole-pages-")
            self._begin_segment()
        except OSError:  # no shared memory or temporary folder to be had: no writer
            self._remove_folder()
            self._segments = []
            return
        pid = os.fork()
        if pid == 0:  # the writer
            status = 1
            try:
                gc.disable()  # it makes little: the collector would only copy the build's heap
                self._write_all()
                status = 0
            finally:
                os._exit(status)
        self._pid = pid

    @property
    def working(self) -> bool:
        return self._pid != 0

    def _begin_segment(self) -> None:
        path = os.path.join(self._folder, str(len(self._segments)))
        self._segments.append([path, 0])
        self._out = open(path, "wb", buffering=0)

    def hand_over(self, dest: str, html: str) -> bool:
        """Give the writer the page laid out for ``dest``; False when there is none (the
        caller then finishes and writes the page itself)."""
        if not self._pid:
            return False
        data = html.encode("utf-8", errors="xmlcharrefreplace")
        target = dest.encode("utf-8")
        self._append(_FRAME.pack(len(data), len(target)) + target + data)
        self._segments[-1][1] += 1
        self._sent += 1
        if self._out.tell() >= SEGMENT:
            # The next file is there before the writer reads that it should open it.
            full = self._out
            self._begin_segment()
            self._append(_FRAME.pack(0, _NEXT), full)
            full.close()
        return True

    def _append(self, frame: bytes, out=None) -> None:
        """A whole frame into the spool, then one release: the writer reads it only then."""
        out = out or self._out
        view = memoryview(frame)
        while view:
            view = view[out.write(view):]
        self._ready.release()

    def _write_all(self) -> None:
        """In the writer: each page as it comes, until the spool ends. The hashes of a spool
        file's pages are added to the hashes file before the spool file is removed."""
        index = 0
        build = os.getppid()
        with open(os.path.join(self._folder, "hashes"), "a", encoding="utf-8") as noted:
            while True:
                path = os.path.join(self._folder, str(index))
                hashes: set[str] = set()
                with open(path, "rb") as spool:
                    while True:
                        while not self._ready.acquire(timeout=1):
                            if os.getppid() != build:
                                return  # the build is gone: nothing more will come
                        size, dest_size = _FRAME.unpack(spool.read(_FRAME.size))
                        if dest_size in (_NEXT, 0):
                            break
                        dest = spool.read(dest_size).decode("utf-8")
                        data, found = finished(spool.read(size).decode("utf-8"))
                        write_file(dest, data)
                        hashes |= found
                        self._done.value += 1
                noted.write("".join(f"{h}\n" for h in sorted(hashes)))
                noted.flush()
                if dest_size == 0:
                    return  # the end
                os.unlink(path)  # written: its pages need not wait on the disk
                index += 1

    def close(self) -> set[str]:
        """Once the last page is handed over: wait for the writer to write it. The hashes
        of every page it wrote (``hashes``); pages it did not write, if it failed, are
        written here from the spool."""
        if not self._pid:
            return self.hashes
        self._append(_FRAME.pack(0, 0))
        self._out.close()
        status = background.reap(self._pid)
        self._pid = 0
        try:
            with open(os.path.join(self._folder, "hashes"), encoding="utf-8") as noted:
                self.hashes |= set(noted.read().split())
        except OSError:
            pass
        if status != 0 or self._done.value != self._sent:
            self._write_rest()
        self._remove_folder()
        return self.hashes

    def _write_rest(self) -> None:
        """A writer that stopped: every page it did not count as written, written here,
        and the hashes of every spool file it did not finish (it removes a file only once
        it has noted its hashes)."""
        written = self._done.value
        place = 0
        for path, count in self._segments:
            if not os.path.exists(path):
                place += count
                continue
            for dest, data in _frames(path):
                page, found = finished(data.decode("utf-8"))
                if place >= written:
                    write_file(dest, page)
                self.hashes |= found
                place += 1

    def stop(self) -> None:
        """A build that failed: stop the writer at once and remove the spool."""
        if self._pid:
            background.kill(self._pid)
            self._pid = 0
        if self._out is not None:
            self._out.close()
        self._remove_folder()

    def _remove_folder(self) -> None:
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = ""
