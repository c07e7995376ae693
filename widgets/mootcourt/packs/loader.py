"""Find and load dispute packs: from the wheel, and from a course folder beside the cases.

A pack is a folder holding `pack.yaml`, `texts/en.yaml`, `texts/zh-CN.yaml`, and optionally
`rules.yaml` (issue tests in the rule language) and `issues.py` (issue tests in Python). It is
read with the kit's safe YAML reader and checked like a case file: every problem is reported
as `file:line: field.path: message` in one `CaseError`. Where packs are looked for, first
found wins:

1. `$MOOTCOURT_PACKS` (folders separated by the platform's path separator), each a folder of
   packs;
2. `packs/` in a lessons root (beside the case folders: `lessons/packs/<id>/`);
3. the packs installed with the kit (`mootcourt/packs/<id>/`).

A broken pack is reported (`installed_packs`) and skipped; it never takes the kit down, and
a case that names it gets the pack's problems as its own.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import string
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from ..casefile import OPTIONAL_SECTIONS
from ..errors import CaseError, Problem
from ..i18n import LANGUAGES
from ..law import StatuteBook, StatuteFile
from ..lessons import STATUTES, installed_root
from ..validation import did_you_mean, problem_at, raise_if, validate_file
from ..yamlsource import Located, read_yaml
from .model import PackFile, PythonTest
from .pack import Pack
from .rules import compile_issue, granting_issues, read_rules, text_keys

PACK_FILE = "pack.yaml"
RULES_FILE = "rules.yaml"
ISSUES_MODULE = "issues"
ENV_VAR = "MOOTCOURT_PACKS"
BUILTIN = Path(__file__).resolve().parent
"""the packs shipped with the kit: `mootcourt/packs/<id>/`"""
RULE_PLACEHOLDERS = frozenset({"defendant", "plaintiff", "evidence"})
"""what a template of a rule-language step may fill"""
GRANT_PLACEHOLDERS = RULE_PLACEHOLDERS | {"remedies", "refused", "missing"}
"""and a step of a rule with `grant: true`: the claims granted, those refused, the facts
missing"""


def search_roots(lessons_root: Path | None = None) -> list[Path]:
    """The folders packs are looked for in, first found wins (see the module's doc)."""
    roots: list[Path] = []
    for entry in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if entry.strip():
            roots.append(Path(entry).expanduser().resolve())
    for lessons in (lessons_root, installed_root()):
        if lessons is not None and (lessons / "packs").is_dir():
            roots.append((lessons / "packs").resolve())
    roots.append(BUILTIN)
    return list(dict.fromkeys(roots))


def pack_folders(lessons_root: Path | None = None) -> dict[str, Path]:
    """pack id (the folder's name) -> its folder, first found wins."""
    found: dict[str, Path] = {}
    for root in search_roots(lessons_root):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if (folder / PACK_FILE).is_file():
                found.setdefault(folder.name, folder)
    return found


def find_pack(pack_id: str, lessons_root: Path | None = None) -> Pack:
    """The pack `pack_id`; `KeyError` naming the packs there are, `CaseError` if it is
    broken."""
    folders = pack_folders(lessons_root)
    if pack_id not in folders:
        close = did_you_mean(pack_id, list(folders))
        hint = f"did you mean '{close}'? " if close else ""
        raise KeyError(f"unknown pack '{pack_id}'; {hint}installed: {', '.join(folders)}")
    return load_pack(folders[pack_id])


def installed_packs(lessons_root: Path | None = None) -> tuple[list[Pack], list[CaseError]]:
    """Every pack that loads, and the problems of those that do not (reported, skipped)."""
    packs, broken = [], []
    for folder in pack_folders(lessons_root).values():
        try:
            packs.append(load_pack(folder))
        except CaseError as exc:
            broken.append(exc)
    return packs, broken


def load_pack(folder: Path) -> Pack:
    """Read, check and load the pack in `folder` (cached until one of its files changes)."""
    folder = Path(folder).resolve()
    return _load(folder, _stamp(folder))


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = [folder / PACK_FILE, folder / RULES_FILE, *sorted(folder.glob("*.py"))]
    files += [folder / "texts" / f"{lang}.yaml" for lang in LANGUAGES]
    out = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((path.name, st.st_mtime_ns, st.st_size))
    return tuple(out)


@lru_cache(maxsize=16)
def _load(folder: Path, stamped: tuple[tuple[str, int, int], ...]) -> Pack:
    del stamped  # a cache key only
    located = read_yaml(folder / PACK_FILE)
    file = validate_file(located, PackFile)
    problems = _declarations(file, located, folder)
    law = _law(folder)
    problems += _slots(file, located, law)
    texts, text_problems = _texts(folder, file)
    problems += text_problems
    raise_if(problems)

    tests = {}
    granting: frozenset[str] = frozenset()
    rules_path = folder / RULES_FILE
    by_rules = [i for i in file.issues if i.test == "rules"]
    if by_rules or rules_path.is_file():
        if not rules_path.is_file():
            raise CaseError.single(
                folder / PACK_FILE,
                located.line_of(("issues",)),
                "issues",
                f"{', '.join(i.id for i in by_rules)} say test: rules, but {RULES_FILE} is missing",
            )
        rules_located = read_yaml(rules_path)
        rules, problems = read_rules(rules_located, file, law)
        for key in sorted(text_keys(rules)):
            problems += _rule_text(key, texts, rules_located, rules)
        raise_if(problems)
        granting = granting_issues(rules)
        for issue in by_rules:
            tests[issue.id] = compile_issue(
                issue.id, rules[issue.id], str(issue.burden_on), issue.standard
            )

    module = _module(folder, file, located)
    problems = []
    for i, issue in enumerate(file.issues):
        if isinstance(issue.test, PythonTest):
            found = getattr(module, issue.test.python, None) if module else None
            if not callable(found):
                where = f"{ISSUES_MODULE}.py" if module else f"no {ISSUES_MODULE}.py"
                problems.append(
                    problem_at(
                        located,
                        ("issues", i, "test", "python"),
                        f"no function '{issue.test.python}' in {where}",
                    )
                )
            else:
                tests[issue.id] = found
    for name in ("whole_level", "data_flow"):
        function = getattr(file.hooks, name)
        if function is not None and not callable(getattr(module, function, None)):
            problems.append(
                problem_at(located, ("hooks", name), f"no function '{function}' in issues.py")
            )
    raise_if(problems)
    return Pack(
        file,
        folder,
        {i: tests[i] for i in (x.id for x in file.issues)},
        texts,
        module,
        granting,
    )


def _declarations(file: PackFile, located: Located, folder: Path) -> list[Problem]:
    """What the schema cannot see: unique ids, the folder's name, a parameter named as the
    burden, one label per value word, needs that are declared facts."""
    problems: list[Problem] = []

    def bad(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(problem_at(located, loc, message))

    if file.id != folder.name:
        bad(("id",), f"the pack's id must be its folder's name '{folder.name}'")
    for section, key in (
        ("issues", "id"),
        ("parameters", "name"),
        ("remedies", "id"),
        ("facts", "id"),
    ):
        seen: set[str] = set()
        for i, item in enumerate(getattr(file, section)):
            name = getattr(item, key)
            if name in seen:
                bad((section, i, key), f"duplicate {key} '{name}'")
            seen.add(name)
    params = {p.name: p for p in file.parameters}
    for i, issue in enumerate(file.issues):
        if issue.burden_on not in ("plaintiff", "defendant"):
            param = params.get(str(issue.burden_on))
            if param is None:
                bad(
                    ("issues", i, "burden_on"),
                    f"plaintiff, defendant, or a parameter ({', '.join(params) or 'none'})",
                )
            elif not {v.value for v in param.values} <= {"plaintiff", "defendant"}:
                bad(("issues", i, "burden_on"), f"'{param.name}''s values must name a side")
        if "not_reached" not in issue.results and i > 0:
            bad(("issues", i, "results"), "an issue after the first can be not_reached")
    labels: dict[str, tuple[str, str]] = {}
    for i, p in enumerate(file.parameters):
        for j, v in enumerate(p.values):
            first = labels.setdefault(v.value, (v.label.en, p.name))
            if first[0] != v.label.en:
                bad(
                    ("parameters", i, "values", j, "label"),
                    f"value '{v.value}' is also a value of {first[1]} with another label: "
                    "one word, one label (rename one of them)",
                )
    for i, section in enumerate(file.case.sections):
        if section not in OPTIONAL_SECTIONS:
            bad(
                ("case", "sections", i),
                f"unknown case-file section '{section}'; valid: {', '.join(OPTIONAL_SECTIONS)}",
            )
    facts = [f.id for f in file.facts]
    for i, r in enumerate(file.remedies):
        for j, need in enumerate(r.needs):
            if need not in facts:
                bad(("remedies", i, "needs", j), f"unknown fact '{need}'; declare it in facts")
    return problems


@lru_cache(maxsize=8)
def _statute_book(path: Path, mtime: int) -> StatuteBook:
    del mtime
    located = read_yaml(path)
    return StatuteBook([(located, validate_file(located, StatuteFile))])


def _law(folder: Path) -> StatuteBook | None:
    """The statute book a pack's ids are checked against: the lessons root above the pack's
    folder (a course pack), else the installed one."""
    roots = [p for p in folder.parents if (p / STATUTES).is_file()]
    root = roots[0] if roots else installed_root()
    if root is None:
        return None
    path = root / STATUTES
    return _statute_book(path, path.stat().st_mtime_ns)


def _slots(file: PackFile, located: Located, law: StatuteBook | None) -> list[Problem]:
    if law is None:
        return []
    return [
        problem_at(located, ("rule_slots", slot, j), f"unknown statute id '{cited}'")
        for slot, ids in file.rule_slots.items()
        for j, cited in enumerate(ids)
        if cited not in law
    ]


def _texts(folder: Path, file: PackFile) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The pack's templates in both languages: the same keys, strings, sound placeholders."""
    texts: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    located_by_lang: dict[str, Located] = {}
    for lang in LANGUAGES:
        path = folder / "texts" / f"{lang}.yaml"
        if not path.is_file():
            problems.append(
                Problem(str(path), None, "", "missing: a pack has texts in both languages")
            )
            continue
        try:
            located = read_yaml(path)
        except CaseError as exc:
            problems += exc.problems
            continue
        located_by_lang[lang] = located
        data = located.data if isinstance(located.data, dict) else {}
        if not isinstance(located.data, dict):
            problems.append(problem_at(located, (), "a texts file maps each key to a template"))
        for key, template in data.items():
            if not isinstance(template, str):
                problems.append(problem_at(located, (key,), "a template is a string"))
            else:
                try:
                    list(string.Formatter().parse(template))
                except ValueError as exc:
                    problems.append(problem_at(located, (key,), f"bad template: {exc}"))
        texts[lang] = {k: v for k, v in data.items() if isinstance(v, str)}
    if len(texts) == len(LANGUAGES):
        en, zh = texts["en"], texts["zh-CN"]
        for key in sorted(set(en) ^ set(zh)):
            missing = "zh-CN" if key in en else "en"
            have = "en" if missing == "zh-CN" else "zh-CN"
            problems.append(
                problem_at(located_by_lang[have], (key,), f"no '{key}' in texts/{missing}.yaml")
            )
    return texts, problems


def _rule_text(
    key: str, texts: dict[str, dict[str, str]], located: Located, rules: dict
) -> list[Problem]:
    """A rule's text key must have a template in both languages filling only what a rule
    step gives ({defendant}, {plaintiff}, {evidence})."""
    where = next(
        (issue, i) for issue, items in rules.items() for i, r in enumerate(items) if r.text == key
    )
    allowed = (
        GRANT_PLACEHOLDERS
        if any(r.grant for items in rules.values() for r in items if r.text == key)
        else RULE_PLACEHOLDERS
    )
    problems = []
    for lang in LANGUAGES:
        template = texts.get(lang, {}).get(key)
        if template is None:
            problems.append(
                problem_at(located, (*where, "text"), f"no template '{key}' in texts/{lang}.yaml")
            )
            continue
        names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
        for name in sorted(names - allowed):
            problems.append(
                problem_at(
                    located,
                    (*where, "text"),
                    f"texts/{lang}.yaml: '{key}' uses {{{name}}}; a rule step fills only "
                    f"{', '.join('{' + n + '}' for n in sorted(allowed))}",
                )
            )
    return problems


def _module(folder: Path, file: PackFile, located: Located) -> ModuleType | None:
    """The pack's `issues.py`, imported (a pack shipped with the kit as
    `mootcourt.packs.<id>.issues`, a course pack as a package of its own so that its helpers
    can import each other relatively). A module that fails to import is a problem at its
    line, never a traceback."""
    path = folder / f"{ISSUES_MODULE}.py"
    if not path.is_file():
        return None
    if folder.parent == BUILTIN:
        name = f"{__package__}.{folder.name}"
    else:
        name = f"mootcourt_course_packs.{folder.name}"
        _package("mootcourt_course_packs", [])
        _package(name, [str(folder)])
    try:
        return importlib.import_module(f"{name}.{ISSUES_MODULE}")
    except SyntaxError as exc:
        raise CaseError.single(exc.filename or path, exc.lineno, "", f"Python: {exc.msg}") from None
    except Exception as exc:  # an author's module: report it, never take the kit down
        line = _line_in(exc, path)
        raise CaseError.single(
            path, line, "", f"cannot import: {type(exc).__name__}: {exc}"
        ) from None


def _package(name: str, search: Iterable[str]) -> None:
    """A bare package module (a course pack's folder), so its modules import relatively."""
    if name in sys.modules:
        return
    spec = importlib.util.spec_from_loader(name, loader=None, is_package=True)
    assert spec is not None
    spec.submodule_search_locations = list(search)
    sys.modules[name] = importlib.util.module_from_spec(spec)


def _line_in(exc: BaseException, path: Path) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename) == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
