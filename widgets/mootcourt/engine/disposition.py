"""The appeal's disposition (判决主文), kept apart from the reasoning (本院认为).

A court's steps give its reasons; what it orders belongs to the operative part of the
judgment. For each appeal level this module says, in the court's idiom, whether the appeal is
allowed or dismissed, on what ground (an error in applying the law, where the courts differ in
doctrine; facts varied in the light of evidence new on appeal, where they differ in evidence;
the facts found in error, where one judgment rests on a premise the other does not: CPL Art.
177(1)(1)/(2)), and what is ordered. The ground is read from the divergence between
the two levels, so it is never asserted where the levels agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctrine import RECORD_BASES
from .rules import rules_for
from .texts import Cite, Message, msg, render

if TYPE_CHECKING:
    from .judgment import Divergence, Judgment, LevelJudgment


def _same(a: LevelJudgment, b: LevelJudgment) -> bool:
    return all(
        a.defendants[d].liable == b.defendants[d].liable
        and sorted(a.defendants[d].remedies) == sorted(b.defendants[d].remedies)
        for d in a.defendants
    )


def _reasons_differ(a: LevelJudgment, b: LevelJudgment) -> bool:
    """Did the two courts read some doctrine parameter differently on the way?"""
    read = {p for lv in (a, b) for s in lv.steps for p in s.doctrine_reads}
    return any(a.doctrine[p] != b.doctrine[p] for p in read)


def _granted_in_full(level: LevelJudgment) -> tuple[set[tuple[str, str]], int]:
    """Which (claim, defendant) pairs the level grants in full, and how many pairs were
    claimed. A money claim awarded less than the sum claimed is granted only in part: the
    rest must be dismissed too, or the operative part would leave it undecided."""
    case = level.case
    pairs = [
        (claim, defendant)
        for claim in case.file.claims
        for defendant in (claim.against or list(case.defendants))
    ]
    full = set()
    for claim, defendant in pairs:
        dj = level.defendants[defendant]
        if claim.id not in dj.remedies:
            continue
        awarded = dj.awarded.get(claim.id)
        if claim.amount is not None and awarded is not None and awarded < claim.amount:
            continue
        full.add((claim.id, defendant))
    return full, len(pairs)


def _factual_differences(
    judgment: Judgment, divergence: Divergence | None
) -> tuple[list[str], list[str]]:
    """The items behind a divergence that were before one court only, split into evidence
    (new on appeal: CPL Art. 177(1)(2) facts varied) and assumptions one judgment presupposes
    (a premise, ours or the judgment's: a difference in the facts found, never new evidence)."""
    if divergence is None:
        return [], []
    items = [item for item, _ in divergence.evidence]
    kinds = {item: judgment.case.evidence[item].kind for item in items}
    return (
        [i for i in items if kinds[i] != "assumption"],
        [i for i in items if kinds[i] == "assumption"],
    )


def _orders_of(level: LevelJudgment) -> set[tuple[str, str, float | None]]:
    """Each (defendant, claim, sum) a level orders."""
    return {
        (d, claim, dj.awarded.get(claim))
        for d, dj in level.defendants.items()
        for claim in dj.remedies
    }


def _adds_to(below: LevelJudgment, here: LevelJudgment) -> bool:
    """Does the appeal keep every order below, with the same sums, and order more?"""
    kept, now = _orders_of(below), _orders_of(here)
    return bool(kept) and kept < now


def _ground(judgment: Judgment, d: Divergence | None) -> tuple[str, bool]:
    """The ground on which the appeal court changed the judgment below (law, facts varied by
    new evidence, findings, or two of them), and whether it is read off divergences that are
    partly ours (so the note that no source gives it must follow)."""
    law = bool(d and d.parameters)
    new_evidence, premises = _factual_differences(judgment, d)
    facts = "facts" if new_evidence else "findings" if premises else ""
    ground = f"law_and_{facts}" if law and facts else facts or "law"
    ours = bool(premises) or (
        law
        and any(
            a[1] not in RECORD_BASES or b[1] not in RECORD_BASES
            for _, a, b in d.parameters  # type: ignore[union-attr]
        )
    )
    return ground, ours


def _rests_on_ours(below: LevelJudgment, here: LevelJudgment) -> bool:
    """Does any step on which the two levels differ (not only the first) read a doctrine
    parameter they set differently where either setting is ours? Then the ground is partly
    our reading, and the note saying so must follow."""
    for d, dj in here.defendants.items():
        for step in dj.steps:
            other = below.defendants[d].step(step.issue)
            if other.result is step.result:
                continue
            for p in step.doctrine_reads | other.doctrine_reads:
                if below.doctrine[p] != here.doctrine[p] and (
                    below.doctrine.basis[p] not in RECORD_BASES
                    or here.doctrine.basis[p] not in RECORD_BASES
                ):
                    return True
    return False


def _varied(
    judgment: Judgment,
    below: LevelJudgment,
    here: LevelJudgment,
    d: Divergence | None,
    appellants: list[str],
    both_sides: bool,
) -> tuple[list[Message], list[Message], str]:
    """The operative part where the appeal keeps the orders below and adds to them (varied),
    or where both sides appealed: who appealed, the ground, what is kept and what is added.
    Where both sides appealed, whose appeal is allowed is not said (their grounds decide it)."""
    case = judgment.case
    ground, ours = _ground(judgment, d)
    ours = ours or _rests_on_ours(below, here)
    granted, claimed = _granted_in_full(here)
    if both_sides:
        grounds = [
            msg("disposition.appealed", appellant=appellants),
            msg(f"disposition.ground.{ground}"),
        ]
    else:  # as in `disposition`: a plaintiff's appeal succeeds in full only if all is granted
        before, _ = _granted_in_full(below)
        liable_below = any(dj.liable for dj in below.defendants.values())
        in_part = (
            bool(before & granted)
            if liable_below and appellants != [case.plaintiff]
            else (len(granted) < claimed)
        )
        allowed = "disposition.allowed_in_part" if in_part else "disposition.allowed"
        grounds = [msg(f"{allowed}.{ground}", appellant=appellants)]
    if ours:
        grounds.append(msg("note.disposition.ground_inferred"))
    orders: list[Message] = []
    kept, now = _orders_of(below), _orders_of(here)
    if kept and kept <= now:
        kept_claims = {c for _, c, _ in kept}
        orders.append(
            msg(
                "disposition.varied.kept",
                remedies=[c.id for c in case.file.claims if c.id in kept_claims],
            )
        )
        for dj in here.defendants.values():
            added = [c for c in dj.remedies if (dj.id, c, dj.awarded.get(c)) not in kept]
            if added:
                orders.append(
                    msg(
                        "disposition.varied.added",
                        defendant=[dj.id],
                        plaintiff=[case.plaintiff],
                        remedies=added,
                    )
                )
    else:
        orders.append(msg("disposition.set_aside"))
        for dj in here.defendants.values():
            if dj.liable:
                orders.append(
                    msg(
                        "disposition.order",
                        defendant=[dj.id],
                        plaintiff=[case.plaintiff],
                        remedies=list(dj.remedies),
                    )
                )
    if not granted:
        orders.append(msg("disposition.claims_dismissed", plaintiff=[case.plaintiff]))
    elif len(granted) < claimed:
        orders.append(msg("disposition.other_claims_dismissed", plaintiff=[case.plaintiff]))
    return grounds, orders, "disposition.allowed"


def disposition(judgment: Judgment, level_id: str, lang: str) -> str | None:
    """The disposition of an appeal level in `lang`; None for the first level."""
    ids = judgment.level_ids
    i = ids.index(level_id)
    if i == 0:
        return None
    case = judgment.case
    below, here = judgment.levels[i - 1], judgment.levels[i]
    liable_below = [d for d, dj in below.defendants.items() if dj.liable]
    declared = case.levels[level_id].appellants
    appellants = list(declared.parties) if declared else liable_below or [case.plaintiff]
    # both sides appealed: whose appeal succeeds depends on grounds the sources may not give,
    # so the court's idiom of one appeal allowed or dismissed does not fit
    both_sides = case.plaintiff in appellants and any(a in case.defendants for a in appellants)
    grounds: list[Message] = []
    orders: list[Message] = []
    d = next((x for x in judgment.divergences if x.levels == (below.id, here.id)), None)
    if _same(below, here):
        differ = d is not None or _reasons_differ(below, here)
        key = "disposition.dismissed.other_reasons" if differ else "disposition.dismissed"
        if both_sides:  # each side's appeal is dismissed
            key = f"{key}.both_sides"
        grounds.append(msg(key, appellant=appellants))
        orders.append(msg("disposition.affirmed"))
        slot = "disposition.dismissed"
    elif both_sides or _adds_to(below, here):
        grounds, orders, slot = _varied(judgment, below, here, d, appellants, both_sides)
    else:
        law = bool(d and d.parameters)
        new_evidence, premises = _factual_differences(judgment, d)
        # an assumption one judgment presupposes is a finding of fact the courts differ on,
        # never "evidence new on appeal": only evidence before the appeal alone is that
        facts = "facts" if new_evidence else "findings" if premises else ""
        ground = f"law_and_{facts}" if law and facts else facts or "law"
        granted, claimed = _granted_in_full(here)
        before, _ = _granted_in_full(below)
        # defendants who appealed succeed in full only if wholly relieved; a plaintiff who
        # appealed, only if every claim is granted in full
        in_part = bool(before & granted) if liable_below else len(granted) < claimed
        allowed = "disposition.allowed_in_part" if in_part else "disposition.allowed"
        grounds.append(msg(f"{allowed}.{ground}", appellant=appellants))
        if premises or (
            law
            and any(
                a[1] not in RECORD_BASES or b[1] not in RECORD_BASES
                for _, a, b in d.parameters  # type: ignore[union-attr]
            )
        ):
            # no source gives the ground: it is read off divergences that are partly ours
            grounds.append(msg("note.disposition.ground_inferred"))
        slot = "disposition.allowed"
        orders.append(msg("disposition.set_aside"))
        for dj in here.defendants.values():
            if dj.liable:
                orders.append(
                    msg(
                        "disposition.order",
                        defendant=[dj.id],
                        plaintiff=[case.plaintiff],
                        remedies=list(dj.remedies),
                    )
                )
        # every claim is disposed of: what is not granted in full is dismissed
        if not granted:
            orders.append(msg("disposition.claims_dismissed", plaintiff=[case.plaintiff]))
        elif len(granted) < claimed:
            orders.append(msg("disposition.other_claims_dismissed", plaintiff=[case.plaintiff]))
    cited = rules_for(case, level_id, slot)
    opener = (
        msg("disposition.judgment.rule", rule=Cite(cited)) if cited else msg("disposition.judgment")
    )
    zh = lang == "zh-CN"
    rendered = [render(case, m, lang, level=level_id) for m in orders]
    if not zh:  # items continue the sentence: render() capitalised each
        rendered = [r[:1].lower() + r[1:] for r in rendered]
    items = ("；" if zh else "; ").join(rendered)
    head = ("" if zh else " ").join(render(case, m, lang, level=level_id) for m in grounds)
    space = "" if zh else " "
    opening = render(case, opener, lang, level=level_id)
    return f"{head}{space}{opening}{space}{items}{'。' if zh else '.'}"
