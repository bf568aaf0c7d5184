"""schema.org JSON-LD (rskole/jsonld.py), without a build: escaping, Course, schedule, terms."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

import pytest

from helpers import COURSE, load_files, unresolved_references
from rskole import jsonld, views
from rskole.model import AUDIENCES, THEMES

SITE = "https://skole.example.dk/"


def body(element: str) -> str:
    m = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', element, re.S)
    assert m, element
    return m.group(1)


@pytest.mark.parametrize("text", [
    "Håb <!--<script x", "Håb </script><script>alert(1)</script>", "<!-- -->", "a < b > c & d", "<SCRIPT", "]]>",
    "linje\u2028skift\u2029afsnit",
])
def test_script_escapes_everything_that_could_end_or_change_the_element(text):
    inner = body(jsonld.script({"name": text}))
    # No raw <, > or &: an HTML parser sees neither "</script", "<!--" nor "<script" in it.
    assert not set(inner) & {"<", ">", "&", "\u2028", "\u2029"}, inner
    assert json.loads(inner) == {"name": text}


def test_script_is_compact_and_keeps_the_order_of_keys():
    # Google reads "@context" and "@type" first; the page's bytes stay small and stable.
    assert body(jsonld.script({"@type": "Course", "@context": "x", "b": [1, 2]})) == '{"@type":"Course","@context":"x","b":[1,2]}'


def test_script_keeps_danish_letters_readable():
    assert jsonld.script({"name": "Æblegrød på øen"}) == '<script type="application/ld+json">{"name":"Æblegrød på øen"}</script>'


@pytest.mark.parametrize("minutes, text", [(120, "PT2H"), (90, "PT1H30M"), (45, "PT45M"), (0, "PT0M"), (600, "PT10H"), (61, "PT1H1M")])
def test_iso_duration(minutes, text):
    assert jsonld.iso_duration(timedelta(minutes=minutes)) == text


def test_absolute():
    assert jsonld.absolute(SITE, "kurser/") == SITE + "kurser/"
    assert jsonld.absolute("https://skole.example.dk", "kurser/") == SITE + "kurser/"
    assert jsonld.absolute(None, "kurser/") == "/kurser/"


def build(tmp_path, course_text: str = COURSE, day: date = date(2027, 3, 1), **files):
    cat, problems = load_files(tmp_path, {"courses/haab.yml": course_text, **files})
    assert not problems, problems.report()
    env = views.Env(cat, day, datetime.combine(day, datetime.min.time(), tzinfo=cat.zone))
    return env, cat.courses["haab"]


WEEKLY = COURSE.replace("""sessions:
  - date: 2027-03-03
    start: "10:00"
    end: "12:00"
""", """learning_outcomes: [Du ved mere om håb.]
capacity: 12
sessions:
  - date: 2027-03-03
    start: "10:00"
    end: "12:00"
    weekly: 5
    except: [2027-03-17]
  - date: 2027-04-07
    start: "10:00"
    end: "12:00"
    cancelled: true
""")


def test_course_with_a_weekly_schedule(tmp_path):
    env, course = build(tmp_path, WEEKLY)
    data = jsonld.course(env, course, SITE)
    url = SITE + "kurser/haab/"
    assert {k: data[k] for k in ("@context", "@type", "@id", "name", "description", "url", "inLanguage")} == {
        "@context": "https://schema.org", "@type": "Course", "@id": url, "name": "Håb og recovery",
        "description": "Hvad giver håb?", "url": url, "inLanguage": "da"}
    assert data["provider"] == {"@type": "EducationalOrganization", "name": "Test", "url": SITE, "email": "kontakt@example.dk"}
    assert data["isAccessibleForFree"] is True
    assert data["offers"] == {"@type": "Offer", "category": "Free", "price": 0, "priceCurrency": "DKK", "url": url}
    assert data["audience"] == [{"@type": "Audience", "audienceType": AUDIENCES["citizens"]}]
    assert data["about"] == [THEMES["hope"]["name"]]
    assert data["teaches"] == ["Du ved mere om håb."]
    [instance] = data["hasCourseInstance"]
    assert instance["@type"] == "CourseInstance" and instance["courseMode"] == "onsite" and instance["inLanguage"] == "da"
    assert instance["eventStatus"] == jsonld.SCHEDULED and instance["url"] == url
    assert instance["maximumAttendeeCapacity"] == 12
    assert [(p["name"], p["url"]) for p in instance["instructor"]] == [
        ("Anne Madsen", SITE + "undervisere/anne-madsen/"), ("Karsten Holm", SITE + "undervisere/karsten-holm/")]
    assert instance["startDate"] == "2027-03-03T10:00:00+01:00"
    # The cancelled 7 April does not end the course; the last held session (31 March) does.
    assert instance["endDate"] == "2027-03-31T12:00:00+02:00"
    assert instance["courseWorkload"] == "PT8H"
    assert instance["courseSchedule"] == {
        "@type": "Schedule", "repeatFrequency": "Weekly", "byDay": "https://schema.org/Wednesday",
        "exceptDate": ["2027-03-17"], "duration": "PT2H", "repeatCount": 4, "startDate": "2027-03-03",
        "endDate": "2027-03-31", "scheduleTimezone": "Europe/Copenhagen", "startTime": "10:00", "endTime": "12:00"}
    subs = instance["subEvent"]
    assert [(s["startDate"][:10], s["eventStatus"]) for s in subs] == [
        ("2027-03-03", jsonld.SCHEDULED), ("2027-03-10", jsonld.SCHEDULED), ("2027-03-24", jsonld.SCHEDULED),
        ("2027-03-31", jsonld.SCHEDULED), ("2027-04-07", jsonld.CANCELLED)]
    assert subs[0]["name"] == "Håb og recovery" and subs[0]["endDate"] == "2027-03-03T12:00:00+01:00"
    place = {"@type": "Place", "@id": SITE + "steder/vaerkstedet/#sted", "name": "Værkstedet", "url": SITE + "steder/vaerkstedet/",
             "address": {"@type": "PostalAddress", "streetAddress": "Eksempelvej 12, 4000 Roskilde", "addressCountry": "DK"}}
    # The place is described once, on the instance; every session refers to it.
    assert instance["location"] == place
    assert [s["location"] for s in subs] == [{"@id": place["@id"]}] * 5
    assert unresolved_references(data) == []


def test_a_cancelled_course_says_so_on_every_session(tmp_path):
    env, course = build(tmp_path, WEEKLY.replace("capacity: 12", "status: cancelled"))
    [instance] = jsonld.course(env, course, SITE)["hasCourseInstance"]
    assert instance["eventStatus"] == jsonld.CANCELLED
    assert {s["eventStatus"] for s in instance["subEvent"]} == {jsonld.CANCELLED}
    assert "maximumAttendeeCapacity" not in instance


@pytest.mark.parametrize("sessions, schedule", [
    # Daily
    ('[{date: 2027-03-01, start: "10:00", end: "12:00"}, {date: 2027-03-02, start: "10:00", end: "12:00"}]',
     {"repeatFrequency": "Daily", "repeatCount": 2, "startTime": "10:00"}),
    # Different lengths: no schedule can be given without making one up.
    ('[{date: 2027-03-01, start: "10:00", end: "12:00"}, {date: 2027-03-08, start: "10:00", end: "11:00"}]', None),
    # Irregular gaps
    ('[{date: 2027-03-01, start: "10:00", end: "12:00"}, {date: 2027-03-04, start: "10:00", end: "12:00"}]', None),
    # Two sessions on one day
    ('[{date: 2027-03-01, start: "10:00", end: "12:00"}, {date: 2027-03-01, start: "13:00", end: "15:00"}]', None),
    # One session
    ('[{date: 2027-03-01, start: "10:00", end: "12:00"}]', None),
    # Weekly, same length, different times: no startTime
    ('[{date: 2027-03-01, start: "10:00", end: "12:00"}, {date: 2027-03-08, start: "13:00", end: "15:00"}]',
     {"repeatFrequency": "Weekly", "byDay": "https://schema.org/Monday", "repeatCount": 2, "startTime": None}),
    # Every second week: the week between is an exceptDate
    ('[{date: 2027-03-01, start: "10:00", end: "12:00"}, {date: 2027-03-15, start: "10:00", end: "12:00"}]',
     {"repeatFrequency": "Weekly", "exceptDate": ["2027-03-08"]}),
])
def test_course_schedule_only_when_regular(tmp_path, sessions, schedule):
    text = COURSE.split("sessions:")[0] + f"sessions: {sessions}\n"
    env, course = build(tmp_path, text, day=date(2027, 2, 1))
    [instance] = jsonld.course(env, course, SITE)["hasCourseInstance"]
    got = instance.get("courseSchedule")
    if schedule is None:
        assert got is None
        return
    for key, value in schedule.items():
        assert got.get(key) == value, (key, got)
    assert got["duration"] == "PT2H"


def test_course_without_dates_has_only_its_place(tmp_path):
    text = COURSE.split("sessions:")[0] + "sessions: []\n"
    env, course = build(tmp_path, text)
    [instance] = jsonld.course(env, course, SITE)["hasCourseInstance"]
    assert not {"startDate", "endDate", "subEvent", "courseSchedule", "courseWorkload"} & set(instance)
    assert instance["location"]["name"] == "Værkstedet"


def test_online_and_hybrid_locations(tmp_path):
    link = "https://moede.example.dk/haab"
    online = COURSE.replace("location: vaerkstedet", f"format: online\nonline_url: {link}")
    env, course = build(tmp_path / "a", online)
    [instance] = jsonld.course(env, course, SITE)["hasCourseInstance"]
    assert instance["courseMode"] == "online"
    # A private link is not published: the course page stands in for it.
    assert instance["location"] == {"@type": "VirtualLocation", "url": SITE + "kurser/haab/"}
    hybrid = COURSE.replace("location: vaerkstedet", f"location: vaerkstedet\nformat: hybrid\nonline_url: {link}\nonline_url_public: true")
    env, course = build(tmp_path / "b", hybrid)
    [instance] = jsonld.course(env, course, SITE)["hasCourseInstance"]
    assert instance["courseMode"] == "blended"
    assert [(l["@type"], l.get("name") or l["url"]) for l in instance["location"]] == [("Place", "Værkstedet"), ("VirtualLocation", link)]
    assert instance["subEvent"][0]["location"] == [{"@id": SITE + "steder/vaerkstedet/#sted"}, instance["location"][1]]


def test_a_session_moved_to_another_place(tmp_path):
    text = COURSE.split("sessions:")[0] + (
        'sessions:\n  - {date: 2027-03-03, start: "10:00", end: "12:00", location: biblioteket}\n'
        '  - {date: 2027-03-10, start: "10:00", end: "12:00"}\n')
    env, course = build(tmp_path, text)
    data = jsonld.course(env, course, SITE)
    [instance] = data["hasCourseInstance"]
    assert [s["location"]["@id"] for s in instance["subEvent"]] == [SITE + "steder/biblioteket/#sted", SITE + "steder/vaerkstedet/#sted"]
    assert [(l["name"], l["@id"]) for l in instance["location"]] == [
        ("Biblioteket", SITE + "steder/biblioteket/#sted"), ("Værkstedet", SITE + "steder/vaerkstedet/#sted")]
    assert unresolved_references(data) == []


def test_course_list_and_terms(tmp_path):
    env, course = build(tmp_path)
    data = jsonld.course_list(env, [course, course], SITE)
    assert data["@type"] == "ItemList" and data["numberOfItems"] == 2 and data["url"] == SITE + "kurser/"
    assert [(i["position"], i["url"]) for i in data["itemListElement"]] == [(1, SITE + "kurser/haab/"), (2, SITE + "kurser/haab/")]
    terms = jsonld.term_set(env, SITE)
    assert terms["@type"] == "DefinedTermSet" and terms["url"] == SITE + "ordbog/"
    [term] = terms["hasDefinedTerm"]
    assert term["name"] == "Personlig recovery" and term["alternateName"] == ["personlige recovery"]
    assert term["termCode"] == "personlig-recovery" and "@context" not in term and "inDefinedTermSet" not in term
    one = jsonld.term(env, env.cat.terms["personlig-recovery"], SITE)
    assert one["@context"] == "https://schema.org" and one["url"] == SITE + "ordbog/personlig-recovery/"
    assert one["inDefinedTermSet"] == {"@type": "DefinedTermSet", "@id": SITE + "ordbog/", "name": "Mini-ordbog"}
