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


def header(folder: str, title: str) -> str:
    """The header ``block`` lays out for a page of ``folder`` titled ``title``."""
    return f'<header data-folder="{folder}"><span>{title}</span></header>'


def block(fragments: Fragments, url: str, calls: list[str], title: str | None = None,
          name: str = "header") -> str:
    def lay_out() -> str:
        calls.append(url)
        return header(url.rsplit("/", 2)[0], title)
    return fragments.block(name, Page(url=url), NAV, lay_out, title)


def test_a_block_is_kept_by_folder_and_name():
    fragments, calls = Fragments(), []
    first = block(fragments, "kurser/haab/", calls, name="footer")
    assert block(fragments, "kurser/angst/", calls, name="footer") == first
    # Another block, another folder: each laid out once.
    block(fragments, "kurser/haab/", calls, name="config")
    block(fragments, "kurser/soevn/", calls, name="config")
    block(fragments, "ordbog/chime/", calls, name="footer")
    assert calls == ["kurser/haab/", "kurser/haab/", "ordbog/chime/"]
    assert fragments.made == 3


def test_a_kept_header_shows_each_pages_own_title():
    fragments, calls = Fragments(), []
    assert block(fragments, "kurser/haab/", calls, title="Håb i hverdagen") == header("kurser", "Håb i hverdagen")
    # Laid out once; every other page of the folder gets its own title in the hole.
    assert block(fragments, "kurser/angst/", calls, title="Angst & ro <i>") == header("kurser", "Angst & ro <i>")
    assert calls == ["kurser/haab/"]


def test_a_title_found_more_than_once_is_never_a_hole():
    fragments, calls = Fragments(), []
    # "header" is in the markup too: splitting there would be wrong, so the page's own layout is used.
    for url, title in [("kurser/header/", "header"), ("kurser/data/", "data")]:
        assert block(fragments, url, calls, title=title) == header("kurser", title)
    # The next page whose title shows once is kept, and used from then on.
    block(fragments, "kurser/haab/", calls, title="Håb")
    assert block(fragments, "kurser/ro/", calls, title="Ro") == header("kurser", "Ro")
    assert calls == ["kurser/header/", "kurser/data/", "kurser/haab/"]
    # An empty title or a title the layout writes otherwise (escaped) is not found once either.
    assert block(fragments, "ordbog/x/", calls, title="") == header("ordbog", "")
    assert fragments.made == 1
    # A page with an empty title in a folder whose header is kept: nothing in the hole.
    assert block(fragments, "kurser/tom/", calls, title="") == header("kurser", "")
    assert calls[-1] == "ordbog/x/"


def test_a_kept_block_keeps_its_kind():
    from markupsafe import Markup
    fragments = Fragments()
    made = fragments.block("header", Page(url="kurser/a/"), NAV, lambda: Markup("<b>A</b>"), "A")
    again = fragments.block("header", Page(url="kurser/b/"), NAV, lambda: Markup("<b>B</b>"), "B & C")
    assert isinstance(made, Markup) and isinstance(again, Markup) and again == "<b>B & C</b>"


def test_blocks_of_pages_in_or_over_the_navigation_are_their_own():
    fragments, calls = Fragments(), []
    for url in ["", "kurser/", "om/", "kurser/haab.html"]:
        block(fragments, url, calls, name="footer")
        block(fragments, url, calls, name="footer")
    assert fragments.block("footer", None, NAV, lambda: "404") == "404"
    assert len(calls) == 8 and fragments.made == 0
