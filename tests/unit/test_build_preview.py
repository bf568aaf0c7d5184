"""A served preview (``mkdocs serve``) keeps finished pages between rebuilds: a rebuild
must still show every change an editor or developer makes outside the page's own file
(a glossary definition, a template, mkdocs.yml's Markdown settings)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from rskole import memo
from sitekit import write_files
from test_build_compose import FILES, THEME, config
from rskole.build import Build
from rskole.problems import ContentError
from helpers import LOCATIONS, TEACHERS


@pytest.fixture(autouse=True)
def fresh_memos():
    caches = (memo.PAGES, memo.WRITTEN, memo.MARKDOWN, memo.EVENTS, memo.COURSES, memo.STRUCTURED, memo.VIEWS)
    for cache in caches:
        cache.clear()
    yield
    for cache in caches:
        cache.clear()


def served(root: Path, theme: Path = THEME, extensions: list | None = None, now: str = "2027-02-01",
           keep: bool = True) -> Build:
    """One rebuild of ``mkdocs serve`` (``keep=False``: a one-off build) at ``now`` (a day,
    or a day and a time): from the files as they are now."""
    cfg = config(root)
    cfg["theme"].dirs = [str(theme)]
    cfg["markdown_extensions"] = extensions or []
    build = Build.from_mkdocs(cfg, {"PORTAL_TODAY": now[:10]})
    build.now = datetime.fromisoformat(now).replace(tzinfo=build.zone)
    build.keep_pages = keep
    build.load()
    build.compose()
    return build


def test_a_changed_definition_changes_the_tooltips_on_course_pages(tmp_path):
    write_files(tmp_path, FILES)
    assert 'title="Fem elementer i personlig recovery og i CHIME."' in served(tmp_path).finished["kurser/haab.md"].html
    write_files(tmp_path, {"glossary/chime.md": FILES["glossary/chime.md"].replace("Fem elementer", "De fem dele")})
    assert 'title="De fem dele i personlig recovery og i CHIME."' in served(tmp_path).finished["kurser/haab.md"].html


def test_an_edited_template_shows_on_the_next_rebuild(tmp_path):
    write_files(tmp_path, FILES)
    theme = tmp_path / "theme"
    shutil.copytree(THEME / "portal", theme / "portal")
    before = served(tmp_path, theme).finished["steder/biblioteket.md"].html
    place = theme / "portal" / "place.html"
    place.write_text(place.read_text(encoding="utf-8") + "<p>Ny linje</p>\n", encoding="utf-8")
    after = served(tmp_path, theme).finished["steder/biblioteket.md"].html
    assert "Ny linje" not in before and after.endswith("</p>\n<p>Ny linje</p>")


def test_new_markdown_settings_change_the_editors_text(tmp_path):
    write_files(tmp_path, {**FILES, "courses/haab.yml": FILES["courses/haab.yml"].replace(
        "  Om personlig recovery.", "  Om personlig recovery.\n  Hver onsdag.")})
    plain = served(tmp_path).finished["kurser/haab.md"].html
    (tmp_path / "mkdocs.yml").write_text("site_name: Skolen\nmarkdown_extensions: [nl2br]\n", encoding="utf-8")
    broken = served(tmp_path, extensions=["nl2br"]).finished["kurser/haab.md"].html
    assert "recovery</a>.\nHver onsdag." in plain
    assert "recovery</a>.<br>\nHver onsdag." in broken


def test_a_course_file_read_before_is_not_parsed_again_but_still_checked(tmp_path):
    write_files(tmp_path, FILES)
    first = served(tmp_path)
    assert len(memo.COURSES) == 1
    second = served(tmp_path)
    # The same spec and sessions, taken from the cache (the same objects), the same pages.
    assert second.catalogue.courses["haab"].spec is first.catalogue.courses["haab"].spec
    assert second.finished == first.finished
    # The history still knows the file's text without parsing it.
    assert second.catalogue.digests == first.catalogue.digests and "courses/haab.yml" in second.catalogue.digests
    # What the file refers to is checked again on every build: a teacher taken out of
    # _teachers.yml is reported although the course file itself did not change.
    write_files(tmp_path, {"courses/_teachers.yml": TEACHERS.replace("karsten-holm:\n  name: Karsten Holm\n  role: professional\n", "")})
    with pytest.raises(ContentError) as err:
        served(tmp_path)
    assert "karsten-holm" in err.value.problems.report() and "courses/haab.yml" in err.value.problems.report()


def test_an_edited_course_file_is_read_again(tmp_path):
    write_files(tmp_path, FILES)
    served(tmp_path)
    write_files(tmp_path, {"courses/haab.yml": FILES["courses/haab.yml"].replace('end: "12:00"', 'end: "12:30"')})
    again = served(tmp_path)
    assert again.catalogue.courses["haab"].sessions[0].end.strftime("%H:%M") == "12:30"
    assert "12.30" in again.finished["kurser/haab.md"].html
    assert len(memo.COURSES) == 2


def test_a_course_file_with_a_problem_is_not_kept(tmp_path):
    write_files(tmp_path, {**FILES, "courses/haab.yml": FILES["courses/haab.yml"].replace('end: "12:00"', 'end: "09:00"')})
    for _ in range(2):  # reported on every build, never served from the cache
        with pytest.raises(ContentError) as err:
            served(tmp_path)
        assert "slutter (09:00) før" in err.value.problems.report()
    assert len(memo.COURSES) == 0


def test_a_course_pages_structured_data_follows_its_teachers_and_places(tmp_path):
    write_files(tmp_path, FILES)
    first = served(tmp_path).finished["kurser/haab.md"].head
    assert first == served(tmp_path).finished["kurser/haab.md"].head
    assert len(memo.STRUCTURED) == 1
    # Another file than the course's: a teacher's name and a place's address.
    write_files(tmp_path, {"courses/_teachers.yml": FILES["courses/_teachers.yml"].replace("Karsten Holm", "Karsten Hald"),
                           "courses/_locations.yml": LOCATIONS.replace("Eksempelvej 12", "Eksempelvej 14")})
    second = served(tmp_path)
    head = second.finished["kurser/haab.md"].head
    assert "Karsten Hald" in head and "Eksempelvej 14" in head and "Karsten Holm" not in head
    # The same as a build that keeps nothing.
    cold = Build.from_mkdocs(second_config(tmp_path), {"PORTAL_TODAY": "2027-02-01"})
    cold.load()
    cold.compose()
    assert cold.finished["kurser/haab.md"].head == head


def second_config(root: Path) -> dict:
    cfg = config(root)
    cfg["theme"].dirs = [str(THEME)]
    cfg["markdown_extensions"] = []
    return cfg


#: The states fixture: a course in each registration state, dates from January to May 2027.
STATES = Path(__file__).resolve().parents[1] / "fixtures" / "states"


def test_a_preview_running_for_months_shows_each_day_what_a_fresh_build_shows(tmp_path):
    """Kept views are keyed by where now falls among a course's instants (views.epoch): a
    preview left running while deadlines pass, courses start and courses end must show
    every page as a one-off build of that day shows it."""
    shutil.copytree(STATES / "courses", tmp_path / "courses")
    shutil.copytree(STATES / "glossary", tmp_path / "glossary")
    write_files(tmp_path, {"mkdocs.yml": "site_name: Skolen\n", "content/index.md": "Velkommen.\n"})
    # Before anything, a deadline's closing days, the day after it, the first sessions (in
    # one, at its end to the minute, just after it), a course's end, after every course.
    moments = ["2026-12-01", "2027-02-17", "2027-02-21", "2027-03-01", "2027-03-06", "2027-03-10T09:59",
               "2027-03-10T11:00", "2027-03-10T12:00", "2027-03-10T12:01", "2027-03-11", "2027-04-15", "2027-06-01"]
    seen_states = set()
    for now in moments:
        preview = served(tmp_path, now=now)
        fresh = _one_off(tmp_path, now)
        assert preview.finished.keys() == fresh.finished.keys()
        for src_uri, page in fresh.finished.items():
            assert preview.finished[src_uri].laid_out == page.laid_out, (now, src_uri)
        seen_states |= {preview.env._cache[("card", slug)]["registration"]["key"] for slug in preview.catalogue.courses}
    # The days above pass through every state the fixture's courses can be in.
    assert {"open", "closing", "closed", "ended", "waitlist", "full", "cancelled", "dropin"} <= seen_states
    # And the preview did keep views: far fewer were made than asked for.
    assert memo.VIEWS.hits > memo.VIEWS.misses


def _one_off(root: Path, now: str) -> Build:
    """A one-off build at ``now``, with nothing kept from the preview's caches."""
    saved = {cache: dict(cache._data) for cache in (memo.PAGES, memo.MARKDOWN, memo.EVENTS, memo.COURSES,
                                                     memo.STRUCTURED, memo.VIEWS)}
    counts = {cache: (cache.hits, cache.misses) for cache in saved}
    try:
        for cache in saved:
            cache.clear()
        return served(root, now=now, keep=False)
    finally:
        for cache, data in saved.items():
            cache._data.update(data)
            cache.hits, cache.misses = counts[cache]
