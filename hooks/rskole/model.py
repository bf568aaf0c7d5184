"""The content model: what editors write, as pydantic models.

Field descriptions are Danish because editors read them (in the JSON Schemas their
editor shows). Cross-file rules (teacher ids exist, the co-teaching rule) live in
``catalogue.py``; a model checks only what one file can tell.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from datetime import date, time
from typing import Annotated, Any, Callable

from pydantic import AfterValidator, Strict, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .danish import is_slug, slugify, suggest

# --- The fixed vocabularies -------------------------------------------------------

#: CHIME keys, their Danish names and a short explanation (shown on /temaer/<key>/).
THEMES: dict[str, dict[str, str]] = {
    "connectedness": {
        "name": "Forbundethed",
        "slug": "forbundethed",
        "lead": "At høre til og have mennesker omkring sig: relationer, fællesskab og støtte fra andre.",
        "text": (
            "Forbundethed handler om relationer: familie, venner, naboer, kolleger og andre, der har "
            "været noget lignende igennem. Mange oplever, at psykiske vanskeligheder gør livet ensomt. "
            "På kurserne under dette tema arbejder vi med, hvordan man finder og holder fast i fællesskaber, "
            "og hvordan man kan bede om og give støtte."
        ),
    },
    "hope": {
        "name": "Håb og optimisme",
        "slug": "haab-og-optimisme",
        "lead": "At tro på, at det kan blive bedre, og at have drømme og mål for fremtiden.",
        "text": (
            "Håb er ofte det første skridt i en recoveryproces. Det kan komme fra andre, der selv har "
            "oplevet bedring, fra små succeser i hverdagen eller fra mennesker, der tror på én. "
            "Kurserne under dette tema handler om at finde, dele og holde fast i håbet, også når det er svært."
        ),
    },
    "identity": {
        "name": "Identitet",
        "slug": "identitet",
        "lead": "At se sig selv som mere end en diagnose og genopbygge et positivt billede af sig selv.",
        "text": (
            "En diagnose kan fylde så meget, at man glemmer resten af sig selv. Under temaet identitet "
            "arbejder vi med at genfinde og udvikle de sider af sig selv, som ikke handler om sygdom: "
            "interesser, værdier, styrker og de roller, man har i livet."
        ),
    },
    "meaning": {
        "name": "Mening",
        "slug": "mening",
        "lead": "At finde mening i livet og i de erfaringer, man har gjort, også de svære.",
        "text": (
            "Mening kan komme fra arbejde, frivillighed, tro, kreativitet eller fra at bruge sine egne "
            "erfaringer til gavn for andre. Kurserne under dette tema hjælper med at finde det, der giver "
            "livet værdi, og med at se sine erfaringer i en større sammenhæng."
        ),
    },
    "empowerment": {
        "name": "Empowerment",
        "slug": "empowerment",
        "lead": "At tage magten over eget liv: ansvar, indflydelse og tro på egne evner.",
        "text": (
            "Empowerment betyder at få mere magt og indflydelse over sit eget liv. Det handler om at "
            "kende sine rettigheder, træffe sine egne valg og bygge videre på sine styrker. Under dette "
            "tema lærer vi om egne ressourcer, om at sige til og fra og om at blive hørt i mødet med systemet."
        ),
    },
}

AUDIENCES: dict[str, str] = {
    "citizens": "Borgere med psykiske vanskeligheder",
    "relatives": "Pårørende",
    "professionals": "Fagprofessionelle",
}
AUDIENCES_SHORT: dict[str, str] = {"citizens": "Borgere", "relatives": "Pårørende", "professionals": "Fagprofessionelle"}

FORMATS: dict[str, str] = {"in-person": "Fremmøde", "online": "Online", "hybrid": "Fremmøde eller online"}
STATUSES: dict[str, str] = {"open": "Åben for tilmelding", "waitlist": "Venteliste", "full": "Fuldt booket", "cancelled": "Aflyst"}
#: What a teacher teaches from, as said after a name: "Anne Madsen (levede erfaringer)".
ROLE_KINDS: dict[str, str] = {"peer": "levede erfaringer", "relative": "pårørende", "professional": "fagprofessionel"}
ROLES: dict[str, str] = {
    "peer": "Underviser med levede erfaringer",
    "relative": "Underviser med erfaring som pårørende",
    "professional": "Fagprofessionel underviser",
}


# --- JSON Schema metadata ------------------------------------------------------------
# What editors' tools see (schemas/*.schema.json, made by ``python -m rskole schemas``).
# ``WithJsonSchema`` and ``_SchemaHook`` change only the JSON Schema, never validation:
# the validators below stay the one source of truth, and the schemas describe what they
# accept. "patternErrorMessage" and "enumDescriptions" are VS Code's own keywords.


@dataclass(frozen=True)
class _SchemaHook:
    """Rewrites the JSON Schema pydantic generates for a type; no effect on validation."""

    transform: Callable[[dict], dict]

    def __get_pydantic_json_schema__(self, core_schema, handler):
        return self.transform(handler(core_schema))


def _ci(text: str) -> str:
    """A case-insensitive regex for ``text`` (JSON Schema regexes have no flags)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in text)


def _enum_schema(choices: dict[str, Any], names: dict[str, str]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(choices), "enumDescriptions": [names[k] for k in choices]})


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


TEXT_SCHEMA = {"type": "string", "pattern": r"\S", "patternErrorMessage": "Feltet må ikke være tomt."}
SLUG_SCHEMA = {
    "type": "string",
    "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "patternErrorMessage": "Et id skrives med små bogstaver a-z, tal og bindestreger, fx anne-madsen (æ→ae, ø→oe, å→aa).",
}
DATE_SCHEMA = {
    "type": "string",
    "format": "date",
    "pattern": r"^\d{4}-\d{2}-\d{2}$",
    "patternErrorMessage": "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-03.",
}
TIME_SCHEMA = {
    "type": "string",
    "pattern": r"^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$",
    "patternErrorMessage": "Skriv klokkeslættet som \"TT:MM\" i anførselstegn, 24 timer, fx \"10:00\".",
}
#: A character a link may hold (the complement of _URL_BAD below).
_URL_CHAR = r'[^\s"<>\\^`{|}]'
URL_SCHEMA = {
    "type": "string",
    "pattern": f"^(?:{_ci('https')}?://|{_ci('mailto')}:|{_ci('tel')}:){_URL_CHAR}*$",
    "patternErrorMessage": "Et link skal begynde med https://, http://, mailto: eller tel: og må ikke indeholde mellemrum, anførselstegn eller < >.",
}
HTTPS_SCHEMA = {
    "type": "string",
    "pattern": f"^{_ci('https')}://{_URL_CHAR}+$",
    "patternErrorMessage": "Et onlinelink skal begynde med https:// og må ikke indeholde mellemrum, anførselstegn eller < >.",
}
EMAIL_SCHEMA = {
    "type": "string",
    "pattern": f"^(?:{_ci('mailto')}:)?[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$",
    "patternErrorMessage": "Skriv en e-mailadresse, fx tilmelding@example.dk.",
}
PHONE_SCHEMA = {
    "anyOf": [
        {
            "type": "string",
            "pattern": r"^\+?[0-9 ()-]{6,20}$",
            "patternErrorMessage": "Et telefonnummer må kun have cifre, mellemrum og evt. +45, fx \"+45 12 34 56 78\".",
        },
        {"type": "integer", "minimum": 100000},
    ]
}


def _list_schema(required: bool):
    def transform(array: dict) -> dict:
        # The build also takes a single value where a list is expected ("themes: hope").
        array = {**array, "uniqueItems": True, **({"minItems": 1} if required else {})}
        return {"anyOf": [array, array["items"]]}

    return _SchemaHook(transform)


# --- Value types with plain-word errors ---------------------------------------------


def _text(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("empty", "er tom; skriv en værdi")
    if isinstance(value, (bool, int, float)):
        raise PydanticCustomError(
            "not_text", "skal være tekst; sæt den i anførselstegn, hvis den ligner et tal: \"{value}\"", {"value": value}
        )
    if not isinstance(value, str):
        raise PydanticCustomError("not_text", "skal være tekst, ikke en liste eller en opslagstabel")
    # Control characters (pasted from Word or email) and bidirectional overrides (which can
    # make text read differently from how it is stored) have no place in the portal's text.
    value = _INVISIBLE.sub("", value)
    if not value.strip():
        raise PydanticCustomError("empty", "er tom; skriv en værdi")
    return value.strip()


_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

Text = Annotated[str, BeforeValidator(_text), WithJsonSchema(TEXT_SCHEMA)]


def _summary(value: str) -> str:
    if len(value) > 200:
        raise PydanticCustomError(
            "too_long", "er {n} tegn lang; et resumé må højst være 200 tegn (én sætning)", {"n": len(value)}
        )
    return value


def _slug(value: Any) -> Any:
    value = _text(value)
    if not is_slug(value):
        raise PydanticCustomError(
            "not_slug",
            "'{value}' er ikke et gyldigt id; brug små bogstaver a-z, tal og bindestreger (fx '{suggestion}')",
            {"value": value, "suggestion": slugify(value) or "mit-id"},
        )
    return value


Slug = Annotated[str, BeforeValidator(_slug), WithJsonSchema(SLUG_SCHEMA)]


#: Short Danish names of the fixed values, shown next to the keys in hints and in the
#: list of allowed values ("mente du 'open' (åben)?"; "open (åben), waitlist (...)").
DANISH_NAMES: dict[str, dict[str, str]] = {
    "themes": {k: v["name"].lower() for k, v in THEMES.items()},
    "audiences": {k: v.lower() for k, v in AUDIENCES_SHORT.items()},
    "formats": {"in-person": "fremmøde", "online": "online", "hybrid": "fremmøde eller online"},
    "statuses": {"open": "åben", "waitlist": "venteliste", "full": "fuldt booket", "cancelled": "aflyst"},
    "roles": {"peer": "levede erfaringer", "relative": "pårørende", "professional": "fagprofessionel"},
}

#: Danish words editors write for the fixed values, in common forms. They are not
#: accepted as values (the files and kurser.json keep the documented keys); they turn a
#: wrong value into a hint with the right key. Matched after folding (see _fold), so
#: "håb", "haab", "Håb" and "hab" are one entry.
DANISH_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "themes": {
        "connectedness": ("forbundethed", "forbundetheden", "forbundenhed", "forbindelse", "fællesskab", "fællesskaber",
                          "relationer", "tilknytning", "samhørighed"),
        "hope": ("håb", "håbet", "hab", "håb og optimisme", "optimisme", "håbefuldhed"),
        "identity": ("identitet", "identiteten", "identiteter", "selvbillede", "selvforståelse"),
        "meaning": ("mening", "meningen", "meningsfuldhed", "mening i livet", "meningsfuld", "formål"),
        "empowerment": ("myndiggørelse", "handlekraft", "indflydelse", "selvbestemmelse", "magt over eget liv"),
    },
    "audiences": {
        "citizens": ("borger", "borgere", "borgerne", "borgere med psykiske vanskeligheder", "brugere", "bruger",
                     "deltagere", "mennesker med psykiske vanskeligheder"),
        "relatives": ("pårørende", "de pårørende", "pårørene", "parørende", "familie", "familier"),
        "professionals": ("fagprofessionel", "fagprofessionelle", "fagfolk", "fagperson",
                          "fagpersoner", "professionel", "professionelle", "medarbejdere", "personale"),
    },
    "formats": {
        "in-person": ("fremmøde", "fysisk", "fysisk fremmøde", "til stede", "tilstede", "på stedet",
                      "fremmødekursus", "personligt fremmøde", "ansigt til ansigt"),
        "online": ("onlinekursus", "virtuel", "virtuelt", "digital", "digitalt", "på nettet", "zoom", "teams"),
        "hybrid": ("hybridt", "fremmøde eller online", "fremmøde og online", "både og", "begge dele"),
    },
    "statuses": {
        "open": ("åben", "åbent", "åbne", "åben for tilmelding", "tilmelding åben", "ledig", "ledige pladser",
                 "ledige", "aktiv"),
        "waitlist": ("venteliste", "ventelisten", "på venteliste", "ventelister"),
        "full": ("fuld", "fuldt", "fulde", "fuldt booket", "fuldtbooket", "booket", "optaget", "udsolgt", "lukket"),
        "cancelled": ("aflyst", "aflyses", "aflysning", "annulleret", "aflyst kursus", "canceled"),
    },
    "roles": {
        "peer": ("levede erfaringer", "levet erfaring", "erfaringsunderviser", "erfaringskonsulent", "erfaringsekspert",
                 "egne erfaringer", "ligemand", "peer-underviser", "peerunderviser", "peer-medarbejder", "recoverymentor"),
        "relative": ("pårørende", "pårørendeunderviser", "pårørende-underviser", "erfaring som pårørende"),
        "professional": ("fagprofessionel", "fagprofessionelle", "fagperson", "professionel", "fagligt personale"),
    },
}


def _fold(text: str) -> str:
    """What two spellings of a word have in common: case, æ/ø/å (ae/oe/aa, and the
    a/o of keyboards without them), spaces and hyphens do not count."""
    text = slugify(text).replace("-", "")
    return text.replace("aa", "a").replace("ae", "a").replace("oe", "o")


@functools.cache
def _danish_index(vocabulary: str) -> dict[str, str]:
    """Folded Danish word -> key, including the Danish names themselves."""
    index: dict[str, str] = {}
    for key, words in DANISH_WORDS[vocabulary].items():
        for word in (DANISH_NAMES[vocabulary][key], *words):
            index.setdefault(_fold(word), key)
    return index


def danish_choice(value: str, vocabulary: str) -> str | None:
    """The key a Danish word stands for ("åben" -> "open"), or None.

    An exact folded match first, then a close one (a typo in the Danish word)."""
    index = _danish_index(vocabulary)
    folded = _fold(value)
    if not folded:
        return None
    if folded in index:
        return index[folded]
    close = difflib.get_close_matches(folded, list(index), n=1, cutoff=0.8)
    return index[close[0]] if close else None


def choice_hint(value: str, choices: dict[str, Any], vocabulary: str) -> str:
    """" (mente du 'hope'?)" for a misspelt key, " (mente du 'open' (åben)?)" for a
    Danish word, "" when nothing is close."""
    names = DANISH_NAMES[vocabulary]
    english = suggest(value, choices)
    if english is not None and english.lower() == value.lower():
        return f" (mente du '{english}'?)"
    danish = danish_choice(value, vocabulary)
    if danish is not None:
        return f" (mente du '{danish}' ({names[danish]})?)"
    return f" (mente du '{english}'?)" if english else ""


#: The message for a value that is not one of the fixed ones. The hint ("mente du ...?")
#: is filled in by validation.py for the first problems of a file only: a file with
#: 50,000 wrong values must not take a fuzzy search for each.
UNKNOWN_CHOICE = "'{value}' er ikke {what}{hint}; mulige værdier: {choices}"


def _one_of(choices: dict[str, Any], what: str, vocabulary: str):
    names = DANISH_NAMES[vocabulary]
    listed = ", ".join(k if names[k] == k else f"{k} ({names[k]})" for k in choices)

    def check(value: Any) -> Any:
        value = _text(value)
        if value not in choices:
            raise PydanticCustomError(
                "unknown_choice", UNKNOWN_CHOICE,
                {"value": value, "what": what, "hint": "", "choices": listed, "vocabulary": vocabulary},
            )
        return value

    return check


VOCABULARIES: dict[str, dict[str, Any]] = {
    "themes": THEMES, "audiences": AUDIENCES, "formats": FORMATS, "statuses": STATUSES, "roles": ROLES,
}


Theme = Annotated[str, BeforeValidator(_one_of(THEMES, "et CHIME-tema", "themes")),
                  _enum_schema(THEMES, {k: v["name"] for k, v in THEMES.items()})]
Audience = Annotated[str, BeforeValidator(_one_of(AUDIENCES, "en målgruppe", "audiences")), _enum_schema(AUDIENCES, AUDIENCES)]
Format = Annotated[str, BeforeValidator(_one_of(FORMATS, "en kursusform", "formats")), _enum_schema(FORMATS, FORMATS)]
Status = Annotated[str, BeforeValidator(_one_of(STATUSES, "en status", "statuses")), _enum_schema(STATUSES, STATUSES)]
Role = Annotated[str, BeforeValidator(_one_of(ROLES, "en underviserrolle", "roles")), _enum_schema(ROLES, ROLES)]

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _not_a_collection(value: Any, what: str, example: str) -> None:
    if isinstance(value, (list, dict)):
        kind = "en liste" if isinstance(value, list) else "en opslagstabel"
        raise PydanticCustomError("not_scalar", "skal være {what}, fx {example}, ikke {kind}",
                                  {"what": what, "example": example, "kind": kind})


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if value is None:  # "date:" with nothing after it: there is no 'None' to quote
        raise PydanticCustomError("empty", "er tom; skriv en værdi")
    _not_a_collection(value, "en dato", "2027-03-03")
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise PydanticCustomError(
            "bad_date", "'{value}' er ikke en dato; skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-03", {"value": value}
        )
    y, m, d = (int(p) for p in _DATE.match(value.strip()).groups())
    try:
        return date(y, m, d)
    except ValueError:
        raise PydanticCustomError(
            "impossible_date", "datoen {value} findes ikke i kalenderen", {"value": value.strip()}
        ) from None


Date = Annotated[date, BeforeValidator(_date), WithJsonSchema(DATE_SCHEMA)]

_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")

BAD_TIME = "'{value}' er ikke et klokkeslæt; skriv det som \"TT:MM\" i anførselstegn, fx \"10:00\""
BAD_TIME_FIX = "'{value}' er ikke et klokkeslæt; skriv klokkeslættet som \"{suggestion}\""
_TIME_LIKE = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:\s*[.:,]\s*(\d{2}))?$", re.I)


def time_suggestion(text: str) -> str | None:
    """"09:00" for what an editor might write for a time of day ("9", "9.00", "kl. 9",
    "9,30"); None if it is not clearly one."""
    match = _TIME_LIKE.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return f"{hour:02d}:{minute:02d}" if hour <= 23 and minute <= 59 else None



def _time(value: Any) -> time:
    if isinstance(value, time):
        return value
    if value is None:  # "start:" with nothing after it: there is no 'None' to quote
        raise PydanticCustomError("empty", "er tom; skriv en værdi")
    _not_a_collection(value, "et klokkeslæt", '"10:00"')
    text = value.strip() if isinstance(value, str) else value
    match = _TIME.match(text) if isinstance(text, str) else None
    if not match:
        suggestion = time_suggestion(text) if isinstance(text, str) else None
        if suggestion:
            raise PydanticCustomError("bad_time", BAD_TIME_FIX, {"value": value, "suggestion": suggestion})
        raise PydanticCustomError("bad_time", BAD_TIME, {"value": value})
    h, m = int(match.group(1)), int(match.group(2))
    if h > 23 or m > 59:
        raise PydanticCustomError("impossible_time", "klokkeslættet {value} findes ikke (brug 00:00-23:59)", {"value": text})
    return time(h, m)


Time = Annotated[time, BeforeValidator(_time), WithJsonSchema(TIME_SCHEMA)]

_SCHEMES = ("https://", "http://", "mailto:", "tel:")


# Characters that may not stand unencoded in a URL (RFC 3986), besides spaces.
_URL_BAD = re.compile(r'[\s"<>\\^`{|}]')


def _url(value: Any) -> Any:
    value = _text(value)
    if not value.lower().startswith(_SCHEMES) or _URL_BAD.search(value):
        raise PydanticCustomError(
            "bad_url",
            "'{value}' er ikke en gyldig adresse; et link skal begynde med https://, http://, mailto: eller tel:",
            {"value": value},
        )
    return value


Url = Annotated[str, BeforeValidator(_url), WithJsonSchema(URL_SCHEMA)]


def _https(value: Any) -> Any:
    value = _text(value)
    if not value.lower().startswith("https://") or _URL_BAD.search(value) or len(value) <= len("https://"):
        raise PydanticCustomError(
            "bad_https", "'{value}' er ikke et sikkert link; et onlinelink skal begynde med https://", {"value": value}
        )
    return value


HttpsUrl = Annotated[str, BeforeValidator(_https), WithJsonSchema(HTTPS_SCHEMA)]


def _email(value: Any) -> Any:
    value = _text(value)
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value):
        raise PydanticCustomError("bad_email", "'{value}' er ikke en e-mailadresse", {"value": value})
    return value


Email = Annotated[str, BeforeValidator(_email), WithJsonSchema(EMAIL_SCHEMA)]


def _phone(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    value = _text(value)
    if not re.fullmatch(r"\+?[0-9 ()-]{6,20}", value):
        raise PydanticCustomError("bad_phone", "'{value}' er ikke et telefonnummer (kun cifre, mellemrum og evt. +45)", {"value": value})
    return value


Phone = Annotated[str, BeforeValidator(_phone), WithJsonSchema(PHONE_SCHEMA)]


def _count(minimum: int, maximum: int, what: str):
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise PydanticCustomError("not_int", "skal være et helt tal, fx 6")
        if not minimum <= value <= maximum:
            raise PydanticCustomError(
                "out_of_range", "skal være mellem {lo} og {hi} (er {value})",
                {"lo": minimum, "hi": maximum, "value": value},
            )
        return value

    return check


def _list(value: Any) -> Any:
    # A single value where a list is expected is a common slip: accept it as a list of one.
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [value]
    if value is None:
        raise PydanticCustomError("empty", "feltet er tomt; skriv en liste, fx [hope, identity]")
    return value


def _nonempty(value: list) -> list:
    if not value:
        raise PydanticCustomError("empty_list", "listen er tom; skriv mindst én værdi")
    return value


def _unique(value: list) -> list:
    seen = set()
    for item in value:
        if item in seen:
            raise PydanticCustomError("duplicate", "'{item}' står to gange i listen", {"item": str(item)})
        seen.add(item)
    return value


def ListOf(item: Any, *, required: bool = False):
    validators = [AfterValidator(_unique)] + ([AfterValidator(_nonempty)] if required else [])
    return Annotated[list[item], BeforeValidator(_list), *validators, _list_schema(required)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- The files ------------------------------------------------------------------------


class Registration(_Strict):
    """Hvordan man tilmelder sig. Mindst én af url, email og phone."""

    url: Url | None = Field(None, description="Link til tilmelding (https://...).", examples=["https://recoveryskolen.example.dk/tilmelding"])
    email: Email | None = Field(None, description="E-mailadresse, man kan tilmelde sig på.", examples=["tilmelding@example.dk"])
    phone: Phone | None = Field(None, description="Telefonnummer, man kan ringe til for at tilmelde sig (i anførselstegn).", examples=["+45 12 34 56 78"])
    deadline: Date | None = Field(None, description="Sidste dag for tilmelding (ÅÅÅÅ-MM-DD). Derefter vises tilmeldingen som lukket.", examples=["2027-02-24"])
    note: Text | None = Field(None, description="En kort besked om tilmeldingen.", examples=["Husk at skrive, hvis du har brug for tolk."])


class SessionSpec(_Strict):
    """En kursusgang, eller med 'weekly' en ugentlig række af kursusgange."""

    date: Date = Field(description="Dato for kursusgangen (ÅÅÅÅ-MM-DD).", examples=["2027-03-03"])
    start: Time = Field(description="Starttidspunkt, lokal tid, 24 timer, i anførselstegn.", examples=["10:00"])
    end: Time = Field(description="Sluttidspunkt samme dag, efter start.", examples=["12:00"])
    topic: Text | None = Field(None, description="Emnet for kursusgangen.", examples=["Hvad er håb?"])
    weekly: Annotated[int, BeforeValidator(_count(1, 104, "'weekly'")),
                      WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 104})] | None = Field(
        None, description="Antal ugentlige kursusgange, denne medregnet, samme lokale tid.", examples=[6]
    )
    except_: ListOf(Date) = Field(
        default_factory=list, alias="except", description="Med 'weekly': datoer i rækken, der springes over.", examples=[["2027-03-24"]]
    )
    location: Slug | None = Field(None, description="Id på et andet sted (fra courses/_locations.yml) for denne kursusgang.", examples=["biblioteket"])
    cancelled: Annotated[bool, Strict()] = Field(False, description="true, hvis kursusgangen er aflyst (vises overstreget).", examples=[True])

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CourseSpec(_Strict):
    """Et kursus: courses/<slug>.yml."""

    title: Text = Field(description="Kursets titel.", examples=["Håb og recovery"])
    summary: Annotated[Text, AfterValidator(_summary)] = Field(
        description="Én sætning om kurset, højst 200 tegn.", examples=["Hvad giver håb, og hvordan holder man fast i det?"],
        json_schema_extra={"maxLength": 200},
    )
    description: Text = Field(
        description="Beskrivelse af kurset i Markdown. Skriv 'description: |' og teksten indrykket på linjerne under.",
        examples=["På kurset undersøger vi, hvad håb er, og hvordan personlig recovery kan se ud.\n"],
    )
    learning_outcomes: ListOf(Text) = Field(default_factory=list, description="Hvad deltagerne får ud af kurset.", examples=[["Du får redskaber til ..."]])
    themes: ListOf(Theme, required=True) = Field(description="Et eller flere CHIME-temaer: connectedness, hope, identity, meaning, empowerment.", examples=[["hope", "connectedness"]])
    audiences: ListOf(Audience, required=True) = Field(description="Målgrupper: citizens, relatives, professionals.", examples=[["citizens", "relatives"]])
    teachers: ListOf(Slug, required=True) = Field(
        description="Id'er fra courses/_teachers.yml: mindst én med rollen peer eller relative og én med rollen professional.",
        examples=[["anne-madsen", "karsten-holm"]],
    )
    format: Format = Field("in-person", description="in-person (fremmøde), online eller hybrid.", examples=["in-person"])
    location: Slug | None = Field(None, description="Id fra courses/_locations.yml; påkrævet, medmindre kurset er online.", examples=["vaerkstedet"])
    online_url: HttpsUrl | None = Field(None, description="Link til onlinemødet (https://) for online og hybrid. Linket er privat: det vises ingen steder på portalen, medmindre online_url_public er true.", examples=["https://moede.example.dk/haab"])
    online_url_public: Annotated[bool, Strict()] = Field(
        False, description="true, hvis alle må se onlinelinket (fx en åben onlinecafé). Ellers sendes linket kun til dem, der har meldt sig til.",
        examples=[True],
    )
    capacity: Annotated[int, BeforeValidator(_count(1, 10_000, "'capacity'")),
                        WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 10_000})] | None = Field(
        None, description="Antal pladser.", examples=[14]
    )
    status: Status = Field("open", description="open, waitlist, full eller cancelled.", examples=["open"])
    drop_in: Annotated[bool, Strict()] = Field(
        False, description="true, hvis man ikke skal melde sig til, men bare kan møde op (fx en recoverycafé).",
        examples=[True],
    )
    registration: Registration | None = Field(
        None, description="Tilmelding; uden den vises skolens kontakt.",
        examples=[{"email": "tilmelding@example.dk", "deadline": "2027-02-24"}],
    )
    glossary: ListOf(Slug) = Field(default_factory=list, description="Ord fra mini-ordbogen, der vises som 'Ord på kurset'.", examples=[["personlig-recovery", "chime"]])
    sessions: Annotated[list[SessionSpec], BeforeValidator(lambda v: [] if v is None else v), _SchemaHook(_nullable)] = Field(
        default_factory=list, description="Kursusgangene; kan være tom (datoer følger).",
        examples=[[{"date": "2027-03-03", "start": "10:00", "end": "12:00", "topic": "Hvad er håb?"}]],
    )


class Teacher(_Strict):
    """En underviser i courses/_teachers.yml."""

    name: Text = Field(description="Fulde navn.", examples=["Anne Madsen"])
    role: Role = Field(description="peer (levede erfaringer), relative (pårørende) eller professional (fagprofessionel).", examples=["peer"])
    title: Text | None = Field(None, description="Vises under navnet.", examples=["Underviser med erfaringskompetence"])
    bio: Text | None = Field(None, description="Kort præsentation i Markdown.", examples=["Anne har selv haft en depression og underviser ud fra sine levede erfaringer.\n"])


class Location(_Strict):
    """Et sted i courses/_locations.yml."""

    name: Text = Field(description="Stedets navn.", examples=["Værkstedet"])
    address: Text = Field(description="Adresse med postnummer og by.", examples=["Eksempelvej 12, 4000 Roskilde"])
    accessibility: Text | None = Field(None, description="Tilgængelighed, vises på kursussiden.", examples=["Niveaufri adgang og handicaptoilet."])
    directions: Text | None = Field(None, description="Sådan kommer man derhen.", examples=["Bus 202 til Eksempelvej."])


class TermSpec(_Strict):
    """Front matter i glossary/<slug>.md."""

    term: Text = Field(description="Ordet, som det vises.", examples=["Erfaringskompetence"])
    forms: ListOf(Text) = Field(default_factory=list, description="Andre bøjningsformer, der skal genkendes i tekst.", examples=[["erfaringskompetencer", "erfaringskompetencen"]])
    see_also: ListOf(Slug) = Field(default_factory=list, description="Slugs på beslægtede ord.", examples=[["levede-erfaringer"]])
    source: Text | None = Field(None, description="Hvor definitionen kommer fra (tekst eller Markdown-link).", examples=["Socialstyrelsen"])


class SiteSettings(_Strict):
    """extra.portal i mkdocs.yml."""

    name: Text = Field(description="Skolens navn.")
    timezone: Text = Field("Europe/Copenhagen", description="IANA-tidszone for alle datoer og tider i courses/.")
    contact: Text | None = Field(None, description="E-mail eller telefon, der vises, hvor et kursus ikke har egen tilmelding.")
    phone: Phone | None = Field(None, description="Skolens telefonnummer, vist nederst på hver side.")
    address: Text | None = Field(None, description="Skolens adresse, vist nederst på hver side.")
    opening_hours: Text | None = Field(None, description="Hvornår skolen kan kontaktes, fx 'Mandag-torsdag kl. 9-15'.")
    crisis: Text = Field(
        "Har du brug for hjælp nu? Ring til Livslinien på 70 201 201, eller ring 112 ved akut fare.",
        description="Den korte tekst om hjælp i en krise, vist nederst på hver side.",
    )
    accessibility_statement: Url | None = Field(
        None, description="Link til skolens tilgængelighedserklæring (lavet i Digitaliseringsstyrelsens WAS-Tool).",
    )
    url: Url | None = Field(None, description="Sidens offentlige adresse; ellers bruges site_url.")
