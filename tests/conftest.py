"""Shared fixtures: temporary projects made from the repository's hooks and theme."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitekit import REPO, BuildResult, make_project, run_build


@pytest.fixture
def project(tmp_path):
    def factory(fixture: str | None = "spec-example", files: dict | None = None, mkdocs_yml: str | None = None) -> Path:
        return make_project(tmp_path / "project", fixture, files, mkdocs_yml)

    return factory


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuildResult:
    """The repository's own sample portal, built once per test session."""
    root = tmp_path_factory.mktemp("sample")
    for folder in ("content", "courses", "glossary", "hooks", "theme"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
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
