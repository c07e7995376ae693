"""The five issues a court walks through, each a pure function of (case, doctrine, world).

processor -> leak -> attribution -> fault -> remedy. Each test reads the world only through
`Context`, cites the articles it rests on (rule slots in `rules.py`, overridable per case)
and returns a `Finding` whose prose is a template key plus parameters (`texts/`). No test
names a case's ids: everything case-specific comes from the case file.
"""

from __future__ import annotations

from collections.abc import Callable

from ..casefile import Evidence
from .context import Context
from .datamatrix import HELD, holdings, leaked_fields, possible_sources
from .rules import rules_for
from .steps import Finding, Result
from .temporal import applies
from .texts import Cite, Message, Term, Terms, msg

IssueTest = Callable[[Context, str], Finding]


def _ids(items: list[Evidence]) -> list[str]:
    return [e.id for e in items]


def _rules(ctx: Context, slot: str) -> tuple[str, ...]:
    return rules_for(ctx.case.file.rules, slot)


def processor(ctx: Context, defendant: str) -> Finding:
    """PIPL 73(1): a processor decides for itself the purposes and means of processing.

    Established from collection and storage (the defendant holds the plaintiff's data and
    processes it on its own account), never from the leak itself. Burden: plaintiff.
    """
    case = ctx.case
    party = case.parties[defendant]
    held = [f for f, s in holdings(ctx, defendant).items() if s == HELD]
    evidence = _ids(ctx.evidence_in("collection", defendant=defendant))
    if party.processing == "entrusted":
        return Finding(
            Result.NOT_ESTABLISHED,
            case.plaintiff,
            _rules(ctx, "processor.entrusted"),
            [
                msg(
                    "processor.entrusted",
                    defendant=[defendant],
                    principal=[party.entrusted_by or ""],
                )
            ],
            evidence,
        )
    if not held:
        return Finding(
            Result.NOT_ESTABLISHED,
            case.plaintiff,
            _rules(ctx, "processor"),
            [msg("processor.no_data", defendant=[defendant], plaintiff=[case.plaintiff])],
            evidence,
        )
    assumed = [
        f
        for rule in party.holds.rules
        if rule.basis == "inferred"
        for f in rule.fields
        if f in held
    ]
    notes = [msg("processor.assumed", fields=assumed)] if assumed else []
    return Finding(
        Result.ESTABLISHED,
        case.plaintiff,
        _rules(ctx, "processor"),
        [
            msg(
                "processor.established",
                defendant=[defendant],
                plaintiff=[case.plaintiff],
                fields=held,
            ),
            *notes,
        ],
        evidence,
    )


def leak(ctx: Context, defendant: str) -> Finding:
    """Civil Code 1032-1034: the data reached outsiders and harmed a protected right.

    PIPL 69 too requires harm. Burden: plaintiff, to a high probability (Interp. 108(1)).
    """
    case = ctx.case
    shown = ctx.evidence_in("leak", defendant=defendant)
    fields = leaked_fields(ctx) if shown else ()
    rules = _rules(ctx, "leak")
    if not shown or not fields:
        return Finding(
            Result.NOT_ESTABLISHED,
            case.plaintiff,
            rules,
            [msg("leak.no_leak", plaintiff=[case.plaintiff])],
        )
    harm = ctx.evidence_in("harm", defendant=defendant)
    evidence = _ids(shown) + [e.id for e in harm if e not in shown]
    if not harm:
        return Finding(
            Result.NOT_ESTABLISHED,
            case.plaintiff,
            rules,
            [msg("leak.no_harm", evidence=_ids(shown))],
            evidence,
        )
    return Finding(
        Result.ESTABLISHED,
        case.plaintiff,
        rules,
        [msg("leak.established", plaintiff=[case.plaintiff], fields=fields, evidence=evidence)],
        evidence,
    )


def attribution(ctx: Context, defendant: str) -> Finding:
    """Causation: did the leak come from the defendant's processing?

    Burden on the plaintiff to a high probability (Interp. 108(1)); the defendant's
    counter-evidence need only leave the fact in doubt (108(2)). PIPL 69 presumes fault,
    not causation, so this burden never shifts. Proof is by elimination over the data
    matrix (`datamatrix.possible_sources`); under `measures_relevance: against_leak` the
    defendant's general-compliance evidence also weighs against a leak by it, so that
    elimination needs a positive link to the defendant besides.
    """
    case = ctx.case
    plaintiff = case.plaintiff
    rules = list(_rules(ctx, "attribution"))
    analysis = possible_sources(ctx)
    rule = analysis.rule
    messages = []
    folded = analysis.folded.get(defendant, ())
    if folded:
        rules += [r for r in _rules(ctx, "attribution.entrusted") if r not in rules]
        messages.append(msg("attribution.folded", defendant=[defendant], folded=folded))
    weighed = [
        t
        for t in ctx.reads
        if t in case.evidence and ctx.on(t) and case.evidence[t].kind != "assertion"
    ]
    against_leak = ctx.param("measures_relevance") == "against_leak"
    measures = (
        [
            e
            for e in ctx.evidence_in("fault", supports=False, offered_by=defendant)
            if e.kind == "general_compliance"
        ]
        if against_leak
        else []
    )
    weighed += _ids(measures)

    def finding(result: Result, *more: Message) -> Finding:
        return Finding(result, plaintiff, rules, messages + list(more), sorted(set(weighed)))

    def fails(reason: Message) -> Finding:
        noted = (
            [msg("attribution.measures_noted", defendant=[defendant], evidence=_ids(measures))]
            if measures
            else []
        )
        return finding(Result.NOT_ESTABLISHED, reason, *noted)

    if defendant not in analysis.sources:
        return fails(
            msg(
                f"attribution.not_a_source.{rule}",
                defendant=[defendant],
                plaintiff=[plaintiff],
                missing=analysis.missing(defendant),
            )
        )
    others = [p for p in analysis.sources if p not in case.defendants]
    excluded = [p for p in analysis.excluded if p not in case.defendants]
    if excluded and rule == "field_level":
        messages.append(
            msg("attribution.excluded.field_level", excluded=excluded, fields=analysis.leaked)
        )
    if others:
        return fails(
            msg(
                f"attribution.others.{rule}",
                others=others,
                defendant=[defendant],
                plaintiff=[plaintiff],
                fields=analysis.leaked,
            )
        )

    counter = ctx.evidence_in("source_is_defendant", supports=False, offered_by=defendant)
    weighed += _ids(counter)
    specific = [e for e in counter if e.kind == "specific_processing"]
    if specific:
        return fails(
            msg(
                "attribution.counter",
                defendant=[defendant],
                plaintiff=[plaintiff],
                evidence=_ids(specific),
            )
        )
    if counter:
        messages.append(
            msg(
                "attribution.counter_weak",
                defendant=[defendant],
                plaintiff=[plaintiff],
                evidence=_ids(counter),
            )
        )
    if measures:
        links = ctx.evidence_in("source_is_defendant", defendant=defendant)
        weighed += _ids(links)
        if not links:
            return finding(
                Result.NOT_ESTABLISHED,
                msg("attribution.needs_link", defendant=[defendant], evidence=_ids(measures)),
            )
        messages.append(msg("attribution.linked", defendant=[defendant], evidence=_ids(links)))
    if len(analysis.sources) > 1:
        return finding(
            Result.ESTABLISHED, msg("attribution.established_jointly", sources=analysis.sources)
        )
    return finding(Result.ESTABLISHED, msg("attribution.established", defendant=[defendant]))


def _answering(ctx: Context, defendant: str) -> tuple[list[Evidence], list[Evidence]]:
    """The defendant's evidence of no fault, split by the level's `rebuttal` rule into what
    can answer a presumed or inferred fault and what cannot."""
    offered = ctx.evidence_in("fault", supports=False, offered_by=defendant)
    if not offered:
        return [], []
    kinds = {"specific_processing"}
    if ctx.param("rebuttal") == "general_compliance":
        kinds.add("general_compliance")
    return ([e for e in offered if e.kind in kinds], [e for e in offered if e.kind not in kinds])


def _presumption(ctx: Context, defendant: str, statute: str) -> Finding:
    """PIPL 69 + Civil Code 1165(2): fault presumed; the defendant proves it had none."""
    case = ctx.case
    answering, insufficient = _answering(ctx, defendant)
    rules = _rules(ctx, "fault.presumed")
    opening = msg("fault.presumed", statute=Cite((statute,)), defendant=[defendant])
    evidence = _ids(answering) + _ids(insufficient)
    if answering:
        return Finding(
            Result.REBUTTED,
            defendant,
            rules,
            [opening, msg("fault.rebutted", evidence=_ids(answering))],
            evidence,
        )
    if insufficient:
        return Finding(
            Result.PRESUMED,
            defendant,
            rules,
            [
                opening,
                msg("fault.not_answered", evidence=_ids(insufficient), plaintiff=[case.plaintiff]),
            ],
            evidence,
        )
    return Finding(
        Result.PRESUMED,
        defendant,
        rules,
        [opening, msg("fault.no_rebuttal", defendant=[defendant])],
    )


def _proof(ctx: Context, defendant: str) -> Finding:
    """Civil Code 1165(1), Interp. 90/108: the plaintiff proves fault, unless the level
    infers it from custody (Civil Code 1038; the reasoning of the 2017 Pang appeal)."""
    case = ctx.case
    if ctx.param("fault_inference") == "from_custody":
        answering, _ = _answering(ctx, defendant)
        rules = _rules(ctx, "fault.from_custody")
        if answering:  # counter-evidence: the burden of persuasion stays with the plaintiff
            return Finding(
                Result.NOT_ESTABLISHED,
                case.plaintiff,
                rules,
                [msg("fault.inference_displaced", defendant=[defendant], evidence=_ids(answering))],
                _ids(answering),
            )
        return Finding(
            Result.ESTABLISHED,
            case.plaintiff,
            rules,
            [msg("fault.inferred", defendant=[defendant])],
        )
    return Finding(
        Result.NOT_ESTABLISHED,
        case.plaintiff,
        _rules(ctx, "fault.plaintiff_proves"),
        [msg("fault.not_proven", plaintiff=[case.plaintiff], defendant=[defendant])],
    )


def fault(ctx: Context, defendant: str) -> Finding:
    """Fault: proven by the plaintiff's own evidence, presumed (PIPL 69) where the level's
    `fault_rule` says so and the statute reaches the facts in time, else to be proven.

    Where the reach in time is open (`temporal_anchor: act` with a window straddling the
    start date), both branches are tried: if they agree the answer stands, otherwise the
    result is `uncertain`.
    """
    case = ctx.case
    proven = ctx.evidence_in("fault", defendant=defendant)
    if proven:
        return Finding(
            Result.ESTABLISHED,
            case.plaintiff,
            _rules(ctx, "fault.proven"),
            [msg("fault.proven", defendant=[defendant], evidence=_ids(proven))],
            _ids(proven),
        )
    if ctx.param("fault_rule") == "plaintiff_proves":
        return _proof(ctx, defendant)
    statute = _rules(ctx, "fault.presumed")[0]
    start = case.law.in_force(statute)
    reach = applies(ctx, start)
    if reach is True:
        return _presumption(ctx, defendant, statute)
    anchor = Term("anchor", ctx.param("temporal_anchor"))
    in_time = _rules(ctx, "fault.in_time")
    timing = dict(anchor=anchor, statute=Cite((statute,)), date=start or "")
    if reach is False:
        branch = _proof(ctx, defendant)
        branch.messages.insert(0, msg("fault.not_in_time", plaintiff=[case.plaintiff], **timing))
        branch.rules = (*in_time, *branch.rules)
        return branch
    with_presumption = _presumption(ctx, defendant, statute)
    without = _proof(ctx, defendant)
    rules = (*in_time, *with_presumption.rules, *without.rules)  # evaluate() drops repeats
    if with_presumption.result.carries_on == without.result.carries_on:
        without.messages.insert(0, msg("fault.time_open_same", **timing))
        without.rules = rules
        return without
    return Finding(
        Result.UNCERTAIN,
        case.plaintiff,
        rules,
        [msg("fault.time_open", **timing)],
        with_presumption.evidence + without.evidence,
    )


DEFAULT_NEEDS = {"compensation": ("loss",), "distress": ("serious_distress",)}


def remedy(ctx: Context, defendant: str) -> Finding:
    """What the plaintiff gets: each claim against this defendant is granted when its needs
    are shown. Apology: proportionate to the infringement (Civil Code 1000(1)), not subject
    to limitation (995). Compensation: PIPL 69(2), 1182. Distress: only if serious (1183)."""
    case = ctx.case
    claims = [c for c in case.file.claims if not c.against or defendant in c.against]
    if not claims:
        return Finding(
            Result.NOT_ESTABLISHED, case.plaintiff, (), [msg("remedy.none", defendant=[defendant])]
        )
    granted, refused, missing, evidence, rules = [], [], [], [], []
    for claim in claims:
        rules += [r for r in _rules(ctx, f"remedy.{claim.remedy}") if r not in rules]
        lacking = []
        for need in (*DEFAULT_NEEDS.get(claim.remedy, ()), *claim.needs):
            shown = ctx.evidence_in(need, defendant=defendant)
            evidence += _ids(shown)
            if not shown:
                lacking.append(need)
        if lacking:
            refused.append(claim.id)
            missing += [n for n in lacking if n not in missing]
        else:
            granted.append(claim.id)
    messages = []
    if granted:
        messages.append(msg("remedy.granted", remedies=granted))
    if refused:
        messages.append(
            msg("remedy.refused", refused=refused, missing=Terms("fact", tuple(missing)))
        )
    result = Result.ESTABLISHED if granted else Result.NOT_ESTABLISHED
    return Finding(result, case.plaintiff, rules, messages, evidence, remedies=granted)


ISSUE_TESTS: dict[str, IssueTest] = {
    "processor": processor,
    "leak": leak,
    "attribution": attribution,
    "fault": fault,
    "remedy": remedy,
}
