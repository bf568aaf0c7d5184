"""One registration state per course, decided in rskole/registration.py, as a timeline."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from rskole import registration
from rskole.model import CourseSpec, SiteSettings
from rskole.schedule import expand

ZONE = ZoneInfo("Europe/Copenhagen")
SCHOOL = SiteSettings(name="Test", contact="kontakt@example.dk", phone="+45 11 22 33 44")
BASE = {
    "title": "Håb", "summary": "Om håb.", "description": "Tekst.", "themes": ["hope"], "audiences": ["citizens"],
    "teachers": ["a", "b"], "location": "sted",
    "sessions": [{"date": "2027-03-10", "start": "10:00", "end": "12:00", "weekly": 3}],
}


def course(**fields):
    spec = CourseSpec.model_validate({**BASE, **fields})
    sessions, problems = expand(list(spec.sessions), ZONE, [1] * len(spec.sessions))
    assert problems == []
    return spec, sessions


def state(at: str, settings=SCHOOL, **fields) -> registration.State:
    spec, sessions = course(**fields)
    steps = registration.timeline(spec, sessions, settings, ZONE)
    return registration.at(steps, datetime.fromisoformat(at).replace(tzinfo=ZONE))


REG = {"url": "https://example.dk/tilmeld", "email": "tilmelding@example.dk", "deadline": "2027-03-05"}


def test_open_with_deadline_says_the_last_day_and_offers_every_way():
    s = state("2027-02-01T12:00", registration=REG)
    assert s.key == "open"
    assert s.message == "Der er åbent for tilmelding til og med fredag den 5. marts 2027."
    assert [(w.kind, w.action, w.href) for w in s.actions] == [
        ("url", "Tilmeld dig", "https://example.dk/tilmeld"),
        ("email", "Tilmeld dig på mail", "mailto:tilmelding@example.dk"),
    ]
    assert s.offers_plan and s.offers_calendar


def test_closing_soon_from_six_days_before_the_deadline():
    assert state("2027-02-26T23:59", registration=REG).key == "open"
    s = state("2027-02-27T00:00", registration=REG)
    assert (s.key, s.label) == ("closing", "Tilmelding lukker snart")
    assert s.message == "Tilmeldingen lukker snart. Sidste dag er fredag den 5. marts 2027."
    assert s.actions


@pytest.mark.parametrize("at", ["2027-03-05T00:00", "2027-03-05T23:59"])
def test_the_deadline_day_itself_is_still_open(at):
    assert state(at, registration=REG).key == "closing"


def test_closed_from_the_day_after_the_deadline():
    s = state("2027-03-06T00:00", registration=REG)
    assert (s.key, s.label) == ("closed", "Tilmelding lukket")
    assert s.message == "Tilmeldingen er lukket. Sidste dag var fredag den 5. marts 2027."
    assert s.actions == ()
    # Someone to ask: the course's own email, not a sign-up page.
    assert [w.href for w in s.contact] == ["mailto:tilmelding@example.dk"]
    assert not s.offers_plan and s.offers_calendar


def test_closed_without_email_or_phone_asks_the_school():
    s = state("2027-03-06T00:00", registration={"url": "https://example.dk/t", "deadline": "2027-03-05"})
    assert [w.text for w in s.contact] == ["kontakt@example.dk", "+45 11 22 33 44"]


def test_waitlist_offers_the_waitlist_not_sign_up():
    s = state("2027-02-01T12:00", status="waitlist", registration={"url": "https://example.dk/v"})
    assert s.key == "waitlist"
    assert s.message == "Kurset er fuldt, men der er en venteliste."
    assert [w.action for w in s.actions] == ["Skriv dig på ventelisten"]


def test_full_offers_nothing_to_join_and_says_whom_to_ask():
    s = state("2027-02-01T12:00", status="full", registration={"phone": "12 34 56 78"})
    assert s.key == "full" and s.actions == ()
    assert s.message == "Kurset er fuldt booket, og der er ingen venteliste."
    assert [w.href for w in s.contact] == ["tel:12345678"]
    assert not s.offers_plan


def test_cancelled_offers_nothing_and_stays_cancelled_after_its_dates():
    for at in ("2027-02-01T12:00", "2027-06-01T12:00"):
        s = state(at, status="cancelled", registration=REG)
        assert s.key == "cancelled"
        assert s.actions == ()
        assert not s.offers_plan and not s.offers_calendar
        # The label says "Aflyst", as does the course page's first line; the message says
        # what it means for the visitor.
        assert s.label == "Aflyst" and "aflyst" not in s.message.lower() and "ikke møde op" in s.message


def test_ended_after_the_last_session_whatever_the_status():
    # The last of three weekly sessions ends 2027-03-24 12:00.
    assert state("2027-03-24T11:59", registration=REG).key == "closed"
    for fields in ({"registration": REG}, {"status": "waitlist"}, {"status": "full"}, {"drop_in": True}):
        s = state("2027-03-24T12:00", **fields)
        assert s.key == "ended", fields
        assert s.actions == () and not s.offers_plan and not s.offers_calendar


def test_drop_in_needs_no_sign_up():
    s = state("2027-02-01T12:00", drop_in=True)
    assert (s.key, s.label) == ("dropin", "Kom bare")
    assert s.message == "Du skal ikke melde dig til. Kom bare, når det passer dig."
    assert s.actions == ()
    assert s.offers_plan and s.offers_calendar


def test_without_registration_one_signs_up_with_the_school():
    s = state("2027-02-01T12:00")
    assert s.key == "open"
    # The buttons say "hos skolen" / "til skolen"; the message does not say it again.
    assert s.message == "Der er åbent for tilmelding."
    assert [w.href for w in s.actions] == ["mailto:kontakt@example.dk", "tel:+4511223344"]
    assert [w.action for w in s.actions] == ["Tilmeld dig hos skolen på mail", "Ring til skolen og tilmeld dig"]


def test_timeline_steps_are_in_order_and_end_with_the_course():
    spec, sessions = course(registration=REG)
    steps = registration.timeline(spec, sessions, SCHOOL, ZONE)
    assert [s.state.key for s in steps] == ["open", "closing", "closed", "ended"]
    assert steps[1].start == datetime(2027, 2, 27, tzinfo=ZONE)
    assert steps[2].start == datetime(2027, 3, 6, tzinfo=ZONE)
    assert steps[3].start == datetime(2027, 3, 24, 12, tzinfo=ZONE)


def test_a_deadline_after_the_last_session_never_shows():
    spec, sessions = course(registration={"email": "a@b.dk", "deadline": "2027-05-01"})
    steps = registration.timeline(spec, sessions, SCHOOL, ZONE)
    assert [s.state.key for s in steps] == ["open", "ended"]


def test_undated_course_never_ends():
    spec, sessions = course(sessions=[], registration=REG)
    assert [s.state.key for s in registration.timeline(spec, sessions, SCHOOL, ZONE)] == ["open", "closing", "closed"]


def test_reachable():
    assert registration.reachable(course()[0], SCHOOL)
    nobody = SiteSettings(name="Test")
    assert not registration.reachable(course()[0], nobody)
    assert registration.reachable(course(drop_in=True)[0], nobody)
    assert registration.reachable(course(registration={"url": "https://example.dk/t"})[0], nobody)


def test_as_data_is_what_the_browser_reads():
    s = state("2027-02-01T12:00", status="cancelled")
    assert s.as_data() == {"key": "cancelled", "label": "Aflyst", "message": s.message, "plan": False, "calendar": False}
