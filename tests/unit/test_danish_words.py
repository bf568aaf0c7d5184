"""Danish words exactly as a visitor reads them: slugs, order, index letters, hints,
dates, times and lists (issue 18: the mutants that test_danish.py let live)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from rskole import danish

CPH = ZoneInfo("Europe/Copenhagen")
NB, WJ = "\u00a0", "\u2060"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CPH)


@pytest.mark.parametrize("text, slug", [
    ("  Ærø Ø-Å  ", "aeroe-oe-aa"),
    ("Straße über Mädchen Öl", "strasse-ueber-maedchen-oel"),
    ("Café Noël", "cafe-noel"),
    ("--Hej,  VERDEN!!--", "hej-verden"),
    ("1800-tallet", "1800-tallet"),
])
def test_slugify(text, slug):
    assert danish.slugify(text) == slug


@pytest.mark.parametrize("text, ok", [
    ("a", True), ("a1-2b", True), ("haab-og-tro", True), ("", False), ("A", False), ("a--b", False),
    ("-a", False), ("a-", False), ("a_b", False), ("å", False), ("a b", False), ("a\n", False),
])
def test_is_slug(text, ok):
    assert danish.is_slug(text) is ok


def test_sort_key_is_exact():
    # Letters by their place in the Danish alphabet, digits by code, a separator first.
    assert danish.sort_key("Ab1 ä") == (((2, 1), (2, 2), (1, ord("1")), (0, 0), (2, 27)), "ab1 ä", "Ab1 ä")
    # A letter outside the alphabet comes after every Danish letter.
    assert danish.sort_key("α") == (((3, ord("α")),), "α", "α")


@pytest.mark.parametrize("word, same_as", [
    ("ä", "æ"), ("ö", "ø"), ("ü", "y"), ("ő", "ø"), ("ǿ", "ø"), ("aa", "å"), ("AA", "å"), ("é", "e"), ("Ñ", "n"),
])
def test_letters_that_sort_as_another(word, same_as):
    assert danish.sort_key(word)[0] == danish.sort_key(same_as)[0]


def test_danish_order_of_the_last_letters_and_of_digits_and_spaces():
    words = ["å", "z", "ø", "y", "æ", "Aarhus", "Zebra", "Ærø", "9", "10", "peerstøtte", "peer støtte", "αβ"]
    assert sorted(words, key=danish.sort_key) == [
        "10", "9", "peer støtte", "peerstøtte", "y", "z", "Zebra", "æ", "Ærø", "ø", "å", "Aarhus", "αβ"]


@pytest.mark.parametrize("word, letter", [
    ("Aarhus", "Å"), ("ärlig", "Æ"), ("élan", "E"), ("  ...zebra", "Z"), ("1800-tallet", "#"), ("", "#"),
    ("!!!", "#"), ("αβ", "#"), ("øl", "Ø"),
])
def test_initial(word, letter):
    assert danish.initial(word) == letter


def test_alphabet():
    assert danish.ALPHABET == list("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ")


def test_suggest_and_did_you_mean():
    themes = ["hope", "Connectedness", "aeoeaa"]
    assert danish.suggest("HOPE", themes) == "hope"
    assert danish.suggest("connectedness", themes) == "Connectedness"
    assert danish.suggest("hpoe", themes) == "hope"
    # Not close as letters, but the same once made a slug.
    assert danish.suggest("ÆØÅ", themes) == "aeoeaa"
    assert danish.suggest("zzz", themes) is None
    assert danish.suggest("hope", []) is None
    assert danish.suggest(42, themes) is None
    assert danish.did_you_mean("hpoe", themes) == " (mente du 'hope'?)"
    assert danish.did_you_mean("zzz", themes) == ""


def test_dates_and_times():
    d = date(2027, 3, 10)
    assert danish.long_date(d) == "onsdag den 10. marts 2027"
    assert danish.short_date(d) == "onsdag 10. marts"
    assert danish.month_name(d) == "marts 2027"
    assert danish.day_month(date(2027, 1, 4)) == "4. januar"
    assert danish.weekday_name(date(2027, 3, 14)) == "søndag"
    assert danish.clock(at("2027-03-10T09:05")) == "09.05"
    assert danish.time_span(at("2027-03-10T10:00"), at("2027-03-10T12:30")) == f"kl.{NB}10.00{WJ}–{WJ}12.30"
    assert danish.session_text(at("2027-03-10T10:00"), at("2027-03-10T12:00")) == (
        f"onsdag den 10. marts 2027, kl.{NB}10.00{WJ}–{WJ}12.00")


def test_week_numbers():
    assert [danish.week_number(date(y, m, d)) for y, m, d in [(2027, 1, 1), (2027, 1, 4), (2026, 12, 31), (2027, 3, 14)]] == [53, 1, 53, 10]


def test_count():
    assert [danish.count(n, "gang", "gange") for n in (0, 1, 2)] == ["0 gange", "1 gang", "2 gange"]


@pytest.mark.parametrize("first, plural", [
    ("2027-03-08", "mandage"), ("2027-03-09", "tirsdage"), ("2027-03-10", "onsdage"), ("2027-03-11", "torsdage"),
    ("2027-03-12", "fredage"), ("2027-03-13", "lørdage"), ("2027-03-14", "søndage"),
])
def test_series_on_one_weekday_names_it_in_the_plural(first, plural):
    start = at(first + "T10:00")
    times = [(start.replace(day=start.day + 7 * i), start.replace(day=start.day + 7 * i, hour=12)) for i in range(3)]
    day = int(first[-2:])
    assert danish.series_text(times) == f"3 {plural} fra {day}. marts, kl.{NB}10.00{WJ}–{WJ}12.00"


def test_series_text():
    assert danish.series_text([]) == "Datoer følger"
    assert danish.series_text([(at("2027-03-10T10:00"), at("2027-03-10T12:00"))]) == (
        f"onsdag den 10. marts 2027, kl.{NB}10.00{WJ}–{WJ}12.00")
    # Other clocks: no time said.
    assert danish.series_text([(at("2027-03-10T10:00"), at("2027-03-10T12:00")),
                               (at("2027-03-17T10:00"), at("2027-03-17T13:00"))]) == "2 onsdage fra 10. marts"
    assert danish.series_text([(at("2027-03-10T10:00"), at("2027-03-10T12:00")),
                               (at("2027-03-12T10:00"), at("2027-03-12T12:00")),
                               (at("2027-04-02T10:00"), at("2027-04-02T12:00"))]) == (
        f"3 kursusgange fra 10. marts til 2. april, kl.{NB}10.00{WJ}–{WJ}12.00")
    assert danish.series_text([(at("2027-03-10T10:00"), at("2027-03-10T12:00")),
                               (at("2027-03-12T09:00"), at("2027-03-12T12:00"))]) == (
        "2 kursusgange fra 10. marts til 12. marts")


def test_lists_and_quotes():
    assert danish.join([]) == ""
    assert danish.join(["a"]) == "a"
    assert danish.join(["a", "b", "c"]) == "a, b og c"
    assert danish.sentence_list([]) == ""
    assert danish.sentence_list(["Borgere"]) == "Borgere"
    assert danish.sentence_list(["Borgere", "Pårørende", "Fagfolk"]) == "Borgere, pårørende og fagfolk"
    assert danish.quote("Online") == "\u201eOnline\u201c"


def test_a_character_whose_base_is_no_letter_keeps_its_own_place():
    # "²" decomposes to "2", but only letters are folded to their base: it sorts as itself.
    assert danish.sort_key("²") == (((1, ord("²")),), "²", "²")
