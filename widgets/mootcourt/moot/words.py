"""How the moot court names things to a person: labels and citations, never ids.

Every sentence the feedback, the bench, judge mode or the export shows is a catalogue
template (`moot.*` in `i18n/`) filled from here: a party's, an item's or a court's label from
the case, an issue's name from the case or the catalogue, a statute's citation from the
statute book, a doctrine value's name from the catalogue. One place, so the two languages
cannot drift and no bare id reaches a student.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..engine.texts import join
from ..i18n import LANGUAGES, messages
from .brief import COURT

if TYPE_CHECKING:
    from ..case import Case
    from .reasoning import Move


def t(lang: str, key: str, **params: object) -> str:
    return messages(lang)(key, **params)


def both(render: object) -> Mapping[str, str]:
    """`{lang: render(lang)}` for both languages of the kit."""
    return MappingProxyType({lang: render(lang) for lang in LANGUAGES})  # type: ignore[operator]


def issue(case: Case, issue_id: str, lang: str) -> str:
    return case.issue_label(issue_id, lang)


def issue_against(case: Case, issue_id: str, defendant: str | None, lang: str) -> str:
    """The issue's label with the defendant it is argued against (cases with several)."""
    return t(
        lang,
        "moot.with_defendant",
        issue=issue(case, issue_id, lang),
        defendant=party(case, defendant, lang),
    )


def result(lang: str, value: str) -> str:
    return t(lang, f"result.{value}")


def finding(case: Case, issue_id: str, value: str, lang: str) -> str:
    """'Fault: rebutted' / '过错：推定被推翻'."""
    return t(lang, "moot.finding", issue=issue(case, issue_id, lang), result=result(lang, value))


def party(case: Case, party_id: str | None, lang: str) -> str:
    if party_id is None:
        return t(lang, "cli.none")
    if party_id == COURT:
        return t(lang, "moot.side.court")
    return case.label(party_id, lang)


def items(case: Case, ids: Iterable[str], lang: str) -> str:
    """Labels of items of evidence or parties, joined in the language's way."""
    return join([f"{t(lang, 'moot.quote', text=case.label(i, lang))}" for i in ids], lang)


def rules(case: Case, ids: Iterable[str], lang: str) -> str:
    """Citations: `PIPL Art. 69(1)` / `个人信息保护法第六十九条第一款`."""
    return join([case.law.citation(i, lang) for i in ids], lang)


def param(case: Case, lang: str, name: str) -> str:
    """A doctrine parameter's name, as the case's pack words it."""
    return case.messages(lang)(f"param.{name}")


def value(case: Case, lang: str, name: str) -> str:
    """A doctrine value's name, as the case's pack words it."""
    return case.messages(lang)(f"value.{name}")


def reading(case: Case, lang: str, name: str, chosen: str) -> str:
    """'what rebuts fault: general compliance suffices'."""
    return t(lang, "moot.reading", param=param(case, lang, name), value=value(case, lang, chosen))


def readings(case: Case, lang: str, urged: Mapping[str, str]) -> str:
    return join([reading(case, lang, p, v) for p, v in urged.items()], lang, long=True)


def move(case: Case, change: Move, lang: str) -> str:
    """The move as a condition: 'the court read what rebuts fault as ...', '... were not in
    the record'."""
    if change.kind == "doctrine":
        assert change.param is not None and change.value is not None
        return t(
            lang,
            "moot.move.doctrine",
            param=param(case, lang, change.param),
            value=value(case, lang, change.value),
        )
    assert change.toggle is not None
    direction = "on" if change.to else "off"
    return t(lang, f"moot.move.{change.kind}.{direction}", item=case.label(change.toggle, lang))


def move_label(case: Case, change: Move, lang: str) -> str:
    """The move's short name: the item's label, or 'parameter: value'."""
    if change.kind == "doctrine":
        assert change.param is not None and change.value is not None
        return reading(case, lang, change.param, change.value)
    assert change.toggle is not None
    return case.label(change.toggle, lang)


def sentences(parts: Iterable[str], lang: str) -> str:
    """Sentences run on as the language writes them (Chinese puts no space between)."""
    return ("" if lang == "zh-CN" else " ").join(p for p in parts if p)
