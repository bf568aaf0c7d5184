"""The repository's setup for editors and CI: VS Code schema associations, pre-commit,
and the GitHub Actions workflow that publishes only after the check, tests and build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rskole.sources import load_yaml_file

REPO = Path(__file__).resolve().parents[2]


def jsonc(path: Path):
    """VS Code's settings files are JSON with // comments."""
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.strip().startswith("//"))
    return json.loads(text)


def glob_regex(pattern: str) -> re.Pattern:
    """A fileMatch glob as the YAML extension's schema service reads it (vscode-json-
    languageservice: '**/' prepended, extended globs with [classes], globstar)."""
    glob = "**/" + pattern.lstrip("/")
    out, i, in_class = "", 0, False
    while i < len(glob):
        c = glob[i]
        if in_class or c in "[]":
            in_class = c != "]"
            out += c
        elif c == "*":
            stars = 1
            while i + 1 < len(glob) and glob[i + 1] == "*":
                stars, i = stars + 1, i + 1
            prev, nxt = glob[i - stars] if i - stars >= 0 else "", glob[i + 1] if i + 1 < len(glob) else ""
            if stars > 1 and prev in ("/", "") and nxt in ("/", ""):
                if nxt == "/":
                    i += 1
                out += "((?:[^/]*(?:/|$))*)"
            else:
                out += "([^/]*)"
        elif c == "?":
            out += "."
        else:
            out += re.escape(c)
        i += 1
    return re.compile("^" + out + "$")


def schemas_for(associations: dict, path: str) -> list[str]:
    uri = "/home/redaktoer/portal/" + path
    return [schema for schema, globs in associations.items()
            if any(glob_regex(g).match(uri) for g in ([globs] if isinstance(globs, str) else globs))]


def test_vscode_associates_each_file_with_one_schema():
    settings = jsonc(REPO / ".vscode" / "settings.json")
    associations = settings["yaml.schemas"]
    for schema in associations:
        assert (REPO / schema).is_file(), schema
    portal = REPO / "tests" / "fixtures" / "portal"
    courses = [p for p in (portal / "courses").rglob("*.yml") if not p.name.startswith("_")]
    assert len(courses) > 10
    for path in courses:
        rel = path.relative_to(portal).as_posix()
        assert schemas_for(associations, rel) == ["./schemas/course.schema.json"], rel
    assert schemas_for(associations, "courses/_teachers.yml") == ["./schemas/teachers.schema.json"]
    assert schemas_for(associations, "courses/_locations.yml") == ["./schemas/locations.schema.json"]
    assert schemas_for(associations, "courses/2027-foraar/ny.yaml") == ["./schemas/course.schema.json"]
    assert schemas_for(associations, "mkdocs.yml") == []
    assert schemas_for(associations, ".github/workflows/publish.yml") == []


def test_vscode_recommends_the_yaml_extension():
    assert "redhat.vscode-yaml" in jsonc(REPO / ".vscode" / "extensions.json")["recommendations"]


def test_pre_commit_runs_the_check():
    config = load_yaml_file(REPO / ".pre-commit-config.yaml").data
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    check = next(hook for hook in hooks if hook["id"] == "rskole-check")
    assert check["language"] == "system"
    assert check["entry"] == "bash scripts/check.sh"
    assert check["pass_filenames"] is False
    for path in ("courses/haab.yml", "courses/_teachers.yml", "glossary/chime.md", "mkdocs.yml"):
        assert re.search(check["files"], path), path
    assert not re.search(check["files"], "content/index.md")


def test_publish_workflow_never_publishes_a_failed_build():
    workflow = load_yaml_file(REPO / ".github" / "workflows" / "publish.yml").data
    on = workflow["on"]
    assert on["push"]["branches"] == ["main"]
    assert re.fullmatch(r"\S+ \S+ \* \* \*", on["schedule"][0]["cron"])  # daily
    assert "workflow_dispatch" in on
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"

    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = build["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps]
    uses = [s.get("uses", "") for s in steps]

    def index(text: str) -> int:
        return next(i for i, run in enumerate(runs) if text in run)

    assert "3.11" in build["container"]
    assert "bash scripts/check.sh --format github" in runs  # problems shown on their files and lines
    assert index("apt-get install -y -qq chromium") < index("bash scripts/check.sh") < index("bash scripts/check-content.sh") \
        < index("mkdocs build --strict")
    # Publishing waits for the content checks only, never for the code tests (tests.yml).
    assert not any("scripts/test.sh" in run or "pytest" in run for run in runs)
    upload = next(i for i, u in enumerate(uses) if u.startswith("actions/upload-pages-artifact@"))
    assert upload > index("mkdocs build --strict")
    assert steps[upload]["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    assert not any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps)


def test_code_tests_run_on_push_apart_from_publishing():
    workflow = load_yaml_file(REPO / ".github" / "workflows" / "tests.yml").data
    assert "push" in workflow["on"] and "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = [s.get("run", "") for s in steps]
    assert any("bash scripts/test.sh" in run for run in runs)
    assert any("bash scripts/check-mutated.sh" in run for run in runs)
    assert not any("deploy-pages" in s.get("uses", "") or "upload-pages-artifact" in s.get("uses", "") for s in steps)
