"""A one-off build makes its pages' files ahead (``rskole.ahead``) and has its pages
finished and written by a second process (``rskole.writer``): forced here, the fixture
being too small for either. The site is the one a build without them writes, with no file
left empty; a build that fails leaves the last good site and no staging folder."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from sitekit import make_project, run_build, site_files

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="no fork on this platform: nothing is made ahead")


def _build_here(project, site, monkeypatch, more: int = 0, made: list | None = None):
    """``mkdocs build`` of ``project`` into ``site`` in this process, everything made ahead
    (and ``more`` files besides, for a process that takes its time)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("PORTAL_TODAY", "2027-03-01")
    monkeypatch.syspath_prepend(str(project / "hooks"))
    from rskole import ahead

    monkeypatch.setattr(ahead, "MINIMUM", 0)
    made = [] if made is None else made
    own = ahead.Ahead.__init__

    def recorded(self, files, minimum=None):
        files = files + [Path(files[0]).parent / f"mere-{i}" / "index.html" for i in range(more)]
        own(self, files, minimum)
        self.started = self._pid
        made.append(self)

    monkeypatch.setattr(ahead.Ahead, "__init__", recorded)
    config = load_config(str(project / "mkdocs.yml"))
    config["site_dir"] = str(site)
    build(config)
    return made


def test_a_build_with_files_made_ahead_writes_the_same_site(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", "portal")
    alone = run_build(project, today="2027-03-01", site=tmp_path / "alone")
    assert alone.returncode == 0, alone.stderr
    made = _build_here(project, tmp_path / "ahead", monkeypatch)
    assert len(made) == 1 and len(made[0].files) > 20 and made[0]._pid == 0  # made, and waited for
    a, b = site_files(alone.site), site_files(tmp_path / "ahead")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert all(data for data in b.values())  # no file left empty
    assert not any(p.is_dir() and not any(p.iterdir()) for p in (tmp_path / "ahead").rglob("*"))
    assert multiprocessing.active_children() == []


def test_a_failed_build_stops_making_files_and_leaves_the_last_good_site(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", "portal")
    site = tmp_path / "site"
    good = run_build(project, today="2027-03-01", site=site)
    assert good.returncode == 0, good.stderr
    before = site_files(site)
    broken = next((project / "courses").rglob("haab*.yml"))
    broken.write_text(broken.read_text(encoding="utf-8") + "\nukendt_felt: ja\n", encoding="utf-8")
    from mkdocs.exceptions import MkDocsException

    made = []
    with pytest.raises(MkDocsException):
        _build_here(project, site, monkeypatch, more=20_000, made=made)
    assert site_files(site) == before
    assert len(made) == 1 and made[0].started and made[0]._pid == 0
    with pytest.raises(ChildProcessError):
        os.waitpid(made[0].started, os.WNOHANG)  # reaped
    # The process was still making files when the content was found wrong: stopped and
    # reaped before the staging folder was removed, which it would otherwise make again.
    assert not (tmp_path / ".site.building").exists()


def test_a_build_whose_pages_a_writer_writes_is_the_same_site_and_says_nothing_of_it(tmp_path, monkeypatch, caplog):
    # rskole.writer, forced here: MkDocs gets "" for every page and writes none; it would
    # say "Page skipped ... Generated empty output" of each one.
    project = make_project(tmp_path / "p", "portal")
    alone = run_build(project, today="2027-03-01", site=tmp_path / "alone")
    assert alone.returncode == 0, alone.stderr
    import logging

    from rskole import writer

    monkeypatch.setattr(writer, "MINIMUM", 0)
    monkeypatch.setattr(writer, "SEGMENT", 100_000)  # several spool files
    pens = []
    own = writer.Writer.__init__

    def recorded(self, pages, minimum=None):
        own(self, pages, minimum)
        pens.append(self)

    monkeypatch.setattr(writer.Writer, "__init__", recorded)
    caplog.set_level(logging.INFO, logger="mkdocs")
    _build_here(project, tmp_path / "written", monkeypatch)
    assert len(pens) == 1 and pens[0]._sent > 50 and len(pens[0]._segments) > 2 and not pens[0].working
    a, b = site_files(alone.site), site_files(tmp_path / "written")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []  # the CSP in _headers included
    assert "Page skipped" not in caplog.text and "Documentation built" in caplog.text
    assert [logging.getLogger(name).filters for name in ("mkdocs.commands.build", "properdocs.commands.build")] == [[], []]
