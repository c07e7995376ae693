"""The whole what-if analysis of one case in one world: what `mootcourt explain` prints.

Each level is compiled once (`compile`); everything else (counts over every valid world,
influence, minimal conditions, the unknowns' effect, one-flip sensitivity, the doctrine
decomposition) is read off the compiled trees. The JSON shape is published as
`schemas/explain.schema.json` (see `analysis.schema`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..engine.evaluate import evaluate_level
from ..errors import DoctrineError, WorldError
from ..world import World
from . import wording
from .compile import LevelTree, compile_level
from .conditions import Condition, minimal_condition
from .decomposition import Decomposition, decompose, weakest
from .sensitivity import FlipEffect, Settled, evaluated, sensitivity, settled
from .space import Facts
from .worlds import LevelWorlds, every_world

if TYPE_CHECKING:
    from ..case import Case
    from ..doctrine import Doctrine
    from ..engine.evaluate import DoctrineOverrides


def doctrines_of(case: Case, overrides: DoctrineOverrides | None = None) -> dict[str, Doctrine]:
    """Each level's preset with the user's overrides (`--doctrine LEVEL.PARAM=VALUE`)."""
    overrides = overrides or {}
    for level in overrides:
        if level not in case.levels:
            raise DoctrineError(f"unknown level '{level}'; valid: {', '.join(case.levels)}")
    found = {}
    for level in case.levels:
        preset = case.doctrine(level)
        if overrides.get(level):
            preset = preset.with_values(overrides[level])
        found[level] = preset
    return found


def check_facts(case: Case, facts: Facts) -> dict[str, bool | None]:
    """Every toggle's value (missing ones from the record world), checked: unknown ids and
    values other than True/False/None are refused, and so are known facts that break a
    `requires` (a toggle on while what it requires is known to be off)."""
    record = case.record_world()
    for t, v in facts.items():
        if t not in case.toggles:
            raise WorldError(f"unknown toggle '{t}'; valid: {', '.join(case.toggles)}")
        if v is not None and not isinstance(v, bool):
            raise WorldError(f"toggle '{t}' must be True, False or None (unknown), not {v!r}")
    full = {t: facts[t] if t in facts else record[t] for t in case.toggles}
    known = World(case.toggles, {t: bool(v) for t, v in full.items()})
    broken = [
        (t, need) for t, need in known.violations() if full[t] is True and full[need] is False
    ]
    if broken:
        what = "; ".join(f"'{t}' requires '{need}', which is off" for t, need in broken)
        raise WorldError(f"invalid world: {what}")
    return full


@dataclass(frozen=True, slots=True)
class Explanation:
    case: Case
    facts: Mapping[str, bool | None]
    levels: tuple[str, ...]
    """the levels explained (all, or the one asked for)"""
    doctrines: Mapping[str, Doctrine]
    trees: Mapping[str, LevelTree]
    counts: Mapping[str, LevelWorlds]
    conditions: Mapping[str, Condition]
    sensitivity: tuple[FlipEffect, ...]
    settled: Mapping[str, Settled]
    decomposition: tuple[Decomposition, ...]
    settings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """level -> the doctrine parameters its figures rest on -> their basis"""

    def basis(self, level: str) -> str:
        """The weakest basis among the settings a level's figures rest on."""
        return weakest(self.case.record_basis, *self.settings.get(level, {}).values())

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON of `mootcourt explain --json` (see `schemas/explain.schema.json`)."""
        case = self.case
        settings = self.settings
        bases = {lv: self.basis(lv) for lv in self.levels}
        return {
            "case": case.id,
            "lang": lang,
            "levels": list(self.levels),
            "world": {t: _fact(v) for t, v in self.facts.items()},
            "sensitivity": [_effect(case, e, lang, bases) for e in self.sensitivity],
            "worlds": {lv: {"valid": c.valid, "liable": c.liable} for lv, c in self.counts.items()},
            "irrelevant": {lv: list(c.irrelevant) for lv, c in self.counts.items()},
            "influence": {lv: dict(c.influence) for lv, c in self.counts.items()},
            "conditions": {lv: [dict(t) for t in c.terms] for lv, c in self.conditions.items()},
            "condition_parts": {
                lv: {"common": dict(c.common), "factors": [list(f) for f in c.factors]}
                for lv, c in self.conditions.items()
            },
            "condition_text": {
                lv: wording.condition(case, c, lang, settings.get(lv))
                for lv, c in self.conditions.items()
            },
            "settled": {
                lv: {
                    "settled": s.settled,
                    "liable": s.result,
                    "depends_on": list(s.depends_on),
                    "text": wording.settled(case, s, lang, settings.get(lv)),
                }
                for lv, s in self.settled.items()
            },
            "decomposition": [_decomposition(case, d, lang) for d in self.decomposition],
            "basis": {
                lv: {
                    "basis": bases[lv],
                    "settings": dict(settings.get(lv, {})),
                    "text": wording.level_basis(case, lv, settings.get(lv, {}), lang),
                }
                for lv in self.levels
            },
        }

    def flips(self) -> dict[str, list[str]]:
        """toggle -> the levels whose result flipping it (from this world) changes."""
        return {e.toggle: list(e.flips()) for e in self.sensitivity}


def explain(
    case: Case,
    facts: Facts | None = None,
    doctrine: DoctrineOverrides | None = None,
    levels: Sequence[str] | None = None,
    *,
    conditions: bool = True,
    presets: Mapping[str, Doctrine] | None = None,
    compiled: bool = True,
) -> Explanation:
    """Analyse `case` in the world `facts` (record values for toggles not given; None means
    unknown) under each level's doctrine with the user's overrides.

    `levels` restricts the per-level parts to some levels; the decomposition always runs
    between consecutive levels of the case. `conditions=False` skips the minimisation (the
    What-if tab asks for it only when shown). `presets` gives each level's doctrine whole
    (as a judgment carries it) instead of overrides. `compiled=False` (a complete world
    only) answers the questions about this world by evaluating its one-flip neighbours
    instead of compiling every level: no counts, no conditions, the same sensitivity.
    """
    full = check_facts(case, facts or {})
    doctrines = dict(presets) if presets is not None else doctrines_of(case, doctrine)
    chosen = tuple(levels or case.levels)
    for level in chosen:
        if level not in case.levels:
            raise WorldError(f"unknown level '{level}'; valid: {', '.join(case.levels)}")
    pairs = list(pairwise(case.levels))
    if not compiled:
        if any(v is None for v in full.values()):
            raise WorldError("unknown facts need the compiled analysis")
        now, effects = evaluated(case, doctrines, chosen, full)
        reads = {
            lv: {
                p
                for step in evaluate_level(case, lv, doctrines[lv], full.__getitem__).steps
                for p in step.doctrine_reads
            }
            for lv in chosen
        }
        return Explanation(
            case=case,
            facts=full,
            levels=chosen,
            doctrines=doctrines,
            trees={},
            counts={},
            conditions={},
            sensitivity=effects,
            settled={lv: Settled(lv, now[lv][0], ()) for lv in chosen},
            decomposition=tuple(decompose(case, pair, doctrines, full) for pair in pairs),
            settings={lv: settings_of(doctrines[lv], reads[lv]) for lv in chosen},
        )
    trees = {lv: compile_level(case, lv, doctrines[lv]) for lv in chosen}
    counts = {lv: every_world(tree) for lv, tree in trees.items()}
    found = {lv: minimal_condition(trees[lv], counts[lv]) for lv in chosen} if conditions else {}
    return Explanation(
        case=case,
        facts=full,
        levels=chosen,
        doctrines=doctrines,
        trees=trees,
        counts=counts,
        conditions=found,
        sensitivity=sensitivity(trees, full),
        settled={lv: settled(tree, full) for lv, tree in trees.items()},
        decomposition=tuple(decompose(case, pair, doctrines, full) for pair in pairs),
        settings={
            lv: settings_of(doctrines[lv], tree.doctrine_reads) for lv, tree in trees.items()
        },
    )


def settings_of(doctrine: Doctrine, read: set[str] | frozenset[str]) -> dict[str, str]:
    """The parameters read, in the pack's order, each with its basis at this level."""
    return {p: doctrine.basis[p] for p in doctrine.values if p in read}


def _fact(value: bool | None) -> bool | str:
    return "unknown" if value is None else value


def _effect(case: Case, effect: FlipEffect, lang: str, bases: Mapping[str, str]) -> dict[str, Any]:
    flip = effect.flip
    return {
        "toggle": effect.toggle,
        "current": _fact(effect.current),
        "to": None if flip is None else flip.to,
        "unavailable": effect.unavailable,
        "blocked_by": [] if flip is None else list(flip.blocked_by),
        "cascade": [] if flip is None else list(flip.cascade),
        "levels": {
            lv: {
                "before": c.before,
                "after": c.after,
                "changes": c.changes,
                "issue": c.issue,
            }
            for lv, c in effect.levels.items()
        },
        "text": wording.flip(case, effect, lang, bases),
    }


def _decomposition(case: Case, found: Decomposition, lang: str) -> dict[str, Any]:
    return {
        "levels": list(found.levels),
        "start": found.start,
        "target": found.target,
        "reversal": found.reversal,
        "moves": [
            {
                "parameter": m.parameter,
                "from": {"value": m.before[0], "basis": m.before[1]},
                "to": {"value": m.after[0], "basis": m.after[1]},
                "necessary": m.necessary,
                "sufficient": m.sufficient,
                "pivotal": m.pivotal,
                "basis": m.basis,
            }
            for m in found.moves
        ],
        "subsets": [{"moves": list(made), "liable": r} for made, r in found.subsets],
        "paths": [
            {"order": list(p.order), "results": list(p.results), "pivot": p.pivot}
            for p in found.paths
        ],
        "text": wording.decomposition(case, found, lang),
    }
