"""The VTIMEZONE every calendar file carries, line by line (feeds._vtimezone).

A calendar client puts each event at the instant its TZID and this VTIMEZONE give; an
onset an hour off moves a week of events around the switch. RFC 5545: an onset is
local time in TZOFFSETFROM; one RDATE line per onset (vobject reads only the first
value of a comma-separated RDATE).
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from helpers import load_files
from rskole import feeds
from test_feeds import course_text


@pytest.fixture(autouse=True)
def fresh_zones():
    # The serialised VTIMEZONE is kept per process; build it anew for each test.
    feeds._vtimezone_ical.cache_clear()
    yield
    feeds._vtimezone_ical.cache_clear()


COPENHAGEN_2027_2028 = """\
BEGIN:VTIMEZONE
TZID:Europe/Copenhagen
COMMENT:This timezone only works from 2027-01-01 to 2029-01-01.
BEGIN:STANDARD
DTSTART:20270101T000000
TZNAME:CET
TZOFFSETFROM:+0100
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20270328T020000
RDATE:20280326T020000
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20271031T030000
RDATE:20281029T030000
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
"""

# Half-hour daylight saving time, in the southern hemisphere: back in April, forward in October.
LORD_HOWE_2027 = """\
BEGIN:VTIMEZONE
TZID:Australia/Lord_Howe
COMMENT:This timezone only works from 2027-01-01 to 2028-01-01.
BEGIN:DAYLIGHT
DTSTART:20270101T000000
TZNAME:+11
TZOFFSETFROM:+1100
TZOFFSETTO:+1100
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20270404T020000
TZNAME:+1030
TZOFFSETFROM:+1100
TZOFFSETTO:+1030
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20271003T020000
TZNAME:+11
TZOFFSETFROM:+1030
TZOFFSETTO:+1100
END:DAYLIGHT
END:VTIMEZONE
"""

# No switch at all.
TOKYO_2027 = """\
BEGIN:VTIMEZONE
TZID:Asia/Tokyo
COMMENT:This timezone only works from 2027-01-01 to 2028-01-01.
BEGIN:STANDARD
DTSTART:20270101T000000
TZNAME:JST
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
END:STANDARD
END:VTIMEZONE
"""


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode()


@pytest.mark.parametrize("zone, years, expected", [
    ("Europe/Copenhagen", (2027, 2028), COPENHAGEN_2027_2028),
    ("Australia/Lord_Howe", (2027,), LORD_HOWE_2027),
    ("Asia/Tokyo", (2027,), TOKYO_2027),
], ids=["copenhagen", "lord-howe", "tokyo"])
def test_vtimezone_lines(zone, years, expected):
    assert feeds._vtimezone_ical(ZoneInfo(zone), years) == crlf(expected)


def test_the_years_may_come_in_any_order():
    assert feeds._vtimezone_ical(ZoneInfo("Europe/Copenhagen"), (2028, 2027)) == crlf(COPENHAGEN_2027_2028)


def test_a_calendar_file_carries_the_vtimezone_of_the_sites_years(tmp_path):
    late = course_text().replace("2027-03-03", "2028-06-07")
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text(), "courses/sen.yml": late})
    assert not problems, problems.report()
    ics = feeds.course_ics(cat, cat.courses["haab"], "https://skole.example.dk/", now=datetime(2026, 12, 1, tzinfo=cat.zone))
    assert crlf(COPENHAGEN_2027_2028) in ics


@pytest.mark.parametrize("zone", ["Atlantic/Reykjavik", "Africa/Abidjan"])
def test_the_vtimezone_is_named_as_the_sites_zone_even_where_it_equals_utc(tmp_path, zone):
    # icalendar alone would name these zones "UTC"; the file announces the site's zone.
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text()}, zone=zone)
    assert not problems, problems.report()
    text = feeds.course_ics(cat, cat.courses["haab"], "https://skole.example.dk/").decode()
    assert f"X-WR-TIMEZONE:{zone}\r\n" in text
    assert text[text.index("BEGIN:VTIMEZONE"):].split("\r\n")[1] == f"TZID:{zone}"


@pytest.mark.parametrize("machine", ["Asia/Tokyo", "America/Nuuk"])
def test_the_onsets_do_not_depend_on_the_build_machines_zone(machine_zone, machine):
    machine_zone(machine)
    assert feeds._vtimezone_ical(ZoneInfo("Europe/Copenhagen"), (2027, 2028)) == crlf(COPENHAGEN_2027_2028)


# --- the calendar's own lines, and the year of a calendar without sessions -----------------


def test_calendar_head_lines(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text()})
    assert not problems, problems.report()
    text = feeds.course_ics(cat, cat.courses["haab"], "https://skole.example.dk/").decode()
    # How often to refresh (RFC 7986, and the older X-PUBLISHED-TTL), which zone, which name.
    assert text[:text.index("BEGIN:VTIMEZONE")] == (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Kurser//DA\r\nCALSCALE:GREGORIAN\r\n"
        "X-WR-CALNAME:Krop og sind – Test\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\nX-PUBLISHED-TTL:PT12H\r\n"
        "X-WR-TIMEZONE:Europe/Copenhagen\r\n")


def test_without_sessions_the_vtimezone_covers_the_year_of_now_in_the_sites_zone(tmp_path, machine_zone):
    machine_zone("America/Nuuk")
    cat, problems = load_files(tmp_path, {"courses/snart.yml": course_text().split("sessions:")[0] + "sessions: []\n"})
    assert not problems, problems.report()
    # New Year's Eve in UTC (and on the build machine) is already New Year's Day in Copenhagen.
    ics = feeds.calendar_ics(cat, [cat.courses["snart"]], "https://skole.example.dk/",
                             now=datetime(2030, 12, 31, 23, 30, tzinfo=timezone.utc))
    assert b"COMMENT:This timezone only works from 2031-01-01 to 2032-01-01.\r\n" in ics
