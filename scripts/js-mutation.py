"""A mutation pass over the browser scripts' logic (theme/assets/rs-logic.js), by hand-
written mutants: each is a small realistic bug; the Node tests must fail on every one.

Usage: .venv/bin/python scripts/js-mutation.py    (prints each mutant and the score)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOGIC = ROOT / "theme" / "assets" / "rs-logic.js"

MUTANTS = [
    ("step starts after now, not at it", "Date.parse(steps[i].start) <= now", "Date.parse(steps[i].start) < now"),
    ("step ignores its start", "if (steps[i].start && Date.parse(steps[i].start) <= now) current = steps[i];", "current = steps[i];"),
    ("first step skipped", "var current = steps[0];", "var current = steps[1] || steps[0];"),
    ("a session ending now is not past", "var past = Date.parse(s.end) <= now;", "var past = Date.parse(s.end) < now;"),
    ("a cancelled session can be next", "if (!past && !s.cancelled && !nextFound) {", "if (!past && !nextFound) {"),
    ("every later session is next", "        nextFound = true;\n", ""),
    ("cancelled course gets a next session", "var nextFound = !!noNext;", "var nextFound = false;"),
    ("all values of a group must match", "return groups[k].some(", "return groups[k].every("),
    ("the excepted group still counts", "if (k === except) return true;", ""),
    ("option count ignores the other choices", "&& matches(facets, groups, key)", ""),
    ("touching sessions clash", "Date.parse(sorted[j].start) < Date.parse(sorted[i].end)", "Date.parse(sorted[j].start) <= Date.parse(sorted[i].end)"),
    ("a course clashes with itself", "if (sorted[i].slug !== sorted[j].slug)", "if (true)"),
    ("clashes not sorted by start", "var sorted = items.slice().sort(function (a, b) { return Date.parse(a.start) - Date.parse(b.start); });", "var sorted = items.slice();"),
]


def run_tests(tree: Path) -> bool:
    proc = subprocess.run(["node", "--test", str(tree / "tests" / "js")], capture_output=True, text=True)
    return proc.returncode == 0


def main() -> int:
    source = LOGIC.read_text(encoding="utf-8")
    killed = 0
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        shutil.copytree(ROOT / "tests" / "js", tree / "tests" / "js")
        (tree / "theme" / "assets").mkdir(parents=True)
        target = tree / "theme" / "assets" / "rs-logic.js"
        target.write_text(source, encoding="utf-8")
        if not run_tests(tree):
            print("the tests fail without any mutant")
            return 1
        for name, old, new in MUTANTS:
            if old not in source:
                print(f"mutant not applicable (code changed?): {name}")
                return 1
            target.write_text(source.replace(old, new, 1), encoding="utf-8")
            caught = not run_tests(tree)
            killed += caught
            print(f"{'killed  ' if caught else 'SURVIVED'} {name}")
    print(f"{killed}/{len(MUTANTS)} mutants killed ({100 * killed // len(MUTANTS)} %)")
    return 0 if killed == len(MUTANTS) else 1


if __name__ == "__main__":
    sys.exit(main())
