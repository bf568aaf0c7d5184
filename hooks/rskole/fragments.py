"""Parts of the theme's layout that are the same on many pages, laid out once per build.

Material lays out the site navigation on every page. With its sections always open it is
about twenty links: at 1,000 courses, a seventh of the time spent laying out pages. A
page outside the navigation (a course, a term, a teacher) shows it with no link marked
as the current page, and with each address relative to the page's folder: every such
page in one folder gets the same HTML, which ``Fragments`` keeps by that folder.
"""

from __future__ import annotations

from typing import Any, Callable


class Fragments:
    """One build's fragments (a new build may have another navigation)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], Any] = {}
        #: The addresses of the navigation's pages (one navigation a build: read once).
        self._nav_urls: tuple[str, ...] | None = None
        self.made = 0

    def navigation(self, page: Any, nav: Any, lay_out: Callable[[], Any]) -> Any:
        """The primary navigation of ``page`` (``lay_out()`` makes it), kept by the page's
        folder when the page is outside the navigation and no page of the navigation
        lies under its address (then no link's address or state depends on which page
        of the folder it is)."""
        url = getattr(page, "url", None)
        if self._nav_urls is None:
            self._nav_urls = tuple(str(p.url) for p in nav.pages)
        if not url or not url.endswith("/") or any(nav_url.startswith(url) for nav_url in self._nav_urls):
            return lay_out()
        key = ("navigation", url[:-1].rpartition("/")[0])
        if key not in self._kept:
            self.made += 1
            self._kept[key] = lay_out()
        return self._kept[key]
