"""Every registration state as a visitor reads it: whole Danish sentences, every way to act
or to ask, and the exact instants at which a state becomes another (issue 18: the mutants
that test_registration.py let live)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from rskole import registration
from rskole.model import CourseSpec, SiteSettings
from rskole.registration import State, Step, Way
from rskole.schedule import expand

ZONE = ZoneInfo("Europe/Copenhagen")
SCHOOL = SiteSettings(name="Test", contact="kontakt@example.dk", phone="+45 11 22 33 44")
BASE = {
    "title": "Håb", "summary": "Om håb.", "description": "Tekst.", "themes": ["hope"], "audiences": ["citizens"],
    "teachers": ["a", "b"], "location": "sted",
    # Last session: Wednesday 24 March 2027, 10:00-12:00, winter time (UTC+1).
    "sessions": [{"date": "2027-03-10", "start": "10:00", "end": "12:00", "weekly": 3}],
}
EVERY_WAY = {"url": "https://example.dk/tilmeld", "email": "tilmelding@example.dk", "phone": "+45 22 33 44 55"}
LAST_DAY = "fredag den 5. marts 2027"

URL = "https://example.dk/tilmeld"
SCHOOL_EMAIL = Way("email", "mailto:kontakt@example.dk", "Skriv til skolen", "kontakt@example.dk")
SCHOOL_PHONE = Way("phone", "tel:+4511223344", "Ring til skolen", "+45 11 22 33 44")
COURSE_ASK = (Way("email", "mailto:tilmelding@example.dk", "Skriv", "tilmelding@example.dk"),
              Way("phone", "tel:+4522334455", "Ring", "+45 22 33 44 55"))


def course(**fields):
    spec = CourseSpec.model_validate({**BASE, **fields})
    sessions, problems = expand(list(spec.sessions), ZONE, [1] * len(spec.sessions))
    assert problems == []
    return spec, sessions


def steps(settings=SCHOOL, **fields) -> list[Step]:
    spec, sessions = course(**fields)
    return registration.timeline(spec, sessions, settings, ZONE)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


def plan(timeline: list[Step]) -> list[tuple[datetime | None, str]]:
    return [(step.start, step.state.key) for step in timeline]


# --- the school's own contact --------------------------------------------------------


def test_school_with_email_and_phone_offers_both():
    assert registration.contact_ways(SCHOOL) == (SCHOOL_EMAIL, SCHOOL_PHONE)


def test_school_whose_contact_is_a_phone_number_is_not_rung_twice():
    school = SiteSettings(name="Test", contact="(+45) 99-88 77 66", phone="+45 11 22 33 44")
    assert registration.contact_ways(school) == (
        Way("phone", "tel:+4599887766", "Ring til skolen", "(+45) 99-88 77 66"),
    )


def test_school_with_only_a_phone():
    assert registration.contact_ways(SiteSettings(name="Test", phone="+45 11 22 33 44")) == (SCHOOL_PHONE,)


def test_school_with_only_an_email():
    assert registration.contact_ways(SiteSettings(name="Test", contact="kontakt@example.dk")) == (SCHOOL_EMAIL,)


def test_school_with_no_contact_has_no_way():
    assert registration.contact_ways(SiteSettings(name="Test")) == ()


# --- every state, whole -----------------------------------------------------------------


def test_open_with_every_way_and_a_deadline():
    s = registration.at(steps(registration={**EVERY_WAY, "deadline": "2027-03-05"}), local("2027-02-01T12:00"))
    assert s == State(
        "open", "Åben for tilmelding", f"Der er åbent for tilmelding til og med {LAST_DAY}.",
        (Way("url", URL, "Tilmeld dig", URL),
         Way("email", "mailto:tilmelding@example.dk", "Tilmeld dig på mail", "tilmelding@example.dk"),
         Way("phone", "tel:+4522334455", "Ring og tilmeld dig", "+45 22 33 44 55")),
        (), "", True, True, f"Til og med {LAST_DAY}.")
    assert s.can_register
    assert s.as_data() == {"key": "open", "label": "Åben for tilmelding",
                           "message": f"Der er åbent for tilmelding til og med {LAST_DAY}.",
                           "plan": True, "calendar": True}


def test_open_without_a_registration_signs_up_with_the_school():
    s = registration.at(steps(), local("2027-02-01T12:00"))
    assert s == State(
        "open", "Åben for tilmelding", "Der er åbent for tilmelding.",
        (Way("email", "mailto:kontakt@example.dk", "Tilmeld dig hos skolen på mail", "kontakt@example.dk"),
         Way("phone", "tel:+4511223344", "Ring til skolen og tilmeld dig", "+45 11 22 33 44")),
        (), "", True, True, "")


def test_open_with_a_registration_but_no_deadline():
    s = registration.at(steps(registration={"phone": "+45 22 33 44 55"}), local("2027-02-01T12:00"))
    assert s.message == "Der er åbent for tilmelding."
    assert s.actions == (Way("phone", "tel:+4522334455", "Ring og tilmeld dig", "+45 22 33 44 55"),)


def test_closing_soon_with_every_way():
    s = registration.at(steps(registration={**EVERY_WAY, "deadline": "2027-03-05"}), local("2027-03-01T12:00"))
    assert s == State(
        "closing", "Tilmelding lukker snart", f"Tilmeldingen lukker snart. Sidste dag er {LAST_DAY}.",
        (Way("url", URL, "Tilmeld dig", URL),
         Way("email", "mailto:tilmelding@example.dk", "Tilmeld dig på mail", "tilmelding@example.dk"),
         Way("phone", "tel:+4522334455", "Ring og tilmeld dig", "+45 22 33 44 55")),
        (), "", True, True, f"Sidste dag er {LAST_DAY}.")


def test_waitlist_with_every_way_and_a_deadline():
    s = registration.at(steps(status="waitlist", registration={**EVERY_WAY, "deadline": "2027-03-05"}),
                        local("2027-03-05T23:59"))
    assert s == State(
        "waitlist", "Venteliste",
        f"Kurset er fuldt, men der er en venteliste. Den er åben til og med {LAST_DAY}.",
        (Way("url", URL, "Skriv dig på ventelisten", URL),
         Way("email", "mailto:tilmelding@example.dk", "Skriv dig på ventelisten på mail", "tilmelding@example.dk"),
         Way("phone", "tel:+4522334455", "Ring og kom på ventelisten", "+45 22 33 44 55")),
        (), "", True, True, f"Kurset er fuldt. Åben til og med {LAST_DAY}.")


def test_waitlist_without_a_registration_is_joined_through_the_school():
    s = registration.at(steps(status="waitlist"), local("2027-02-01T12:00"))
    assert s == State(
        "waitlist", "Venteliste", "Kurset er fuldt, men der er en venteliste.",
        (Way("email", "mailto:kontakt@example.dk", "Skriv dig på ventelisten hos skolen", "kontakt@example.dk"),
         Way("phone", "tel:+4511223344", "Ring til skolen og kom på ventelisten", "+45 11 22 33 44")),
        (), "", True, True, "Kurset er fuldt.")


def test_closed_asks_the_course_by_email_and_phone_never_its_sign_up_page():
    s = registration.at(steps(registration={**EVERY_WAY, "deadline": "2027-03-05"}), local("2027-03-06T00:00"))
    assert s == State("closed", "Tilmelding lukket", f"Tilmeldingen er lukket. Sidste dag var {LAST_DAY}.",
                      (), COURSE_ASK, "Spørgsmål? Kontakt os:", False, True,
                      f"Sidste dag var {LAST_DAY}.")
    assert not s.can_register
    assert s.as_data() == {"key": "closed", "label": "Tilmelding lukket",
                           "message": f"Tilmeldingen er lukket. Sidste dag var {LAST_DAY}.",
                           "plan": False, "calendar": True}


def test_closed_waitlist_from_the_day_after_its_deadline():
    s = registration.at(steps(status="waitlist", registration={"email": "tilmelding@example.dk", "deadline": "2027-03-05"}),
                        local("2027-03-06T00:00"))
    assert s == State("closed", "Tilmelding lukket", f"Tilmeldingen er lukket. Sidste dag var {LAST_DAY}.",
                      (), COURSE_ASK[:1], "Spørgsmål? Kontakt os:", False, True,
                      f"Sidste dag var {LAST_DAY}.")


def test_full():
    s = registration.at(steps(status="full", registration={"url": URL}), local("2027-02-01T12:00"))
    assert s == State("full", "Fuldt booket", "Kurset er fuldt booket, og der er ingen venteliste.",
                      (), (SCHOOL_EMAIL, SCHOOL_PHONE), "Vil du høre om et nyt hold? Kontakt os:", False, True,
                      "Der er ingen venteliste.")


def test_cancelled():
    s = registration.at(steps(status="cancelled", registration={"phone": "+45 22 33 44 55"}), local("2027-02-01T12:00"))
    assert s == State("cancelled", "Aflyst",
                      "Ingen af kursusgangene bliver holdt, så du skal ikke møde op.",
                      (), COURSE_ASK[1:], "Spørgsmål? Kontakt os:", False, False,
                      "Ingen af kursusgangene bliver holdt, så du skal ikke møde op.")
    assert s.as_data() == {"key": "cancelled", "label": "Aflyst", "message": s.message,
                           "plan": False, "calendar": False}


def test_ended():
    s = registration.at(steps(registration=EVERY_WAY), local("2027-03-24T12:00"))
    # Nothing left to do here: the way on is the upcoming courses.
    assert s == State("ended", "Afsluttet", "Du kan ikke længere melde dig til.",
                      (), (), "", False, False, "Du kan ikke længere melde dig til.", "Se de kommende kurser")


def test_drop_in():
    s = registration.at(steps(drop_in=True), local("2027-02-01T12:00"))
    assert s == State("dropin", "Kom bare", "Du skal ikke melde dig til. Kom bare, når det passer dig.",
                      (), (SCHOOL_EMAIL, SCHOOL_PHONE), "Spørgsmål? Kontakt os:", True, True,
                      "Du skal ikke melde dig til.")


def test_a_school_with_no_contact_leaves_no_one_to_ask():
    s = registration.at(steps(settings=SiteSettings(name="Test"), status="full", registration={"url": URL}),
                        local("2027-02-01T12:00"))
    assert (s.contact, s.actions) == ((), ())


def test_an_unknown_state_is_refused():
    spec, _ = course()
    with pytest.raises(ValueError, match="^later$"):
        registration._state("later", spec, SCHOOL, None, ())


# --- the timeline: exact instants -----------------------------------------------------


def test_open_course_timeline_instants():
    assert plan(steps(registration={"url": URL, "deadline": "2027-03-05"})) == [
        (None, "open"),
        (local("2027-02-27T00:00"), "closing"),
        (local("2027-03-06T00:00"), "closed"),
        (local("2027-03-24T12:00"), "ended"),
    ]


def test_waitlist_timeline_instants():
    assert plan(steps(status="waitlist", registration={"url": URL, "deadline": "2027-03-05"})) == [
        (None, "waitlist"),
        (local("2027-03-06T00:00"), "closed"),
        (local("2027-03-24T12:00"), "ended"),
    ]


def test_waitlist_without_deadline_timeline():
    assert plan(steps(status="waitlist", registration={"url": URL})) == [
        (None, "waitlist"), (local("2027-03-24T12:00"), "ended")]


@pytest.mark.parametrize("fields", [{"status": "full"}, {"drop_in": True}, {"drop_in": True, "status": "full"}])
def test_full_and_drop_in_have_no_deadline_steps(fields):
    first = "dropin" if fields.get("drop_in") else "full"
    assert plan(steps(registration={"url": URL, "deadline": "2027-03-05"}, **fields)) == [
        (None, first), (local("2027-03-24T12:00"), "ended")]


def test_cancelled_timeline_is_one_step():
    assert plan(steps(status="cancelled", registration={"url": URL, "deadline": "2027-03-05"})) == [
        (None, "cancelled")]


def test_deadline_instants_are_local_midnight_in_summer_time():
    # The deadline falls after the switch to summer time (28 March 2027): midnight is UTC+2.
    fields = {"sessions": [{"date": "2027-04-20", "start": "10:00", "end": "12:00"}],
              "registration": {"url": URL, "deadline": "2027-04-05"}}
    timeline = steps(**fields)
    assert [s.start.isoformat() if s.start else None for s in timeline] == [
        None, "2027-03-30T00:00:00+02:00", "2027-04-06T00:00:00+02:00", "2027-04-20T12:00:00+02:00"]


def test_a_step_at_the_very_end_of_the_course_is_dropped():
    # Closing would start after the course ended: it never shows, nor does closed.
    assert plan(steps(registration={"url": URL, "deadline": "2027-04-05"})) == [
        (None, "open"), (local("2027-03-24T12:00"), "ended")]


def test_without_sessions_there_is_no_end():
    spec, _ = course(sessions=[], registration={"url": URL, "deadline": "2027-03-05"})
    assert plan(registration.timeline(spec, [], SCHOOL, ZONE)) == [
        (None, "open"), (local("2027-02-27T00:00"), "closing"), (local("2027-03-06T00:00"), "closed")]


def test_at_reads_the_last_step_that_has_begun():
    timeline = steps(registration={"url": URL, "deadline": "2027-03-05"})
    assert [registration.at(timeline, local(t)).key for t in (
        "2027-02-26T23:59:59", "2027-02-27T00:00", "2027-03-05T23:59:59", "2027-03-06T00:00",
        "2027-03-24T11:59:59", "2027-03-24T12:00", "2030-01-01T00:00")] == [
        "open", "closing", "closing", "closed", "closed", "ended", "ended"]


@pytest.mark.parametrize("status, reg, at", [
    ("open", {"email": "t@example.dk", "deadline": "2027-03-05"}, "2027-02-01T12:00"),
    ("open", {"email": "t@example.dk", "deadline": "2027-03-05"}, "2027-03-01T12:00"),
    ("open", {"email": "t@example.dk", "deadline": "2027-03-05"}, "2027-03-06T00:00"),
    ("waitlist", {"email": "t@example.dk", "deadline": "2027-03-05"}, "2027-02-01T12:00"),
    ("waitlist", {"email": "t@example.dk"}, "2027-02-01T12:00"),
    ("full", {"email": "t@example.dk"}, "2027-02-01T12:00"),
    ("cancelled", {"email": "t@example.dk"}, "2027-02-01T12:00"),
    ("open", {"email": "t@example.dk"}, "2027-03-24T12:00"),
])
def test_a_detail_never_says_again_what_its_label_says(status, reg, at):
    """Min plan shows the label and then the detail: the state once."""
    s = registration.at(steps(status=status, registration=reg), local(at))
    label_words = {w.lower() for w in s.label.replace("booket", "").split() if len(w) > 3}
    assert not any(w in s.detail.lower() for w in label_words), (s.label, s.detail)
    assert s.detail == "" or s.detail.endswith(".")
