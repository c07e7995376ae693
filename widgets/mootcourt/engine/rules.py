"""Which statute articles each reasoning step rests on (after Catala: the rule beside the law).

A rule slot names one kind of step; its default ids are the law in force today. A case decided
under earlier law (the 2017 Pang case, under the Tort Liability Law) overrides slots in its
case file's `rules:` section, and one court's own reading overrides a slot under that level's
`rules:` (level > case > engine). The first id of `fault.presumed` is the article that creates the
presumption: its in-force date decides whether the presumption reaches the facts in time.

Ids may point into an article (`cc-1165(1)`: paragraph 1; `evidence-10(1)(4)`: item 4 of
paragraph 1); the statute book checks that the paragraph or item exists. A step cites only
the ids of its slot that are in force on the dates it judges (`temporal.in_force`); where none
is, it cites the slot's `.earlier` alternative and speaks that law's terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..case import Case

RULE_SLOTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # the defendant decides purposes and means of processing the plaintiff's data
        "processor": ("pipl-73(1)", "pipl-4"),
        # facts before PIPL: the Civil Code's information processor (its duties, Art. 1038)
        "processor.earlier": ("cc-1034", "cc-1038"),
        # processors that decide purposes and means together (joint processing)
        "processor.joint": ("pipl-20(1)", "pipl-73(1)"),
        # a party processing on another's behalf does not decide them
        "processor.entrusted": ("pipl-21", "pipl-73(1)"),
        "processor.entrusted.earlier": ("cc-1038",),
        # the data reached third parties: a leak (泄露) infringing privacy, read with the rule
        # that private information follows the privacy rules first (whether these fields are
        # 私密信息 is debatable, and the step says so); the harm: the callers' harassment
        # disturbed the peace of private life
        "leak": ("cc-1032(1)", "cc-1034(3)", "cc-1033(1)"),
        # causation: plaintiff's burden, high probability; counter-evidence need only unsettle it
        "attribution": ("cpl-interp-90", "cpl-interp-108(1)", "cpl-interp-108(2)"),
        # on appeal: the court reviews the facts and the law within the appeal's scope
        "attribution.appeal_scope": ("cpl-175",),
        # several defendants as the only possible sources: the inference the court draws
        # within the group (a case decided under earlier law names its own article)
        "attribution.group": (),
        # a leak through an entrusted processor stays inside the principal's processing
        "attribution.entrusted": ("pipl-21", "pipl-59"),
        # a leak from a joint processing is the joint processors' own, whoever's hand it was
        "attribution.joint_processing": ("pipl-20(2)",),
        # several defendants as the only possible sources: joint dangerous conduct by analogy
        # (our reconstruction; the first id in force on the facts is used)
        "attribution.joint_danger": ("tll-10", "cc-1170"),
        # how a defendant escapes under the affirmative view: proving its own non-causation
        "attribution.joint_danger.escape": (),
        # an order to produce a document, and the court's discretion on refusal
        "attribution.withheld": (
            "cpl-interp-112",
            "evidence-45",
            "evidence-46",
            "evidence-47",
            "evidence-99-2",
        ),
        # late evidence before the appeal court: admitted where it bears on basic facts, and
        # cross-examined
        "attribution.new_on_appeal": (
            "cpl-175",
            "cpl-interp-101",
            "cpl-interp-102",
            "cpl-interp-103",
        ),
        # a competing rule on evidence new on appeal, where the law of the time had one (the
        # 2001 Evidence Provisions' "new evidence"): named in our note, never as a ground
        "attribution.new_on_appeal.competing": (),
        # the plaintiff's own evidence of the defendant's failure of a security duty
        "fault.proven": ("cc-1165(1)", "cc-1038(2)", "pipl-9", "pipl-51"),
        # presumed fault: the first id is the presumption's source, its date decides reach in
        # time; a fact presumed by law needs no proof (evidence-10(1)(3)), in contrast with an
        # inference from experience (10(1)(4)): the contrast the fault switch teaches
        "fault.presumed": ("pipl-69(1)", "cc-1165(2)", "evidence-10(1)(3)"),
        # what no fault means: the duties breached (security; remedy and notify on a leak)
        "fault.duties": ("cc-1038(2)", "pipl-9", "pipl-51", "pipl-57"),
        # sensitive personal information leaked: strict protection measures, the duties of 51
        "fault.sensitive": ("pipl-28(1)", "pipl-28(2)", "pipl-51"),
        # rebuttal evidence weighed freely, to the high-probability standard
        "fault.weighed": ("cpl-interp-105", "cpl-interp-108(1)"),
        # what a plaintiff can do when the account of who holds what is missing (a note)
        "attribution.missing_account": ("cpl-interp-112",),
        # records of how the plaintiff's data was processed are weighed on the source first, as
        # electronic data whose completeness and authenticity the court judges
        "attribution.logs": ("evidence-93", "evidence-94"),
        # a report of a breach proves nothing about this plaintiff's data; what it can do: ground
        # an application to produce, or support an inference together with more (a note)
        "attribution.report": ("cpl-interp-112", "evidence-10(1)(4)"),
        # a timely application for an order to produce: the court must rule on it
        "attribution.application": ("cpl-interp-112", "evidence-45", "evidence-46"),
        # several possible sources outside one joint processing: the rules on several
        # tortfeasors (our note; the first ids for facts before 2021, the Civil Code's after)
        "attribution.several": ("tll-8", "tll-10", "cc-1168", "cc-1170", "cc-1171", "cc-1172"),
        # once a leak was possible: remedy at once and notify the person
        "fault.unremedied": ("pipl-57", "cc-1038(2)"),
        # the court allocates the burden of proving no fault by fairness (pre-2020 rules)
        "fault.fairness": ("evidence-2001-7",),
        # ordinary fault liability: the plaintiff proves fault
        "fault.plaintiff_proves": ("cc-1165(1)", "cpl-interp-90", "cpl-interp-108(1)"),
        # fault inferred from a leak out of the defendant's custody: an inference from
        # experience (evidence-10(1)(4)), not a presumption by law (10(1)(3))
        "fault.from_custody": ("cc-1038(2)", "pipl-9", "evidence-10(1)(4)"),
        # no retroactivity: the presumption does not reach facts before it took effect (the
        # Civil Code's rules on time, cc-time-1 to 3, apply to PIPL by analogy only: the
        # text says so rather than citing them as a basis)
        "fault.in_time": ("legislation-law-104",),
        # the same principle named in our note where a court decided before the law existed:
        # the date of the facts, not of the judgment, keeps the law from them (a case whose
        # court cites no rule on time names none in `fault.in_time`, but the note still does)
        "fault.not_retroactive": ("legislation-law-104",),
        # facts that began before a law and continue after it fall under it: the Civil Code's
        # rule on time, applied to PIPL by analogy only (named in our note, never as a ground)
        "fault.in_time.continuing": ("cc-time-1(3)",),
        # judged by a fact that falls wholly after the law's start (the first harm): by analogy
        # the Civil Code's rule for facts after a new law (our note, never a ground)
        "fault.in_time.after": ("cc-time-1(1)",),
        # the plaintiff proves the facts (here: the dates) that trigger a presumption
        "fault.trigger": ("cpl-interp-91",),
        # the apology: Liu's appeal court ordered it "according to" PIPL 69; it must be
        # proportionate to the manner and reach of the infringement (Civil Code 1000(1);
        # 1000(2) is enforcement by publication). Limitation (995) is for an instructor's note:
        # it was not raised, and a court may not raise it of its own motion (193).
        "remedy.apology": ("pipl-69(1)", "cc-1000(1)"),
        "remedy.compensation": ("pipl-69(2)", "cc-1182"),
        # joint processors that infringe are jointly and severally liable
        "remedy.jointly": ("pipl-20(2)",),
        # the appeal's disposition: dismissed and affirmed, or reversed for an error of law or
        # fact (a case decided under an earlier numbering names none it cannot cite)
        "disposition.dismissed": ("cpl-177(1)(1)",),
        "disposition.allowed": ("cpl-177(1)(2)",),
        "remedy.distress": ("cc-1183",),
    }
)


def rules_for(case: Case, level: str | None, slot: str) -> tuple[str, ...]:
    """The ids a step of this slot cites at one level of one case: the level's own override
    (one court may cite an article the others do not), else the case's, else the engine's.
    `level` None asks for the case-wide ids."""
    for layer in case.layers(level):
        ids = layer.rules.get(slot)
        if ids is not None:
            return tuple(ids)
    return RULE_SLOTS[slot]


def has_slot(case: Case, level: str | None, slot: str) -> bool:
    """Does this slot exist at this level: in the engine, or named by the case or the level?
    (An `.earlier` alternative exists only where someone wrote one.)"""
    return slot in RULE_SLOTS or any(slot in layer.rules for layer in case.layers(level))
