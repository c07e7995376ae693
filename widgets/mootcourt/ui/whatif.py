"""The What-if tab: which single fact would change each court's result now, what the appeal's
reversal needed, and (on request) every valid world and the exact conditions of liability.

    panel = WhatIfPanel(case, "en")
    panel.show(judgment, "en")     # after every input; re-renders from the compiled trees
    panel.flips                    # toggle id -> the levels whose result flipping it changes

The panel reads the analysis (`mootcourt.analysis`), never the rules. For the current world
it evaluates the one-flip neighbours (about twenty evaluations: as quick per click as looking
them up in compiled diagrams, and no second of compiling before the first view, nor one per
kernel when a class arrives at once); the analysis tests check that this says exactly what
the compiled diagrams say. Every level is compiled (once per doctrine, then cached) only when
the student opens the counts over every world and the minimal conditions, which also import
sympy the first time. Styles use JupyterLab's `--jp-*` variables only; nothing loads from a
CDN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import traitlets

from ..analysis import explain, wording
from ..analysis.compile import compile_level
from ..analysis.conditions import minimal_condition
from ..analysis.worlds import every_world
from ..engine.texts import join
from ..i18n import messages
from .words import e

if TYPE_CHECKING:
    from ..analysis import Explanation
    from ..case import Case
    from ..engine import Judgment

CSS = """
.mc-whatif { color: var(--jp-ui-font-color1, #1f1f1f);
  font-size: var(--jp-ui-font-size1, 13px); line-height: 1.4; }
.mc-whatif h4 { margin: 8px 0 4px; font-size: 1em; }
.mc-whatif table { border-collapse: collapse; width: 100%; }
.mc-whatif th, .mc-whatif td { text-align: left; vertical-align: top; padding: 2px 6px;
  border-bottom: 1px solid var(--jp-border-color2, #dddddd); }
.mc-whatif .mc-wi-dim { color: var(--jp-ui-font-color2, #5f5f5f); }
.mc-whatif .mc-wi-liable { color: var(--jp-success-color1, #2e7d32); font-weight: 600; }
.mc-whatif .mc-wi-not-liable { color: var(--jp-error-color1, #c62828); font-weight: 600; }
.mc-whatif .mc-wi-open { color: var(--jp-warn-color1, #ef6c00); font-weight: 600; }
.mc-whatif .mc-wi-sentence { margin: 4px 0 8px; overflow-wrap: anywhere; }
.mc-whatif .mc-wi-level, .mc-whatif .mc-wi-liable, .mc-whatif .mc-wi-not-liable,
.mc-whatif .mc-wi-open { white-space: nowrap; }
.mc-whatif .mc-wi-issue { display: block; font-size: 0.9em; }
.mc-whatif th.mc-wi-level { width: 1%; }
.mc-whatif ul { margin: 4px 0; padding-left: 18px; }
.mc-whatif li { margin: 2px 0 6px; }
"""

_RESULT_CLASS = {True: "mc-wi-liable", False: "mc-wi-not-liable", None: "mc-wi-open"}


class WhatIfPanel(widgets.VBox):
    """What one flip changes now, what the reversal needed, and every world on request."""

    flips = traitlets.Dict(help="toggle id -> level ids whose result flipping it changes")

    def __init__(self, case: Case, lang: str = "en") -> None:
        self.case = case
        self.lang = lang
        self.report: Explanation | None = None
        self.now = widgets.HTML()
        self.moves = widgets.HTML()
        self.details = widgets.ToggleButton(value=False)
        self.details.observe(self._details_toggled, "value")
        self.every = widgets.HTML()
        style = widgets.HTML(f"<style>{CSS}</style>")
        style.layout.display = "none"
        super().__init__([style, self.now, self.moves, self.details, self.every])
        self.add_class("mc-whatif")

    def __repr__(self) -> str:
        return f"<WhatIfPanel {self.case.id} lang={self.lang}>"

    def show(self, judgment: Judgment, lang: str) -> None:
        """Re-render for this judgment's world and doctrines (after every input)."""
        self.lang = lang
        presets = {lv.id: lv.doctrine for lv in judgment.levels}
        report = explain(
            self.case, dict(judgment.world), conditions=False, presets=presets, compiled=False
        )
        self.report = report
        self.flips = {effect.toggle: list(effect.flips()) for effect in report.sensitivity}
        t = messages(lang)
        self.now.value = _sensitivity_html(report, lang)
        self.moves.value = _moves_html(report, lang)
        self.details.description = t("ui.whatif.details")
        self.details.tooltip = t("ui.whatif.details_hint")
        self.every.value = _every_html(report, lang) if self.details.value else ""

    def _details_toggled(self, change: dict[str, Any]) -> None:
        if self.report is not None:
            self.every.value = _every_html(self.report, self.lang) if change["new"] else ""


def _result(value: bool | None, lang: str) -> str:
    return f'<span class="{_RESULT_CLASS[value]}">{e(wording.result(value, lang))}</span>'


def _sensitivity_html(report: Explanation, lang: str) -> str:
    case = report.case
    t = messages(lang)
    head = "".join(
        f'<th class="mc-wi-level">{e(case.levels[lv].label(lang))}</th>' for lv in report.levels
    )
    now = "".join(f"<td>{_result(report.settled[lv].result, lang)}</td>" for lv in report.levels)
    rows = [f"<tr><th>{e(t('ui.whatif.now'))}</th>{now}</tr>"]
    quiet, blocked = [], []
    for effect in report.sensitivity:
        label = e(case.label(effect.toggle, lang))
        if effect.unavailable:
            blocked.append(e(wording.flip(case, effect, lang)))
            continue
        if not effect.flips():
            quiet.append(label)
            continue
        action = t(
            "analysis.flip.turn_on" if effect.flip.to else "analysis.flip.turn_off",
            toggle=case.label(effect.toggle, lang),
        )
        cells = []
        for lv in report.levels:
            change = effect.levels[lv]
            if not change.changes:
                cells.append('<td class="mc-wi-dim">·</td>')
                continue
            issue = e(case.issue_label(change.issue, lang)) if change.issue else ""
            where = f'<span class="mc-wi-dim mc-wi-issue">{issue}</span>'
            cells.append(f"<td>→ {_result(change.after, lang)}{where if change.issue else ''}</td>")
        rows.append(
            f'<tr class="mc-wi-flip-{effect.toggle}"><td>{e(action)}</td>{"".join(cells)}</tr>'
        )
    parts = [
        f"<h4>{e(t('analysis.heading.sensitivity'))}</h4>",
        f"<table><tr><th>{e(t('analysis.col.toggle'))}</th>{head}</tr>{''.join(rows)}</table>",
    ]
    if quiet:
        parts.append(
            f'<p class="mc-wi-dim">{e(t("ui.whatif.quiet"))} {join(quiet, lang, long=True)}</p>'
        )
    if blocked:
        parts.append(f'<p class="mc-wi-dim">{" ".join(blocked)}</p>')
    return f'<div class="mc-wi-now">{"".join(parts)}</div>'


def _moves_html(report: Explanation, lang: str) -> str:
    case = report.case
    t = messages(lang)
    parts = [f"<h4>{e(t('analysis.heading.decomposition'))}</h4>"]
    yes, no = t("analysis.yes"), t("analysis.no")
    for found in report.decomposition:
        parts.append(f'<p class="mc-wi-sentence">{e(wording.decomposition(case, found, lang))}</p>')
        if not found.moves:
            continue
        items = []
        for m in found.moves:
            (va, ba), (vb, bb) = m.before, m.after
            change = t(
                "ui.whatif.move",
                move=wording.move_name(m.parameter, lang),
                before=wording.value(m.parameter, va, lang, case) + wording.basis_note(ba, lang),
                after=wording.value(m.parameter, vb, lang, case) + wording.basis_note(bb, lang),
            )
            verdict = t(
                "ui.whatif.move_role",
                necessary=yes if m.necessary else no,
                sufficient=yes if m.sufficient else no,
                orders=t("analysis.orders", n=m.pivotal, total=len(found.paths)),
            )
            items.append(f'<li>{e(change)}<br><span class="mc-wi-dim">{e(verdict)}</span></li>')
        parts.append(f"<ul>{''.join(items)}</ul>")
    return f'<div class="mc-wi-moves">{"".join(parts)}</div>'


def _every_html(report: Explanation, lang: str) -> str:
    """Counts over every valid world and the exact conditions (computed once per doctrine)."""
    case = report.case
    t = messages(lang)
    parts = [f"<h4>{e(t('analysis.heading.worlds'))}</h4>"]
    trees = report.trees or {
        lv: compile_level(case, lv, report.doctrines[lv]) for lv in report.levels
    }
    for lv, tree in trees.items():
        counts = every_world(tree)
        never = join([case.label(x, lang) for x in counts.irrelevant], lang, long=True)
        line = t(
            "ui.whatif.counts",
            court=wording.court(case, lv, lang),
            liable=f"{counts.liable:,}",
            valid=f"{counts.valid:,}",
        )
        dim = f"{t('analysis.col.irrelevant')}: {never}"
        parts.append(
            f'<p class="mc-wi-sentence">{e(line)}<br><span class="mc-wi-dim">{e(dim)}</span></p>'
        )
    parts.append(f"<h4>{e(t('analysis.heading.conditions'))}</h4>")
    for tree in trees.values():
        condition = minimal_condition(tree, every_world(tree))
        parts.append(f'<p class="mc-wi-sentence">{e(wording.condition(case, condition, lang))}</p>')
    return f'<div class="mc-wi-every">{"".join(parts)}</div>'
