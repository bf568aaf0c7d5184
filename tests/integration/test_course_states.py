"""Registration states, private online links and escaped markup, read from built sites."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from sitekit import make_project, run_build

PRIVATE = "hemmeligt-rum-4711"


def test_private_online_link_is_in_no_file_of_the_site(states_site):
    for path in states_site.site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                import gzip
                data = gzip.decompress(data)
            assert PRIVATE.encode() not in data, path
    page = states_site.html("kurser/online-privat/index.html")
    assert "Du får linket på mail, når du har meldt dig til." in page


def test_public_online_link_is_published_where_the_course_opts_in(states_site):
    link = "https://moede.example.dk/aaben-cafe"
    assert f'href="{link}"' in states_site.html("kurser/online-offentlig/index.html")
    data = json.loads((states_site.site / "kurser.json").read_text(encoding="utf-8"))
    by_slug = {c["slug"]: c for c in data["courses"]}
    assert by_slug["online-offentlig"]["online_url"] == link
    assert by_slug["online-privat"]["online_url"] is None


def test_every_surface_says_the_same_state(states_site):
    data = json.loads((states_site.site / "kurser.json").read_text(encoding="utf-8"))
    by_slug = {c["slug"]: c for c in data["courses"]}
    expected = {"aaben": "open", "lukker-snart": "closing", "lukket": "closed", "venteliste": "waitlist",
                "fuldt": "full", "aflyst": "cancelled", "afsluttet": "ended", "kom-bare": "dropin",
                "uden-tilmelding": "open"}
    catalogue = states_site.html("kurser/index.html")
    archive = states_site.html("arkiv/index.html")
    for slug, key in expected.items():
        entry = by_slug[slug]
        assert entry["registration_state"] == key, slug
        page = states_site.html(f"kurser/{slug}/index.html")
        assert f'data-rs-registration="{key}"' in page
        assert entry["registration_message"] in page
        cards = archive if key == "ended" else catalogue
        assert f'data-rs-status="{key}"' in cards.split(f'data-rs-course="{slug}"')[1].split("</article>")[0]
    assert by_slug["kom-bare"]["drop_in"] is True
    # Cancelled and ended courses offer nothing to join, in the build.
    for slug in ("aflyst", "afsluttet"):
        page = states_site.html(f"kurser/{slug}/index.html")
        assert "data-rs-plan-toggle" not in page and "data-rs-calendar" not in page
        assert "rs-session--next" not in page and "Næste gang" not in page
    # A cancelled course is not counted among upcoming courses, nor printed in the programme.
    assert "Aflyst kursus" not in states_site.html("program/index.html")
    assert "Aflyst kursus" not in states_site.html("index.html").split("rs-help-footer")[0].split("<h2")[-1]


def test_programme_and_plan_carry_the_state(states_site):
    plan = states_site.html("min-plan/index.html")
    data = json.loads(plan.split('id="rs-plan-data"')[1].split(">", 1)[1].split("</script>")[0])
    assert data["courses"]["aflyst"]["cancelled"] is True
    assert all(s["cancelled"] for s in data["courses"]["aflyst"]["sessions"])
    # The label says the state; the detail what it adds (min plan shows the two together).
    now = data["courses"]["lukket"]["steps"][0]
    assert now["start"] is None and now["status"] == "Tilmelding lukket"
    assert now["detail"].startswith("Sidste dag var ")


class TextNodes(HTMLParser):
    """Every text node a visitor could read (not scripts, styles or JSON data)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data)


def _text_nodes(site):
    for path in site.rglob("*.html"):
        finder = TextNodes()
        finder.feed(path.read_text(encoding="utf-8"))
        for text in finder.texts:
            yield path.relative_to(site).as_posix(), text


@pytest.mark.parametrize("fixture", ["states", "spec"])
def test_no_markup_shows_as_text(fixture, states_site, spec_site):
    site = {"states": states_site, "spec": spec_site}[fixture].site
    shown = [(p, t) for p, t in _text_nodes(site) if "<a " in t or "</" in t or "&lt;" in t]
    assert shown == []


def test_no_generated_markup_shows_as_text_on_the_hostile_site(tmp_path_factory):
    # Hostile editors' text may itself read "</script>"; what the build makes never may.
    root = make_project(tmp_path_factory.mktemp("hostile-text") / "p", "hostile")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    shown = [(p, t) for p, t in _text_nodes(result.site)
             if "&lt;" in t or "rs-term" in t or 'class="' in t or "<a class" in t]
    assert shown == []
