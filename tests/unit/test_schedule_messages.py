"""expand(): the whole Danish message of every problem, at the right line, and the exact
sessions it makes (issue 18: the mutants that test_schedule.py let live)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from rskole.model import SessionSpec
from rskole.schedule import MAX_SESSIONS, Session, expand, first_session, is_upcoming, last_end, next_session

CPH = ZoneInfo("Europe/Copenhagen")


def spec(**kw) -> SessionSpec:
    return SessionSpec.model_validate({"date": "2027-03-10", "start": "10:00", "end": "12:00", **kw})


def at(text: str, zone=CPH) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def test_end_before_or_at_start_is_refused_with_both_times():
    sessions, problems = expand([spec(start="12:00", end="10:30"), spec(start="09:15", end="09:15"),
                                 spec(date="2027-03-11")], CPH, [4, 9, 14])
    assert problems == [
        (4, "kursusgangen slutter (10:30) før eller samtidig med, at den begynder (12:00); 'end' skal ligge efter 'start' samme dag"),
        (9, "kursusgangen slutter (09:15) før eller samtidig med, at den begynder (09:15); 'end' skal ligge efter 'start' samme dag"),
    ]
    assert [(s.start, s.line) for s in sessions] == [(at("2027-03-11T10:00"), 14)]


def test_except_without_weekly_is_refused_but_the_session_is_kept():
    sessions, problems = expand([spec(**{"except": ["2027-03-17"]})], CPH, [6])
    assert problems == [(6, "'except' bruges kun sammen med 'weekly'; skriv 'weekly: <antal>' eller fjern 'except'")]
    assert [s.start for s in sessions] == [at("2027-03-10T10:00")]


def test_except_outside_the_series_names_the_date_and_the_series():
    sessions, problems = expand([spec(weekly=3, **{"except": ["2027-03-11", "2027-03-24", "2027-03-31"]})], CPH, [2])
    assert problems == [
        (2, "'except' nævner 2027-03-11, som ikke er en af rækkens datoer (2027-03-10 og 2 uger frem, samme ugedag)"),
        (2, "'except' nævner 2027-03-31, som ikke er en af rækkens datoer (2027-03-10 og 2 uger frem, samme ugedag)"),
    ]
    assert [s.key for s in sessions] == ["20270310", "20270317"]


def test_years_outside_the_range_are_refused_with_the_date():
    sessions, problems = expand([spec(date="1899-12-31"), spec(date="3000-01-01"),
                                 spec(date="2999-12-18", weekly=3), spec(date="9999-12-31", weekly=2)],
                                CPH, [1, 2, 3, 4])
    assert problems == [
        (1, "datoen 1899-12-31 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
        (2, "datoen 3000-01-01 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
        (3, "rækkens sidste dato 3000-01-01 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
        (4, "datoen 9999-12-31 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
    ]
    assert sessions == []


def test_the_first_and_last_years_are_allowed():
    sessions, problems = expand([spec(date="1900-01-01"), spec(date="2999-12-17", weekly=3)], CPH, [1, 2])
    assert problems == []
    assert [s.key for s in sessions] == ["19000101", "29991217", "29991224", "29991231"]


def test_exactly_the_maximum_number_of_sessions_is_allowed():
    specs = [spec(date=(datetime(2027, 1, 4) + timedelta(days=i)).date().isoformat(), weekly=100) for i in range(4)]
    sessions, problems = expand(specs, CPH, [1, 2, 3, 4])
    assert (len(sessions), problems) == (MAX_SESSIONS, [])


def test_one_session_more_than_the_maximum_is_refused_and_none_is_kept():
    specs = [spec(date=(datetime(2027, 1, 4) + timedelta(days=i)).date().isoformat(), weekly=100) for i in range(4)]
    specs.append(spec(date="2030-01-01"))
    sessions, problems = expand(specs, CPH, [1, 2, 3, 4, 5])
    assert (sessions, problems) == ([], [(5, "kurset har mere end 400 kursusgange; del det op i flere kurser")])


def test_a_time_problem_drops_only_that_date():
    sessions, problems = expand([spec(date="2027-03-21", start="02:30", end="04:00", weekly=2)], CPH, [7])
    assert problems == [(7, "klokken 02:30 findes ikke den 2027-03-28 i tidszonen Europe/Copenhagen, "
                            "fordi urene stilles frem til sommertid; vælg et andet tidspunkt")]
    assert [(s.start, s.end, s.key) for s in sessions] == [(at("2027-03-21T02:30"), at("2027-03-21T04:00"), "20270321")]


def test_an_end_time_repeated_in_autumn_is_refused_too():
    sessions, problems = expand([spec(date="2027-10-31", start="01:00", end="02:30")], CPH, [3])
    assert problems == [(3, "klokken 02:30 findes to gange den 2027-10-31 i tidszonen Europe/Copenhagen, fordi urene "
                            "stilles tilbage fra sommertid, og kalenderprogrammer læser den forskelligt; tider fra 02:00 "
                            "til 02:59 er tvetydige den dag, så vælg et tidspunkt før 02:00 eller fra 03:00")]
    assert sessions == []


def test_a_repeated_hour_that_ends_the_day_says_from_midnight():
    # Chile leaves summer time at midnight: on 3 April 2027 the clocks show 23:00-23:59 twice.
    santiago = ZoneInfo("America/Santiago")
    sessions, problems = expand([spec(date="2027-04-03", start="23:30", end="23:45")], santiago, [1])
    assert problems == [(1, "klokken 23:30 findes to gange den 2027-04-03 i tidszonen America/Santiago, fordi urene "
                            "stilles tilbage fra sommertid, og kalenderprogrammer læser den forskelligt; tider fra 23:00 "
                            "til 23:59 er tvetydige den dag, så vælg et tidspunkt før 23:00 eller fra midnat")]


def test_sessions_are_whole_sorted_by_start_then_end_and_keyed_by_day():
    sessions, problems = expand([
        spec(date="2027-03-11", start="13:00", end="15:00", topic="Eftermiddag", location="biblioteket", cancelled=True),
        spec(date="2027-03-11", start="09:00", end="11:00"),
        spec(date="2027-03-11", start="09:00", end="10:00", topic="Kort"),
        spec(date="2027-03-10"),
    ], CPH, [10, 20, 30, 40])
    assert problems == []
    assert sessions == [
        Session(at("2027-03-10T10:00"), at("2027-03-10T12:00"), None, None, False, 40, "20270310"),
        Session(at("2027-03-11T09:00"), at("2027-03-11T10:00"), "Kort", None, False, 30, "20270311"),
        Session(at("2027-03-11T09:00"), at("2027-03-11T11:00"), None, None, False, 20, "20270311-2"),
        Session(at("2027-03-11T13:00"), at("2027-03-11T15:00"), "Eftermiddag", "biblioteket", True, 10, "20270311-3"),
    ]


def test_last_end_first_and_next_session():
    sessions, _ = expand([spec(weekly=3), spec(date="2027-03-03", cancelled=True)], CPH, [1, 2])
    assert last_end(sessions) == at("2027-03-24T12:00")
    assert first_session(sessions).start == at("2027-03-10T10:00")
    assert next_session(sessions, at("2027-03-10T11:59")).start == at("2027-03-10T10:00")
    assert next_session(sessions, at("2027-03-10T12:00")).start == at("2027-03-17T10:00")
    assert next_session(sessions, at("2027-03-24T12:00")) is None
    assert is_upcoming(sessions, at("2027-03-24T11:59"))
    assert not is_upcoming(sessions, at("2027-03-24T12:00"))


def test_every_session_cancelled():
    sessions, _ = expand([spec(weekly=2, cancelled=True)], CPH, [1])
    assert last_end(sessions) == at("2027-03-17T12:00")
    assert first_session(sessions).start == at("2027-03-10T10:00")
    assert next_session(sessions, at("2027-01-01T00:00")) is None
    assert first_session([]) is None and last_end([]) is None and is_upcoming([], at("2030-01-01T00:00"))


def test_a_repeated_window_of_two_hours_is_named_whole():
    # Troll station leaves UTC+2 for UTC+0 at 03:00: on 31 October 2027 01:00-02:59 come twice.
    troll = ZoneInfo("Antarctica/Troll")
    _, problems = expand([spec(date="2027-10-31", start="01:30", end="04:00")], troll, [1])
    assert problems == [(1, "klokken 01:30 findes to gange den 2027-10-31 i tidszonen Antarctica/Troll, fordi urene "
                            "stilles tilbage fra sommertid, og kalenderprogrammer læser den forskelligt; tider fra 01:00 "
                            "til 02:59 er tvetydige den dag, så vælg et tidspunkt før 01:00 eller fra 03:00")]


def test_which_date_of_a_series_is_outside_the_years():
    sessions, problems = expand([spec(date="1899-12-25", weekly=3), spec(date="2998-12-31", weekly=60),
                                 spec(date="2999-12-31")], CPH, [1, 2, 3])
    assert problems == [
        # The series' first date is the one to fix, even though the series reaches 1900.
        (1, "datoen 1899-12-25 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
        (2, "rækkens sidste dato 3000-02-17 ligger ikke mellem år 1900 og 2999; tjek årstallet"),
    ]
    # A single session on the last day of 2999 is no series reaching 3000.
    assert [s.key for s in sessions] == ["29991231"]
