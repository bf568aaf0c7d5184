"""Parts of the theme's layout that are the same on many pages, laid out once per build.

Material lays out the site navigation on every page. With its sections always open it is
about twenty links: at 1,000 courses, a seventh of the time spent laying out pages. A
page outside the navigation (a course, a term, a teacher) shows it with no link marked
as the current page, and with each address relative to the page's folder: every such
page in one folder gets the same HTML, which ``Fragments`` keeps by that folder.

The same holds for the blocks of ``theme/main.html`` that read nothing of the page but its
folder: the styles, the scripts, the theme's configuration, the school's help footer and
Material's footer. Material's header reads one thing more, the page's title, which it
shows as it is: it is kept with a hole where the title goes (``block``).
"""

from __future__ import annotations

from typing import Any, Callable


class Fragments:
    """One build's fragments (a new build may have another navigation)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], Any] = {}
        #: The addresses of the navigation's pages (one navigation a build: read once).
        self._nav_urls: tuple[str, ...] | None = None
        #: Each page's folder (or None), by its address: found once a page, not once a block.
        self._folders: dict[str, str | None] = {}
        self.made = 0

    def navigation(self, page: Any, nav: Any, lay_out: Callable[[], Any]) -> Any:
        """The primary navigation of ``page`` (``lay_out()`` makes it), kept by the page's
        folder when the page is outside the navigation and no page of the navigation
        lies under its address (then no link's address or state depends on which page
        of the folder it is)."""
        return self.block("navigation", page, nav, lay_out)

    def block(self, name: str, page: Any, nav: Any, lay_out: Callable[[], Any], hole: Any = None) -> Any:
        """The theme's block ``name`` of ``page`` (``lay_out()`` makes it), kept by the
        page's folder, as the navigation is. ``hole`` is a value of the page that the
        block shows as it is (the title): the block is kept split around it, and only if
        it shows there exactly once. Otherwise (a title such as "a", found in the markup
        too; a title written with entities by an escaping engine) the page's own layout
        is used."""
        folder = self.folder(page, nav)
        if folder is None:
            return lay_out()
        key = (name, folder)
        kept = self._kept.get(key)
        if kept is not None:
            if hole is None:
                return kept
            kind, parts = kept
            return kind(str(hole).join(parts))  # Markup stays Markup: not escaped again
        laid_out = lay_out()
        if hole is None:
            self._kept[key] = laid_out
            self.made += 1
        elif hole and str(laid_out).count(str(hole)) == 1:
            self._kept[key] = (type(laid_out), tuple(str(laid_out).split(str(hole))))
            self.made += 1
        return laid_out

    def folder(self, page: Any, nav: Any) -> str | None:
        """The folder of a page outside the navigation, with no navigation page under
        its address (else None: its layout is its own)."""
        url = getattr(page, "url", None)
        if not url:
            return None
        if url not in self._folders:
            if self._nav_urls is None:
                self._nav_urls = tuple(str(p.url) for p in nav.pages)
            inside = not url.endswith("/") or any(nav_url.startswith(url) for nav_url in self._nav_urls)
            self._folders[url] = None if inside else url[:-1].rpartition("/")[0]
        return self._folders[url]
