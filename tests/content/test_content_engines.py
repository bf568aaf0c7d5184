"""The school's portal builds alike on MkDocs and ProperDocs (with the hooks) and on Zensical
(no hooks, from the compiled tree): the same pages, each course page with its sessions,
teachers, place and glossary links, "Bruges i", and the same feeds."""

from __future__ import annotations

import os
from datetime import date

import pytest

from enginekit import build_all, differences
from conftest import ROOT

# Proven in CI; publishing does not wait for the other engines (publish.yml skips these).
pytestmark = pytest.mark.engines


def test_three_engines_build_the_same_portal(tmp_path):
    today = os.environ.get("PORTAL_TODAY") or date.today().isoformat()
    sites = build_all(ROOT, tmp_path, today=today)
    assert differences(sites) == []
