"""Turning pydantic's validation errors into located problems in plain Danish."""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .danish import did_you_mean
from .problems import Problem
from .sources import Document

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


def translate(error: dict, model: type[BaseModel], prefix: tuple = (), hint: bool = True) -> tuple[tuple, str]:
    """(location in the document, plain message) for one pydantic error."""
    loc = tuple(error["loc"])
    kind = error["type"]
    full = prefix + loc
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1]) or model
        key = loc[-1]
        maybe = did_you_mean(str(key), field_names(parent)) if hint else ""
        return full, f"ukendt felt '{key}'{maybe}; tilladte felter: {', '.join(field_names(parent))}"
    if kind == "missing":
        return full[:-1], f"feltet '{loc[-1]}' mangler"
    what = _describe(loc)
    if kind in _PLAIN:
        if error.get("input") is None and kind != "missing":
            return full, f"{what} er tom; skriv en værdi"
        return full, f"{what} {_PLAIN[kind]}"
    # Our own PydanticCustomErrors already speak plain Danish.
    msg = error["msg"]
    joiner = " " if msg.split(" ", 1)[0] in {"er", "skal", "må"} else ": "
    return full, f"{what}{joiner}{msg}"


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
        errors = exc.errors(include_url=False, include_context=False)
        if raw_errors is not None:
            raw_errors.extend(errors)
        for i, error in enumerate(errors):
            loc, message = translate(error, model, prefix, hint=i < hints)
            problems.append(Problem(path, doc.line(loc), message))
        return None, problems
