"""No broken link or anchor anywhere in the built site: pages, generated pages, the
calendar files' and kurser.json's URLs included."""

from __future__ import annotations

import json
import re

from icalendar import Calendar

from sitecheck import check_site, site_path


def test_no_broken_links_in_sample(sample_site):
    assert check_site(sample_site.site) == []


def test_no_broken_links_in_spec_example(spec_site):
    assert check_site(spec_site.site) == []


def test_feed_and_json_urls_resolve(sample_site):
    site = sample_site.site
    data = json.loads((site / "kurser.json").read_text(encoding="utf-8"))
    for course in data["courses"]:
        assert site_path(site, course["url"]).exists(), course["url"]
        assert site_path(site, course["ics_url"]).exists(), course["ics_url"]
    for ics in [site / "kalender.ics", *(site / "kurser").glob("*.ics")]:
        for event in Calendar.from_ical(ics.read_bytes()).walk("VEVENT"):
            assert site_path(site, str(event["URL"])).exists(), (ics, event["URL"])
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"]+)"', feed):
        assert site_path(site, href).exists(), href
