"""Who owes what together: joint and several liability among the defendants of one level.

A court decides each defendant's claims in turn (`evaluate._level`); only once all are decided
can it say that two of them owe the money jointly and severally. Under PIPL 20(2) processors
that process jointly and infringe bear joint and several liability (连带责任), so the level adds
that to each such defendant's remedy step, with the article, and names the other. Only money is
owed jointly: an apology is each defendant's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ...engine.context import Context
from ...engine.judgment import DefendantJudgment
from ...engine.rules import rules_for
from ...engine.texts import Message, Money, msg
from .datamatrix import joint_processing_applies

if TYPE_CHECKING:
    from ...case import Case


def _jointly(
    defendant: str, partners: list[str], money: list[str], judged: DefendantJudgment
) -> tuple[Message, ...]:
    sums = [judged.awarded.get(c) for c in money]
    named = dict(defendant=[defendant], partners=partners, remedies=money)
    if all(a is not None for a in sums):
        total = Money(sum(a for a in sums if a is not None))
        head = msg("remedy.jointly", **named, amount=total)
    else:
        head = msg("remedy.jointly.open", **named)
    return (head, msg("note.remedy.jointly"))


def jointly_liable(
    case: Case, ctx: Context, defendants: Mapping[str, DefendantJudgment]
) -> dict[str, DefendantJudgment]:
    """`defendants` with `jointly_with` set, and the remedy step saying so, for every liable
    defendant that processed jointly with another liable defendant and owes money."""
    out = dict(defendants)
    partnered = [d for d in defendants if case.joint_partners(d, ctx.level)]
    if not partnered or not joint_processing_applies(ctx):
        return out
    article = rules_for(case, ctx.level, "remedy.jointly")
    owes = {
        d: [r for r in j.remedies if case.pack.remedies[case.claims[r].kind].money]
        for d, j in defendants.items()
    }  # a defendant granted no claim owes nothing, so `owes` also says who is liable
    for d in partnered:
        judged, money = defendants[d], owes[d]
        partners = [p for p in case.joint_partners(d, ctx.level) if owes.get(p)]
        if not (money and partners):
            continue
        steps = tuple(
            replace(
                s,
                rules=(*s.rules, *(r for r in article if r not in s.rules)),
                messages=(*s.messages, *_jointly(d, partners, money, judged)),
            )
            if s.issue == "remedy"
            else s
            for s in judged.steps
        )
        out[d] = replace(judged, steps=steps, jointly_with=tuple(partners))
    return out
