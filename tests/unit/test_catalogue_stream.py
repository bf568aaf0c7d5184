"""Course files read ahead by a second process (``background.Stream``, as ``Build.load``
does in a one-off build) give the catalogue and the located problems of reading them here."""

from __future__ import annotations

import multiprocessing
from zoneinfo import ZoneInfo

import pytest
from sitekit import write_files

from helpers import COURSE, LOCATIONS, TEACHERS, TERM
from rskole import background
from rskole.catalogue import Paths, course_files, load
from rskole.model import SiteSettings
from rskole.sources import load_yaml_file


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")
def test_read_ahead_or_here_the_catalogue_and_its_problems_are_the_same(tmp_path):
    files = {"courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS,
             "glossary/personlig-recovery.md": TERM}
    for i in range(30):
        files[f"courses/2027/kursus-{i:02}.yml"] = COURSE.replace("title: ", f"title: Nr. {i} ", 1)
    files["courses/2027/tom.yml"] = "  \n"
    files["courses/2027/syntaks.yml"] = COURSE + "sessions: [\n"
    files["courses/2027/ukendt.yml"] = COURSE + "farve: blå\n"
    write_files(tmp_path, files)
    (tmp_path / "courses" / "2027" / "latin1.yml").write_bytes(COURSE.encode("utf-8") + "navn: Søren\n".encode("latin-1"))
    paths = Paths(tmp_path)
    settings, zone = SiteSettings(name="Test", timezone="Europe/Copenhagen", contact="k@example.dk"), ZoneInfo("Europe/Copenhagen")
    here, here_problems = load(paths, settings, zone)
    stream = background.Stream(load_yaml_file, course_files(paths), minimum=0)
    try:
        ahead, ahead_problems = load(paths, settings, zone, read=stream.get)
        assert stream.from_worker == len(course_files(paths)) == 34
    finally:
        stream.close()
    assert [str(p) for p in ahead_problems.sorted()] == [str(p) for p in here_problems.sorted()]
    assert len(here_problems) >= 4
    assert ahead.courses == here.courses and len(ahead.courses) == 30
