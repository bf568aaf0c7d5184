"""Screenshots of built pages as a visitor sees them, for looking at before a change lands.

Usage: .venv/bin/python scripts/shots.py SITE_DIR OUT_DIR PATH [PATH ...] [--full] [--now ISO]

Each PATH (e.g. kurser/haab/) is shot at 390 x 844 and 1280 x 800: the first screen, or
the whole page with --full. --now fixes the browser's clock (the in-browser re-check).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))
from browser_helpers import guard_requests, serve  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("out")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--now")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server, url = serve(Path(args.site))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, (w, h) in SIZES.items():
            ctx = browser.new_context(viewport={"width": w, "height": h}, locale="da-DK",
                                      timezone_id="Europe/Copenhagen")
            guard_requests(ctx)
            page = ctx.new_page()
            if args.now:
                page.clock.install(time=args.now)
            for path in args.paths:
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                stem = path.strip("/").replace("/", "_") or "index"
                target = out / f"{stem}-{name}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target)
            ctx.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
