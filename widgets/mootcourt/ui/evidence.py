"""The evidence board: every item of evidence, grouped by who offered it, as a checkbox.

A hypothetical item carries a badge; an item whose `requires` is off is disabled with the
reason; the passage of the source that reports it opens in place (a `<details>`, so it needs
no round trip and works by keyboard). The board only reports clicks; the state decides.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from . import hooks
from .frame import Frame
from .words import Words, e


class ToggleRow(widgets.VBox):
    """One toggle: its checkbox (carrying `mc-toggle-<id>`) and a line of notes under it."""

    def __init__(self, toggle_id: str, on_change: Callable[[str, bool], None]) -> None:
        self.toggle_id = toggle_id
        self.checkbox = widgets.Checkbox(indent=False, layout=widgets.Layout(width="auto"))
        self.checkbox.add_class(hooks.toggle(toggle_id))
        self.meta = widgets.HTML()
        self.meta.add_class("mc-toggle-meta")
        self._on_change = on_change
        self._quiet = False
        self.checkbox.observe(self._clicked, "value")
        super().__init__([self.checkbox, self.meta])
        self.add_class("mc-toggle-row")

    def __repr__(self) -> str:
        return f"<ToggleRow {self.toggle_id} on={self.checkbox.value}>"

    def _clicked(self, change: dict) -> None:
        if not self._quiet:
            self._on_change(self.toggle_id, change["new"])

    def show(self, frame: Frame, changed: bool = False) -> None:
        case, w = frame.case, frame.words
        world = frame.judgment.world
        toggle = case.toggles[self.toggle_id]
        blocked = world.blocked_by(self.toggle_id) if not world[self.toggle_id] else ()
        self._quiet = True
        try:
            self.checkbox.value = world[self.toggle_id]
            self.checkbox.description = w.label(self.toggle_id)
            self.checkbox.disabled = bool(blocked)
            self.checkbox.description_allow_html = False
        finally:
            self._quiet = False
        notes: list[str] = []
        if world[self.toggle_id] != toggle.default:
            notes.append(f'<span class="mc-off-record">{w("ui.evidence.off_record")}</span>')
        if toggle.hypothetical:
            notes.append(f'<span class="mc-badge">{w("ui.evidence.hypothetical")}</span>')
        if blocked:
            notes.append(
                f'<span class="mc-blocked">{w("ui.evidence.blocked", needs=w.labels(blocked))}'
                "</span>"
            )
        elif world[self.toggle_id]:
            dependents = world.dependents(self.toggle_id)
            if dependents:
                notes.append(w("ui.evidence.cascade", items=w.labels(dependents, items=True)))
        had = [lv.id for lv in frame.judgment.levels if lv.had(self.toggle_id)]
        if toggle.kind == "evidence" and len(had) < len(frame.judgment.levels):
            notes.append(w("ui.evidence.before", levels=w.labels(had) or w.t("cli.none")))
        flips = frame.flips.get(self.toggle_id)
        if flips:
            notes.append(
                f'<span class="mc-flip">{w("ui.evidence.flips", levels=w.labels(flips))}</span>'
            )
        notes.append(_source(frame, self.toggle_id, w))
        self.meta.value = " ".join(n for n in notes if n)
        off_record = world[self.toggle_id] != toggle.default
        hooks.set_classes(self, ["mc-toggle-row"] + (["mc-off-record-row"] if off_record else []))


def _source(frame: Frame, toggle_id: str, w: Words) -> str:
    """The reporting passage of an item of evidence (or of a party), opened on demand."""
    case = frame.case
    item = case.evidence.get(toggle_id) or case.parties.get(toggle_id)
    ref = getattr(item, "source", None)
    body = w(case.record_key("ui.evidence.no_source"))
    if ref is not None:
        source = next(s for s in case.file.sources if s.id == ref.ref)
        passage = next((p for p in source.passages if p.id == ref.passage), None)
        body = e(source.title(w.lang))
        if passage is not None:
            body += w.colon() + e(passage.summary(w.lang))
    detail = getattr(item, "detail", None)
    if detail is not None:
        body = e(detail(w.lang)) + "<br>" + body
    return f"<details><summary>{w('ui.evidence.source')}</summary>{body}</details>"


class EvidenceBoard(widgets.VBox):
    """Every evidence toggle of a case, grouped by the parties that offered it."""

    def __init__(self, frame: Frame, on_change: Callable[[str, bool], None]) -> None:
        case = frame.case
        groups: dict[tuple[str, ...], list[str]] = {}
        for toggle in case.toggles.values():
            if toggle.kind == "evidence":
                groups.setdefault(toggle.offered_by, []).append(toggle.id)
        self.groups = groups
        self.heads = {offerers: widgets.HTML() for offerers in groups}
        self.rows = {t: ToggleRow(t, on_change) for ids in groups.values() for t in ids}
        children: list[widgets.Widget] = []
        for offerers, ids in groups.items():
            self.heads[offerers].add_class("mc-group-head")
            children.append(self.heads[offerers])
            children.extend(self.rows[t] for t in ids)
        super().__init__(children)
        self.add_class("mc-evidence")
        self.show(frame)

    def __repr__(self) -> str:
        return f"<EvidenceBoard {len(self.rows)} toggles in {len(self.groups)} groups>"

    def show(self, frame: Frame) -> None:
        w = frame.words
        for offerers, head in self.heads.items():
            head.value = w("ui.evidence.offered_by", parties=w.labels(offerers))
        for row in self.rows.values():
            row.show(frame)
