"""Lighthouse on the site served compressed, as deploy/ configures real hosts:
accessibility, best practices and SEO at 100 on the front page, the catalogue, a course
page, the calendar and the mini-ordbog; performance, FCP, LCP, CLS and bytes are
reported (two shared cores make the score too noisy to gate), and the catalogue's
layout shift, which is not noisy, is held below 0.05."""

from __future__ import annotations

import importlib.util
import urllib.request

import pytest

from sitekit import REPO

pytestmark = pytest.mark.browser


def load_script():
    spec = importlib.util.spec_from_file_location("lighthouse_script", REPO / "scripts" / "lighthouse.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_site_is_served_compressed_as_hosts_do(sample_site):
    script = load_script()
    server, base = script.serve(sample_site.site)
    try:
        for path in ("kurser/", "assets/portal.css", "assets/portal.js"):
            req = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(req) as resp:
                body = resp.read()
                assert resp.headers["Content-Encoding"] == "gzip", path
                assert int(resp.headers["Content-Length"]) == len(body)
            plain = (sample_site.site / (path + "index.html" if path.endswith("/") else path)).stat().st_size
            assert len(body) < plain / 2, path
        with urllib.request.urlopen(base + "kurser/") as resp:  # no Accept-Encoding: plain
            assert resp.headers.get("Content-Encoding") is None
    finally:
        server.shutdown()


def test_lighthouse_scores(sample_site, capsys):
    script = load_script()
    assert script.LIGHTHOUSE.exists(), "run 'npm ci' (scripts/test.sh does) to install lighthouse"
    results, ok = script.run(sample_site.site)
    with capsys.disabled():
        print("\n" + script.table(results))
    assert set(results) == {"Forside", "Kurser", "Et kursus", "Kalender", "Mini-ordbog"}
    failing = {name: (r["scores"], r["failing"]) for name, r in results.items()
               if any(r["scores"][c] != 100 for c in script.GATED)}
    assert failing == {}
    assert all(r["metrics"]["bytes"] > 0 and r["metrics"]["fcp_s"] > 0 for r in results.values())
    assert results["Kurser"]["metrics"]["cls"] < 0.05
