"""The built site's calendar files, kurser.json and feed.xml."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import timezone

from icalendar import Calendar

from sitekit import run_build


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, [c for c in cal.walk("VEVENT")]


def test_course_ics(spec_site):
    cal, evs = events(spec_site.site / "kurser" / "haab.ics")
    assert len(evs) == 6  # weekly 6 minus one exception, plus the cancelled session
    assert [c["TZID"] for c in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    starts = [e.decoded("DTSTART").astimezone(timezone.utc).strftime("%m-%d %H:%M") for e in evs]
    # 10:00 local is 09:00 UTC before the 28 March switch and 08:00 after it
    assert starts[:5] == ["03-03 09:00", "03-10 09:00", "03-17 09:00", "03-31 08:00", "04-07 08:00"]
    cancelled = [e for e in evs if e.get("STATUS") == "CANCELLED"]
    assert len(cancelled) == 1 and cancelled[0].decoded("DTSTART").day == 21
    assert str(evs[0]["UID"]).startswith("haab-20270303@")
    assert "Biblioteket" in str(evs[0]["LOCATION"])  # the series is held at another place
    assert str(evs[0]["URL"]).endswith("/kurser/haab/")


def test_uids_and_bytes_stable_between_builds(project, tmp_path):
    root = project()
    first = run_build(root, site=tmp_path / "a")
    second = run_build(root, site=tmp_path / "b")
    assert first.returncode == 0 and second.returncode == 0
    for name in ("kurser/haab.ics", "kalender.ics", "kurser.json", "feed.xml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_calendar_ics_has_upcoming_sessions_only(project):
    result = run_build(project(), today="2027-04-08")  # the course has ended
    _, evs = events(result.site / "kalender.ics")
    assert evs == []
    assert (result.site / "kurser" / "haab.ics").is_file()  # the course's own file stays


def test_kurser_json(spec_site):
    data = json.loads((spec_site.site / "kurser.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    [course] = data["courses"]
    assert course["slug"] == "haab" and course["title"] == "Håb og recovery"
    assert course["upcoming"] is True and course["registration_state"] == "open"
    assert [t["role"] for t in course["teachers"]] == ["peer", "professional"]
    assert course["location"]["address"] == "Eksempelvej 12, 4000 Roskilde"
    assert course["sessions"][0]["start"] == "2027-03-03T10:00:00+01:00"
    assert course["sessions"][-1]["cancelled"] is True


def test_feed_xml(spec_site):
    root = ET.fromstring((spec_site.site / "feed.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == ["Håb og recovery"]
    assert entries[0].find("a:link", ns).get("href").endswith("/kurser/haab/")


def test_course_page_offers_add_to_calendar(spec_site):
    html = spec_site.html("kurser/haab/index.html")
    assert 'href="../haab.ics"' in html and "Tilføj til kalender" in html
    assert 'href="../kalender.ics"' in spec_site.html("kalender/index.html")
