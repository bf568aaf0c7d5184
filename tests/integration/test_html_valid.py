"""The Nu HTML Checker reports no errors on the built sites."""

from __future__ import annotations

from sitecheck import vnu_errors
from sitekit import make_project, run_build


def test_built_sites_are_valid_html(sample_site, spec_site, tmp_path):
    hostile = run_build(make_project(tmp_path / "hostile", "hostile"))
    assert hostile.returncode == 0, hostile.stderr
    assert vnu_errors(sample_site.site, spec_site.site, hostile.site) == []


def test_checker_finds_errors(tmp_path):
    # The filter must not hide real errors: a broken page is reported.
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=da><title>x</title><p><div></span>")
    assert vnu_errors(tmp_path)
