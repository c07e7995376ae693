"""`mootcourt explain` in a terminal: one flip, every world, exact conditions, the moves.

Everything a person reads comes from the case file or the message catalogue (`analysis.*`
keys), in the language asked for.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..i18n import messages
from . import wording
from .explain import Explanation
from .sensitivity import LevelResult

_STYLE = {True: "green", False: "red", None: "magenta"}


def render_explanation(report: Explanation, lang: str, console: Console) -> None:
    case = report.case
    t = messages(lang)
    console.print(Text(case.title(lang), style="bold"))
    record = case.record_world()
    changed = [
        f"{case.label(k, lang)} → {_fact(v, lang)}"
        for k, v in report.facts.items()
        if v is None or v != record[k]
    ]
    if changed:
        console.print(Text(t("cli.world_changes", items="; ".join(changed)), style="cyan"))
    else:
        console.print(Text(t(case.record_key("cli.record_world")), style="dim"))
    console.print(_sensitivity(report, lang))
    console.print(_worlds(report, lang))
    console.print(_influence(report, lang))
    # every figure above rests on each court's doctrine: say which settings are not reported
    lines = [
        wording.level_basis(case, lv, report.settings.get(lv, {}), lang) for lv in report.levels
    ]
    console.print(Panel(Text("\n".join(lines)), title=t("analysis.heading.basis"), box=box.ROUNDED))
    if report.conditions:
        lines = [
            wording.condition(case, c, lang, report.settings.get(lv))
            for lv, c in report.conditions.items()
        ]
        console.print(
            Panel(Text("\n\n".join(lines)), title=t("analysis.heading.conditions"), box=box.ROUNDED)
        )
    if any(f is None for f in report.facts.values()):
        lines = [
            wording.settled(case, s, lang, report.settings.get(lv))
            for lv, s in report.settled.items()
        ]
        console.print(
            Panel(Text("\n".join(lines)), title=t("analysis.heading.settled"), box=box.ROUNDED)
        )
    for found in report.decomposition:
        console.print(_decomposition(report, found, lang))


def _fact(value: bool | None, lang: str) -> str:
    t = messages(lang)
    return t("analysis.unknown") if value is None else t("cli.on" if value else "cli.off")


def _result(value: LevelResult, lang: str) -> Text:
    return Text(wording.result(value, lang), style=_STYLE[value])


def _sensitivity(report: Explanation, lang: str) -> Table:
    case = report.case
    t = messages(lang)
    table = Table(title=t("analysis.heading.sensitivity"), box=box.SIMPLE_HEAD, expand=True)
    table.add_column(t("analysis.col.toggle"), ratio=3)
    table.add_column(t("analysis.col.now"), no_wrap=True)
    for level in report.levels:
        table.add_column(case.levels[level].label(lang), ratio=2)
    for effect in report.sensitivity:
        row: list[Text | str] = [case.label(effect.toggle, lang), _fact(effect.current, lang)]
        for level in report.levels:
            change = effect.levels.get(level)
            if effect.flip is None:
                row.append(Text("–", style="dim"))
            elif effect.unavailable:
                needs = ", ".join(case.label(n, lang) for n in effect.flip.blocked_by)
                row.append(Text(t("analysis.flip.unavailable", toggle="", needs=needs).strip()))
            elif change is None or not change.changes:
                row.append(Text("·", style="dim"))
            else:
                cell = Text("→ ") + _result(change.after, lang)
                if change.issue:
                    cell += Text(f" ({case.issue_label(change.issue, lang)})", style="dim")
                row.append(cell)
        table.add_row(*row)
    return table


def _worlds(report: Explanation, lang: str) -> Table:
    case = report.case
    t = messages(lang)
    table = Table(title=t("analysis.heading.worlds"), box=box.SIMPLE_HEAD, expand=True)
    table.add_column(t("analysis.col.level"))
    table.add_column(t("analysis.col.valid"), justify="right")
    table.add_column(t("analysis.col.liable"), justify="right")
    table.add_column(t("analysis.col.irrelevant"), ratio=3)
    for level, counts in report.counts.items():
        never = "; ".join(case.label(x, lang) for x in counts.irrelevant) or t("cli.none")
        table.add_row(
            wording.court(case, level, lang),
            f"{counts.valid:,}",
            f"{counts.liable:,}",
            Text(never, style="dim"),
        )
    return table


def _influence(report: Explanation, lang: str) -> Table:
    case = report.case
    t = messages(lang)
    table = Table(title=t("analysis.heading.influence"), box=box.SIMPLE_HEAD, expand=True)
    table.add_column(t("analysis.col.toggle"), ratio=3)
    for level in report.counts:
        table.add_column(case.levels[level].label(lang), justify="right")
    order = sorted(case.toggles, key=lambda x: -sum(c.influence[x] for c in report.counts.values()))
    for toggle in order:
        values = [report.counts[lv].influence[toggle] for lv in report.counts]
        if any(values):
            table.add_row(case.label(toggle, lang), *(f"{v:,}" for v in values))
    return table


def _decomposition(report: Explanation, found, lang: str) -> Panel:
    case = report.case
    t = messages(lang)
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    for key in ("move", "from", "to", "necessary", "sufficient", "pivotal"):
        table.add_column(t(f"analysis.col.{key}"))
    yes, no = t("analysis.yes"), t("analysis.no")
    for move in found.moves:
        (va, ba), (vb, bb) = move.before, move.after
        table.add_row(
            wording.move_name(move.parameter, lang, case),
            wording.value(move.parameter, va, lang, case) + wording.basis_note(ba, lang),
            wording.value(move.parameter, vb, lang, case) + wording.basis_note(bb, lang),
            yes if move.necessary else no,
            yes if move.sufficient else no,
            t("analysis.orders", n=move.pivotal, total=len(found.paths)),
        )
    body = Table.grid()
    body.add_row(Text(wording.decomposition(case, found, lang)))
    if found.moves:
        body.add_row(table)
    return Panel(body, title=t("analysis.heading.decomposition"), box=box.ROUNDED)
