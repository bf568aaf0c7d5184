"""rskole.fragments: the navigation laid out once per folder for pages outside it."""

from __future__ import annotations

from types import SimpleNamespace as Page

from rskole.fragments import Fragments

#: Pages in the navigation (their URLs as MkDocs gives them).
NAV = Page(pages=[Page(url=""), Page(url="kurser/"), Page(url="kalender/"), Page(url="om/skolen/")])


def laid_out(fragments: Fragments, url: str, calls: list[str]) -> str:
    def lay_out() -> str:
        calls.append(url)
        return f"<nav>{url}</nav>"
    return fragments.navigation(Page(url=url), NAV, lay_out)


def test_pages_outside_the_navigation_share_their_folders_layout():
    fragments, calls = Fragments(), []
    assert laid_out(fragments, "kurser/haab/", calls) == "<nav>kurser/haab/</nav>"
    # Another course: the same links, relative to the same folder, none of them current.
    assert laid_out(fragments, "kurser/angst/", calls) == "<nav>kurser/haab/</nav>"
    # Another folder: laid out for itself, once.
    assert laid_out(fragments, "ordbog/chime/", calls) == "<nav>ordbog/chime/</nav>"
    assert laid_out(fragments, "ordbog/recovery/", calls) == "<nav>ordbog/chime/</nav>"
    assert calls == ["kurser/haab/", "ordbog/chime/"] and fragments.made == 2


def test_pages_whose_navigation_differs_are_laid_out_every_time():
    fragments, calls = Fragments(), []
    # In the navigation (its link is the current one): the front page, a listing, a nested page.
    # A page with a navigation page under its address (the link is relative to it).
    # An address that is a file, not a folder; no page at all (a theme page such as 404.html).
    for url in ["", "kurser/", "kurser/", "om/skolen/", "om/", "om/", "kurser/haab.html", "kurser/haab.html"]:
        laid_out(fragments, url, calls)
    assert fragments.navigation(None, NAV, lambda: "404") == "404"
    assert calls == ["", "kurser/", "kurser/", "om/skolen/", "om/", "om/", "kurser/haab.html", "kurser/haab.html"]
    assert fragments.made == 0
