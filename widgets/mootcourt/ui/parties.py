"""Parties and data flow: who is in the chain, who holds which of the plaintiff's fields, and
what each court's attribution rule leaves as possible sources.

This is where a student sees why the alias excludes logistics field by field but not party
by party: the matrix is the same for both courts; only the rule that reads it differs.

The matrix and the sources come from the pack's `data_flow` hook. A pack without one (a
contract dispute has no chain of data holders) leaves `LevelJudgment.sources` None: the panel
then lists the parties and the attributes its rules read (`{party: X, has: A}`), and draws no
matrix.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from . import hooks
from .evidence import ToggleRow
from .frame import Frame
from .words import e

HOLDING_KEYS = ("held", "possibly", "absent")


def matrix_html(frame: Frame, level_id: str) -> str:
    """One level's data flow as a table: a row per field (leaked ones marked ▲), a column per
    party, icon + word in every cell (fields down the side keep it narrow enough for a
    sidebar)."""
    flow = frame.judgment.level(level_id).sources
    w = frame.words
    head = [f"<th>{w('ui.parties.field')}</th>"]
    head += [f"<th>{e(w.label(party))}</th>" for party in flow.parties]
    rows = []
    for f in flow.fields:
        leaked = f in flow.leaked
        name = e(w.label(f)) + (f" ▲ {w('ui.parties.leaked')}" if leaked else "")
        cls = ' class="mc-leaked"' if leaked else ""
        cells = [f"<th{cls}>{name}</th>"]
        for party in flow.parties:
            state = flow.holdings[party][f]
            cells.append(f'<td class="mc-hold-{state}">{w(f"ui.holding.{state}")}</td>')
        rows.append(f"<tr{cls}>" + "".join(cells) + "</tr>")
    return (
        f'<table class="mc-matrix"><thead><tr>{"".join(head)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def has_flow(frame: Frame) -> bool:
    """Whether the case's pack traces data between parties (its `data_flow` hook ran)."""
    return all(level.sources is not None for level in frame.judgment.levels)


def roster_html(frame: Frame) -> str:
    """The parties before the court, each with its role and the attributes its pack's rules
    read: what the panel shows where there is no data flow to draw."""
    w = frame.words
    rows = []
    for party in frame.case.file.parties:
        words = [w.raw(f"ui.parties.role.{party.role}")]
        words += [w.raw(f"attribute.{a}") for a in party.attributes]
        listed = ("、" if w.lang == "zh-CN" else ", ").join(words)
        rows.append(f"<li><b>{e(w.label(party.id))}</b>{w.colon()}{e(listed)}</li>")
    return f'<ul class="mc-roster">{"".join(rows)}</ul>'


def matrices_html(frame: Frame) -> str:
    """The matrix once when every court had the same record, else one per court."""
    tables = {lv.id: matrix_html(frame, lv.id) for lv in frame.judgment.levels}
    if len(set(tables.values())) == 1:
        return next(iter(tables.values()))
    w = frame.words
    return "".join(f"<b>{e(w.label(level))}</b>{table}" for level, table in tables.items())


def sources_html(frame: Frame, level_id: str, changed: bool) -> str:
    """What one court's attribution rule leaves: possible sources, excluded, folded."""
    w = frame.words
    flow = frame.judgment.level(level_id).sources
    title = w(
        "ui.sources.title",
        level=w.label(level_id),
        rule=w.t(f"value.{flow.rule}"),
    )
    none = w.t("cli.none")
    lines = [f"<b>{title}</b>"]
    if changed:
        lines[0] += f' <span class="mc-changed-mark">{w("ui.courts.changed")}</span>'
    lines.append(w("ui.sources.possible", parties=w.labels(flow.sources) or none))
    if flow.excluded:
        lines.append(w("ui.sources.excluded", parties=w.labels(flow.excluded)))
    for defendant, inside in flow.folded.items():
        if inside:
            lines.append(
                w("ui.sources.folded", parties=w.labels(inside), defendant=w.label(defendant))
            )
    if not flow.matrix_read:
        lines.append(f"<i>{w('ui.sources.not_read')}</i>")
    return "<br>".join(lines)


class PartiesPanel(widgets.VBox):
    """Party toggles, the data matrix, and under it each court's possible sources."""

    def __init__(self, frame: Frame, on_change: Callable[[str, bool], None]) -> None:
        case = frame.case
        self.party_rows = {
            t.id: ToggleRow(t.id, on_change) for t in case.toggles.values() if t.kind == "party"
        }
        self.toggles_head = widgets.HTML()
        self.toggles_head.add_class("mc-group-head")
        self.matrix_head = widgets.HTML()
        self.matrix_head.add_class("mc-group-head")
        self.matrix = widgets.HTML()
        self.matrix.add_class("mc-matrix-box")
        self.sources = {level: widgets.HTML() for level in case.levels}
        super().__init__(
            [
                self.toggles_head,
                *self.party_rows.values(),
                self.matrix_head,
                self.matrix,
                *self.sources.values(),
            ]
        )
        self.add_class("mc-parties")
        self.show(frame)

    def __repr__(self) -> str:
        return f"<PartiesPanel parties={list(self.party_rows)} levels={list(self.sources)}>"

    def show(self, frame: Frame) -> None:
        w = frame.words
        self.toggles_head.value = w("ui.parties.toggles") if self.party_rows else ""
        for row in self.party_rows.values():
            row.show(frame)
        if not has_flow(frame):
            self.matrix_head.value = w("ui.parties.roster")
            self.matrix.value = roster_html(frame)
            for box in self.sources.values():
                box.value = ""
            return
        self.matrix_head.value = w("ui.parties.matrix")
        changed = ("matrix",) in frame.changed
        mark = f'<span class="mc-changed-mark">{w("ui.courts.changed")}</span>' if changed else ""
        self.matrix.value = mark + matrices_html(frame)
        hooks.set_classes(self.matrix, ["mc-matrix-box"] + ([hooks.CHANGED] if changed else []))
        for level_id, box in self.sources.items():
            changed = ("sources", level_id) in frame.changed
            box.value = sources_html(frame, level_id, changed)
            hooks.set_classes(
                box,
                ["mc-sources", hooks.sources(level_id), hooks.level(level_id)]
                + ([hooks.CHANGED] if changed else []),
            )
