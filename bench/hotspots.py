"""Isolated costs of the hotspots the profile shows, each next to a cheaper way to do the
same work, so an optimiser can see what a fix would save before making it.

    .venv/bin/python bench/hotspots.py [N M]      # default 1000 200; run bench/run.py N M first

Uses the projects and sites that ``bench/run.py N M`` left in ``bench/out/<N>-<M>/``
(the portal's own copy of hooks/, so the code measured is the code that was built).
Times are CPU seconds (time.process_time) of one run each. Nothing here changes the portal.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
TODAY = "2026-11-22"


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    out = BENCH / "out" / f"{n}-{m}"
    portal = out / "portal"
    if not (out / "site-portal").is_dir():
        sys.exit(f"run `bench/run.py {n} {m}` first (no {out / 'site-portal'})")
    os.environ.update(NO_MKDOCS_2_WARNING="1", PORTAL_TODAY=TODAY)
    import logging

    import yaml
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(portal / "mkdocs.yml"))
    import rskole.build as core
    from rskole import danish, feeds, qr, routes, sources, views

    import gc
    import tracemalloc

    b = core.Build.from_mkdocs(config)
    gc.collect()
    tracemalloc.start()
    cat = b.load()
    gc.collect()
    retained_load = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    env = b.env
    courses = list(cat.courses.values())
    rows: list[tuple[str, float, str, float]] = []

    # 1. QR codes: one per course page, with segno's search for the best mask.
    import segno
    urls = [env.absolute(routes.url_of(routes.course_uri(c.slug))) for c in courses]
    t_now = best(lambda: [qr.qr_svg(u) for u in urls], 1)
    t_alt = best(lambda: [segno.make(u, error="m", mask=0).svg_inline(scale=3, dark="#000", light="#fff", title=None,
                                                                    svgclass="rs-qr", lineclass=None) for u in urls], 1)
    rows.append((f"QR code SVG for {len(urls)} course pages (qr.qr_svg)", t_now,
                 "segno.make(..., mask=0): no search for the best of 8 masks", t_alt))

    # 2. YAML: the line-keeping pure-Python composer against libyaml's.
    files = [p for p in (portal / "courses").rglob("*.yml")]
    texts = [p.read_text(encoding="utf-8") for p in files]
    t_now = best(lambda: [sources.parse_yaml(t) for t in texts], 1)
    if getattr(yaml, "__with_libyaml__", False):
        t_alt = best(lambda: [yaml.compose(t, Loader=yaml.CSafeLoader) for t in texts], 1)
        alt = "yaml.compose(Loader=CSafeLoader): libyaml builds the same node graph, with marks"
    else:
        t_alt, alt = float("nan"), "libyaml not available"
    rows.append((f"parse {len(texts)} YAML files (sources.parse_yaml)", t_now, alt, t_alt))

    # 3. term_view sorts every course for every term, and runs twice per term (its page
    #    and the glossary index): M x N sort keys.
    terms = list(cat.terms.values())
    t_now = best(lambda: [views.term_view(env, t) for t in terms + terms], 1)

    def once():
        by_term: dict[str, list] = {}
        for c in sorted(courses, key=lambda c: danish.sort_key(c.spec.title)):
            for slug in c.spec.glossary:
                by_term.setdefault(slug, []).append(c)
        return by_term

    t_alt = best(once, 1)
    rows.append((f"term_view for {len(terms)} terms x 2 (sorts all courses each time)", t_now,
                 "courses by term computed once per build (sorted once)", t_alt))

    # 4. Babel date and time formatting, for every session shown on a course page, the
    #    calendar and the plan (the same few hundred dates, formatted again and again).
    sessions = [s for c in courses for s in c.sessions]
    t_now = best(lambda: [danish.session_text(s.start, s.end) for s in sessions], 1)
    long_date = functools.lru_cache(maxsize=None)(danish.long_date)
    clock = functools.lru_cache(maxsize=None)(lambda dt: danish.clock(dt))
    t_alt = best(lambda: [f"{long_date(s.start.date())}, kl. {clock(s.start.timetz())}-{clock(s.end.timetz())}"
                          for s in sessions], 1)
    rows.append((f"danish.session_text for {len(sessions)} sessions (Babel each time; a build formats ~6x as many)", t_now,
                 "the same with long_date and clock memoised per build", t_alt))

    # 5. Course cards: built again on every page that lists the course.
    t_one = best(lambda: [views.course_card(env, c) for c in courses], 1)
    rows.append((f"course_card for {len(courses)} courses, x 11.6 (as often as a build makes them)", t_one * 11.6,
                 "one card per course per build, reused by every list", t_one))

    # 6. Feeds: icalendar objects serialised per course and again for kalender.ics.
    stamp = None
    t_now = best(lambda: [feeds.course_ics(cat, c, "https://x.example/", now=stamp) for c in courses], 1)
    rows.append((f"course_ics for {len(courses)} courses (icalendar objects + to_ical)", t_now,
                 "(no cheaper variant measured: a direct RFC 5545 writer, or each VEVENT serialised once)", float("nan")))

    # Memory: what writing the feeds allocates at its peak (it runs in on_post_build,
    # while MkDocs still holds every page and the search index).
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        gc.collect()
        tracemalloc.start()
        b.write_feeds(Path(tmp))
        feeds_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    # 7. Search: Material's search plugin parses every page's content; the portal's pages
    #    carry their whole template (sessions, cards, handout) into page.content.
    from material.plugins.search.plugin import Parser
    article = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)

    def contents(site: Path) -> list[str]:
        found = []
        for path in site.rglob("index.html"):
            match = article.search(path.read_text(encoding="utf-8"))
            if match:
                found.append(match.group(1))
        return found

    portal_pages, plain_pages = contents(out / "site-portal"), contents(out / "site-plain")

    def parse(items):
        for html in items:
            parser = Parser()
            parser.feed(html)
            parser.close()

    t_now, t_alt = best(lambda: parse(portal_pages), 1), best(lambda: parse(plain_pages), 1)
    rows.append((f"search plugin's HTML parse of {len(portal_pages)} portal pages "
                 f"({sum(map(len, portal_pages)) / 1e6:.1f} MB of content)", t_now,
                 f"the same for the plain pages ({sum(map(len, plain_pages)) / 1e6:.1f} MB)", t_alt))

    print(f"## Memory at N = {n}, M = {m}\n")
    print(f"- retained by Build.load (catalogue, specs, term index): {retained_load / 2**20:.0f} MB")
    print(f"- peak allocation while writing the feeds (Build.write_feeds, in on_post_build): {feeds_peak / 2**20:.0f} MB")
    print(f"- page content MkDocs keeps for every page until the build ends (the <article>): "
          f"portal {sum(map(len, portal_pages)) / 2**20:.0f} MB, plain {sum(map(len, plain_pages)) / 2**20:.0f} MB "
          f"(characters; a str of non-ASCII text takes 1-4 bytes per character)")
    print(f"- search index: portal {(out / 'site-portal/search/search_index.json').stat().st_size / 2**20:.0f} MB, "
          f"plain {(out / 'site-plain/search/search_index.json').stat().st_size / 2**20:.0f} MB of JSON "
          f"(held as Python objects, then as one string, during on_post_build)\n")
    print(f"## Hotspots at N = {n}, M = {m} (CPU s, one run each)\n")
    print("| work | now (s) | cheaper way | then (s) |")
    print("|---|---:|---|---:|")
    for what, now, alt, then in rows:
        print(f"| {what} | {now:.2f} | {alt} | {then:.2f} |")


if __name__ == "__main__":
    main()
