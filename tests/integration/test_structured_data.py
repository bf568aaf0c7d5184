"""schema.org JSON-LD on course and glossary pages stays valid whatever editors write."""

from __future__ import annotations

import json
import re

from sitekit import run_build


def blocks(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in found]


def test_course_json_ld(spec_site):
    [data] = blocks(spec_site.html("kurser/haab/index.html"))
    assert data["@type"] == "Course" and data["name"] == "Håb og recovery"
    assert data["provider"]["name"] == "Recoveryskolen Eksempel"
    assert data["offers"]["price"] == 0 and data["isAccessibleForFree"] is True
    [instance] = data["hasCourseInstance"]
    assert instance["@type"] == "CourseInstance" and instance["courseMode"] == "onsite"
    assert instance["startDate"] == "2027-03-03T10:00:00+01:00"
    assert instance["endDate"] == "2027-04-07T12:00:00+02:00"  # the cancelled 21 April does not count
    # Every held session is at the library (the series' own place), not at the course's usual place.
    assert instance["location"]["name"] == "Biblioteket"
    assert [p["name"] for p in instance["instructor"]] == ["Anne Madsen", "Karsten Holm"]
    assert instance["courseSchedule"] == {
        "@type": "Schedule", "repeatFrequency": "Weekly", "byDay": "https://schema.org/Wednesday",
        "exceptDate": ["2027-03-24"], "duration": "PT2H", "repeatCount": 5, "startDate": "2027-03-03",
        "endDate": "2027-04-07", "scheduleTimezone": "Europe/Copenhagen", "startTime": "10:00", "endTime": "12:00"}
    assert instance["courseWorkload"] == "PT10H"  # five held sessions of two hours


def test_glossary_json_ld(spec_site):
    [data] = blocks(spec_site.html("ordbog/index.html"))
    assert data["@type"] == "DefinedTermSet"
    assert {t["name"] for t in data["hasDefinedTerm"]} >= {"CHIME", "Erfaringskompetence"}
    [term] = blocks(spec_site.html("ordbog/erfaringskompetence/index.html"))
    assert term["@type"] == "DefinedTerm" and term["inDefinedTermSet"]["@type"] == "DefinedTermSet"


def test_hostile_title_cannot_break_out_of_json_ld(project):
    root = project()
    path = root / "courses" / "haab.yml"
    text = path.read_text().replace("title: Håb og recovery", "title: \"Håb </script><script>alert(1)</script> & co\"")
    path.write_text(text)
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    html = result.html("kurser/haab/index.html")
    assert "<script>alert(1)" not in html and "</script><script>" not in html
    [data] = blocks(html)
    assert data["name"] == "Håb </script><script>alert(1)</script> & co"



# --- Places, status and Google's Course properties, on every fixture site ------------------

import pytest  # noqa: E402

from helpers import jsonld_nodes, unresolved_references  # noqa: E402
from sitekit import make_project  # noqa: E402

GOOGLE = "https://developers.google.com/search/docs/appearance/structured-data/course-info"


@pytest.fixture(scope="module")
def calendars_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("cal") / "p", "calendars")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("hostile") / "p", "hostile")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return result


def course_pages(site):
    data = json.loads((site.site / "kurser.json").read_text(encoding="utf-8"))
    for course in data["courses"]:
        [ld] = blocks(site.html(f"kurser/{course['slug']}/index.html"))
        yield course, ld, data["locations"]


def expected_place(course: dict, session: dict, locations: dict) -> list[tuple]:
    """What kurser.json says about where a session is: [(type, name, address or url)]."""
    pid = session["location"] or (course["location"] or {}).get("id")
    if session["location"]:
        return [("Place", locations[pid]["name"], locations[pid]["address"])]
    where = []
    if pid and course["format"] != "online":
        where.append(("Place", locations[pid]["name"], locations[pid]["address"]))
    if course["format"] in ("online", "hybrid"):
        where.append(("VirtualLocation", None, course["online_url"] or course["url"]))
    return where


def nodes(document) -> dict[str, dict]:
    """Every node of a JSON-LD document that is described (``@id`` and more), by its @id."""
    return jsonld_nodes(document)[0]


def said(location, described: dict[str, dict]) -> list[tuple]:
    items = location if isinstance(location, list) else [location]
    items = [described[l["@id"]] if set(l) == {"@id"} else l for l in items]  # a reference, resolved
    return [(l["@type"], l.get("name"), l["address"]["streetAddress"] if l["@type"] == "Place" else l["url"]) for l in items]


@pytest.mark.parametrize("name", ["spec_site", "calendars_site", "hostile_site"])
def test_each_sub_event_is_where_kurser_json_says(request, name):
    site = request.getfixturevalue(name)
    checked = 0
    for course, ld, locations in course_pages(site):
        [instance] = ld["hasCourseInstance"]
        subs = instance.get("subEvent", [])
        # Each place is described once, on the instance, with its place page's address + #sted
        # as its @id; a session refers to it by that @id, and every reference resolves.
        assert unresolved_references(ld) == [], course["slug"]
        described = nodes(ld)
        at = instance.get("location", [])
        for place in at if isinstance(at, list) else [at]:
            if place["@type"] == "Place":
                assert place["@id"] == place["url"] + "#sted" and described[place["@id"]] is place
        assert [s["startDate"] for s in subs] == [s["start"] for s in course["sessions"]], course["slug"]
        for sub, session in zip(subs, course["sessions"]):
            assert sub["endDate"] == session["end"]
            assert said(sub["location"], described) == expected_place(course, session, locations), (course["slug"], session)
            # A session describes a place in full only when the instance does not: a place
            # that only a cancelled session used.
            instance_places = at if isinstance(at, list) else [at]
            for place in sub["location"] if isinstance(sub["location"], list) else [sub["location"]]:
                if place.get("@type") == "Place":
                    assert session["cancelled"] and place not in instance_places, (course["slug"], session)
            cancelled = session["cancelled"] or course["status"] == "cancelled"
            assert sub["eventStatus"] == "https://schema.org/" + ("EventCancelled" if cancelled else "EventScheduled")
            checked += 1
    assert checked >= 1


@pytest.mark.parametrize("name", ["spec_site", "calendars_site", "hostile_site"])
def test_google_required_course_properties(request, name):
    """Course info: name, description, provider, offers.category, hasCourseInstance with
    courseMode and courseSchedule (duration, repeatFrequency, repeatCount) or courseWorkload,
    as documented at GOOGLE. Nothing made up: a course without dates has neither."""
    site = request.getfixturevalue(name)
    for course, ld, _ in course_pages(site):
        assert ld["name"] and ld["description"] and ld["provider"]["name"]
        assert ld["offers"]["category"] == "Free"
        [instance] = ld["hasCourseInstance"]
        assert instance["courseMode"] in ("onsite", "online", "blended")
        held = [s for s in course["sessions"] if not s["cancelled"]]
        if not held:
            assert "courseSchedule" not in instance and "courseWorkload" not in instance, course["slug"]
            continue
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?", instance["courseWorkload"])
        schedule = instance.get("courseSchedule")
        if schedule is not None:
            assert schedule["repeatFrequency"] in ("Daily", "Weekly", "Monthly", "Yearly")
            assert re.fullmatch(r"PT(\d+H)?(\d+M)?", schedule["duration"])
            assert schedule["repeatCount"] == len(held)


def test_irregular_sessions_get_a_workload_but_no_made_up_schedule(calendars_site):
    ld = {c["slug"]: l for c, l, _ in course_pages(calendars_site)}
    cafe = ld["online-cafe"]["hasCourseInstance"][0]
    # Every other Tuesday, and one session is longer: no repeatFrequency or duration to give.
    assert "courseSchedule" not in cafe and cafe["courseWorkload"] == "PT3H30M"
    autumn = ld["efteraar-2026"]["hasCourseInstance"][0]
    assert autumn["courseSchedule"]["duration"] == "PT2H" and autumn["courseWorkload"] == "PT8H"
    assert "courseSchedule" not in ld["snart"]["hasCourseInstance"][0]


def test_cancelled_course_and_its_sessions_say_cancelled(calendars_site):
    [ld] = blocks(calendars_site.html("kurser/aaben-hybrid/index.html"))
    [instance] = ld["hasCourseInstance"]
    assert instance["eventStatus"] == "https://schema.org/EventCancelled"
    assert {s["eventStatus"] for s in instance["subEvent"]} == {"https://schema.org/EventCancelled"}


def test_online_link_private_by_default_and_public_on_opt_in(calendars_site):
    private = "https://moede.example.dk/privat-cafe-link"
    public = "https://moede.example.dk/aaben-samtale"
    [cafe] = blocks(calendars_site.html("kurser/online-cafe/index.html"))
    instance = cafe["hasCourseInstance"][0]
    assert instance["courseMode"] == "online"
    page = "https://recoveryskolen.example.dk/kurser/online-cafe/"
    assert instance["location"] == {"@type": "VirtualLocation", "url": page}
    assert private not in json.dumps(cafe)
    for name in ("kurser/online-cafe.ics", "kalender.ics", "kurser.json", "feed.xml"):
        assert "privat-cafe-link" not in (calendars_site.site / name).read_text(encoding="utf-8"), name
    [hybrid] = blocks(calendars_site.html("kurser/aaben-hybrid/index.html"))
    assert [l["@type"] for l in hybrid["hasCourseInstance"][0]["location"]] == ["Place", "VirtualLocation"]
    assert hybrid["hasCourseInstance"][0]["location"][1]["url"] == public
    assert public in (calendars_site.site / "kurser.json").read_text(encoding="utf-8")


def test_course_list_is_an_item_list_of_the_course_pages(calendars_site):
    [data] = blocks(calendars_site.html("kurser/index.html"))
    assert data["@type"] == "ItemList"
    items = data["itemListElement"]
    assert [i["position"] for i in items] == list(range(1, len(items) + 1)) and data["numberOfItems"] == len(items)
    upcoming = {c["url"] for c in json.loads((calendars_site.site / "kurser.json").read_text())["courses"] if c["upcoming"]}
    assert {i["url"] for i in items} == upcoming
    html = calendars_site.html("kurser/index.html")
    # The list's order is the page's order of course cards.
    order = [html.index(f'href="{i["url"].split("/kurser/")[1]}') for i in items]
    assert order == sorted(order)
    for item in items:  # each detail page has its own Course markup
        slug = item["url"].rstrip("/").rsplit("/", 1)[1]
        assert blocks(calendars_site.html(f"kurser/{slug}/index.html"))[0]["@type"] == "Course"
