"""A generated page hands Material's search only the part it indexes (issue 17).

The index must be what Material makes of the whole page, and the published page whole:
for every generated page of the fixture sites, Material's own search parser reads the
whole body and the indexed part into the same sections, except the empty sections the
whole body gave (a "Bruges i" heading inside an excluded block: an entry with no text).
"""

from __future__ import annotations

import re

import pytest

from sitekit import make_project

MATERIAL = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # material/plugins/search/plugin.py


def _sections(html: str, title: str) -> list[tuple[str, str, str]]:
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    out = []
    for s in parser.data:
        if s.is_excluded():
            continue
        out.append((s.id or "", "".join(s.title).strip() or title, "".join(s.text).strip()))
    return out


@pytest.mark.parametrize("fixture", ["portal", "states", "spec-example", "hostile"])
def test_search_reads_the_same_sections_from_the_indexed_part(tmp_path, monkeypatch, fixture):
    from mkdocs.config import load_config

    root = make_project(tmp_path / "p", fixture)
    monkeypatch.syspath_prepend(str(root / "hooks"))
    monkeypatch.chdir(root)
    from rskole import indexing
    from rskole.build import Build

    config = load_config(str(root / "mkdocs.yml"))
    b = Build.from_mkdocs(config, {"PORTAL_TODAY": "2027-03-01"})
    b.load()
    finished = b.compose()
    smaller = 0
    for src, page in finished.items():
        if page.spec.search_exclude:
            continue
        whole = _sections(page.html, page.spec.title)
        part = _sections(page.search_html, page.spec.title)
        # The same sections with text, in the same order; what is gone had no text.
        assert [s for s in part if s[2]] == [s for s in whole if s[2]], src
        assert all(s in whole for s in part), src
        assert all(not s[2] for s in whole if s not in part), src
        assert "rs:unindexed" not in page.html
        # What the adapter publishes after search: the page as Material itself leaves it.
        assert indexing.without_search_attributes(page.html) == MATERIAL.sub("", page.html), src
        smaller += len(page.search_html) < len(page.html)
    # The hand-off is worth it: most indexed pages hand search less than they publish.
    assert smaller > len([p for p in finished.values() if not p.spec.search_exclude]) // 2
