"""Turn schema errors into `file:line: field.path: message` an author can act on.

pydantic reports where a value is wrong as a `loc` tuple of keys and indices; the YAML
reader recorded the line of every such path. This module joins the two and rewrites
pydantic's messages in an author's terms: an unknown key gets a did-you-mean, a missing
language names the language.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import CaseError, Problem
from .yamlsource import Located, dotted

M = TypeVar("M", bound=BaseModel)


def validate_file(located: Located, model: type[M]) -> M:
    """Validate a parsed file against a schema model; raise `CaseError` with every problem."""
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise CaseError(_problems(located, model, exc)) from None


def _problems(located: Located, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    for error in exc.errors(include_url=False):
        loc = _data_loc(error["loc"], located.data)
        found.append((loc, error["type"], _message(error, model, loc)))
    # a misspelt key also makes the right key "missing": report only the misspelling
    suggested = {
        (loc[:-1], _close_key(model, loc))
        for loc, kind, _ in found
        if kind == "extra_forbidden" and loc
    }
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for loc, kind, message in found:
        if kind == "missing" and loc and (loc[:-1], str(loc[-1])) in suggested:
            continue
        field = dotted(loc)
        if (field, message) not in seen:
            seen.add((field, message))
            problems.append(Problem(str(located.path), located.line_of(loc), field, message))
    return sorted(problems, key=lambda p: p.line or 0)


def _data_loc(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """Drop the parts of pydantic's `loc` that are not keys in the data (union tags etc.)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a missing or unknown key: name it
            node = None
        # else: a union member's name or a validator tag: not part of the author's path
    return tuple(out)


def _is_tag(part: str) -> bool:
    return "[" in part or part.startswith(("function-", "literal[", "union["))


def _message(error: Any, model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        close = _close_key(model, loc) if loc else None
        known = _known_keys(model, loc[:-1])
        hint = f"; did you mean '{close}'?" if close else ""
        valid = f" (valid: {', '.join(known)})" if known and not close else ""
        return f"unknown key '{key}'{hint}{valid}"
    if kind == "missing":
        key = str(loc[-1]) if loc else "?"
        if key in ("zh-CN", "en"):
            return f"missing language '{key}': every text needs both zh-CN and en"
        return f"missing required key '{key}'"
    if kind == "literal_error":
        return f"{error['msg'].replace('Input should be', 'must be')} (got {error['input']!r})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        got = type(error["input"]).__name__
        got = {"list": "a list", "str": "text", "NoneType": "nothing"}.get(got, got)
        return f"expected a mapping of keys and values here, got {got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"write true or false (got {error['input']!r})"
    if kind in ("list_type", "too_short") and isinstance(error.get("ctx"), dict | None):
        if kind == "too_short":
            return f"needs at least {error['ctx']['min_length']} item(s)"
        return f"expected a list here (e.g. [a, b]), got {error['input']!r}"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not a valid id: use lower_snake_case letters and digits"
    return str(error["msg"])


def did_you_mean(item: str, known: Iterable[str]) -> str | None:
    """The one close spelling of `item` among `known`, if there is one."""
    close = difflib.get_close_matches(item, list(known), n=1)
    return close[0] if close else None


def _close_key(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The allowed key an unknown key at `loc` was probably meant to be."""
    return did_you_mean(str(loc[-1]), _known_keys(model, loc[:-1]))


def _known_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The keys the schema allows at `loc`, walking the model's annotations."""
    target = _type_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return [f.alias or name for name, f in target.model_fields.items()]
    return []


def _type_at(tp: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        tp = _unwrap(tp, part)
        if tp is None:
            return None
    return _unwrap_optional(tp)


def _unwrap_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    if origin is typing.Annotated:
        return _unwrap_optional(typing.get_args(tp)[0])
    return tp


def _unwrap(tp: Any, part: str | int) -> Any:
    tp = _unwrap_optional(tp)
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
        for name, field in tp.model_fields.items():
            if part in (name, field.alias):
                return field.annotation
        return None
    if origin is list and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin is dict and isinstance(part, str):
        return typing.get_args(tp)[1]
    return None


def problem_at(located: Located, loc: tuple[str | int, ...], message: str) -> Problem:
    """A problem found after the schema (a bad reference, a duplicate id), at its line."""
    return Problem(str(located.path), located.line_of(loc), dotted(loc), message)


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise CaseError(problems)
