"""`mootcourt brief check|new|collect|export`: the moot court from the command line.

For instructors grading a class folder. The exit codes are the kit's: 0 with the feedback;
1 with `file:line: field.path: message` for a brief (or rubric) that does not load; 2 for bad
arguments (a bad value lists the valid ones). `collect` never fails on a broken brief: it
lists it with its `file:line` beside the table of the others.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import CaseNotFound
from ..i18n import LANGUAGES, messages
from . import words
from .brief import COURT, Brief, BriefError

OK = 0


class BadArguments(Exception):
    """Exit 2 with this message (the CLI's `UsageError` is raised from it)."""


def add_parser(commands: Any) -> None:
    """The `brief` command group, added to the `mootcourt` parser."""
    brief = commands.add_parser(
        "brief",
        help="moot-court briefs: check one, start one, grade a folder, export",
        description="Work with moot-court briefs (small YAML files: a side, a court, points).",
    )
    sub = brief.add_subparsers(dest="brief_command", required=True, metavar="ACTION")

    check = sub.add_parser(
        "check",
        help="feedback on a brief, computed from the engine",
        description="Check a brief and print the feedback on each point: does it hold at the "
        "court addressed, is it decisive, the other side's best answer, misconceptions, the "
        "bench's questions, and the rubric's score with its reasons. Exit 0 with feedback; 1 "
        "with file:line for a broken brief; 2 for bad arguments.",
    )
    check.add_argument("file", metavar="FILE", help="a brief (.yaml)")
    check.add_argument("--json", action="store_true", help="print the feedback as JSON")
    check.add_argument("--lang", choices=LANGUAGES, help="default: the brief's own language")
    check.add_argument("--rubric", metavar="FILE", help="an instructor's rubric (YAML)")
    check.set_defaults(run=_check)

    new = sub.add_parser(
        "new",
        help="write a starter brief that loads",
        description="Write a starter brief for one side of a case to one court, with the "
        "case's vocabulary (issues, results, evidence) listed in comments.",
    )
    new.add_argument("case", metavar="CASE", help="a case id, e.g. liu-v-platform-2024")
    new.add_argument("--side", required=True, metavar="PARTY", help="a party, or 'court'")
    new.add_argument("--court", required=True, metavar="LEVEL", help="a level of the case")
    new.add_argument("--lang", choices=LANGUAGES, default="en")
    new.add_argument("--author", default="", help="a name or a team")
    new.add_argument("--out", metavar="FILE", help="default: the student folder")
    new.set_defaults(run=_new)

    collect = sub.add_parser(
        "collect",
        help="a table of every brief in a folder, with scores (and a CSV)",
        description="Check every brief in a folder: author, side, court, points, how many "
        "hold, score. Broken briefs are listed with file:line, never fatal.",
    )
    collect.add_argument("folder", metavar="DIR")
    collect.add_argument("--csv", metavar="FILE", help="also write the table as CSV")
    collect.add_argument("--lang", choices=LANGUAGES, default="en")
    collect.add_argument("--rubric", metavar="FILE", help="an instructor's rubric (YAML)")
    collect.set_defaults(run=_collect)

    export = sub.add_parser(
        "export",
        help="the brief with its feedback and the bench's questions, as Markdown or HTML",
        description="Export a brief with its feedback, the bench's questions and the score "
        "(HTML: print it to PDF from the browser).",
    )
    export.add_argument("file", metavar="FILE")
    export.add_argument("--format", choices=("md", "html"), default="md")
    export.add_argument("--out", metavar="FILE", help="default: print it")
    export.add_argument("--lang", choices=LANGUAGES, help="default: the brief's own language")
    export.add_argument("--rubric", metavar="FILE")
    export.set_defaults(run=_export)


def _existing_file(path: str) -> Path:
    found = Path(path)
    if not found.is_file():
        raise BadArguments(f"no such file: {path}")
    return found


def _rubric(args: argparse.Namespace) -> Any:
    if not getattr(args, "rubric", None):
        return None
    from .rubric import load_rubric

    return load_rubric(_existing_file(args.rubric))


def _check(args: argparse.Namespace) -> int:
    from .export import feedback_json
    from .feedback import check_brief
    from .files import load_brief_with_case

    path = _existing_file(args.file)
    rubric = _rubric(args)
    brief, case = load_brief_with_case(path)
    feedback = check_brief(brief, case, rubric)
    lang = args.lang or brief.lang
    if args.json:
        data = feedback_json(feedback, lang, file=str(path))
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(feedback.render(lang))
    return OK


def _new(args: argparse.Namespace) -> int:
    from ..case import load_case
    from .files import default_path, dumps, write_atomically

    try:
        case = load_case(args.case)
    except CaseNotFound as exc:
        raise BadArguments(str(exc)) from None
    sides = (case.plaintiff, *case.defendants, COURT)
    if args.side not in sides:
        raise BadArguments(f"unknown side '{args.side}'; valid: {', '.join(sides)}")
    if args.court not in case.levels:
        raise BadArguments(f"unknown court '{args.court}'; valid: {', '.join(case.levels)}")
    brief = Brief(case.id, args.side, args.court, args.lang, args.author)
    target = Path(args.out) if args.out else default_path(brief)
    if target.exists():
        raise BadArguments(f"{target} exists: a brief is never overwritten by 'new'")
    text = _vocabulary(case, args.lang) + dumps(brief)
    from ..yamlsource import parse_yaml
    from .brief import parse_brief

    parse_brief(parse_yaml(text.encode("utf-8"), target), case)  # it loads, or we stop here
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text.encode("utf-8"))
    print(messages(args.lang)("moot.new.written", path=target))
    return OK


def _vocabulary(case: Any, lang: str) -> str:
    """Comments at the top of a starter brief: the ids a point may use, with their labels."""
    from .brief import CLAIMS

    issues = case.pack.issues

    lines = [
        "# A moot-court brief. Each point: issue, claim, (against), rules, evidence,",
        "# doctrine (the reading urged), text. Check it: mootcourt brief check THIS-FILE",
        "# issues: " + ", ".join(f"{i} ({case.issue_label(i, lang)})" for i in issues),
        "# claims: " + ", ".join(CLAIMS),
        "# defendants: " + ", ".join(f"{d} ({case.label(d, lang)})" for d in case.defendants),
        "# evidence and parties:",
        *(f"#   {t}: {case.label(t, lang)}" for t in case.toggles),
        "# doctrine: mootcourt doctrine; statute ids: lessons/law/statutes.yaml",
        "# example point:",
        "#   - issue: " + issues[0],
        "#     claim: " + CLAIMS[0],
        "#     rules: []",
        "#     evidence: []",
        "#     text: ...",
        "",
    ]
    return "\n".join(lines)


def _collect(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from .feedback import check_brief
    from .files import list_briefs, load_brief_with_case

    folder = Path(args.folder)
    if not folder.is_dir():
        raise BadArguments(f"no such folder: {args.folder}")
    rubric = _rubric(args)
    t = messages(args.lang)
    rows: list[dict[str, Any]] = []
    shown: list[tuple[str, ...]] = []
    broken: list[str] = []
    for path in list_briefs(folder):
        try:
            brief, case = load_brief_with_case(path)
        except BriefError as exc:
            broken += [str(p) for p in exc.problems]
            rows.append(_row(path, None, None, "; ".join(str(p) for p in exc.problems)))
            continue
        feedback = check_brief(brief, case, rubric)
        rows.append(_row(path, brief, feedback, ""))
        side = words.party(case, brief.side, args.lang)
        court = case.levels[brief.court].label(args.lang)
        holding = sum(p.holds for p in feedback.points)
        score = f"{feedback.score.total}/{feedback.score.out_of}"
        shown.append(
            (path.name, brief.author, side, court, str(len(brief.points)), str(holding), score)
        )
    if not rows:
        print(t("moot.collect.none", folder=folder))
        return OK
    table = Table()
    for key in ("file", "author", "side", "court", "points", "holds", "score"):
        table.add_column(t(f"moot.collect.{key}"), overflow="fold")
    for cells in shown:
        table.add_row(*cells)
    console = Console(soft_wrap=True)
    console.print(table)
    if broken:
        print(t("moot.collect.broken"))
        for line in broken:
            print(f"  {line}")
    if args.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        Path(args.csv).write_text(buffer.getvalue(), encoding="utf-8")
        print(t("moot.collect.csv", path=args.csv))
    return OK


def _row(path: Path, brief: Brief | None, feedback: Any, error: str) -> dict[str, Any]:
    return {
        "file": path.name,
        "author": brief.author if brief else "",
        "case": brief.case if brief else "",
        "side": brief.side if brief else "",
        "court": brief.court if brief else "",
        "points": len(brief.points) if brief else "",
        "holds": sum(p.holds for p in feedback.points) if feedback else "",
        "score": feedback.score.total if feedback else "",
        "out_of": feedback.score.out_of if feedback else "",
        "error": error,
    }


def _export(args: argparse.Namespace) -> int:
    from .export import to_html, to_markdown
    from .feedback import check_brief
    from .files import load_brief_with_case, write_atomically

    path = _existing_file(args.file)
    rubric = _rubric(args)
    brief, case = load_brief_with_case(path)
    feedback = check_brief(brief, case, rubric)
    lang = args.lang or brief.lang
    text = to_html(feedback, lang) if args.format == "html" else to_markdown(feedback, lang)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(out, text.encode("utf-8"))
        print(messages(lang)("moot.export.written", path=out))
    else:
        sys.stdout.write(text)
    return OK
