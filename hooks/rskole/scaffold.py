"""New course and glossary files from commented Danish templates.

A new file is valid as written (it builds), so an editor starts from something that
works and changes it one field at a time. Teacher and place ids are the first suitable
ones in ``_teachers.yml`` and ``_locations.yml``; the comments say to change them.
Nothing existing is ever overwritten.
"""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .catalogue import Paths, course_files
from .danish import is_slug, slugify
from .model import Location, Teacher
from .sources import SourceError, load_markdown_file, load_yaml_file, parse_yaml


class ScaffoldError(Exception):
    """The file cannot be made (it exists, the title gives no name, ...); a Danish message."""


#: Used when _teachers.yml / _locations.yml have no suitable entry; the file then does
#: not build until the editor writes real ids, and the command says so.
PLACEHOLDER_LIVED = "skriv-id-paa-underviser-med-levede-erfaringer"
PLACEHOLDER_PROFESSIONAL = "skriv-id-paa-fagprofessionel-underviser"


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML value: plain when it reads back unchanged, else double-quoted."""
    try:
        if parse_yaml(f"v: {text}\n").data == {"v": text} and not text.startswith(("'", '"')):
            return text
    except SourceError:
        pass
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted strings


def _slug_for(title: str, what: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError(f"Skriv en titel på {what}, fx \"Håb og mod\".")
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"Titlen \"{title}\" giver intet filnavn; brug bogstaver eller tal i titlen.")
    return slug


def _entries(path: Path, model) -> list[tuple[str, Any]]:
    """Valid (id, entry) pairs of an id file, in file order; none if it cannot be read."""
    try:
        data = load_yaml_file(path).data
    except (SourceError, OSError):
        return []
    if not isinstance(data, dict):
        return []
    found = []
    for key, value in data.items():
        try:
            if is_slug(str(key)):
                found.append((str(key), model.model_validate(value)))
        except ValueError:  # pydantic's ValidationError: an entry the check reports itself
            continue
    return found


def _today(environ: dict | None) -> date:
    override = (os.environ if environ is None else environ).get("PORTAL_TODAY", "").strip()
    try:
        return date.fromisoformat(override) if override else date.today()
    except ValueError:
        return date.today()


def schema_modeline(root: Path, target: Path, schema: str = "course.schema.json") -> str:
    rel = Path(os.path.relpath(root / "schemas" / schema, target.parent)).as_posix()
    return f"# yaml-language-server: $schema={rel}"


def _course_folder(root: Path, courses_dir: str, folder: str | None) -> Path:
    base = root / courses_dir
    if not folder:
        return base
    parts = [p for p in folder.replace("\\", "/").split("/") if p]
    if not parts or folder.startswith("/") or any(not is_slug(p) for p in parts):
        suggestion = "/".join(slugify(p) for p in parts if slugify(p)) or "2027-foraar"
        raise ScaffoldError(
            f"Mappenavnet '{folder}' kan ikke bruges; brug små bogstaver a-z, tal og bindestreger, fx '{suggestion}'."
        )
    return base.joinpath(*parts)


def new_course(root: Path, title: str, courses_dir: str = "courses", folder: str | None = None,
               environ: dict | None = None) -> tuple[Path, list[str]]:
    """Write ``courses/[folder/]<slug>.yml``; returns its path and warnings for the editor."""
    slug = _slug_for(title, "kurset")
    title = " ".join(title.split())
    target = _course_folder(root, courses_dir, folder) / f"{slug}.yml"
    rel = Path(os.path.relpath(target, root)).as_posix()
    if target.exists():
        raise ScaffoldError(f"Filen {rel} findes allerede; den bliver ikke overskrevet. Vælg en anden titel, eller ret den eksisterende fil.")
    for existing in course_files(Paths(root, courses_dir)):
        if existing.stem == slug:
            other = Path(os.path.relpath(existing, root)).as_posix()
            raise ScaffoldError(
                f"Der findes allerede et kursus med navnet '{slug}' ({other}); to kurser kan ikke have samme filnavn, "
                "heller ikke i hver sin mappe. Vælg en anden titel, eller ret den eksisterende fil."
            )

    warnings: list[str] = []
    teachers = _entries(root / courses_dir / "_teachers.yml", Teacher)
    lived = next(((tid, t) for tid, t in teachers if t.role in ("peer", "relative")), None)
    professional = next(((tid, t) for tid, t in teachers if t.role == "professional"), None)
    if lived is None or professional is None:
        warnings.append(
            f"{courses_dir}/_teachers.yml har ikke både en underviser med rollen peer eller relative og en med rollen "
            "professional; skriv de rigtige id'er under 'teachers', før kurset kan bygges."
        )
    lived_id, lived_name = (lived[0], lived[1].name) if lived else (PLACEHOLDER_LIVED, "?")
    prof_id, prof_name = (professional[0], professional[1].name) if professional else (PLACEHOLDER_PROFESSIONAL, "?")
    places = _entries(root / courses_dir / "_locations.yml", Location)

    first = _today(environ) + timedelta(days=28)
    skipped = first + timedelta(weeks=2)
    deadline = first - timedelta(days=7)
    if places:
        place_id, place = places[0]
        where = (
            "# Kursusform: in-person (fremmøde), online eller hybrid (fremmøde eller online).\n"
            "format: in-person\n"
            "\n"
            f"# Stedet: et id fra {courses_dir}/_locations.yml. Påkrævet ved in-person og hybrid; slet linjen ved online.\n"
            f"# SKIFT det ud med kursets eget sted: her står {place.name}, det første sted i filen.\n"
            f"location: {place_id}\n"
        )
    else:
        where = (
            "# Kursusform: in-person (fremmøde), online eller hybrid (fremmøde eller online).\n"
            f"# Der er ingen steder i {courses_dir}/_locations.yml endnu, så kurset står som online.\n"
            "# Ved in-person og hybrid: skriv 'location: <id>' med et id fra _locations.yml.\n"
            "format: online\n"
        )
        warnings.append(f"{courses_dir}/_locations.yml har ingen steder; kurset er oprettet som online.")

    text = COURSE_TEMPLATE.format(
        modeline=schema_modeline(root, target),
        heading=title,
        rel=rel,
        url=f"/kurser/{slug}/",
        title=yaml_scalar(title),
        courses=courses_dir,
        lived_id=lived_id,
        lived_name=lived_name,
        prof_id=prof_id,
        prof_name=prof_name,
        where=where,
        first=first.isoformat(),
        skipped=skipped.isoformat(),
        deadline=deadline.isoformat(),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as fd:  # "x": never overwrite, even in a race
        fd.write(text)
    return target, warnings


def new_term(root: Path, title: str, glossary_dir: str = "glossary") -> tuple[Path, list[str]]:
    """Write ``glossary/<slug>.md``; returns its path and warnings for the editor."""
    slug = _slug_for(title, "ordet")
    title = " ".join(title.split())
    folder = root / glossary_dir
    target = folder / f"{slug}.md"
    rel = Path(os.path.relpath(target, root)).as_posix()
    if target.exists():
        raise ScaffoldError(f"Filen {rel} findes allerede; den bliver ikke overskrevet. Ret den eksisterende fil i stedet.")
    word = " ".join(title.lower().split())
    if folder.is_dir():
        for path in sorted(folder.rglob("*.md")):
            try:
                meta = load_markdown_file(path).meta.data
            except (SourceError, OSError):
                continue
            if not isinstance(meta, dict):
                continue
            forms = meta.get("forms")
            forms = [forms] if isinstance(forms, str) else forms if isinstance(forms, list) else []
            words = [meta.get("term"), *forms]
            if any(isinstance(w, str) and " ".join(w.lower().split()) == word for w in words):
                other = Path(os.path.relpath(path, root)).as_posix()
                raise ScaffoldError(
                    f"Ordet '{title}' findes allerede i ordbogen ({other}); et ord kan kun høre til ét opslag. "
                    "Ret den eksisterende fil i stedet."
                )
    text = TERM_TEMPLATE.format(term=yaml_scalar(title), rel=rel, glossary=glossary_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as fd:
        fd.write(text)
    return target, []


COURSE_TEMPLATE = """\
{modeline}
#
# Nyt kursus: {heading}
#
# Filen er lavet med "new kursus" og kan bygges, som den står. Skift eksemplerne ud
# med kursets rigtige indhold, før du committer: kurset bliver vist på siden, så snart
# filen er committet.
#
# - Filnavnet er kursets adresse på siden: {rel} bliver {url}
#   (omdøb filen, hvis adressen skal være en anden; kun a-z, tal og bindestreger).
# - Linjer, der begynder med #, er kommentarer. De bliver ikke vist nogen steder.
#   Fjern # foran en linje for at bruge et valgfrit felt.
# - Indrykning betyder noget: brug mellemrum, aldrig tabulator.
# - Tjek filen med: bash scripts/check.sh

# Kursets titel, som den vises på siden. (Påkrævet)
title: {title}

# Én sætning om kurset, højst 200 tegn. Vises i kursusoversigten. (Påkrævet)
summary: Skriv én sætning om, hvad kurset handler om.

# Beskrivelse af kurset i Markdown. Teksten står indrykket med to mellemrum under
# "description: |". En tom linje giver et nyt afsnit; "- " i starten af en linje giver
# en punktliste. (Påkrævet)
description: |
  Skriv her, hvad kurset handler om, hvem det er for, og hvordan en kursusgang foregår.

  Et nyt afsnit begynder efter en tom linje.

# Hvad deltagerne får ud af kurset: ét punkt pr. linje, der begynder med "- ". (Valgfri)
learning_outcomes:
  - Du får redskaber til ...

# CHIME-temaer, mindst ét: connectedness (forbundethed), hope (håb og optimisme),
# identity (identitet), meaning (mening), empowerment (empowerment). (Påkrævet)
themes: [hope]

# Målgrupper, mindst én: citizens (borgere med psykiske vanskeligheder),
# relatives (pårørende), professionals (fagprofessionelle). (Påkrævet)
audiences: [citizens, relatives]

# Underviserne: id'er fra {courses}/_teachers.yml. Mindst én med rollen peer eller relative
# (levede erfaringer) og mindst én med rollen professional (fagprofessionel). (Påkrævet)
# SKIFT dem ud med kursets egne undervisere: her står {lived_name} og {prof_name},
# de første af hver slags i filen.
teachers: [{lived_id}, {prof_id}]

{where}
# Link til onlinemødet, begynder med https://. Kun ved online og hybrid. (Valgfri)
# online_url: https://moede.example.dk/mit-kursus

# Antal pladser, et helt tal. Uden feltet vises intet antal. (Valgfri)
# capacity: 14

# Status: open (åben for tilmelding), waitlist (venteliste), full (fuldt booket)
# eller cancelled (hele kurset er aflyst; det bliver stående på siden som aflyst).
status: open

# Tilmelding: mindst én af url, email og phone. Uden "registration" vises skolens
# kontaktoplysninger fra mkdocs.yml. (Valgfri)
# registration:
#   url: https://recoveryskolen.example.dk/tilmelding
#   email: tilmelding@example.dk
#   phone: "+45 12 34 56 78"        # i anførselstegn
#   deadline: {deadline}            # sidste dag for tilmelding, ÅÅÅÅ-MM-DD
#   note: Husk at skrive, hvis du har brug for tolk.

# Ord fra mini-ordbogen, vist som "Ord på kurset": filnavne i glossary/ uden .md. (Valgfri)
# glossary: [personlig-recovery, chime]

# Kursusgangene. Hver kursusgang begynder med "- date:". Datoer skrives ÅÅÅÅ-MM-DD,
# klokkeslæt "TT:MM" i anførselstegn (24 timer, lokal tid). Skriv "sessions: []", hvis
# datoerne ikke ligger fast endnu (siden viser "datoer følger").
sessions:
  - date: {first}
    start: "10:00"
    end: "12:00"
    topic: Første gang            # emnet for kursusgangen (valgfrit)
    # weekly: 6                   # gentag ugentligt: denne gang og de næste 5 uger
    # except: [{skipped}]        # med weekly: datoer, der springes over (fx en helligdag)
    # location: biblioteket       # denne gang et andet sted (id fra _locations.yml)
    # cancelled: true             # denne gang er aflyst (vises overstreget)
"""

TERM_TEMPLATE = """\
---
# Nyt ord i mini-ordbogen ({rel}). Filen er lavet med "new ord" og kan bygges,
# som den står. Skift eksemplerne ud, før du committer. Filnavnet er ordets adresse.
# Linjer, der begynder med #, er kommentarer; fjern # for at bruge et valgfrit felt.
# Tjek filen med: bash scripts/check.sh

# Ordet, som det vises i ordbogen. (Påkrævet)
term: {term}

# Andre bøjningsformer, der også skal genkendes og linkes i teksterne, fx ental,
# flertal og bestemt form. Et ord eller en form kan kun høre til ét opslag. (Valgfri)
forms: []
# forms: [levet erfaring, levede erfaringers]

# Beslægtede ord: filnavne i {glossary}/ uden .md. (Valgfri)
# see_also: [erfaringskompetence, peer-stoette]

# Hvor definitionen kommer fra: tekst eller et Markdown-link. (Valgfri)
# source: Socialstyrelsen
---
Skriv en kort definition her, i én eller to sætninger. Det første afsnit vises, når man holder musen over ordet, og i søgeresultater.

Skriv gerne mere i de næste afsnit: eksempler, baggrund og hvordan ordet bruges på recoveryskolen.
"""
