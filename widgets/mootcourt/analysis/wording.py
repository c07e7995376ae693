"""The analysis in plain sentences, in either language, from the case's own labels.

Every phrase comes from the message catalogue (`i18n/`, keys `analysis.*`) and every name
from the case file, so a new case reads correctly without touching this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..engine.texts import join
from ..i18n import messages
from .conditions import Condition, Term
from .decomposition import RECORD, Decomposition, Move
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


def condition(
    case: Case, found: Condition, lang: str, settings: Mapping[str, str] | None = None
) -> str:
    """'Second instance (...) finds the platform liable exactly when: A and B; and one of:
    (1) ...; or (2) ...' (common facts first, then one clause per independent factor),
    followed by the doctrine settings it rests on that no source reports (`settings`:
    parameter -> basis, as `level_settings` gives them)."""
    return _resting(case, _condition(case, found, lang), settings or {}, lang)


def _condition(case: Case, found: Condition, lang: str) -> str:
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


def settled(
    case: Case, found: Settled, lang: str, settings: Mapping[str, str] | None = None
) -> str:
    t = messages(lang)
    where = court(case, found.level, lang)
    if found.settled:
        text = t("analysis.settled", court=where, result=result(found.result, lang))
    else:
        facts = join([case.label(u, lang) for u in found.depends_on], lang, long=True)
        text = t("analysis.open", court=where, facts=facts)
    return _resting(case, text, settings or {}, lang)


def _ours(case: Case, settings: Mapping[str, str]) -> dict[str, str]:
    """The settings no source (or, in a fictional case, the case file) gives."""
    return {p: b for p, b in settings.items() if b != case.record_basis}


def _resting(case: Case, sentence: str, settings: Mapping[str, str], lang: str) -> str:
    """A sentence, then the settings it rests on that are not the record's, with their
    basis: a count or a condition is only as reported as the doctrine behind it."""
    ours = _ours(case, settings)
    if not ours:
        return sentence
    t = messages(lang)
    space = "" if lang == "zh-CN" else " "
    return (
        sentence
        + space
        + t(
            "analysis.basis.rests",
            record=t(f"basis.{case.record_basis}"),
            settings=setting_names(ours, lang, case),
        )
    )


def setting_names(settings: Mapping[str, str], lang: str, case: Case) -> str:
    """'attribution test and fault rule (our inference); what rebuts fault (set by you)',
    grouped by basis so that each label is printed once."""
    groups: dict[str, list[str]] = {}
    for parameter, basis in settings.items():
        groups.setdefault(basis, []).append(move_name(parameter, lang, case))
    t = messages(lang)
    parts = [
        t(
            "analysis.basis.group" if len(names) > 1 else "analysis.basis.one",
            names=join(names, lang),
            basis=t(f"basis.{basis}"),
        )
        for basis, names in groups.items()
    ]
    return ("；" if lang == "zh-CN" else "; ").join(parts)


def level_basis(case: Case, level: str, settings: Mapping[str, str], lang: str) -> str:
    """One sentence per court: on what basis the doctrine behind its figures rests."""
    t = messages(lang)
    where = court(case, level, lang)
    ours = _ours(case, settings)
    if not ours:
        return t("analysis.basis.all", court=where, basis=t(f"basis.{case.record_basis}"))
    return t(
        "analysis.basis.some",
        court=where,
        record=t(f"basis.{case.record_basis}"),
        settings=setting_names(ours, lang, case),
    )


def flip(case: Case, effect: FlipEffect, lang: str, bases: Mapping[str, str] | None = None) -> str:
    """What turning one toggle over does, in one sentence; each court's change is marked
    with the basis of its doctrine (`bases`: level -> the weakest basis of its settings)
    where that is not the record's."""
    t = messages(lang)
    bases = bases or {}
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
        basis = bases.get(level, case.record_basis)
        mark = basis_note(basis, lang) if basis != case.record_basis else ""
        changes.append(
            t(
                "analysis.flip.change",
                court=case.levels[level].label(lang) + mark,
                before=result(change.before, lang),
                after=result(change.after, lang),
                where=where,
            )
        )
    if not changes:
        return t("analysis.flip.nothing", action=action)
    return t("analysis.flip.changes", action=action, changes=join(changes, lang, long=True))


def move_name(move: str, lang: str, case: Case) -> str:
    t = case.messages(lang)
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

    def named(moves: list[Move]) -> str:
        return join(
            [move_name(m.parameter, lang, case) + _move_basis(case, found, m, lang) for m in moves],
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


def _move_basis(case: Case, found: Decomposition, move: Move, lang: str) -> str:
    """' (reported)' where both ends share a basis, else each court's: a move needed only
    because the first court's setting is ours is not a reported need."""
    (_, before), (_, after) = move.before, move.after
    if before == after:
        return basis_note(before, lang)
    t = messages(lang)
    a, b = found.levels
    left, right = ("（", "）") if lang == "zh-CN" else (" (", ")")
    ends = t(
        "analysis.basis.ends",
        first=case.levels[a].label(lang),
        first_basis=t(f"basis.{before}"),
        second=case.levels[b].label(lang),
        second_basis=t(f"basis.{after}"),
    )
    return f"{left}{ends}{right}"


def basis_note(basis: str, lang: str) -> str:
    """' (reported)' / '（报道所载）'."""
    left, right = ("（", "）") if lang == "zh-CN" else (" (", ")")
    return f"{left}{messages(lang)(f'basis.{basis}')}{right}"


def value(move: str, value: str, lang: str, case: Case) -> str:
    """A move's value as a reader sees it: a doctrine value, or a level's label."""
    if move == RECORD:
        return case.levels[value].label(lang)
    return case.messages(lang)(f"value.{value}")
