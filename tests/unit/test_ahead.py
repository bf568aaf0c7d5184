"""rskole.ahead: the pages' files made ahead, never over a written file, and nothing
made ahead left in a site."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from rskole import ahead
from rskole.catalogue import Paths

FORK = "fork" in multiprocessing.get_all_start_methods()


def _project(root: Path) -> Paths:
    files = {
        "courses/_teachers.yml": "{}\n",
        "courses/_locations.yml": "{}\n",
        "courses/2027-foraar/haab.yml": "title: x\n",
        "courses/2027-foraar/mod.yaml": "title: x\n",
        "courses/_kladder/udkast.yml": "title: x\n",      # a folder with _: not read
        "courses/.skjult/gemt.yml": "title: x\n",
        "courses/Forkert Navn.yml": "title: x\n",          # refused by the catalogue
        "courses/noter.txt": "x\n",
        "glossary/chime.md": "x\n",
        "glossary/_skabelon.md": "x\n",
        "glossary/Ikke slug.md": "x\n",
        "glossary/noter.txt": "x\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Paths(root)


def test_planned_are_the_pages_and_calendars_the_file_names_give(tmp_path):
    site = tmp_path / "site"
    planned = ahead.planned(_project(tmp_path), site)
    assert [p.relative_to(site).as_posix() for p in planned] == [
        "kurser/haab/index.html", "kurser/haab.ics",
        "kurser/mod/index.html", "kurser/mod.ics",
        "ordbog/chime/index.html",
    ]


@pytest.mark.skipif(not FORK, reason="no fork on this platform: nothing is made ahead")
def test_files_are_made_empty_never_over_a_written_one_and_tidied(tmp_path):
    site = tmp_path / "site"
    planned = ahead.planned(_project(tmp_path), site)
    written = site / "kurser" / "haab" / "index.html"
    written.parent.mkdir(parents=True)
    written.write_text("<p>Siden</p>", encoding="utf-8")  # written before the process got there
    made = ahead.Ahead(planned, minimum=0)
    made.wait()
    assert all(p.is_file() for p in planned)
    assert written.read_text(encoding="utf-8") == "<p>Siden</p>"
    assert [p.stat().st_size for p in planned if p != written] == [0, 0, 0, 0]
    # The build writes two more; the rest is removed, with the page folders left empty.
    (site / "kurser" / "haab.ics").write_bytes(b"BEGIN:VCALENDAR")
    (site / "ordbog" / "chime" / "index.html").write_text("<p>Ord</p>", encoding="utf-8")
    removed = made.tidy()
    assert sorted(p.relative_to(site).as_posix() for p in removed) == ["kurser/mod.ics", "kurser/mod/index.html"]
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert files == ["kurser", "kurser/haab", "kurser/haab.ics", "kurser/haab/index.html",
                     "ordbog", "ordbog/chime", "ordbog/chime/index.html"]
    assert multiprocessing.active_children() == [] and made.tidy() == []


@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_a_stopped_process_is_gone(tmp_path):
    files = [tmp_path / "site" / f"d{i}" / "index.html" for i in range(3000)]
    made = ahead.Ahead(files, minimum=0)
    pid = made._pid
    made.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped


def test_a_small_site_makes_nothing_ahead(tmp_path):
    site = tmp_path / "site"
    planned = ahead.planned(_project(tmp_path), site)
    made = ahead.Ahead(planned)
    assert len(planned) < ahead.MINIMUM and made._pid == 0
    made.wait()
    assert not site.exists() and made.tidy() == []
