"""The rule language: an issue test written as data, in a pack's `rules.yaml`.

An issue's rules are tried in order; the first whose `when` holds (or an `otherwise`)
decides the step:

```yaml
purpose:
  - when: {all: [face_notice_accepted, {param: purpose_test, is: strict}]}
    result: not_established
    rules: [pipl-6, {slot: purpose.beyond}]
    evidence: [face_notice_accepted]
    text: purpose.beyond_collection
  - otherwise: {result: established, text: purpose.default}
```

A condition is a toggle id the pack declares, `{fact: F}` (some item of evidence before this
court supports F for this defendant), `{not: C}`, `{all: [..]}`, `{any: [..]}`,
`{param: P, is: V}` or `{param: P, in: [..]}`, `{issue: I, is: R}` (an earlier issue's result
for this defendant at this level), `{party: X, has: A}` (X: `defendant`, `plaintiff` or a
party id; A: an attribute the pack declares), `{date: D, before: DATE}` or
`{date: D, on_or_after: DATE}` (D: a timeline interval, a case's named date or `decided`;
true only where the whole interval lies on that side). A rule with `grant: true` also grants
the claims against the defendant whose needs are shown (`remedies.py`); if none is, its result
is `not_established`. Nothing is ever evaluated as code:
conditions are parsed into the small tree below and every read goes through `Context`
(`ctx.on`, `ctx.param`, `ctx.evidence_in`, `ctx.remembered`), so the trace, divergence,
"what changed", `explain` and the What-if tab see each rule's reads as they see Python's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine.context import Context, issue_key
from ..engine.rules import has_slot, rules_for
from ..engine.steps import Finding, IssueTest, Result
from ..engine.temporal import dates, in_force
from ..engine.texts import Terms, msg
from ..errors import Problem
from ..validation import did_you_mean, problem_at
from ..yamlsource import Located
from .remedies import Granted, grant

if TYPE_CHECKING:
    from .model import PackFile

Loc = tuple[str | int, ...]


# --- the condition tree -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class On:
    toggle: str


@dataclass(frozen=True, slots=True)
class FactShown:
    fact: str


@dataclass(frozen=True, slots=True)
class Not:
    inner: Condition


@dataclass(frozen=True, slots=True)
class All:
    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Any_:
    parts: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class ParamIs:
    param: str
    values: frozenset[str]


@dataclass(frozen=True, slots=True)
class IssueIs:
    issue: str
    result: Result


@dataclass(frozen=True, slots=True)
class PartyHas:
    party: str
    attribute: str


@dataclass(frozen=True, slots=True)
class DateIs:
    date: str
    before: bool
    day: dt.date


Condition = On | FactShown | Not | All | Any_ | ParamIs | IssueIs | PartyHas | DateIs


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of an issue, parsed and checked."""

    when: Condition | None
    """None: `otherwise`"""
    result: Result
    rules: tuple[str | tuple[str], ...]
    """statute ids, or `(slot,)` for a rule slot read at the level"""
    evidence: tuple[str, ...]
    text: str
    burden_on: str | None
    standard: str | None
    basis: str | None
    grant: bool = False
    """grant the claims against the defendant whose needs are shown (`remedies.grant`)"""


# --- reading rules.yaml -----------------------------------------------------------------------


TIMELINE = ("collected", "first_harm", "last_harm")
"""the case file's timeline intervals a `date:` condition may name, besides `decided`"""


class _Reader:
    """Parses one issue's rules and collects every problem at its line."""

    def __init__(
        self,
        located: Located,
        pack: PackFile,
        law: Any | None,
        granting: Iterable[str] = (),
    ) -> None:
        self.located = located
        self.pack = pack
        self.law = law
        self.granting = frozenset(granting)
        self.problems: list[Problem] = []
        self.toggles = [t.id for t in pack.case.toggles]
        self.facts = [f.id for f in pack.facts]
        self.params = {p.name: [v.value for v in p.values] for p in pack.parameters}
        self.issues = [i.id for i in pack.issues]
        self.attributes = [a.id for a in pack.case.party_attributes]
        self.dates = [*TIMELINE, "decided", *(d.id for d in pack.case.dates)]

    def bad(self, loc: Loc, message: str) -> None:
        self.problems.append(problem_at(self.located, loc, message))

    def known(self, loc: Loc, item: object, known: Sequence[str], what: str) -> bool:
        if isinstance(item, str) and item in known:
            return True
        close = did_you_mean(str(item), list(known))
        hint = f"; did you mean '{close}'?" if close else f"; known: {', '.join(known) or 'none'}"
        self.bad(loc, f"unknown {what} '{item}'{hint}")
        return False

    def condition(self, node: object, loc: Loc, issue: str | None) -> Condition | None:
        if isinstance(node, str):
            return On(node) if self.known(loc, node, self.toggles, "toggle") else None
        if not isinstance(node, dict) or not node:
            self.bad(loc, "a condition is a toggle id or a mapping (all, any, not, param, ...)")
            return None
        keys = set(node)
        shapes: dict[frozenset[str], Callable[[], Condition | None]] = {
            frozenset({"not"}): lambda: self._not(node, loc, issue),
            frozenset({"all"}): lambda: self._many(node, loc, issue, "all"),
            frozenset({"any"}): lambda: self._many(node, loc, issue, "any"),
            frozenset({"fact"}): lambda: self._fact(node, loc),
            frozenset({"param", "is"}): lambda: self._param(node, loc, [node["is"]], "is"),
            frozenset({"param", "in"}): lambda: self._param(node, loc, node["in"], "in"),
            frozenset({"issue", "is"}): lambda: self._issue(node, loc, issue),
            frozenset({"party", "has"}): lambda: self._party(node, loc),
            frozenset({"date", "before"}): lambda: self._date(node, loc, "before"),
            frozenset({"date", "on_or_after"}): lambda: self._date(node, loc, "on_or_after"),
        }
        build = shapes.get(frozenset(keys))
        if build is None:
            self.bad(
                loc,
                f"not a condition: {{{', '.join(sorted(keys))}}}; write a toggle id, "
                "{not: C}, {all: [..]}, {any: [..]}, {fact: F}, {param: P, is: V}, "
                "{param: P, in: [..]}, {issue: I, is: R}, {party: X, has: A}, "
                "{date: D, before: DATE} or {date: D, on_or_after: DATE}",
            )
            return None
        return build()

    def _not(self, node: dict, loc: Loc, issue: str | None) -> Condition | None:
        inner = self.condition(node["not"], (*loc, "not"), issue)
        return Not(inner) if inner is not None else None

    def _many(self, node: dict, loc: Loc, issue: str | None, key: str) -> Condition | None:
        items = node[key]
        if not isinstance(items, list) or not items:
            self.bad((*loc, key), f"{key} takes a non-empty list of conditions")
            return None
        parts = [self.condition(c, (*loc, key, i), issue) for i, c in enumerate(items)]
        if any(p is None for p in parts):
            return None
        return (All if key == "all" else Any_)(tuple(parts))  # type: ignore[arg-type]

    def _fact(self, node: dict, loc: Loc) -> Condition | None:
        fact = node["fact"]
        return FactShown(fact) if self.known((*loc, "fact"), fact, self.facts, "fact") else None

    def _param(self, node: dict, loc: Loc, values: object, key: str) -> Condition | None:
        name = node["param"]
        if not self.known((*loc, "param"), name, list(self.params), "doctrine parameter"):
            return None
        if not isinstance(values, list) or not values:
            self.bad((*loc, key), "in takes a non-empty list of values")
            return None
        ok = all(
            self.known(
                (*loc, key) if key == "is" else (*loc, key, i), v, self.params[name], "value"
            )
            for i, v in enumerate(values)
        )
        return ParamIs(name, frozenset(values)) if ok else None

    def _issue(self, node: dict, loc: Loc, issue: str | None) -> Condition | None:
        # a rule may name only earlier issues; a claim's grounds (issue None) any issue
        # that does not itself grant claims
        earlier = (
            self.issues[: self.issues.index(issue)]
            if issue is not None
            else [i for i in self.issues if i not in self.granting]
        )
        other = node["issue"]
        if not self.known((*loc, "issue"), other, earlier, "earlier issue"):
            return None
        results = [r.value for r in Result]
        if not self.known((*loc, "is"), node["is"], results, "result"):
            return None
        return IssueIs(other, Result(node["is"]))

    def _party(self, node: dict, loc: Loc) -> Condition | None:
        party, attribute = node["party"], node["has"]
        if not isinstance(party, str):
            self.bad((*loc, "party"), "name defendant, plaintiff or a party id")
            return None
        if not self.known((*loc, "has"), attribute, self.attributes, "party attribute"):
            return None
        return PartyHas(party, attribute)

    def _date(self, node: dict, loc: Loc, key: str) -> Condition | None:
        name, day = node["date"], node[key]
        if not self.known((*loc, "date"), name, self.dates, "date"):
            return None
        if isinstance(day, str):  # the kit's safe loader keeps dates as text
            with contextlib.suppress(ValueError):
                day = dt.date.fromisoformat(day)
        if not isinstance(day, dt.date):
            self.bad((*loc, key), f"write a date as YYYY-MM-DD (got {day!r})")
            return None
        return DateIs(name, key == "before", day)

    def rule(self, node: object, loc: Loc, issue: str, last: bool) -> Rule | None:
        if not isinstance(node, dict):
            self.bad(loc, "a rule is a mapping with when (or otherwise), result and text")
            return None
        node = dict(node)
        otherwise = node.pop("otherwise", None)
        if isinstance(otherwise, dict):  # `- otherwise: {result: ..., text: ...}`
            node = {**otherwise, **node}
            otherwise = True
        allowed = {
            "when",
            "result",
            "rules",
            "evidence",
            "text",
            "burden_on",
            "standard",
            "basis",
            "grant",
        }
        for key in node:
            if key not in allowed:
                close = did_you_mean(str(key), sorted(allowed | {"otherwise"}))
                hint = f"; did you mean '{close}'?" if close else ""
                self.bad((*loc, key), f"unknown key '{key}'{hint}")
        if otherwise is not None and otherwise is not True:
            self.bad((*loc, "otherwise"), "write otherwise: true, or otherwise: {result: ...}")
        if (otherwise is True) == ("when" in node):
            self.bad(loc, "a rule has exactly one of when (a condition) or otherwise")
            return None
        if otherwise is True and not last:
            self.bad((*loc, "otherwise"), "otherwise must be the last rule: later ones never run")
        when = None
        if "when" in node:
            when = self.condition(node["when"], (*loc, "when"), issue)
            if when is None:
                return None
        declared = next(i for i in self.pack.issues if i.id == issue)
        result = node.get("result")
        if not self.known((*loc, "result"), result, list(declared.results), "result"):
            return None
        text = node.get("text")
        if not isinstance(text, str):
            self.bad((*loc, "text"), "every rule names its text key (text: issue.key)")
            return None
        cited: list[str | tuple[str]] = []
        for i, ref in enumerate(_listed(node.get("rules", []))):
            if isinstance(ref, dict) and set(ref) == {"slot"}:
                slot = ref["slot"]
                if self.known((*loc, "rules", i, "slot"), slot, list(self.pack.rule_slots), "slot"):
                    cited.append((slot,))
            elif isinstance(ref, str):
                if self.law is not None and ref not in self.law:
                    self.bad((*loc, "rules", i), f"unknown statute id '{ref}'")
                else:
                    cited.append(ref)
            else:
                self.bad((*loc, "rules", i), "a statute id, or {slot: name}")
        evidence = _listed(node.get("evidence", []))
        for i, toggle in enumerate(evidence):
            self.known((*loc, "evidence", i), toggle, self.toggles, "toggle")
        burden = node.get("burden_on")
        if burden is not None and burden not in ("plaintiff", "defendant"):
            self.bad((*loc, "burden_on"), "plaintiff or defendant")
        basis = node.get("basis")
        if basis is not None and basis not in ("reported", "inferred"):
            self.bad((*loc, "basis"), "reported or inferred")
        grants = node.get("grant", False)
        if grants not in (True, False):
            self.bad((*loc, "grant"), "true or false")
        return Rule(
            when,
            Result(result),
            tuple(cited),
            tuple(str(e) for e in evidence),
            text,
            burden,
            node.get("standard"),
            basis,
            grants is True,
        )


def _listed(value: object) -> list:
    return value if isinstance(value, list) else [value]


def read_rules(
    located: Located, pack: PackFile, law: Any | None = None
) -> tuple[dict[str, tuple[Rule, ...]], list[Problem]]:
    """The issues' rules in a parsed `rules.yaml`, and every problem found (at its line):
    unknown issues, toggles, facts, parameters, values, results, slots and statute ids."""
    reader = _Reader(located, pack, law)
    found: dict[str, tuple[Rule, ...]] = {}
    data = located.data
    if not isinstance(data, dict):
        reader.bad((), "rules.yaml maps each issue id to its list of rules")
        return found, reader.problems
    by_rules = [i.id for i in pack.issues if i.test == "rules"]
    for issue, items in data.items():
        if not reader.known((issue,), issue, by_rules, "issue with test: rules"):
            continue
        if not isinstance(items, list) or not items:
            reader.bad((issue,), "an issue's rules are a non-empty list")
            continue
        parsed = [
            reader.rule(item, (issue, i), issue, i == len(items) - 1)
            for i, item in enumerate(items)
        ]
        found[issue] = tuple(r for r in parsed if r is not None)
        if isinstance(items[-1], dict) and "otherwise" not in items[-1]:
            reader.bad(
                (issue, len(items) - 1),
                "the last rule must be otherwise: every world needs an answer",
            )
    for issue in by_rules:
        if issue not in data:
            reader.bad((), f"issue '{issue}' says test: rules, but rules.yaml has none for it")
    return found, reader.problems


def read_condition(
    located: Located,
    loc: Loc,
    node: object,
    pack: PackFile,
    granting: Iterable[str],
) -> tuple[Condition | None, list[Problem]]:
    """A condition written outside rules.yaml (a claim's `grounds` in a case file), parsed
    and checked against the pack as a rule's `when` is; it may name any issue except those
    that grant claims (`granting`: they read the grounds themselves)."""
    reader = _Reader(located, pack, None, granting)
    return reader.condition(node, loc, None), reader.problems


def granting_issues(rules: Mapping[str, Iterable[Rule]]) -> frozenset[str]:
    """The issues with a rule that grants claims (`grant: true`)."""
    return frozenset(issue for issue, items in rules.items() if any(r.grant for r in items))


def text_keys(rules: Mapping[str, Iterable[Rule]]) -> set[str]:
    """Every text key the rules name (each must have a template in both languages)."""
    return {r.text for items in rules.values() for r in items}


# --- evaluating -------------------------------------------------------------------------------


Test = Callable[[Context, str], bool]
"""a condition compiled: (the level's accessor, a defendant) -> does it hold"""


def holds(condition: Condition, ctx: Context, defendant: str) -> bool:
    """Does `condition` hold at this level, for this defendant? Every read goes through `ctx`
    (the condition is compiled once, on first use, to the closures `compiled` builds)."""
    return compiled(condition)(ctx, defendant)


_COMPILED: dict[int, tuple[Condition, Test]] = {}
"""id of a parsed condition -> (the condition, kept alive so its id stays its own; its test)"""


def compiled(condition: Condition) -> Test:
    """The condition as one closure per node, built once: the tree is walked when the pack
    (or a case's claim grounds) is read, never per evaluation. The closures make exactly the
    reads a walk of the tree makes, in the same order (`all`/`any` stop at the first part
    that decides), so the trace and the analysis see the same reads."""
    found = _COMPILED.get(id(condition))
    if found is not None and found[0] is condition:
        return found[1]
    test = _compile(condition)
    _COMPILED[id(condition)] = (condition, test)
    return test


def _compile(condition: Condition) -> Test:
    match condition:
        case On(toggle):
            return lambda ctx, defendant: toggle in ctx.case.toggles and ctx.on(toggle)
        case FactShown(fact):
            return lambda ctx, defendant: bool(ctx.evidence_in(fact, defendant=defendant))
        case Not(inner):
            test = _compile(inner)
            return lambda ctx, defendant: not test(ctx, defendant)
        case All(parts):
            tests = tuple(_compile(p) for p in parts)

            def every(ctx: Context, defendant: str) -> bool:
                return all(test(ctx, defendant) for test in tests)

            return every
        case Any_(parts):
            tests = tuple(_compile(p) for p in parts)

            def some(ctx: Context, defendant: str) -> bool:
                return any(test(ctx, defendant) for test in tests)

            return some
        case ParamIs(param, values):
            return lambda ctx, defendant: ctx.param(param) in values
        case IssueIs(issue, result):
            return lambda ctx, defendant: earlier_result(ctx, issue, defendant) is result
        case PartyHas(party, attribute):

            def has(ctx: Context, defendant: str) -> bool:
                case = ctx.case
                who = {"defendant": defendant, "plaintiff": case.plaintiff}.get(party, party)
                found = case.parties.get(who)
                return found is not None and attribute in found.attributes

            return has
        case DateIs(name, before, day):
            return lambda ctx, defendant: _date_holds(ctx, name, before, day)
    raise TypeError(f"not a condition: {condition!r}")


def earlier_result(ctx: Context, issue: str, defendant: str) -> Result:
    """An earlier issue's result for this defendant at this level, with the reads it rested on
    (so this step records them too): as the engine settled it when it took that step, else
    its test run through the same accessor, once per run."""
    test = ctx.case.pack.tests[issue]
    return ctx.remembered(issue_key(issue, defendant), lambda: test(ctx, defendant).result)


def _date_holds(ctx: Context, name: str, before: bool, day: dt.date) -> bool:
    if name == "decided":
        interval = ctx.case.levels[ctx.level].decided
    elif name in TIMELINE:
        interval = getattr(dates(ctx), name)
    else:
        interval = ctx.case.dates.get(name)
    if interval is None:
        return False
    if before:
        return interval.end is not None and interval.end < day
    return interval.start is not None and interval.start >= day


def compile_issue(issue: str, rules: Sequence[Rule], burden_on: str, standard: str) -> IssueTest:
    """The issue test a list of rules stands for: the first rule that holds decides."""

    whens = tuple((None if r.when is None else compiled(r.when), r) for r in rules)

    def test(ctx: Context, defendant: str) -> Finding:
        case = ctx.case
        for rank, (when, rule) in enumerate(whens):
            if when is None or when(ctx, defendant):
                side = rule.burden_on or burden_on
                if side not in ("plaintiff", "defendant"):  # a parameter names the side
                    side = ctx.param(side)
                # the same for every defendant at this level: worked out once per run
                cited = ctx.remembered(
                    ("cited", issue, rank), lambda rule=rule: _cited(ctx, rule.rules)
                )
                shown = [t for t in rule.evidence if t in case.toggles and ctx.on(t)]
                found = grant(ctx, defendant, holds) if rule.grant else Granted()
                result = rule.result
                if rule.grant and not found.granted:  # nothing to grant: not made out
                    result = Result.NOT_ESTABLISHED
                words = dict(defendant=[defendant], plaintiff=[case.plaintiff], evidence=shown)
                if rule.grant:
                    words.update(
                        remedies=found.granted,
                        refused=found.refused,
                        missing=Terms("fact", tuple(found.missing)),
                    )
                return Finding(
                    result,
                    case.plaintiff if side == "plaintiff" else defendant,
                    cited,
                    [msg(rule.text, **words)],
                    [*shown, *(e for e in found.evidence if e not in shown)],
                    standard=rule.standard or standard,
                    remedies=found.granted,
                    awarded=found.awarded,
                    basis=rule.basis,
                )
        raise LookupError(f"no rule of issue '{issue}' holds and it has no otherwise")

    test.__name__ = f"rules_{issue}"
    test.__qualname__ = test.__name__
    return test


def _cited(ctx: Context, refs: Sequence[str | tuple[str]]) -> tuple[str, ...]:
    """A rule's statute ids and slots, as the ids in force on the dates the step judges."""
    cited: list[str] = []
    for ref in refs:
        ids = _slot(ctx, ref[0]) if isinstance(ref, tuple) else in_force(ctx, (ref,))
        cited += [i for i in ids if i not in cited]
    return tuple(cited)


def _slot(ctx: Context, slot: str) -> tuple[str, ...]:
    """A slot's ids at this level, those in force on the dates the step judges; where none
    is, the slot's `.earlier` alternative (as the Python tests do)."""
    ids = in_force(ctx, rules_for(ctx.case, ctx.level, slot))
    earlier = f"{slot}.earlier"
    if not ids and has_slot(ctx.case, ctx.level, earlier):
        return in_force(ctx, rules_for(ctx.case, ctx.level, earlier))
    return ids
