"""The What-if tab: which single fact would change each court's result now, what the appeal's
reversal needed, and (on request) every valid world and the exact conditions of liability.

    panel = WhatIfPanel(case, "en")
    panel.show(judgment, "en", report)   # the state's analysis (`ExplorerState.whatif`)
    panel.flips                          # toggle id -> the levels whose result flipping it changes

The panel only draws. The analysis is the explorer state's (`ExplorerState.whatif`: computed
once per world and doctrine, after the courts, never inside a click); until it arrives the
panel keeps its last content under a "computing…" mark. Every level is compiled (once per
doctrine, then cached) only when the student opens the counts over every world and the
minimal conditions, which also import sympy the first time. Styles use JupyterLab's `--jp-*`
variables only; nothing loads from a CDN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import traitlets

from ..analysis import wording
from ..analysis.compile import compile_level
from ..analysis.conditions import minimal_condition
from ..analysis.explain import settings_of
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
.mc-whatif .mc-wi-stale { opacity: 0.6; }
/* the theme's colours pulled toward the text colour: 4.5:1 or better in light and dark */
.mc-whatif .mc-wi-liable { font-weight: 600; color: color-mix(in srgb,
  var(--jp-success-color1, #2e7d32) 70%, var(--jp-ui-font-color1, #1f1f1f)); }
.mc-whatif .mc-wi-not-liable { font-weight: 600; color: color-mix(in srgb,
  var(--jp-error-color1, #c62828) 70%, var(--jp-ui-font-color1, #1f1f1f)); }
.mc-whatif .mc-wi-open { font-weight: 600; color: color-mix(in srgb,
  var(--jp-warn-color1, #ef6c00) 60%, var(--jp-ui-font-color1, #1f1f1f)); }
.mc-whatif .mc-wi-sentence { margin: 4px 0 8px; overflow-wrap: anywhere; }
.mc-whatif .mc-wi-level, .mc-whatif .mc-wi-liable, .mc-whatif .mc-wi-not-liable,
.mc-whatif .mc-wi-open, .mc-whatif .mc-wi-after { white-space: nowrap; }
.mc-whatif .mc-wi-issue { display: block; font-size: 0.9em; }
/* a court's column as wide as its result on one line ("→ not liable"); the fact wraps */
.mc-whatif th.mc-wi-level { width: 1%; }
.mc-whatif .mc-wi-now-row th { font-weight: 600; }
.mc-whatif .mc-wi-legend { margin: 4px 0 2px; font-size: 0.9em; }
.mc-whatif .mc-wi-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
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
        self.status = widgets.HTML()
        self.status.add_class("mc-wi-status")
        self.now = widgets.HTML()
        self.moves = widgets.HTML()
        self.details = widgets.ToggleButton(value=False)
        self.details.observe(self._details_toggled, "value")
        self.every = widgets.HTML()
        style = widgets.HTML(f"<style>{CSS}</style>")
        style.layout.display = "none"
        super().__init__([style, self.status, self.now, self.moves, self.details, self.every])
        self.add_class("mc-whatif")

    def __repr__(self) -> str:
        return f"<WhatIfPanel {self.case.id} lang={self.lang}>"

    def show(
        self,
        judgment: Judgment,
        lang: str,
        report: Explanation | None = None,
        pending: bool = False,
    ) -> None:
        """Draw the state's analysis of this judgment (`report`); None: not there yet (a
        "computing…" mark over the last content while `pending`). Never evaluates."""
        self.lang = lang
        t = messages(lang)
        self.details.description = t("ui.whatif.details")
        self.details.tooltip = t("ui.whatif.details_hint")
        if report is None:
            self.flips = {}  # the marks belonged to the last world
            self.status.value = (
                f'<p class="mc-wi-dim" role="status">{e(t("ui.whatif.computing"))}</p>'
                if pending
                else ""
            )
            for part in (self.now, self.moves, self.every):
                if pending and self.report is not None:
                    part.add_class("mc-wi-stale")
            return
        self.report = report
        self.status.value = ""
        for part in (self.now, self.moves, self.every):
            part.remove_class("mc-wi-stale")
        self.flips = {effect.toggle: list(effect.flips()) for effect in report.sensitivity}
        self.now.value = _sensitivity_html(report, lang, judgment)
        self.moves.value = _moves_html(report, lang)
        self.every.value = _every_html(report, lang) if self.details.value else ""

    def _details_toggled(self, change: dict[str, Any]) -> None:
        if self.report is not None:
            self.every.value = _every_html(self.report, self.lang) if change["new"] else ""


def _result(value: bool | None, lang: str) -> str:
    return f'<span class="{_RESULT_CLASS[value]}">{e(wording.result(value, lang))}</span>'


def _now_rows(report: Explanation, lang: str, judgment: Judgment | None) -> list[str]:
    """The "now" row: one per defendant where there are several (each defendant's own result
    in this world, from the judgment), else the court's."""
    case = report.case
    t = messages(lang)
    defendants = case.defendants
    if judgment is None or len(defendants) < 2:
        now = "".join(
            f"<td>{_result(report.settled[lv].result, lang)}</td>" for lv in report.levels
        )
        return [f'<tr class="mc-wi-now-row"><th>{e(t("ui.whatif.now"))}</th>{now}</tr>']
    rows = []
    for d in defendants:
        cells = "".join(
            f"<td>{_result(judgment.level(lv).defendants[d].liable, lang)}</td>"
            for lv in report.levels
        )
        head = e(t("ui.whatif.now_for", defendant=case.label(d, lang)))
        rows.append(f'<tr class="mc-wi-now-row mc-wi-now-{d}"><th>{head}</th>{cells}</tr>')
    return rows


def _sensitivity_html(report: Explanation, lang: str, judgment: Judgment | None = None) -> str:
    case = report.case
    t = messages(lang)
    head = "".join(
        f'<th class="mc-wi-level">{e(case.levels[lv].label(lang))}</th>' for lv in report.levels
    )
    rows = _now_rows(report, lang, judgment)
    unchanged = (
        '<td class="mc-wi-dim"><span aria-hidden="true">·</span>'
        f'<span class="mc-wi-hidden">{e(t("ui.whatif.unchanged"))}</span></td>'
    )
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
                cells.append(unchanged)
                continue
            issue = e(case.issue_label(change.issue, lang)) if change.issue else ""
            where = f'<span class="mc-wi-dim mc-wi-issue">{issue}</span>'
            after = f'<span class="mc-wi-after">→ {_result(change.after, lang)}</span>'
            cells.append(f"<td>{after}{where if change.issue else ''}</td>")
        rows.append(
            f'<tr class="mc-wi-flip-{effect.toggle}"><td>{e(action)}</td>{"".join(cells)}</tr>'
        )
    parts = [
        f"<h4>{e(t('analysis.heading.sensitivity'))}</h4>",
        f"<table><tr><th>{e(t('analysis.col.toggle'))}</th>{head}</tr>{''.join(rows)}</table>",
        f'<p class="mc-wi-dim mc-wi-legend">{e(t("ui.whatif.legend"))}</p>',
    ]
    if len(case.defendants) > 1:
        parts.append(f'<p class="mc-wi-dim mc-wi-legend">{e(t("ui.whatif.several"))}</p>')
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
                move=wording.move_name(m.parameter, lang, case),
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
        # the condition says which of the court's settings it rests on are not reported
        rests = settings_of(tree.doctrine, tree.doctrine_reads)
        sentence = wording.condition(case, condition, lang, rests)
        parts.append(f'<p class="mc-wi-sentence">{e(sentence)}</p>')
    return f'<div class="mc-wi-every">{"".join(parts)}</div>'
