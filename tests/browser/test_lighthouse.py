"""Lighthouse: accessibility, best practices and SEO at 100 on the front page, the
catalogue, a course page and the mini-ordbog (performance is reported only)."""

from __future__ import annotations

import importlib.util

import pytest

from sitekit import REPO

pytestmark = pytest.mark.browser


def test_lighthouse_scores(sample_site, capsys):
    spec = importlib.util.spec_from_file_location("lighthouse_script", REPO / "scripts" / "lighthouse.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.LIGHTHOUSE.exists(), "run 'npm ci' (scripts/test.sh does) to install lighthouse"
    results, ok = script.run(sample_site.site)
    with capsys.disabled():
        for name, r in results.items():
            print(f"\nLighthouse {name}: {r['scores']}")
    failing = {name: (r["scores"], r["failing"]) for name, r in results.items()
               if any(r["scores"][c] != 100 for c in script.GATED)}
    assert failing == {}
