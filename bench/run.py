"""The scale benchmark of issues 8 and 17: the portal against plain MkDocs + mkdocs-material.

    .venv/bin/python bench/run.py N M [--runs 3] [--rev HEAD] [--out DIR] [--no-generate]
    .venv/bin/python bench/run.py N M --profile

1. Generates N courses and M glossary terms with ``bench/generate.py``: the portal
   project and two baselines with the same number of pages: ``bare`` (MkDocs at its
   barest: Material with navigation.prune, search ``lang: da``, no Markdown extensions,
   only the front page in nav: the floor, issue 17) and ``plain`` (the twin: the same
   theme overrides, Markdown extensions and equivalent pages, issue 8).
2. Builds all three, alternating portal, bare and twin, each build a fresh subprocess
   (``python -m mkdocs build -q``, NO_MKDOCS_2_WARNING=1, PORTAL_TODAY=2026-11-22):
   wall time, CPU time (user + system) and peak memory (the child's maxrss, os.wait4).
3. Times the hooks' phases in a fresh subprocess per run, by calling the core directly:
   ``Build.load`` (of which ``catalogue.load``, the reading and validation),
   ``Build.generated_files``, ``Build.compose`` (every generated page finished in one
   pass; of which ``Build.link_terms``), ``Build.link_content`` over the editors' pages
   and ``Build.write_feeds``;
   and, on its own, ``Build.link_terms`` over every course description and content page.
4. Prints medians as Markdown tables, the sizes of the outputs, and the issue's targets;
   writes everything to ``<out>/results.json``.

``--profile`` instead runs one portal build in-process under cProfile and prints the top
25 functions by cumulative time, the top 25 by own time under ``hooks/``, and own time
summed per package. ``--preview`` starts ``mkdocs serve`` on the portal project, edits
one course file and measures the time until the served page shows the edit (the
edit-to-served time), against the bare full build measured in the same run.
No timing here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402

TODAY = "2026-11-22"
MB = 1024 * 1024

# The issues' targets.
TARGET_BARE_FIRST = 1.3      # portal / bare build time at N = 1,000 (first step)
TARGET_BARE = 1.15           # portal / bare build time at N = 1,000 (then)
TARGET_TWIN = 1.0            # portal / twin build time at N = 1,000
TARGET_PREVIEW = 0.5         # one-course edit served / bare full build at N = 1,000
TARGET_LINEAR = 5.5          # N = 5,000 time / N = 1,000 time
TARGET_MEMORY_MB = 500       # peak memory at N = 5,000
TARGET_LINK_SHARE = 0.05     # glossary linking / portal build time
TARGET_SEARCH_MB = 2.5       # search index for 1,000 courses
TARGET_PAGE_KB = 40          # one course page's HTML


def build_env() -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PORTAL_TODAY=TODAY)
    # Python's default: a module's compiled code is kept (__pycache__) and read back by the
    # next process. Some machines turn that off (PYTHONDONTWRITEBYTECODE, common in
    # containers); every build would then compile the portal's hooks again (0.09 s), while
    # the baselines run only code that was compiled when it was installed.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# --- one build in a fresh process ------------------------------------------------------


def build(config: Path, site: Path, log: Path) -> dict:
    """Build ``config`` into ``site`` in a new process: wall, CPU and peak memory."""
    if site.exists():
        shutil.rmtree(site)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    with open(log, "w", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=build_env(), cwd=config.parent)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"build of {config} failed with status {proc.returncode}:\n{log.read_text(encoding='utf-8')[-4000:]}")
    # ru_maxrss is in kilobytes on Linux.
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_mb": usage.ru_maxrss / 1024}


# --- the hooks' phases, in-process -------------------------------------------------------


def phases(portal: Path) -> dict:
    """Seconds per phase of the hooks' work for the project in ``portal`` (run in a fresh
    process: ``run.py --phases-of DIR``). Mirrors the order of a MkDocs build: load, page
    sources, compose (every generated page), linking of the editors' pages, then feeds.

    Each phase is measured as CPU time of this process (``<phase>``: robust when other
    processes share the machine) and as wall time (``<phase>_wall``)."""
    os.environ.update(NO_MKDOCS_2_WARNING="1", PORTAL_TODAY=TODAY)
    import logging
    from contextlib import contextmanager

    import markdown
    from mkdocs.config import load_config
    from mkdocs.utils.meta import get_data

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(portal / "mkdocs.yml"))  # runs hooks/portal.py, which imports rskole
    import rskole.build as core
    from rskole import routes

    out: dict[str, float] = {}

    def add(key: str, cpu: float, wall: float) -> None:
        out[key] = out.get(key, 0.0) + cpu
        out[key + "_wall"] = out.get(key + "_wall", 0.0) + wall

    @contextmanager
    def phase(key: str):
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            yield
        finally:
            add(key, time.process_time() - cpu, time.perf_counter() - wall)

    def timed(owner, name: str, key: str):
        original = getattr(owner, name)
        add(key, 0.0, 0.0)

        def wrapper(*args, **kwargs):
            with phase(key):
                return original(*args, **kwargs)

        setattr(owner, name, wrapper)
        return original

    with phase("setup"):
        b = core.Build.from_mkdocs(config)

    timed(core, "load", "load_catalogue")  # rskole.catalogue.load, as Build.load calls it
    with phase("load"):
        b.load()

    # One pass: every generated page finished (linking timed inside it).
    original_link = timed(core.Build, "link_terms", "link_in_compose")
    with phase("compose"):
        b.compose()
    core.Build.link_terms = original_link

    with phase("generate"):  # the finished pages' sources (front matter) for the engine
        b.generated_files()

    # What MkDocs hands on_page_content for editors' own pages: their Markdown rendered
    # (not timed); the adapter links glossary words in them.
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    content_inputs = []
    for path in sorted((portal / "content").rglob("*.md")):
        body, _meta = get_data(path.read_text(encoding="utf-8"))
        src = path.relative_to(portal / "content").as_posix()
        content_inputs.append((routes.url_of(src), md.reset().convert(body)))
    with phase("link_content"):
        for url, html in content_inputs:
            b.link_content(url, html)

    with tempfile.TemporaryDirectory() as tmp, phase("feeds"):
        b.write_feeds(Path(tmp))

    # The brief's stand-alone measure: link_terms over every course description and
    # content page (no usage recorded).
    texts = content_inputs + [(spec.url, b.markdown(spec.body)) for spec in b.specs.values()
                              if spec.kind == "course" and spec.body]
    with phase("link_standalone"):
        for url, html in texts:
            b.link_terms(html, url, set())

    for suffix in ("", "_wall"):
        out["hooks_total" + suffix] = sum(out[k + suffix] for k in
                                          ("setup", "load", "generate", "compose", "link_content", "feeds"))
    return out


def run_phases(portal: Path) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--phases-of", str(portal)],
                          capture_output=True, text=True, env=build_env(), cwd=portal)
    if proc.returncode != 0:
        sys.exit(f"phase timing failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- preview: mkdocs serve, one course edited ---------------------------------------------

SERVE_START_TIMEOUT = 900    # s for the first build of the served site (a loaded machine)
EDIT_TIMEOUT = 300           # s for one edit to show
POLL = 0.02                  # s between two requests of the page


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        # Never through a proxy: the request stays on the loopback interface.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(url, timeout=30) as resp:
            return resp.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _settled(log: Path, rebuilds: int, proc: subprocess.Popen) -> None:
    """Wait until the server's log says ``rebuilds`` rebuilds have ended: an edit measured
    while the previous rebuild still writes its feeds would count that rebuild's rest.

    Counted by "Reloading browsers" (the server logs it after each rebuild), not by
    "Documentation built in N seconds": MkDocs drops a log message it has logged before
    (``utils.DuplicateFilter``), so a rebuild as long as an earlier one to the hundredth of
    a second went uncounted and the benchmark waited for it until it gave up."""
    start = time.perf_counter()
    while log.read_text(encoding="utf-8", errors="replace").count("Reloading browsers") < rebuilds:
        if proc.poll() is not None or time.perf_counter() - start > EDIT_TIMEOUT:
            raise RuntimeError(f"mkdocs serve did not finish rebuild {rebuilds}; see {log}")
        time.sleep(0.1)


def preview(portal: Path, out: Path, edits: int, dirty: bool = True) -> dict:
    """``mkdocs serve`` on the portal project; ``edits`` times: edit one course file
    (a new first word in its description) and poll the course page until it shows the
    edit. Seconds from the file's write to the first served page with the edit.

    The course file is restored and the server stopped whatever happens."""
    course_file = sorted(p for p in (portal / "courses").rglob("*.yml") if not p.name.startswith("_"))[0]
    slug = course_file.stem
    original = course_file.read_bytes()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{slug_url(slug)}"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(portal / "mkdocs.yml")]
    if dirty:
        cmd.append("--dirty")
    log = open(out / "preview-serve.log", "w", encoding="utf-8")
    # As an editor runs it: the real clock, no PORTAL_TODAY (the clock then moves between rebuilds).
    env = {k: v for k, v in build_env().items() if k != "PORTAL_TODAY"}
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=portal)
    served: list[float] = []
    try:
        start = time.perf_counter()
        page = None
        while page is None:
            if proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped ({proc.returncode}); see {out / 'preview-serve.log'}")
            if time.perf_counter() - start > SERVE_START_TIMEOUT:
                raise RuntimeError(f"mkdocs serve did not serve {url} within {SERVE_START_TIMEOUT} s")
            time.sleep(0.2)
            page = _get(url)
        first_build = time.perf_counter() - start
        for i in range(edits):
            marker = f"Rettet{i + 1}x{os.getpid()}"
            text = original.replace(b"description: |\n  ", f"description: |\n  {marker}. ".encode(), 1)
            assert text != original, f"{course_file} has no block description to edit"
            _settled(out / "preview-serve.log", i, proc)  # the previous rebuild has ended
            time.sleep(0.5)
            t0 = time.perf_counter()
            course_file.write_bytes(text)
            while True:
                page = _get(url)
                elapsed = time.perf_counter() - t0
                if page is not None and marker in page:
                    served.append(elapsed)
                    break
                if elapsed > EDIT_TIMEOUT or proc.poll() is not None:
                    raise RuntimeError(f"edit {i + 1} not served within {EDIT_TIMEOUT} s; see {out / 'preview-serve.log'}")
                time.sleep(POLL)
    finally:
        course_file.write_bytes(original)
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    return {"mode": "dirty" if dirty else "clean", "first_build": first_build, "served": served,
            "course": course_file.relative_to(portal).as_posix()}


def slug_url(slug: str) -> str:
    return f"kurser/{slug}/"


# --- sizes -------------------------------------------------------------------------------


def sizes(site: Path) -> dict:
    courses = sorted(p for p in (site / "kurser").glob("*/index.html"))
    course_bytes = sorted(p.stat().st_size for p in courses)
    pages = list(site.rglob("index.html"))
    return {
        "pages": len(pages),
        "course_pages": len(courses),
        "term_pages": len(list((site / "ordbog").glob("*/index.html"))),
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
        "one_course_page": courses[0].relative_to(site).as_posix() if courses else None,
        "one_course_page_bytes": courses[0].stat().st_size if courses else 0,
        "course_page_bytes_median": statistics.median(course_bytes) if course_bytes else 0,
        "course_page_bytes_max": course_bytes[-1] if course_bytes else 0,
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }


# --- the report --------------------------------------------------------------------------


def med(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def per_run(rows: list[dict]) -> str:
    return ", ".join(f"{r['wall']:.2f}" for r in rows)


def report(res: dict, baseline: dict | None) -> str:
    n, m, runs = res["n"], res["m"], res["runs"]
    portal, plain, bare = res["portal"], res["plain"], res["bare"]
    ps, ls, bs = res["portal_sizes"], res["plain_sizes"], res["bare_sizes"]
    pw, lw, bw = med(portal, "wall"), med(plain, "wall"), med(bare, "wall")
    pc, lc, bc = med(portal, "cpu"), med(plain, "cpu"), med(bare, "cpu")
    pm, lm, bm = med(portal, "maxrss_mb"), med(plain, "maxrss_mb"), med(bare, "maxrss_mb")

    def kb(sz: dict, key: str) -> str:
        return f"{sz[key] / 1024:.1f}"

    lines = [
        f"## N = {n} courses, M = {m} terms: median of {runs} run{'s' if runs != 1 else ''} (code: {res.get('code')})",
        "",
        "Bare: MkDocs at its barest over the same page count (issue 17). Twin: plain MkDocs with the",
        "portal's theme overrides, Markdown extensions and equivalent pages (issue 8).",
        "",
        "| metric | portal | bare | twin | portal / bare | portal / twin |",
        "|---|---:|---:|---:|---:|---:|",
        f"| pages (index.html) | {ps['pages']} | {bs['pages']} | {ls['pages']} | | |",
        f"| course pages | {ps['course_pages']} | {bs['course_pages']} | {ls['course_pages']} | | |",
        f"| term pages | {ps['term_pages']} | {bs['term_pages']} | {ls['term_pages']} | | |",
        f"| build wall time (s) | {pw:.2f} | {bw:.2f} | {lw:.2f} | {pw / bw:.2f} | {pw / lw:.2f} |",
        f"| build CPU time (s) | {pc:.2f} | {bc:.2f} | {lc:.2f} | {pc / bc:.2f} | {pc / lc:.2f} |",
        f"| peak memory (MB) | {pm:.0f} | {bm:.0f} | {lm:.0f} | {pm / bm:.2f} | {pm / lm:.2f} |",
        f"| search index (MB) | {ps['search_index_bytes'] / MB:.2f} | {bs['search_index_bytes'] / MB:.2f} | "
        f"{ls['search_index_bytes'] / MB:.2f} | {ps['search_index_bytes'] / bs['search_index_bytes']:.2f} | "
        f"{ps['search_index_bytes'] / ls['search_index_bytes']:.2f} |",
        f"| one course page HTML (KB) | {kb(ps, 'one_course_page_bytes')} | {kb(bs, 'one_course_page_bytes')} | "
        f"{kb(ls, 'one_course_page_bytes')} | | |",
        f"| course page HTML, median (KB) | {kb(ps, 'course_page_bytes_median')} | {kb(bs, 'course_page_bytes_median')} | "
        f"{kb(ls, 'course_page_bytes_median')} | | |",
        f"| course page HTML, max (KB) | {kb(ps, 'course_page_bytes_max')} | {kb(bs, 'course_page_bytes_max')} | "
        f"{kb(ls, 'course_page_bytes_max')} | | |",
        f"| whole site (MB) | {ps['site_bytes'] / MB:.1f} | {bs['site_bytes'] / MB:.1f} | {ls['site_bytes'] / MB:.1f} | | |",
    ]
    pv = res.get("preview")
    if pv and pv["served"]:
        sv = statistics.median(pv["served"])
        lines += [
            "",
            f"### Preview: `mkdocs serve{' --dirty' if pv['mode'] == 'dirty' else ''}`, one course file edited "
            f"({pv['course']}), median of {len(pv['served'])} edits",
            "",
            "| metric | s | / bare full build (wall) |",
            "|---|---:|---:|",
            f"| first build of the served site | {pv['first_build']:.2f} | {pv['first_build'] / bw:.2f} |",
            f"| edit to served | {sv:.2f} | {sv / bw:.2f} |",
            "",
            f"Per edit, s: {', '.join(f'{t:.2f}' for t in pv['served'])}",
        ]
    lines += [
        "",
        f"Per run, wall s: portal {per_run(portal)}; bare {per_run(bare)}; twin {per_run(plain)}",
        f"One course page: {ps['one_course_page']}",
        f"Machine: {res.get('cpus')} CPUs, 1-minute load average {res.get('loadavg_before', 0):.2f} before and "
        f"{res.get('loadavg_after', 0):.2f} after the builds (wall times are only comparable on an idle machine; "
        "CPU times are less sensitive to other processes).",
    ]
    ph = res["phases"]
    if ph:
        p = {k: med(ph, k) for k in ph[0]}
        rows = [
            ("setup (Build.from_mkdocs)", "setup"),
            ("loading/validation (Build.load)", "load"),
            ("- of which catalogue.load (read + validate)", "load_catalogue"),
            ("one pass: every generated page (Build.compose)", "compose"),
            ("- of which glossary linking (link_terms)", "link_in_compose"),
            ("pages handed to the engine (Build.generated_files)", "generate"),
            ("editors' pages linked (Build.link_content)", "link_content"),
            ("feeds (Build.write_feeds)", "feeds"),
            ("hooks total", "hooks_total"),
            ("glossary linking, stand-alone (descriptions + content pages)", "link_standalone"),
        ]
        lines += [
            "",
            f"### Time in our hooks by phase (in-process, median of {len(ph)})",
            "",
            "| phase | CPU s | share of portal build CPU | wall s |",
            "|---|---:|---:|---:|",
        ]
        for label, key in rows:
            lines.append(f"| {label} | {p[key]:.3f} | {100 * p[key] / pc:.1f} % | {p[key + '_wall']:.3f} |")
        lines += [
            "",
            f"Portal build CPU minus hooks total: {pc - p['hooks_total']:.2f} s (plain build CPU: {lc:.2f} s)",
        ]
    lines += ["", "### Targets (issues 8 and 17)", ""]
    checks = []
    if n == 1000:
        for limit in (TARGET_BARE_FIRST, TARGET_BARE):
            checks.append((f"build time <= {limit} x bare (N = 1,000), wall", f"{pw / bw:.2f} x", pw / bw <= limit))
            checks.append((f"build time <= {limit} x bare (N = 1,000), CPU", f"{pc / bc:.2f} x", pc / bc <= limit))
        checks.append((f"build time <= {TARGET_TWIN} x twin (N = 1,000), wall", f"{pw / lw:.2f} x", pw / lw <= TARGET_TWIN))
        checks.append((f"build time <= {TARGET_TWIN} x twin (N = 1,000), CPU", f"{pc / lc:.2f} x", pc / lc <= TARGET_TWIN))
        if pv and pv["served"]:
            checks.append((f"one-course edit served < {TARGET_PREVIEW} x bare full build (N = 1,000)",
                           f"{sv / bw:.2f} x ({sv:.2f} s / {bw:.2f} s)", sv / bw < TARGET_PREVIEW))
        checks.append((f"search index < {TARGET_SEARCH_MB} MB (1,000 courses)", f"{ps['search_index_bytes'] / MB:.2f} MB",
                       ps["search_index_bytes"] / MB < TARGET_SEARCH_MB))
    else:
        checks.append((f"build time <= {TARGET_BARE} x bare (measured at N = {n}), CPU", f"{pc / bc:.2f} x", None))
    if baseline:
        for kind, mine in (("wall", pw), ("CPU", pc)):
            theirs = statistics.median(r[kind.lower()] for r in baseline["portal"])
            factor = mine / theirs
            checks.append((f"portal time N = {n} / N = {baseline['n']} <= {TARGET_LINEAR} (5,000 vs 1,000), {kind}",
                           f"{factor:.2f} ({mine:.1f} s / {theirs:.1f} s)", factor <= TARGET_LINEAR if n == 5000 else None))
    checks.append((f"peak memory < {TARGET_MEMORY_MB} MB (N = 5,000)", f"{pm:.0f} MB", pm < TARGET_MEMORY_MB if n >= 5000 else None))
    if ph:
        link = p["link_in_compose"] + p["link_content"]
        checks.append((f"glossary linking < {TARGET_LINK_SHARE:.0%} of the build (CPU)", f"{100 * link / pc:.1f} %",
                       link / pc < TARGET_LINK_SHARE))
    checks.append((f"course page HTML < {TARGET_PAGE_KB} KB (max over all)", f"{ps['course_page_bytes_max'] / 1024:.1f} KB",
                   ps["course_page_bytes_max"] / 1024 < TARGET_PAGE_KB))
    lines += ["| target | measured | met |", "|---|---:|---|"]
    for name, value, ok in checks:
        lines.append(f"| {name} | {value} | {'yes' if ok else 'no' if ok is not None else 'n/a at this N'} |")
    return "\n".join(lines)


# --- profile -----------------------------------------------------------------------------


def profile(project: Path, out: Path, name: str = "portal") -> str:
    """One build of ``project`` in-process under cProfile; the summaries as text."""
    os.environ.update(NO_MKDOCS_2_WARNING="1", PORTAL_TODAY=TODAY)
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    site = out / f"site-profile-{name}"
    if site.exists():
        shutil.rmtree(site)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    mkdocs_build(config)
    profiler.disable()
    wall = time.perf_counter() - start
    prof_path = out / f"{name}.prof"
    profiler.dump_stats(str(prof_path))

    buf = io.StringIO()
    stats = pstats.Stats(profiler, stream=buf)
    buf.write(f"{name.capitalize()} build under cProfile: {wall:.1f} s wall (profiling overhead included); raw: {prof_path}\n")
    buf.write("\n=== Top 25 by cumulative time ===\n")
    stats.sort_stats("cumulative").print_stats(25)
    buf.write("\n=== Top 25 by own time (tottime), files under hooks/ ===\n")
    stats.sort_stats("tottime").print_stats(r"[/\\]hooks[/\\]", 25)
    buf.write("\n=== Top 25 by cumulative time, files under hooks/ ===\n")
    stats.sort_stats("cumulative").print_stats(r"[/\\]hooks[/\\]", 25)
    buf.write("\n=== Own time (tottime) summed per package ===\n")
    totals: dict[str, float] = {}
    for (filename, _line, _func), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        totals[package_of(filename)] = totals.get(package_of(filename), 0.0) + tt
    grand = sum(totals.values())
    for name, tt in sorted(totals.items(), key=lambda kv: -kv[1])[:25]:
        buf.write(f"{tt:9.2f} s {100 * tt / grand:5.1f} %  {name}\n")
    return buf.getvalue()


def package_of(filename: str) -> str:
    """A profile entry's package: 'mkdocs', 'markdown', 'hooks/rskole/glossary.py', '<builtins>'..."""
    path = filename.replace("\\", "/")
    m = re.search(r"/hooks/(.*)$", path)
    if m:
        return "hooks/" + m.group(1)
    m = re.search(r"/site-packages/([^/]+)", path)
    if m:
        return m.group(1).removesuffix(".py")
    m = re.search(r"/lib/python3\.\d+/([^/]+)", path)
    if m:
        return "stdlib:" + m.group(1).removesuffix(".py")
    if path.startswith("~") or path.startswith("<"):
        return "<builtins>"
    return path


# --- entry point -------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", help="number of courses")
    ap.add_argument("m", type=int, nargs="?", help="number of glossary terms")
    ap.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3)")
    ap.add_argument("--out", type=Path, help="work folder (default bench/out/<N>-<M>)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--rev", help="benchmark the portal code of this git revision (default: the working tree)")
    ap.add_argument("--no-generate", action="store_true", help="reuse the projects already in --out")
    ap.add_argument("--no-phases", action="store_true", help="skip the in-process timing of the hooks' phases")
    ap.add_argument("--no-preview", action="store_true", help="skip the edit-to-served measurement of mkdocs serve")
    ap.add_argument("--preview-clean", action="store_true",
                    help="measure the preview with a plain `mkdocs serve` (full rebuilds) instead of `--dirty`")
    ap.add_argument("--baseline", type=Path, help="results.json of another N to compare with "
                                                  "(default: bench/out/1000-<M>/results.json when N != 1000)")
    ap.add_argument("--profile", action="store_true", help="one portal build under cProfile instead of the timed runs")
    ap.add_argument("--profile-plain", action="store_true", help="one plain MkDocs build under cProfile (for comparison)")
    ap.add_argument("--phases-of", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.phases_of:
        print(json.dumps(phases(args.phases_of.resolve())))
        return
    if args.n is None or args.m is None:
        ap.error("N and M are required")
    out = (args.out or generate.DEFAULT_OUT / f"{args.n}-{args.m}").resolve()
    if not args.no_generate:
        start = time.perf_counter()
        counts = generate.generate(out, args.n, args.m, args.seed, rev=args.rev)
        print(f"generated {out} in {time.perf_counter() - start:.1f} s: {json.dumps(counts)}", flush=True)
    counts = json.loads((out / "counts.json").read_text(encoding="utf-8"))
    portal, plain = out / "portal", out / "plain"

    if args.profile or args.profile_plain:
        name = "portal" if args.profile else "plain"
        text = profile(portal if args.profile else plain, out, name)
        (out / f"profile-{name}.txt").write_text(text, encoding="utf-8")
        print(text)
        return

    bare = out / "bare"
    res: dict = {"n": args.n, "m": args.m, "runs": args.runs, "code": counts.get("code"), "portal": [], "bare": [],
                 "plain": [], "phases": [], "loadavg_before": os.getloadavg()[0], "cpus": os.cpu_count()}
    for i in range(args.runs):
        # Alternate: portal, bare, twin, portal, bare, twin ...
        res["portal"].append(build(portal / "mkdocs.yml", out / "site-portal", out / "portal-build.log"))
        print(f"run {i + 1}/{args.runs}: portal {res['portal'][-1]['wall']:.2f} s", end="", flush=True)
        res["bare"].append(build(bare / "mkdocs.yml", out / "site-bare", out / "bare-build.log"))
        print(f", bare {res['bare'][-1]['wall']:.2f} s", end="", flush=True)
        res["plain"].append(build(plain / "mkdocs.yml", out / "site-plain", out / "plain-build.log"))
        print(f", twin {res['plain'][-1]['wall']:.2f} s", flush=True)
    if not args.no_preview:
        res["preview"] = preview(portal, out, args.runs, dirty=not args.preview_clean)
        print(f"preview: edit to served {', '.join(f'{t:.2f}' for t in res['preview']['served'])} s", flush=True)
    if not args.no_phases:
        for i in range(args.runs):
            res["phases"].append(run_phases(portal))
    res["loadavg_after"] = os.getloadavg()[0]
    res["portal_sizes"] = sizes(out / "site-portal")
    res["plain_sizes"] = sizes(out / "site-plain")
    res["bare_sizes"] = sizes(out / "site-bare")
    (out / "results.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")

    baseline = None
    base_path = args.baseline or (generate.DEFAULT_OUT / f"1000-{args.m}" / "results.json")
    if base_path.exists() and (args.baseline or args.n != 1000):
        baseline = json.loads(base_path.read_text(encoding="utf-8"))
    text = report(res, baseline)
    (out / "report.md").write_text(text + "\n", encoding="utf-8")
    print()
    print(text)


if __name__ == "__main__":
    main()
