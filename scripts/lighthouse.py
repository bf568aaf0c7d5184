"""Lighthouse report for the built portal, served as real hosts serve it (compressed).

Accessibility, best practices and SEO must be 100 on the front page, the catalogue, a
course page, the calendar and the mini-ordbog; performance (mobile, simulated slow 4G)
is reported with FCP, LCP, CLS and the bytes transferred, not gated (two shared cores
make the score noisy; take the median of several runs).

    .venv/bin/python scripts/lighthouse.py [site_dir] [--runs 3]      # default: site/

The site is served with gzip, as deploy/nginx.conf (`gzip on`) and deploy/Caddyfile
(`encode zstd gzip`) serve it: Python's http.server alone sends everything uncompressed,
which no real host does, and would make every page look several times heavier.

Needs `npm ci` (lighthouse 12.8.2 runs on the machine's Node 20) and /usr/bin/chromium.
Exits 1 when a gated score is below 100.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"Forside": "", "Kurser": "kurser/", "Et kursus": "kurser/haab-i-hverdagen/", "Kalender": "kalender/",
         "Mini-ordbog": "ordbog/"}
GATED = ("accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
#: What deploy/ compresses (nginx gzip_types, Caddy's encode defaults).
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".txt", ".map")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that accept it (as deploy/ configures
    nginx and Caddy), with Content-Length and Vary set."""

    cache: dict = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        key = str(path)
        if key not in self.cache:
            self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(CompressingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


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
    audits = report["audits"]
    scores = {k: round((v["score"] or 0) * 100) for k, v in report["categories"].items()}
    failing = [a["title"] for a in audits.values()
               if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
               and any(a["id"] in [r["id"] for r in report["categories"][c]["auditRefs"]] for c in GATED)]

    def value(audit_id: str) -> float:
        return float((audits.get(audit_id) or {}).get("numericValue") or 0)

    blocking = audits.get("render-blocking-resources", {}).get("details", {}) or {}
    metrics = {
        "fcp_s": value("first-contentful-paint") / 1000,
        "lcp_s": value("largest-contentful-paint") / 1000,
        "cls": value("cumulative-layout-shift"),
        "bytes": value("total-byte-weight"),
        "render_blocking_s": float(blocking.get("overallSavingsMs") or 0) / 1000,
    }
    return {"scores": scores, "failing": failing, "metrics": metrics}


def median_of(runs: list[dict]) -> dict:
    """The run with the median performance score (its metrics belong together); gated
    scores and failures from every run (a category must be 100 in each)."""
    ordered = sorted(runs, key=lambda r: r["scores"]["performance"])
    mid = dict(ordered[len(ordered) // 2])
    mid["scores"] = dict(mid["scores"])
    for c in GATED:
        mid["scores"][c] = min(r["scores"][c] for r in runs)
    mid["failing"] = sorted({f for r in runs for f in r["failing"]})
    mid["performance_all"] = [r["scores"]["performance"] for r in runs]
    return mid


def run(site: Path, runs: int = 1, pages: dict | None = None) -> tuple[dict[str, dict], bool]:
    server, base = serve(site)
    results, ok = {}, True
    try:
        for name, path in (pages or PAGES).items():
            results[name] = median_of([audit(base + path) for _ in range(runs)])
            ok = ok and all(results[name]["scores"].get(c) == 100 for c in GATED)
    finally:
        server.shutdown()
    return results, ok


def table(results: dict[str, dict]) -> str:
    """The README's table (Markdown)."""
    lines = ["| page | performance | FCP | LCP | CLS | transferred | render-blocking | a11y / BP / SEO |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, r in results.items():
        s, m = r["scores"], r["metrics"]
        lines.append(f"| {name} ({PAGES.get(name, '') or '/'}) | {s['performance']} | {m['fcp_s']:.1f} s | "
                     f"{m['lcp_s']:.1f} s | {m['cls']:.3f} | {m['bytes'] / 1024:.0f} KiB | "
                     f"{m['render_blocking_s']:.2f} s | {s['accessibility']} / {s['best-practices']} / {s['seo']} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("site", nargs="?", default=str(ROOT / "site"))
    ap.add_argument("--runs", type=int, default=1, help="runs per page; the median is reported")
    args = ap.parse_args()
    results, ok = run(Path(args.site), args.runs)
    print(table(results))
    for name, r in results.items():
        if len(r["performance_all"]) > 1:
            print(f"{name}: performance in each run {r['performance_all']}")
        for title in r["failing"]:
            print(f"{name} fejler: {title}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
