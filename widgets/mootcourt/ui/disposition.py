"""Each court's orders on screen: the operative part the engine reaches, beside "as decided".

A student who flips a fact sees more than liable / not liable: which claims each court grants
against whom, which it dismisses, and on appeal whether the first judgment is upheld, varied
or set aside. The words are the engine's (`engine.orders.orders`: an appeal's disposition,
a first level's orders); this view only frames them, one element per court (CSS hook
`mc-disposition`, with `mc-disposition-<level>`), never inside anything
that must be opened.

The explorer shows them under the reading pane's columns; the presenter, at its last step.
"""

from __future__ import annotations

from ..engine.orders import orders
from .frame import Frame
from .words import e

DISPOSITION = "mc-disposition"

CSS = """
.mc-disposition { margin: 8px 0 2px; padding: 6px 10px; border: 1px solid var(--jp-border-color1);
  border-left: 6px solid var(--jp-brand-color1); border-radius: 4px;
  background: var(--jp-layout-color1); color: var(--jp-ui-font-color1); }
.mc-disposition .mc-disposition-head { font-weight: 650; font-size: 0.9em; margin: 0 0 2px; }
.mc-disposition .mc-disposition-text { margin: 2px 0; }
.mc-disposition .mc-record { font-size: 0.88em; color: var(--jp-ui-font-color2); }
.mc-disposition .mc-record.mc-differs { color: var(--jp-warn-color1); font-weight: 600; }
"""


def disposition_class(level_id: str) -> str:
    return f"{DISPOSITION}-{level_id}"


def record_line(frame: Frame, level_id: str) -> str:
    """Whether this world's outcome at the level is what the court decided, and what that was."""
    w = frame.words
    case = frame.case
    decided = case.levels[level_id].as_decided.outcome(w.lang)
    if frame.judgment.level(level_id).matches_record:
        text = w(case.record_key("ui.courts.matches"), outcome=decided)
        return f'<div class="mc-record">{text}</div>'
    text = w(case.record_key("ui.courts.differs"), outcome=decided)
    return f'<div class="mc-record mc-differs">{text}</div>'


def disposition_html(frame: Frame, level_id: str) -> str:
    """One court's orders in the page's language, with its "as decided" line."""
    w = frame.words
    level = frame.case.levels[level_id]
    head = w("ui.disposition.title", level=level.label(w.lang))
    text = orders(frame.judgment, level_id, w.lang)
    classes = f"{DISPOSITION} {disposition_class(level_id)}"
    return (
        f'<div class="{classes}" lang="{w.lang}">'
        f'<div class="mc-disposition-head">{head}</div>'
        f'<p class="mc-disposition-text">{e(text)}</p>'
        f"{record_line(frame, level_id)}</div>"
    )


def dispositions_html(frame: Frame) -> str:
    """Every court's orders, in the order the courts sat, under one labelled region."""
    w = frame.words
    items = "".join(disposition_html(frame, level_id) for level_id in frame.judgment.level_ids)
    label = e(w.raw("ui.disposition.region"))
    return (
        f'<div class="mc-dispositions" role="region" aria-label="{label}">'
        f"<style>{CSS}</style>{items}</div>"
    )


def with_disposition(frame: Frame, level_id: str, column: str) -> str:
    """A reading-pane column followed by its court's orders."""
    return f"{column}<style>{CSS}</style>{disposition_html(frame, level_id)}"
