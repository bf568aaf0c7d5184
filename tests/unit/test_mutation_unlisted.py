"""scripts/mutation_unlisted.py: which survivors tests/mutation-equivalent.md names."""

import importlib.util
import io
import sys

from sitekit import REPO

spec = importlib.util.spec_from_file_location("mutation_unlisted", REPO / "scripts" / "mutation_unlisted.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

LISTING = """\
## rskole.feeds

| mutant | change | why |
|---|---|---|
| `x_fold__mutmut_3`, `_5` | a | b |
| `xǁBuildǁpage_digest__mutmut_9` … `_12` | a | b |

## rskole.views

| `x_card__mutmut_2` | a | b |
"""


def test_names_short_forms_and_ranges_are_read_per_module():
    names = tool.listed(LISTING)
    assert names == {"rskole.feeds.x_fold__mutmut_3", "rskole.feeds.x_fold__mutmut_5",
                     *(f"rskole.feeds.xǁBuildǁpage_digest__mutmut_{n}" for n in (9, 10, 11, 12)),
                     "rskole.views.x_card__mutmut_2"}
    assert "rskole.feeds.x_fold__mutmut_4" not in names


def test_score_counts_the_listed_survivors_apart(monkeypatch, capsys, tmp_path):
    listing = tmp_path / "equivalent.md"
    listing.write_text(LISTING, encoding="utf-8")
    monkeypatch.setattr(tool, "LISTED", listing)
    results = "\n".join([
        "    rskole.feeds.x_fold__mutmut_1: killed",
        "    rskole.feeds.x_fold__mutmut_2: timeout",
        "    rskole.feeds.x_fold__mutmut_3: survived",
        "    rskole.feeds.x_fold__mutmut_4: survived",
        "    rskole.feeds.x_fold__mutmut_6: not checked",
    ])
    monkeypatch.setattr(sys, "stdin", io.StringIO(results))
    assert tool.main() == 0
    out = capsys.readouterr().out
    assert "rskole.feeds" in out and "2/4" in out and "66.7 %" in out
    assert out.rstrip().endswith("rskole.feeds.x_fold__mutmut_4: survived")


def test_a_dash_between_two_names_is_a_range_too():
    names = tool.listed("## rskole.text\n\n| `x_plain__mutmut_1`–`_3`, `x_short__mutmut_4` – `_5` | a | b |\n")
    assert names == {f"rskole.text.x_plain__mutmut_{n}" for n in (1, 2, 3)} | {
        "rskole.text.x_short__mutmut_4", "rskole.text.x_short__mutmut_5"}
