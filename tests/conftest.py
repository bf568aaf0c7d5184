"""Shared fixtures: temporary projects made from the repository's hooks and theme.

Code tests never read the school's own content (courses/, glossary/, content/): an
editor's ordinary edit must not fail them. ``sample_site`` is the fixture portal in
tests/fixtures/portal (a frozen copy of the sample content), built with PORTAL_TODAY.
The real content is judged only by the content checks in tests/content/.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sitekit import BuildResult, make_project, run_build


@pytest.fixture
def project(tmp_path):
    def factory(fixture: str | None = "spec-example", files: dict | None = None, mkdocs_yml: str | None = None) -> Path:
        return make_project(tmp_path / "project", fixture, files, mkdocs_yml)

    return factory


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuildResult:
    """The fixture portal (tests/fixtures/portal), built once per test session."""
    root = make_project(tmp_path_factory.mktemp("sample") / "p", "portal")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def spec_site(tmp_path_factory) -> BuildResult:
    root = make_project(tmp_path_factory.mktemp("spec") / "p", "spec-example")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def states_site(tmp_path_factory) -> BuildResult:
    """tests/fixtures/states: a course in every registration state, built on 2027-03-01."""
    root = make_project(tmp_path_factory.mktemp("states") / "p", "states")
    result = run_build(root, today="2027-03-01")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def machine_zone():
    """Set the build machine's own time zone (TZ) for one test."""
    old = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()
