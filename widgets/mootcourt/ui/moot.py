"""The moot court widget: prepare and argue either side, face the bench, write the judgment.

    from mootcourt import load_case
    from mootcourt.ui import MootCourt
    MootCourt(load_case("liu-v-platform-2024"), lang="en")

A student chooses the side and the court, builds points from the case's own vocabulary (the
issues, results, statutes, items of evidence and doctrine values by their labels, never by
id), and reads what the core computes for each point: whether it holds at that court, whether
it is the issue that decides, the other side's best answer, and the bench's questions (answer
boxes; answers are saved). The other side's brief is one click away; judge mode has the
student write the court's judgment and compares it issue by issue with the engine's.

Composition only: `MootState` (`ui.moot_state`) owns the brief and checks it once per input
with `mootcourt.moot.check_brief`; the views here draw from the state and never evaluate law.
Every change is saved at once, atomically, through `mootcourt.moot.save_brief`; a brief file
that does not load is never overwritten (the work goes beside it, and the page says where).

`projector=True` is the round on the projector: large type, one point at a time (counsel's
point, then the bench's questions, then the other side's reply), driven by → ← / PageDown
PageUp (`ui.keys.ArrowKeys`) or the buttons; nothing is written in that mode. Under Voila,
`MootCourt.from_environment()` builds it from `mootcourt present --moot BRIEF`'s settings.
"""

from __future__ import annotations

import base64
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import ipywidgets as widgets
import traitlets

from ..i18n import LANGUAGES
from ..moot import BriefError, list_briefs, load_brief, student_folder
from . import moot_views as views
from .language import LanguageSwitch
from .moot_state import BENCH, JUDGE, MODES, MootState
from .style import moot_style
from .words import Words, e

if TYPE_CHECKING:
    from ..case import Case

ROOT = "mc-moot"
PROJECTOR = "mc-moot-projector"
ENV_BRIEF = "MOOTCOURT_MOOT"
"""the brief `mootcourt present --moot BRIEF` shows first (a path), passed to the kernel"""


class MootCourt(widgets.VBox):
    """Choose a side and a court, build the brief point by point, read the feedback and the
    bench's questions, see the other side's brief, write the judgment. Root class `mc-moot`."""

    slide = traitlets.Int(0)
    """the round's position on the projector (one point: its point, questions, reply)"""

    def __init__(
        self,
        case: Case,
        lang: str = "en",
        path: str | os.PathLike[str] | None = None,
        side: str | None = None,
        court: str | None = None,
        *,
        projector: bool = False,
        theme: str = "light",
    ) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}'; valid: {', '.join(LANGUAGES)}")
        self.case = case
        self.projector = projector
        self.state = MootState(
            case, lang, path=path, side=side, court=court, autosave=not projector
        )
        self._filling = False
        self.title = widgets.HTML()
        self.title.add_class("mc-moot-title")
        self.language = LanguageSwitch(lang, self._switch_language)
        header = widgets.HBox([self.title, self.language])
        header.add_class("mc-moot-header")
        self.status = widgets.HTML()
        self.status.add_class("mc-moot-status")
        children = self._build_round() if projector else self._build_workbench()
        super().__init__([moot_style(), header, self.status, *children])
        self.add_class(ROOT)
        self.add_class(f"mc-case-{case.id}")
        self.add_class(f"mc-theme-{theme}")
        if projector:
            self.add_class(PROJECTOR)
        self.state.observe(self._render, ["revision", "lang", "mode", "selected", "error"])
        self.state.observe(self._render_status, ["saved_to", "save_error", "load_error"])
        self.observe(self._render, "slide")
        self._render()

    def __repr__(self) -> str:
        b = self.state.brief
        kind = "round" if self.projector else self.state.mode
        return f"<MootCourt {b.case} {kind} side={b.side} court={b.court} lang={self.state.lang}>"

    @classmethod
    def from_environment(cls) -> MootCourt:
        """The round `mootcourt present --moot BRIEF` (or the instructor's notebook) asked
        for: the case, language and theme from the environment (and `?lang=` in the URL),
        the brief from `MOOTCOURT_MOOT`, else the newest brief in the student folder."""
        from ..case import load_case
        from ..present import DEFAULT_CASE, ENV_CASE, ENV_LANG, ENV_THEME

        if os.environ.get("VOILA_PREHEAT") == "True":
            from voila.utils import wait_for_request

            wait_for_request()
        query = parse_qs(os.environ.get("QUERY_STRING", ""))
        lang = query.get("lang", [os.environ.get(ENV_LANG, "en")])[0]
        theme = os.environ.get(ENV_THEME, "light")
        brief = os.environ.get(ENV_BRIEF) or _newest_brief()
        case = load_case(os.environ.get(ENV_CASE, DEFAULT_CASE))
        if brief is not None:
            # the brief names its case: show that one, whatever MOOTCOURT_CASE says (a brief
            # that does not load is shown in the page, file:line, by the state)
            with contextlib.suppress(BriefError):
                case = load_case(load_brief(brief).case)
        return cls(
            case,
            lang if lang in LANGUAGES else "en",
            path=brief,
            projector=True,
            theme=theme if theme in ("light", "dark") else "light",
        )

    # ------------------------------------------------------------------ the workbench

    def _build_workbench(self) -> list[widgets.Widget]:
        case = self.case
        self.side = widgets.Dropdown(options=[], layout=widgets.Layout(width="auto"))
        self.side.add_class("mc-moot-side")
        self.court = widgets.Dropdown(options=[], layout=widgets.Layout(width="auto"))
        self.court.add_class("mc-moot-court")
        self.author = widgets.Text(continuous_update=False, layout=widgets.Layout(width="auto"))
        self.author.add_class("mc-moot-author")
        self.mode = widgets.ToggleButtons(options=[], style={"button_width": "auto"})
        self.mode.add_class("mc-moot-mode")
        setup = widgets.HBox([self.side, self.court, self.author, self.mode])
        setup.add_class("mc-moot-setup")
        setup.layout.flex_flow = "row wrap"
        self.points = widgets.ToggleButtons(options=[], style={"button_width": "auto"})
        self.points.add_class("mc-moot-points")
        self.points_head = widgets.HTML()
        self.points_head.add_class("mc-moot-head")
        self.add = widgets.Button(layout=widgets.Layout(width="auto"))
        self.add.add_class("mc-moot-add")
        left = widgets.VBox([self.points_head, self.points, self.add])
        left.add_class("mc-moot-list")
        self.editor = PointEditor(case, self.state, self._refused)
        self.feedback = widgets.HTML()
        self.feedback.add_class("mc-moot-feedback")
        self.bench = widgets.VBox()
        self.bench.add_class("mc-moot-bench")
        self._answers: dict[str, widgets.Textarea] = {}
        self._questions: dict[str, widgets.HTML] = {}
        self.report = widgets.HTML()
        self.report.add_class("mc-moot-report")
        right = widgets.VBox([self.editor, self.feedback, self.bench, self.report])
        right.add_class("mc-moot-detail")
        body = widgets.HBox([left, right])
        body.add_class("mc-moot-body")
        body.layout.flex_flow = "row wrap"
        self.summary = widgets.HTML()
        self.summary.add_class("mc-moot-summary")
        self.opposing = widgets.HTML()
        self.opposing.add_class("mc-moot-opposing")
        self.export_md = widgets.Button(layout=widgets.Layout(width="auto"))
        self.export_md.add_class("mc-moot-export-md")
        self.export_html = widgets.Button(layout=widgets.Layout(width="auto"))
        self.export_html.add_class("mc-moot-export-html")
        self.exported = widgets.HTML()
        self.exported.add_class("mc-moot-exported")
        export = widgets.HBox([self.export_md, self.export_html, self.exported])
        export.add_class("mc-moot-export")
        export.layout.flex_flow = "row wrap"
        self.side.observe(self._side_chosen, "value")
        self.court.observe(self._court_chosen, "value")
        self.author.observe(self._author_written, "value")
        self.mode.observe(self._mode_chosen, "value")
        self.points.observe(self._point_chosen, "value")
        self.add.on_click(lambda _: self.state.add_point())
        self.export_md.on_click(lambda _: self.export("md"))
        self.export_html.on_click(lambda _: self.export("html"))
        return [setup, body, self.summary, self.opposing, export]

    # ------------------------------------------------------------------ the round

    def _build_round(self) -> list[widgets.Widget]:
        from .keys import ArrowKeys

        self.choose = widgets.Dropdown(options=[], layout=widgets.Layout(width="auto"))
        self.choose.add_class("mc-moot-choose")
        self.choose.observe(self._brief_chosen, "value")
        self.previous_button = widgets.Button()
        self.previous_button.add_class("mc-prev")
        self.previous_button.on_click(lambda _: self.step(-1))
        self.next_button = widgets.Button()
        self.next_button.add_class("mc-next")
        self.next_button.on_click(lambda _: self.step(+1))
        self.position = widgets.HTML()
        self.position.add_class("mc-moot-position")
        self.arrows = ArrowKeys()
        self.arrows.observe(lambda _: self.step(+1), "next")
        self.arrows.observe(lambda _: self.step(-1), "previous")
        controls = widgets.HBox(
            [self.previous_button, self.next_button, self.position, self.choose, self.arrows]
        )
        controls.add_class("mc-moot-controls")
        controls.layout.flex_flow = "row wrap"
        self.stage = widgets.HTML()
        self.stage.add_class("mc-moot-stage")
        return [controls, self.stage]

    def step(self, by: int) -> None:
        """Move the round by one: counsel's point, the bench's questions, the reply, then
        the next point; the last position is the summary."""
        self.slide = max(0, min(self.slide + by, views.slide_count(self.state) - 1))

    def open_brief(self, path: str | os.PathLike[str]) -> None:
        """Show another team's brief in the round (read only), from its first point."""
        self.state.open_brief(path)
        self.slide = 0

    # ------------------------------------------------------------------ inputs

    def _refused(self) -> None:
        self._render()

    def _switch_language(self, lang: str) -> None:
        self.state.lang = lang

    def _side_chosen(self, change: dict) -> None:
        if not self._filling and change["new"]:
            self.state.choose_side(change["new"])

    def _court_chosen(self, change: dict) -> None:
        if not self._filling and change["new"]:
            self.state.choose_court(change["new"])

    def _author_written(self, change: dict) -> None:
        if not self._filling:
            self.state.set_author(change["new"] or "")

    def _mode_chosen(self, change: dict) -> None:
        if not self._filling and change["new"] in MODES:
            self.state.set_mode(change["new"])

    def _point_chosen(self, change: dict) -> None:
        if not self._filling and change["new"] is not None:
            self.state.select(change["new"])

    def _answer_written(self, key: str, change: dict) -> None:
        if not self._filling:
            self.state.answer(key, change["new"] or "")

    def _brief_chosen(self, change: dict) -> None:
        if not self._filling and change["new"]:
            self.open_brief(change["new"])

    def export(self, kind: str) -> Path | None:
        """Write the brief with its feedback as Markdown or HTML beside the saved brief, and
        offer it for download (Voila serves no files: the link carries the text)."""
        from ..moot.export import to_html, to_markdown

        s = self.state
        w = Words(self.case, s.lang)
        render = to_markdown if kind == "md" else to_html
        text = render(s.feedback, s.lang)
        target = s.target(s.brief).with_suffix(".md" if kind == "md" else ".html")
        written: Path | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written = target
        except OSError as exc:
            self.exported.value = f'<span class="mc-moot-bad">{e(str(exc))}</span>'
        mime = "text/markdown" if kind == "md" else "text/html"
        data = base64.b64encode(text.encode("utf-8")).decode("ascii")
        link = (
            f'<a download="{e(target.name)}" href="data:{mime};charset=utf-8;base64,{data}">'
            f"{w('ui.moot.export.download', name=target.name)}</a>"
        )
        where = f" {w('ui.moot.export.written', path=str(written))}" if written else ""
        self.exported.value = f"{link}{where}"
        return written

    # ------------------------------------------------------------------ state -> views

    def _render(self, _change: Any = None) -> None:
        s = self.state
        w = Words(self.case, s.lang)
        self.title.value = views.title_html(w, s, projector=self.projector)
        self.language.show(s.lang)
        self._render_status()
        if self.projector:
            self._render_round(w)
        else:
            self._render_workbench(w)

    def _render_status(self, _change: Any = None) -> None:
        w = Words(self.case, self.state.lang)
        self.status.value = views.status_html(w, self.state, projector=self.projector)

    def _render_workbench(self, w: Words) -> None:
        s = self.state
        brief = s.current
        judging = s.mode == JUDGE
        self._filling = True
        try:
            _set(self.side, "options", views.side_options(w))
            _set(self.side, "value", s.brief.side)
            _set(self.side, "description", w.raw("ui.moot.side"))
            self.side.layout.display = "none" if judging else None
            _set(self.court, "options", [(w.label(lv), lv) for lv in self.case.levels])
            _set(self.court, "value", brief.court)
            _set(self.court, "description", w.raw("ui.moot.court"))
            _set(self.author, "value", brief.author)
            _set(self.author, "description", w.raw("ui.moot.author"))
            _set(self.author, "placeholder", w.raw("ui.moot.author.placeholder"))
            _set(self.mode, "options", [(w.raw(f"ui.moot.mode.{m}"), m) for m in MODES])
            _set(self.mode, "value", s.mode)
            _set(self.mode, "tooltips", [w.raw(f"ui.moot.mode.{m}.help") for m in MODES])
            self.points_head.value = views.points_head_html(w, s)
            _set(self.points, "options", views.point_options(w, s))
            shown = s.selected if 0 <= s.selected < len(brief.points) else None
            _set(self.points, "value", shown)
            _set(self.points, "tooltips", [w.raw("ui.moot.point.select")] * len(brief.points))
            self.points.layout.display = None if brief.points else "none"
            _set(self.add, "description", w.raw("ui.moot.add"))
            _set(self.add, "tooltip", w.raw("ui.moot.add.help"))
            self.editor.show(w)
            self.editor.layout.display = None if s.mode != BENCH and s.point else "none"
            self.feedback.value = "" if judging else views.feedback_html(w, s)
            self._render_bench(w)
            self.report.value = views.report_html(w, s) if judging else ""
            self.summary.value = "" if judging else views.summary_html(w, s)
            self.opposing.value = "" if judging else views.opposing_html(w, s)
            _set(self.export_md, "description", w.raw("ui.moot.export.md"))
            _set(self.export_html, "description", w.raw("ui.moot.export.html"))
            _set(self.export_md, "tooltip", w.raw("ui.moot.export.help"))
            _set(self.export_html, "tooltip", w.raw("ui.moot.export.help"))
        finally:
            self._filling = False

    def _render_bench(self, w: Words) -> None:
        """The bench's questions on the selected point, each with its answer box (bench
        mode only); boxes are rebuilt only when the questions themselves change."""
        s = self.state
        questions = views.questions_of(s) if s.mode == BENCH else ()
        keys = [q.key for q in questions]
        if keys != list(self._answers):
            self._answers, self._questions = {}, {}
            children: list[widgets.Widget] = []
            for q in questions:
                text = widgets.HTML()
                text.add_class("mc-moot-question")
                box = widgets.Textarea(continuous_update=False, layout=widgets.Layout(width="auto"))
                box.add_class("mc-moot-answer")
                box.observe(lambda change, key=q.key: self._answer_written(key, change), "value")
                self._answers[q.key], self._questions[q.key] = box, text
                children += [text, box]
            self._bench_intro = widgets.HTML()
            self._bench_intro.add_class("mc-moot-head")
            self.bench.children = [self._bench_intro, *children] if s.mode == BENCH else []
        if s.mode != BENCH:
            return
        self._bench_intro.value = views.bench_intro_html(w, s, len(questions))
        for i, q in enumerate(questions, start=1):
            self._questions[q.key].value = views.question_html(w, q, i)
            box = self._answers[q.key]
            _set(box, "value", s.brief.answer_to(q.key))
            _set(box, "description", w.raw("ui.moot.bench.answer"))
            _set(box, "placeholder", w.raw("ui.moot.bench.placeholder"))

    def _render_round(self, w: Words) -> None:
        s = self.state
        self._filling = True
        try:
            _set(self.choose, "options", views.brief_choices(w, s))
            _set(self.choose, "value", str(s.path) if s.path is not None else None)
            _set(self.choose, "description", w.raw("ui.moot.round.choose"))
        finally:
            self._filling = False
        total = views.slide_count(s)
        if self.slide >= total:
            self.slide = total - 1
            return
        self.previous_button.description = w.raw("ui.moot.round.previous")
        self.next_button.description = w.raw("ui.moot.round.next")
        self.previous_button.disabled = self.slide <= 0
        self.next_button.disabled = self.slide >= total - 1
        self.position.value = (
            f"{w('ui.moot.round.position', shown=self.slide + 1, total=total)}"
            f' · <span class="mc-moot-keys">{w("ui.moot.round.keys")}</span>'
        )
        self.stage.value = views.round_html(w, s, self.slide)


class PointEditor(widgets.VBox):
    """The selected point's fields, every choice by its label: issue, claim, the defendant it
    concerns (where there are several), rules, evidence, the reading urged, the student's
    words, and a remove button. It only draws the state and passes each change to it."""

    def __init__(self, case: Case, state: MootState, on_refused: Any) -> None:
        self.case = case
        self.state = state
        self._filling = False
        self._on_refused = on_refused
        self.issue = widgets.Dropdown(options=[], layout=widgets.Layout(width="auto"))
        self.issue.add_class("mc-moot-issue")
        self.claim = widgets.Dropdown(options=[], layout=widgets.Layout(width="auto"))
        self.claim.add_class("mc-moot-claim")
        self.against = widgets.Dropdown(options=[], layout=widgets.Layout(width="auto"))
        self.against.add_class("mc-moot-against")
        self.rules = widgets.SelectMultiple(options=[], rows=6, layout=widgets.Layout(width="auto"))
        self.rules.add_class("mc-moot-rules")
        self.rules_note = widgets.HTML()
        self.rules_note.add_class("mc-moot-note")
        self.evidence_head = widgets.HTML()
        self.evidence_head.add_class("mc-moot-label")
        self.evidence = {
            t: widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="auto"))
            for t in case.toggles
        }
        for toggle_id, box in self.evidence.items():
            box.add_class("mc-moot-evidence-item")
            box.add_class(f"mc-moot-evidence-{toggle_id}")
            box.observe(self._evidence_changed, "value")
        evidence = widgets.VBox(list(self.evidence.values()))
        evidence.add_class("mc-moot-evidence")
        self.doctrine_head = widgets.HTML()
        self.doctrine_head.add_class("mc-moot-label")
        self.doctrine = {
            p: widgets.Dropdown(options=[], layout=widgets.Layout(width="auto"))
            for p in views.doctrine_parameters(case)
        }
        for param, box in self.doctrine.items():
            box.add_class(f"mc-moot-doctrine-{param}")
            box.observe(lambda change, param=param: self._doctrine_changed(param, change), "value")
        self.doctrine_box = doctrine = widgets.VBox(list(self.doctrine.values()))
        doctrine.add_class("mc-moot-doctrine")
        # the readings wait behind a button (a point on the record urges none), so the
        # editor stays short; a point that urges one opens them
        self.open_doctrine = widgets.ToggleButton(value=False, layout=widgets.Layout(width="auto"))
        self.open_doctrine.add_class("mc-moot-open-doctrine")
        self.open_doctrine.observe(lambda _: self._doctrine_shown(), "value")
        self.text = widgets.Textarea(continuous_update=False, layout=widgets.Layout(width="auto"))
        self.text.add_class("mc-moot-text")
        self.remove = widgets.Button(layout=widgets.Layout(width="auto"))
        self.remove.add_class("mc-moot-remove")
        self.remove.on_click(lambda _: self._remove())
        choices = widgets.HBox([self.issue, self.claim, self.against])
        choices.add_class("mc-moot-choices")
        choices.layout.flex_flow = "row wrap"
        super().__init__(
            [
                choices,
                self.rules,
                self.rules_note,
                self.evidence_head,
                evidence,
                self.open_doctrine,
                self.doctrine_head,
                doctrine,
                self.text,
                self.remove,
            ]
        )
        self.add_class("mc-moot-editor")
        self.issue.observe(lambda c: self._changed("issue", c["new"]), "value")
        self.claim.observe(lambda c: self._changed("claim", c["new"]), "value")
        self.against.observe(lambda c: self._changed("against", c["new"]), "value")
        self.rules.observe(lambda c: self._changed("rules", tuple(c["new"])), "value")
        self.text.observe(lambda c: self._changed("text", c["new"] or ""), "value")

    def __repr__(self) -> str:
        return f"<PointEditor point={self.state.selected}>"

    def show(self, w: Words) -> None:
        s = self.state
        point = s.point
        if point is None:
            return
        brief = s.current
        self._filling = True
        try:
            _set(self.issue, "options", [(self.case.issue_label(i, w.lang), i) for i in s.issues()])
            _set(self.issue, "value", point.issue)
            _set(self.issue, "description", w.raw("ui.moot.issue"))
            _set(self.claim, "options", views.claim_options(w, judging=brief.judging))
            _set(self.claim, "value", point.claim)
            key = "ui.moot.claim.judge" if brief.judging else "ui.moot.claim"
            _set(self.claim, "description", w.raw(key))
            several = len(self.case.defendants) > 1 and brief.side not in self.case.defendants
            _set(self.against, "options", [(w.label(d), d) for d in self.case.defendants])
            _set(self.against, "value", point.against if several else None)
            _set(self.against, "description", w.raw("ui.moot.against"))
            self.against.layout.display = None if several else "none"
            _set(self.rules, "options", views.rule_options(self.case, w.lang, point.rules))
            _set(self.rules, "value", tuple(point.rules))
            _set(self.rules, "description", w.raw("ui.moot.rules"))
            self.rules_note.value = w("ui.moot.rules.help")
            self.evidence_head.value = w("ui.moot.evidence")
            for toggle_id, box in self.evidence.items():
                _set(box, "value", toggle_id in point.evidence)
                _set(box, "description", views.evidence_label(w, toggle_id))
            self.doctrine_head.value = w("ui.moot.doctrine", court=w.label(brief.court))
            if point.doctrine:
                _set(self.open_doctrine, "value", True)
            _set(self.open_doctrine, "description", w.raw("ui.moot.doctrine.open"))
            self._doctrine_shown()
            for param, box in self.doctrine.items():
                _set(box, "options", views.doctrine_options(w, brief.court, param))
                _set(box, "value", point.doctrine.get(param, ""))
                _set(box, "description", w.raw(f"param.{param}"))
            _set(self.text, "value", point.text)
            _set(self.text, "description", w.raw("ui.moot.text"))
            _set(self.text, "placeholder", w.raw("ui.moot.text.placeholder"))
            _set(self.remove, "description", w.raw("ui.moot.remove"))
        finally:
            self._filling = False

    def _doctrine_shown(self) -> None:
        shown = None if self.open_doctrine.value else "none"
        self.doctrine_head.layout.display = self.doctrine_box.layout.display = shown

    def _changed(self, field: str, value: Any) -> None:
        s = self.state
        if self._filling or s.point is None or value is None:
            return
        s.update_point(s.selected, **{field: value})
        if s.error:
            self._on_refused()

    def _evidence_changed(self, _change: dict) -> None:
        chosen = tuple(t for t, box in self.evidence.items() if box.value)
        self._changed("evidence", chosen)

    def _doctrine_changed(self, param: str, change: dict) -> None:
        point = self.state.point
        if self._filling or point is None:
            return
        urged = {p: v for p, v in point.doctrine.items() if p != param}
        if change["new"]:
            urged[param] = change["new"]
        self._changed("doctrine", urged)

    def _remove(self) -> None:
        if self.state.point is not None:
            self.state.remove_point(self.state.selected)


def _newest_brief() -> str | None:
    """The brief a team saved last in the student folder (the round opens on it), if any."""
    folder = student_folder(create=False)
    found = list_briefs(folder) if folder.is_dir() else []
    counsel = [p for p in found if not _judgment_file(p)]
    return str(max(counsel, key=lambda p: p.stat().st_mtime_ns)) if counsel else None


def _judgment_file(path: Path) -> bool:
    """A judgment written in judge mode (not a brief to show in the round)?"""
    try:
        return load_brief(path).judging
    except BriefError:
        return False  # a broken brief is shown, with its file:line, not hidden


def _set(widget: widgets.Widget, name: str, value: Any) -> None:
    """Set a property only when it differs: an unchanged view sends nothing to the browser."""
    if isinstance(value, list):
        value = list(value)
        if list(getattr(widget, name)) == value:
            return
    elif getattr(widget, name) == value:
        return
    setattr(widget, name, value)


__all__ = ["ENV_BRIEF", "MootCourt", "MootState", "PointEditor"]
