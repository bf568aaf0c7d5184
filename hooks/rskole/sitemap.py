"""sitemap.xml with honest ``lastmod`` dates.

MkDocs writes every page's ``lastmod`` as the day of the build, which tells a search
engine nothing. Here each page gets the date (in the site's zone) of the last commit of
the file it comes from: a course page its course file, a teacher or place page the
teachers' or places' file, a term page its glossary file, a content page its Markdown
file. Pages made from many files or from the date (course lists, calendar, themes) and
files git does not know get no ``lastmod``, which the sitemap protocol allows.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from . import history
from .registry import PageSpec
from .routes import url_of

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_sources(root: Path, docs_dir: Path, specs: Iterable[PageSpec]) -> dict[str, str | None]:
    """Page URL ('kurser/haab/') -> its source file relative to ``root`` (None: no single source)."""
    root, docs_dir = Path(root), Path(docs_dir)
    found: dict[str, str | None] = {}
    if docs_dir.is_dir():
        try:
            docs_rel = docs_dir.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            docs_rel = None  # docs_dir outside the project: git paths would not match
        for path in sorted(docs_dir.rglob("*.md")):
            rel = path.relative_to(docs_dir).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            found[url_of(rel)] = f"{docs_rel}/{rel}" if docs_rel else None
    for spec in specs:  # a generated page replaces a content page of the same name
        found[url_of(spec.src_uri)] = spec.source
    return found


def last_changed(root: Path, sources: dict[str, str | None], zone: ZoneInfo) -> dict[str, date]:
    """Page URL -> the day its source was last committed (only pages git knows)."""
    paths = sorted({s for s in sources.values() if s})
    commits = history.log(Path(root), paths)
    out: dict[str, date] = {}
    for url, source in sources.items():
        found = commits.get(history.normal(source)) if source else None
        if found:
            out[url] = max(c.when for c in found).astimezone(zone).date()
    return out


def with_lastmod(xml: bytes, site_url: str | None, dates: dict[str, date]) -> bytes:
    """The sitemap MkDocs wrote, with each ``lastmod`` from ``dates`` or left out."""
    base = urlsplit(site_url).path if site_url else "/"
    base = base if base.endswith("/") else base + "/"
    tree = ET.fromstring(xml)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NS}">']
    for url in tree.findall(f"{{{NS}}}url"):
        loc = (url.findtext(f"{{{NS}}}loc") or "").strip()
        path = urlsplit(loc).path
        page = path[len(base):] if path.startswith(base) else None
        out.append("  <url>")
        out.append(f"    <loc>{_escape(loc)}</loc>")
        if page is not None and page in dates:
            out.append(f"    <lastmod>{dates[page].isoformat()}</lastmod>")
        out.append("  </url>")
    out.append("</urlset>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def update(site_dir: Path, root: Path, docs_dir: Path, specs: Iterable[PageSpec], site_url: str | None,
           zone: ZoneInfo) -> None:
    """Rewrite ``sitemap.xml`` (and ``sitemap.xml.gz``) in a built site, if MkDocs wrote one."""
    target = Path(site_dir) / "sitemap.xml"
    if not target.is_file():
        return
    dates = last_changed(root, page_sources(root, docs_dir, specs), zone)
    data = with_lastmod(target.read_bytes(), site_url, dates)
    target.write_bytes(data)
    packed = target.with_name("sitemap.xml.gz")
    if packed.exists():
        # mtime 0: the same sitemap gives the same bytes.
        packed.write_bytes(gzip.compress(data, mtime=0))
