"""Turning pydantic's validation errors into located problems in plain Danish."""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from .danish import did_you_mean, suggest
from .model import BAD_TIME, BAD_TIME_FIX, UNKNOWN_CHOICE, VOCABULARIES, choice_hint, time_suggestion
from .problems import Problem
from .sources import INDENT_HINT, Document, follows_text_block, looks_like_prose

M = TypeVar("M", bound=BaseModel)

#: "Did you mean" hints are worked out for this many errors of one validation; a file
#: with thousands of mistakes gets its problems fast (the editor sees the first few).
MAX_HINTS = 50

# Pydantic's own error types that our custom validators do not already word.
_PLAIN = {
    "missing": "mangler",
    "string_type": "skal være tekst",
    "int_type": "skal være et helt tal",
    "int_parsing": "skal være et helt tal",
    "int_from_float": "skal være et helt tal",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "list_type": "skal være en liste (linjer, der begynder med '- ', eller [a, b])",
    "dict_type": "skal være en opslagstabel med felter (linjer med 'navn: værdi')",
    "model_type": "skal være en opslagstabel med felter (linjer med 'navn: værdi')",
    "model_attributes_type": "skal være en opslagstabel med felter (linjer med 'navn: værdi')",
}


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the last key of ``loc`` (for "did you mean" on keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        if part not in fields:
            return None
        current = _inner_model(fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _describe(loc: tuple) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return f"'{names[-1]}'" if names else "værdien"


def _rendered(value: Any) -> str:
    """How a PydanticCustomError prints ``value`` in its message (true as "1")."""
    return PydanticCustomError("value", "{value}", {"value": value}).message()


def _written(error: dict, full: tuple, doc: Document | None) -> str | None:
    """What the editor wrote for a value YAML read as a number or true/false ("9.00"
    for 9.0, "true" for true)."""
    value = error.get("input")
    if doc is None or isinstance(value, str) or not isinstance(value, (int, float, bool)):
        return None
    written = doc.written.get(full)
    if written is None and full and full[-1] == 0:
        written = doc.written.get(full[:-1])  # "themes: 9" read as a list of one
    return written


def _echo(error: dict, message: str, written: str) -> str:
    """``message`` quoting ``written`` where it quoted the value YAML made of it; a
    time of day written as a number gets the fix ("9.00" -> "09:00")."""
    if error["type"] == "bad_time":
        suggestion = time_suggestion(written)
        template = BAD_TIME_FIX if suggestion else BAD_TIME
        return template.format(value=written, suggestion=suggestion)
    value = _rendered(error["input"])
    return message.replace(f"'{value}'", f"'{written}'").replace(f'"{value}"', f'"{written}"')


def _lost_indentation(key: Any, full: tuple, doc: Document | None, fields: list[str]) -> bool:
    """A "key" that is a line of prose right after a text over several lines: the line
    lost its indentation (and YAML read its words up to a colon as a field name)."""
    if doc is None or not isinstance(key, str) or not looks_like_prose(key) or suggest(key, fields):
        return False
    return follows_text_block(doc.source, doc.line(full) - doc.offset)


def translate(error: dict, model: type[BaseModel], prefix: tuple = (), hint: bool = True,
              doc: Document | None = None) -> tuple[tuple, str]:
    """(location in the document, plain message) for one pydantic error.

    With ``doc`` (the document the data came from), messages quote values as the
    editor wrote them and spot lines that lost their indentation."""
    loc = tuple(error["loc"])
    kind = error["type"]
    full = prefix + loc
    # A key that is not text (a number in mkdocs.yml, whose YAML reader keeps it one) can
    # no more be a field than a misspelt one; pydantic says "Keys should be strings".
    if kind in ("extra_forbidden", "invalid_key"):
        parent = _model_at(model, loc[:-1]) or model
        key = loc[-1]
        fields = field_names(parent)
        if hint and _lost_indentation(key, full, doc, fields):
            return full, f"ukendt felt '{key}'; {INDENT_HINT}"
        maybe = did_you_mean(str(key), fields) if hint else ""
        return full, f"ukendt felt '{key}'{maybe}; tilladte felter: {', '.join(fields)}"
    if kind == "missing":
        return full[:-1], f"feltet '{loc[-1]}' mangler"
    what = _describe(loc)
    if kind in _PLAIN:
        if error.get("input") is None and kind != "missing":
            return full, f"{what} er tom; skriv en værdi"
        return full, f"{what} {_PLAIN[kind]}"
    # Our own PydanticCustomErrors already speak plain Danish.
    msg = error["msg"]
    ctx = error.get("ctx") or {}
    if kind == "unknown_choice" and hint and ctx.get("vocabulary") in VOCABULARIES:
        vocabulary = ctx["vocabulary"]
        msg = UNKNOWN_CHOICE.format(**{**ctx, "hint": choice_hint(ctx["value"], VOCABULARIES[vocabulary], vocabulary)})
    written = _written(error, full, doc)
    if written is not None:
        msg = _echo(error, msg, written)
    joiner = " " if msg.split(" ", 1)[0] in {"er", "skal", "må"} else ": "
    return full, f"{what}{joiner}{msg}"


def _misspelt_required(errors: list[dict], model: type[BaseModel], hints: int) -> set[tuple]:
    """Locations of missing fields that a misspelt key next to them stands for: one
    mistake ("summery: ...") gives one problem, the unknown key with its "mente du".
    Only among the errors that get hints (the same ones that show the suggestion)."""
    meant = set()
    for error in errors[:hints]:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        parent = _model_at(model, loc[:-1]) or model
        suggestion = suggest(str(loc[-1]), field_names(parent))
        if suggestion is not None:
            meant.add(loc[:-1] + (suggestion,))
    return meant


def validate(model: type[M], data: Any, doc: Document, path: str, prefix: tuple = (), hints: int = MAX_HINTS,
             raw_errors: list[dict] | None = None) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` (found at ``prefix`` in ``doc``) as ``model``; never raises.

    Only the first ``hints`` problems get a "did you mean" hint. Pydantic's own errors
    are appended to ``raw_errors`` if it is given."""
    if not isinstance(data, dict):
        kind = "en liste" if isinstance(data, list) else "en enkelt værdi"
        where = f"'{prefix[-1]}' " if prefix else "filen "
        return None, [Problem(path, doc.line(prefix), f"{where}skal være en opslagstabel med felter (linjer med 'navn: værdi'), men er {kind}")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        errors = exc.errors(include_url=False)
        if raw_errors is not None:
            raw_errors.extend(errors)
        meant = _misspelt_required(errors, model, hints)
        for i, error in enumerate(errors):
            if error["type"] == "missing" and tuple(error["loc"]) in meant:
                continue
            loc, message = translate(error, model, prefix, hint=i < hints, doc=doc)
            problems.append(Problem(path, doc.line(loc), message))
        return None, problems
