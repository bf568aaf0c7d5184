"""The scale benchmark (bench/) at a small N: it builds, the counts are right, and the
report parses. No timing is asserted."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit import REPO, run_build

N, M = 12, 10
sys.path.insert(0, str(REPO / "bench"))

import generate  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench") / f"{N}-{M}"
    counts = generate.generate(out, N, M)
    assert counts["courses"] == N and counts["terms"] == M
    return out


def test_generation_is_deterministic(generated, tmp_path):
    again = tmp_path / "again"
    generate.generate(again, N, M, git=False)
    for rel in ("courses", "glossary"):
        first = {p.relative_to(generated / "portal"): p.read_bytes() for p in (generated / "portal" / rel).rglob("*") if p.is_file()}
        second = {p.relative_to(again / "portal"): p.read_bytes() for p in (again / "portal" / rel).rglob("*") if p.is_file()}
        assert first == second
    assert (generated / "plain" / "docs" / "kalender.md").read_bytes() == (again / "plain" / "docs" / "kalender.md").read_bytes()


def test_generated_content_follows_the_content_model(generated):
    portal = generated / "portal"
    courses = sorted((portal / "courses").rglob("*.yml"))
    courses = [p for p in courses if not p.name.startswith("_")]
    assert len(courses) == N
    assert len(list((portal / "glossary").glob("*.md"))) == M
    text = "\n".join(p.read_text(encoding="utf-8") for p in courses)
    for key in generate.THEMES + generate.AUDIENCES + generate.FORMATS:
        assert key in text
    assert "weekly:" in text
    teachers = (portal / "courses" / "_teachers.yml").read_text(encoding="utf-8")
    assert len(re.findall(r"^[a-z0-9-]+:$", teachers, re.M)) == generate.TEACHER_COUNT
    for role in ("peer", "relative", "professional"):
        assert f"role: {role}" in teachers
    locations = (portal / "courses" / "_locations.yml").read_text(encoding="utf-8")
    assert len(re.findall(r"^[a-z0-9-]+:$", locations, re.M)) == generate.PLACE_COUNT
    # Descriptions are about 300 words.
    counts = json.loads((generated / "counts.json").read_text(encoding="utf-8"))
    assert 250 <= counts["description_words_median"] <= 400


def test_portal_project_builds_strict_with_the_right_counts(generated):
    result = run_build(generated / "portal", strict=True)
    assert result.returncode == 0, result.stderr
    site = result.site
    courses = list((site / "kurser").glob("*/index.html"))
    assert len(courses) == N
    assert len(list((site / "ordbog").glob("*/index.html"))) == M
    assert len(list((site / "undervisere").glob("*/index.html"))) == generate.TEACHER_COUNT
    assert len(list((site / "steder").glob("*/index.html"))) == generate.PLACE_COUNT
    feed = json.loads((site / "kurser.json").read_text(encoding="utf-8"))
    assert len(feed["courses"]) == N
    # Glossary forms in the descriptions are linked.
    assert any('class="rs-term"' in p.read_text(encoding="utf-8") for p in courses)


def test_plain_project_builds_with_the_same_page_count(generated):
    portal = run_build(generated / "portal", strict=True, site=generated / "site-a")
    plain = run_build(generated / "plain", strict=True, site=generated / "site-b")
    assert plain.returncode == 0, plain.stderr
    assert "hooks" not in (generated / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    pages_portal = sorted(p.relative_to(portal.site).as_posix() for p in portal.site.rglob("index.html"))
    pages_plain = sorted(p.relative_to(plain.site).as_posix() for p in plain.site.rglob("index.html"))
    assert len(pages_plain) == len(pages_portal)
    assert len(list((plain.site / "kurser").glob("*/index.html"))) == N
    assert len(list((plain.site / "ordbog").glob("*/index.html"))) == M


def test_bare_project_is_mkdocs_at_its_barest(generated):
    """Issue 17's floor: Material with navigation.prune and Danish search, nothing else,
    only the front page in the nav, as many pages as the portal builds."""
    import yaml

    bare = generated / "bare"
    config = yaml.safe_load((bare / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material", "language": "da", "font": False, "features": ["navigation.prune"]}
    assert config["plugins"] == [{"search": {"lang": "da"}}]
    assert config["nav"] == [{"Forside": "index.md"}]
    assert "markdown_extensions" not in config and "hooks" not in config
    counts = json.loads((generated / "counts.json").read_text(encoding="utf-8"))
    assert counts["bare_pages"] == counts["plain_pages"]
    result = run_build(bare, strict=False, site=generated / "site-bare")
    assert result.returncode == 0, result.stderr
    assert len(list(result.site.rglob("index.html"))) == counts["plain_pages"]
    assert len(list((result.site / "kurser").glob("*/index.html"))) == N
    assert len(list((result.site / "ordbog").glob("*/index.html"))) == M
    # A course page has its description and its session dates.
    page = next((result.site / "kurser").glob("*/index.html")).read_text(encoding="utf-8")
    assert "Kursusgange" in page and re.search(r"2027-\d\d-\d\d kl\.", page)


def test_run_prints_a_table_that_parses(tmp_path):
    out = tmp_path / "run"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), str(N), str(M), "--runs", "1", "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    rows = {}
    for line in proc.stdout.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and not set(cells[0]) <= set("-:"):
            rows[cells[0]] = cells[1:]
    assert rows["pages (index.html)"][0] == rows["pages (index.html)"][1]
    assert rows["course pages"][:2] == [str(N), str(N)]
    assert rows["term pages"][:2] == [str(M), str(M)]
    # portal, bare, twin, portal / bare, portal / twin
    portal_s, bare_s, twin_s, to_bare, to_twin = (float(x) for x in rows["build wall time (s)"])
    assert portal_s > 0 and bare_s > 0 and twin_s > 0
    # The seconds are printed to 2 decimals, the ratios from the unrounded values.
    assert to_bare == pytest.approx(portal_s / bare_s, rel=0.02, abs=0.01)
    assert to_twin == pytest.approx(portal_s / twin_s, rel=0.02, abs=0.01)
    assert rows["pages (index.html)"][0] == rows["pages (index.html)"][1]  # the bare baseline too
    # mkdocs serve --dirty: one course file edited, the served page showed the edit.
    served, per_bare = (float(x) for x in rows["edit to served"])
    assert served > 0 and per_bare == pytest.approx(served / bare_s, rel=0.02, abs=0.01)
    assert float(rows["peak memory (MB)"][0]) > 0
    assert float(rows["search index (MB)"][0]) > 0
    assert float(rows["one course page HTML (KB)"][0]) > 0
    for phase in ("loading/validation (Build.load)", "one pass: every generated page (Build.compose)",
                  "- of which glossary linking (link_terms)", "feeds (Build.write_feeds)", "hooks total"):
        assert float(rows[phase][0]) >= 0
        assert rows[phase][1].endswith("%")
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert len(results["portal"]) == len(results["plain"]) == len(results["bare"]) == 1
    assert len(results["preview"]["served"]) == 1
    assert results["portal_sizes"]["course_pages"] == N
