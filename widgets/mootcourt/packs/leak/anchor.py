"""Does a statute reach the facts, given when they happened? The level's `temporal_anchor`.

PIPL took effect on 2021-11-01 with no transitional rule, and laws do not reach back
(Legislation Law 104). By analogy with the Civil Code's rules on time (cc-time-1 to 3), the
pack offers these anchors:

- `act`: the leak, which happened after the leaked data was collected and before the first
  harmful contact. If that window straddles the start date, the answer is open (None).
- `harm`: the first harmful contact.
- `continuing`: the defendant kept the data into the statute's time (it is taken to hold the
  data from collection on) and harm occurred on or after the start date.
- `storage` (a labelled competing reading): storing is itself processing (PIPL Art. 4) and the
  security duty continues, so data the defendant still held on the start date fall under the
  statute where some harm may lie on or after that date (by analogy with cc-time-1(3)), even
  if the leak or the first harm came earlier. Harm complete before the start date stays
  outside it: the continued storage did not cause it. The kit takes the defendant to have
  kept the data: it has no evidence of deletion.
"""

from __future__ import annotations

import datetime as dt

from ...casefile import Interval
from ...engine.context import Context
from ...engine.temporal import dates, on_or_after


def applies(ctx: Context, start: dt.date | None) -> bool | None:
    """Does a statute in force from `start` reach the facts under the level's anchor?"""
    if start is None:
        return True
    when = dates(ctx)
    anchor = ctx.param("temporal_anchor")
    if anchor == "harm":
        return on_or_after(when.first_harm, start)
    if anchor == "continuing":
        return on_or_after(when.last_harm, start)
    if anchor == "storage":
        # still held on the start date, storage reaches into the statute's time, but Art. 69
        # attaches to processing that causes harm: where every harm was complete before the
        # start date, continued storage caused none of it, and reaching it would be
        # retroactive (Legislation Law 104). A harm that may lie on or after it suffices.
        end = when.last_harm.end
        return end is None or end >= start
    # act: the leak lies between the collection of what leaked and the first harmful contact
    leak_window = Interval(start=when.collected.start, end=when.first_harm.end)
    return on_or_after(leak_window, start)
