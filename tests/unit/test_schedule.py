"""Weekly series, exceptions and summer time in the site's zone."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from rskole.model import SessionSpec
from rskole.schedule import TimeProblem, expand, is_upcoming, last_end, local, next_session, repeated_times

CPH = ZoneInfo("Europe/Copenhagen")


def spec(**kw) -> SessionSpec:
    base = {"date": "2027-03-03", "start": "10:00", "end": "12:00"}
    base.update(kw)
    return SessionSpec.model_validate(base)


def utc(s):
    return s.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    "first, before_utc, after_utc",
    [
        ("2027-03-24", "2027-03-24 09:00", "2027-03-31 08:00"),  # spring 2027: last Sunday of March is the 28th
        ("2028-03-22", "2028-03-22 09:00", "2028-03-29 08:00"),  # spring 2028: the 26th
        ("2027-10-27", "2027-10-27 08:00", "2027-11-03 09:00"),  # autumn 2027: the 31st
        ("2028-10-25", "2028-10-25 08:00", "2028-11-01 09:00"),  # autumn 2028: the 29th
    ],
)
def test_weekly_series_keeps_local_time_across_summer_time(first, before_utc, after_utc):
    sessions, problems = expand([spec(date=first, weekly=2)], CPH, [1])
    assert not problems
    assert [s.start.strftime("%H:%M") for s in sessions] == ["10:00", "10:00"]
    assert [utc(s.start) for s in sessions] == [before_utc, after_utc]


@pytest.mark.parametrize("day", ["2027-03-28", "2028-03-26"])
def test_time_skipped_in_spring_is_an_error(day):
    sessions, problems = expand([spec(date=day, start="02:30", end="04:00")], CPH, [7])
    assert sessions == []
    assert problems == [(7, f"klokken 02:30 findes ikke den {day} i tidszonen Europe/Copenhagen, fordi urene stilles frem til sommertid; vælg et andet tidspunkt")]


AUTUMN = ("klokken {t} findes to gange den {day} i tidszonen Europe/Copenhagen, fordi urene stilles tilbage fra sommertid, "
          "og kalenderprogrammer læser den forskelligt; tider fra 02:00 til 02:59 er tvetydige den dag, "
          "så vælg et tidspunkt før 02:00 eller fra 03:00")


@pytest.mark.parametrize("day", ["2027-10-31", "2028-10-29"])
@pytest.mark.parametrize("start, end, bad", [("02:30", "03:30", "02:30"), ("02:00", "04:00", "02:00"),
                                             ("01:00", "02:59", "02:59")])
def test_time_repeated_in_autumn_is_an_error(day, start, end, bad):
    # Clients disagree on which of the two 02:30s is meant (RFC 5545 says the first;
    # libical, ical.js, node-ical and khal take the second): refuse it.
    sessions, problems = expand([spec(date=day, start=start, end=end)], CPH, [4])
    assert sessions == []
    assert problems == [(4, AUTUMN.format(t=bad, day=day))]


@pytest.mark.parametrize("start, end", [("01:59", "03:00"), ("03:00", "04:00"), ("00:30", "01:30")])
def test_times_around_the_autumn_hour_are_safe(start, end):
    sessions, problems = expand([spec(date="2027-10-31", start=start, end=end)], CPH, [1])
    assert not problems and len(sessions) == 1


def test_weekly_series_over_the_autumn_night_names_the_one_date(tmp_path):
    sessions, problems = expand([spec(date="2027-10-24", start="02:30", end="03:30", weekly=3)], CPH, [9])
    assert [s.date.isoformat() for s in sessions] == ["2027-10-24", "2027-11-07"]
    assert problems == [(9, AUTUMN.format(t="02:30", day="2027-10-31"))]


def test_repeated_times_are_found_from_the_zone():
    assert repeated_times(date(2027, 10, 31), CPH) == (time(2, 0), time(2, 59))
    assert repeated_times(date(2027, 10, 30), CPH) is None
    # Lord Howe Island turns its clocks back half an hour.
    assert repeated_times(date(2027, 4, 4), ZoneInfo("Australia/Lord_Howe")) == (time(1, 30), time(1, 59))


def test_except_removes_dates_and_count_shrinks():
    sessions, problems = expand([spec(weekly=6, except_=["2027-03-24"])], CPH, [1])
    assert not problems
    assert [s.date.isoformat() for s in sessions] == ["2027-03-03", "2027-03-10", "2027-03-17", "2027-03-31", "2027-04-07"]


def test_cancelled_and_per_session_place_are_kept():
    sessions, _ = expand([spec(), spec(date="2027-03-10", cancelled=True, location="biblioteket")], CPH, [1, 5])
    assert [(s.cancelled, s.location, s.line) for s in sessions] == [(False, None, 1), (True, "biblioteket", 5)]


def test_two_sessions_on_one_day_get_distinct_stable_keys():
    sessions, _ = expand([spec(start="13:00", end="15:00"), spec()], CPH, [1, 2])
    assert [s.key for s in sessions] == ["20270303", "20270303-2"]


def test_upcoming_until_last_held_session_ends():
    sessions, _ = expand([spec(weekly=2), spec(date="2027-03-24", cancelled=True)], CPH, [1, 2])
    end = last_end(sessions)
    assert end == datetime(2027, 3, 10, 12, 0, tzinfo=CPH)  # the cancelled one does not count
    assert is_upcoming(sessions, datetime(2027, 3, 10, 11, 59, tzinfo=CPH))
    assert not is_upcoming(sessions, datetime(2027, 3, 10, 12, 0, tzinfo=CPH))


def test_course_without_sessions_is_upcoming():
    assert is_upcoming([], datetime(2030, 1, 1, tzinfo=CPH))


def test_next_session_skips_cancelled_and_past():
    sessions, _ = expand([spec(weekly=3), spec(date="2027-03-09", cancelled=True)], CPH, [1, 2])
    nxt = next_session(sessions, datetime(2027, 3, 4, tzinfo=CPH))
    assert nxt.date == date(2027, 3, 10)


def test_local_rejects_gap_directly():
    with pytest.raises(TimeProblem):
        local(date(2027, 3, 28), time(2, 0), CPH)


def test_local_rejects_repeated_time_directly():
    with pytest.raises(TimeProblem):
        local(date(2027, 10, 31), time(2, 30), CPH)
    assert local(date(2027, 10, 31), time(3, 0), CPH).utcoffset().total_seconds() == 3600


def test_repeated_time_is_a_located_error_in_the_course_file(tmp_path):
    from helpers import COURSE, problems_of

    text = COURSE.replace("date: 2027-03-03\n    start: \"10:00\"\n    end: \"12:00\"",
                          "date: 2027-10-31\n    start: \"02:30\"\n    end: \"03:30\"")
    assert "2027-10-31" in text
    assert problems_of(tmp_path, {"courses/haab.yml": text}) == [
        "courses/haab.yml:9: " + AUTUMN.format(t="02:30", day="2027-10-31")]


@pytest.mark.parametrize("zone, day", [
    ("Europe/Copenhagen", date(2027, 3, 28)), ("Europe/Copenhagen", date(2027, 10, 31)),
    ("America/Santiago", date(2027, 4, 3)), ("America/Santiago", date(2027, 9, 5)),
    ("Australia/Lord_Howe", date(2027, 4, 4)), ("Australia/Lord_Howe", date(2027, 10, 3)),  # half-hour switches
    ("Antarctica/Troll", date(2027, 10, 31)),  # a two-hour switch
    ("America/St_Johns", date(2027, 3, 14)), ("Europe/Copenhagen", date(2027, 6, 1)),
])
def test_every_minute_of_a_switch_day_is_refused_or_its_one_instant(zone, day):
    # What local() promises, minute by minute: a time the clocks show exactly once is
    # that instant (fold 0, and back to the same wall time); any other is refused.
    tz = ZoneInfo(zone)
    refused = 0
    for minute in range(24 * 60):
        t = time(minute // 60, minute % 60)
        naive = datetime.combine(day, t)
        once = (naive.replace(tzinfo=tz, fold=0).utcoffset() == naive.replace(tzinfo=tz, fold=1).utcoffset()
                and naive.replace(tzinfo=tz).astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None) == naive)
        if not once:
            refused += 1
            with pytest.raises(TimeProblem):
                local(day, t, tz)
            continue
        dt = local(day, t, tz)
        assert dt.replace(tzinfo=None) == naive and dt.fold == 0 and dt.tzinfo is tz
    assert (refused > 0) is (day.month != 6)  # a switch day has such times, an ordinary day none
