"""Rewrite the sample courses of a copy of the project, as an editor's ordinary edits would:
new titles, summaries, descriptions, learning outcomes and session topics, and every date
moved by whole weeks (so weekly series keep their weekday and their `except` dates).

CI runs it on a throw-away copy (scripts/check-mutated.sh) to show that the code tests do
not depend on the school's content and that the content checks judge whatever it is.

    python scripts/mutate_sample.py PROJECT [--weeks N] [--seed S]
    python scripts/mutate_sample.py PROJECT --break    # add one mistake (a teacher that does not exist)

Files are read with the portal's own YAML reader and written back as plain YAML, so they
stay valid course files (comments are not kept: this is a copy).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from rskole.sources import parse_yaml, read_text  # noqa: E402

WORDS = ("mod fællesskab hverdag ro skridt samtale styrke vej tillid grænser vaner glæde "
         "omsorg netværk drømme arbejde krop søvn natur fortælling rytme hjælp værdier").split()
DATE_KEYS = {"date", "deadline"}


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def shift(value, weeks: int):
    """Move an ISO date string (or a list of them) by whole weeks."""
    if isinstance(value, list):
        return [shift(v, weeks) for v in value]
    return (date.fromisoformat(str(value)) + timedelta(weeks=weeks)).isoformat()


def mutate_course(data: dict, rng: random.Random, weeks: int, n: int) -> dict:
    data["title"] = f"Kursus {n}: {sentence(rng, 3)[:-1]}"
    data["summary"] = sentence(rng, 12)
    data["description"] = "\n\n".join(sentence(rng, rng.randint(8, 20)) for _ in range(3)) + "\n"
    if data.get("learning_outcomes"):
        data["learning_outcomes"] = [sentence(rng, 6) for _ in data["learning_outcomes"]]
    registration = data.get("registration")
    if isinstance(registration, dict) and registration.get("deadline"):
        registration["deadline"] = shift(registration["deadline"], weeks)
    for session in data.get("sessions") or []:
        for key in DATE_KEYS & session.keys():
            session[key] = shift(session[key], weeks)
        if session.get("except"):
            session["except"] = shift(session["except"], weeks)
        if session.get("topic"):
            session["topic"] = sentence(rng, 4)[:-1]
    return data


def course_files(project: Path) -> list[Path]:
    return sorted(p for p in (project / "courses").rglob("*.yml") if not p.name.startswith("_"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--weeks", type=int, default=9)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--break", dest="breaks", action="store_true")
    args = parser.parse_args(argv)
    files = course_files(args.project)
    if not files:
        print(f"no course files in {args.project / 'courses'}", file=sys.stderr)
        return 2
    if args.breaks:
        path = files[0]
        data = parse_yaml(read_text(path)).data
        data["teachers"] = [*data["teachers"][:1], "findes-ikke"]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print(f"broke {path.relative_to(args.project)}")
        return 0
    rng = random.Random(args.seed)
    for n, path in enumerate(files, 1):
        data = mutate_course(parse_yaml(read_text(path)).data, rng, args.weeks, n)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    print(f"rewrote {len(files)} course files, dates moved by {args.weeks} weeks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
