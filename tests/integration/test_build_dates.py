"""What the build decides from its day (PORTAL_TODAY): the deadline day, the start of the
day, and the printed programme's dates. On spec-example (registration deadline
2027-02-24; sessions 3 March to 7 April at 10:00, 21 April cancelled)."""

from __future__ import annotations

import json
import re

import pytest

from sitekit import run_build

#: One session at 08:00 on 3 March 2027, the day the build is told it is.
EARLY = """
title: Morgenmøde
summary: Et kort møde om morgenen.
description: Vi mødes tidligt.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
registration:
  email: tilmelding@example.dk
sessions:
  - date: 2027-03-03
    start: "08:00"
    end: "09:00"
"""


def state_of(result, slug: str = "haab") -> tuple[str, list]:
    page = result.html(f"kurser/{slug}/index.html")
    key = re.search(r'data-rs-registration="([a-z]+)"', page).group(1)
    timeline = re.search(r'<div class="rs-signup"[^>]*data-rs-timeline="([^"]*)"', page).group(1)
    return key, json.loads(timeline.replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&"))


@pytest.fixture(scope="module")
def deadline_builds(tmp_path_factory):
    from sitekit import make_project

    root = make_project(tmp_path_factory.mktemp("deadline") / "p", "spec-example")
    out = {}
    for day in ("2027-02-24", "2027-02-25"):
        result = run_build(root, today=day, site=root / f"site-{day}")
        assert result.returncode == 0, result.stderr
        out[day] = result
    return out


def test_the_deadline_day_itself_is_still_open_in_the_build(deadline_builds):
    result = deadline_builds["2027-02-24"]
    key, timeline = state_of(result)
    assert key == "closing"  # 00:00 on the deadline day: the last day to sign up
    data = {c["slug"]: c for c in json.loads((result.site / "kurser.json").read_text(encoding="utf-8"))["courses"]}
    assert data["haab"]["registration_state"] == "closing"
    page = result.html("kurser/haab/index.html")
    assert "Sidste dag er onsdag den 24. februar 2027." in page and 'href="https://example.dk/tilmelding"' in page
    # ... and still at 23:59 that day: the browser's re-check closes it only at the next midnight.
    later = [(step["key"], step["start"]) for step in timeline[1:]]
    assert later[0] == ("closed", "2027-02-25T00:00:00+01:00")


def test_the_day_after_the_deadline_is_closed_in_the_build(deadline_builds):
    result = deadline_builds["2027-02-25"]
    key, timeline = state_of(result)
    assert key == "closed" and timeline[0]["key"] == "closed"
    data = {c["slug"]: c for c in json.loads((result.site / "kurser.json").read_text(encoding="utf-8"))["courses"]}
    assert data["haab"]["registration_state"] == "closed"
    assert 'href="https://example.dk/tilmelding"' not in result.html("kurser/haab/index.html")


@pytest.fixture(scope="module")
def early_builds(tmp_path_factory):
    from sitekit import make_project

    root = make_project(tmp_path_factory.mktemp("early") / "p", "spec-example", {"courses/morgen.yml": EARLY})
    out = {}
    for day in ("2027-03-03", "2027-03-04"):
        result = run_build(root, today=day, site=root / f"site-{day}")
        assert result.returncode == 0, result.stderr
        out[day] = result
    return out


def card_in(html: str, slug: str) -> bool:
    return f'data-rs-course="{slug}"' in html


def test_portal_today_is_the_start_of_that_day(early_builds):
    result = early_builds["2027-03-03"]
    # 08:00 on PORTAL_TODAY has not begun at 00:00: the course is upcoming, not archived.
    assert card_in(result.html("kurser/index.html"), "morgen")
    assert not card_in(result.html("arkiv/index.html"), "morgen")
    page = result.html("kurser/morgen/index.html")
    assert '<dt>Næste gang</dt>' in page and 'datetime="2027-03-03T08:00:00+01:00"' in page
    assert re.search(r'rs-session--next" data-rs-start="2027-03-03T08:00:00\+01:00"', page)
    assert "rs-session--past" not in page
    # The series that starts at 10:00 that day has that session as its next one.
    haab = result.html("kurser/haab/index.html")
    assert re.search(r'<dt>Næste gang</dt><dd[^>]*><time datetime="2027-03-03T10:00:00\+01:00"', haab)
    assert "Morgenmøde" in result.html("program/index.html")


def test_the_day_after_the_session_it_is_archived(early_builds):
    result = early_builds["2027-03-04"]
    assert not card_in(result.html("kurser/index.html"), "morgen")
    assert card_in(result.html("arkiv/index.html"), "morgen")
    assert "Morgenmøde" not in result.html("program/index.html")


def test_programme_dates_come_from_the_held_sessions(spec_site):
    html = spec_site.html("program/index.html")
    entry = html.split('id="kursus-haab"')[1].split("</li>")[0]
    when = re.search(r"<strong>Hvornår:</strong> (.*?)\. <strong>Hvor:", entry).group(1)
    when = when.replace("\u2060", "").replace("\xa0", " ")  # word joiners and no-break spaces keep it on one line
    # The last session (21 April, 13:00-15:30) is cancelled: the course ends 7 April, and
    # every held session is 10-12, so the time is given once.
    assert when == "5 gange fra onsdag den 3. marts 2027 til onsdag den 7. april 2027, kl. 10.00–12.00"
