"""The repository's own sample portal builds strictly and covers the content model."""

from __future__ import annotations

import re


def test_sample_builds_with_all_page_kinds(sample_site):
    site = sample_site.site
    courses = [p.parent.name for p in (site / "kurser").glob("*/index.html")]
    assert len(courses) >= 12
    assert len(list((site / "ordbog").glob("*/index.html"))) >= 25
    assert len(list((site / "undervisere").glob("*/index.html"))) >= 8
    assert len(list((site / "steder").glob("*/index.html"))) >= 4
    for page in ["om-skolen", "recovery", "chime", "peer-stoette", "saadan-foregaar-et-kursus", "privatliv"]:
        assert (site / page / "index.html").is_file(), page


def test_sample_has_past_courses_in_archive(sample_site):
    archive = sample_site.html("arkiv/index.html")
    assert archive.count('class="rs-card"') >= 1


def test_content_page_danish_heading_anchor(sample_site):
    html = sample_site.html("chime/index.html")
    # pymdownx slugify keeps æ/ø/å instead of dropping them
    assert re.search(r'id="h[åa]', html), "Danish heading anchors"


def test_individual_courses_not_in_navigation(sample_site):
    html = sample_site.html("kurser/index.html")
    nav = html.split('<nav class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "haab-i-hverdagen" not in nav


def test_drop_in_course_says_come_and_shows_the_school_contact(sample_site):
    html = sample_site.html("kurser/recovery-cafe/index.html")
    box = html.split('class="rs-signup__now"')[1].split("</div>")[0]
    assert "Du skal ikke melde dig til. Kom bare" in box
    assert 'href="mailto:kontakt@recoveryskolen.example.dk"' in box and "Spørgsmål? Kontakt os:" in box
    assert "rs-action" not in box
