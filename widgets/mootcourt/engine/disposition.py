"""The appeal's disposition (判决主文), kept apart from the reasoning (本院认为).

A court's steps give its reasons; what it orders belongs to the operative part of the
judgment. For each appeal level this module says, in the court's idiom, whether the appeal is
allowed or dismissed, on what ground (an error in applying the law, where the courts differ in
doctrine; facts varied in the light of evidence new on appeal, where they differ in evidence:
CPL Art. 177(1)(1)/(2)), and what is ordered. The ground is read from the divergence between
the two levels, so it is never asserted where the levels agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctrine import RECORD_BASES
from .rules import rules_for
from .texts import Cite, Message, msg, render

if TYPE_CHECKING:
    from .judgment import Judgment, LevelJudgment


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


def disposition(judgment: Judgment, level_id: str, lang: str) -> str | None:
    """The disposition of an appeal level in `lang`; None for the first level."""
    ids = judgment.level_ids
    i = ids.index(level_id)
    if i == 0:
        return None
    case = judgment.case
    below, here = judgment.levels[i - 1], judgment.levels[i]
    liable_below = [d for d, dj in below.defendants.items() if dj.liable]
    appellants = liable_below or [case.plaintiff]
    grounds: list[Message] = []
    orders: list[Message] = []
    d = next((x for x in judgment.divergences if x.levels == (below.id, here.id)), None)
    if _same(below, here):
        differ = d is not None or _reasons_differ(below, here)
        key = "disposition.dismissed.other_reasons" if differ else "disposition.dismissed"
        grounds.append(msg(key, appellant=appellants))
        orders.append(msg("disposition.affirmed"))
        slot = "disposition.dismissed"
    else:
        law = bool(d and d.parameters)
        facts = bool(d and d.evidence)
        if law and facts:
            key = "disposition.allowed.law_and_facts"
        else:
            key = "disposition.allowed.facts" if facts else "disposition.allowed.law"
        grounds.append(msg(key, appellant=appellants))
        if law and any(
            a[1] not in RECORD_BASES or b[1] not in RECORD_BASES
            for _, a, b in d.parameters  # type: ignore[union-attr]
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
        if not here.liable:
            orders.append(msg("disposition.claims_dismissed", plaintiff=[case.plaintiff]))
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
