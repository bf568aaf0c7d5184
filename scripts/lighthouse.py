"""Lighthouse report for the built portal: accessibility, best practices and SEO must
be 100 on the front page, the catalogue, a course page and the mini-ordbog; performance
is reported, not gated (two shared cores make it noisy).

    .venv/bin/python scripts/lighthouse.py [site_dir]      # default: site/

Needs `npm ci` (lighthouse 12.8.2 runs on the machine's Node 20) and /usr/bin/chromium.
Exits 1 when a gated score is below 100.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"Forside": "", "Kurser": "kurser/", "Et kursus": "kurser/haab-i-hverdagen/", "Mini-ordbog": "ordbog/"}
GATED = ("accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=accessibility,best-practices,seo,performance",
             f"--chrome-flags={CHROME_FLAGS}", "--max-wait-for-load=30000"],
            check=True, env=env, timeout=300,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {k: round((v["score"] or 0) * 100) for k, v in report["categories"].items()}
    failing = [a["title"] for a in report["audits"].values()
               if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
               and any(a["id"] in [r["id"] for r in report["categories"][c]["auditRefs"]] for c in GATED)]
    return {"scores": scores, "failing": failing}


def run(site: Path) -> tuple[dict[str, dict], bool]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results, ok = {}, True
    try:
        for name, path in PAGES.items():
            results[name] = audit(base + path)
            ok = ok and all(results[name]["scores"].get(c) == 100 for c in GATED)
    finally:
        server.shutdown()
    return results, ok


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    results, ok = run(site)
    print(f"{'side':<12} {'tilgængelighed':>15} {'best practices':>15} {'SEO':>5} {'ydelse':>7}")
    for name, r in results.items():
        s = r["scores"]
        print(f"{name:<12} {s['accessibility']:>15} {s['best-practices']:>15} {s['seo']:>5} {s['performance']:>7}")
        for title in r["failing"]:
            print(f"    fejler: {title}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
