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
    assert instance["location"]["address"]["streetAddress"] == "Eksempelvej 12, 4000 Roskilde"
    assert [p["name"] for p in instance["instructor"]] == ["Anne Madsen", "Karsten Holm"]
    assert instance["courseSchedule"]["repeatCount"] == 5


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


def test_online_and_hybrid_course_modes(project):
    root = project()
    path = root / "courses" / "haab.yml"
    text = path.read_text().replace("format: in-person", "format: hybrid\nonline_url: https://moede.example.dk/haab")
    path.write_text(text)
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    [data] = blocks(result.html("kurser/haab/index.html"))
    instance = data["hasCourseInstance"][0]
    assert instance["courseMode"] == "blended"
    assert [l["@type"] for l in instance["location"]] == ["Place", "VirtualLocation"]
