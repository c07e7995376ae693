"""The one issue of the contract/processing pack written in Python: the remedies.

Why Python: the rule language can grant claims (`grant: true`) and name those granted and
refused, but it cannot word a sum. A court's remedy step says what each money claim comes to
(the loss proven, and that a claim is granted only in part where the proof falls short of the
sum claimed: Guo's card-fee claim of 1,360 yuan yields 678). The granting itself is the core's
(`packs.remedies.grant`: each claim's `grounds` in the rule language, its `when`, its kind's
needs and computation), so this module adds words, not law.

Every read goes through the recording accessor (`earlier_result`, `holds` and `grant` read
through `ctx`), so divergence, `explain` and the What-if tab see this step's reads.
"""

from __future__ import annotations

from ...engine.context import Context
from ...engine.rules import has_slot, rules_for
from ...engine.steps import Finding, Result
from ...engine.temporal import in_force
from ...engine.texts import Message, Money, msg
from ..remedies import grant
from ..rules import earlier_result, holds

__all__ = ["remedy"]

CONTRACT = "contract"
"""the issue every claim of this pack rests on: no contract, no claim under it"""


def remedy(ctx: Context, defendant: str) -> Finding:
    """Grant each claim against `defendant` whose grounds hold and whose needs are proven;
    word each sum awarded, and which claims are refused."""
    case = ctx.case
    if earlier_result(ctx, CONTRACT, defendant) is not Result.ESTABLISHED:
        return Finding(
            Result.NOT_ESTABLISHED,
            case.plaintiff,
            (),
            [msg("remedy.no_contract", defendant=[defendant], plaintiff=[case.plaintiff])],
        )
    found = grant(ctx, defendant, holds)
    messages: list[Message] = []
    if found.granted:
        messages.append(
            msg(
                "remedy.granted",
                plaintiff=[case.plaintiff],
                defendant=[defendant],
                remedies=found.granted,
                refused=found.refused,
            )
        )
    else:
        messages.append(
            msg(
                "remedy.none_granted",
                plaintiff=[case.plaintiff],
                defendant=[defendant],
                refused=found.refused,
            )
        )
    cited: list[str] = []
    for claim_id in found.granted:
        claim = case.claims[claim_id]
        if has_slot(case, ctx.level, claim.kind):  # the rules of this kind of remedy
            ids = in_force(ctx, rules_for(case, ctx.level, claim.kind))
            cited += [i for i in ids if i not in cited]
        amount = found.awarded.get(claim_id)
        if amount is None:
            continue
        if claim.amount is not None and amount < claim.amount:
            messages.append(
                msg(
                    "remedy.sum.in_part",
                    claim=[claim_id],
                    amount=Money(amount),
                    claimed=Money(claim.amount),
                )
            )
        else:
            messages.append(msg("remedy.sum", claim=[claim_id], amount=Money(amount)))
    return Finding(
        Result.ESTABLISHED if found.granted else Result.NOT_ESTABLISHED,
        case.plaintiff,
        cited,
        messages,
        found.evidence,
        remedies=found.granted,
        awarded=found.awarded,
    )
