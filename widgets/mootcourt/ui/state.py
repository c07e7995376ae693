"""The explorer's one state: world, doctrine overrides, language and selection, and the
judgment they give.

Every input goes through a method here and costs exactly one evaluation (counted at the
engine, `engine.counting`, not by hand); views never evaluate law and never read each other,
they re-render from (judgment, language, what changed). The What-if analysis is the state's
too (`whatif`): computed once per world and doctrine, only once asked for, and never inside an
input: the courts' new judgment reaches the page first (`ui.whatif_owner`). A click can never
raise into a student's page: toggles go through the `requires` cascade, doctrine values
through the one check, and overrides equal to the court's own value are dropped, so "as
decided" is simply the absence of an override.

`reload` takes an edited case file (see `ui.reload`): one evaluation, like any input, with the
world and doctrine carried over; a broken edit changes nothing but `reload_error`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import traitlets

from ..engine import Judgment, evaluate
from ..engine.counting import counting
from ..errors import CaseError, CaseNotFound, DoctrineError, WorldError
from ..i18n import LANGUAGES
from ..world import World
from . import changes
from .changes import Key
from .reload import Carried, carry_over, reread
from .whatif_owner import WhatIfOwner

if TYPE_CHECKING:
    from ..case import Case

NO_SCENARIO = -1


class ExplorerState(traitlets.HasTraits):
    """Inputs (world, doctrine, scenario), presentation (lang, selection) and the judgment."""

    world = traitlets.Instance(World)
    doctrine = traitlets.Dict()
    """level id -> {parameter: value}, only values that differ from the court's own"""
    scenario = traitlets.Int(NO_SCENARIO)
    """index into `case.scenarios` of the prepared hypothetical being shown, or -1"""
    lang = traitlets.Enum(LANGUAGES, default_value="en")
    defendant = traitlets.Unicode()
    selected_issue = traitlets.Unicode()
    judgment = traitlets.Instance(Judgment)
    changed = traitlets.Instance(frozenset, args=())
    """view keys (see `changes.Key`) whose content the last input changed"""
    evaluations = traitlets.Int(0)
    """how many whole evaluations the engine ran for the inputs (counted by the engine): one
    per input, never on a language or selection change"""
    level_runs = traitlets.Int(0)
    """every run of a level the engine made for this state, the What-if analysis included
    (counted by the engine)"""
    whatif = traitlets.Any(None, allow_none=True)
    """the What-if analysis (`analysis.Explanation`) of the current world and doctrines, or
    None while it is stale or was never asked for (`request_whatif`)"""
    whatif_pending = traitlets.Bool(False)
    """an analysis was asked for and is being computed (views show "computing…")"""
    revision = traitlets.Int(0)
    """one more after every input, even one whose judgment equals the last (views observe it)"""
    reloads = traitlets.Int(0)
    """how many reloads took an edited case (a failed one does not count)"""
    last_reload = traitlets.Instance(Carried, allow_none=True)
    """what the last reload carried over, until the next input (the views show it briefly)"""
    reload_error = traitlets.Unicode("")
    """the last failed reload's problems, one `path:line: field: message` a line; cleared by
    the next good reload"""

    def __init__(self, case: Case, lang: str = "en") -> None:
        record = case.record_world()
        with counting() as runs:
            judgment = evaluate(case, record)
        super().__init__(
            world=record,
            lang=lang,
            defendant=case.defendants[0],
            judgment=judgment,
            evaluations=runs.judgments,
            level_runs=runs.levels,
        )
        self.case = case
        self._whatif = WhatIfOwner(self._whatif_delivered)
        self.select(*self._first_reading(self.judgment))

    def __repr__(self) -> str:
        flipped = sorted(self.world.changed_from(self.case.record_world()).items())
        return (
            f"<ExplorerState {self.case.id} lang={self.lang} changes={flipped} "
            f"doctrine={dict(sorted(self.doctrine.items()))}>"
        )

    # inputs: each is one evaluation

    def set_toggle(self, toggle_id: str, value: bool) -> None:
        """Turn an item of evidence or a party on or off; what requires it follows it off.
        Turning on a toggle whose requirement is off raises `WorldError` (views disable it)."""
        self._commit(self.world.with_toggles({toggle_id: value}, cascade=True), self.doctrine)

    def set_doctrine(self, level_id: str, param: str, value: str) -> None:
        """Set one court's value for one parameter (its own value removes the override)."""
        wanted = {level: dict(params) for level, params in self.doctrine.items()}
        wanted.setdefault(level_id, {})[param] = value
        base = self.case.doctrine(level_id)
        wanted[level_id] = {p: v for p, v in wanted[level_id].items() if base[p] != v}
        self._commit(self.world, wanted)

    def as_decided(self, level_id: str) -> None:
        """Drop every override of one court: its doctrine as the court held it."""
        self.case.check_level(level_id)
        self._commit(self.world, {k: v for k, v in self.doctrine.items() if k != level_id})

    def apply_scenario(self, index: int) -> None:
        """Show a prepared hypothetical: its toggles and doctrine on the record, nothing else."""
        scenario = self.case.scenarios[index]
        world = self.case.record_world().with_toggles(scenario.toggles)
        self._commit(world, scenario.doctrine, index)

    def reset(self) -> None:
        """Back to the record: every toggle and every court's doctrine as the courts had them."""
        self._commit(self.case.record_world(), {})

    def reload(self) -> bool:
        """Read the case's files again and carry the world and doctrine over to the new case.

        True when the edited case was taken. A broken edit (or a file caught half-saved)
        keeps the last good case, world and judgment, and puts its problems in
        `reload_error`; nothing is raised into the page.
        """
        try:
            carried = carry_over(self.case, self.world, self.doctrine, reread(self.case))
            with counting() as runs:
                judgment = evaluate(carried.case, carried.world, carried.doctrine)
        except CaseError as exc:
            self.reload_error = str(exc)
            return False
        except (CaseNotFound, OSError) as exc:  # renamed or unreadable mid-save
            self.reload_error = f"{self.case.path}: {exc}"
            return False
        shown = _same_scenario(self.case, self.scenario, carried)
        before, self.case = self.judgment, carried.case
        if self.defendant in carried.case.defendants:
            selection = (self.selected_issue, self.defendant)
        else:
            selection = self._first_reading(judgment)
        with self.hold_trait_notifications():
            same_shape = _shape(before) == _shape(judgment)
            self.changed = changes.changed(before, judgment) if same_shape else frozenset()
            self.world = carried.world
            self.doctrine = carried.doctrine
            self.scenario = shown
            self.evaluations += runs.judgments
            self.level_runs += runs.levels
            self.judgment = judgment
            self.reload_error = ""
            self.last_reload = carried
            self.reloads += 1
            self.select(*selection)
            self.whatif, self.whatif_pending = None, self._whatif.wanted
            self.revision += 1
        self._whatif.forget()
        self._whatif.schedule(self.case, self._current)
        return True

    # presentation: no evaluation

    def select(self, issue: str, defendant: str | None = None) -> None:
        """Choose the issue (and defendant) the reading pane shows."""
        with self.hold_trait_notifications():
            if defendant is not None:
                self.defendant = defendant
            self.selected_issue = issue

    def _commit(
        self, world: World, doctrine: Mapping[str, Mapping[str, str]], scenario: int = NO_SCENARIO
    ) -> None:
        overrides = self.case.doctrine_overrides(doctrine)
        with counting() as runs:
            judgment = evaluate(self.case, world, overrides)
        # back at the record (reset, or the last change undone): nothing is marked "changed",
        # every cell shows what the courts had
        at_record = world == self.case.record_world() and not overrides
        with self.hold_trait_notifications():
            self.changed = frozenset() if at_record else changes.changed(self.judgment, judgment)
            self.world = world
            self.doctrine = overrides
            self.scenario = scenario
            self.evaluations += runs.judgments
            self.level_runs += runs.levels
            self.judgment = judgment
            self.last_reload = None
            self.whatif, self.whatif_pending = None, self._whatif.wanted
            self.revision += 1
        # after the courts' notifications: the What-if follows at the loop's next turn
        self._whatif.schedule(self.case, self._current)

    # the What-if analysis: the state's, off the click path

    def request_whatif(self) -> None:
        """Someone wants the What-if analysis (its tab was opened): from now on it follows
        every input, a turn of the event loop after the courts."""
        if self._whatif.wanted:
            return
        self._whatif.wanted = True
        self.whatif_pending = self.whatif is None
        self._whatif.schedule(self.case, self._current)

    def settle(self) -> None:
        """Compute a pending What-if analysis now (what the loop's next turn would do)."""
        self._whatif.settle(self.case, self._current)

    @property
    def whatif_runs(self) -> int:
        """The runs of a level the What-if analyses took (counted by the engine)."""
        return self._whatif.runs.levels

    def _current(self) -> Judgment:
        return self.judgment

    def _whatif_delivered(self, report: object, pending: bool, runs: int) -> None:
        with self.hold_trait_notifications():
            self.level_runs += runs
            self.whatif_pending = pending
            self.whatif = report

    @staticmethod
    def _first_reading(judgment: Judgment) -> tuple[str, str]:
        """Open the reading pane where the courts part ways (else on the first issue)."""
        d = judgment.divergence
        if d is not None:
            return d.issue, d.defendant
        first = judgment.levels[0].steps[0]
        return first.issue, first.defendant


def _shape(judgment: Judgment) -> tuple[object, ...]:
    """The levels and steps a judgment has: two judgments of one shape can be compared
    cell by cell (`changes.changed`); a reload that adds a level or a defendant cannot."""
    return tuple((lv.id, tuple(changes.step_key(s) for s in lv.steps)) for lv in judgment.levels)


def _same_scenario(old: Case, index: int, carried: Carried) -> int:
    """The reloaded case's index of the prepared hypothetical on show, if one of that name
    is still there and still gives the carried world and doctrine; else none is on show
    (the student's world is kept, never re-set to what an edited scenario now says)."""
    if index == NO_SCENARIO:
        return NO_SCENARIO
    name = old.scenarios[index].name
    new = carried.case
    for i, scenario in enumerate(new.scenarios):
        if scenario.name != name:
            continue
        try:
            world = new.record_world().with_toggles(scenario.toggles)
            doctrine = new.doctrine_overrides(scenario.doctrine)
        except (WorldError, DoctrineError):
            return NO_SCENARIO
        same = world == carried.world and doctrine == carried.doctrine
        return i if same else NO_SCENARIO
    return NO_SCENARIO


__all__ = ["NO_SCENARIO", "ExplorerState", "Key"]
