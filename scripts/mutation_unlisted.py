"""Mutation survivors that are neither killed nor listed in tests/mutation-equivalent.md.

Reads ``mutmut results --all true`` (run inside .mutation/) on stdin and prints, per module,
the score (killed / checked), the number of survivors listed as equivalent, and every
survivor that is not listed. Used by scripts/mutation.sh after a run.

The file names a mutant as ``x_name__mutmut_12``, or after such a name as `` `_13` `` or
a range `` `_14` … `_20` `` (or with an en dash) on the same line.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

LISTED = Path(__file__).resolve().parent.parent / "tests" / "mutation-equivalent.md"
KILLED = {"killed", "timeout", "segfault"}


def listed(text: str) -> set[str]:
    names: set[str] = set()
    module = None
    for line in text.splitlines():
        heading = re.match(r"## (rskole\.\w+)", line)
        if heading:
            module = heading.group(1)
            continue
        if module is None:
            continue
        base = None
        # Walk the line's back-quoted tokens in order: a full name sets the base for the
        # short `_N` forms after it; "…", "..." or a dash between two names is a range.
        tokens = re.findall(r"`([^`]+)`|(…|\.\.\.|–|—|(?<=` )-(?= `))", line)
        previous = None
        pending_range = False
        for token, ellipsis in tokens:
            if ellipsis:
                pending_range = previous is not None
                continue
            full = re.fullmatch(r"(x\S*?__mutmut_)(\d+)", token)
            short = re.fullmatch(r"_(\d+)", token)
            if full:
                base, number = full.group(1), int(full.group(2))
            elif short and base:
                number = int(short.group(1))
            else:
                pending_range = False
                continue
            if pending_range and previous is not None:
                for n in range(previous + 1, number):
                    names.add(f"{module}.{base}{n}")
            names.add(f"{module}.{base}{number}")
            previous, pending_range = number, False
    return names


def main() -> int:
    known = listed(LISTED.read_text(encoding="utf-8"))
    total: dict[str, int] = defaultdict(int)
    killed: dict[str, int] = defaultdict(int)
    equivalent: dict[str, int] = defaultdict(int)
    unlisted: dict[str, list[str]] = defaultdict(list)
    for line in sys.stdin:
        if ": " not in line:
            continue
        name, status = (part.strip() for part in line.rsplit(": ", 1))
        if status == "not checked":
            continue
        module = re.sub(r"\.x[_ǁ].*", "", name)
        total[module] += 1
        if status in KILLED:
            killed[module] += 1
        elif name in known:
            equivalent[module] += 1
        else:
            unlisted[module].append(f"{name}: {status}")
    all_killed = sum(killed.values())
    all_total = sum(total.values())
    all_equivalent = sum(equivalent.values())
    print(f"{'module':24} {'killed/checked':>15} {'equivalent':>10} {'of the rest':>12}")
    for module in sorted(total):
        rest = total[module] - equivalent[module]
        share = 100 * killed[module] / rest if rest else 100.0
        print(f"{module:24} {killed[module]:>7}/{total[module]:<7} {equivalent[module]:>10} {share:>11.1f} %")
    rest = all_total - all_equivalent
    print(f"{'all':24} {all_killed:>7}/{all_total:<7} {all_equivalent:>10} {100 * all_killed / rest if rest else 100:>11.1f} %")
    left = [name for names in unlisted.values() for name in names]
    if left:
        print(f"not killed and not listed in {LISTED.name} ({len(left)}):")
        for name in left:
            print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
