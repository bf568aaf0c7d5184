"""Generate a synthetic catalogue for the scale benchmark (issue 8), and its plain twin.

    .venv/bin/python bench/generate.py N M [--out bench/out/N-M] [--seed 2026] [--no-git]

makes two project folders under ``--out``:

``portal/``
    The content-model format: N courses in ``courses/<term>/`` (Danish descriptions of
    about 300 words, weekly series of 6-8 sessions in 2027 with an ``except`` date or a
    cancelled session now and then, every CHIME theme, audience and format, two or three
    teachers that obey the co-teaching rule), 60 teachers, 10 places, M glossary terms
    whose forms occur in the descriptions, the repository's ``content/`` pages, and a copy
    of the repository's ``mkdocs.yml``, ``hooks/`` and ``theme/``. It is made a git
    repository with one commit (the Atom feed dates courses from git, as in production).

``plain/``
    The baseline: plain MkDocs + mkdocs-material with the same theme settings, search and
    Markdown extensions, NO hooks, over the same number of equivalent Markdown pages: a
    page per course (the same description, outcomes, sessions, teachers and place), per
    term, teacher, place and theme, the same index pages (catalogue, calendar, archive,
    programme, plan, glossary, teachers, places, themes) and the same content pages.
    Detail pages are ``not_in_nav``, like the portal's generated pages.

``bare/``
    The floor (issue 17): MkDocs at its barest. Plain MkDocs 1.6.1 + mkdocs-material with
    ``theme: {name: material, language: da, font: false, features: [navigation.prune]}``,
    ``plugins: [search: {lang: da}]``, no ``markdown_extensions``, no custom_dir, only the
    front page in ``nav``, and as many pages as the portal builds: a page per course (its
    title, description and a list of its session dates), a page per term, and filler
    pages (the teachers' bios, the places, the index pages' names) up to the portal's page
    count.

Everything is derived from one seeded ``random.Random``: the same N, M and seed give
byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "bench" / "out"

THEMES = ["connectedness", "hope", "identity", "meaning", "empowerment"]
THEME_NAMES = {"connectedness": "Forbundethed", "hope": "Håb og optimisme", "identity": "Identitet",
               "meaning": "Mening", "empowerment": "Empowerment"}
AUDIENCES = ["citizens", "relatives", "professionals"]
AUDIENCE_NAMES = {"citizens": "Borgere", "relatives": "Pårørende", "professionals": "Fagprofessionelle"}
FORMATS = ["in-person", "online", "hybrid"]
TEACHER_COUNT = 60
PLACE_COUNT = 10

# --- Danish text -----------------------------------------------------------------------

SENTENCES = [
    # recovery
    "Recovery betyder at komme sig, men det betyder ikke nødvendigvis, at alle symptomer forsvinder.",
    "Det handler om at leve et liv, der giver mening for dig, også selvom der stadig er svære dage.",
    "Ingen recoveryproces ligner en anden, og der findes ikke én rigtig vej.",
    "Mange oplever, at bedring sker i små skridt og ofte med tilbageslag undervejs.",
    "Vi tager udgangspunkt i det, du selv synes er vigtigt i dit liv lige nu.",
    "Du behøver ikke have en diagnose for at deltage.",
    "Forskning og erfaring peger i samme retning: relationer, håb og mening betyder meget for at komme sig.",
    # hope
    "Håb kan være svært at finde, når man står midt i en krise.",
    "Nogle gange må andre bære håbet for én, indtil man selv kan tage det tilbage.",
    "Vi deler historier om det, der har givet os håb, og om det, der har taget det.",
    "Små succeser i hverdagen kan være det, der tænder håbet igen.",
    "Det er tilladt at tvivle, og det er tilladt at håbe på samme tid.",
    "Mange fortæller, at det første lille skridt var det sværeste, og at det blev lettere bagefter.",
    # peer support
    "Underviserne bruger både deres faglige viden og deres egne levede erfaringer.",
    "Den ene underviser har selv kendt til psykiske vanskeligheder, den anden er fagprofessionel.",
    "Når man møder nogen, der har været et lignende sted, kan det give et helt særligt håb.",
    "Deltagerne lærer lige så meget af hinanden som af underviserne.",
    "Vi mødes som ligeværdige, og alle erfaringer er lige vigtige.",
    "Du kan dele så meget eller så lidt, som du har lyst til.",
    "Det er helt i orden bare at lytte de første gange.",
    "Ingen bliver bedt om at fortælle noget, de ikke har lyst til at dele.",
    # everyday life
    "Vi arbejder med konkrete redskaber, du kan bruge derhjemme mellem kursusgangene.",
    "Søvn, mad, bevægelse og gode rutiner kan gøre en stor forskel, også når det går op og ned.",
    "Hverdagen kan føles uoverskuelig, når energien er lav og tankerne fylder.",
    "Vi ser på, hvordan man kan dele dagen op i mindre bidder og huske at holde pauser.",
    "Mange oplever, at det hjælper at skrive ned, hvad der gav energi, og hvad der tog den.",
    "Vi taler om, hvordan man siger til og fra over for familie, venner og arbejde.",
    "Kontakten med kommunen, jobcentret eller behandlingssystemet kan fylde meget i hverdagen.",
    "Vi øver os i at forberede svære samtaler, så man står stærkere i mødet med andre.",
    "En god hverdag er sjældent en perfekt hverdag, men en hverdag, man kan holde til.",
    # relatives
    "Som pårørende kan man let glemme at passe på sig selv.",
    "Det er hårdt at stå ved siden af og ikke kunne fikse det, der gør ondt.",
    "Pårørende har også brug for et frirum, hvor de kan tale åbent om det, der er svært.",
    "Mange pårørende oplever skyld, vrede og sorg på én gang, og alle følelser er velkomne her.",
    # meaning and identity
    "En diagnose siger noget om en del af dig, men aldrig om hele dig.",
    "Vi undersøger, hvilke værdier og interesser der er vigtige for dig.",
    "Mening kan komme fra arbejde, frivilligt arbejde, kreativitet eller fællesskab med andre.",
    "Mange har oplevet, at deres erfaringer med tiden kan bruges til gavn for andre.",
    "Vi ser på de styrker, du allerede har, også dem, du måske har glemt.",
    "Det kan tage tid at finde ud af, hvem man er, når sygdommen har fyldt i mange år.",
    # connectedness
    "Ensomhed er noget, mange med psykiske vanskeligheder kender alt for godt.",
    "Fællesskabet på holdet bliver for mange en vigtig del af kurset.",
    "Vi taler om, hvordan man finder nye fællesskaber, og hvordan man holder fast i de gamle.",
    "Et venligt ord fra en, der forstår, kan nogle gange betyde mere end et godt råd.",
    # empowerment
    "Du er ekspert i dit eget liv, og det er dig, der bestemmer tempoet.",
    "Vi arbejder med at få mere indflydelse på de beslutninger, der handler om dig.",
    "Det kan give ro at kende sine rettigheder, før man går til et vigtigt møde.",
    "At tage magten tilbage handler ofte om mange små valg, ikke om ét stort.",
]
TERM_SENTENCES = [
    "Undervejs kommer vi ind på {t}.",
    "Et af emnerne er {t}, og hvad det kan betyde i din hverdag.",
    "Mange deltagere har spurgt til {t}, så det giver vi god tid til.",
    "Vi ser nærmere på {t} og på, hvordan det hænger sammen med din egen recovery.",
    "Underviserne fortæller, hvad {t} har betydet for dem.",
    "Sammen undersøger vi, hvordan {t} kan se ud i praksis.",
    "Vi bruger {t} som en rød tråd gennem kurset.",
    "Nogle kender {t} i forvejen, for andre er det nyt, og begge dele er helt fint.",
]
OPENERS = [
    "Har du lyst til at lære mere om dig selv og om, hvad der hjælper dig?",
    "Er du nysgerrig på, hvad der kan gøre hverdagen lidt lettere?",
    "Kender du følelsen af, at det hele er for meget?",
    "Savner du et sted, hvor du kan tale med andre, der forstår?",
    "Vil du gerne finde nye måder at passe på dig selv?",
    "Står du et sted i livet, hvor du gerne vil videre, men ikke ved hvordan?",
]
PRACTICAL = [
    "Der er kaffe, te og frugt, og vi holder en pause midt i hver kursusgang.",
    "Kurset er gratis, og du skal ikke henvises.",
    "Alle er velkomne: borgere, pårørende og fagfolk.",
    "Hvis du bliver forhindret en dag, er du velkommen til at komme næste gang.",
    "Du må gerne tage en ven eller et familiemedlem med.",
    "Lokalet er roligt, og der er mulighed for at trække sig lidt væk, hvis det bliver for meget.",
    "Vi starter hver gang med en kort runde, hvor alle kan sige, hvordan de har det.",
    "Mellem kursusgangene får du små opgaver, som du selv bestemmer, om du vil lave.",
]
LIST_INTROS = ["På kurset taler vi om:", "Vi kommer blandt andet omkring:", "Kursusgangene handler om:",
               "Det arbejder vi med:"]
BULLETS = [
    "hvad der giver håb, og hvad der tager det",
    "små skridt, du kan tage i din egen hverdag",
    "at sige til og fra uden dårlig samvittighed",
    "søvn, ro og pauser i en travl uge",
    "at dele sin historie på en tryg måde",
    "samarbejdet med behandlingssystemet",
    "at finde og holde fast i fællesskaber",
    "dine styrker og dine værdier",
    "forskellen på klinisk og personlig recovery",
    "at være pårørende uden at miste sig selv",
    "drømme og mål for fremtiden",
    "tanker, der fylder, og hvad man kan gøre ved dem",
    "tegn på, at det er ved at gå den forkerte vej",
    "hvordan man beder om hjælp, før krisen kommer",
]
TERM_BULLETS = ["{t} i praksis", "hvad {t} betyder for dig", "erfaringer med {t}"]
OUTCOMES = [
    "Du kender dine egne tegn på, at du har brug for en pause.",
    "Du har fundet mindst ét lille skridt, du gerne vil tage.",
    "Du ved, hvor du kan søge støtte, når det bliver svært.",
    "Du har øvet dig i at fortælle om dine erfaringer på en måde, der føles tryg.",
    "Du har mødt andre, der kender til det, du står i.",
    "Du har redskaber til at skabe mere ro i din hverdag.",
    "Du kan bedre sige til og fra over for andre.",
    "Du ved, hvad du kan forberede før et møde med kommunen.",
]
TERM_OUTCOMES = ["Du ved, hvad {t} er, og hvordan du kan bruge det.", "Du har prøvet {t} i praksis."]
TITLE_STEMS = [
    "Håb i hverdagen", "Min historie", "Søvn og hvile", "At være pårørende", "Fællesskab og venskab",
    "Stress og sårbarhed", "Mød dig selv med venlighed", "Recovery for begyndere", "Drømme og mål",
    "Krop og bevægelse", "Angst: at forstå og leve med den", "Tanker, der fylder", "Når livet går i stykker",
    "Arbejde og uddannelse", "Møder med systemet", "Peer-støtte i praksis", "Kreativ recovery",
    "Naturen som frirum", "Ensomhed og nye fællesskaber", "Skam og selvstigma", "At høre stemmer",
    "Hverdag med bipolar lidelse", "Nærvær og ro", "Værdier og mening", "Tag magten tilbage",
    "Sundhed og trivsel", "Ung og sårbar", "Mad og psyke", "Dine rettigheder", "Sorg og tab",
    "At sige til og fra", "Selvomsorg for fagfolk", "Recoveryorienteret praksis", "Livshistorier",
    "Depression: vejen videre", "Relationer og grænser", "Medicin og dine valg", "Penge og psyke",
    "Familien og psykisk sårbarhed", "Forældre med psykisk sårbarhed",
]
TITLE_SUFFIXES = ["", "", "", " for pårørende", " for unge", " for fagfolk", " (aftenhold)", " (online)"]
SUMMARIES = [
    "Et roligt kursus, hvor vi sammen undersøger, hvad der hjælper i en svær hverdag.",
    "Vi deler erfaringer og finder små skridt, du selv kan tage, i dit eget tempo.",
    "Et kursus om {x} for alle, der vil vide mere: borgere, pårørende og fagfolk.",
    "Sammen med andre finder du ud af, hvad {x} kan betyde for dig.",
    "Konkrete redskaber og gode samtaler om {x}, undervist af to ligeværdige undervisere.",
]

FIRST_NAMES = ["Anne", "Maja", "Thomas", "Sofie", "Bent", "Inger", "Jørgen", "Camilla", "Henrik", "Pernille",
               "Karsten", "Louise", "Mads", "Mette", "Søren", "Hanne", "Lars", "Julie", "Niels", "Birgitte",
               "Rasmus", "Ida", "Peter", "Lene", "Mikkel", "Charlotte", "Jens", "Signe", "Ole", "Emma",
               "Frederik", "Karen", "Anders", "Marianne", "Jonas", "Helle", "Kasper", "Tine", "Morten", "Åse"]
LAST_NAMES = ["Madsen", "Kjærgaard", "Brandt", "Dalgaard", "Sørensen", "Lauritsen", "Bach", "Frost", "Møller",
              "Skov", "Holm", "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
              "Rasmussen", "Jørgensen", "Petersen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Knudsen",
              "Mortensen", "Østergaard", "Vestergaard", "Ravn"]
ROLE_COUNTS = {"peer": 25, "relative": 10, "professional": 25}
ROLE_TITLES = {
    "peer": ["Underviser med erfaringskompetence", "Peer-medarbejder og underviser", "Ung peer-underviser"],
    "relative": ["Underviser med erfaring som pårørende"],
    "professional": ["Psykolog", "Psykiatrisk sygeplejerske", "Socialrådgiver", "Ergoterapeut", "Psykiater",
                     "Pædagog", "Fysioterapeut"],
}
BIO_SENTENCES = {
    "peer": ["{n} har selv levet med angst og depression i mange år.",
             "{n} har været indlagt flere gange og ved, hvordan det er at starte forfra.",
             "I dag bruger {n} sine levede erfaringer til at give andre håb.",
             "{n} holder af gode samtaler over en kop kaffe og af lange ture i naturen.",
             "{n} arbejder som peer-medarbejder i socialpsykiatrien."],
    "relative": ["{n} er pårørende til en voksen søn med skizofreni.",
                 "{n} kender både afmagten og glæden ved de små fremskridt.",
                 "{n} har i mange år været pårørende til sin partner, der har bipolar lidelse.",
                 "{n} er med til at starte netværk for pårørende."],
    "professional": ["{n} har arbejdet i distriktspsykiatrien i mange år.",
                     "{n} er optaget af, hvad der giver mennesker håb og mening.",
                     "På recoveryskolen underviser {n} altid sammen med en kollega med levede erfaringer.",
                     "{n} underviser i søvn, hverdagsrutiner og samarbejdet med behandlingssystemet.",
                     "{n} tror på, at alle kan komme videre."],
}
PLACES = [
    ("vaerkstedet", "Værkstedet", "Eksempelvej 12, 4000 Roskilde"),
    ("biblioteket", "Bibliotekets mødesal", "Eksempelgade 4, 4000 Roskilde"),
    ("cafe-lyset", "Café Lyset", "Prøvevej 21, 4000 Roskilde"),
    ("faelleshaven", "Fælleshaven", "Modelstien 5, 4000 Roskilde"),
    ("ungehuset", "Ungehuset", "Testvej 7, 4000 Roskilde"),
    ("medborgerhuset", "Medborgerhuset", "Skolegade 3, 4300 Holbæk"),
    ("sundhedshuset", "Sundhedshuset", "Havnevej 18, 4600 Køge"),
    ("kulturhuset", "Kulturhuset Ådalen", "Ågade 9, 4200 Slagelse"),
    ("aktivitetshuset", "Aktivitetshuset Solsikken", "Stationsvej 2, 4100 Ringsted"),
    ("strandpavillonen", "Strandpavillonen", "Strandvejen 40, 4040 Jyllinge"),
]
ACCESSIBILITY = ["Niveaufri adgang og handicaptoilet.", "Niveaufri adgang, elevator og handicaptoilet. Teleslynge i salen.",
                 "Ét lavt trin ved indgangen; en rampe kan lægges ud.", "Grusstier, som kan være svære for kørestole i regnvejr."]
DIRECTIONS = ["Fem minutters gang fra stationen.", "Bus 202 til stoppestedet ved døren.",
              "Gratis parkering i gården. Cykelparkering ved indgangen.", "Gå ind ad den grønne låge; vi mødes i stuen."]

# Glossary: some real terms of the field with hand-written forms, then compounds.
CURATED_TERMS = [
    ("Recovery", ["recoveryen"]),
    ("Personlig recovery", []),
    ("Klinisk recovery", []),
    ("Peer-støtte", ["peer-støtten"]),
    ("Levede erfaringer", ["levet erfaring", "levede erfaring"]),
    ("Erfaringskompetence", ["erfaringskompetencen", "erfaringskompetencer"]),
    ("Pårørende", ["pårørendes"]),
    ("Empowerment", []),
    ("Forbundethed", ["forbundetheden"]),
    ("Håb og optimisme", []),
    ("Identitet", ["identiteten"]),
    ("Mening", ["meningen"]),
    ("CHIME", []),
    ("Stigma", ["stigmaet", "stigmatisering"]),
    ("Selvstigma", ["selvstigmaet"]),
    ("Ligeværdighed", ["ligeværdigheden"]),
    ("Brugerinddragelse", ["brugerinddragelsen"]),
    ("Rollemodel", ["rollemodellen", "rollemodeller", "rollemodellerne"]),
    ("Recoveryskole", ["recoveryskolen", "recoveryskoler", "recoveryskolerne"]),
    ("Dobbeltkompetence", ["dobbeltkompetencen"]),
    ("Psykosocial rehabilitering", []),
    ("Selvhjælpsgruppe", ["selvhjælpsgruppen", "selvhjælpsgrupper", "selvhjælpsgrupperne"]),
    ("Reciprocitet", ["reciprociteten"]),
    ("Inklusion", ["inklusionen"]),
]
PREFIXES = ["hverdags", "søvn", "stress", "netværks", "krops", "håbs", "arbejds", "relations", "fællesskabs",
            "angst", "sorg", "tanke", "følelses", "trivsels", "mestrings", "livs", "drømme", "styrke", "værdi",
            "natur", "bevægelses", "omsorgs", "samarbejds", "frivilligheds", "selvomsorgs", "krise", "ro",
            "energi", "grænse", "tryghed"]
HEADS = [
    ("strategi", ["strategien", "strategier", "strategierne"]), ("plan", ["planen", "planer", "planerne"]),
    ("gruppe", ["gruppen", "grupper", "grupperne"]), ("rytme", ["rytmen", "rytmer", "rytmerne"]),
    ("samtale", ["samtalen", "samtaler", "samtalerne"]), ("øvelse", ["øvelsen", "øvelser", "øvelserne"]),
    ("værktøj", ["værktøjet", "værktøjer", "værktøjerne"]), ("model", ["modellen", "modeller", "modellerne"]),
    ("forløb", ["forløbet", "forløbene"]), ("dagbog", ["dagbogen", "dagbøger", "dagbøgerne"]),
    ("kort", ["kortet", "kortene"]), ("signal", ["signalet", "signaler", "signalerne"]),
    ("vane", ["vanen", "vaner", "vanerne"]), ("ressource", ["ressourcen", "ressourcer", "ressourcerne"]),
    ("cirkel", ["cirklen", "cirkler", "cirklerne"]), ("trappe", ["trappen", "trapper", "trapperne"]),
    ("kompas", ["kompasset", "kompasser", "kompasserne"]), ("skema", ["skemaet", "skemaer", "skemaerne"]),
]
DEFINITIONS = [
    "{T} er et begreb, som bruges meget i arbejdet med recovery og peer-støtte.",
    "Ordet bruges både af mennesker med levede erfaringer og af fagprofessionelle, men ikke altid på samme måde.",
    "Kort sagt handler {t} om at finde frem til det, der hjælper den enkelte i hverdagen.",
    "På recoveryskolen arbejder vi med {t} på mange af kurserne, ofte i små grupper.",
    "Mange oplever, at det giver ro at have et ord for noget, man længe har mærket.",
    "Det er ikke en metode, man skal følge slavisk, men en måde at se på tingene.",
    "Begrebet kommer fra praksis og er udviklet sammen med brugere og pårørende.",
]
SOURCES = ["Socialstyrelsen", "Recoveryskolen", "VIBIS", None, None]


def slugify(text: str) -> str:
    text = text.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        text = text.replace(a, b)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


# --- the catalogue ---------------------------------------------------------------------


@dataclass
class Term:
    slug: str
    name: str
    forms: list[str]
    body: str
    see_also: list[str] = field(default_factory=list)
    source: str | None = None

    @property
    def surfaces(self) -> list[str]:
        return [self.name, *self.forms]


@dataclass
class Teacher:
    id: str
    name: str
    role: str
    title: str
    bio: str


@dataclass
class Course:
    slug: str
    folder: str
    title: str
    summary: str
    description: str
    outcomes: list[str]
    themes: list[str]
    audiences: list[str]
    teachers: list[str]
    format: str
    location: str | None
    online_url: str | None
    capacity: int | None
    status: str
    registration: dict | None
    glossary: list[str]
    sessions: list[dict]


def make_terms(m: int, rng: random.Random) -> list[Term]:
    pairs = [(name, forms) for name, forms in CURATED_TERMS]
    compounds = [(prefix + head, [prefix + f for f in forms]) for prefix in PREFIXES for head, forms in HEADS]
    rng.shuffle(compounds)
    pairs += [(w.capitalize(), forms) for w, forms in compounds]
    if m > len(pairs):
        raise SystemExit(f"at most {len(pairs)} glossary terms can be generated (asked for {m})")
    terms, seen = [], set()
    for name, forms in pairs[:m]:
        keys = {s.lower() for s in [name, *forms]}
        assert not keys & seen, name
        seen |= keys
        sentences = rng.sample(DEFINITIONS[1:], 4)
        first = DEFINITIONS[0].format(T=name, t=name.lower()) + " " + sentences[0].format(t=name.lower())
        rest = " ".join(s.format(t=name.lower()) for s in sentences[1:])
        terms.append(Term(slugify(name), name, list(forms), f"{first}\n\n{rest}\n", source=rng.choice(SOURCES)))
    slugs = [t.slug for t in terms]
    for term in terms:
        others = [s for s in slugs if s != term.slug]
        term.see_also = rng.sample(others, min(len(others), rng.randint(0, 3)))
    return terms


def make_teachers(rng: random.Random) -> list[Teacher]:
    names = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
    chosen = rng.sample(names, TEACHER_COUNT)
    roles = [role for role, count in ROLE_COUNTS.items() for _ in range(count)]
    out = []
    for (first, last), role in zip(chosen, roles):
        bio = " ".join(s.format(n=first) for s in rng.sample(BIO_SENTENCES[role], 3))
        out.append(Teacher(slugify(f"{first} {last}"), f"{first} {last}", role, rng.choice(ROLE_TITLES[role]), bio))
    return out


def _term_form(term: Term, rng: random.Random) -> str:
    form = rng.choice(term.surfaces)
    return form if term.slug in _CURATED_SLUGS and form.isupper() else form.lower()


_CURATED_SLUGS = {slugify(name) for name, _ in CURATED_TERMS}


def description(rng: random.Random, terms: list[Term], peer: Teacher, prof: Teacher) -> tuple[str, list[Term]]:
    """About 300 words of Markdown: paragraphs, a list, a bold phrase, 5-8 glossary forms."""
    used = rng.sample(terms, min(len(terms), rng.randint(5, 8))) if terms else []
    pool = rng.sample(SENTENCES, len(SENTENCES))
    term_lines = [rng.choice(TERM_SENTENCES).format(t=_term_form(t, rng)) for t in used]

    def take(k: int) -> list[str]:
        out = []
        for _ in range(k):
            if term_lines and rng.random() < 0.45:
                out.append(term_lines.pop())
            elif pool:
                out.append(pool.pop())
        return out

    p1 = [rng.choice(OPENERS)] + take(3)
    p2 = take(4)
    if p2:
        p2[0] = f"**{p2[0][:-1]}**."
    bullets = rng.sample(BULLETS, 4)
    if used:
        bullets.insert(rng.randint(0, 4), rng.choice(TERM_BULLETS).format(t=_term_form(used[0], rng)))
    p3 = [f"{peer.name.split()[0]} fortæller om sine levede erfaringer, og {prof.name.split()[0]} bidrager "
          f"med sin viden som {prof.title.lower()}."] + take(3)
    p5 = rng.sample(PRACTICAL, 2)
    paragraphs = [p1, p2, p3]
    text = lambda: "\n\n".join(" ".join(p) for p in paragraphs + [p5]) + " ".join(bullets)  # noqa: E731
    while len(text().split()) < 290 and (pool or term_lines):
        rng.choice(paragraphs).extend(take(1))
    paragraphs += term_lines and [term_lines]  # any term sentence not placed yet
    body = "\n\n".join(" ".join(p) for p in paragraphs[:2])
    body += "\n\n" + rng.choice(LIST_INTROS) + "\n\n" + "".join(f"- {b}\n" for b in bullets)
    body += "\n" + "\n\n".join(" ".join(p) for p in paragraphs[2:] + [p5]) + "\n"
    return body, used


def sessions_for(rng: random.Random, places: list[str], format_: str, location: str | None) -> list[dict]:
    """A weekly series of 6-8 sessions in 2027; now and then an except date, a cancelled
    session or a session at another place."""
    start_day = date(2027, 1, 4) + timedelta(days=rng.randrange(0, 300))
    while start_day.weekday() > 4:
        start_day += timedelta(days=1)
    weekly = rng.randint(6, 8)
    start, end = rng.choice([("10:00", "12:00"), ("13:00", "15:30"), ("17:00", "19:00"), ("19:00", "21:00")])
    first = {"date": start_day, "start": start, "end": end, "topic": "Velkommen og forventninger", "weekly": weekly}
    roll = rng.random()
    if roll < 0.2:
        first["except"] = [start_day + timedelta(weeks=rng.randint(1, weekly - 2))]
    entries = [first]
    last = start_day + timedelta(weeks=weekly - 1)
    if roll > 0.85:
        entries.append({"date": last + timedelta(weeks=1), "start": start, "end": end,
                        "topic": "Ekstra kursusgang", "cancelled": True})
    elif 0.7 < roll <= 0.85 and format_ != "online":
        other = rng.choice([p for p in places if p != location])
        entries.append({"date": last + timedelta(weeks=1), "start": start, "end": end,
                        "topic": "Afslutning et andet sted", "location": other})
    return entries


def expand(entries: list[dict]) -> list[dict]:
    """The dated sessions of the entries (for the plain pages)."""
    out = []
    for e in entries:
        for k in range(e.get("weekly") or 1):
            d = e["date"] + timedelta(weeks=k)
            if d in e.get("except", []):
                continue
            out.append({"date": d, "start": e["start"], "end": e["end"], "cancelled": e.get("cancelled", False),
                        "topic": e.get("topic") if k == 0 else None, "location": e.get("location")})
    return sorted(out, key=lambda s: s["date"])


def make_courses(n: int, rng: random.Random, terms: list[Term], teachers: list[Teacher]) -> list[Course]:
    experience = [t for t in teachers if t.role in ("peer", "relative")]
    professional = [t for t in teachers if t.role == "professional"]
    place_ids = [p[0] for p in PLACES]
    # The first courses cover every theme, audience and format.
    courses = []
    for i in range(n):
        stem = TITLE_STEMS[rng.randrange(len(TITLE_STEMS))]
        title = stem + rng.choice(TITLE_SUFFIXES)
        slug = f"{slugify(title)}-{i + 1}"
        peer, prof = rng.choice(experience), rng.choice(professional)
        team = [peer.id, prof.id]
        if rng.random() < 0.15:
            extra = rng.choice([t for t in teachers if t.id not in team])
            team.append(extra.id)
        desc, used = description(rng, terms, peer, prof)
        themes = [THEMES[i % 5]] if i < 5 else rng.sample(THEMES, rng.choice([1, 1, 2, 2, 3]))
        audiences = [AUDIENCES[i % 3]] if i < 3 else rng.sample(AUDIENCES, rng.choice([1, 2, 3]))
        fmt = FORMATS[i % 3] if i < 3 else rng.choices(FORMATS, [70, 15, 15])[0]
        location = rng.choice(place_ids) if fmt != "online" else None
        online_url = f"https://moede.example.dk/{slug}" if fmt != "in-person" else None
        entries = sessions_for(rng, place_ids, fmt, location)
        registration = None
        r = rng.random()
        if r < 0.85:
            registration = {}
            kind = rng.choice(["url", "email", "phone", "both"])
            if kind in ("url", "both"):
                registration["url"] = f"https://recoveryskolen.example.dk/tilmelding/{slug}"
            if kind in ("email", "both"):
                registration["email"] = "tilmelding@recoveryskolen.example.dk"
            if kind == "phone":
                registration["phone"] = "+45 12 34 56 78"
            if rng.random() < 0.7:
                registration["deadline"] = entries[0]["date"] - timedelta(days=7)
            if rng.random() < 0.2:
                registration["note"] = "Skriv gerne, hvis du har brug for tolk eller andre hensyn."
        outcomes = rng.sample(OUTCOMES, rng.randint(2, 3))
        if used:
            outcomes.append(rng.choice(TERM_OUTCOMES).format(t=_term_form(used[-1], rng)))
        fill = stem.split(":")[0].lower()
        summary = rng.choice(SUMMARIES).format(x=fill)
        courses.append(Course(
            slug=slug, folder=rng.choice(["2027-foraar", "2027-efteraar"]), title=title, summary=summary,
            description=desc, outcomes=outcomes, themes=themes, audiences=audiences, teachers=team, format=fmt,
            location=location, online_url=online_url, capacity=rng.choice([None, 12, 14, 16, 20, 24]),
            status=rng.choices(["open", "waitlist", "full", "cancelled"], [85, 6, 6, 3])[0],
            registration=registration, glossary=[t.slug for t in used[: rng.randint(0, 4)]], sessions=entries,
        ))
    return courses


# --- writing the portal project --------------------------------------------------------


def course_yaml(c: Course) -> str:
    lines = [f"title: {q(c.title)}", f"summary: {q(c.summary)}", "description: |"]
    lines += [f"  {line}" if line else "" for line in c.description.rstrip("\n").split("\n")]
    if c.outcomes:
        lines.append("learning_outcomes:")
        lines += [f"  - {q(o)}" for o in c.outcomes]
    lines += [f"themes: [{', '.join(c.themes)}]", f"audiences: [{', '.join(c.audiences)}]",
              f"teachers: [{', '.join(c.teachers)}]", f"format: {c.format}"]
    if c.location:
        lines.append(f"location: {c.location}")
    if c.online_url:
        lines.append(f"online_url: {c.online_url}")
    if c.capacity:
        lines.append(f"capacity: {c.capacity}")
    lines.append(f"status: {c.status}")
    if c.registration:
        lines.append("registration:")
        for key, value in c.registration.items():
            lines.append(f"  {key}: {value.isoformat() if isinstance(value, date) else q(value)}")
    if c.glossary:
        lines.append(f"glossary: [{', '.join(c.glossary)}]")
    lines.append("sessions:")
    for e in c.sessions:
        lines.append(f"  - date: {e['date'].isoformat()}")
        lines += [f"    start: {q(e['start'])}", f"    end: {q(e['end'])}"]
        if e.get("topic"):
            lines.append(f"    topic: {q(e['topic'])}")
        if e.get("weekly"):
            lines.append(f"    weekly: {e['weekly']}")
        if e.get("except"):
            lines.append(f"    except: [{', '.join(d.isoformat() for d in e['except'])}]")
        if e.get("location"):
            lines.append(f"    location: {e['location']}")
        if e.get("cancelled"):
            lines.append("    cancelled: true")
    return "\n".join(lines) + "\n"


def teachers_yaml(teachers: list[Teacher]) -> str:
    out = ["# Synthetic teachers for the benchmark."]
    for t in teachers:
        out += [f"{t.id}:", f"  name: {q(t.name)}", f"  role: {t.role}", f"  title: {q(t.title)}", f"  bio: {q(t.bio)}", ""]
    return "\n".join(out)


def locations_yaml(rng: random.Random) -> str:
    out = ["# Synthetic places for the benchmark."]
    for pid, name, address in PLACES[:PLACE_COUNT]:
        out += [f"{pid}:", f"  name: {q(name)}", f"  address: {q(address)}",
                f"  accessibility: {q(rng.choice(ACCESSIBILITY))}", f"  directions: {q(rng.choice(DIRECTIONS))}", ""]
    return "\n".join(out)


def term_md(t: Term) -> str:
    front = [f"term: {q(t.name)}"]
    if t.forms:
        front.append(f"forms: {flow(t.forms)}")
    if t.see_also:
        front.append(f"see_also: [{', '.join(t.see_also)}]")
    if t.source:
        front.append(f"source: {q(t.source)}")
    return "---\n" + "\n".join(front) + "\n---\n" + t.body


def top_level_blocks(text: str) -> list[tuple[str | None, str]]:
    """mkdocs.yml split into (top-level key, its lines) blocks; comments stay with the next key."""
    blocks: list[tuple[str | None, list[str]]] = []
    pending: list[str] = []
    for line in text.splitlines(keepends=True):
        m = re.match(r"^([A-Za-z_][\w-]*):", line)
        if m:
            blocks.append((m.group(1), pending + [line]))
            pending = []
        elif line.startswith("#") or not line.strip():
            pending.append(line)
        elif blocks:
            blocks[-1][1].extend(pending + [line])
            pending = []
    if pending:
        blocks.append((None, pending))
    return [(key, "".join(lines)) for key, lines in blocks]


def plain_mkdocs_yml(repo_yml: str) -> str:
    """The repository's mkdocs.yml without hooks and watch (plain MkDocs), docs_dir docs/,
    and the detail pages not in the navigation (as the portal's generated pages)."""
    out = []
    for key, block in top_level_blocks(repo_yml):
        if key in ("hooks", "watch"):
            continue
        if key == "docs_dir":
            block = "docs_dir: docs\n"
        out.append(block)
    out.append("\n# Detail pages are reached from index pages, as the portal's generated pages.\n"
               "not_in_nav: |\n" + "".join(f"  /{d}/*.md\n  !/{d}/index.md\n"
                                           for d in ("kurser", "ordbog", "undervisere", "steder", "temaer")))
    return "".join(out)


def write_portal(root: Path, courses: list[Course], teachers: list[Teacher], terms: list[Term], rng: random.Random,
                 git: bool, source: Path = REPO) -> None:
    shutil.copytree(source / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(source / "theme", root / "theme")
    shutil.copytree(source / "content", root / "content")
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    (root / "courses").mkdir()
    (root / "glossary").mkdir()
    (root / "courses" / "_teachers.yml").write_text(teachers_yaml(teachers), encoding="utf-8")
    (root / "courses" / "_locations.yml").write_text(locations_yaml(rng), encoding="utf-8")
    for c in courses:
        path = root / "courses" / c.folder / f"{c.slug}.yml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(course_yaml(c), encoding="utf-8")
    for t in terms:
        (root / "glossary" / f"{t.slug}.md").write_text(term_md(t), encoding="utf-8")
    if git:
        env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.dk",
                   GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.dk",
                   GIT_AUTHOR_DATE="2026-11-01T12:00:00+01:00", GIT_COMMITTER_DATE="2026-11-01T12:00:00+01:00")
        for cmd in (["git", "init", "-q"], ["git", "add", "-A", "courses", "glossary"],
                    ["git", "commit", "-q", "--no-gpg-sign", "-m", "Synthetic catalogue"]):
            subprocess.run(cmd, cwd=root, env=env, check=True, capture_output=True)


# --- writing the plain project ---------------------------------------------------------


def _front(title: str, description: str | None = None, search_exclude: bool = False) -> str:
    # Like the portal's generated pages: title, description, no table of contents, and
    # the programme and plan left out of the search index.
    front = f"---\ntitle: {q(title)}\n"
    if description:
        front += f"description: {q(description)}\n"
    if search_exclude:
        front += "search:\n  exclude: true\n"
    return front + "hide:\n  - toc\n---\n\n"


def write_plain(root: Path, courses: list[Course], teachers: list[Teacher], terms: list[Term],
                source: Path = REPO) -> None:
    docs = root / "docs"
    shutil.copytree(source / "content", docs)
    shutil.copytree(source / "theme", root / "theme")
    (root / "mkdocs.yml").write_text(plain_mkdocs_yml((source / "mkdocs.yml").read_text(encoding="utf-8")),
                                     encoding="utf-8")
    tnames = {t.id: t for t in teachers}
    pnames = {pid: (name, address) for pid, name, address in PLACES}

    def write(rel: str, text: str) -> None:
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def when(s: dict) -> str:
        return f"{s['date'].isoformat()} kl. {s['start']}-{s['end']}"

    # Detail pages: the same text as the portal's pages, written as Markdown.
    for c in courses:
        sessions = expand(c.sessions)
        md = [_front(c.title, c.summary), c.description, "\n## Det får du ud af kurset\n\n"]
        md += [f"- {o}\n" for o in c.outcomes]
        md.append("\n## Kursusgange\n\n")
        md += [f"- {'~~' if s['cancelled'] else ''}{when(s)}{'~~ (aflyst)' if s['cancelled'] else ''}"
               f"{': ' + s['topic'] if s['topic'] else ''}\n" for s in sessions]
        md.append("\n## Undervisere\n\n")
        md += [f"- [{tnames[t].name}](../undervisere/{t}.md), {tnames[t].title}\n" for t in c.teachers]
        if c.location:
            name, address = pnames[c.location]
            md.append(f"\n## Sted\n\n[{name}](../steder/{c.location}.md), {address}\n")
        md.append(f"\n## Tilmelding\n\n{c.registration.get('url') or c.registration.get('email') or c.registration.get('phone')}\n"
                  if c.registration else "\n## Tilmelding\n\nKontakt skolen.\n")
        if c.glossary:
            md.append("\n## Ord på kurset\n\n" + "".join(f"- [{s}](../ordbog/{s}.md)\n" for s in c.glossary))
        write(f"kurser/{c.slug}.md", "".join(md))
    for t in terms:
        body = t.body + ("\n## Se også\n\n" + "".join(f"- [{s}]({s}.md)\n" for s in t.see_also) if t.see_also else "")
        write(f"ordbog/{t.slug}.md", _front(t.name, t.body.split("\n")[0]) + body)
    for t in teachers:
        mine = [c for c in courses if t.id in c.teachers]
        write(f"undervisere/{t.id}.md", _front(t.name, t.title) + t.bio + "\n\n## Kurser\n\n"
              + "".join(f"- [{c.title}](../kurser/{c.slug}.md)\n" for c in mine))
    for pid, name, address in PLACES[:PLACE_COUNT]:
        here = [c for c in courses if c.location == pid]
        write(f"steder/{pid}.md", _front(name, address) + f"{address}\n\n## Kurser her\n\n"
              + "".join(f"- [{c.title}](../kurser/{c.slug}.md)\n" for c in here))
    for key in THEMES:
        mine = [c for c in courses if key in c.themes]
        write(f"temaer/{key}.md", _front(THEME_NAMES[key]) + "## Kurser\n\n"
              + "".join(f"- [{c.title}](../kurser/{c.slug}.md): {c.summary}\n" for c in mine))

    # Index pages, with the same lists as the portal's.
    cards = "".join(f"- [{c.title}]({c.slug}.md): {c.summary} ({', '.join(THEME_NAMES[k] for k in c.themes)}; "
                    f"{', '.join(AUDIENCE_NAMES[a] for a in c.audiences)})\n" for c in courses)
    write("kurser/index.md", _front("Kurser") + cards)
    write("arkiv.md", _front("Arkiv") + "Ingen afsluttede kurser endnu.\n")
    rows = sorted(((s, c) for c in courses for s in expand(c.sessions)), key=lambda r: (r[0]["date"], r[1].title))
    write("kalender.md", _front("Kalender") + "".join(f"- {when(s)}: [{c.title}](kurser/{c.slug}.md)\n" for s, c in rows))
    write("program.md", _front("Kursusprogram", search_exclude=True) + "".join(
        f"## {c.title}\n\n{c.summary}\n\n" for c in courses))
    write("min-plan.md", _front("Min plan", search_exclude=True) + "Din egen liste over kurser, du overvejer.\n")
    write("ordbog/index.md", _front("Mini-ordbog") + "".join(
        f"## {t.name}\n\n{t.body}\n[Læs mere]({t.slug}.md)\n\n" for t in sorted(terms, key=lambda t: t.name.lower())))
    write("undervisere/index.md", _front("Undervisere") + "".join(
        f"- [{t.name}]({t.id}.md), {t.title}\n" for t in teachers))
    write("steder/index.md", _front("Steder") + "".join(
        f"- [{name}]({pid}.md), {address}\n" for pid, name, address in PLACES[:PLACE_COUNT]))
    write("temaer/index.md", _front("Temaer") + "".join(f"- [{THEME_NAMES[k]}]({k}.md)\n" for k in THEMES))


# --- writing the bare project ----------------------------------------------------------

BARE_MKDOCS_YML = """\
site_name: Recoveryskolen
theme:
  name: material
  language: da
  font: false
  features:
    - navigation.prune
plugins:
  - search:
      lang: da
nav:
  - Forside: index.md
"""


def write_bare(root: Path, courses: list[Course], teachers: list[Teacher], terms: list[Term], pages: int) -> int:
    """MkDocs at its barest over ``pages`` pages of the same text (issue 17's floor).

    Returns the number of Markdown pages written (``pages``, or more if the courses and
    terms alone are more)."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(BARE_MKDOCS_YML, encoding="utf-8")
    written = 0

    def write(rel: str, text: str) -> None:
        nonlocal written
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1

    write("index.md", "# Recoveryskolen\n\nGratis kurser om recovery og mental sundhed for alle.\n")
    for c in courses:
        dates = "".join(f"- {s['date'].isoformat()} kl. {s['start']}-{s['end']}\n" for s in expand(c.sessions))
        write(f"kurser/{c.slug}.md", f"# {c.title}\n\n{c.description}\n\n## Kursusgange\n\n{dates}")
    for t in terms:
        write(f"ordbog/{t.slug}.md", f"# {t.name}\n\n{t.body}\n")
    # Filler up to the portal's page count: the teachers' pages, the places', then
    # numbered pages with a course summary each (as the portal's index pages).
    fillers = [(f"undervisere/{t.id}.md", f"# {t.name}\n\n{t.title}\n\n{t.bio}\n") for t in teachers]
    fillers += [(f"steder/{pid}.md", f"# {name}\n\n{address}\n") for pid, name, address in PLACES[:PLACE_COUNT]]
    i = 0
    while written < pages:
        if i < len(fillers):
            write(*fillers[i])
        else:
            c = courses[i % len(courses)] if courses else None
            write(f"sider/side-{i}.md", f"# Side {i}\n\n{c.summary if c else 'Recoveryskolen.'}\n")
        i += 1
    return written


# --- entry point -----------------------------------------------------------------------


def checkout(rev: str, dest: Path) -> Path:
    """hooks/, theme/, content/ and mkdocs.yml as of a git revision of the repository
    (to benchmark a commit while the working tree is being edited)."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "hooks", "theme", "content", "mkdocs.yml"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def generate(out: Path, n: int, m: int, seed: int = 2026, git: bool = True, rev: str | None = None) -> dict:
    """Write out/portal, out/plain and out/bare; return the counts of what was made.

    The portal's code, theme, content pages and mkdocs.yml come from the working tree, or
    from the git revision ``rev``.
    """
    rng = random.Random(f"{seed}-{n}-{m}")
    terms = make_terms(m, rng)
    teachers = make_teachers(rng)
    courses = make_courses(n, rng, terms, teachers)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if rev:  # pin the revision once: the branch may move while we work
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", rev], check=True,
                             capture_output=True, text=True).stdout.strip()
    source = checkout(rev, out / "source") if rev else REPO
    write_portal(out / "portal", courses, teachers, terms, rng, git, source)
    write_plain(out / "plain", courses, teachers, terms, source)
    plain_pages = len(list((out / "plain" / "docs").rglob("*.md")))
    bare_pages = write_bare(out / "bare", courses, teachers, terms, plain_pages)
    if rev:
        shutil.rmtree(out / "source")
    commit = None
    if rev:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", rev], check=True,
                                capture_output=True, text=True).stdout.strip()
    content = len(list((out / "portal" / "content").glob("*.md")))
    words = sorted(len(c.description.split()) for c in courses)
    counts = {"courses": n, "terms": m, "teachers": len(teachers), "places": PLACE_COUNT, "themes": len(THEMES),
              "content_pages": content, "plain_pages": plain_pages, "bare_pages": bare_pages,
              "description_words_median": words[len(words) // 2] if words else 0,
              "sessions": sum(len(expand(c.sessions)) for c in courses), "code": commit or "working tree"}
    (out / "counts.json").write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of courses")
    ap.add_argument("m", type=int, help="number of glossary terms")
    ap.add_argument("--out", type=Path, help="output folder (default bench/out/<N>-<M>)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-git", action="store_true", help="do not make the portal project a git repository")
    ap.add_argument("--rev", help="take hooks/, theme/, content/ and mkdocs.yml from this git revision "
                                  "(default: the working tree)")
    args = ap.parse_args(argv)
    out = args.out or DEFAULT_OUT / f"{args.n}-{args.m}"
    counts = generate(out, args.n, args.m, args.seed, git=not args.no_git, rev=args.rev)
    print(f"{out}: {json.dumps(counts)}")


if __name__ == "__main__":
    sys.exit(main())
