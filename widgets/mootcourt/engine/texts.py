"""Reasoning texts: generic templates beside the issue tests, filled with a case's names.

An issue test never writes prose. It returns message keys with structured parameters
(`Ids` for parties, fields, evidence and claims; `Term` for a result or an anchor; `Cite`
for statute ids), and this module renders them in the chosen language on demand, so one
evaluation serves both languages and a case file can override any template.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from ..i18n import KIND_VARIANTS, LANGUAGES, kind_key, messages
from ..validation import did_you_mean

if TYPE_CHECKING:
    from ..case import Case


@dataclass(frozen=True, slots=True)
class Ids:
    """Ids of labelled things in the case (parties, fields, evidence, claims, levels)."""

    ids: tuple[str, ...]
    items: bool = False
    """long labels (items of evidence): separated by semicolons, not commas"""


@dataclass(frozen=True, slots=True)
class Term:
    """A catalogue term: `Term("result", "established")` -> 'established' / '成立'."""

    kind: str
    value: str


@dataclass(frozen=True, slots=True)
class Terms:
    """Several catalogue terms of one kind, read as a list."""

    kind: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cite:
    """Statute ids, rendered as citations: 'PIPL Art. 69'."""

    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Money:
    """A sum in yuan: 'RMB 2,300' / '2300元'."""

    yuan: float

    def __call__(self, lang: str) -> str:
        whole = self.yuan == int(self.yuan)
        if lang == "zh-CN":
            return f"{int(self.yuan)}元" if whole else f"{self.yuan:.2f}元"
        return f"RMB {int(self.yuan):,}" if whole else f"RMB {self.yuan:,.2f}"


Param = str | Ids | Term | Terms | Cite | Money | dt.date


@dataclass(frozen=True, slots=True)
class Message:
    key: str
    params: Mapping[str, Param]


def msg(key: str, **params: Param | Iterable[str]) -> Message:
    """Build a message; plain tuples or lists of ids become `Ids`."""
    for name, value in params.items():  # `params` is this call's own dict: fix it in place
        cls = value.__class__
        if (
            cls is list
            or cls is tuple
            or (cls not in _PARAM_CLASSES and not isinstance(value, _PARAM_TYPES))
        ):
            params[name] = _ids(tuple(value), name == "evidence")  # type: ignore[arg-type]
    return Message(key, params)  # type: ignore[arg-type]


_IDS: dict[tuple[tuple[str, ...], bool], Ids] = {}
_IDS_KEPT = 4096


def _ids(ids: tuple[str, ...], items: bool) -> Ids:
    """One `Ids` per list of ids, kept in `_IDS` (it is immutable, so messages may share it;
    most name the same defendant or plaintiff, run after run). The memo is dropped when it
    grows past `_IDS_KEPT` (the analysis runs a level thousands of times)."""
    key = (ids, items)
    found = _IDS.get(key)
    if found is None:
        if len(_IDS) >= _IDS_KEPT:
            _IDS.clear()
        found = _IDS[key] = Ids(ids, items)
    return found


_PARAM_TYPES = (str, Ids, Term, Terms, Cite, Money, dt.date)
"""what a message parameter may be as it is (a tuple, not a union: measured faster)"""
_PARAM_CLASSES = frozenset(_PARAM_TYPES)
"""the same, for the exact-class test that answers most calls (a set lookup)"""


@cache
def templates(lang: str) -> Mapping[str, str]:
    """The engine's own templates (the steps every pack has: an issue not reached, a step the
    court is not reported to have decided, a divergence, an appeal's disposition). A pack's
    templates (`packs/<id>/texts/`) come on top: `Pack.templates`."""
    text = resources.files(__package__).joinpath("texts", f"{lang}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def overridable(keys: Iterable[str]) -> frozenset[str]:
    """The keys a case may override: the kind variants are the kit's, never an author's."""
    return frozenset(key for key in keys if key.rsplit(".", 1)[-1] not in KIND_VARIANTS)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check_overrides(
    overrides: Mapping[str, str], known: Mapping[str, str], keys: frozenset[str]
) -> list[tuple[str, str]]:
    """Problems with a case's template overrides: unknown keys, unknown or odd placeholders
    (`known`: the pack's English templates; `keys`: those a case may override)."""
    problems = []
    for key, template in overrides.items():
        if key not in keys:
            close = did_you_mean(key, sorted(keys))
            hint = f"; did you mean '{close}'?" if close else ""
            problems.append((key, f"unknown text key '{key}'{hint}"))
            continue
        allowed = placeholders(known[key])
        try:
            fields = [
                (n, spec, conv)
                for _, n, spec, conv in string.Formatter().parse(template)
                if n is not None
            ]
        except ValueError as exc:
            problems.append((key, f"bad template: {exc}"))
            continue
        for name, spec, conversion in fields:
            if spec or conversion:
                written = (
                    "{"
                    + name
                    + (f"!{conversion}" if conversion else "")
                    + (f":{spec}" if spec else "")
                    + "}"
                )
                problems.append((key, f"write {{{name}}} plainly, not {written}"))
            elif name not in allowed:
                problems.append(
                    (
                        key,
                        f"unknown placeholder {{{name}}}; allowed: "
                        f"{', '.join('{' + a + '}' for a in sorted(allowed))}",
                    )
                )
    return problems


def join(items: list[str], lang: str, *, long: bool = False) -> str:
    """'a, b and c' / 'a、b、c': how a list reads in each language; long items (which may
    hold commas themselves) are separated by semicolons."""
    if not items:
        return messages(lang)("cli.none")
    if lang == "zh-CN":
        return ("；" if long else "、").join(items)
    if long:
        return "; ".join(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def date_text(day: dt.date, lang: str) -> str:
    """`2021年11月1日` / `1 November 2021`: dates as a judgment writes them."""
    if lang == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def render(case: Case, message: Message, lang: str, *, level: str | None = None) -> str:
    """One message in `lang`: the level's own template first (one court may say a sentence in
    its own words), then the case's, then the engine's worded for the case's kind."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'; valid: {', '.join(LANGUAGES)}")
    template = template_for(case, message.key, lang, level)
    values = {k: _param(case, v, lang) for k, v in message.params.items()}
    for name in _opening(template):  # a lower-case label ("the courier") may open a sentence
        values[name] = values[name][:1].upper() + values[name][1:]
    text = template.format_map(values)
    return text[:1].upper() + text[1:]


@cache
def _opening(template: str) -> frozenset[str]:
    """The placeholders that open a sentence inside `template`: after '. ', '! ' or '? '."""
    opening: set[str] = set()
    before = ""
    for literal, field, _, _ in string.Formatter().parse(template):
        before += literal
        if field is not None:
            if before.endswith((". ", "! ", "? ")):
                opening.add(field)
            before += "{}"
    return frozenset(opening)


def template_for(case: Case, key: str, lang: str, level: str | None = None) -> str:
    """The template a message uses: level > case > pack (level None: the case-wide one)."""
    for layer in case.layers(level):
        own = layer.texts.get(lang, {})  # type: ignore[call-overload]
        if key in own:
            return own[key]
    table = case.pack.templates(lang)
    return table[kind_key(table, key, case.kind)]


def render_all(case: Case, items: Iterable[Message], lang: str, *, level: str | None = None) -> str:
    """The messages as one text; a case may silence a template (an empty override) where its
    court is not reported to have said that sentence."""
    sep = "" if lang == "zh-CN" else " "
    return sep.join(t for t in (render(case, m, lang, level=level) for m in items) if t)


def _citations(case: Case, ids: tuple[str, ...], lang: str) -> list[str]:
    """Each statute cited as a judgment cites it; in Chinese a run of articles of one
    instrument names its title once (《……》第四十一条、第四十三条), as a judgment writes it."""
    cited = [case.law.formal_citation(i, lang) for i in ids]
    if lang != "zh-CN":
        return cited
    out: list[str] = []
    previous = ""
    for text in cited:
        title = text[: text.index("》") + 1] if text.startswith("《") else ""
        out.append(text[len(title) :] if title and title == previous else text)
        previous = title
    return out


def _param(case: Case, value: Param, lang: str) -> str:
    if isinstance(value, Ids):
        return join([case.label(i, lang) for i in value.ids], lang, long=value.items)
    if isinstance(value, Term):
        if value.kind == "issue":  # the case's own name for an issue, where it has one
            return case.issue_label(value.value, lang)
        return case.pack.messages(lang)(f"{value.kind}.{value.value}")
    if isinstance(value, Terms):
        terms = case.pack.messages(lang)
        return join([terms(f"{value.kind}.{v}") for v in value.values], lang)
    if isinstance(value, Cite):
        return join(_citations(case, value.ids, lang), lang)
    if isinstance(value, dt.date):
        return date_text(value, lang)
    if isinstance(value, Money):
        return value(lang)
    return value
