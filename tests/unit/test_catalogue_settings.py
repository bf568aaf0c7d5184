"""The school's settings in mkdocs.yml, the build's today, and the glossary's order (rskole.catalogue)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from helpers import load_files
from rskole.catalogue import load_settings, sorted_terms, today
from rskole.problems import Problem

CPH = ZoneInfo("Europe/Copenhagen")

# Where each key stands in the editor's mkdocs.yml, as build._line_finder would find it.
LINES = {"extra": 20, "portal": 21, "name": 22, "timezone": 23, "contact": 24, "url": 25}


def line_of(key: str) -> int:
    return LINES.get(key, 0)


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


@pytest.mark.parametrize("extra", [None, [], {}, {"theme": "x"}], ids=["none", "list", "empty", "no-portal"])
def test_missing_portal_section_is_reported_on_the_extra_line(extra):
    settings, zone, problems = load_settings(extra, "skole/mkdocs.yml", line_of)
    assert (settings, zone) == (None, None)
    assert messages(problems) == ["skole/mkdocs.yml:20: mkdocs.yml mangler 'extra: portal:' med mindst 'name:' (skolens navn)"]


def test_without_a_path_the_problem_names_mkdocs_yml():
    _, _, problems = load_settings({})
    assert messages(problems) == ["mkdocs.yml: mkdocs.yml mangler 'extra: portal:' med mindst 'name:' (skolens navn)"]


@pytest.mark.parametrize("portal, expected", [
    # The line of the key the message is about.
    ({"name": "Skolen", "contact": 5},
     'skole/mkdocs.yml:24: extra.portal: \'contact\' skal være tekst; sæt den i anførselstegn, hvis den ligner et tal: "5"'),
    ({}, "skole/mkdocs.yml:22: extra.portal: feltet 'name' mangler"),
    # A key that is not in the file (a misspelling the line finder does not know): the portal line.
    ({"name": "Skolen", "nmae": "x"},
     "skole/mkdocs.yml:21: extra.portal: ukendt felt 'nmae' (mente du 'name'?); tilladte felter: name, timezone, "
     "contact, phone, address, opening_hours, crisis, accessibility_statement, url"),
    # 'portal' written as a single value.
    ("Skolen",
     "skole/mkdocs.yml:21: extra.portal: 'portal' skal være en opslagstabel med felter (linjer med 'navn: værdi'), "
     "men er en enkelt værdi"),
], ids=["wrong-type", "missing-name", "unknown-key", "not-a-mapping"])
def test_invalid_portal_settings_are_located_in_mkdocs_yml(portal, expected):
    settings, zone, problems = load_settings({"portal": portal}, "skole/mkdocs.yml", line_of)
    assert (settings, zone) == (None, None)
    assert messages(problems) == [expected]


@pytest.mark.parametrize("timezone", ["Europe/Kobenhavn", "../../etc/passwd"])
def test_unknown_time_zone_is_reported_on_its_line(timezone):
    settings, zone, problems = load_settings({"portal": {"name": "Skolen", "timezone": timezone}}, "skole/mkdocs.yml", line_of)
    assert settings is not None and settings.name == "Skolen" and zone is None
    assert messages(problems) == [
        f"skole/mkdocs.yml:23: extra.portal.timezone: '{timezone}' er ikke en kendt tidszone; skriv fx Europe/Copenhagen"]


def test_valid_settings_give_the_zone():
    settings, zone, problems = load_settings({"portal": {"name": "Skolen", "timezone": "America/Nuuk"}}, "skole/mkdocs.yml", line_of)
    assert problems == []
    assert settings.name == "Skolen" and zone == ZoneInfo("America/Nuuk")


# --- today ---------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["2027-03-03", " 2027-03-03\n"])
def test_portal_today_fixes_the_day_and_now_is_its_start(written):
    day, now = today(CPH, {"PORTAL_TODAY": written})
    assert day == date(2027, 3, 3)
    assert now == datetime(2027, 3, 3, 0, 0, tzinfo=CPH) and now.utcoffset() == timedelta(hours=1)


def test_portal_today_is_read_from_the_process_environment_by_default(monkeypatch):
    monkeypatch.setenv("PORTAL_TODAY", "2028-02-29")
    assert today(CPH)[0] == date(2028, 2, 29)


@pytest.mark.parametrize("written", ["3. marts 2027", "2027-02-30"])
def test_portal_today_that_is_no_date_says_how_to_write_it(written):
    with pytest.raises(ValueError) as caught:
        today(CPH, {"PORTAL_TODAY": written})
    assert str(caught.value) == f"PORTAL_TODAY='{written}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD"


@pytest.mark.parametrize("environ", [{}, {"PORTAL_TODAY": "  "}])
def test_without_portal_today_the_clock_in_the_sites_zone_is_used(environ):
    before = datetime.now(CPH)
    day, now = today(CPH, environ)
    assert before <= now <= datetime.now(CPH) and now.tzinfo is CPH and day == now.date()


# --- the glossary's order ---------------------------------------------------------------


def term(name: str) -> str:
    return f"---\nterm: {name}\n---\nEn forklaring.\n"


def test_glossary_terms_are_in_danish_alphabetical_order_of_their_names(tmp_path):
    # File names (slugs) in another order than the names the visitor reads.
    cat, problems = load_files(tmp_path, {
        "glossary/a-aabenhed.md": term("Åbenhed"), "glossary/b-oekonomi.md": term("Økonomi"),
        "glossary/c-aeble.md": term("Æble"), "glossary/d-angst.md": term("Angst"), "glossary/e-zone.md": term("Zone"),
    })
    assert not problems, problems.report()
    assert [t.name for t in sorted_terms(cat)] == ["Angst", "Personlig recovery", "Zone", "Æble", "Økonomi", "Åbenhed"]


def test_a_problem_that_names_no_key_is_reported_on_the_portal_line():
    # A number as a key (YAML reads "1: 2" as the integer 1): the message quotes no key.
    settings, zone, problems = load_settings({"portal": {1: 2, "name": "Skolen"}}, "skole/mkdocs.yml", line_of)
    assert (settings, zone) == (None, None)
    assert [(p.path, p.line) for p in problems] == [("skole/mkdocs.yml", 21)]
    assert problems[0].message.startswith("extra.portal: ")
