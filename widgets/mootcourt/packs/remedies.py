"""Granting claims by the pack's remedy kinds: what a rule with `grant: true` does.

A claim against the defendant is granted when its `grounds` (a condition in the rule
language, if it has any) hold and every fact its kind needs (`needs:` of the remedy kind) and
the claim itself needs (`needs:` of the claim) is shown by evidence before this court. A claim
whose `when` items are not all on is not pleaded in that world. A granted money claim's sum
follows the kind's `computation`:

- `none`: no sum (an apology, a deletion, a declaration);
- `proven_loss`: the amounts the evidence of the needed facts proves, never more than claimed;
  none proven: the court sets it (None);
- `claimed`: the sum claimed;
- `multiple`: `factor` times the amounts proven (e.g. a price), at least `minimum`, never
  more than claimed;
- `assessed`: the court sets it (None).

Every read goes through the accessor (`ctx.evidence_in`), as an issue test's would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..casefile import Claim, Evidence
from ..engine.context import Context
from .model import RemedyDecl


@dataclass(slots=True)
class Granted:
    """What granting the claims against one defendant came to."""

    granted: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """facts not shown, for the claims refused"""
    evidence: list[str] = field(default_factory=list)
    awarded: dict[str, float | None] = field(default_factory=dict)


Holds = Callable[[Any, Context, str], bool]
"""`rules.holds`: does a parsed condition hold at this level for this defendant (passed in,
so that this module stays below the rule language that calls it)"""


def grant(ctx: Context, defendant: str, holds: Holds | None = None) -> Granted:
    """Every claim against `defendant`, granted or refused on the evidence before the court.

    A claim whose `when` items are not all on is not pleaded in this world: it is neither
    granted nor refused. A claim with `grounds` is refused unless they hold (read through
    `holds`, so every read is recorded); then its needs decide as for any claim."""
    case = ctx.case
    out = Granted()
    for claim in case.file.claims:
        if claim.against and defendant not in claim.against:
            continue
        if not all(t in case.toggles and ctx.on(t) for t in claim.when):
            continue
        grounds = case.claim_grounds.get(claim.id)
        if grounds is not None and holds is not None and not holds(grounds, ctx, defendant):
            out.refused.append(claim.id)
            continue
        kind = case.pack.remedies[claim.kind]
        lacking, proven = [], []
        for need in (*kind.needs, *claim.needs):
            shown = ctx.evidence_in(need, defendant=defendant)
            out.evidence += [e.id for e in shown if e.id not in out.evidence]
            if not shown:
                lacking.append(need)
            elif need in case.pack.amount_facts:
                proven += shown
        if lacking:
            out.refused.append(claim.id)
            out.missing += [n for n in lacking if n not in out.missing]
            continue
        out.granted.append(claim.id)
        if kind.money:
            out.awarded[claim.id] = award(kind, claim, proven)
    return out


def award(kind: RemedyDecl, claim: Claim, proven: list[Evidence]) -> float | None:
    """The sum a granted money claim yields under its kind's computation (see the module)."""
    amounts = [e.amount for e in proven if e.amount is not None]
    total = sum(amounts) if amounts else None
    if kind.computation == "claimed":
        return claim.amount
    if kind.computation == "proven_loss":
        found = total
    elif kind.computation == "multiple":
        assert kind.factor is not None
        found = max(kind.factor * (total or 0.0), kind.minimum or 0.0)
        if total is None and kind.minimum is None:
            found = None
    else:  # assessed
        return None
    if found is None or claim.amount is None:
        return found
    return min(found, claim.amount)
