"""The leak pack's five issue tests, each a pure function of (case, doctrine, world).

processor -> leak -> attribution -> fault -> remedy (declared in `pack.yaml`, each
`test: {python: name}` naming a function here). Each test reads the world only through
`Context`, cites the articles it rests on (the pack's rule slots, overridable per case, and
only those in force on the dates the step judges: `temporal.in_force`) and returns a `Finding`
whose prose is a template key plus parameters (`texts/`). No test names a case's ids:
everything case-specific comes from the case file.

Prose speaks in the court's voice; where the kit adds a reading of its own (a model rule, an
assumption, a reconstruction), it does so in a separate message whose key starts with `note.`,
which the templates render as a labelled note, never as the court's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ...casefile import Claim, Evidence, Interval
from ...doctrine import RECORD_BASES
from ...engine.context import Context, procedural_hypotheses
from ...engine.rules import has_slot, rules_for
from ...engine.steps import Finding, Result
from ...engine.temporal import dates, decided_window, facts_window, in_force
from ...engine.texts import Cite, Ids, Message, Money, Term, Terms, msg
from .anchor import applies
from .datamatrix import (
    HELD,
    POSSIBLY,
    SourceAnalysis,
    assumed_holdings,
    data_flow,
    holdings,
    joint_processing_applies,
    leaked_fields,
    possible_sources,
    refusals_declined,
    refusals_in,
    shown,
)
from .liability import jointly_liable


def _ids(items: list[Evidence]) -> list[str]:
    return [e.id for e in items]


def _slot(ctx: Context, slot: str) -> tuple[str, ...]:
    """A slot's ids at this level (the level's own, the case's, or the engine's), those in
    force on the dates the step judges (possibly none)."""
    return in_force(ctx, rules_for(ctx.case, ctx.level, slot))


def _rules(ctx: Context, slot: str) -> tuple[str, ...]:
    """The ids a step of this slot cites: those in force on the dates it judges; where none
    is (facts before the law the slot names), the slot's `.earlier` alternative (worked out
    once per run of a level: every defendant's steps ask again)."""
    return ctx.remembered(("rules", slot), lambda: _rules_now(ctx, slot))


def _rules_now(ctx: Context, slot: str) -> tuple[str, ...]:
    ids = _slot(ctx, slot)
    earlier = f"{slot}.earlier"
    if not ids and has_slot(ctx.case, ctx.level, earlier):
        return _slot(ctx, earlier)
    return ids


def _earlier(ctx: Context, slot: str) -> bool:
    """Does this step judge facts before the law its slot names (so it speaks the older law's
    terms)?"""
    return not _slot(ctx, slot) and bool(rules_for(ctx.case, ctx.level, slot))


def _is_appeal(ctx: Context) -> bool:
    return list(ctx.case.levels).index(ctx.level) > 0


def processor(ctx: Context, defendant: str) -> Finding:
    """PIPL 73(1): a processor decides for itself the purposes and means of processing.

    Established from collection and storage (the defendant holds the plaintiff's data and
    processes it on its own account), never from the leak itself. Burden: plaintiff. For facts
    before PIPL the step speaks of the Civil Code's information processor (Art. 1038).
    """
    case = ctx.case
    role = case.role(defendant, ctx.level)
    held = [f for f, s in holdings(ctx, defendant).items() if s == HELD]
    evidence = _ids(ctx.evidence_in("collection", defendant=defendant))
    if role.processing == "entrusted":
        return Finding(
            Result.NOT_ESTABLISHED,
            case.plaintiff,
            _rules(ctx, "processor.entrusted"),
            [
                msg(
                    "processor.entrusted",
                    defendant=[defendant],
                    principal=[role.entrusted_by or ""],
                ),
                *_role_note(ctx, defendant),
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
    assumed = list(assumed_holdings(ctx, defendant))
    shown = [f for f in held if f not in assumed] or held
    notes = [msg("note.processor.assumed", fields=assumed)] if assumed else []
    earlier = _earlier(ctx, "processor")
    key = "processor.established.earlier" if earlier else "processor.established"
    if earlier:
        notes.insert(0, msg("note.processor.earlier"))
    rules = _rules(ctx, "processor")
    partners = _present_partners(ctx, defendant)
    joint: list[Message] = []
    joint_rules = _slot(ctx, "processor.joint") if partners else ()
    if joint_rules:
        rules = (*joint_rules, *(r for r in rules if r not in joint_rules))
        joint = [msg("processor.joint", defendant=[defendant], partners=partners)]
    elif partners:  # joint processing as such is PIPL's: before it, each is judged alone
        notes.append(msg("note.processor.joint_earlier", defendant=[defendant], partners=partners))
    return Finding(
        Result.ESTABLISHED,
        case.plaintiff,
        rules,
        [
            msg(key, defendant=[defendant], plaintiff=[case.plaintiff], fields=shown),
            *joint,
            *notes,
            *_role_note(ctx, defendant),
        ],
        evidence,
    )


def _present_partners(ctx: Context, defendant: str) -> list[str]:
    """The joint processors of a defendant that are in this world: a hypothetical partner
    switched off processes with no one."""
    case = ctx.case
    return [
        p for p in case.joint_partners(defendant, ctx.level) if p in case.defendants or ctx.on(p)
    ]


def _role_note(ctx: Context, party: str) -> list[Message]:
    """Where a court saw a party's role differently from another court, and the case file
    marks that as our reading, the step says so."""
    role = ctx.case.role(party, ctx.level)
    if ctx.case.parties[party].roles.get(ctx.level) is None or role.basis != "inferred":
        return []
    return [msg("note.processor.role_inferred", party=[party])]


def leak(ctx: Context, defendant: str) -> Finding:
    """Civil Code 1032(1) (a leak infringes privacy), read with 1034(3) (private information
    follows the privacy rules first); the harm is the callers' harassment (1033(1)). PIPL 69
    too requires harm. Burden: plaintiff, to a high probability (Interp. 108(1))."""
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
    shown_ids = _ids(shown)
    evidence = shown_ids + [e.id for e in harm if e.id not in shown_ids]  # ids, not models
    if not harm:
        return Finding(
            Result.NOT_ESTABLISHED,
            case.plaintiff,
            rules,
            [msg("leak.no_harm", evidence=_ids(shown))],
            evidence,
        )
    notes = [msg("note.leak.private_information")] if "cc-1034(3)" in rules else []
    return Finding(
        Result.ESTABLISHED,
        case.plaintiff,
        rules,
        [
            msg("leak.established", plaintiff=[case.plaintiff], fields=fields, evidence=evidence),
            *notes,
        ],
        evidence,
    )


def _not_before(ctx: Context, weighed: list[str]) -> list[str]:
    """Items in this world that a procedural hypothesis keeps from this court."""
    return [t for t in weighed if t in ctx.case.evidence and not ctx.before_court(t)]


def _procedure(ctx: Context, reads: set[str]) -> tuple[list[Message], list[str], list[str]]:
    """What the step says about evidence before each court: an item kept from this court by
    a procedural hypothesis, or produced for the first time on appeal (admitted where it bears
    on a basic fact, and cross-examined; where the law of the time had a competing rule, our
    note names it). Returns the messages, the rules cited, and the rules named only in notes."""
    case = ctx.case
    messages: list[Message] = []
    rules: list[str] = []
    see_also: list[str] = []
    hypotheses = [
        e
        for e in procedural_hypotheses(case)
        if ctx.on(e.id) and set(e.confines.items) & reads  # type: ignore[union-attr]
    ]
    for h in hypotheses:
        items = [i for i in h.confines.items if i in reads]  # type: ignore[union-attr]
        if ctx.level in h.confines.levels:  # type: ignore[union-attr]
            if _is_appeal(ctx):
                rules += [r for r in _rules(ctx, "attribution.new_on_appeal") if r not in rules]
                messages.append(msg("attribution.new_on_appeal", evidence=items))
                competing = _slot(ctx, "attribution.new_on_appeal.competing")
                if competing:
                    see_also += [r for r in competing if r not in see_also]
                    messages.append(
                        msg("note.attribution.new_on_appeal.competing", rules=Cite(competing))
                    )
        else:
            messages.append(msg("attribution.not_before", evidence=items, hypothesis=[h.id]))
    return messages, rules, see_also


def attribution(ctx: Context, defendant: str) -> Finding:
    """Causation: did the leak come from the defendant's processing?

    Burden on the plaintiff to a high probability (Interp. 108(1)); the defendant's
    counter-evidence need only leave the fact in doubt (108(2)). PIPL 69 presumes fault,
    not causation, so this burden never shifts. Proof is by elimination over the data
    matrix (`datamatrix.possible_sources`), on the stated premise that only the listed parties
    could be the source; a defendant that only `possibly` holds a leaked field is never found
    the source. Under `measures_relevance: against_leak` (our reading of the first court in
    Liu) the defendant's general-compliance evidence also weighs against a leak by it, so that
    elimination needs a positive link besides. Where the remaining sources are several
    defendants, `several_defendants` says what follows: the inference the court drew, or our
    reconstruction by analogy to joint dangerous conduct (two views of how a defendant
    escapes).
    """
    case = ctx.case
    plaintiff = case.plaintiff
    rules = list(_rules(ctx, "attribution"))
    see_also: list[str] = []  # named only in our notes: never among the court's grounds
    analysis = possible_sources(ctx)
    rule = analysis.rule
    messages: list[Message] = []
    if _is_appeal(ctx):
        scope = _rules(ctx, "attribution.appeal_scope")
        rules += [r for r in scope if r not in rules]
        messages.append(msg("attribution.appeal_scope"))
    folded = analysis.folded.get(defendant, ())
    partners = case.joint_partners(defendant, ctx.level)
    jointly = [p for p in folded if p in partners]
    on_behalf = [p for p in folded if p not in partners]
    if on_behalf:
        rules += [r for r in _rules(ctx, "attribution.entrusted") if r not in rules]
        messages.append(msg("attribution.folded", defendant=[defendant], folded=on_behalf))
    if jointly:
        rules += [r for r in _rules(ctx, "attribution.joint_processing") if r not in rules]
        messages.append(msg("attribution.folded.joint", defendant=[defendant], folded=jointly))
        messages.append(msg("note.attribution.joint_processing"))
    if analysis.stood_in:
        rules += [r for r in _rules(ctx, "attribution.withheld") if r not in rules]
        messages.append(
            msg(
                "attribution.withheld",
                plaintiff=[plaintiff],
                evidence=list(analysis.stood_in),
                holder=_holders(ctx, analysis.stood_in),
            )
        )
    declined = refusals_declined(ctx)
    if declined:  # a discretion not exercised is still a ruling, with its reason
        rules += [r for r in _rules(ctx, "attribution.withheld") if r not in rules]
        messages.append(
            msg(
                "attribution.withheld.declined",
                plaintiff=[plaintiff],
                evidence=declined,
                holder=_holders(ctx, declined),
            )
        )
    if rule == "party_level":  # a timely application must be ruled on, whatever the test
        applied, holders = _applications(ctx)
        if applied:
            rules += [r for r in _rules(ctx, "attribution.application") if r not in rules]
            messages += [
                msg(
                    "attribution.application.unnecessary",
                    plaintiff=[plaintiff],
                    holder=holders,
                    evidence=applied,
                ),
                msg("note.attribution.application.unnecessary"),
            ]
    reports = _reports(ctx, "source_is_defendant", defendant)
    # a report offered on fault too is answered in full on fault, which is reached only if the
    # source is found: here it is answered on the source alone, and what it could do is said
    # here only where fault will not be reached (one point, made once)
    on_fault_too = bool(reports) and all(e in _reports(ctx, "fault", defendant) for e in reports)
    report_said = (
        [
            msg(
                "evidence.report.source",
                defendant=[defendant],
                plaintiff=[plaintiff],
                evidence=_ids(reports),
            )
        ]
        if on_fault_too
        else _report_messages(ctx, defendant, reports)
    )
    if reports:
        see_also += [r for r in _rules(ctx, "attribution.report") if r not in see_also]
        messages += report_said
    weighed = [
        t
        for t in ctx.reads
        if t in case.evidence and ctx.on(t) and case.evidence[t].kind not in _UNWEIGHED
    ]
    against_leak = ctx.param("measures_relevance") == "against_leak"
    measures = (
        ctx.evidence_in(
            "fault", supports=False, offered_by=defendant, kinds=("general_compliance",)
        )
        if against_leak
        else []
    )
    weighed += _ids(measures)
    procedure, procedure_rules, procedure_notes = _procedure(ctx, set(ctx.reads))
    messages += procedure
    rules += [r for r in procedure_rules if r not in rules]
    see_also += [r for r in procedure_notes if r not in see_also and r not in rules]

    def finding(result: Result, *more: Message) -> Finding:
        said = messages + list(more)
        if on_fault_too and result != Result.ESTABLISHED:  # fault will not answer it
            at = said.index(report_said[-1]) + 1
            said[at:at] = [msg("note.evidence.report", defendant=[defendant])]
        return Finding(
            result,
            plaintiff,
            rules,
            said,
            sorted(set(weighed)),
            see_also=see_also,
        )

    def fails(reason: Message, *more: Message) -> Finding:
        noted = (
            [msg("attribution.measures_noted", defendant=[defendant], evidence=_ids(measures))]
            if measures
            else []
        )
        if measures and ctx.doctrine.basis["measures_relevance"] not in RECORD_BASES:
            noted.append(msg("note.attribution.measures_reading"))
        return finding(Result.NOT_ESTABLISHED, reason, *more, *noted, _standard_not_met())

    def _standard_not_met() -> Message:
        return msg("attribution.not_proven", defendant=[defendant], plaintiff=[plaintiff])

    if defendant not in analysis.sources:
        # clearing a holder of some fields is the model rule at work, on a single source
        caveat = (
            [msg("note.attribution.model_rule.cleared", defendant=[defendant])]
            if rule == "field_level"
            else []
        )
        return fails(
            msg(
                f"attribution.not_a_source.{rule}",
                defendant=[defendant],
                plaintiff=[plaintiff],
                missing=analysis.missing(defendant),
            ),
            *caveat,
        )
    others = [p for p in analysis.sources if p not in case.defendants]
    excluded = [p for p in analysis.excluded if p not in case.defendants]
    if rule == "field_level":
        messages += _exclusions(ctx, analysis, excluded)
        if _entrusted(ctx, excluded):  # cited only in the note on entrusted processors
            see_also += [r for r in _rules(ctx, "attribution.entrusted") if r not in rules]
        assumed_held = {
            p: analysis.assumed.get(p, ()) for p in analysis.sources if analysis.assumed.get(p)
        }
        for party, fields in assumed_held.items():
            messages.append(msg("note.attribution.assumed_holding", party=[party], fields=fields))
    if others:
        unknown = [
            p for p in others if not all(shown(ctx, t) for t in case.parties[p].holds.known_through)
        ]
        tortfeasors = _several_tortfeasors(ctx, rule, others, defendant)
        see_also += [r for r in tortfeasors.see_also if r not in see_also]
        if unknown:  # doubt that stands only because an item is missing: the other reading
            see_also += [r for r in _rules(ctx, "attribution.missing_account") if r not in rules]
            return fails(
                _others(ctx, rule, others, defendant, analysis),
                _missing_account(ctx, unknown, defendant),
                *tortfeasors.messages,
            )
        return fails(_others(ctx, rule, others, defendant, analysis), *tortfeasors.messages)
    if rule == "field_level" and defendant not in analysis.held_by:
        possibly = [f for f in analysis.leaked if analysis.holdings[defendant][f] == POSSIBLY]
        return fails(
            msg("attribution.may_hold", defendant=[defendant], fields=possibly),
            msg("note.attribution.model_rule"),
        )

    group = [p for p in analysis.sources if p in case.defendants]
    joint_group = (
        len(group) > 1
        and all(p == defendant or p in partners for p in group)
        and joint_processing_applies(ctx)
    )
    several = ctx.param("several_defendants") if len(group) > 1 and not joint_group else None
    counter = ctx.evidence_in("source_is_defendant", supports=False, offered_by=defendant)
    # records of how this plaintiff's data was processed go to the source first, whatever
    # they were offered for: weighed here, they cannot count again as proof of no fault
    counter += [e for e in _processing_records(ctx, defendant) if e not in counter]
    weighed += _ids(counter)
    specific = [e for e in counter if e.kind == "specific_processing"]
    if specific:
        rules += [r for r in _rules(ctx, "attribution.logs") if r not in rules]
    if specific and several in (None, "as_reported"):
        return fails(
            msg(
                "attribution.counter",
                defendant=[defendant],
                plaintiff=[plaintiff],
                evidence=_ids(specific),
            )
        )
    weak = [e for e in counter if e.kind != "specific_processing"]
    # the defendant's evidence is answered after the finding it failed to displace
    answered = (
        [
            msg(
                "attribution.counter_weak",
                defendant=[defendant],
                plaintiff=[plaintiff],
                evidence=_ids(weak),
            )
        ]
        if weak
        else []
    )
    if measures:
        links = _links(ctx, defendant)
        weighed += _ids(links)
        if not links:
            return finding(
                Result.NOT_ESTABLISHED,
                *answered,
                msg("attribution.needs_link", defendant=[defendant], evidence=_ids(measures)),
            )
        key = "attribution.linked" if excluded else "attribution.linked_only"
        messages.append(msg(key, defendant=[defendant], evidence=_ids(links)))
    if rule == "field_level":  # the finding rests on no other listed party holding it all
        if not excluded and not measures:  # nothing eliminated: say what points to it
            links = _links(ctx, defendant)
            weighed += _ids(links)
            if links:
                messages.append(
                    msg("attribution.linked_only", defendant=[defendant], evidence=_ids(links))
                )
        messages.append(msg("note.attribution.closed_world"))
    premise = analysis.assumed.get(defendant, ())
    if premise:  # an assumed holding carries the finding only as a premise, never as proof
        # one point, made once: the premise note replaces the plain note on the same holding
        messages[:] = [m for m in messages if not _notes_holding_of(m, defendant)]
        messages.append(msg("note.attribution.conditional", defendant=[defendant], fields=premise))
    if joint_group:  # the source lies within one joint processing: whose hand, no matter
        rules += [r for r in _rules(ctx, "attribution.joint_processing") if r not in rules]
        return finding(
            Result.ESTABLISHED,
            msg("attribution.group.joint", defendant=[defendant], sources=group),
            *answered,
            msg("note.attribution.joint_processing"),
        )
    if several is None:
        return finding(
            Result.ESTABLISHED,
            msg("attribution.established", defendant=[defendant]),
            *answered,
        )
    if several == "as_reported":
        # no rule on inference within a group is reported: the kit's citation goes apart, and
        # so do the rules on several tortfeasors the court is not reported to have applied
        see_also += [r for r in _rules(ctx, "attribution.group") if r not in rules]
        see_also += [r for r in _rules(ctx, "attribution.several") if r not in see_also]
        return finding(
            Result.ESTABLISHED,
            msg(
                "attribution.group.as_reported",
                defendant=[defendant],
                sources=group,
                plaintiff=[plaintiff],
            ),
            *answered,
            msg(
                "note.attribution.group.as_reported"
                if ctx.doctrine.basis["several_defendants"] in RECORD_BASES
                else "note.attribution.group.as_reported.elsewhere"
            ),
        )
    messages += answered
    return _joint_danger(ctx, defendant, group, several, rules, finding, weighed)


_UNWEIGHED = ("assertion", "assumption", "procedure", "context")


def _processing_records(ctx: Context, defendant: str) -> list[Evidence]:
    """The defendant's records of how the plaintiff's own data was processed, offered against
    its fault: they speak first to whether the leak came from that processing."""
    return ctx.evidence_in(
        "fault",
        supports=False,
        offered_by=defendant,
        defendant=defendant,
        kinds=("specific_processing",),
    )


def _links(ctx: Context, defendant: str) -> list[Evidence]:
    """Evidence positively linking the leak to the defendant. A report about the world at
    large (`context`: e.g. a press report of a breach) is no such link."""
    return ctx.evidence_in("source_is_defendant", defendant=defendant, except_kinds=("context",))


def _reports(ctx: Context, fact: str, defendant: str) -> list[Evidence]:
    """Reports about the defendant or the world at large offered for a fact they cannot prove
    to the high-probability standard: they say nothing of this plaintiff's data."""
    return ctx.evidence_in(fact, defendant=defendant, kinds=("context",))


def _report_messages(ctx: Context, defendant: str, reports: list[Evidence]) -> list[Message]:
    """What the court says of such a report, and what it could do (ours)."""
    return [
        msg(
            "evidence.report",
            defendant=[defendant],
            plaintiff=[ctx.case.plaintiff],
            evidence=_ids(reports),
        ),
        msg("note.evidence.report", defendant=[defendant]),
    ]


def _applications(ctx: Context) -> tuple[list[str], list[str]]:
    """Timely applications for an order to produce that are in this world (the preconditions
    of a refusal's effect), and the parties asked to produce."""
    case = ctx.case
    applied: list[str] = []
    holders: list[str] = []
    for refusal in refusals_in(case)[None]:
        if not refusal.preconditions:
            continue
        if ctx.all_on(refusal.preconditions):
            applied += [p for p in refusal.preconditions if p not in applied]
            holders += [p for p in refusal.offered_by if p not in holders]
    return applied, holders


def _missing_account(ctx: Context, unknown: list[str], defendant: str) -> Message:
    """The note on a holder whose holdings no evidence shows: what the plaintiff could apply
    for (existing documents, never an account written for the case), unless it has applied."""
    missing = {t for p in unknown for t in ctx.case.parties[p].holds.known_through}
    refusals = [
        e for e in refusals_in(ctx.case)[None] if e.stands_for in missing and e.preconditions
    ]
    applied = [p for e in refusals if ctx.all_on(e.preconditions) for p in e.preconditions]
    if applied:
        return msg(
            "note.attribution.missing_account.applied",
            others=unknown,
            defendant=[defendant],
            plaintiff=[ctx.case.plaintiff],
            evidence=list(dict.fromkeys(applied)),
        )
    return msg("note.attribution.missing_account", others=unknown, defendant=[defendant])


@dataclass(frozen=True, slots=True)
class _Noted:
    messages: list[Message]
    see_also: list[str]


def _several_tortfeasors(ctx: Context, rule: str, others: list[str], defendant: str) -> _Noted:
    """Where holders outside the defendant's processing remain possible sources, field by
    field, the rules on several tortfeasors come into view (our note): they would bind those
    holders only if sued, and against the defendant alone the source stays unproven."""
    case = ctx.case
    independent = [
        p
        for p in others
        if not (
            case.role(p, ctx.level).processing == "entrusted"
            and case.role(p, ctx.level).entrusted_by in case.defendants
        )
    ]
    ids = _rules(ctx, "attribution.several") if rule == "field_level" and independent else ()
    if not ids:
        return _Noted([], [])
    return _Noted(
        [
            msg(
                "note.attribution.several_tortfeasors",
                others=independent,
                defendant=[defendant],
                plaintiff=[case.plaintiff],
            )
        ],
        list(ids),
    )


def _holders(ctx: Context, refusals: tuple[str, ...] | list[str]) -> list[str]:
    """The parties that refused to produce: named, never 'the opposing party'."""
    out: list[str] = []
    for r in refusals:
        out += [p for p in ctx.case.evidence[r].offered_by if p not in out]
    return out


def _entrusted(ctx: Context, parties: list[str]) -> list[str]:
    case = ctx.case
    return [
        p
        for p in parties
        if case.role(p, ctx.level).processing == "entrusted"
        and case.role(p, ctx.level).entrusted_by
    ]


def _exclusions(ctx: Context, analysis: SourceAnalysis, excluded: list[str]) -> list[Message]:
    """Who was excluded, and on what: evidence, or an assumption (named as such); excluding a
    party the defendant entrusted weighs less than excluding an independent recipient."""
    out: list[Message] = []
    assumed = [p for p in excluded if p in analysis.excluded_on_assumption]
    on_evidence = [p for p in excluded if p not in assumed]
    if on_evidence:
        out.append(
            msg("attribution.excluded.field_level", excluded=on_evidence, fields=analysis.leaked)
        )
    if assumed:
        plaintiff = [ctx.case.plaintiff]
        out.append(
            msg(
                "attribution.excluded.assumed",
                excluded=assumed,
                fields=analysis.leaked,
                plaintiff=plaintiff,
            )
        )
        out.append(
            msg(
                "note.attribution.excluded.assumed",
                excluded=assumed,
                fields=analysis.leaked,
                plaintiff=plaintiff,
            )
        )
    key = (
        "note.attribution.excluded_entrusted"
        if _slot(ctx, "attribution.entrusted")
        else "note.attribution.excluded_entrusted.earlier"
    )
    for p in _entrusted(ctx, excluded):
        principal = ctx.case.role(p, ctx.level).entrusted_by or ""
        out.append(msg(key, party=[p], principal=[principal]))
    return out


def _others(
    ctx: Context, rule: str, others: list[str], defendant: str, analysis: SourceAnalysis
) -> Message:
    """Why other parties keep the source in doubt. Party by party, the step names only the
    parties this court's reported reasoning names (`named_by`), and 'and others' for the rest."""
    case = ctx.case
    if rule == "party_level":
        named = [p for p in others if ctx.level in case.parties[p].named_by]
        unnamed = [p for p in others if p not in named]
        if named and unnamed:
            return msg(
                "attribution.others.party_level_named",
                others=named,
                defendant=[defendant],
                plaintiff=[case.plaintiff],
            )
    return msg(
        f"attribution.others.{rule}",
        others=others,
        defendant=[defendant],
        plaintiff=[case.plaintiff],
        fields=analysis.leaked,
    )


def _joint_danger(
    ctx: Context,
    defendant: str,
    group: list[str],
    view: str,
    rules: list[str],
    finding: Callable[..., Finding],
    weighed: list[str],
) -> Finding:
    """Our reconstruction: joint dangerous conduct by analogy (tll-10 for facts before 2021,
    cc-1170 after). The plaintiff must prove that each defendant held the data and that the
    source lies within the group. Affirmative view (肯定说): a defendant escapes by proving its
    own non-causation. Negative view (否定说): only if the actual tortfeasor is identified.
    With two defendants as the only sources the views coincide (one cleared names the other)."""
    analogy = _rules(ctx, "attribution.joint_danger")[:1]
    # the rule that lets an actor escape by proving its own non-causation is the affirmative
    # view's tool; the negative view rests on the joint-danger rule alone
    escape = _rules(ctx, "attribution.joint_danger.escape") if view.endswith("affirmative") else ()
    rules += [r for r in (*analogy, *escape) if r not in rules]

    proofs = {d: _non_causation_proof(ctx, d) for d in group}
    for d in group:
        weighed += _ids(proofs[d])
    remaining = [d for d in group if not proofs[d]]
    identified = remaining[0] if len(remaining) == 1 else None
    analogy_cite = Cite(analogy) if analogy else ""
    opening = msg(
        "attribution.joint_danger",
        defendant=[defendant],
        sources=group,
        analogy=analogy_cite,
    )
    if view == "joint_danger_affirmative":
        escapes = bool(proofs[defendant])
    else:
        escapes = identified is not None and identified != defendant
    if escapes:
        key = (
            "attribution.joint_danger.escapes_affirmative"
            if view == "joint_danger_affirmative"
            else "attribution.joint_danger.escapes_negative"
        )
        return finding(
            Result.NOT_ESTABLISHED,
            opening,
            msg(
                key,
                defendant=[defendant],
                evidence=_ids(proofs[defendant]),
                tortfeasor=[identified] if identified else [],
            ),
            msg("note.attribution.joint_danger"),
        )
    if identified == defendant and len(group) > 1:
        tail = msg("attribution.joint_danger.identified", defendant=[defendant])
    elif proofs[defendant]:
        tail = msg(
            "attribution.joint_danger.not_freed",
            defendant=[defendant],
            evidence=_ids(proofs[defendant]),
        )
    else:
        tail = msg("attribution.joint_danger.jointly", defendant=[defendant], sources=remaining)
    return finding(Result.ESTABLISHED, opening, tail, msg("note.attribution.joint_danger"))


def _non_causation_proof(ctx: Context, defendant: str) -> list[Evidence]:
    """Under joint danger by analogy, the defendant's evidence that its own processing of the
    plaintiff's data was not the source (records of that processing)."""
    found = [
        e
        for e in ctx.evidence_in(
            "source_is_defendant",
            supports=False,
            offered_by=defendant,
            kinds=("specific_processing",),
        )
        if not e.about or defendant in e.about
    ]
    return found + [e for e in _processing_records(ctx, defendant) if e not in found]


def _answering(ctx: Context, defendant: str) -> tuple[list[Evidence], list[Evidence]]:
    """The defendant's evidence of no fault, split by the level's `rebuttal` rule into what
    can answer a presumed or inferred fault and what cannot. Weighed, not counted (Interp.
    105): the kit's ladder, ours, puts a filing certificate below an assessment report below
    logs of how this plaintiff's data was processed. Those logs were weighed on the source
    first (`_processing_records`): where the leak is still traced to the defendant's
    processing, they cannot also show that the processing was secure, so they answer nothing
    here."""
    offered = ctx.evidence_in(
        "fault", supports=False, offered_by=defendant, except_kinds=("specific_processing",)
    )
    if not offered:
        return [], []
    rule = ctx.param("rebuttal")
    if sensitive_leaked(ctx):  # strict protection measures (PIPL 28(2)): one rung higher
        rule = _STRICTER[rule]

    def answers(e: Evidence) -> bool:
        if e.kind != "general_compliance":
            return False
        return rule == "general_compliance" or (
            rule == "assessment_report" and e.rung == "assessment"
        )

    return ([e for e in offered if answers(e)], [e for e in offered if not answers(e)])


_STRICTER = {
    "general_compliance": "assessment_report",
    "assessment_report": "specific_processing",
    "specific_processing": "specific_processing",
}
"""The rebuttal rule one rung up the kit's ladder (ours): where sensitive information leaked."""


def sensitive_leaked(ctx: Context) -> tuple[str, ...]:
    """The leaked fields the case file marks as sensitive personal information, where the
    rule on it (PIPL 28) reaches the facts in time; none otherwise."""
    sensitive = ctx.case.sensitive_fields
    if not sensitive or not _slot(ctx, "fault.sensitive"):
        return ()
    return tuple(f for f in leaked_fields(ctx) if f in sensitive)


def _sensitive_messages(ctx: Context) -> tuple[list[Message], list[str]]:
    """What a step on fault says where sensitive information leaked, and the rules it adds."""
    fields = sensitive_leaked(ctx)
    if not fields:
        return [], []
    marks = ctx.case.sensitive_fields
    inferred = [f for f in fields if marks[f].basis == "inferred"]
    out = [msg("fault.sensitive", fields=fields), msg("note.fault.sensitive")]
    if inferred:
        out.append(msg("note.fault.sensitive_inferred", fields=inferred))
    return out, list(_slot(ctx, "fault.sensitive"))


def _notes_holding_of(message: Message, party: str) -> bool:
    """Is this the plain note that `party`'s holding is an assumption?"""
    about = message.params.get("party")
    return (
        message.key == "note.attribution.assumed_holding"
        and isinstance(about, Ids)
        and about.ids == (party,)
    )


def _withheld(ctx: Context, defendant: str) -> list[str]:
    """Refusals by the defendant to produce a document the court ordered it to produce."""
    return [e.id for e in refusals_in(ctx.case)[None] if defendant in e.offered_by and ctx.on(e.id)]


def _presumption(ctx: Context, defendant: str, statute: str, *, allocated: bool = False) -> Finding:
    """PIPL 69(1) + Civil Code 1165(2): fault presumed; the defendant proves it had none, to
    the high-probability standard (Interp. 108(1)), as to the duties it owed (Civil Code
    1038(2), PIPL 9, 51, and 57 on remedying and notifying after a possible leak). Where a
    court allocated that burden by fairness (2001 Evidence Provisions Art. 7) the same test
    runs under that rule."""
    case = ctx.case
    answering, insufficient = _answering(ctx, defendant)
    rules = list(_rules(ctx, "fault.fairness" if allocated else "fault.presumed"))
    # the duties a processor must show it met are our elaboration, not the court's citation
    duties = [r for r in _rules(ctx, "fault.duties") if r not in rules]
    if allocated:
        opening = msg("fault.allocated", defendant=[defendant], plaintiff=[case.plaintiff])
    else:
        opening = msg("fault.presumed", statute=Cite((statute,)), defendant=[defendant])
    strict, strict_rules = _sensitive_messages(ctx) if answering or insufficient else ([], [])
    rules += [r for r in strict_rules if r not in rules]
    head = [opening, *strict]
    # no fault covers the duty to remedy and notify once a leak was possible (PIPL 57): shown
    # breached, no evidence of sound measures can prove it
    unremedied = ctx.evidence_in("unremedied", defendant=defendant)
    evidence = _ids(answering) + _ids(insufficient) + _ids(unremedied)
    withheld = _withheld(ctx, defendant)
    if answering and not unremedied:
        rules += [r for r in _rules(ctx, "fault.weighed") if r not in rules]
        key = (
            "fault.rebutted.assessment"
            if any(e.rung == "assessment" for e in answering)
            else "fault.rebutted.general"
        )
        return Finding(
            Result.NOT_ESTABLISHED if allocated else Result.REBUTTED,
            defendant,
            rules,
            [
                *head,
                msg(
                    key, defendant=[defendant], plaintiff=[case.plaintiff], evidence=_ids(answering)
                ),
            ],
            evidence,
            see_also=duties,
        )
    more = [msg("fault.withheld", defendant=[defendant], evidence=withheld)] if withheld else []
    if unremedied:
        rules += [r for r in _rules(ctx, "fault.unremedied") if r not in rules]
        duties = [r for r in duties if r not in rules]
        more.insert(
            0,
            msg(
                "fault.unremedied.presumed",
                defendant=[defendant],
                plaintiff=[case.plaintiff],
                failure=_ids(unremedied),
            ),
        )
    # a burden allocated by fairness is not a presumption: unproven, the defendant loses on it
    made_out = Result.ESTABLISHED if allocated else Result.PRESUMED
    if allocated:
        more += [
            msg("fault.allocated.unproven", defendant=[defendant]),
            msg("note.fault.allocated"),
        ]
    if insufficient:
        return Finding(
            made_out,
            defendant,
            rules,
            [
                *head,
                msg("fault.not_answered", evidence=_ids(insufficient), plaintiff=[case.plaintiff]),
                *more,
            ],
            evidence,
            see_also=duties,
        )
    silent = [] if allocated or answering else [msg("fault.no_rebuttal", defendant=[defendant])]
    return Finding(made_out, defendant, rules, [*head, *silent, *more], evidence, see_also=duties)


def _proof(ctx: Context, defendant: str) -> Finding:
    """Civil Code 1165(1), Interp. 90/108: the plaintiff proves fault, unless the level
    infers it from custody (an inference from experience, Evidence Provisions 10(1)(4), not a
    presumption by law, 10(1)(3); the reasoning of the 2017 Pang appeal)."""
    case = ctx.case
    unremedied = ctx.evidence_in("unremedied", defendant=defendant)
    if unremedied:  # a duty shown breached: fault proven, as to the harm it let happen
        liability = _rules(ctx, "fault.plaintiff_proves")[:1]
        return Finding(
            Result.ESTABLISHED,
            case.plaintiff,
            (*liability, *(r for r in _rules(ctx, "fault.unremedied") if r not in liability)),
            [
                msg(
                    "fault.unremedied",
                    defendant=[defendant],
                    plaintiff=[case.plaintiff],
                    evidence=_ids(unremedied),
                ),
                msg("note.fault.unremedied", defendant=[defendant]),
            ],
            _ids(unremedied),
        )
    if ctx.param("fault_inference") == "from_custody":
        several = len(case.defendants) > 1 and _group_size(ctx) > 1
        answering, _ = _answering(ctx, defendant)
        # the fault-liability rule being applied comes first, then the inference's own rules
        liability = _rules(ctx, "fault.plaintiff_proves")[:1]
        rules = (*liability, *(r for r in _rules(ctx, "fault.from_custody") if r not in liability))
        if answering:  # counter-evidence: the burden of persuasion stays with the plaintiff
            return Finding(
                Result.NOT_ESTABLISHED,
                case.plaintiff,
                rules,
                [msg("fault.inference_displaced", defendant=[defendant], evidence=_ids(answering))],
                _ids(answering),
            )
        key = "fault.inferred.group" if several else "fault.inferred"
        if ctx.doctrine.basis["fault_inference"] == "inferred":
            # the record's court is not reported to have said how it found fault: it states
            # only its conclusion, under the fault rule it applied; the inference is ours
            grounds = _rules(ctx, "fault.proven")
            return Finding(
                Result.ESTABLISHED,
                case.plaintiff,
                grounds,
                [
                    msg("fault.found", defendant=[defendant], plaintiff=[case.plaintiff]),
                    msg(f"note.{key}", defendant=[defendant]),
                ],
                see_also=[r for r in rules if r not in grounds],
            )
        return Finding(
            Result.ESTABLISHED,
            case.plaintiff,
            rules,
            [msg(key, defendant=[defendant])],
        )
    return Finding(
        Result.NOT_ESTABLISHED,
        case.plaintiff,
        _rules(ctx, "fault.plaintiff_proves"),
        [msg("fault.not_proven", plaintiff=[case.plaintiff], defendant=[defendant])],
    )


def _group_size(ctx: Context) -> int:
    """How many defendants remain possible sources (the inference speaks of 'the
    defendants' only when the leak is traced to several of them). Under joint danger by
    analogy a defendant that escaped on its proof of non-causation has left the group, so the
    fault step never speaks of a group the attribution step has already broken up."""
    analysis = possible_sources(ctx)
    group = [p for p in analysis.sources if p in ctx.case.defendants]
    view = ctx.param("several_defendants") if len(group) > 1 else None
    if view is None or not view.startswith("joint_danger"):
        return len(group)
    remaining = [d for d in group if not _non_causation_proof(ctx, d)]
    if view == "joint_danger_affirmative":
        return len(remaining)
    return 1 if len(remaining) == 1 else len(group)  # the negative view: only once identified


def fault(ctx: Context, defendant: str) -> Finding:
    """Fault, as the level's rule decides it (`_fault_rule`), with what the court says of
    evidence offered on fault that cannot carry it: a report of a breach (it says nothing of
    this plaintiff's data) and records of the processing already weighed on the source."""
    found = _fault_rule(ctx, defendant)
    said: list[Message] = []
    reports = _reports(ctx, "fault", defendant)
    if reports:
        said += _report_messages(ctx, defendant, reports)
        found.see_also = [
            *found.see_also,
            *(r for r in _rules(ctx, "attribution.report") if r not in found.see_also),
        ]
    records = _processing_records(ctx, defendant)
    if records:  # reached only where they did not displace the finding on the source
        said.insert(
            0,
            msg(
                "fault.records_on_source",
                defendant=[defendant],
                plaintiff=[ctx.case.plaintiff],
                evidence=_ids(records),
            ),
        )
    if said:  # the court's words go before the kit's notes
        at = next(
            (i for i, m in enumerate(found.messages) if m.key.startswith("note.")),
            len(found.messages),
        )
        found.messages[at:at] = said
    return found


def _fault_rule(ctx: Context, defendant: str) -> Finding:
    """Fault: proven by the plaintiff's own evidence, presumed (PIPL 69) where the level's
    `fault_rule` says so and the statute reaches the facts in time, else to be proven.

    Which law applies is for the court; only the dates are subject to proof. Under Interp. 91
    the plaintiff proves the facts that trigger Art. 69, so where the dates leave its reach
    in doubt (`temporal_anchor: act` with a window straddling the start date) the presumption
    does not apply, and the claim goes on under Civil Code 1165(1), where fault may still be
    inferred (Evidence Provisions 10(1)(4)). No step leaves the question open.

    A setting is never passed off as the law: one out of time when the court decided (a burden
    allocated by fairness after 2020-05-01) gives way to the law in force for the facts, and
    one that departs from a mandatory rule (the plaintiff proving fault where Art. 69 reaches
    the facts) is labelled a counterfactual.
    """
    case = ctx.case
    proven = ctx.evidence_in("fault", defendant=defendant, except_kinds=("context",))
    if proven:
        return Finding(
            Result.ESTABLISHED,
            case.plaintiff,
            _rules(ctx, "fault.proven"),
            [msg("fault.proven", defendant=[defendant], evidence=_ids(proven))],
            _ids(proven),
        )
    rule = ctx.param("fault_rule")
    if rule == "plaintiff_proves":
        found = _proof(ctx, defendant)
        if found.result is Result.NOT_ESTABLISHED and ctx.param("fault_inference") == "none":
            # a court that decided before any law presumed fault lost no presumption
            key = "note.fault.inference_open"
            presumed = rules_for(case, ctx.level, "fault.presumed")[:1]
            start = case.law.in_force(presumed[0]) if presumed else None
            if start is not None and _decided_before(case.levels[ctx.level].decided, start):
                key = "note.fault.inference_open.no_presumption"
            found.messages.append(msg(key))
        return _departure(ctx, found)
    if rule == "fairness_allocation":
        # the allocation rule itself (the slot's first id) decides; the slot's other ids (the
        # duty the defendant must show it met) are substantive and in force for the facts
        allocation = rules_for(case, ctx.level, "fault.fairness")[:1]
        if allocation and in_force(ctx, allocation):
            return _presumption(ctx, defendant, "", allocated=True)
        # a setting not in force when this court decided gives way to the law that was: the
        # presumption where it reaches the facts, else the general rule
        found = _in_time(ctx, defendant)
        found.messages[:0] = [
            msg("fault.fairness_not_in_force"),
            msg(_out_of_time_key(ctx, allocation), statute=Cite(allocation)),
        ]
        return found
    return _in_time(ctx, defendant)


def _out_of_time_key(ctx: Context, allocation: tuple[str, ...]) -> str:
    """Our note on a setting whose rule was not in force when the court decided: a rule not yet
    in force (尚未施行) is not one that had ceased to be (已经失效), and the note says which."""
    start = ctx.case.law.in_force(allocation[0]) if allocation else None
    decided = decided_window(ctx).end
    if start is not None and decided is not None and start > decided:
        return "note.fault.setting_not_yet_in_force"
    return "note.fault.setting_out_of_time"


def _in_time(ctx: Context, defendant: str) -> Finding:
    """The presumption (the first id of `fault.presumed`) where it reaches the facts in time,
    else fault to be proven under the general rule; the step says which, and why.

    The date of the facts decides, never the date of the judgment (Legislation Law 104). A
    court that decided before the statute existed cannot speak of it: its own voice names only
    the law of its day, and our note gives the reason in law, the dates of the facts."""
    case = ctx.case
    statute = rules_for(case, ctx.level, "fault.presumed")[0]
    start = case.law.in_force(statute)
    in_time = _rules(ctx, "fault.in_time")
    decided = case.levels[ctx.level].decided
    if start is not None and _decided_before(decided, start):
        branch = _proof(ctx, defendant)
        facts_end = facts_window(ctx).end or decided.end  # type: ignore[union-attr]
        retroactivity = _slot(ctx, "fault.not_retroactive")
        branch.messages.insert(0, msg("fault.no_law_then", defendant=[defendant]))
        branch.messages.insert(
            1,
            msg(
                "note.fault.no_law_then",
                statute=Cite((statute,)),
                date=start,
                facts_end=facts_end,  # type: ignore[arg-type]
                nonretroactivity=Cite(retroactivity),
            ),
        )
        branch.rules = (*in_time, *branch.rules)
        branch.see_also += [r for r in retroactivity if r not in branch.rules]
        return branch
    reach = applies(ctx, start)
    anchor = Term("anchor", ctx.param("temporal_anchor"))
    timing = dict(anchor=anchor, statute=Cite((statute,)), date=start or "")
    if reach is True:
        found = _presumption(ctx, defendant, statute)
        if start is not None and _some_fact_may_precede(ctx, start):
            why, analogy = _why_in_time(ctx, defendant, start, timing)
            found.messages.insert(1, why)
            found.see_also += [r for r in analogy if r not in found.see_also]
        return found
    branch = _proof(ctx, defendant)
    key = "fault.not_in_time" if reach is False else "fault.time_unproven"
    branch.messages.insert(0, msg(key, plaintiff=[case.plaintiff], **timing))
    branch.messages.append(msg("note.fault.time_analogy"))
    if ctx.param("fault_inference") == "none":
        branch.messages.append(msg("note.fault.inference_open"))
    trigger = _rules(ctx, "fault.trigger") if reach is None else ()
    branch.rules = (*in_time, *trigger, *branch.rules)
    return branch


def _why_in_time(
    ctx: Context, defendant: str, start: dt.date, timing: dict[str, Term | Cite | dt.date | str]
) -> tuple[Message, tuple[str, ...]]:
    """Where some fact may lie before the start date and the presumption still applies, which
    fact falls after it (our note), and the rule the note names by analogy.

    Judged by the first harm, the deciding fact (the harm) falls wholly after the start date:
    by analogy the rule for facts after a new law (the Civil Code's rule on time, Art. 1(1)),
    not the one for facts that continue past it. On the continuing and storage readings the
    collection of the data came (or may have come) before, the storage and the harm after:
    facts that continue past a new law's start fall under it (Art. 1(3), by analogy)."""
    when = dates(ctx)
    first = when.first_harm.start
    harm = max(start, first) if first is not None else start
    anchor = ctx.param("temporal_anchor")
    if anchor not in ("continuing", "storage"):
        analogy = _slot(ctx, "fault.in_time.after")
        key = f"note.fault.reach.{anchor}"
        return msg(key, harm=harm, analogy=Cite(analogy), **timing), analogy
    analogy = _slot(ctx, "fault.in_time.continuing")
    key = "note.fault.storage" if anchor == "storage" else "note.fault.reach.continuing"
    collected = when.collected.end
    if collected is None or collected >= start:  # the collection only may precede the start
        key += ".collection_open"
    return msg(key, defendant=[defendant], harm=harm, analogy=Cite(analogy), **timing), analogy


def _departure(ctx: Context, found: Finding) -> Finding:
    """A level told to make the plaintiff prove fault where the presumption is the law for
    these facts departs from the law: our note says so first, and names the rule departed
    from apart from the court's grounds. (Where the facts lie wholly before the statute,
    making the plaintiff prove fault is the law, and nothing is said.)"""
    case = ctx.case
    statute = rules_for(case, ctx.level, "fault.presumed")[0]
    start = case.law.in_force(statute)
    end = facts_window(ctx).end
    if start is None or (end is not None and end < start) or applies(ctx, start) is not True:
        return found
    anchor = Term("anchor", ctx.param("temporal_anchor"))
    found.messages.insert(
        0,
        msg(
            "note.fault.counterfactual",
            anchor=anchor,
            statute=Cite((statute,)),
            date=start,
            plaintiff=[case.plaintiff],
        ),
    )
    found.see_also += [
        r for r in _slot(ctx, "fault.presumed") if r not in found.rules and r not in found.see_also
    ]
    return found


def _decided_before(decided: Interval | None, start: dt.date) -> bool:
    """Did the court decide before `start` (so it cannot have spoken of that law)?"""
    return decided is not None and decided.end is not None and decided.end < start


def _some_fact_may_precede(ctx: Context, start: dt.date) -> bool:
    """Could some fact of the case (the collection of the leaked data, or some harm) lie
    before `start`? (Then the step says which fact brings the case within the statute's
    time.)"""
    window = facts_window(ctx)
    first = dates(ctx).first_harm.start
    return any(d is None or d < start for d in (window.start, first))


def remedy(ctx: Context, defendant: str) -> Finding:
    """What the plaintiff gets: each claim against this defendant is granted when its needs
    are shown. Apology: proportionate to the manner and reach of the infringement (Civil Code
    1000(1)); compensation: PIPL 69(2), 1182; distress only if serious (1183). Limitation
    (995) was not raised, and a court may not raise it of its own motion (193): it belongs in
    an instructor's note, not here."""
    case = ctx.case
    claims = [c for c in case.file.claims if not c.against or defendant in c.against]
    if not claims:
        return Finding(
            Result.NOT_ESTABLISHED, case.plaintiff, (), [msg("remedy.none", defendant=[defendant])]
        )
    granted, refused, missing, evidence, rules = [], [], [], [], []
    awarded: dict[str, float | None] = {}
    said: list[Message] = []  # what the court says of each sum
    for claim in claims:
        rules += [r for r in _rules(ctx, f"remedy.{claim.kind}") if r not in rules]
        lacking = []
        proven: list[Evidence] = []
        for need in (*case.pack.remedies[claim.kind].needs, *claim.needs):
            shown = ctx.evidence_in(need, defendant=defendant)
            evidence += _ids(shown)
            if need == "loss":
                proven += shown
            if not shown:
                lacking.append(need)
        if lacking:
            refused.append(claim.id)
            missing += [n for n in lacking if n not in missing]
        else:
            granted.append(claim.id)
            if case.pack.remedies[claim.kind].money:
                amounts = [e.amount for e in proven if e.amount is not None]
                loss = sum(amounts) if amounts else None
                awarded[claim.id] = award(claim, loss)
                said.append(_sum_message(claim, awarded[claim.id], loss))
    messages = []
    apology = [c for c in granted if case.claims[c].kind == "apology"]
    if apology:
        messages.append(msg("remedy.apology", defendant=[defendant], plaintiff=[case.plaintiff]))
    if granted:
        in_part = any(m.key == "remedy.amount_partial" for m in said)
        messages.append(
            msg(
                "remedy.granted_in_part" if in_part else "remedy.granted",
                remedies=granted,
                plaintiff=[case.plaintiff],
                defendant=[defendant],
            )
        )
    messages += said
    if refused:
        messages.append(
            msg("remedy.refused", refused=refused, missing=Terms("fact", tuple(missing)))
        )
    if apology:  # proportion weighed on this case: ours, as no court's reasons are reported
        harm = ctx.evidence_in("harm", defendant=defendant)
        messages.append(
            msg(
                "note.remedy.apology",
                defendant=[defendant],
                plaintiff=[case.plaintiff],
                fields=leaked_fields(ctx),
                evidence=_ids(harm),
            )
        )
    see_also: list[str] = []
    outside = [p for p in _present_partners(ctx, defendant) if p not in case.defendants]
    if granted and outside and joint_processing_applies(ctx):
        see_also += [r for r in _rules(ctx, "remedy.jointly") if r not in rules]
        messages.append(
            msg(
                "note.remedy.joint_partner",
                defendant=[defendant],
                partners=outside,
                plaintiff=[case.plaintiff],
            )
        )
    result = Result.ESTABLISHED if granted else Result.NOT_ESTABLISHED
    return Finding(
        result,
        case.plaintiff,
        rules,
        messages,
        evidence,
        remedies=granted,
        awarded=awarded,
        see_also=see_also,
    )


def _sum_message(claim: Claim, amount: float | None, loss: float | None) -> Message:
    """What the court says of a granted money claim's sum."""
    named = {"claim": [claim.id]}
    if claim.kind == "distress":  # assessed by the court, not proven (Civil Code 1183)
        return msg("remedy.amount_distress", **named)
    if amount is None:  # PIPL 69(2)'s last resort
        return msg("remedy.amount_open", **named)
    if claim.amount is not None and loss is not None and loss > claim.amount:
        return msg("remedy.amount_capped", **named, amount=Money(amount), proven=Money(loss))
    if claim.amount is not None and amount < claim.amount:
        return msg(
            "remedy.amount_partial", **named, amount=Money(amount), claimed=Money(claim.amount)
        )
    return msg("remedy.amount", **named, amount=Money(amount))


def award(claim: Claim, loss: float | None) -> float | None:
    """The sum a granted money claim yields: compensation follows the loss proven (PIPL
    69(2)), never more than was claimed; where the evidence proves no sum (`loss` None), or
    for distress (assessed, not proven), none: the court sets it on the actual circumstances."""
    if claim.kind != "compensation" or loss is None:
        return None
    return min(loss, claim.amount) if claim.amount is not None else loss


__all__ = [  # the issue tests (pack.yaml `test: {python: name}`) and hooks (`hooks:`)
    "attribution",
    "data_flow",
    "fault",
    "jointly_liable",
    "leak",
    "processor",
    "remedy",
]
