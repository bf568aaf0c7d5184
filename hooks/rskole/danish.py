"""Danish language: slugs, alphabetical order, dates and times, suggestions."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from datetime import date, datetime
from typing import Iterable

from babel.dates import format_date, format_time
from babel.lists import format_list

LOCALE = "da_DK"

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

_TRANSLITERATE = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def slugify(text: str) -> str:
    """A URL slug from Danish text: æ→ae, ø→oe, å→aa, other accents dropped."""
    text = text.strip().lower()
    text = "".join(_TRANSLITERATE.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.fullmatch(text))  # not .match: "$" also matches before a final newline


# Danish alphabetical order (CLDR "da"): ... x, y, z, æ, ø, å; "aa" counts as "å";
# ä sorts with æ, ö with ø, ü with y; other accents are ignored at the first level.
_ORDER = "abcdefghijklmnopqrstuvwxyzæøå"
_RANK = {ch: i + 1 for i, ch in enumerate(_ORDER)}
_FOLD = {"ä": "æ", "ö": "ø", "ü": "y", "ő": "ø", "ǿ": "ø"}


def _primary(text: str) -> str:
    text = text.lower().replace("aa", "å")
    out = []
    for ch in text:
        ch = _FOLD.get(ch, ch)
        if ch not in _RANK:
            base = unicodedata.normalize("NFKD", ch)[0]
            ch = base if base in _RANK else ch
        out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=16_384)
def sort_key(text: str) -> tuple:
    """Sort key for Danish alphabetical order (kept: every term page sorts the titles of
    the pages that use it, the same titles again and again)."""
    primary = _primary(text)
    # Letters first in alphabet order; digits before letters; punctuation and spaces
    # count as a separator that sorts first, so "peer støtte" < "peerstøtte".
    key = []
    for ch in primary:
        if ch in _RANK:
            key.append((2, _RANK[ch]))
        elif ch.isdigit():
            key.append((1, ord(ch)))
        elif ch.isalpha():
            key.append((3, ord(ch)))
        else:
            key.append((0, 0))
    return (tuple(key), text.lower(), text)


def initial(text: str) -> str:
    """The letter under which a word is listed in an A-Z index ("Aarhus" under Å)."""
    primary = _primary(text.strip())
    for ch in primary:
        if ch in _RANK:
            return ch.upper()
        if ch.isalnum():
            return "#"
    return "#"


ALPHABET = [ch.upper() for ch in _ORDER]


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice, for "did you mean" hints; None if nothing is close."""
    choices = list(choices)
    if not isinstance(word, str) or not choices:
        return None
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if match:
        return lowered[match[0]]
    slug = slugify(word)
    if slug in lowered:
        return lowered[slug]
    return None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    hint = suggest(word, choices)
    return f" (mente du '{hint}'?)" if hint else ""


# Formatting functions are memoised: a catalogue formats the same dates many times,
# and Babel's pattern formatting is not cheap.


@functools.lru_cache(maxsize=20_000)
def long_date(d: date) -> str:
    """'onsdag den 3. marts 2027'."""
    return format_date(d, "EEEE 'den' d. MMMM y", locale=LOCALE)


@functools.lru_cache(maxsize=20_000)
def short_date(d: date) -> str:
    """'onsdag 3. marts' (a day heading in the calendar, where the month is said above)."""
    return format_date(d, "EEEE d. MMMM", locale=LOCALE)


@functools.lru_cache(maxsize=20_000)
def clock(dt: datetime) -> str:
    """'10.00' (Danish writes times with a dot)."""
    return format_time(dt, "HH.mm", locale=LOCALE)


@functools.lru_cache(maxsize=20_000)
def time_span(start: datetime, end: datetime) -> str:
    """'kl. 10.00–12.00', as Danish writes a range: an en dash, and held together on
    one line (a no-break space after 'kl.' and word joiners around the dash)."""
    return f"kl.\u00a0{clock(start)}\u2060–\u2060{clock(end)}"


@functools.lru_cache(maxsize=20_000)
def session_text(start: datetime, end: datetime) -> str:
    """'onsdag den 3. marts 2027, kl. 10.00-12.00'."""
    return f"{long_date(start.date())}, {time_span(start, end)}"


@functools.lru_cache(maxsize=20_000)
def month_name(d: date) -> str:
    """'marts 2027'."""
    return format_date(d, "LLLL y", locale=LOCALE)


def week_number(d: date) -> int:
    """Danish week numbers are ISO 8601 weeks ("uge 11")."""
    return d.isocalendar().week


@functools.lru_cache(maxsize=20_000)
def weekday_name(d: date) -> str:
    return format_date(d, "EEEE", locale=LOCALE)


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


_WEEKDAYS_PLURAL = ["mandage", "tirsdage", "onsdage", "torsdage", "fredage", "lørdage", "søndage"]


@functools.lru_cache(maxsize=20_000)
def day_month(d: date) -> str:
    """'10. marts'."""
    return format_date(d, "d. MMMM", locale=LOCALE)


def series_text(times: list[tuple[datetime, datetime]]) -> str:
    """A course's held sessions in words: '6 onsdage fra 10. marts, kl. 10.00-12.00'.

    ``times`` are (start, end) pairs in order; cancelled sessions are left out by the caller.
    """
    if not times:
        return "Datoer følger"
    if len(times) == 1:
        return session_text(*times[0])
    first, last = times[0][0], times[-1][0]
    same_clock = len({(clock(s), clock(e)) for s, e in times}) == 1
    clock_part = f", {time_span(*times[0])}" if same_clock else ""
    if len({s.weekday() for s, _ in times}) == 1:
        return f"{len(times)} {_WEEKDAYS_PLURAL[first.weekday()]} fra {day_month(first.date())}{clock_part}"
    return f"{len(times)} kursusgange fra {day_month(first.date())} til {day_month(last.date())}{clock_part}"


def join(items: list[str]) -> str:
    """Items as Danish lists them: 'a, b og c' (Babel's CLDR list pattern)."""
    return format_list(list(items), style="standard", locale=LOCALE) if items else ""


def sentence_list(items: list[str]) -> str:
    """Names of groups in running text: only the first keeps its capital
    ('Borgere med psykiske vanskeligheder og pårørende')."""
    return join([items[0]] + [i[:1].lower() + i[1:] for i in items[1:]]) if items else ""


def quote(text: str) -> str:
    """Text in Danish quotation marks: '„Online“'."""
    return f"\u201e{text}\u201c"
