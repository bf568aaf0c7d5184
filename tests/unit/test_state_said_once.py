"""Every registration state is said once on a course page's first screen and once on its
card, in the words a visitor reads.

A visitor found the page of a full course saying "Kurset er fuldt" twice and "Skriv dig
på ventelisten" three times: in the state's message, on its button and in the course's
note right below. The page here is rendered from the theme's own templates with what
rskole.views gives them, as the build renders it; the text is what a visitor reads (no
<template>, no <script>). The states to come are checked as the browser's re-check
shows them: the "Hvornår" line's own text for "none left", and the state's template.
"""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
import pytest

from helpers import load_files
from rskole import views

REPO = Path(__file__).resolve().parents[2]
CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=CPH)

BASE = """
summary: Om håb.
description: Vi taler om håb.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
"""
#: Six Wednesdays from 10 March 2027 (after NOW).
LATER = """
sessions:
  - {date: 2027-03-10, start: "10:00", end: "12:00", weekly: 6}
"""
#: Three Wednesdays in January 2027 (over at NOW).
OVER = """
sessions:
  - {date: 2027-01-06, start: "10:00", end: "12:00", weekly: 3}
"""


def course(fields: str, sessions: str = LATER) -> str:
    # A title that says nothing of the state: a card shows its title.
    return "title: Håb i hverdagen\n" + BASE + fields + sessions


COURSES = {
    "aaben": course("registration: {url: 'https://example.dk/t', deadline: 2027-03-20}\n"),
    "lukker": course("registration: {email: t@example.dk, deadline: 2027-03-05}\n"),
    "lukket": course("registration: {email: t@example.dk, deadline: 2027-02-20}\n"),
    "skolen": course(""),
    # The full course of the visitor's complaint: a sign-up page and the editor's note.
    "venteliste": course("status: waitlist\nregistration:\n  url: https://example.dk/v\n"
                         "  note: Vi kontakter dig, hvis der bliver en plads.\n"),
    "venteliste-frist": course("status: waitlist\n"
                               "registration: {email: v@example.dk, deadline: 2027-03-05}\n"),
    "venteliste-skolen": course("status: waitlist\n"),
    "fuldt": course("status: full\nregistration: {phone: '+45 99 88 77 66'}\n"),
    "aflyst": course("status: cancelled\nregistration: {phone: '+45 99 88 77 66'}\n"),
    "afsluttet": course("registration: {email: t@example.dk}\n", OVER),
    "kom-bare": course("drop_in: true\n"),
}

#: slug -> (state, what the first screen says once, what it must not say at all)
FIRST_SCREEN = {
    "aaben": ("open", ["åbent for tilmelding", "til og med lørdag den 20. marts 2027", "Tilmeld dig"], []),
    "lukker": ("closing", ["lukker snart", "Sidste dag er fredag den 5. marts 2027", "Tilmeld dig"], []),
    "lukket": ("closed", ["er lukket", "Sidste dag var lørdag den 20. februar 2027"], ["Tilmeld dig"]),
    # The buttons say "hos skolen" / "til skolen"; the message does not say it again.
    "skolen": ("open", ["Der er åbent for tilmelding.", "hos skolen"], []),
    "venteliste": ("waitlist", ["Kurset er fuldt, men der er en venteliste.", "fuldt", "Skriv dig på ventelisten",
                                "Vi kontakter dig, hvis der bliver en plads."], []),
    "venteliste-frist": ("waitlist", ["fuldt", "Den er åben til og med fredag den 5. marts 2027.",
                                      "Skriv dig på ventelisten på mail"], []),
    "venteliste-skolen": ("waitlist", ["fuldt", "Skriv dig på ventelisten hos skolen"], []),
    "fuldt": ("full", ["Kurset er fuldt booket, og der er ingen venteliste.", "fuldt", "venteliste"], []),
    # "Hvornår: Kurset er aflyst" says it; the sign-up box says what it means.
    "aflyst": ("cancelled", ["aflyst", "Ingen af kursusgangene bliver holdt, så du skal ikke møde op."], []),
    # "Hvornår: Kurset sluttede ..." says it; the sign-up box says what it means.
    "afsluttet": ("ended", ["slut", "Du kan ikke længere melde dig til."], ["afsluttet"]),
    "kom-bare": ("dropin", ["Kom bare", "melde dig til"], []),
}


class _Visible(HTMLParser):
    """The text a visitor reads in a piece of HTML: no <template> (the states to come),
    no <script> and no <style>; the text of one element (``keep``: a class) if given."""

    SKIP = {"template", "script", "style"}

    def __init__(self, keep: str | None = None):
        super().__init__(convert_charrefs=True)
        self.keep, self.depth, self.inside, self.skipping, self.parts = keep, 0, keep is None, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        if self.keep and not self.inside and self.keep in (dict(attrs).get("class") or "").split():
            self.inside, self.depth = True, 0
        if self.inside and self.keep and tag not in ("br", "wbr", "img", "input", "meta", "link"):
            self.depth += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping -= 1
        if self.inside and self.keep:
            self.depth -= 1
            if self.depth == 0:
                self.inside = False
        self.parts.append(" ")

    def handle_data(self, data):
        if self.inside and not self.skipping:
            self.parts.append(data)


def visible(html: str, keep: str | None = None) -> str:
    parser = _Visible(keep)
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts).replace("\u2060", "").replace("\xa0", " ")).strip()


def times(text: str, words: str) -> int:
    return text.lower().count(words.lower())


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    cat, problems = load_files(tmp_path_factory.mktemp("states"),
                               {f"courses/{slug}.yml": yml for slug, yml in COURSES.items()})
    assert not problems.sorted(), [str(p) for p in problems.sorted()]
    return views.Env(cat, NOW.date(), NOW, site_url="https://skole.example.dk/")


@pytest.fixture(scope="module")
def jinja():
    # As the build's (rskole.build): the theme's templates, escaped, strict.
    return jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "theme"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(jinja, env, slug: str) -> str:
    view = views.course_view(env, env.cat.courses[slug])
    return jinja.get_template("portal/course.html").render(course=view, body="", url=lambda u: u, site=env.cat.settings)


def card(jinja, env, slug: str) -> str:
    macros = jinja.get_template("portal/_macros.html").make_module({"url": lambda u: u})
    return str(macros.card(views.course_card(env, env.cat.courses[slug])))


@pytest.mark.parametrize("slug", FIRST_SCREEN)
def test_the_first_screen_says_the_state_once(jinja, env, slug):
    key, once, never = FIRST_SCREEN[slug]
    assert views.registration_view(env, env.cat.courses[slug])["key"] == key
    first = visible(render(jinja, env, slug), keep="rs-keyfacts")
    for words in once:
        assert times(first, words) == 1, (slug, words, first)
    for words in never:
        assert times(first, words) == 0, (slug, words, first)


@pytest.mark.parametrize("slug", FIRST_SCREEN)
def test_the_message_does_not_say_what_a_button_says(env, slug):
    """A button names the action ("Skriv dig på ventelisten", "... hos skolen"): the
    message above it says the state, not the action again."""
    reg = views.registration_view(env, env.cat.courses[slug])
    for state in [reg, *reg["later"]]:
        if state["actions"]:
            for words in ("ventelisten", "hos skolen", "tilmeld dig"):
                assert words not in state["message"].lower(), (slug, state["key"], state["message"])


def test_a_cancelled_course_says_so_once_on_the_whole_page(jinja, env):
    page = visible(render(jinja, env, "aflyst"))
    assert times(page, "Kurset er aflyst") == 1, page
    assert times(page, "bliver holdt") == 1, page
    # Each struck date says it in words beside it, and nothing more is said above the dates.
    assert page.count("Aflyst") == 6, page


@pytest.mark.parametrize("slug", FIRST_SCREEN)
def test_a_card_says_the_state_once(jinja, env, slug):
    reg = views.registration_view(env, env.cat.courses[slug])
    text = visible(card(jinja, env, slug))
    # A cancelled card says it at its struck dates too: a screen reader does not read
    # the strike, and the badge comes after the facts.
    assert times(text, reg["label"]) == (2 if slug == "aflyst" else 1), (slug, text)
    if slug == "aflyst":
        assert "</s> (aflyst)" in card(jinja, env, slug)
    for word in ("aflyst", "fuldt", "venteliste", "lukket", "afsluttet"):
        assert times(text, word) <= (2 if (slug, word) == ("aflyst", "aflyst") else 1), (slug, word, text)


@pytest.mark.parametrize("slug, at, key, once, never", [
    # Built while open; read after the last session: "Hvornår" says it ended, the box what it means.
    ("aaben", "2027-04-14T12:00:00+02:00", "ended", ["slut", "Du kan ikke længere melde dig til."], ["afsluttet"]),
    # A waitlist past its deadline is closed, said once.
    ("venteliste-frist", "2027-03-06T00:00:00+01:00", "closed", ["er lukket"], ["Skriv dig på", "fuldt"]),
])
def test_a_state_to_come_is_said_once_when_the_browser_shows_it(jinja, env, slug, at, key, once, never):
    """The browser's re-check puts the state's <template> in the box and, when no session
    is left, the "Hvornår" line's data-rs-none in that line: together they say it once."""
    html = render(jinja, env, slug)
    reg = views.registration_view(env, env.cat.courses[slug])
    assert key in [s["key"] for s in reg["later"]]
    template = re.search(rf'<template data-rs-state="{key}">(.*?)</template>', html, re.S).group(1)
    line = views.when_view(env, env.cat.courses[slug])["none_left"] if key == "ended" else ""
    shown = visible(line + " " + template)
    for words in once:
        assert times(shown, words) == 1, (slug, words, shown)
    for words in never:
        assert times(shown, words) == 0, (slug, words, shown)
