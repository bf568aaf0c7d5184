"""What the portal's pages are given (rskole.views), called directly on a small catalogue:
cards, a course page, the sign-up box, the calendar, the filters, teachers, places,
themes, the mini-ordbog, the printed programme, min plan, search labels and the footer."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from helpers import COURSE, load_files
from rskole import views
from rskole.model import SiteSettings
from rskole.registry import PageSpec

CPH = ZoneInfo("Europe/Copenhagen")
SITE = "https://skole.example.dk/"
SPAN = "kl.\u00a0{}\u2060–\u2060{}"  # how a time span is written: no-break space, word joiners

TEACHERS = """
anne-madsen: {name: Anne Madsen, role: peer, title: Underviser med erfaringskompetence}
karsten-holm: {name: Karsten Holm, role: professional}
inge-berg: {name: Inge Berg, role: relative}
aage-bo: {name: Åge Bo, role: peer}
"""

# Ids and names sort differently ("aahuset" first, "Åhuset" last in Danish).
LOCATIONS = """
vaerkstedet: {name: Værkstedet, address: "Eksempelvej 12, 4000 Roskilde", accessibility: Niveaufri adgang., directions: Bus 202.}
biblioteket: {name: Biblioteket, address: "Bibliotekvej 1, 4000 Roskilde"}
aahuset: {name: Åhuset, address: "Åvej 3, 4000 Roskilde"}
"""

#: An in-person course with its own sign-up page and deadline (closing soon on 1 March),
#: a cancelled session and one at another place.
HAAB = """
title: Håb og recovery
summary: Hvad giver håb?
description: Om håb.
themes: [hope, connectedness]
audiences: [citizens, relatives]
teachers: [karsten-holm, inge-berg, anne-madsen]
location: vaerkstedet
capacity: 12
learning_outcomes: [Du får redskaber.]
glossary: [personlig-recovery]
registration:
  url: https://tilmeld.example.dk/haab
  deadline: 2027-03-05
  note: Husk tolk.
sessions:
  - {date: 2027-03-03, start: "10:00", end: "12:00", weekly: 2, topic: Hvad er håb?}
  - {date: 2027-03-12, start: "18:00", end: "20:00", cancelled: true}
  - {date: 2027-04-02, start: "18:00", end: "20:00", location: biblioteket, topic: Håb i hverdagen}
"""

#: Online, with a public meeting link, drop-in; the same day as HAAB's first session.
SAMTALE = """
title: Samtalecafé
summary: Kom og snak.
description: Snak.
themes: [meaning]
audiences: [professionals]
teachers: [anne-madsen, karsten-holm]
format: online
online_url: https://moede.example.dk/cafe
online_url_public: true
drop_in: true
sessions:
  - {date: 2027-03-03, start: "14:00", end: "15:30"}
"""

#: Hybrid, on the waitlist, signing up with the school; its link is private.
HYBRID = """
title: Åben dialog
summary: Om dialog.
description: Dialog.
themes: [identity]
audiences: [citizens]
teachers: [karsten-holm, anne-madsen]
format: hybrid
location: biblioteket
online_url: https://moede.example.dk/dialog
status: waitlist
sessions:
  - {date: 2027-05-04, start: "13:00", end: "16:00"}
  - {date: 2027-05-11, start: "13:00", end: "16:00"}
"""

AFLYST = """
title: Aflyst kursus
summary: Aflyst.
description: Aflyst.
themes: [empowerment]
audiences: [citizens]
teachers: [inge-berg, karsten-holm]
location: vaerkstedet
status: cancelled
sessions:
  - {date: 2027-03-10, start: "10:00", end: "12:00"}
"""

GAMMEL = """
title: Gammelt kursus
summary: Var engang.
description: Gammelt.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
location: vaerkstedet
sessions:
  - {date: 2026-10-07, start: "10:00", end: "12:00"}
"""

SENERE = """
title: Kommer senere
summary: Datoer følger.
description: Senere.
themes: [hope]
audiences: [citizens]
teachers: [anne-madsen, karsten-holm]
format: online
sessions: []
"""

CHIME = """---
term: CHIME
see_also: [personlig-recovery, findes-ikke]
source: "[Leamy m.fl.](https://example.org/leamy)"
---
Fem **processer** i recovery.

Mere om CHIME.
"""

FILES = {
    "courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS,
    "courses/haab.yml": HAAB, "courses/samtale.yml": SAMTALE, "courses/hybrid.yml": HYBRID,
    "courses/aflyst.yml": AFLYST, "courses/gammel.yml": GAMMEL, "courses/senere.yml": SENERE,
    "glossary/chime.md": CHIME,
    "glossary/tolv-trin.md": "---\nterm: 12-trinsprogram\n---\nEt program.\n",
    "glossary/aabenhed.md": "---\nterm: Åbenhed\n---\nAt tale frit.\n",
    "glossary/haab-og-optimisme.md": "---\nterm: Håb\n---\nAt tro på det.\n",
}

MONDAY = datetime(2027, 3, 1, tzinfo=CPH)


@pytest.fixture(scope="module")
def cat(tmp_path_factory):
    cat, problems = load_files(tmp_path_factory.mktemp("portal"), FILES)
    # The one problem is on purpose: a "see also" that names no term is left out.
    assert [str(p) for p in problems.sorted()] == [
        "glossary/chime.md:3: see_also nævner 'findes-ikke', som ikke er et ord i ordbogen"]
    return cat


def env_at(cat, now: datetime = MONDAY, **kw) -> views.Env:
    return views.Env(cat, now.date(), now, **kw)


@pytest.fixture
def env(cat):
    return env_at(cat, site_url=SITE)


def text(s: str) -> str:
    """What a reader sees, with the no-break space and the word joiners as plain text."""
    return s.replace("\u2060", "").replace("\xa0", " ")


SCHOOL_MAIL = {"kind": "email", "href": "mailto:kontakt@example.dk", "action": "Skriv til skolen", "text": "kontakt@example.dk"}
ENDED = {"key": "ended", "label": "Afsluttet", "message": "Du kan ikke længere melde dig til.",
         "detail": "Du kan ikke længere melde dig til.", "actions": [], "contact": [], "ask": "", "offers_plan": False, "offers_calendar": False, "can_register": False,
         "onward": {"text": "Se de kommende kurser", "url": "kurser/"}, "note": None}


# --- The course card -------------------------------------------------------------------


def test_a_course_card_says_everything_a_listing_shows(env, cat):
    assert views.course_card(env, cat.courses["haab"]) == {
        "slug": "haab",
        "url": "kurser/haab/",
        "title": "Håb og recovery",
        "summary": "Hvad giver håb?",
        "themes": [
            {"key": "hope", "name": "Håb og optimisme", "url": "temaer/hope/",
             "lead": "At tro på, at det kan blive bedre, og at have drømme og mål for fremtiden."},
            {"key": "connectedness", "name": "Forbundethed", "url": "temaer/connectedness/",
             "lead": "At høre til og have mennesker omkring sig: relationer, fællesskab og støtte fra andre."},
        ],
        "audiences": ["Borgere", "Pårørende"],
        "audiences_text": "Borgere og pårørende",
        "format": "in-person",
        "format_label": "Fremmøde",
        "place": "Værkstedet",
        "status": "open",
        "status_label": "Åben for tilmelding",
        "cancelled": False,
        "registration": {
            "key": "closing",
            "label": "Tilmelding lukker snart",
            "message": "Tilmeldingen lukker snart. Sidste dag er fredag den 5. marts 2027.",
            "detail": "Sidste dag er fredag den 5. marts 2027.",
            "actions": [{"kind": "url", "href": "https://tilmeld.example.dk/haab", "action": "Tilmeld dig",
                         "text": "https://tilmeld.example.dk/haab"}],
            "contact": [],
            "ask": "",
            "offers_plan": True,
            "offers_calendar": True,
            "can_register": True,
            "onward": None,
            "note": "Husk tolk.",
            "deadline": "2027-03-05",
            "timeline": (
                '[{"key":"closing","label":"Tilmelding lukker snart","message":"Tilmeldingen lukker snart. '
                'Sidste dag er fredag den 5. marts 2027.","plan":true,"calendar":true,"start":null},'
                '{"key":"closed","label":"Tilmelding lukket","message":"Tilmeldingen er lukket. '
                'Sidste dag var fredag den 5. marts 2027.","plan":false,"calendar":true,"start":"2027-03-06T00:00:00+01:00"},'
                '{"key":"ended","label":"Afsluttet","message":"Du kan ikke længere melde dig til.",'
                '"plan":false,"calendar":false,"start":"2027-04-02T20:00:00+02:00"}]'),
            "later": [
                {"key": "closed", "label": "Tilmelding lukket",
                 "message": "Tilmeldingen er lukket. Sidste dag var fredag den 5. marts 2027.",
                 "detail": "Sidste dag var fredag den 5. marts 2027.",
                 "actions": [], "contact": [SCHOOL_MAIL], "ask": "Spørgsmål? Kontakt os:",
                 # The editor's note goes with the ways to sign up: none here.
                 "offers_plan": False, "offers_calendar": True, "can_register": False, "onward": None, "note": None},
                ENDED,
            ],
        },
        "when": {
            "series": "3 kursusgange fra 3. marts til 2. april",
            "next_text": "onsdag den 3. marts 2027, " + SPAN.format("10.00", "12.00"),
            "next_iso": "2027-03-03T10:00:00+01:00",
            "cancelled": False,
            "dated": True,
            "none_left": "Kurset sluttede fredag den 2. april 2027",
        },
        "first_text": "onsdag den 3. marts 2027, " + SPAN.format("10.00", "12.00"),
        "first_iso": "2027-03-03T10:00:00+01:00",
        "last_end_iso": "2027-04-02T20:00:00+02:00",
        "count_text": "3 kursusgange",  # the cancelled Friday is not counted
        "weekday": "onsdag",
        "facets": {"tema": "hope connectedness", "for": "citizens relatives", "form": "in-person",
                   "sted": "biblioteket vaerkstedet", "dag": "ons fre", "tid": "formiddag aften"},
    }


# slug: place line, format label, status label, registration (key, message, first action),
# first session, last end, count, weekday, series, "none left", facets' place and form.
CARDS = {
    "samtale": ("Online", "Online", "Åben for tilmelding",
                ("dropin", "Du skal ikke melde dig til. Kom bare, når det passer dig.", None),
                "2027-03-03T14:00:00+01:00", "2027-03-03T15:30:00+01:00", "1 kursusgang", "onsdag",
                "onsdag den 3. marts 2027, kl. 14.00–15.30", "Kurset sluttede onsdag den 3. marts 2027", "", "online"),
    "hybrid": ("Biblioteket og online", "Fremmøde eller online", "Venteliste",
               ("waitlist", "Kurset er fuldt, men der er en venteliste.",
                ("email", "mailto:kontakt@example.dk", "Skriv dig på ventelisten hos skolen")),
               "2027-05-04T13:00:00+02:00", "2027-05-11T16:00:00+02:00", "2 kursusgange", "tirsdag",
               "2 tirsdage fra 4. maj, kl. 13.00–16.00", "Kurset sluttede tirsdag den 11. maj 2027", "biblioteket",
               "in-person online"),
    "aflyst": ("Værkstedet", "Fremmøde", "Aflyst",
               ("cancelled", "Ingen af kursusgangene bliver holdt, så du skal ikke møde op.", None),
               "2027-03-10T10:00:00+01:00", "2027-03-10T12:00:00+01:00", "1 kursusgang", "onsdag",
               "onsdag den 10. marts 2027, kl. 10.00–12.00", "Kurset er aflyst", "vaerkstedet", "in-person"),
    "gammel": ("Værkstedet", "Fremmøde", "Åben for tilmelding",
               ("ended", "Du kan ikke længere melde dig til.", None),
               "2026-10-07T10:00:00+02:00", "2026-10-07T12:00:00+02:00", "1 kursusgang", "onsdag",
               "onsdag den 7. oktober 2026, kl. 10.00–12.00", "Kurset sluttede onsdag den 7. oktober 2026",
               "vaerkstedet", "in-person"),
    "senere": ("Online", "Online", "Åben for tilmelding",
               ("open", "Der er åbent for tilmelding.",
                ("email", "mailto:kontakt@example.dk", "Tilmeld dig hos skolen på mail")),
               None, None, "Datoer følger", None, "Datoer følger", "Datoer følger", "", "online"),
}


FIRST_TEXT = {"samtale": "onsdag den 3. marts 2027, kl. 14.00–15.30", "hybrid": "tirsdag den 4. maj 2027, kl. 13.00–16.00",
              "aflyst": "onsdag den 10. marts 2027, kl. 10.00–12.00", "gammel": "onsdag den 7. oktober 2026, kl. 10.00–12.00",
              "senere": None}


@pytest.mark.parametrize("slug", CARDS)
def test_cards_of_other_kinds_of_course(env, cat, slug):
    (place, format_label, status_label, (key, message, action), first_iso, last_end_iso, count_text, weekday,
     series, none_left, places, forms) = CARDS[slug]
    card = views.course_card(env, cat.courses[slug])
    reg = card["registration"]
    assert (card["place"], card["format_label"], card["status_label"]) == (place, format_label, status_label)
    assert (reg["key"], reg["message"]) == (key, message)
    assert [(w["kind"], w["href"], w["action"]) for w in reg["actions"]] == ([action] if action else [])
    assert reg["can_register"] is bool(action)
    assert (card["first_iso"], card["last_end_iso"], card["count_text"], card["weekday"]) == (
        first_iso, last_end_iso, count_text, weekday)
    assert (text(card["first_text"]) if card["first_text"] else None) == FIRST_TEXT[slug]
    assert text(card["when"]["series"]) == series and card["when"]["none_left"] == none_left
    assert card["when"]["dated"] is (first_iso is not None)
    assert card["cancelled"] is (slug == "aflyst") and card["when"]["cancelled"] is (slug == "aflyst")
    assert (card["facets"]["sted"], card["facets"]["form"]) == (places, forms)


def test_a_card_is_made_once_and_a_caller_cannot_change_it(env, cat):
    card = views.course_card(env, cat.courses["haab"])
    assert views.course_card(env, cat.courses["haab"]) is card  # made once, shown on many pages
    for change in (lambda: card.__setitem__("title", "Ændret"), lambda: card.update(title="Ændret"),
                   lambda: card.setdefault("ny", 1), lambda: card.pop("title"), lambda: card.__delitem__("title"),
                   card.popitem, card.clear):
        with pytest.raises(TypeError, match="read-only"):
            change()
    copy = dict(card)
    copy["title"] = "Ændret"
    assert views.course_card(env, cat.courses["haab"])["title"] == "Håb og recovery"


def test_first_session_is_the_first_held_one(tmp_path):
    text_ = COURSE.split("sessions:")[0] + (
        'sessions:\n  - {date: 2027-03-03, start: "10:00", end: "12:00", cancelled: true}\n'
        '  - {date: 2027-03-09, start: "17:00", end: "19:00"}\n')
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text_})
    assert not problems
    card = views.course_card(env_at(cat), cat.courses["haab"])
    assert (card["first_iso"], card["weekday"], card["count_text"]) == ("2027-03-09T17:00:00+01:00", "tirsdag", "1 kursusgang")
    assert text(card["first_text"]) == "tirsdag den 9. marts 2027, kl. 17.00–19.00"
    assert card["facets"]["dag"] == "tir" and card["facets"]["tid"] == "aften"


# --- The course page -------------------------------------------------------------------


def test_the_course_page_adds_sessions_place_teachers_words_and_links(env, cat):
    view = views.course_view(env, cat.courses["haab"])
    assert view["audiences_long"] == ["Borgere med psykiske vanskeligheder", "Pårørende"]
    assert view["audiences_long_text"] == "Borgere med psykiske vanskeligheder og pårørende"
    assert view["learning_outcomes"] == ["Du får redskaber."]
    assert view["place_full"] == {"id": "vaerkstedet", "name": "Værkstedet", "address": "Eksempelvej 12, 4000 Roskilde",
                                  "accessibility": "Niveaufri adgang.", "directions": "Bus 202.", "url": "steder/vaerkstedet/"}
    assert view["where"] is None and view["online_url"] is None and view["online_note"] is None
    assert view["has_cancelled"] is True and view["is_past"] is False and view["capacity"] == 12
    assert view["terms"] == [{"name": "Personlig recovery", "url": "ordbog/personlig-recovery/", "short": "En proces."}]
    assert view["ics_url"] == "kurser/haab.ics"
    assert view["absolute_url"] == "https://skole.example.dk/kurser/haab/"
    assert view["address_parts"] == ["skole.example.dk/", "kurser/", "haab/"]
    assert view["qr_svg"].startswith("<svg") and view["qr_svg"] == views.qr_svg("https://skole.example.dk/kurser/haab/")
    # The card's values are all there too.
    assert {k: view[k] for k in views.course_card(env, cat.courses["haab"])} == views.course_card(env, cat.courses["haab"])


def test_the_course_pages_teachers_by_kind(env, cat):
    view = views.course_view(env, cat.courses["haab"])
    anne = {"id": "anne-madsen", "name": "Anne Madsen", "role": "peer", "role_label": "Underviser med levede erfaringer",
            "title": "Underviser med erfaringskompetence", "url": "undervisere/anne-madsen/", "role_note": None}
    inge = {"id": "inge-berg", "name": "Inge Berg", "role": "relative", "role_label": "Underviser med erfaring som pårørende",
            "title": None, "url": "undervisere/inge-berg/", "role_note": "Underviser med erfaring som pårørende"}
    karsten = {"id": "karsten-holm", "name": "Karsten Holm", "role": "professional", "role_label": "Fagprofessionel underviser",
               "title": None, "url": "undervisere/karsten-holm/", "role_note": None}
    # In the course file's order within each kind.
    assert view["teachers_experience"] == [inge, anne]
    assert view["teachers_professional"] == [karsten]
    assert view["teachers_line"] == [dict(inge, kind="pårørende"), dict(anne, kind="levede erfaringer"),
                                     dict(karsten, kind="fagprofessionel")]


def test_the_course_pages_sessions(env, cat):
    sessions = views.course_view(env, cat.courses["haab"])["sessions"]
    assert sessions[0] == {
        "key": "20270303", "start_iso": "2027-03-03T10:00:00+01:00", "end_iso": "2027-03-03T12:00:00+01:00",
        "date_iso": "2027-03-03", "text": "onsdag den 3. marts 2027, " + SPAN.format("10.00", "12.00"),
        "date_text": "onsdag den 3. marts 2027", "time_text": SPAN.format("10.00", "12.00"), "week": 9,
        "topic": "Hvad er håb?", "cancelled": False, "is_next": True, "is_past": False, "place": None,
    }
    assert [(s["date_iso"], s["week"], s["topic"], s["cancelled"], s["is_next"]) for s in sessions] == [
        ("2027-03-03", 9, "Hvad er håb?", False, True),
        ("2027-03-10", 10, "Hvad er håb?", False, False),
        ("2027-03-12", 10, None, True, False),
        ("2027-04-02", 13, "Håb i hverdagen", False, False),
    ]
    # Only a session somewhere else than the course names its place.
    assert [s["place"] for s in sessions][:3] == [None, None, None]
    assert sessions[3]["place"] == {"name": "Biblioteket", "address": "Bibliotekvej 1, 4000 Roskilde", "url": "steder/biblioteket/"}
    assert sessions[3]["end_iso"] == "2027-04-02T20:00:00+02:00"


@pytest.mark.parametrize("now, past", [
    (datetime(2027, 3, 3, 11, 59, tzinfo=CPH), [False, False, False, False]),
    (datetime(2027, 3, 3, 12, 0, tzinfo=CPH), [True, False, False, False]),   # over at its end
    (datetime(2027, 4, 2, 20, 0, tzinfo=CPH), [True, True, True, True]),
])
def test_a_session_is_past_from_its_end(cat, now, past):
    view = views.course_view(env_at(cat, now), cat.courses["haab"])
    assert [s["is_past"] for s in view["sessions"]] == past
    assert view["is_past"] is all(past)


def test_a_session_at_the_courses_own_place_names_no_place(tmp_path):
    text_ = COURSE.split("sessions:")[0] + 'sessions:\n  - {date: 2027-03-03, start: "10:00", end: "12:00", location: vaerkstedet}\n'
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text_})
    assert not problems
    assert views.course_view(env_at(cat), cat.courses["haab"])["sessions"][0]["place"] is None


@pytest.mark.parametrize("slug, where, url, note", [
    ("samtale", "Online", "https://moede.example.dk/cafe", "Linket til mødet:"),
    # The link is private: it is not shown, and one gets it by signing up.
    ("hybrid", None, None, "Du får linket på mail, når du har meldt dig til."),
    ("senere", "Online", None, "Du får linket på mail, når du har meldt dig til."),
])
def test_how_an_online_course_gives_its_link(env, cat, slug, where, url, note):
    view = views.course_view(env, cat.courses[slug])
    assert (view["where"], view["online_url"], view["online_note"]) == (where, url, note)


def test_a_drop_in_course_with_a_private_link_asks_one_to_write(tmp_path):
    text_ = SAMTALE.replace("online_url_public: true", "online_url_public: false")
    cat, problems = load_files(tmp_path, {"courses/samtale.yml": text_})
    assert not problems
    view = views.course_view(env_at(cat), cat.courses["samtale"])
    assert view["online_url"] is None
    assert view["online_note"] == "Skriv til os, så sender vi dig linket til mødet."


def test_an_online_course_has_no_place(env, cat):
    view = views.course_view(env, cat.courses["samtale"])
    assert view["place_full"] is None and view["has_cancelled"] is False and view["capacity"] is None
    assert view["teachers_experience"][0]["role_note"] is None  # a peer: the heading says it


def test_a_word_no_longer_in_the_glossary_is_left_out_of_the_courses_words(cat):
    without = dataclasses.replace(cat, terms={k: t for k, t in cat.terms.items() if k != "personlig-recovery"})
    assert views.course_view(env_at(without), without.courses["haab"])["terms"] == []


@pytest.mark.parametrize("site_url, absolute, parts", [
    (None, "/kurser/haab/", ["/", "kurser/", "haab/"]),
    ("https://skole.example.dk", "https://skole.example.dk/kurser/haab/", ["skole.example.dk/", "kurser/", "haab/"]),
    ("https://example.dk/skole/", "https://example.dk/skole/kurser/haab/", ["example.dk/", "skole/", "kurser/", "haab/"]),
    ("https://example.dk/HAX", "https://example.dk/HAX/kurser/haab/", ["example.dk/", "HAX/", "kurser/", "haab/"]),
])
def test_the_printed_address(cat, site_url, absolute, parts):
    view = views.course_view(env_at(cat, site_url=site_url), cat.courses["haab"])
    assert view["absolute_url"] == absolute and view["address_parts"] == parts


@pytest.mark.parametrize("url, parts", [
    ("https://skole.dk/kurser/haab/", ["skole.dk/", "kurser/", "haab/"]),
    ("https://skole.dk/kurser/haab", ["skole.dk/", "kurser/", "haab"]),
    ("skole.dk", ["skole.dk"]),
    # A part longer than a line of the caption may also break before a hyphen.
    ("https://skole.dk/kurser/netvaerk-for-paaroerende-2026/",
     ["skole.dk/", "kurser/", "netvaerk", "-for", "-paaroerende", "-2026/"]),
    ("https://skole.dk/kurser/recoveryorienteret-praksis/", ["skole.dk/", "kurser/", "recoveryorienteret-praksis/"]),
    ("https://skole.dk/kurser/" + "a" * 40 + "/", ["skole.dk/", "kurser/", "a" * 40 + "/"]),
])
def test_address_parts_break_after_a_slash_or_before_a_hyphen(url, parts):
    assert views.address_parts(url) == parts


# --- Which courses, in which order ------------------------------------------------------


def test_upcoming_soonest_first_and_undated_last_past_newest_first(cat):
    env = env_at(cat)
    assert [c.slug for c in env.upcoming()] == ["haab", "samtale", "aflyst", "hybrid", "senere"]
    assert [c.slug for c in env.active()] == ["haab", "samtale", "hybrid", "senere"]
    # The catalogue's order: courses that will be held, then the cancelled ones.
    assert [c.slug for c in env.listed()] == ["haab", "samtale", "hybrid", "senere", "aflyst"]
    assert [c.slug for c in env.past()] == ["gammel"]
    assert env.is_past(cat.courses["gammel"]) and not env.is_past(cat.courses["senere"])


def test_courses_end_and_become_past_newest_first(cat):
    env = env_at(cat, datetime(2027, 5, 11, 16, 0, tzinfo=CPH))
    assert [c.slug for c in env.upcoming()] == ["senere"]
    assert [c.slug for c in env.past()] == ["hybrid", "haab", "aflyst", "samtale", "gammel"]


def test_courses_starting_at_the_same_time_are_in_slug_order(tmp_path):
    files = {f"courses/{slug}.yml": COURSE for slug in ("b-kursus", "a-kursus", "c-kursus")}
    files["courses/d-kursus.yml"] = COURSE.split("sessions:")[0] + "sessions: []\n"
    files["courses/0-kursus.yml"] = COURSE.split("sessions:")[0] + "sessions: []\n"
    cat, problems = load_files(tmp_path, files)
    assert not problems
    assert [c.slug for c in env_at(cat).upcoming()] == ["a-kursus", "b-kursus", "c-kursus", "0-kursus", "d-kursus"]
    env = env_at(cat, datetime(2027, 6, 1, tzinfo=CPH))
    assert [c.slug for c in env.past()] == ["c-kursus", "b-kursus", "a-kursus"]


# --- The calendar ----------------------------------------------------------------------


def rows(months):
    return [(m["name"], m["id"], m["count_text"],
             [(d["name"], d["id"], d["week"], d["end_iso"],
               [(text(s["time_text"]), s["course_title"], s["course_url"], s["where"], s["topic"], s["cancelled"],
                 s["course_status"]) for s in d["sessions"]]) for d in m["days"]]) for m in months]


def test_the_calendar_by_month_and_day(env):
    months = views.calendar_view(env)
    assert rows(months) == [
        ("Marts 2027", "maaned-2027-03", "5 kursusgange", [
            ("Onsdag 3. marts", "dag-2027-03-03", "uge 9", "2027-03-03T15:30:00+01:00", [
                ("kl. 10.00–12.00", "Håb og recovery", "kurser/haab/", "Værkstedet", "Hvad er håb?", False, "closing"),
                ("kl. 14.00–15.30", "Samtalecafé", "kurser/samtale/", "Online", None, False, "dropin"),
            ]),
            # The same time: by title. A cancelled course's sessions are shown cancelled.
            ("Onsdag 10. marts", "dag-2027-03-10", "uge 10", "2027-03-10T12:00:00+01:00", [
                ("kl. 10.00–12.00", "Aflyst kursus", "kurser/aflyst/", "Værkstedet", None, True, "cancelled"),
                ("kl. 10.00–12.00", "Håb og recovery", "kurser/haab/", "Værkstedet", "Hvad er håb?", False, "closing"),
            ]),
            ("Fredag 12. marts", "dag-2027-03-12", "uge 10", "2027-03-12T20:00:00+01:00", [
                ("kl. 18.00–20.00", "Håb og recovery", "kurser/haab/", "Værkstedet", None, True, "closing"),
            ]),
        ]),
        ("April 2027", "maaned-2027-04", "1 kursusgang", [
            ("Fredag 2. april", "dag-2027-04-02", "uge 13", "2027-04-02T20:00:00+02:00", [
                ("kl. 18.00–20.00", "Håb og recovery", "kurser/haab/", "Biblioteket", "Håb i hverdagen", False, "closing"),
            ]),
        ]),
        ("Maj 2027", "maaned-2027-05", "2 kursusgange", [
            ("Tirsdag 4. maj", "dag-2027-05-04", "uge 18", "2027-05-04T16:00:00+02:00", [
                ("kl. 13.00–16.00", "Åben dialog", "kurser/hybrid/", "Biblioteket og online", None, False, "waitlist"),
            ]),
            ("Tirsdag 11. maj", "dag-2027-05-11", "uge 19", "2027-05-11T16:00:00+02:00", [
                ("kl. 13.00–16.00", "Åben dialog", "kurser/hybrid/", "Biblioteket og online", None, False, "waitlist"),
            ]),
        ]),
    ]
    assert [m["key"] for m in months] == ["2027-03", "2027-04", "2027-05"]
    assert [m["count"] for m in months] == [5, 1, 2]
    assert [d["date_iso"] for d in months[0]["days"]] == ["2027-03-03", "2027-03-10", "2027-03-12"]
    # A row is the session's own view, and no session is marked "next" in the calendar.
    row = months[1]["days"][0]["sessions"][0]
    assert row["start_iso"] == "2027-04-02T18:00:00+02:00" and row["end_iso"] == "2027-04-02T20:00:00+02:00"
    assert row["place"]["url"] == "steder/biblioteket/" and row["date_iso"] == "2027-04-02"
    assert not any(s["is_next"] for m in months for d in m["days"] for s in d["sessions"])


def test_the_calendar_leaves_out_what_is_over(cat):
    env = env_at(cat, datetime(2027, 3, 3, 12, 0, tzinfo=CPH))
    first = rows(views.calendar_view(env))[0]
    assert first[2] == "4 kursusgange"
    assert first[3][0][:4] == ("Onsdag 3. marts", "dag-2027-03-03", "uge 9", "2027-03-03T15:30:00+01:00")
    assert [s[1] for s in first[3][0][4]] == ["Samtalecafé"]


def test_the_calendar_page(env):
    page = views.context(env, PageSpec("kalender.md", "calendar", None, "Kalender"))
    assert page["months"] == views.calendar_view(env)
    assert page["ics_url"] == "kalender.ics"
    assert page["subscribe"]["https"] == "https://skole.example.dk/kalender.ics"
    assert page["index"] == [
        {"name": "Marts 2027", "id": "maaned-2027-03", "count_text": "5 kursusgange"},
        {"name": "April 2027", "id": "maaned-2027-04", "count_text": "1 kursusgang"},
        {"name": "Maj 2027", "id": "maaned-2027-05", "count_text": "2 kursusgange"},
    ]


def test_subscribing_to_a_calendar(env):
    assert views.subscribe_view(env, "kurser/haab.ics") == {
        "webcal": "webcal://skole.example.dk/kurser/haab.ics",
        "https": "https://skole.example.dk/kurser/haab.ics",
        "ways": [
            {"app": "Google Kalender", "how": "På en computer: Andre kalendere › + › Fra webadresse, og indsæt adressen."},
            {"app": "Apple Kalender", "how": "Tryk på „Abonnér i din kalender“. På en Mac også: Arkiv › "
                                             "Nyt kalenderabonnement, og indsæt adressen."},
            {"app": "Outlook", "how": "Tilføj kalender › Abonner fra internettet, og indsæt adressen."},
        ],
    }


def test_without_a_site_address_there_is_no_address_to_subscribe_to(cat):
    view = views.subscribe_view(env_at(cat), "kalender.ics")
    assert view["webcal"] is None and view["https"] is None and len(view["ways"]) == 3


def test_a_site_address_with_a_path_and_an_http_scheme(cat):
    view = views.subscribe_view(env_at(cat, site_url="http://example.dk/skole"), "kalender.ics")
    assert (view["https"], view["webcal"]) == ("http://example.dk/skole/kalender.ics", "webcal://example.dk/skole/kalender.ics")


# --- The catalogue's filters ----------------------------------------------------------


def test_the_catalogue_page_and_its_filters(env):
    page = views.context(env, PageSpec("kurser/index.md", "courses", None, "Kurser"))
    assert [c["slug"] for c in page["courses"]] == ["haab", "samtale", "hybrid", "senere", "aflyst"]
    assert page["count_text"] == "4 kommende kurser."
    assert page["archive_url"] == "arkiv/"
    assert [t["key"] for t in page["themes"]] == ["connectedness", "hope", "identity", "meaning", "empowerment"]
    assert page["places"] == [{"name": "Biblioteket", "url": "steder/biblioteket/"},
                              {"name": "Værkstedet", "url": "steder/vaerkstedet/"},
                              {"name": "Åhuset", "url": "steder/aahuset/"}]
    assert json.loads(page["filter_text"]) == views.FILTER_TEXT
    assert "„{}“" in page["filter_text"]  # Danish quotation marks as they are, not \u escapes
    # Options with their counts among the courses that will be held (not the cancelled one).
    assert [(g["key"], g["legend"], [(o["value"], o["label"], o["count"], o["id"]) for o in g["options"]])
            for g in page["filters"]] == [
        ("tema", "Tema", [("connectedness", "Forbundethed", 1, "filter-tema-connectedness"),
                          ("hope", "Håb og optimisme", 2, "filter-tema-hope"),
                          ("identity", "Identitet", 1, "filter-tema-identity"),
                          ("meaning", "Mening", 1, "filter-tema-meaning")]),
        ("for", "Hvem er kurset for?", [("citizens", "Borgere", 3, "filter-for-citizens"),
                                        ("relatives", "Pårørende", 1, "filter-for-relatives"),
                                        ("professionals", "Fagprofessionelle", 1, "filter-for-professionals")]),
        ("form", "Form", [("in-person", "Fremmøde", 2, "filter-form-in-person"),
                          ("online", "Kan følges online", 3, "filter-form-online")]),
        ("sted", "Sted", [("biblioteket", "Biblioteket", 2, "filter-sted-biblioteket"),
                          ("vaerkstedet", "Værkstedet", 1, "filter-sted-vaerkstedet")]),
        ("dag", "Ugedag", [("tir", "Tirsdag", 1, "filter-dag-tir"), ("ons", "Onsdag", 2, "filter-dag-ons"),
                           ("fre", "Fredag", 1, "filter-dag-fre")]),
        ("tid", "Tidspunkt", [("formiddag", "Formiddag (før kl. 12)", 1, "filter-tid-formiddag"),
                              ("eftermiddag", "Eftermiddag (kl.\u00a012\u2060–\u206017)", 2, "filter-tid-eftermiddag"),
                              ("aften", "Aften (fra kl. 17)", 1, "filter-tid-aften")]),
    ]


def test_no_filter_group_without_options(env, cat):
    groups = views.filter_groups(env, [cat.courses["senere"]])
    assert [(g["key"], [o["value"] for o in g["options"]]) for g in groups] == [
        ("tema", ["hope"]), ("for", ["citizens"]), ("form", ["online"])]
    assert views.filter_groups(env, []) == []


@pytest.mark.parametrize("n, word, count_text", [(0, "kurser", "0 kommende kurser."), (1, "kursus", "1 kommende kursus."),
                                                 (2, "kurser", "2 kommende kurser.")])
def test_the_number_of_courses_in_words(n, word, count_text):
    assert views.course_word(n) == word
    assert views.FILTER_TEXT["all"].format(n=n, word=views.course_word(n)) == count_text


def test_the_catalogue_says_one_course_in_the_singular(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/haab.yml": COURSE})
    assert not problems
    page = views.context(env_at(cat), PageSpec("kurser/index.md", "courses", None, "Kurser"))
    assert page["count_text"] == "1 kommende kursus."


def test_the_archive_newest_first(env):
    page = views.context(env, PageSpec("arkiv.md", "archive", None, "Arkiv"))
    assert [c["slug"] for c in page["courses"]] == ["gammel"]
    assert page["courses"][0]["registration"]["key"] == "ended"


# --- Teachers, places, themes ------------------------------------------------------------


def test_teachers_grouped_by_role_in_danish_name_order(env):
    groups = views.context(env, PageSpec("undervisere/index.md", "teachers", None, "Undervisere"))["groups"]
    assert [(g["role"], g["label"], [p["name"] for p in g["people"]]) for g in groups] == [
        ("peer", "Undervisere med levede erfaringer", ["Anne Madsen", "Åge Bo"]),
        ("relative", "Undervisere med erfaring som pårørende", ["Inge Berg"]),
        ("professional", "Fagprofessionelle undervisere", ["Karsten Holm"]),
    ]
    assert groups[0]["people"][1] == {"id": "aage-bo", "name": "Åge Bo", "role": "peer",
                                      "role_label": "Underviser med levede erfaringer", "title": None,
                                      "url": "undervisere/aage-bo/"}


def test_a_role_without_teachers_has_no_group(tmp_path):
    cat, problems = load_files(tmp_path, {"courses/haab.yml": COURSE})
    assert not problems
    cat.teachers.pop("inge-berg")
    assert [g["role"] for g in views.group_by_role(env_at(cat))] == ["peer", "professional"]


def test_a_teachers_page(env):
    page = views.context(env, PageSpec("undervisere/anne-madsen.md", "teacher", "anne-madsen", "Anne Madsen"))
    assert page["teacher"] == {"id": "anne-madsen", "name": "Anne Madsen", "role": "peer",
                               "role_label": "Underviser med levede erfaringer",
                               "title": "Underviser med erfaringskompetence", "url": "undervisere/anne-madsen/"}
    assert [c["slug"] for c in page["upcoming"]] == ["haab", "samtale", "hybrid", "senere"]
    assert [c["slug"] for c in page["past"]] == ["gammel"]
    page = views.context(env, PageSpec("undervisere/inge-berg.md", "teacher", "inge-berg", "Inge Berg"))
    assert [c["slug"] for c in page["upcoming"]] == ["haab", "aflyst"] and page["past"] == []


def test_the_places_page_counts_upcoming_courses_held_there(env):
    page = views.context(env, PageSpec("steder/index.md", "places", None, "Steder"))
    assert page["places"] == [
        # Biblioteket: "Åben dialog", and one session of "Håb og recovery".
        {"name": "Biblioteket", "address": "Bibliotekvej 1, 4000 Roskilde", "url": "steder/biblioteket/", "count": 2},
        {"name": "Værkstedet", "address": "Eksempelvej 12, 4000 Roskilde", "url": "steder/vaerkstedet/", "count": 2},
        {"name": "Åhuset", "address": "Åvej 3, 4000 Roskilde", "url": "steder/aahuset/", "count": 0},
    ]


def test_a_places_page(env):
    page = views.context(env, PageSpec("steder/vaerkstedet.md", "place", "vaerkstedet", "Værkstedet"))
    assert page["place"] == {"name": "Værkstedet", "address": "Eksempelvej 12, 4000 Roskilde",
                             "accessibility": "Niveaufri adgang.", "directions": "Bus 202."}
    assert [c["slug"] for c in page["upcoming"]] == ["haab", "aflyst"]
    page = views.context(env, PageSpec("steder/biblioteket.md", "place", "biblioteket", "Biblioteket"))
    assert [c["slug"] for c in page["upcoming"]] == ["haab", "hybrid"]


def test_the_themes_page_counts_upcoming_courses(env):
    page = views.context(env, PageSpec("temaer/index.md", "themes", None, "Temaer"))
    assert [(t["key"], t["name"], t["url"], t["count"]) for t in page["themes"]] == [
        ("connectedness", "Forbundethed", "temaer/connectedness/", 1),
        ("hope", "Håb og optimisme", "temaer/hope/", 2),  # not the past one
        ("identity", "Identitet", "temaer/identity/", 1),
        ("meaning", "Mening", "temaer/meaning/", 1),
        ("empowerment", "Empowerment", "temaer/empowerment/", 1),
    ]
    assert page["themes"][4]["lead"] == "At tage magten over eget liv: ansvar, indflydelse og tro på egne evner."


def test_a_themes_page_links_its_word_in_the_glossary(env):
    page = views.context(env, PageSpec("temaer/hope.md", "theme", "hope", "Håb"))
    theme = page["theme"]
    assert (theme["key"], theme["name"], theme["url"]) == ("hope", "Håb og optimisme", "temaer/hope/")
    assert theme["text"].startswith("Håb er ofte det første skridt i en recoveryproces.")
    assert theme["term_url"] == "ordbog/haab-og-optimisme/"
    assert [c["slug"] for c in page["upcoming"]] == ["haab", "senere"] and [c["slug"] for c in page["past"]] == ["gammel"]
    assert [t["key"] for t in page["others"]] == ["connectedness", "identity", "meaning", "empowerment"]
    page = views.context(env, PageSpec("temaer/meaning.md", "theme", "meaning", "Mening"))
    assert page["theme"]["term_url"] is None  # no "Mening" in the glossary


# --- The mini-ordbog --------------------------------------------------------------------


def test_the_glossary_a_to_z(cat):
    env = env_at(cat, markdown=lambda s: f"<p>{s}</p>")
    page = views.context(env, PageSpec("ordbog/index.md", "glossary", None, "Mini-ordbog"))
    assert [(l["letter"], l["id"], [(t["slug"], t["name"], t["url"], t["definition_html"]) for t in l["terms"]])
            for l in page["letters"]] == [
        ("#", "bogstav-andet", [("tolv-trin", "12-trinsprogram", "ordbog/tolv-trin/", "<p>Et program.</p>")]),
        ("C", "bogstav-c", [("chime", "CHIME", "ordbog/chime/", "<p>Fem **processer** i recovery.</p>")]),
        ("H", "bogstav-h", [("haab-og-optimisme", "Håb", "ordbog/haab-og-optimisme/", "<p>At tro på det.</p>")]),
        ("P", "bogstav-p", [("personlig-recovery", "Personlig recovery", "ordbog/personlig-recovery/", "<p>En proces.</p>")]),
        ("Å", "bogstav-aa", [("aabenhed", "Åbenhed", "ordbog/aabenhed/", "<p>At tale frit.</p>")]),
    ]
    index = page["index"]
    # Every letter of the Danish alphabet, linked where there are words; then the others.
    assert [i["letter"] for i in index] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ") + ["#"]
    assert {i["letter"]: i["id"] for i in index if i["id"]} == {
        "C": "bogstav-c", "H": "bogstav-h", "P": "bogstav-p", "Å": "bogstav-aa", "#": "bogstav-andet"}
    assert page["count"] == 5


def test_two_words_under_one_letter(tmp_path):
    files = {"glossary/proces.md": "---\nterm: Proces\n---\nEn gang.\n"}
    cat, problems = load_files(tmp_path, files)
    assert not problems
    letters = views.glossary_view(env_at(cat))["letters"]
    assert [(l["letter"], [t["name"] for t in l["terms"]]) for l in letters] == [("P", ["Personlig recovery", "Proces"])]
    assert views.glossary_view(env_at(cat))["count"] == 2


def test_a_terms_page(cat):
    env = env_at(cat, inline_markdown=lambda s: "<em>" + s + "</em>")
    page = views.context(env, PageSpec("ordbog/chime.md", "term", "chime", "CHIME"))
    assert page["term"] == {
        "slug": "chime", "name": "CHIME", "forms": [],
        "source_html": "<em>[Leamy m.fl.](https://example.org/leamy)</em>",
        # A "see also" that names no word is left out.
        "see_also": [{"name": "Personlig recovery", "url": "ordbog/personlig-recovery/"}],
        "short": "Fem processer i recovery.", "url": "ordbog/chime/",
    }
    term = views.term_view(env, cat.terms["personlig-recovery"])
    assert term["forms"] == ["personlige recovery"] and term["source_html"] is None and term["see_also"] == []


# --- The printed programme and min plan --------------------------------------------------


def test_the_printed_programme(env):
    page = views.context(env, PageSpec("program.md", "programme", None, "Program"))
    assert [(c["slug"], text(c["when"])) for c in page["courses"]] == [
        ("haab", "3 gange fra onsdag den 3. marts 2027 til fredag den 2. april 2027"),
        ("samtale", "onsdag den 3. marts 2027, kl. 14.00–15.30"),  # the time said once
        ("hybrid", "2 gange fra tirsdag den 4. maj 2027 til tirsdag den 11. maj 2027, kl. 13.00–16.00"),
        ("senere", "Datoer følger"),
    ]
    assert (page["school"], page["contact"], page["today"]) == ("Test", "kontakt@example.dk", "mandag den 1. marts 2027")
    assert page["courses"][0]["title"] == "Håb og recovery"


def test_min_plan_has_every_upcoming_course(env):
    page = views.context(env, PageSpec("min-plan.md", "plan", None, "Min plan"))
    assert (page["school"], page["contact"]) == ("Test", "kontakt@example.dk")
    data = page["plan_data"]
    assert data["text"] == views.PLAN_TEXT and data["text"]["next"] == "Næste gang"
    assert list(data["courses"]) == ["haab", "samtale", "aflyst", "hybrid", "senere"]
    haab = data["courses"]["haab"]
    assert {k: v for k, v in haab.items() if k not in ("sessions", "steps")} == {
        "title": "Håb og recovery", "url": "kurser/haab/", "place": "Værkstedet",
        "cancelled": False, "series": "3 kursusgange fra 3. marts til 2. april",
    }
    # The state now, then each state time will bring, from its start: the plan shows the
    # one that has begun when it is opened.
    assert haab["steps"][:2] == [
        {"start": None, "state": "closing", "status": "Tilmelding lukker snart",
         # After the label, only what it adds: the state is said once.
         "detail": "Sidste dag er fredag den 5. marts 2027.",
         "actions": [{"kind": "url", "href": "https://tilmeld.example.dk/haab", "action": "Tilmeld dig",
                      "text": "https://tilmeld.example.dk/haab"}]},
        {"start": "2027-03-06T00:00:00+01:00", "state": "closed", "status": "Tilmelding lukket",
         "detail": "Sidste dag var fredag den 5. marts 2027.", "actions": []},
    ]
    assert [(s["start"], s["state"]) for s in haab["steps"][2:]] == [("2027-04-02T20:00:00+02:00", "ended")]
    # The same states and starts as the course page's own re-check.
    timeline = json.loads(views.registration_view(env, env.cat.courses["haab"])["timeline"])
    assert [(s["start"], s["state"], s["status"]) for s in haab["steps"]] == \
        [(t["start"], t["key"], t["label"]) for t in timeline]
    assert haab["sessions"][2] == {"start": "2027-03-12T18:00:00+01:00", "end": "2027-03-12T20:00:00+01:00",
                                   "text": "fredag den 12. marts 2027, " + SPAN.format("18.00", "20.00"),
                                   "week": "Uge 10 i 2027", "weekKey": "2027-10", "cancelled": True}
    assert [(s["week"], s["weekKey"], s["cancelled"]) for s in haab["sessions"]] == [
        ("Uge 9 i 2027", "2027-09", False), ("Uge 10 i 2027", "2027-10", False), ("Uge 10 i 2027", "2027-10", True),
        ("Uge 13 i 2027", "2027-13", False)]
    # Every session of a cancelled course is cancelled.
    assert [s["cancelled"] for s in data["courses"]["aflyst"]["sessions"]] == [True]
    assert data["courses"]["aflyst"]["cancelled"] is True
    assert data["courses"]["senere"]["sessions"] == []


def test_min_plan_numbers_weeks_by_their_iso_year(tmp_path):
    text_ = COURSE.split("sessions:")[0] + 'sessions:\n  - {date: 2027-01-01, start: "10:00", end: "12:00"}\n'
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text_})
    assert not problems
    session = views.plan_data(env_at(cat, datetime(2026, 12, 1, tzinfo=CPH)))["courses"]["haab"]["sessions"][0]
    assert (session["week"], session["weekKey"]) == ("Uge 53 i 2026", "2026-53")


# --- Search labels and the footer --------------------------------------------------------


@pytest.mark.parametrize("kind, label", [
    ("course", "Kursus"), ("term", "Ord i mini-ordbogen"), ("theme", "Tema"), ("teacher", "Underviser"), ("place", "Sted"),
    ("courses", "Side"), ("calendar", "Side"), (None, "Side"),
])
def test_what_a_search_result_says_it_is(kind, label):
    assert views.search_kind(kind) == label


@pytest.mark.parametrize("slug, tags", [
    ("haab", ["Kursus", "Næste gang: onsdag den 3. marts 2027, kl. 10.00–12.00"]),
    ("gammel", ["Kursus", "Kurset sluttede onsdag den 7. oktober 2026"]),
    ("aflyst", ["Kursus", "Kurset er aflyst"]),
    ("senere", ["Kursus", "Datoer følger"]),
])
def test_a_course_in_search_says_when_it_is_next_held(env, slug, tags):
    assert [text(t) for t in views.search_tags(env, PageSpec(f"kurser/{slug}.md", "course", slug, slug))] == tags


def test_other_pages_in_search_say_only_what_they_are(env):
    assert views.search_tags(env, None) == ["Side"]
    assert views.search_tags(env, PageSpec("ordbog/chime.md", "term", "chime", "CHIME")) == ["Ord i mini-ordbogen"]
    assert views.search_tags(env, PageSpec("kalender.md", "calendar", None, "Kalender")) == ["Side"]


def test_the_footer_links_the_phone_numbers_in_the_crisis_line():
    settings = SiteSettings(name="Recoveryskolen", contact="kontakt@example.dk", phone="+45 11 22 33 44",
                            address="Eksempelvej 12", opening_hours="Mandag-torsdag kl. 9-15",
                            accessibility_statement="https://was.digst.dk/skole")
    assert views.footer_view(settings) == {
        "school": "Recoveryskolen",
        "contact": [SCHOOL_MAIL, {"kind": "phone", "href": "tel:+4511223344", "action": "Ring til skolen", "text": "+45 11 22 33 44"}],
        "address": "Eksempelvej 12",
        "opening_hours": "Mandag-torsdag kl. 9-15",
        "crisis": [{"text": "Har du brug for hjælp nu? Ring til Livslinien på ", "href": None},
                   {"text": "70 201 201", "href": "tel:70201201"},
                   {"text": ", eller ring ", "href": None},
                   {"text": "112", "href": "tel:112"},
                   {"text": " ved akut fare.", "href": None}],
        "accessibility_statement": "https://was.digst.dk/skole",
    }


@pytest.mark.parametrize("crisis, parts", [
    ("Ring 112", [("Ring ", None), ("112", "tel:112")]),
    ("+45 70 201 201 hele døgnet", [("+45 70 201 201", "tel:+4570201201"), (" hele døgnet", None)]),
    ("Ring til lægen.", [("Ring til lægen.", None)]),
    ("Åben 24/7 på 1813", [("Åben 24/7 på ", None), ("1813", "tel:1813")]),  # "24" alone is too short
])
def test_the_crisis_line(crisis, parts):
    view = views.footer_view(SiteSettings(name="S", crisis=crisis))
    assert [(p["text"], p["href"]) for p in view["crisis"]] == parts
    assert view["contact"] == [] and view["address"] is None


def test_an_unknown_kind_of_page_is_refused(env):
    with pytest.raises(KeyError, match="'unknown'"):
        views.context(env, PageSpec("x.md", "unknown", None, "X"))


def test_a_course_page(env, cat):
    page = views.context(env, PageSpec("kurser/haab.md", "course", "haab", "Håb og recovery"))
    assert page["course"]["title"] == "Håb og recovery" and page["course"]["sessions"][0]["is_next"]


@pytest.mark.parametrize("now, current, later", [
    (datetime(2027, 3, 5, 23, 59, tzinfo=CPH), "closing", ["closed", "ended"]),
    (datetime(2027, 3, 6, 0, 0, tzinfo=CPH), "closed", ["ended"]),  # a state that begins now is the current one
    (datetime(2027, 4, 2, 20, 0, tzinfo=CPH), "ended", []),
])
def test_the_sign_up_box_now_and_the_states_to_come(cat, now, current, later):
    view = views.registration_view(env_at(cat, now), cat.courses["haab"])
    assert view["key"] == current and [s["key"] for s in view["later"]] == later
    data = json.loads(view["timeline"])
    assert [(d["key"], d["start"] is None) for d in data] == [(current, True)] + [(k, False) for k in later]


def test_places_in_the_filter_are_in_danish_name_order(tmp_path):
    files = {"courses/_locations.yml": LOCATIONS, "courses/a.yml": COURSE.replace("location: vaerkstedet", "location: aahuset"),
             "courses/b.yml": COURSE}
    cat, problems = load_files(tmp_path, files)
    assert not problems
    groups = {g["key"]: g["options"] for g in views.filter_groups(env_at(cat), list(cat.courses.values()))}
    # "Åhuset" after "Værkstedet", as Danish sorts it (its id "aahuset" would come first).
    assert [(o["value"], o["label"]) for o in groups["sted"]] == [("vaerkstedet", "Værkstedet"), ("aahuset", "Åhuset")]


def test_only_the_scheme_of_the_address_becomes_webcal(cat):
    view = views.subscribe_view(env_at(cat, site_url="https://example.dk/se/https://gammel/"), "kalender.ics")
    assert view["webcal"] == "webcal://example.dk/se/https://gammel/kalender.ics"


@pytest.mark.parametrize("second, when", [
    # The same time in another month: the time is said.
    ('{date: 2027-04-07, start: "10:00", end: "12:00"}',
     "2 gange fra onsdag den 3. marts 2027 til onsdag den 7. april 2027, kl. 10.00–12.00"),
    # Another start or another end, in the same month: no one time to say.
    ('{date: 2027-03-10, start: "09:00", end: "12:00"}', "2 gange fra onsdag den 3. marts 2027 til onsdag den 10. marts 2027"),
    ('{date: 2027-03-10, start: "10:00", end: "13:00"}', "2 gange fra onsdag den 3. marts 2027 til onsdag den 10. marts 2027"),
])
def test_the_programme_says_the_time_only_when_every_session_has_it(tmp_path, second, when):
    text_ = COURSE.split("sessions:")[0] + f'sessions:\n  - {{date: 2027-03-03, start: "10:00", end: "12:00"}}\n  - {second}\n'
    cat, problems = load_files(tmp_path, {"courses/haab.yml": text_})
    assert not problems
    assert text(views.programme_entry(env_at(cat), cat.courses["haab"])["when"]) == when


def test_address_parts_give_the_address_back_whatever_its_hyphens():
    # Joined, the parts are the printed address exactly, whatever its hyphens (doubled,
    # leading, trailing, alone), and every break is after a slash or before a hyphen.
    import random
    rng = random.Random(11)
    for _ in range(2_000):
        path = "/".join("".join(rng.choice("ab-") for _ in range(rng.randint(0, 40))) for _ in range(rng.randint(1, 4)))
        url = "https://skole.dk/" + path + rng.choice(["", "/"])
        parts = views.address_parts(url)
        assert "".join(parts) == url.split("://")[1], url
        for before, part in zip(parts, parts[1:]):
            assert before.endswith("/") or part.startswith("-"), (url, parts)
