"""Resource limits: hostile or absurd files end in one clear, located Danish problem,
within seconds and in bounded memory.

Each case loads its project in a fresh Python process, which reports the wall time of
``catalogue.load`` and how much its peak resident memory grew during the load (Linux's
VmHWM after resetting it, else ru_maxrss; both count pydantic's and PyYAML's native
memory too, which tracemalloc would not see). The bounds are
generous on purpose: these tests prove that a limit stops the work, not how fast a
machine is.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import COURSE, LOCATIONS, TEACHERS, TERM, write
from rskole.catalogue import MAX_PROBLEMS_PER_FILE
from rskole.schedule import MAX_SESSIONS
from rskole.sources import MAX_DEPTH, MAX_VALUES, number

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
SECONDS = 10
EXTRA_MB = 200

#: Runs in the child: load the project, report time, memory growth and the problems.
CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from zoneinfo import ZoneInfo
    sys.path.insert(0, sys.argv[1])
    from rskole.catalogue import Paths, load
    from rskole.model import SiteSettings

    def status(key):
        for line in open("/proc/self/status"):
            if line.startswith(key + ":"):
                return int(line.split()[1])  # KiB

    def reset_peak():
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")  # resets VmHWM to the current RSS (Linux 4.0+)
            return status("VmRSS") is not None
        except OSError:
            return False

    zone = ZoneInfo("Europe/Copenhagen")
    settings = SiteSettings(name="Test", timezone="Europe/Copenhagen", contact="kontakt@example.dk")
    precise = reset_peak()
    before = status("VmRSS") if precise else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    catalogue, problems = load(Paths(Path(sys.argv[2])), settings, zone)
    seconds = time.perf_counter() - start
    after = status("VmHWM") if precise else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "seconds": seconds,
        "extra_mb": (after - before) / 1024,  # KiB on Linux
        "problems": [str(p) for p in problems.sorted()],
        "courses": sorted(catalogue.courses),
    }))
    """
)


def measure(root: Path, files: dict[str, str | bytes]) -> dict:
    base = {"courses/_teachers.yml": TEACHERS, "courses/_locations.yml": LOCATIONS, "glossary/personlig-recovery.md": TERM}
    write(root, {**base, **files})
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(HOOKS), str(root)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    print(f"{root.name}: {report['seconds']:.2f} s, +{report['extra_mb']:.0f} MB, {len(report['problems'])} problem(s)")
    return report


def assert_one_clear_problem(report: dict, path: str, *needles: str, seconds: float = SECONDS, extra_mb: float = EXTRA_MB) -> str:
    assert report["seconds"] < seconds, report["seconds"]
    assert report["extra_mb"] < extra_mb, report["extra_mb"]
    file = path.split(":")[0]
    problems = [p for p in report["problems"] if p.startswith(file + ":")]
    assert len(problems) == 1, report["problems"][:5]
    [problem] = problems
    assert problem.startswith(path), problem
    assert re.fullmatch(re.escape(file) + r"(:\d+)?: \S.*", problem), problem
    for needle in needles:
        assert needle in problem, problem
    assert "Traceback" not in problem and "Error" not in problem
    return problem


def course_with(tail: str) -> str:
    """The helpers' valid course up to (not including) 'sessions:', then ``tail``."""
    return textwrap.dedent(COURSE).lstrip("\n").split("sessions:")[0] + tail


# --- a YAML alias bomb ("billion laughs") -------------------------------------------------

BOMB = "\n".join(
    ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 9)}]" for i in range(1, 9)]
    + ["title: *lol8"]
) + "\n"  # 9**9 = 387,420,489 strings from 1 KB


@pytest.mark.parametrize(
    "path, text",
    [
        ("courses/haab.yml", BOMB),
        ("courses/_teachers.yml", BOMB),
        ("glossary/lol.md", f"---\n{BOMB}---\nLol.\n"),
    ],
    ids=["course", "teachers", "glossary"],
)
def test_billion_laughs(tmp_path, path, text):
    report = measure(tmp_path, {path: text})
    problem = assert_one_clear_problem(report, path, f"mere end {number(MAX_VALUES)} værdier", "aliaser")
    # The top-level field whose expansion passed the limit: lol0 to lol3 are 8,302
    # values, lol4 alone 66,430.
    assert MAX_VALUES < 74_732
    expected_line = 5 if path.endswith(".yml") else 6
    assert problem.startswith(f"{path}:{expected_line}: "), problem


def test_alias_that_contains_itself(tmp_path):
    report = measure(tmp_path, {"courses/haab.yml": course_with("learning_outcomes: &a [x, *a]\n")})
    assert_one_clear_problem(report, "courses/haab.yml:8: ", "YAML-alias ('*navn') henviser til den liste eller opslagstabel, det selv står i")


# --- deep nesting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "title: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "title: " + "[" * 10_000 + "\n",  # never closed
        "title: " + "{a: " * 10_000 + "}" * 10_000 + "\n",
        "title:\n" + "".join(" " * i + "- a\n" + " " * i + "-\n" for i in range(1, 500)),
    ],
    ids=["flow-lists", "flow-unclosed", "flow-mappings", "block-lists"],
)
def test_deep_flow_nesting(tmp_path, text):
    report = measure(tmp_path, {"courses/haab.yml": text})
    problem = assert_one_clear_problem(report, "courses/haab.yml:", "indlejret alt for dybt", f"{MAX_DEPTH} niveauer")
    line = int(problem.split(":")[1])
    # Where the first value below the 40th level is: on the one line, or in the 40th nested list.
    assert line == (1 if text.count("\n") == 1 else 2 * MAX_DEPTH), problem


def test_deep_block_mappings(tmp_path):
    # 10,000 levels of "a:" do not fit in a file (the indentation alone is 50 MB);
    # 1,400 levels fill most of the 1 MB a file may have.
    text = "".join(" " * i + "a:\n" for i in range(1_400))
    assert len(text.encode()) < 1_000_000
    report = measure(tmp_path, {"courses/haab.yml": text})
    # The first value below the 40th level: the key on line 41 (the root mapping is line 1).
    assert_one_clear_problem(report, f"courses/haab.yml:{MAX_DEPTH + 1}: ", "indlejret alt for dybt")


def test_ten_thousand_levels_of_block_mappings_hit_the_size_limit(tmp_path):
    text = "".join(" " * i + "a:\n" for i in range(10_000))
    report = measure(tmp_path, {"courses/haab.yml": text})
    assert_one_clear_problem(report, "courses/haab.yml: ", "filen fylder 50 MB", "højst fylde 1 MB")


# --- a 50 MB file -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, head",
    [
        ("courses/haab.yml", b"title: Stor\ndescription: |\n"),
        ("courses/_locations.yml", b"vaerkstedet:\n  name: V\n  address: |\n"),
        ("glossary/stor.md", b"---\nterm: Stor\n---\n"),
    ],
    ids=["course", "locations", "glossary"],
)
def test_fifty_megabyte_file(tmp_path, path, head):
    line = "  Lang tekst om håb og recovery, igen og igen og igen.\n".encode()
    data = head + line * (50_000_000 // len(line))
    report = measure(tmp_path, {path: data})
    # Refused before it is read: memory grows by far less than the file's size.
    assert_one_clear_problem(report, f"{path}: ", "filen fylder 50 MB", "højst fylde 1 MB", extra_mb=40)


# --- 100,000 sessions ---------------------------------------------------------------------

ENTRY = '  - date: 2027-03-03\n    start: "10:00"\n    end: "12:00"\n'


def test_hundred_thousand_written_sessions_hit_the_size_limit(tmp_path):
    text = course_with("sessions:\n" + ENTRY * 100_000)
    report = measure(tmp_path, {"courses/haab.yml": text})
    size = f"{len(text.encode()) / 1_000_000:.1f}".replace(".", ",")
    assert_one_clear_problem(report, "courses/haab.yml: ", f"filen fylder {size} MB", "højst fylde 1 MB")


@pytest.mark.parametrize("entry", ["  - *s\n", "  - {}\n"], ids=["aliases", "empty-entries"])
def test_hundred_thousand_short_sessions_hit_the_value_limit(tmp_path, entry):
    # Aliases, or empty entries, make 100,000 entries fit in 600 KB.
    text = course_with('sessions:\n  - &s {date: 2027-03-03, start: "10:00", end: "12:00"}\n' + entry * 99_999)
    report = measure(tmp_path, {"courses/haab.yml": text})
    # Written values or values unfolded from aliases: either way the limit is named.
    assert_one_clear_problem(report, "courses/haab.yml:", f"mere end {number(MAX_VALUES)} værdier")


def test_ten_thousand_sessions_by_alias(tmp_path):
    # 10,000 entries are 10,000 values written and 40,000 built, under the value limit:
    # the session limit stops them before each entry is validated.
    text = course_with('sessions:\n  - &s {date: 2027-03-03, start: "10:00", end: "12:00"}\n' + "  - *s\n" * 9_999)
    report = measure(tmp_path, {"courses/haab.yml": text})
    assert_one_clear_problem(report, "courses/haab.yml:8: ", "kurset har 10.000 kursusgange", f"højst have {MAX_SESSIONS}")


def test_twelve_thousand_empty_sessions(tmp_path):
    report = measure(tmp_path, {"courses/haab.yml": course_with("sessions:\n" + "- {}\n" * 12_000)})
    assert_one_clear_problem(report, "courses/haab.yml:8: ", "kurset har 12.000 kursusgange")


def test_weekly_hundred_thousand(tmp_path):
    report = measure(tmp_path, {"courses/haab.yml": course_with("sessions:\n" + ENTRY + "    weekly: 100000\n")})
    assert_one_clear_problem(report, "courses/haab.yml:12: ", "'weekly' skal være mellem 1 og 104 (er 100000)")


def test_five_hundred_weekly_series_of_104(tmp_path):
    report = measure(tmp_path, {"courses/haab.yml": course_with("sessions:\n" + (ENTRY + "    weekly: 104\n") * 500)})
    assert_one_clear_problem(report, "courses/haab.yml:8: ", "kurset har 500 kursusgange", f"højst have {MAX_SESSIONS}")


def test_four_hundred_weekly_series_of_104(tmp_path):
    # 400 entries are allowed, but they expand to 41,600 sessions: the expansion stops at the limit.
    report = measure(tmp_path, {"courses/haab.yml": course_with("sessions:\n" + (ENTRY + "    weekly: 104\n") * 400)})
    assert_one_clear_problem(report, "courses/haab.yml:", f"mere end {MAX_SESSIONS} kursusgange")
    assert report["courses"] == []


# --- a file full of mistakes --------------------------------------------------------------


MANY = MAX_VALUES - 1_000


@pytest.mark.parametrize(
    "text",
    [
        course_with("").replace("themes: [hope]", "themes: [" + ", ".join(f"t{i}" for i in range(MANY)) + "]"),
        course_with("") + "".join(f"k{i}: 1\n" for i in range(MANY // 2)),
        course_with("sessions:\n" + (ENTRY + "    weekly: 2\n    except:\n" + "      - x\n" * 1000) * (MANY // 1006)),
    ],
    ids=["wrong-themes", "unknown-keys", "wrong-except-dates"],
)
def test_a_file_full_of_mistakes_shows_the_first(tmp_path, text):
    # As many mistakes as the value limit lets through: one line each would be tens of
    # thousands of lines, and a "did you mean" hint for each would take minutes.
    report = measure(tmp_path, {"courses/haab.yml": text})
    assert report["seconds"] < SECONDS and report["extra_mb"] < EXTRA_MB, report
    problems = report["problems"]
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    assert re.fullmatch(r"courses/haab\.yml: filen har \d+\.\d{3} fejl; her vises de første 50\. .+", problems[0]), problems[0]
    assert all(re.match(r"courses/haab\.yml:\d+: ", p) for p in problems[1:])
