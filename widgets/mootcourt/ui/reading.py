"""The reading pane: the selected issue, every court side by side in full: result, burden,
standard, reasoning, the evidence weighed, statute chips that open the article's text, and
the case's assumptions the step rests on (ours, labelled so).

An article opens in place (`<details>`: keyboard-operable, no round trip): the current
language first, the other below; the English is marked as a working rendering, never passed
off as an official translation.
"""

from __future__ import annotations

import ipywidgets as widgets

from . import hooks
from .disposition import with_disposition
from .frame import Frame
from .words import Words, e


def statute_chip(frame: Frame, cited: str) -> str:
    """One cited article as a chip that opens its text in both languages."""
    w = frame.words
    law = frame.case.law
    article = law.article(cited)
    other = "en" if w.lang == "zh-CN" else "zh-CN"
    blocks = []
    for lang in (w.lang, other):
        note_key = (
            "ui.reading.official"
            if lang == "zh-CN"
            else ("ui.reading.working" if article.translation == "working" else None)
        )
        note = f'<div class="mc-statute-note">{w(note_key)}</div>' if note_key else ""
        excerpt = ""
        if article.excerpt is not None:
            which = w("ui.reading.excerpt", which=article.excerpt(w.lang))
            excerpt = f'<div class="mc-statute-note">{which}</div>'
        blocks.append(
            f'<div class="mc-statute" lang="{lang}">{e(article.text(lang))}</div>{excerpt}{note}'
        )
    title = e(law.citation(cited, w.lang))
    return f'<details class="mc-chip"><summary>{title}</summary>{"".join(blocks)}</details>'


def column_html(frame: Frame, level_id: str) -> str:
    """One court's reasoning on the selected issue, for the selected defendant."""
    w: Words = frame.words
    case = frame.case
    step = frame.judgment.level(level_id).step(frame.issue, frame.defendant)
    level = case.levels[level_id]
    title = w(
        "ui.reading.title",
        issue=frame.case.issue_label(frame.issue, w.lang),
        level=level.label(w.lang),
    )
    if len(case.defendants) > 1:
        title += f" · {e(w.label(frame.defendant))}"
    meta = [e(w.result(step.result))]
    if step.burden_on:
        meta.append(w("ui.reading.burden", party=w.label(step.burden_on)))
    if step.standard:
        meta.append(w("ui.reading.standard", standard=w.t(f"standard.{step.standard}")))
    parts = [f"<h4>{title}</h4>", f"<p><b>{' · '.join(meta)}</b></p>"]
    parts.append(f"<p>{e(step.text(w.lang))}</p>")
    if step.evidence:
        parts.append(
            f"<p>{w('ui.reading.evidence', items=w.labels(step.evidence, items=True))}</p>"
        )
    elif step.result.value != "not_reached":
        parts.append(f"<p>{w('ui.reading.no_evidence')}</p>")
    if step.rules:
        chips = "".join(statute_chip(frame, r) for r in step.rules)
        parts.append(f"<div>{w('ui.reading.statutes')}</div><div class='mc-chips'>{chips}</div>")
    if step.see_also:  # named only in our notes: never among the court's grounds
        chips = "".join(statute_chip(frame, r) for r in step.see_also)
        parts.append(
            f"<div>{w('ui.reading.see_also')}</div><div class='mc-chips mc-see-also'>{chips}</div>"
        )
    if step.assumptions:
        parts.append(assumptions_html(frame, step.assumptions))
    return "".join(parts)


def assumptions_html(frame: Frame, ids: tuple[str, ...]) -> str:
    """The case's assumptions a step rests on (`Step.assumptions`), each by its text,
    labelled as ours: premises where the sources are silent, never the court's findings.
    The id (what `mootcourt evaluate` prints) is not shown, not even as a tooltip: a reader
    never needs it, and a screen reader would read it out."""
    w = frame.words
    texts = {a.id: a.text for a in frame.case.file.assumptions}
    items = "".join(f"<li>{e(texts[i](w.lang))}</li>" for i in ids)
    return f'<div class="mc-assumptions">{w("ui.reading.assumptions")}<ul>{items}</ul></div>'


class ReadingPane(widgets.HBox):
    """The selected issue for every court, side by side (stacked when narrow)."""

    def __init__(self, frame: Frame) -> None:
        self.columns = {level_id: widgets.HTML() for level_id in frame.case.levels}
        for level_id, col in self.columns.items():
            col.add_class("mc-reading-col")
            col.add_class(hooks.level(level_id))
        super().__init__(list(self.columns.values()))
        self.add_class("mc-reading")
        self.layout.flex_flow = "row wrap"
        self.show(frame)

    def __repr__(self) -> str:
        return f"<ReadingPane levels={list(self.columns)}>"

    def show(self, frame: Frame) -> None:
        for level_id, col in self.columns.items():
            col.value = with_disposition(frame, level_id, column_html(frame, level_id))
            changed = ("step", level_id, frame.defendant, frame.issue) in frame.changed
            hooks.set_classes(
                col,
                ["mc-reading-col", hooks.level(level_id)] + ([hooks.CHANGED] if changed else []),
            )
