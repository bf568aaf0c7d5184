"""The editors' hand-written pages in docs_dir, read without an engine.

The core reads them for one thing: which glossary terms they use ("Bruges i"). The
engine renders and publishes them itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .routes import url_of
from .text import plain

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*\r?\n", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S | re.I)


@dataclass(frozen=True)
class ContentPage:
    src_uri: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return url_of(self.src_uri)

    def title(self, rendered: str) -> str:
        """The page's title as MkDocs decides it: front matter, else the first <h1> of the
        rendered page, else the file name."""
        if isinstance(self.meta.get("title"), str) and self.meta["title"].strip():
            return self.meta["title"]
        match = _H1.search(rendered)
        if match and plain(match.group(1)):
            return plain(match.group(1))
        if self.src_uri == "index.md":
            return "Home"
        name = Path(self.src_uri).stem
        if name == "index":
            name = Path(self.src_uri).parent.name or name
        title = name.replace("-", " ").replace("_", " ")
        return title.capitalize() if title.lower() == title else title


def read(path: Path, src_uri: str) -> ContentPage:
    source = path.read_text(encoding="utf-8-sig", errors="replace")
    meta: dict[str, Any] = {}
    match = _FRONT.match(source)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1) or "")
        except yaml.YAMLError:
            loaded = None  # the engine reports a broken front matter itself
        if isinstance(loaded, dict):
            meta = loaded
        source = source[match.end():]
    return ContentPage(src_uri, source, meta)


def pages(docs_dir: Path) -> list[ContentPage]:
    """Every Markdown page in docs_dir, as an engine would publish it (hidden files and
    folders, which engines skip, are skipped)."""
    if not docs_dir.is_dir():
        return []
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        found.append(read(path, rel.as_posix()))
    return found
