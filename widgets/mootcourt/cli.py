"""The `mootcourt` command: validate and check case files, evaluate a case, print the JSON
Schemas.

Exit codes are part of the contract: 0 ok; 1 a case file is broken (each problem printed as
`path:line: field.path: message`); 2 bad arguments or an invalid world (the message lists the
valid values). No traceback ever reaches an author or a student.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.console import Console

from . import __version__, present
from .case import Case, load_case, load_statute_file
from .engine import evaluate
from .errors import CaseError, CaseNotFound, DoctrineError, WorldError
from .hub import command as hub_command
from .i18n import LANGUAGES, messages
from .moot import command as moot_command
from .packs import DEFAULT_PACK, Pack, find_pack, installed_packs
from .quizzes import load_quizzes
from .world import check_toggle

OK, BAD_FILE, BAD_ARGS = 0, 1, 2
ON_OFF = {"on": True, "off": False}
ON_OFF_UNKNOWN: dict[str, bool | None] = {**ON_OFF, "unknown": None}


class UsageError(Exception):
    """A bad argument: exit 2 with a message that lists the valid values."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CaseError as exc:
        from .reference import annotate

        for problem in exc.problems:
            print(annotate(problem), file=sys.stderr)
        return BAD_FILE
    except (UsageError, WorldError, DoctrineError, CaseNotFound, moot_command.BadArguments) as exc:
        print(f"mootcourt: error: {exc}", file=sys.stderr)
        return BAD_ARGS
    except BrokenPipeError:  # `mootcourt explain ... | head`: the reader left; not an error
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (silence the flush at exit)
        return OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mootcourt",
        description="Moot Court Kit: two courts, one dispute, and what changes the outcome.",
    )
    parser.add_argument("--version", action="version", version=f"mootcourt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check case files (case.yaml, scenarios.yaml, statutes)",
        description="Check case files; exit 0 if all are valid, 1 with file:line errors.",
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", help="a case id, case folder or case.yaml"
    )
    validate.add_argument("--lang", choices=LANGUAGES, default="en")
    validate.set_defaults(run=_validate)

    ev = commands.add_parser(
        "evaluate",
        help="show how each court decides the case",
        description="Evaluate every level of a case, side by side, for the record world or a "
        "changed one.",
    )
    _world_arguments(ev, "ID=on|off", "turn an item of evidence or a party on or off")
    ev.add_argument("--json", action="store_true", help="print the judgment as JSON")
    ev.set_defaults(run=_evaluate)

    schema = commands.add_parser(
        "schema", help="print a JSON Schema", description="Print one of the kit's JSON Schemas."
    )
    schema.add_argument(
        "kind",
        nargs="?",
        default="case",
        choices=["case", "scenarios", "statutes", "judgment", "explain", "brief", "feedback"],
    )
    schema.add_argument(
        "--pack",
        metavar="PACK",
        help="case only: the schema of a case of this dispute pack (its issues, doctrine, "
        "remedy kinds and facts filled in)",
    )
    schema.set_defaults(run=_schema)

    ex = commands.add_parser(
        "explain",
        help="what each court's result hangs on: one flip, every world, exact conditions",
        description="Analyse a case in every valid world: one-flip sensitivity, counts and "
        "influence, minimal conditions, unknown facts, and the doctrinal moves the reversal "
        "needed.",
    )
    _world_arguments(
        ex, "ID=on|off|unknown", "set an item of evidence or a party, or leave it unknown"
    )
    ex.add_argument("--level", metavar="ID", help="explain one level only (default: all)")
    ex.add_argument("--json", action="store_true", help="print the analysis as JSON")
    ex.set_defaults(run=_explain)

    check = commands.add_parser(
        "check",
        help="validate, then compare the engine with as_decided and every scenario",
        description="Validate each case, evaluate the record world against as_decided (every "
        "level, defendant and remedy) and run every scenario; exit 1 on any failure, each as "
        "path:line: expected ..., the engine found ..., at issue ....",
    )
    check.add_argument(
        "paths", nargs="+", metavar="CASE", help="a case id, case folder or case.yaml"
    )
    check.add_argument("--lang", choices=LANGUAGES, default="en")
    check.add_argument("--json", action="store_true", help="print the failures as JSON")
    check.set_defaults(run=_check)
    new = commands.add_parser(
        "new",
        help="start a case folder that validates and checks",
        description="Create DIR/case.yaml and DIR/scenarios.yaml from the template (or from "
        "another case with --from), with the case id set to the folder's name, and check it.",
    )
    new.add_argument(
        "folder", metavar="DIR", help="the new case folder, e.g. lessons/zhang-v-shop-2023"
    )
    model = new.add_mutually_exclusive_group()
    model.add_argument(
        "--from", dest="model", metavar="CASE", help="copy this case instead of the template"
    )
    model.add_argument(
        "--pack",
        metavar="PACK",
        help="start from the template of this dispute pack (its packs/<id>/template/)",
    )
    new.add_argument("--lang", choices=LANGUAGES, default="en")
    new.set_defaults(run=_new)

    doctrine = commands.add_parser(
        "doctrine",
        help="the case format's vocabulary: doctrine parameters, rule slots, text keys",
        description="Print every doctrine parameter with its values and their meaning, every "
        "rule slot with the statute ids it cites by default, and every reasoning text key "
        "with its placeholders.",
    )
    doctrine.add_argument("--lang", choices=LANGUAGES, default="en")
    doctrine.add_argument(
        "--json", action="store_true", help="print it as JSON (both languages, with templates)"
    )
    whose = doctrine.add_mutually_exclusive_group()
    whose.add_argument("--case", metavar="CASE", help="the vocabulary of this case's pack")
    whose.add_argument(
        "--pack", metavar="PACK", help=f"the vocabulary of this pack (default: {DEFAULT_PACK})"
    )
    doctrine.set_defaults(run=_reference)

    packs = commands.add_parser(
        "packs",
        help="list the installed dispute packs",
        description="List every dispute pack found (in the kit, in a course's packs/ folder, "
        "in $MOOTCOURT_PACKS): id, title and issues; a broken pack is reported, not loaded.",
    )
    packs.add_argument("--lang", choices=LANGUAGES, default="en")
    packs.add_argument("--json", action="store_true", help="print them as JSON")
    packs.set_defaults(run=_packs)
    present.add_parser(commands)
    moot_command.add_parser(commands)
    hub_command.add_parser(commands)
    return parser


def _world_arguments(parser: argparse.ArgumentParser, values: str, what: str) -> None:
    """CASE, --set, --doctrine and --lang: how `evaluate` and `explain` name a world."""
    parser.add_argument("case", metavar="CASE", help="a case id, case folder or case.yaml")
    parser.add_argument(
        "--set",
        dest="toggles",
        action="append",
        default=[],
        metavar=values,
        help=f"{what} (repeatable)",
    )
    parser.add_argument(
        "--doctrine",
        action="append",
        default=[],
        metavar="LEVEL.PARAM=VALUE",
        help="change one court's doctrine (repeatable)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="en")


def _validate(args: argparse.Namespace) -> int:
    errors: list[CaseError] = []
    t = messages(args.lang)
    for path in args.paths:
        if Path(path).name == "statutes.yaml" and Path(path).is_file():
            try:
                book = load_statute_file(Path(path))
            except CaseError as exc:
                errors.append(exc)
            else:
                print(t("cli.valid_statutes", path=Path(path).resolve(), articles=len(book)))
            continue
        try:
            case = load_case(path)
            scenarios = case.scenarios
            load_quizzes(case)  # quizzes.yaml: references, and every claim checked by the engine
        except CaseError as exc:
            errors.append(exc)
            continue
        except CaseNotFound as exc:
            raise UsageError(str(exc)) from None
        print(
            t(
                "cli.valid",
                path=case.path,
                toggles=len(case.toggles),
                levels=len(case.levels),
                scenarios=len(scenarios),
            )
        )
    if errors:
        raise CaseError.combine(errors)
    return OK


def _check(args: argparse.Namespace) -> int:
    from .checking import check_case

    t = messages(args.lang)
    broken: list[CaseError] = []
    reports = []
    for path in args.paths:
        try:
            case = load_case(path)
            case.scenarios  # noqa: B018 - read and checked here, so a broken file is reported
            load_quizzes(case)
        except CaseError as exc:
            broken.append(exc)
            continue
        except CaseNotFound as exc:
            raise UsageError(str(exc)) from None
        reports.append(check_case(case))
    failures = [f for r in reports for f in r.failures]
    if args.json:
        print(
            json.dumps(
                {
                    "ok": not failures and not broken,
                    "cases": [
                        {
                            "case": r.case.id,
                            "path": str(r.case.path),
                            "levels": r.levels,
                            "scenarios": r.scenarios,
                            "failures": [f.to_dict() for f in r.failures],
                            "warnings": [str(w) for w in r.warnings],
                        }
                        for r in reports
                    ],
                    "invalid": [str(p) for e in broken for p in e.problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return BAD_FILE if failures or broken else OK
    for report in reports:
        for warning in report.warnings:
            print(warning, file=sys.stderr)
        for failure in report.failures:
            print(failure, file=sys.stderr)
        if report.ok:
            print(
                t(
                    "cli.checked",
                    path=report.case.path,
                    levels=report.levels,
                    scenarios=report.scenarios,
                )
            )
        else:
            print(
                t("cli.check_failed", path=report.case.path, failures=len(report.failures)),
                file=sys.stderr,
            )
    if broken:
        raise CaseError.combine(broken)
    return BAD_FILE if failures else OK


def _new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, guide_path, new_case

    try:
        path, report = new_case(args.folder, args.model, pack=args.pack)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except CaseNotFound as exc:
        raise UsageError(f"--from: {exc}") from None
    t = messages(args.lang)
    print(t("cli.created", path=path))
    print(t("cli.checked", path=path, levels=report.levels, scenarios=report.scenarios))
    print(t("cli.next_steps", folder=args.folder, guide=guide_path(args.lang)))
    return OK


def _reference(args: argparse.Namespace) -> int:
    from .reference import reference, render

    pack = load_case(args.case).pack if args.case else _pack(args.pack or DEFAULT_PACK)
    if args.json:
        print(json.dumps(reference(pack), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render(pack, args.lang))
    return OK


def _pack(pack_id: str) -> Pack:
    """A pack by id; an unknown id is a usage error naming the installed packs."""
    try:
        return find_pack(pack_id)
    except KeyError as exc:
        raise UsageError(f"--pack {pack_id!r}: {exc.args[0]}") from None


def _packs(args: argparse.Namespace) -> int:
    packs, broken = installed_packs()
    if args.json:
        print(json.dumps([p.describe(args.lang) for p in packs], ensure_ascii=False, indent=2))
    else:
        for pack in packs:
            issues = ", ".join(
                f"{i} ({pack.messages(args.lang)(f'issue.{i}')})" for i in pack.issues
            )
            print(f"{pack.id}: {pack.title(args.lang)}\n  {issues}")
    for error in broken:  # reported, never fatal: the other packs still work
        for problem in error.problems:
            print(problem, file=sys.stderr)
    return BAD_FILE if broken else OK


def _evaluate(args: argparse.Namespace) -> int:
    case = load_case(args.case)
    world = case.record_world().with_toggles(_toggles(case, args.toggles))
    judgment = evaluate(case, world, _doctrine(case, args.doctrine))
    if args.json:
        print(json.dumps(judgment.to_dict(args.lang), ensure_ascii=False, indent=2))
        return OK
    from .terminal import render_judgment

    render_judgment(judgment, args.lang, _console())
    return OK


def _explain(args: argparse.Namespace) -> int:
    from .analysis import explain

    case = load_case(args.case)
    if args.level is not None and args.level not in case.levels:
        raise UsageError(f"--level {args.level!r}: unknown level; valid: {', '.join(case.levels)}")
    facts = _toggles(case, args.toggles, ON_OFF_UNKNOWN)
    levels = [args.level] if args.level else None
    report = explain(case, facts, _doctrine(case, args.doctrine), levels)
    if args.json:
        print(json.dumps(report.to_dict(args.lang), ensure_ascii=False, indent=2))
        return OK
    from .analysis.terminal import render_explanation

    render_explanation(report, args.lang, _console())
    return OK


def _schema(args: argparse.Namespace) -> int:
    from .packs.schema import case_schema
    from .schemas import dumps, generate

    if args.pack is None:
        sys.stdout.write(dumps(generate(args.kind)))
        return OK
    if args.kind != "case":
        raise UsageError(f"--pack: only the case schema depends on a pack, not {args.kind}")
    schema = case_schema(_pack(args.pack))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://mootcourt.invalid/schemas/case.{args.pack}.schema.json"
    sys.stdout.write(dumps(schema))
    return OK


def _toggles(
    case: Case, items: list[str], values: Mapping[str, bool | None] = ON_OFF
) -> dict[str, bool | None]:
    toggles: dict[str, bool | None] = {}
    for item in items:
        key, sep, value = item.partition("=")
        try:
            check_toggle(case.toggles, key)
        except WorldError as exc:
            raise UsageError(f"--set {item!r}: {exc}") from None
        if not sep or value not in values:
            raise UsageError(f"--set {item!r}: value must be one of: {', '.join(values)}")
        toggles[key] = values[value]
    return toggles


def _doctrine_example(case: Case) -> str:
    """`LEVEL.PARAM=VALUE` with this case's first level and its pack's first parameter."""
    level = next(iter(case.levels))
    param = next(iter(case.pack.parameters.values()), None)
    if param is None:
        return f"{level}.PARAM=VALUE"
    return f"{level}.{param.name}={param.values[0]}"


def _doctrine(case: Case, items: list[str]) -> dict[str, dict[str, str]]:
    changes: dict[str, dict[str, str]] = {}
    for item in items:
        target, sep, value = item.partition("=")
        level, dot, param = target.partition(".")
        if not sep or not dot:
            raise UsageError(
                f"--doctrine {item!r}: write LEVEL.PARAM=VALUE, e.g. {_doctrine_example(case)}"
            )
        try:
            case.check_level(level)
            case.pack.check_value(param, value)
        except DoctrineError as exc:
            raise UsageError(f"--doctrine {item!r}: {exc}") from None
        changes.setdefault(level, {})[param] = value
    return changes


def _console() -> Console:
    """Wide enough for two columns of reasoning even when output is piped."""
    width = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", "140"))
    return Console(width=width, highlight=False)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
