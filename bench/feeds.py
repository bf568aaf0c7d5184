"""Time ``feeds.outputs`` on a generated project: a full build's call, and a served
preview's rebuild after a one-course edit.

    .venv/bin/python bench/feeds.py PORTAL [--hooks DIR] [--runs 3] [--profile]

PORTAL is a portal project made by ``bench/generate.py`` (a git repository with courses/
and mkdocs.yml). It is read, never written, except for one course file whose description
is edited for the preview's rebuild and put back afterwards: pass a copy. ``--hooks``
takes the core from another hooks/ folder (e.g. an export of an earlier revision), so
two versions can be timed on the same machine in alternating runs.

Each run, in this process: load the catalogue; a cold ``outputs`` without ``shared`` (a
full build); a cold ``outputs`` with a new ``memo.Memo`` (a preview's first build); then
edit one course's description (uncommitted, as an editor's save), load again, and call
``outputs`` with the same Memo (the preview's rebuild); and once more unchanged. The
catalogue's loading is not timed; the registration views are made before timing, as a
build's pages have made them by the time it writes the feeds. Before the full build and
the preview's first build the process-wide caches are emptied, as in a new process. Times are wall seconds;
medians over the runs.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

import yaml

TODAY = "2026-11-22"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml without MkDocs: its python tags are read as None."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("portal", type=Path)
    parser.add_argument("--hooks", type=Path, default=Path(__file__).resolve().parent.parent / "hooks")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", choices=["full", "rebuild"],
                        help="print cProfile's top functions of the last run's full build or preview rebuild")
    args = parser.parse_args()
    sys.path.insert(0, str(args.hooks.resolve()))

    from rskole import feeds, memo, views
    from rskole.catalogue import Paths, load, load_settings, today
    from rskole.memo import Memo

    root = args.portal.resolve()
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    settings, zone, problems = load_settings(config["extra"])
    assert settings is not None and not problems, problems
    day, now = today(zone, {"PORTAL_TODAY": TODAY})
    site_url = settings.url or config.get("site_url") or "http://localhost/"

    def catalogue():
        cat, problems = load(Paths(root), settings, zone)
        assert not problems, problems.report()
        env = views.Env(cat, day, now, site_url=site_url)
        for course in cat.courses.values():
            views.registration_view(env, course)
        return cat, env

    def forget():
        """What a new process would not have: the process-wide caches the feeds use."""
        for name in ("OLD_VERSIONS", "REVISIONS", "EVENTS"):
            if hasattr(memo, name):
                getattr(memo, name).clear()
        feeds._vtimezone_ical.cache_clear()

    def timed(cat, env, shared=None, profile=False):
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
        start = time.perf_counter()
        files = feeds.outputs(cat, env, root, site_url, shared=shared)
        seconds = time.perf_counter() - start
        if profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        return seconds, files

    cat, env = catalogue()
    edited = root / cat.courses[sorted(cat.courses)[len(cat.courses) // 2]].path
    original = edited.read_bytes()
    text = original.decode("utf-8")
    assert "\ndescription: |\n  " in text, edited
    results: dict[str, list[float]] = {"full build (no shared)": [], "preview, first build": [],
                                       "preview, rebuild after an edit": [], "preview, rebuild unchanged": []}
    print(f"{len(cat.courses)} courses, {sum(len(c.sessions) for c in cat.courses.values())} sessions; "
          f"core from {args.hooks}; edit: {edited.relative_to(root)}", flush=True)
    try:
        for run in range(args.runs):
            cat, env = catalogue()
            last = run == args.runs - 1
            forget()
            results["full build (no shared)"].append(timed(cat, env, profile=last and args.profile == "full")[0])
            forget()
            shared = Memo(400_000)
            seconds, first = timed(cat, env, shared)
            results["preview, first build"].append(seconds)
            edited.write_text(text.replace("\ndescription: |\n  ", f"\ndescription: |\n  Ændret {run}. ", 1), encoding="utf-8")
            cat, env = catalogue()
            seconds, second = timed(cat, env, shared, profile=last and args.profile == "rebuild")
            results["preview, rebuild after an edit"].append(seconds)
            assert second != first
            cat, env = catalogue()
            results["preview, rebuild unchanged"].append(timed(cat, env, shared)[0])
            edited.write_bytes(original)
    finally:
        edited.write_bytes(original)
    for name, times in results.items():
        print(f"{name:34} median {statistics.median(times):.3f} s  ({', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
