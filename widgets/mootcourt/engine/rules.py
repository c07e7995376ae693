"""Which statute articles each reasoning step rests on (after Catala: the rule beside the law).

A rule slot names one kind of step; its default ids are the law in force today. A case decided
under earlier law (the 2017 Pang case, under the Tort Liability Law) overrides slots in its
case file's `rules:` section. The first id of `fault.presumed` is the article that creates the
presumption: its in-force date decides whether the presumption reaches the facts in time.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

RULE_SLOTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # the defendant decides purposes and means of processing the plaintiff's data
        "processor": ("pipl-73", "pipl-4"),
        # a party processing on another's behalf does not decide them
        "processor.entrusted": ("pipl-21", "pipl-73"),
        # the data reached third parties and harmed privacy / personal-information rights
        "leak": ("cc-1032", "cc-1033", "cc-1034"),
        # causation: plaintiff's burden, high probability; counter-evidence need only unsettle it
        "attribution": ("cpl-interp-90", "cpl-interp-108"),
        # a leak through an entrusted processor stays inside the principal's processing
        "attribution.entrusted": ("pipl-21", "pipl-59"),
        # the plaintiff's own evidence of the defendant's failure of a security duty
        "fault.proven": ("cc-1165", "cc-1038"),
        # presumed fault: the first id is the presumption's source, its date decides reach in time
        "fault.presumed": ("pipl-69", "cc-1165"),
        # ordinary fault liability: the plaintiff proves fault
        "fault.plaintiff_proves": ("cc-1165", "cpl-interp-90", "cpl-interp-108"),
        # fault inferred from a leak out of the defendant's custody
        "fault.from_custody": ("cc-1038", "pipl-9", "evidence-10"),
        # no retroactivity: the presumption does not reach facts before it took effect (the
        # Civil Code's rules on time, cc-time-1 to 3, apply to PIPL by analogy only: the
        # text says so rather than citing them as a basis)
        "fault.in_time": ("legislation-law-104",),
        # the appeal court in Liu ordered the apology "according to" PIPL 69; Civil Code 1000
        # is cited for paragraph (1), proportionality (paragraph (2) is enforcement only)
        "remedy.apology": ("pipl-69", "cc-995", "cc-1000"),
        "remedy.compensation": ("pipl-69", "cc-1182"),
        "remedy.distress": ("cc-1183",),
    }
)


def rules_for(overrides: Mapping[str, list[str]], slot: str) -> tuple[str, ...]:
    """The ids a step of this slot cites in one case: the case's override, else the default."""
    ids = overrides.get(slot)
    return tuple(ids) if ids is not None else RULE_SLOTS[slot]
