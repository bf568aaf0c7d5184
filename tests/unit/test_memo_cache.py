"""The content-keyed caches of a served preview (rskole.memo)."""

from __future__ import annotations

import pytest

from rskole import memo
from rskole.memo import Memo


def test_get_makes_a_value_once_and_keeps_the_most_recently_used():
    cache = Memo(2)
    assert (len(cache), cache.hits, cache.misses) == (0, 0, 0)
    made = []

    def make(value):
        return lambda: made.append(value) or value

    assert cache.get("a", make("A")) == "A"
    assert cache.get("b", make("B")) == "B"
    assert cache.get("a", make("X")) == "A"  # a hit: "a" is now the most recent
    assert cache.get("c", make("C")) == "C"  # "b" goes
    assert made == ["A", "B", "C"] and (cache.hits, cache.misses) == (1, 3)
    assert (cache.peek("a"), cache.peek("b"), cache.peek("c")) == ("A", None, "C")
    assert len(cache) == 2


def test_put_replaces_refreshes_and_bounds():
    cache = Memo(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 3)  # "a" is now the most recent
    cache.put("c", 4)
    assert (cache.peek("a"), cache.peek("b"), cache.peek("c"), len(cache)) == (3, None, 4, 2)
    assert (cache.hits, cache.misses) == (0, 0)


def test_peek_does_not_make_a_value_recent():
    cache = Memo(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.peek("a")
    cache.put("c", 3)
    assert cache.peek("a") is None and cache.peek("b") == 2


def test_clear_forgets_values_and_counts():
    cache = Memo(3)
    cache.get("a", lambda: 1)
    cache.get("a", lambda: 2)
    cache.clear()
    assert (len(cache), cache.hits, cache.misses, cache.peek("a")) == (0, 0, 0, None)
    assert cache.get("a", lambda: 5) == 5


@pytest.mark.parametrize("a, b", [
    (("ab", "c"), ("a", "bc")),   # parts are length-prefixed: no collision by moving the border
    (("a",), ("a", "")),
    (("x",), ("y",)),
])
def test_digest_tells_different_inputs_apart(a, b):
    assert memo.digest(*a) != memo.digest(*b)


def test_digest_is_stable_and_reads_text_as_utf8():
    assert memo.digest("æ", b"x") == memo.digest("æ".encode("utf-8"), "x")
    assert memo.digest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_pickled_tells_apart_what_a_page_view_can_differ_in():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from markupsafe import Markup

    from rskole.model import Location

    place = Location(name="Værkstedet", address="Eksempelvej 12")
    view = {"title": Markup("Håb &amp; mod"), "start": datetime(2027, 3, 3, 10, tzinfo=ZoneInfo("Europe/Copenhagen")),
            "place": place, "sessions": [{"n": 1}]}
    assert memo.pickled(view) == memo.pickled(dict(view, place=Location(name="Værkstedet", address="Eksempelvej 12")))
    for changed in ({"title": "Håb &amp; mod"},  # plain text, not markup
                    {"start": datetime(2027, 3, 3, 10, tzinfo=ZoneInfo("Europe/London"))},
                    {"place": Location(name="Værkstedet", address="Eksempelvej 14")},
                    {"sessions": [{"n": 2}]}):
        assert memo.pickled(view) != memo.pickled(dict(view, **changed)), changed


def test_a_known_view_is_pickled_as_its_digest_and_anything_else_as_it_is():
    from rskole.views import Shared

    card, other = Shared(title="Håb"), Shared(title="Noget andet")
    known = {id(card): (card, "d1"), id(other): (other, "d1")}
    # A known view stands for its digest: two views with one digest give one key.
    assert memo.pickled({"courses": [card]}, known) == memo.pickled({"courses": [other]}, known)
    assert memo.pickled({"courses": [card]}, known) != memo.pickled({"courses": [card]}, {id(card): (card, "d2")})
    # An equal view that is not the known object is written out, and then tells apart.
    twin = Shared(title="Håb")
    assert memo.pickled([twin], known) != memo.pickled([card], known)
    assert memo.pickled([twin], known) == memo.pickled([twin])
    # An id that came back for another object after the known one was gone is not trusted.
    assert memo.pickled([twin], {id(twin): (card, "d1")}) == memo.pickled([twin])
    # Without known views, the plain pickle.
    assert memo.pickled({"a": 1}, {}) == memo.pickled({"a": 1})
