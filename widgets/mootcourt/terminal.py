"""The courts side by side in a terminal: one column per level, one row per issue.

Used by `mootcourt evaluate` (and `make demo` until the dashboard exists). Everything a
person reads comes from the case file, the reasoning templates or the message catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .engine import Judgment, Result
from .engine.judgment import Outcome
from .engine.steps import Step
from .engine.texts import join
from .i18n import messages

if TYPE_CHECKING:
    from .case import Case

COLOURS = {
    Result.ESTABLISHED: "green",
    Result.PRESUMED: "yellow",
    Result.NOT_ESTABLISHED: "red",
    Result.REBUTTED: "red",
    Result.UNCERTAIN: "magenta",
    Result.NOT_REACHED: "dim",
}


def render_judgment(judgment: Judgment, lang: str, console: Console) -> None:
    """Print a judgment: what was changed, each defendant's table, outcomes (naming each
    defendant that differs from the record), every divergence, and the case's assumptions."""
    case = judgment.case
    t = case.messages(lang)
    console.print(Text(case.title(lang), style="bold"))
    changed = judgment.world.changed_from(case.record_world())
    items = [
        f"{case.label(k, lang)} → {t('cli.on' if v else 'cli.off')}" for k, v in changed.items()
    ]
    # a doctrine set by the user is a hypothetical too: never headed 'the record as reported'
    items += [
        f"{case.levels[lv.id].label(lang)} · {t(f'param.{p}')} → {t(f'value.{lv.doctrine[p]}')}"
        for lv in judgment.levels
        for p in lv.doctrine.values
        if lv.doctrine.basis[p] == "override"
    ]
    if items:
        console.print(Text(t("cli.world_changes", items="; ".join(items)), style="cyan"))
    else:
        console.print(Text(t(case.record_key("cli.record_world")), style="dim"))
    for defendant in case.defendants:
        console.print(_defendant_table(judgment, defendant, lang))
    console.print(_outcomes(judgment, lang))
    for level_id in judgment.level_ids:  # the operative part of each appeal, apart from reasons
        text = judgment.disposition(level_id, lang)
        if text:
            label = case.levels[level_id].label(lang)
            console.print(Text(f"{label}{'：' if lang == 'zh-CN' else ': '}{text}"))
    console.print(_doctrine(judgment, lang))
    for panel in _divergences(judgment, lang):
        console.print(panel)
    if case.file.assumptions:
        console.print(_assumptions(judgment, lang))
    if lang == "en":
        console.print(Text(t("cli.translation_note"), style="dim italic"))


def _defendant_table(judgment: Judgment, defendant: str, lang: str) -> Table:
    case = judgment.case
    t = messages(lang)
    title = t("cli.defendant", name=case.label(defendant, lang))
    table = Table(
        title=title, box=box.SIMPLE_HEAVY, show_lines=True, expand=True, title_justify="left"
    )
    table.add_column(t("cli.issue"), style="bold", ratio=1, overflow="fold")
    for lv in judgment.levels:
        level = case.levels[lv.id]
        table.add_column(f"{level.label(lang)} · {level.court(lang)}", ratio=3, overflow="fold")
    for issue in case.pack.issues:
        cells = [_cell(case, lv.step(issue, defendant), lang) for lv in judgment.levels]
        table.add_row(case.issue_label(issue, lang), *cells)
    return table


def _cell(case, step: Step, lang: str) -> Group | Text:
    t = messages(lang)
    head = Text(t(f"result.{step.result}").upper(), style=f"bold {COLOURS[step.result]}")
    if step.result is Result.NOT_REACHED:
        return head
    meta = []
    if step.burden_on:
        meta.append(t("cli.burden", party=case.label(step.burden_on, lang)))
    if step.standard:
        meta.append(t("cli.standard", standard=t(f"standard.{step.standard}")))
    if step.rules:
        meta.append(
            t("cli.rules", rules=join([case.law.citation(r, lang) for r in step.rules], lang))
        )
    if step.see_also:  # named only in the kit's notes: never among the court's grounds
        cited = join([case.law.citation(r, lang) for r in step.see_also], lang)
        meta.append(t("cli.see_also", rules=cited))
    lines = [head, Text(" · ".join(meta), style="dim"), Text(step.text(lang))]
    if step.assumptions:  # our premises, by number: the Assumptions panel gives their text
        numbers = _assumption_numbers(case)
        cited = join([str(numbers[a]) for a in step.assumptions], lang)
        lines.append(Text(t("cli.assumes", ids=cited), style="cyan"))
    return Group(*lines)


def _divergences(judgment: Judgment, lang: str) -> list[Panel]:
    """One panel for each pair of consecutive levels that part ways, titled with the two
    levels (a retrial makes three levels and up to two pairs); one panel if none do."""
    case = judgment.case
    t = messages(lang)
    found = judgment.divergences
    if not found:
        body = Text(t("cli.no_divergence"))
        return [Panel(body, title=t("cli.divergence"), border_style="magenta", box=box.ROUNDED)]
    colon = "：" if lang == "zh-CN" else ": "
    panels = []
    for d in found:
        where = case.issue_label(d.issue, lang)
        if len(case.defendants) > 1:
            where = f"{case.label(d.defendant, lang)} · {where}"
        a, b = (case.levels[level].label(lang) for level in d.levels)
        title = t("cli.divergence_between", a=a, b=b)
        body = Text(f"{where}{colon}") + Text(d.reason(lang))
        panels.append(Panel(body, title=title, border_style="magenta", box=box.ROUNDED))
    return panels


def _assumption_numbers(case: Case) -> dict[str, int]:
    """Each assumption's number, in the case file's order: a reader sees numbers, not ids."""
    return {a.id: n for n, a in enumerate(case.file.assumptions, 1)}


def _assumptions(judgment: Judgment, lang: str) -> Panel:
    """The case's premises that the sources do not show, each by number (as the steps name
    them) with its text: ours, never the court's."""
    t = messages(lang)
    colon = "：" if lang == "zh-CN" else ": "
    rows = [
        Text(str(n), style="cyan") + Text(f"{colon}{a.text(lang)}")
        for n, a in enumerate(judgment.case.file.assumptions, 1)
    ]
    return Panel(
        Group(Text(t("cli.assumptions_note"), style="dim italic"), *rows),
        title=t("cli.assumptions"),
        border_style="cyan",
        box=box.ROUNDED,
    )


def _level_table(judgment: Judgment, lang: str, title: str) -> Table:
    """A table with a label column and one column per level."""
    table = Table(box=box.SIMPLE, expand=True, title=title, title_justify="left")
    table.add_column("", ratio=1, overflow="fold")
    for lv in judgment.levels:
        table.add_column(judgment.case.levels[lv.id].label(lang), ratio=3, overflow="fold")
    return table


def _outcomes(judgment: Judgment, lang: str) -> Table:
    case = judgment.case
    t = messages(lang)
    table = _level_table(judgment, lang, t("cli.outcome"))
    cells = []
    for lv in judgment.levels:
        decided = case.levels[lv.id].as_decided
        verdict = t("cli.liable") if lv.liable else t("cli.not_liable")
        style = "bold green" if lv.liable else "bold red"
        remedies = join([case.label(r, lang) for r in lv.remedies], lang)
        differences = lv.record_differences()
        same = not differences
        check = t(case.record_key("cli.matches" if same else "cli.differs"))
        lines = [
            Text(verdict, style=style),
            Text(t("cli.remedies", items=remedies)),
            Text(
                t(case.record_key("cli.as_decided"), outcome=decided.outcome(lang), check=check),
                style="dim" if same else "yellow",
            ),
        ]
        for diff in differences:  # name who differs, and how
            line = t(
                "cli.record_difference",
                defendant=case.label(diff.defendant, lang),
                expected=_outcome_text(judgment, diff.expected, lang),
                found=_outcome_text(judgment, diff.found, lang),
            )
            lines.append(Text(line[:1].upper() + line[1:], style="yellow"))
        cells.append(Group(*lines))
    table.add_row("", *cells)
    return table


def _outcome_text(judgment: Judgment, outcome: Outcome, lang: str) -> str:
    """'liable (an apology)' / '应承担责任（赔礼道歉）': one defendant's outcome in a phrase."""
    t = messages(lang)
    verdict = t("cli.record_liable") if outcome.liable else t("cli.record_not_liable")
    if not outcome.remedies:
        return verdict
    items = join([judgment.case.label(r, lang) for r in outcome.remedies], lang)
    return f"{verdict}（{items}）" if lang == "zh-CN" else f"{verdict} ({items})"


def _doctrine(judgment: Judgment, lang: str) -> Table:
    t = judgment.case.messages(lang)
    table = _level_table(judgment, lang, t("cli.doctrine"))
    first = judgment.levels[0].doctrine
    for param in first.values:
        if not judgment.case.pack.applies(param, len(judgment.case.defendants)):
            # no text speaks of other defendants where there is one (issue 6 item 1)
            na = Text(t("cli.one_defendant"), style="dim")
            table.add_row(t(f"param.{param}"), *[na for _ in judgment.levels])
            continue
        row = []
        for lv in judgment.levels:
            value, basis = lv.doctrine[param], lv.doctrine.basis[param]
            differs = value != first[param]
            row.append(
                Text(
                    t("cli.setting", value=t(f"value.{value}"), basis=t(f"basis.{basis}")),
                    style="bold" if differs else "",
                )
            )
        table.add_row(t(f"param.{param}"), *row)
    return table
