"""What a first-instance court orders (the operative part of its judgment).

`disposition.py` words an appeal's operative part (allowed or dismissed, set aside or
affirmed, and what is ordered); a first-instance court has no appeal to rule on, only the
claims before it. This module says, in the same idiom and from the same templates, which
claims the first level grants against whom, and that the rest are dismissed, so that every
court of a case has its orders in words (`Judgment.orders`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .disposition import _granted_in_full, disposition
from .texts import msg, render

if TYPE_CHECKING:
    from .judgment import Judgment


def first_instance_orders(judgment: Judgment, level_id: str, lang: str) -> str:
    """The orders of a first-instance level: each liable defendant's remedies, then the
    claims not granted in full dismissed (every claim is disposed of)."""
    case = judgment.case
    level = judgment.level(level_id)
    orders = [
        msg(
            "disposition.order",
            defendant=[dj.id],
            plaintiff=[case.plaintiff],
            remedies=list(dj.remedies),
        )
        for dj in level.defendants.values()
        if dj.liable
    ]
    granted, claimed = _granted_in_full(level)
    if not granted:
        orders.append(msg("disposition.claims_dismissed", plaintiff=[case.plaintiff]))
    elif len(granted) < claimed:
        orders.append(msg("disposition.other_claims_dismissed", plaintiff=[case.plaintiff]))
    zh = lang == "zh-CN"
    rendered = [render(case, m, lang, level=level_id) for m in orders]
    if not zh:  # items continue the sentence: render() capitalised each
        rendered = [r[:1].lower() + r[1:] for r in rendered]
    opening = render(case, msg("disposition.judgment"), lang, level=level_id)
    items = ("；" if zh else "; ").join(rendered)
    return f"{opening}{'' if zh else ' '}{items}{'。' if zh else '.'}"


def orders(judgment: Judgment, level_id: str, lang: str) -> str:
    """Every level's operative part: an appeal's disposition, or a first level's orders."""
    text = disposition(judgment, level_id, lang)
    return text if text is not None else first_instance_orders(judgment, level_id, lang)
