"""The portal built by three engines, and what must read alike in all three.

- ``mkdocs``: MkDocs 1.6.1 with the hooks (the default, .venv);
- ``properdocs``: ProperDocs (a maintained MkDocs 1.6 fork) with the hooks (.venv-properdocs);
- ``zensical``: Zensical, which runs no hooks, from the compiled tree (.venv-zensical,
  ``python -m rskole compile``).

scripts/setup-engines.sh makes the two other venvs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from sitekit import REPO

ENGINES = ("mkdocs", "properdocs", "zensical")


def venv(engine: str) -> Path:
    return REPO / f".venv-{engine}" / "bin"


def build_all(project: Path, out: Path, today: str) -> dict[str, Path]:
    """Build ``project`` with every engine into ``out/<engine>``; raise on a failed build."""
    env = dict(os.environ, PORTAL_TODAY=today, NO_MKDOCS_2_WARNING="1")
    config = str(project / "mkdocs.yml")
    sites = {engine: out / engine for engine in ENGINES}
    runs = [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(sites["mkdocs"])],
        [str(venv("properdocs") / "properdocs"), "build", "--strict", "-q", "-f", config, "-d", str(sites["properdocs"])],
        [sys.executable, "-m", "rskole", "-f", config, "compile", str(out / "compiled")],
        [str(venv("zensical") / "zensical"), "build", "-f", str(out / "compiled" / "mkdocs.yml")],
    ]
    pythonpath = str(project / "hooks") + os.pathsep + env.get("PYTHONPATH", "")
    for cmd in runs:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=project, timeout=600,
                              env=dict(env, PYTHONPATH=pythonpath))
        if proc.returncode != 0:
            raise AssertionError(f"{' '.join(cmd[:3])} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    # Zensical writes into site/ beside its mkdocs.yml.
    (out / "compiled" / "site").rename(sites["zensical"])
    return sites


def pages(site: Path) -> set[str]:
    return {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}


_SESSION = re.compile(r'<li class="rs-session[^"]*"[^>]*data-rs-start="([^"]+)"')
_TEACHERS = re.compile(r"<dt>Undervisere</dt><dd>(.*?)</dd>", re.S)
_PLACE = re.compile(r"<dt>Sted</dt><dd>(.*?)</dd>", re.S)
_TERM_LINK = re.compile(r'<a class="rs-term" href="([^"]+)"')
_USAGE = re.compile(r'<section class="rs-usage".*?</section>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _text(html: str) -> str:
    return " ".join(_TAG.sub("", html).split())


def course_facts(html: str) -> dict:
    """What a visitor reads of a course page, engine-independent."""
    teachers = _TEACHERS.search(html)
    place = _PLACE.search(html)
    return {
        "sessions": _SESSION.findall(html),
        "teachers": _text(teachers.group(1)) if teachers else None,
        "place": _text(place.group(1)) if place else None,
        "term_links": sorted(set(_TERM_LINK.findall(html))),
        "signup": "rs-signup" in html,
    }


def term_usage(html: str) -> str:
    found = _USAGE.search(html)
    return _text(found.group(0)) if found else ""


def differences(sites: dict[str, Path]) -> list[str]:
    """Everything that does not read alike across the engines (empty: all alike)."""
    found: list[str] = []
    base_name, base = "mkdocs", sites["mkdocs"]
    base_pages = pages(base)
    for name, site in sites.items():
        if name == base_name:
            continue
        if pages(site) != base_pages:
            found.append(f"{name}: pages differ: missing {sorted(base_pages - pages(site))[:5]}, "
                         f"extra {sorted(pages(site) - base_pages)[:5]}")
        for page in sorted(base_pages):
            a, b = base / page / "index.html", site / page / "index.html"
            if not b.exists():
                continue
            ha, hb = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
            if page.startswith("kurser/") and page.count("/") == 1:
                if course_facts(ha) != course_facts(hb):
                    found.append(f"{name}: {page}: {course_facts(hb)} != {course_facts(ha)}")
            if page.startswith("ordbog/") and page.count("/") == 1 and term_usage(ha) != term_usage(hb):
                found.append(f"{name}: {page}: 'Bruges i' differs")
        for feed in ["kurser.json", "feed.xml", "kalender.ics", *[p.relative_to(base).as_posix() for p in (base / "kurser").glob("*.ics")]]:
            fa, fb = base / feed, site / feed
            if not fb.exists():
                found.append(f"{name}: {feed} missing")
            elif feed.endswith(".json"):
                if json.loads(fa.read_text(encoding="utf-8")) != json.loads(fb.read_text(encoding="utf-8")):
                    found.append(f"{name}: {feed} differs")
            elif fa.read_bytes() != fb.read_bytes():
                found.append(f"{name}: {feed} differs")
    return found
