"""The courts side by side: an outcome banner per court, a grid with a column per court and a
row per issue (a row group per defendant where there are several), the row where the courts
part ways marked and explained.

Each cell is the result as icon + word with burden and standard under it; a cell, banner or
explanation the last input changed carries `mc-changed` and a visible "changed" mark. A row's
heading is a button: it opens that issue in the reading pane (no re-evaluation).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from ..engine.texts import Money
from . import hooks
from .frame import Frame
from .words import Words, e


def _mark(w: Words, changed: bool) -> str:
    return f' <span class="mc-changed-mark">{w("ui.courts.changed")}</span>' if changed else ""


def banner_html(frame: Frame, level_id: str, changed: bool, only: str | None = None) -> str:
    """A court's result: liable or not, remedies, per defendant (or `only` one of them), and
    whether it is the real outcome."""
    w = frame.words
    case = frame.case
    lv = frame.judgment.level(level_id)
    lines = []
    for d in lv.defendants.values():
        if only is not None and d.id != only:
            continue
        verdict = w("ui.courts.liable" if d.liable else "ui.courts.not_liable")
        if d.remedies:
            verdict = w("ui.courts.remedies", verdict=verdict, items=w.labels(d.remedies))
        sums = [(c, a) for c, a in d.awarded.items() if a is not None]
        for claim, amount in sums:
            verdict += w("ui.courts.awarded", claim=w.label(claim), amount=Money(amount)(w.lang))
        if d.jointly_with:
            verdict += w("ui.courts.jointly", parties=w.labels(d.jointly_with))
        if len(lv.defendants) > 1:
            verdict = f"{e(w.label(d.id))}{w.colon()}{verdict}"
        lines.append(f'<div class="mc-verdict">{verdict}</div>')
    decided = case.levels[level_id].as_decided.outcome(w.lang)
    if lv.matches_record:
        matches = w(case.record_key("ui.courts.matches"), outcome=decided)
        record = f'<div class="mc-record">{matches}</div>'
    else:
        text = w(case.record_key("ui.courts.differs"), outcome=decided)
        record = f'<div class="mc-record mc-differs">{text}</div>'
    return "".join(lines) + record + _mark(w, changed)


def cell_html(frame: Frame, level_id: str, defendant: str, issue: str, changed: bool) -> str:
    w = frame.words
    step = frame.judgment.level(level_id).step(issue, defendant)
    meta = []
    if step.burden_on:
        meta.append(w("ui.reading.burden", party=w.label(step.burden_on)))
    if step.standard:
        meta.append(e(w.t(f"standard.{step.standard}")))
    meta_html = f'<div class="mc-meta">{" · ".join(meta)}</div>' if meta else ""
    return f'<span class="mc-word">{e(w.result(step.result))}</span>{_mark(w, changed)}{meta_html}'


def _row(children: list[widgets.Widget], *classes: str) -> widgets.HBox:
    row = widgets.HBox(children)
    for cls in ("mc-row", *classes):
        row.add_class(cls)
    return row


def show_defendants(grid: CourtsGrid, shown: str | None) -> None:
    """Show one defendant's rows (`shown`), or every defendant's (None). With one on show,
    its heading row goes too: the switch that chose it says whose rows these are."""
    for d, rows in grid.defendant_rows.items():
        for row in rows:
            heading = "mc-defendant-row" in row._dom_classes
            visible = shown is None or (shown == d and not heading)
            row.layout.display = None if visible else "none"


class IssueHead(widgets.VBox):
    """A row's heading: the issue as a button that opens its reasoning, and the split mark."""

    def __init__(self, defendant: str, issue: str, on_select: Callable[[str, str], None]):
        self.defendant, self.issue = defendant, issue
        self.button = widgets.Button(layout=widgets.Layout(width="100%"))
        self.button.on_click(lambda _: on_select(issue, defendant))
        self.split = widgets.HTML()
        super().__init__([self.button, self.split])

    def __repr__(self) -> str:
        return f"<IssueHead {self.defendant}/{self.issue}>"

    def show(self, frame: Frame, divergent: bool) -> None:
        w = frame.words
        label = frame.case.issue_label(self.issue, w.lang)
        self.button.description = label
        self.button.tooltip = w.raw("ui.courts.select", issue=label)
        self.split.value = (
            f'<span class="mc-split">{w("ui.courts.split")}</span>' if divergent else ""
        )
        self.split.layout.display = None if divergent else "none"
        selected = (frame.defendant, frame.issue) == (self.defendant, self.issue)
        hooks.set_classes(
            self,
            ["mc-rowhead", f"mc-issue-{self.issue}"]
            + (["mc-selected"] if selected else [])
            + ([hooks.DIVERGENT] if divergent else []),
        )


class CourtsGrid(widgets.VBox):
    """Banners, the issue grid and the divergence note, for every court of a case."""

    def __init__(self, frame: Frame, on_select: Callable[[str, str], None]) -> None:
        case = frame.case
        self.levels = tuple(case.levels)
        self.defendants = tuple(case.defendants)
        self.issues = tuple(case.pack.issues)
        several = len(self.defendants) > 1
        self.corner = widgets.HTML()
        self.headers = {lv: widgets.HTML() for lv in self.levels}
        self.outcome_head = widgets.HTML()
        self.outcome_head.add_class("mc-rowhead")
        self.banners = {lv: widgets.HTML() for lv in self.levels}
        self.defendant_heads = {d: widgets.HTML() for d in self.defendants}
        self.issue_heads = {
            (d, i): IssueHead(d, i, on_select) for d in self.defendants for i in self.issues
        }
        self.cells = {
            (lv, d, i): widgets.HTML()
            for d in self.defendants
            for i in self.issues
            for lv in self.levels
        }
        # One box per row (`display: contents`, so the cells still sit in the grid's columns):
        # what lets a screen reader read each cell with its court and its issue.
        rows = [_row([self.corner, *self.headers.values()], "mc-head-row")]
        rows.append(_row([self.outcome_head, *self.banners.values()], "mc-outcome-row"))
        self.defendant_rows: dict[str, list[widgets.HBox]] = {d: [] for d in self.defendants}
        for d in self.defendants:
            if several:  # a heading row: the name, then an empty cell under each court
                head = self.defendant_heads[d]
                head.add_class("mc-defendant-head")
                head.add_class("mc-defendant-name")
                fillers = [widgets.HTML() for _ in self.levels]
                for filler in fillers:
                    filler.add_class("mc-defendant-head")
                self.defendant_rows[d].append(
                    _row([head, *fillers], f"mc-rows-{d}", "mc-defendant-row")
                )
            for i in self.issues:
                cells = [self.cells[(lv, d, i)] for lv in self.levels]
                self.defendant_rows[d].append(
                    _row([self.issue_heads[(d, i)], *cells], f"mc-rows-{d}")
                )
            rows += self.defendant_rows[d]
        # the issue column as wide as its longest word needs (never a word broken), at most
        # 9em unless a word needs more; the courts share the rest
        columns = "fit-content(9em) " + " ".join(["minmax(0, 1fr)"] * len(self.levels))
        self.grid = widgets.GridBox(
            rows, layout=widgets.Layout(grid_template_columns=columns, width="100%")
        )
        self.grid.add_class("mc-grid")
        self.divergence = widgets.HTML()
        self.only_defendant: str | None = None
        """a defendant whose verdict alone the banners give (the presenter, one at a time)"""
        super().__init__([self.grid, self.divergence])
        self.add_class("mc-courts-grid")
        self.show(frame)

    def __repr__(self) -> str:
        return f"<CourtsGrid levels={list(self.levels)} defendants={list(self.defendants)}>"

    def show(self, frame: Frame) -> None:
        w = frame.words
        case = frame.case
        judgment = frame.judgment
        self.corner.value = f"<b>{w('ui.courts.issue')}</b>"
        hooks.set_classes(self.corner, ["mc-colhead"])
        for lv, head in self.headers.items():
            level = case.levels[lv]
            court = f"<span class='mc-court'>{e(level.court(w.lang))}</span>"
            head.value = f"{e(level.label(w.lang))}<br>{court}"
            hooks.set_classes(head, ["mc-colhead", hooks.level(lv)])
        self.outcome_head.value = f"<b>{w('ui.courts.outcome')}</b>"
        only = self.only_defendant
        for lv, banner in self.banners.items():
            changed = ("outcome", lv) in frame.changed
            banner.value = banner_html(frame, lv, changed, only)
            level = judgment.level(lv)
            liable = level.defendants[only].liable if only in level.defendants else level.liable
            verdict = hooks.LIABLE if liable else hooks.NOT_LIABLE
            hooks.set_classes(
                banner,
                ["mc-banner", hooks.outcome(lv), hooks.level(lv), verdict]
                + ([hooks.CHANGED] if changed else []),
            )
        for d, head in self.defendant_heads.items():
            head.value = w("ui.courts.defendant", name=w.label(d))
        split = {(dv.defendant, dv.issue) for dv in judgment.divergences}
        for (d, i), head in self.issue_heads.items():
            head.show(frame, (d, i) in split)
        first = self.defendants[0]
        for (lv, d, i), cell in self.cells.items():
            changed = ("step", lv, d, i) in frame.changed
            result = judgment.level(lv).step(i, d).result
            cell.value = cell_html(frame, lv, d, i, changed)
            hooks.set_classes(
                cell,
                ["mc-cell", hooks.step(lv, d, i), hooks.level(lv), hooks.result(str(result))]
                + ([hooks.step_short(lv, i)] if d == first else [])
                + ([hooks.DIVERGENT] if (d, i) in split else [])
                + ([hooks.CHANGED] if changed else []),
            )
        self.divergence.value = divergence_html(frame)
        changed = ("divergence",) in frame.changed
        agree = [] if judgment.divergences else ["mc-agree"]
        hooks.set_classes(
            self.divergence, ["mc-divergence", *agree] + ([hooks.CHANGED] if changed else [])
        )


def divergence_html(frame: Frame) -> str:
    """Where consecutive courts part ways and why (naming each doctrine value's basis)."""
    w = frame.words
    judgment = frame.judgment
    changed = ("divergence",) in frame.changed
    if not judgment.divergences:
        return w("ui.courts.no_divergence") + _mark(w, changed)
    parts = []
    several = len(frame.case.defendants) > 1
    for d in judgment.divergences:
        issue = frame.case.issue_label(d.issue, w.lang)
        if several:
            issue = f"{issue} · {w.label(d.defendant)}"
        parts.append(f"<b>{w('ui.courts.divergence', issue=issue)}</b> {e(d.reason(w.lang))}")
    return "<br>".join(parts) + _mark(w, changed)
