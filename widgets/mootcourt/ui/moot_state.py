"""The moot court's one state: the brief being written, its feedback, the mode, the language.

Why a state of its own: the widget (`ui.moot.MootCourt`) is several views (the points, the
editor, the feedback, the bench, the other side, judge mode, the round on the projector) that
must never disagree. They all draw from this object and never read each other. Every input
goes through one method here, which makes the new brief, checks it once with the core
(`mootcourt.moot.check_brief`), and saves it atomically (`save_brief`). A refused input (a
brief the core does not accept) changes nothing but `error`: nothing is raised into a
student's page.

Saving follows the core's promise that a student's work is never lost: the brief on disk is
replaced atomically, and a brief file that does not load (hand-edited, damaged) is never
overwritten; the work goes beside it (`autosave_path`) and `save_error` says where and why,
with the broken file's `file:line` problems. Building the state writes nothing: a notebook run
by nbval, or a page opened and closed, leaves the disk as it was.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import traitlets

from ..i18n import LANGUAGES
from ..moot import (
    COURT,
    Answer,
    Brief,
    BriefError,
    Point,
    autosave_path,
    check_brief,
    default_path,
    judge,
    load_brief,
    save_brief,
    student_folder,
)

if TYPE_CHECKING:
    from ..case import Case

ARGUE, BENCH, JUDGE = "argue", "bench", "judge"
MODES = (ARGUE, BENCH, JUDGE)
"""argue: build the brief and read the feedback; bench: answer the bench's questions;
judge: write the court's judgment and compare it with the engine's"""

REFUSED = (BriefError, KeyError, ValueError)
"""what the core raises for a brief it cannot check: a `BriefError`, or (for a reference the
widget's own controls never offer, e.g. a statute id set from code) the statute book's
`KeyError` or a doctrine `ValueError`; shown in `error`, never raised into the page"""

NONE = -1
"""`selected` when no point is selected (a brief with no points)"""


class MootState(traitlets.HasTraits):
    """A side's brief to one court, its feedback, and (in judge mode) a judgment and report."""

    brief = traitlets.Instance(Brief)
    """counsel's brief (argue and bench modes)"""
    judgment = traitlets.Instance(Brief)
    """the student's judgment for the same court (`side: court`), judge mode"""
    feedback = traitlets.Any(None)
    """`check_brief(brief)`: recomputed once per input to the brief"""
    report = traitlets.Any(None)
    """`judge(judgment)`: computed when judge mode is first shown, then once per input to it"""
    mode = traitlets.Enum(MODES, default_value=ARGUE)
    lang = traitlets.Enum(LANGUAGES, default_value="en")
    selected = traitlets.Int(NONE)
    """index of the point the editor and the bench show (in the brief of the current mode)"""
    saved_to = traitlets.Unicode("")
    """where the last save went ('' until the student changes something)"""
    save_error = traitlets.Unicode("")
    """why the last save could not go where it should: the broken file's `file:line`
    problems (the work was then saved beside it, at `saved_to`), or an OS error"""
    load_error = traitlets.Unicode("")
    """why the brief found on disk could not be resumed (`file:line` problems); the file is
    left as it is and the student's work goes beside it"""
    error = traitlets.Unicode("")
    """the last refused input (the brief was kept as it was)"""
    checks = traitlets.Int(0)
    """how many times the core checked a brief: one per input, none on language or selection"""
    revision = traitlets.Int(0)
    """one more after every accepted input (views observe it)"""

    def __init__(
        self,
        case: Case,
        lang: str = "en",
        *,
        path: str | Path | None = None,
        side: str | None = None,
        court: str | None = None,
        autosave: bool = True,
    ) -> None:
        super().__init__(lang=lang)
        self.case = case
        self.path = Path(path) if path is not None else None
        self.autosave = autosave
        court = court or list(case.levels)[-1]
        start = Brief(case=case.id, side=side or case.plaintiff, court=court, lang=lang)
        brief = self._resume(start, self.path)
        self._judge_path: Path | None = None
        judgment = Brief(case=case.id, side=COURT, court=brief.court, lang=lang)
        with self.hold_trait_notifications():
            self.brief = brief
            self.judgment = judgment
            self.feedback = self._check(brief)
            self.selected = 0 if brief.points else NONE

    def __repr__(self) -> str:
        b = self.brief
        return (
            f"<MootState {b.case} side={b.side} court={b.court} mode={self.mode} "
            f"lang={self.lang} points={len(b.points)}>"
        )

    # what the views read

    @property
    def current(self) -> Brief:
        """The brief the editor works on: the judgment in judge mode, else counsel's."""
        return self.judgment if self.mode == JUDGE else self.brief

    @property
    def point(self) -> Point | None:
        """The selected point of the current brief, if any."""
        points = self.current.points
        return points[self.selected] if 0 <= self.selected < len(points) else None

    def target(self, brief: Brief) -> Path:
        """Where `brief` is saved: the file the widget was opened on, or the student's folder
        (beside that file for the judgment)."""
        if brief.judging:
            folder = self.path.parent if self.path is not None else None
            return self._judge_path or default_path(brief, folder or _folder())
        return self.path or default_path(brief, _folder())

    # inputs: each one check (and one save)

    def choose_side(self, side: str) -> None:
        """Argue for another party: that party's brief to this court, resumed from the
        student's folder if there is one, else a new brief (the old one stays on disk)."""
        if side == self.brief.side:
            return
        self._switch(replace(self.brief, side=side, points=(), answers=()))

    def choose_court(self, court: str) -> None:
        """Address another court: that brief, resumed if saved; else these points to it."""
        if court == self.brief.court:
            return
        self._switch(replace(self.brief, court=court))
        self._set_judgment(replace(self.judgment, court=court, points=()), save=False)

    def set_author(self, author: str) -> None:
        author = author.strip()
        if author != self.current.author:
            self._commit(replace(self.current, author=author))

    def add_point(self, point: Point | None = None) -> None:
        """Add a point (by default: the next issue no point argues yet) and select it."""
        brief = self.current
        new = point or self._next_point(brief)
        if self._commit(brief.with_point(new)):
            self.selected = len(self.current.points) - 1

    def update_point(self, index: int, **changes: Any) -> None:
        """Change fields of one point (issue, claim, against, rules, evidence, doctrine,
        text); a change that leaves the point as it was costs nothing."""
        brief = self.current
        old = brief.points[index]
        new = replace(old, **changes)
        if new != old:
            self._commit(brief.replace_point(index, new))

    def remove_point(self, index: int) -> None:
        if self._commit(self.current.without_point(index)):
            self.selected = min(self.selected, len(self.current.points) - 1)

    def answer(self, question: str, text: str) -> None:
        """Record the answer to one of the bench's questions (stored, never graded)."""
        if self.brief.answer_to(question) != text:
            self._commit(self.brief.with_answer(Answer(question=question, text=text)))

    def open_brief(self, path: str | Path) -> None:
        """Show the brief in another file (the round on the projector: read only). A file
        that does not load is named in `load_error` with its `file:line` problems."""
        self.path = Path(path)
        empty = Brief(
            case=self.case.id, side=self.case.plaintiff, court=self.brief.court, lang=self.lang
        )
        brief = self._resume(empty, self.path)
        if self._commit_switched(brief):
            self.selected = 0 if brief.points else NONE

    # presentation: no check, no save

    def select(self, index: int) -> None:
        self.selected = index if 0 <= index < len(self.current.points) else NONE

    def set_mode(self, mode: str) -> None:
        """Argue, bench or judge; judge mode's report is computed when first shown."""
        if mode == self.mode:
            return
        with self.hold_trait_notifications():
            self.mode = mode
            if mode == JUDGE and self.report is None:
                self.report = self._judge(self.judgment)
            self.selected = 0 if self.current.points else NONE

    # the one path of every input

    def _commit(self, brief: Brief) -> bool:
        """Check `brief` once; take it (and save it) if the core accepts it, else keep the
        last good one and say why in `error`."""
        if brief.judging:
            return self._set_judgment(brief)
        return self._take(brief, min(self.selected, len(brief.points) - 1), save=True)

    def _set_judgment(self, brief: Brief, *, save: bool = True) -> bool:
        try:
            report = self._judge(brief) if (self.mode == JUDGE or self.report) else None
        except REFUSED as exc:
            self.error = _why(exc)
            return False
        with self.hold_trait_notifications():
            self.judgment = brief
            self.report = report
            self.error = ""
            if self.mode == JUDGE:
                self.selected = min(self.selected, len(brief.points) - 1)
            if save:
                self._save(brief)
            self.revision += 1
        return True

    def _switch(self, brief: Brief) -> None:
        """Another side or court: resume its saved brief if the folder has one (the status
        then names that file); else the brief carried over is a change, and is saved."""
        resumed = None
        if self.path is None:
            found = default_path(brief, _folder())
            brief = self._resume(brief, None)
            resumed = found if found.is_file() and not self.load_error else None
        if self._commit_switched(brief):
            self.selected = 0 if self.current.points else NONE
            if resumed is not None:
                self.saved_to, self.save_error = str(resumed), ""
            elif brief.points or brief.author:
                self._save(brief)

    def _commit_switched(self, brief: Brief) -> bool:
        return self._take(brief, 0 if brief.points else NONE, save=False)

    def _take(self, brief: Brief, selected: int, *, save: bool) -> bool:
        """Check `brief`; if the core accepts it, take it with `selected` (and save it when
        `save`), else keep the last good one and say why in `error`."""
        try:
            feedback = self._check(brief)
        except REFUSED as exc:
            self.error = _why(exc)
            return False
        with self.hold_trait_notifications():
            self.brief = brief
            self.feedback = feedback
            self.error = ""
            # in the same notification: no view ever sees a selection the brief lacks
            self.selected = selected
            if save:
                self._save(brief)
            self.revision += 1
        return True

    def _check(self, brief: Brief) -> Any:
        self.checks += 1
        return check_brief(brief, self.case)

    def _judge(self, brief: Brief) -> Any:
        return judge(brief, self.case) if brief.points else None

    def _resume(self, start: Brief, path: Path | None) -> Brief:
        """The brief saved for this side and court (or at `path`), if it loads; else `start`.
        A file that does not load is left untouched and named in `load_error`."""
        found = path if path is not None else default_path(start, _folder())
        if not found.is_file():
            return start
        try:
            brief = load_brief(found, self.case)
        except BriefError as exc:
            self.load_error = str(exc)
            return start
        if brief.case != self.case.id:
            self.load_error = f"{found}: argues '{brief.case}', not '{self.case.id}'"
            return start
        self.load_error = ""
        return replace(brief, lang=self.lang)

    def _save(self, brief: Brief) -> None:
        """Save atomically where it belongs; beside a broken file, never over it."""
        if not self.autosave:
            return
        target = self.target(brief)
        try:
            self.saved_to = str(save_brief(brief, target, self.case))
            self.save_error = ""
        except BriefError as exc:
            beside = autosave_path(target)
            try:
                self.saved_to = str(save_brief(brief, beside, self.case))
            except (BriefError, OSError) as again:
                self.saved_to = ""
                self.save_error = f"{exc}\n{again}"
                return
            self.save_error = str(exc)
            if brief.judging:
                self._judge_path = beside
            else:
                self.path = beside
        except OSError as exc:
            self.saved_to = ""
            self.save_error = f"{target}: {exc.strerror or exc}"

    def _next_point(self, brief: Brief) -> Point:
        """A new point on the first issue no point argues yet, claiming what the side needs:
        made out for the plaintiff, not made out for a defendant (the court's own finding is
        never pre-filled in judge mode: the student chooses)."""
        issues = self.issues()
        argued = {p.issue for p in brief.points}
        issue = next((i for i in issues if i not in argued), issues[0])
        claim = "not_established" if brief.side in self.case.defendants else "established"
        several = len(self.case.defendants) > 1 and brief.side not in self.case.defendants
        return Point(issue=issue, claim=claim, against=self.case.defendants[0] if several else None)

    def issues(self) -> list[str]:
        """The case's issues in the order the courts take them."""
        return list(self.case.pack.issues)


def _why(exc: Exception) -> str:
    return exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)


def _folder() -> Path:
    """The student's folder, without creating it (building the widget writes nothing)."""
    return student_folder(create=False)


__all__ = ["ARGUE", "BENCH", "JUDGE", "MODES", "NONE", "MootState"]
