"""The portal on three engines: MkDocs and ProperDocs with the hooks, Zensical (no hooks)
from the compiled tree. Each course page, its sessions, teachers, place and glossary
links, "Bruges i" and the feeds read alike (tests/enginekit.py)."""

from __future__ import annotations

import pytest

from enginekit import build_all, course_facts, differences
from sitekit import make_project


@pytest.fixture(scope="module")
def engine_sites(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("engines") / "p", "portal")
    return build_all(root, tmp_path_factory.mktemp("engine-sites"), today="2027-03-01")


def test_three_engines_build_the_same_portal(engine_sites):
    assert differences(engine_sites) == []


def test_the_comparison_sees_course_pages(engine_sites):
    # The comparison would pass vacuously if it found nothing to compare.
    page = (engine_sites["zensical"] / "kurser" / "haab-i-hverdagen" / "index.html").read_text(encoding="utf-8")
    facts = course_facts(page)
    assert len(facts["sessions"]) == 6 and facts["teachers"] and facts["place"] and facts["term_links"]
