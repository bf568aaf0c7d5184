"""JSON-LD asserted whole: every key a search engine reads, for a course with a titled
teacher, a place with accessibility, a moved and a cancelled session, and no site URL
(issue 18: the mutants that test_jsonld.py let live)."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from helpers import LOCATIONS, TEACHERS, load_files, unresolved_references
from rskole import jsonld, views
from rskole.model import SiteSettings

COURSE = """
title: Håb og recovery
summary: Hvad giver håb?
description: Om håb.
themes: [hope, meaning]
audiences: [citizens, relatives]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
sessions:
  - {date: 2027-03-03, start: "10:00", end: "12:00", topic: Hvad er håb?}
  - {date: 2027-03-04, start: "10:00", end: "11:30", location: biblioteket}
  - {date: 2027-03-05, start: "10:00", end: "12:00", cancelled: true}
"""
TERM2 = """---
term: Anden term
---
Noget andet.
"""


def build(tmp_path, course_text=COURSE):
    files = {
        "courses/haab.yml": course_text,
        "courses/_teachers.yml": TEACHERS.replace("  role: peer", "  role: peer\n  title: Recoverymentor"),
        "courses/_locations.yml": LOCATIONS.replace("4000 Roskilde\nbiblioteket", "4000 Roskilde\n  accessibility: Niveaufri adgang.\nbiblioteket"),
        "glossary/anden-term.md": TERM2,
    }
    cat, problems = load_files(tmp_path, files)
    assert not problems, problems.report()
    day = date(2027, 2, 1)
    return views.Env(cat, day, datetime.combine(day, datetime.min.time(), tzinfo=cat.zone)), cat.courses["haab"]


WORKSHOP = {"@type": "Place", "@id": "/steder/vaerkstedet/#sted", "name": "Værkstedet", "description": "Niveaufri adgang.", "url": "/steder/vaerkstedet/",
            "address": {"@type": "PostalAddress", "streetAddress": "Eksempelvej 12, 4000 Roskilde", "addressCountry": "DK"}}
LIBRARY = {"@type": "Place", "@id": "/steder/biblioteket/#sted", "name": "Biblioteket", "url": "/steder/biblioteket/",
           "address": {"@type": "PostalAddress", "streetAddress": "Bibliotekvej 1, 4000 Roskilde", "addressCountry": "DK"}}
# A session refers to a place the course instance describes by its @id only.
AT_WORKSHOP, AT_LIBRARY = {"@id": WORKSHOP["@id"]}, {"@id": LIBRARY["@id"]}


def test_a_whole_course_without_a_site_url(tmp_path):
    env, course = build(tmp_path)
    url = "/kurser/haab/"
    data = jsonld.course(env, course, None)
    assert unresolved_references(data) == []
    assert data == {
        "@context": "https://schema.org", "@type": "Course", "@id": url, "name": "Håb og recovery",
        "description": "Hvad giver håb?", "url": url, "inLanguage": "da",
        "provider": {"@type": "EducationalOrganization", "name": "Test", "email": "kontakt@example.dk"},
        "isAccessibleForFree": True,
        "offers": {"@type": "Offer", "category": "Free", "price": 0, "priceCurrency": "DKK", "url": url},
        "audience": [{"@type": "Audience", "audienceType": "Borgere med psykiske vanskeligheder"},
                     {"@type": "Audience", "audienceType": "Pårørende"}],
        "about": ["Håb og optimisme", "Mening"],
        "hasCourseInstance": [{
            "@type": "CourseInstance", "name": "Håb og recovery", "courseMode": "onsite", "inLanguage": "da",
            "instructor": [
                {"@type": "Person", "name": "Anne Madsen", "description": "Recoverymentor", "url": "/undervisere/anne-madsen/"},
                {"@type": "Person", "name": "Karsten Holm", "description": "Fagprofessionel underviser",
                 "url": "/undervisere/karsten-holm/"},
            ],
            "eventStatus": "https://schema.org/EventScheduled", "url": url,
            "startDate": "2027-03-03T10:00:00+01:00", "endDate": "2027-03-04T11:30:00+01:00",
            # Two held sessions of different lengths: no schedule is made up.
            "courseWorkload": "PT3H30M",
            "subEvent": [
                {"@type": "Event", "name": "Hvad er håb?", "startDate": "2027-03-03T10:00:00+01:00",
                 "endDate": "2027-03-03T12:00:00+01:00", "eventStatus": "https://schema.org/EventScheduled", "location": AT_WORKSHOP},
                {"@type": "Event", "name": "Håb og recovery", "startDate": "2027-03-04T10:00:00+01:00",
                 "endDate": "2027-03-04T11:30:00+01:00", "eventStatus": "https://schema.org/EventScheduled", "location": AT_LIBRARY},
                {"@type": "Event", "name": "Håb og recovery", "startDate": "2027-03-05T10:00:00+01:00",
                 "endDate": "2027-03-05T12:00:00+01:00", "eventStatus": "https://schema.org/EventCancelled", "location": AT_WORKSHOP},
            ],
            "location": [WORKSHOP, LIBRARY],
        }],
    }


def test_every_session_cancelled_gives_no_workload_and_the_places_of_all(tmp_path):
    text = COURSE.replace('end: "11:30", location: biblioteket}', 'end: "11:30", location: biblioteket, cancelled: true}')
    text = text.replace('topic: Hvad er håb?}', 'topic: Hvad er håb?, cancelled: true}')
    env, course = build(tmp_path, text)
    [instance] = jsonld.course(env, course, None)["hasCourseInstance"]
    assert "courseWorkload" not in instance and "courseSchedule" not in instance
    assert instance["endDate"] == "2027-03-05T12:00:00+01:00"
    assert instance["location"] == [WORKSHOP, LIBRARY]
    assert [s["location"] for s in instance["subEvent"]] == [AT_WORKSHOP, AT_LIBRARY, AT_WORKSHOP]


def test_a_place_only_a_cancelled_session_used_is_described_in_that_session(tmp_path):
    # The instance is where its held sessions are; a cancelled session elsewhere keeps its
    # place in full, so every reference resolves within the document.
    text = COURSE.replace('end: "11:30", location: biblioteket}', 'end: "11:30", location: biblioteket, cancelled: true}')
    env, course = build(tmp_path, text)
    data = jsonld.course(env, course, None)
    [instance] = data["hasCourseInstance"]
    assert instance["location"] == WORKSHOP
    assert [s["location"] for s in instance["subEvent"]] == [AT_WORKSHOP, LIBRARY, AT_WORKSHOP]
    assert unresolved_references(data) == []
    # (The check itself: a reference to a place described nowhere in the document.)
    assert unresolved_references({"location": AT_LIBRARY, "subEvent": [{"location": WORKSHOP}]}) == [LIBRARY["@id"]]


def test_provider_by_phone_and_without_contact():
    phone = SimpleNamespace(settings=SiteSettings(name="Skolen", contact="+45 11 22 33 44"))
    assert jsonld._provider(phone, None) == {"@type": "EducationalOrganization", "name": "Skolen", "telephone": "+45 11 22 33 44"}
    none = SimpleNamespace(settings=SiteSettings(name="Skolen"))
    assert jsonld._provider(none, "https://skole.example.dk") == {
        "@type": "EducationalOrganization", "name": "Skolen", "url": "https://skole.example.dk/"}


def test_the_term_set_whole_in_slug_order(tmp_path):
    env, _ = build(tmp_path)
    assert jsonld.term_set(env, None) == {
        "@context": "https://schema.org", "@type": "DefinedTermSet", "@id": "/ordbog/", "name": "Mini-ordbog",
        "url": "/ordbog/", "inLanguage": "da",
        "hasDefinedTerm": [
            {"@type": "DefinedTerm", "@id": "/ordbog/anden-term/", "name": "Anden term", "description": "Noget andet.",
             "termCode": "anden-term", "url": "/ordbog/anden-term/"},
            {"@type": "DefinedTerm", "@id": "/ordbog/personlig-recovery/", "name": "Personlig recovery",
             "description": "En proces.", "termCode": "personlig-recovery", "url": "/ordbog/personlig-recovery/",
             "alternateName": ["personlige recovery"]},
        ],
    }


def test_the_course_list_whole(tmp_path):
    env, course = build(tmp_path)
    assert jsonld.course_list(env, [course], None) == {
        "@context": "https://schema.org", "@type": "ItemList", "@id": "/kurser/", "name": "Kurser", "url": "/kurser/",
        "numberOfItems": 1, "itemListElement": [{"@type": "ListItem", "position": 1, "url": "/kurser/haab/"}]}


# --- With a site URL: every address absolute (issue 18, the last jsonld survivors) --------

SITE = "https://skole.example.dk/BOX/"


def test_absolute_strips_only_the_trailing_slash():
    assert jsonld.absolute(SITE, "kurser/") == "https://skole.example.dk/BOX/kurser/"
    assert jsonld.absolute("https://skole.example.dk/BOX", "") == "https://skole.example.dk/BOX/"


def test_a_moved_session_and_the_term_set_have_absolute_addresses(tmp_path):
    env, course = build(tmp_path)
    data = jsonld.course(env, course, SITE)
    [instance] = data["hasCourseInstance"]
    assert instance["subEvent"][1]["location"] == {"@id": SITE + "steder/biblioteket/#sted"}
    assert [(p["@id"], p["url"]) for p in instance["location"]] == [
        (SITE + "steder/vaerkstedet/#sted", SITE + "steder/vaerkstedet/"), (SITE + "steder/biblioteket/#sted", SITE + "steder/biblioteket/")]
    assert unresolved_references(data) == []
    assert [t["url"] for t in jsonld.term_set(env, SITE)["hasDefinedTerm"]] == [
        SITE + "ordbog/anden-term/", SITE + "ordbog/personlig-recovery/"]


ONLINE = COURSE.replace("location: vaerkstedet\n", "format: online\nonline_url: https://moede.example.dk/haab\n")


def test_online_sessions_and_a_course_without_dates_point_at_the_course_page(tmp_path):
    env, course = build(tmp_path / "a", ONLINE.replace(", location: biblioteket", ""))
    [instance] = jsonld.course(env, course, SITE)["hasCourseInstance"]
    page = {"@type": "VirtualLocation", "url": SITE + "kurser/haab/"}  # the private link is never shown
    assert [s["location"] for s in instance["subEvent"]] == [page, page, page]
    env, course = build(tmp_path / "b", ONLINE.split("sessions:")[0] + "sessions: []\n")
    assert jsonld.course(env, course, SITE)["hasCourseInstance"][0]["location"] == page
    env, course = build(tmp_path / "c", COURSE.split("sessions:")[0] + "sessions: []\n")
    assert jsonld.course(env, course, SITE)["hasCourseInstance"][0]["location"]["url"] == SITE + "steder/vaerkstedet/"


def test_a_hybrid_course_with_a_moved_session_lists_each_place_once(tmp_path):
    hybrid = COURSE.replace("location: vaerkstedet\n", "location: vaerkstedet\nformat: hybrid\nonline_url: https://moede.example.dk/haab\n")
    env, course = build(tmp_path, hybrid)
    data = jsonld.course(env, course, None)
    [instance] = data["hasCourseInstance"]
    online = {"@type": "VirtualLocation", "url": "/kurser/haab/"}
    assert instance["location"] == [WORKSHOP, online, LIBRARY]
    # A VirtualLocation is given whole in each session; a place is referred to.
    assert [s["location"] for s in instance["subEvent"]] == [[AT_WORKSHOP, online], AT_LIBRARY, [AT_WORKSHOP, online]]
    assert unresolved_references(data) == []


def test_a_long_weekly_series_reports_a_late_exception(tmp_path):
    text = COURSE.split("sessions:")[0] + ('sessions:\n  - {date: 2027-03-03, start: "10:00", end: "12:00", weekly: 10, '
                                           'except: [2027-04-28]}\n')
    env, course = build(tmp_path, text)
    schedule = jsonld.course(env, course, None)["hasCourseInstance"][0]["courseSchedule"]
    assert (schedule["repeatCount"], schedule["exceptDate"], schedule["endDate"]) == (9, ["2027-04-28"], "2027-05-05")
