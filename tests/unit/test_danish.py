from datetime import date, datetime
from zoneinfo import ZoneInfo

from rskole import danish


def test_long_date_and_time_span():
    start = datetime(2027, 3, 3, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    end = datetime(2027, 3, 3, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    # An en dash, a no-break space after "kl." and word joiners: a range never breaks.
    assert danish.session_text(start, end) == "onsdag den 3. marts 2027, kl.\u00a010.00\u2060–\u206012.00"


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


def _pair(day, h1, h2):
    zone = ZoneInfo("Europe/Copenhagen")
    return (datetime(2027, 3, day, h1, tzinfo=zone), datetime(2027, 3, day, h2, tzinfo=zone))


def test_series_text_in_words():
    span = "kl.\u00a010.00\u2060–\u206012.00"
    assert danish.series_text([]) == "Datoer følger"
    assert danish.series_text([_pair(3, 10, 12)]) == f"onsdag den 3. marts 2027, {span}"
    assert danish.series_text([_pair(3, 10, 12), _pair(10, 10, 12), _pair(17, 10, 12)]) == f"3 onsdage fra 3. marts, {span}"
    # Other weekdays or other times: counted as sessions, from first to last.
    assert danish.series_text([_pair(3, 10, 12), _pair(4, 10, 12)]) == f"2 kursusgange fra 3. marts til 4. marts, {span}"
    assert danish.series_text([_pair(3, 10, 12), _pair(10, 13, 15)]) == "2 onsdage fra 3. marts"


def test_lists_joined_as_danish_does():
    assert danish.join(["a"]) == "a"
    assert danish.join(["a", "b", "c"]) == "a, b og c"
    assert danish.sentence_list(["Borgere med psykiske vanskeligheder", "Pårørende"]) == "Borgere med psykiske vanskeligheder og pårørende"
