from datetime import date, datetime
from zoneinfo import ZoneInfo

from rskole import danish


def test_long_date_and_time_span():
    start = datetime(2027, 3, 3, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    end = datetime(2027, 3, 3, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert danish.session_text(start, end) == "onsdag den 3. marts 2027, kl. 10.00-12.00"


def test_week_numbers_are_iso():
    assert danish.week_number(date(2027, 3, 17)) == 11
    assert danish.week_number(date(2027, 1, 1)) == 53  # a Friday: still week 53 of 2026
    assert danish.week_number(date(2027, 1, 4)) == 1


def test_danish_alphabetical_order():
    words = ["Åben", "Aarhus", "zebra", "Ærø", "Øje", "abe", "Ønske", "Ydre"]
    assert sorted(words, key=danish.sort_key) == ["abe", "Ydre", "zebra", "Ærø", "Øje", "Ønske", "Åben", "Aarhus"]


def test_aa_is_listed_under_aa_letter():
    assert danish.initial("Aarhus") == "Å"
    assert danish.initial("Empowerment") == "E"


def test_slugify_transliterates():
    assert danish.slugify("Håb og mod") == "haab-og-mod"
    assert danish.slugify("Søvn & stress – ærligt talt") == "soevn-stress-aerligt-talt"
    assert danish.slugify("Café-aften") == "cafe-aften"


def test_suggest():
    assert danish.suggest("sesions", ["sessions", "summary"]) == "sessions"
    assert danish.suggest("xyz", ["sessions"]) is None
