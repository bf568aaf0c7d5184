"""Where a one-off build will write its course and term pages, made ahead.

Creating a file, and a folder for each page, is the costliest part of writing a page on a
journaling file system: on this project's machine (ext4) 0.3-1.1 s of kernel time for the
folders and files of 1,291 pages, against 0.09 s for writing the same bytes into files
that exist. The build's own process writes the pages one after another once the engine
lays them out, and before that it reads the content with the second core idle. Meanwhile
a forked process makes the folders and empty files of the pages whose place the file
names already give (a course's page and calendar, a term's page: ``routes``), never over
a file that exists (``O_EXCL``: a page written first stays as it is).

Whatever it made that the build did not write (a course file the catalogue refuses
stops the build; one whose page is not made) is removed before the site is published
(``Ahead.tidy``): no page is ever empty, and a site has no file the build did not mean.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from . import background, routes
from .catalogue import Paths, course_files
from .danish import is_slug

#: Fewer files than this are not worth a process (starting one costs a few milliseconds).
MINIMUM = 200


def planned(paths: Paths, site_dir: Path) -> list[Path]:
    """The files a build writes for the course and term files there are, by their names
    alone: each course's page and calendar file, each term's page (their folders first)."""
    out: list[Path] = []
    for path in course_files(paths):
        if path.suffix in (".yml", ".yaml") and is_slug(path.stem):
            out.append(site_dir / routes.url_of(routes.course_uri(path.stem)) / "index.html")
            out.append(site_dir / routes.ics_url(path.stem))
    glossary = paths.root / paths.glossary
    if glossary.is_dir():
        for path in sorted(glossary.rglob("*.md")):
            if path.is_file() and not any(part.startswith((".", "_")) for part in path.relative_to(glossary).parts) \
                    and is_slug(path.stem):
                out.append(site_dir / routes.url_of(routes.term_uri(path.stem)) / "index.html")
    return out


def _make(files: list[Path]) -> None:
    """Each file's folder, and the file, empty, unless it exists."""
    folders: set[Path] = set()
    for file in files:
        if file.parent not in folders:
            os.makedirs(file.parent, exist_ok=True)
            folders.add(file.parent)
        try:
            os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except OSError:
            pass  # there already (written first), or not ours to make: the build writes it


class Ahead:
    """The files of ``planned``, made by a forked process while the build goes on (on a
    platform without ``fork``, or for a small site, nothing is made ahead)."""

    def __init__(self, files: list[Path], minimum: int | None = None):
        self.files = files
        self._pid = 0
        if len(files) < (MINIMUM if minimum is None else minimum) or "fork" not in multiprocessing.get_all_start_methods():
            return
        pid = os.fork()
        if pid == 0:  # the forked process: only system calls, then out without Python's exit
            status = 0
            try:
                _make(files)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        self._pid = pid

    def wait(self) -> None:
        """Until the process has made its files (or stopped)."""
        if self._pid:
            background.reap(self._pid)
            self._pid = 0

    def stop(self) -> None:
        """Stop the process at once (a build that failed: its folder is removed next)."""
        if self._pid:
            background.kill(self._pid)
            self._pid = 0

    def tidy(self) -> list[Path]:
        """Remove what was made ahead and not written (an empty file; a page's folder left
        empty): the files removed."""
        self.wait()
        removed = []
        for file in self.files:
            try:
                if file.stat().st_size != 0:
                    continue
                file.unlink()
            except FileNotFoundError:
                continue
            removed.append(file)
            if file.name == "index.html":
                try:
                    file.parent.rmdir()
                except OSError:
                    pass  # not empty: the folder holds more
        return removed
