"""The analysis in plain sentences, in either language, from the case's own labels.

Every phrase comes from the message catalogue (`i18n/`, keys `analysis.*`) and every name
from the case file, so a new case reads correctly without touching this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.texts import join
from ..i18n import messages
from .conditions import Condition, Term
from .decomposition import RECORD, Decomposition
from .sensitivity import FlipEffect, LevelResult, Settled

if TYPE_CHECKING:
    from ..case import Case


def court(case: Case, level: str, lang: str) -> str:
    """'Second instance (Beijing No. 4 Intermediate People's Court)'."""
    lv = case.levels[level]
    return messages(lang)("analysis.court", level=lv.label(lang), court=lv.court(lang))


def defendants(case: Case, lang: str) -> str:
    names = [case.label(d, lang) for d in case.defendants]
    if len(names) == 1:
        return names[0]
    return messages(lang)("analysis.any_of", names=join(names, lang))


def fact(case: Case, toggle: str, value: bool, lang: str) -> str:
    """One literal: 'without the platform's own account of what logistics receives'."""
    kind = case.toggles[toggle].kind
    state = "on" if value else "off"
    return messages(lang)(f"analysis.{kind}.{state}", label=case.label(toggle, lang))


def term(case: Case, product: Term, lang: str) -> str:
    return messages(lang)("analysis.and").join(fact(case, t, v, lang) for t, v in product.items())


def condition(case: Case, found: Condition, lang: str) -> str:
    """'Second instance (...) finds the platform liable exactly when: A and B; and one of:
    (1) ...; or (2) ...' (common facts first, then one clause per independent factor)."""
    t = messages(lang)
    who = dict(court=court(case, found.level, lang), defendants=defendants(case, lang))
    if found.never:
        return t("analysis.condition.never", **who)
    parts = [term(case, found.common, lang)] if found.common else []
    for factor in found.factors:
        if len(factor) == 1:
            if factor[0]:
                parts.append(term(case, factor[0], lang))
            continue
        options = [
            t("analysis.numbered", n=i, term=term(case, product, lang))
            for i, product in enumerate(factor, 1)
        ]
        parts.append(t("analysis.one_of", options=t("analysis.or").join(options)))
    if not parts:
        return t("analysis.condition.always", **who)
    return t("analysis.condition", terms=t("analysis.parts").join(parts), **who)


def result(value: LevelResult, lang: str) -> str:
    key = {True: "liable", False: "not_liable", None: "open"}[value]
    return messages(lang)(f"analysis.result.{key}")


def settled(case: Case, found: Settled, lang: str) -> str:
    t = messages(lang)
    where = court(case, found.level, lang)
    if found.settled:
        return t("analysis.settled", court=where, result=result(found.result, lang))
    facts = join([case.label(u, lang) for u in found.depends_on], lang, long=True)
    return t("analysis.open", court=where, facts=facts)


def flip(case: Case, effect: FlipEffect, lang: str) -> str:
    """What turning one toggle over does, in one sentence."""
    t = messages(lang)
    label = case.label(effect.toggle, lang)
    if effect.flip is None:
        return t("analysis.flip.unknown", toggle=label)
    if effect.unavailable:
        needs = join([case.label(n, lang) for n in effect.flip.blocked_by], lang, long=True)
        return t("analysis.flip.unavailable", toggle=label, needs=needs)
    action = t(
        "analysis.flip.turn_on" if effect.flip.to else "analysis.flip.turn_off", toggle=label
    )
    if effect.flip.cascade:
        cascade = join([case.label(c, lang) for c in effect.flip.cascade], lang, long=True)
        action = t("analysis.flip.cascade", action=action, cascade=cascade)
    changes = []
    for level, change in effect.levels.items():
        if not change.changes:
            continue
        where = (
            t("analysis.flip.at", issue=case.issue_label(change.issue, lang))
            if change.issue
            else ""
        )
        changes.append(
            t(
                "analysis.flip.change",
                court=case.levels[level].label(lang),
                before=result(change.before, lang),
                after=result(change.after, lang),
                where=where,
            )
        )
    if not changes:
        return t("analysis.flip.nothing", action=action)
    return t("analysis.flip.changes", action=action, changes=join(changes, lang, long=True))


def move_name(move: str, lang: str) -> str:
    t = messages(lang)
    return t("analysis.move.record") if move == RECORD else t(f"param.{move}")


def decomposition(case: Case, found: Decomposition, lang: str) -> str:
    """Which moves were necessary and which sufficient, each with its basis."""
    t = messages(lang)
    a, b = found.levels
    head = t(
        "analysis.decomposition.head",
        first=case.levels[a].label(lang),
        second=case.levels[b].label(lang),
        start=result(found.start, lang),
        target=result(found.target, lang),
    )
    if not found.moves:
        return head + t("analysis.decomposition.same_doctrine")
    if not found.reversal:
        return head + t("analysis.decomposition.no_reversal")

    def named(moves: list) -> str:
        return join(
            [f"{move_name(m.parameter, lang)}{basis_note(m.after[1], lang)}" for m in moves],
            lang,
            long=True,
        )

    necessary = [m for m in found.moves if m.necessary]
    sufficient = [m for m in found.moves if m.sufficient]
    return head + t(
        "analysis.decomposition.body",
        necessary=named(necessary),
        sufficient=named(sufficient),
    )


def basis_note(basis: str, lang: str) -> str:
    """' (reported)' / '（报道所载）'."""
    left, right = ("（", "）") if lang == "zh-CN" else (" (", ")")
    return f"{left}{messages(lang)(f'basis.{basis}')}{right}"


def value(move: str, value: str, lang: str, case: Case) -> str:
    """A move's value as a reader sees it: a doctrine value, or a level's label."""
    if move == RECORD:
        return case.levels[value].label(lang)
    return messages(lang)(f"value.{value}")
