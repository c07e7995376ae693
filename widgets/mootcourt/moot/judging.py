"""Judge mode: a student writes the judgment; the kit compares it with the engine's reasoning.

A brief with `side: court` is a judgment for its `court`: one point per issue (and per
defendant where several), the claim being the result the student finds and its rules and
evidence the reasons. Each issue is compared with the engine's step for that court on the
record world; where they differ, the report says why from the step itself (the rules the
court rests on that the student did not cite, the evidence it weighed that the student did
not use, evidence the student used that the step does not read, who bore the burden and to
what standard). The outcome the student's findings imply for each defendant (liable only if
every issue is made out) is compared with the engine's and with the court's reported outcome
(`as_decided`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine.steps import Result
from . import words
from .brief import Brief, defendant_of
from .files import case_of
from .reasoning import court

if TYPE_CHECKING:
    from ..case import Case


@dataclass(frozen=True)
class JudgedIssue:
    """One issue for one defendant: the student's finding beside the engine's."""

    issue: str
    defendant: str
    yours: str | None
    """the result the student found (None: the judgment does not decide the issue)"""
    engine: str
    agrees: bool
    missing_rules: tuple[str, ...] = ()
    """rules the court rests on that the student did not cite"""
    missing_evidence: tuple[str, ...] = ()
    """evidence the court weighed that the student did not use"""
    misused_evidence: tuple[str, ...] = ()
    """evidence the student used that the court's step does not read"""
    burden_on: str | None = None
    standard: str | None = None


@dataclass(frozen=True)
class JudgedOutcome:
    defendant: str
    yours: bool
    engine: bool
    as_decided: bool


@dataclass(frozen=True)
class JudgeReport:
    brief: Brief
    case: Case
    issues: tuple[JudgedIssue, ...]
    outcomes: tuple[JudgedOutcome, ...]

    @property
    def agrees(self) -> bool:
        """Every issue decided as the engine decides it, and every outcome the same."""
        return all(i.agrees for i in self.issues) and all(
            o.yours == o.engine for o in self.outcomes
        )

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        lang = lang or self.brief.lang
        return {
            "agrees": self.agrees,
            "issues": [
                {
                    "issue": i.issue,
                    "defendant": i.defendant,
                    "yours": i.yours,
                    "engine": i.engine,
                    "agrees": i.agrees,
                    "missing_rules": list(i.missing_rules),
                    "missing_evidence": list(i.missing_evidence),
                    "misused_evidence": list(i.misused_evidence),
                    "text": self.line(i, lang),
                }
                for i in self.issues
            ],
            "outcomes": [
                {
                    "defendant": o.defendant,
                    "yours": o.yours,
                    "engine": o.engine,
                    "as_decided": o.as_decided,
                }
                for o in self.outcomes
            ],
        }

    def line(self, judged: JudgedIssue, lang: str) -> str:
        """One issue's comparison, with the reasons where they differ."""
        case = self.case
        if len(case.defendants) > 1:
            name = words.issue_against(case, judged.issue, judged.defendant, lang)
        else:
            name = words.issue(case, judged.issue, lang)
        engine = words.result(lang, judged.engine)
        if judged.yours is None:
            return words.t(lang, "moot.judge.missing", issue=name, result=engine)
        key = "moot.judge.agree" if judged.agrees else "moot.judge.differ"
        parts = [
            words.t(lang, key, issue=name, yours=words.result(lang, judged.yours), result=engine)
        ]
        if not judged.agrees:
            if judged.burden_on is not None and judged.standard is not None:
                parts.append(
                    words.t(
                        lang,
                        "moot.judge.why.burden",
                        party=words.party(case, judged.burden_on, lang),
                        standard=words.t(lang, f"standard.{judged.standard}"),
                    )
                )
            if judged.missing_rules:
                parts.append(
                    words.t(
                        lang,
                        "moot.judge.why.rules",
                        rules=words.rules(case, judged.missing_rules, lang),
                    )
                )
            if judged.missing_evidence:
                parts.append(
                    words.t(
                        lang,
                        "moot.judge.why.evidence",
                        items=words.items(case, judged.missing_evidence, lang),
                    )
                )
        if judged.misused_evidence:
            parts.append(
                words.t(
                    lang,
                    "moot.judge.why.misused",
                    items=words.items(case, judged.misused_evidence, lang),
                )
            )
        return words.sentences(parts, lang)

    def render(self, lang: str | None = None) -> str:
        lang = lang or self.brief.lang
        case = self.case
        lines = [
            words.t(lang, "moot.judge.title", court=case.levels[self.brief.court].label(lang)),
            "",
        ]
        lines += [f"- {self.line(i, lang)}" for i in self.issues]
        lines.append("")
        for o in self.outcomes:
            lines.append(
                words.t(
                    lang,
                    "moot.judge.outcome",
                    defendant=words.party(case, o.defendant, lang),
                    yours=_liable(lang, o.yours),
                    engine=_liable(lang, o.engine),
                    decided=_liable(lang, o.as_decided),
                )
            )
        return "\n".join(lines)


def _liable(lang: str, liable: bool) -> str:
    return words.t(lang, "cli.liable" if liable else "cli.not_liable")


def judge(brief: Brief, case: Case | None = None) -> JudgeReport:
    """Compare a judgment written in judge mode (`side: court`) with the engine's reasoning
    for its court on the record world, issue by issue, and with the reported outcome."""
    if case is None or case.id != brief.case:
        case = case_of(brief)
    here = court(case, brief.court)
    yours: dict[tuple[str, str], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for point in brief.points:
        key = (point.issue, defendant_of(brief, point, case))
        yours.setdefault(key, (point.claim, point.rules, point.evidence))
    issues = []
    for defendant in case.defendants:
        for issue in case.pack.issues:
            step = here.step(issue, defendant)
            mine = yours.get((issue, defendant))
            if mine is None:
                issues.append(JudgedIssue(issue, defendant, None, step.result.value, False))
                continue
            claim, rules, evidence = mine
            read = set(step.reads) | set(step.evidence)
            cited_articles = {case.law.pointer(r).article for r in rules}
            issues.append(
                JudgedIssue(
                    issue,
                    defendant,
                    claim,
                    step.result.value,
                    claim == step.result.value,
                    missing_rules=tuple(
                        r for r in step.rules if case.law.pointer(r).article not in cited_articles
                    ),
                    missing_evidence=tuple(e for e in step.evidence if e not in evidence),
                    misused_evidence=tuple(
                        e
                        for e in evidence
                        if step.result is not Result.NOT_REACHED and e not in read
                    ),
                    burden_on=step.burden_on,
                    standard=step.standard,
                )
            )
    outcomes = []
    for defendant in case.defendants:
        found = [yours.get((i, defendant)) for i in case.pack.issues]
        student_liable = all(f is not None and Result(f[0]).carries_on for f in found)
        decided = case.levels[brief.court].as_decided.defendants[defendant].liable
        outcomes.append(
            JudgedOutcome(
                defendant,
                student_liable,
                here.level.defendants[defendant].liable,
                decided,
            )
        )
    return JudgeReport(brief, case, tuple(issues), tuple(outcomes))
