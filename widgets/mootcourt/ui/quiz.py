"""Predict, then reveal: one quiz of a case's `quizzes.yaml` as a widget.

    Quiz(load_case("liu-v-platform-2024"), "second_fault", lang="en")

The student chooses an option and writes a reason (a prediction without a reason teaches
little); only then does Reveal show the court's step, evaluated now by the engine (or, for a
question on a point of law, the point), whether the prediction matches, and the feedback on
every option. The state is three traitlets (`choice`, `reason`, `revealed`): set them from
Python and the views follow, which is how the tests drive it. Styles use only `--jp-*`
variables; nothing is printed (strict nbval).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets
import traitlets

from ..i18n import LANGUAGES, messages
from ..quizzes import Quiz as QuizData
from ..quizzes import decided_step, load_quizzes

if TYPE_CHECKING:
    from ..case import Case

CSS = """
<style>
.mc-quiz { border-left: 4px solid var(--jp-brand-color1, #1976d2); padding: 4px 0 4px 12px;
  margin: 6px 0; max-width: 100%; color: var(--jp-ui-font-color1, #1f1f1f);
  font-family: var(--jp-ui-font-family, system-ui, sans-serif),
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.mc-quiz .widget-html-content { white-space: normal; overflow-wrap: anywhere; line-height: 1.45; }
/* the radio first, its text beside it: ipywidgets floats the input after the text, which
   put a long option's text on a line of its own above its radio */
.mc-quiz .widget-radio-box label { display: flex; flex-direction: row; align-items: flex-start;
  gap: 6px; white-space: normal; height: auto; line-height: 1.4; margin-bottom: 4px; }
.mc-quiz .widget-radio-box input { order: -1; float: none; flex: 0 0 auto; height: 1.4em;
  margin: 0 0 0 1px; }
.mc-quiz .widget-textarea { width: auto; max-width: 100%; box-sizing: border-box; }
.mc-quiz .widget-textarea textarea { min-height: 3.2em; box-sizing: border-box; }
.mc-quiz .jupyter-button { white-space: normal; height: auto; min-height: 28px; width: auto;
  line-height: 1.3; padding: 4px 12px; }
.mc-quiz-question { font-weight: 600; }
.mc-quiz-world { color: var(--jp-ui-font-color2, #5f5f5f); font-style: italic; }
.mc-quiz-message { color: var(--jp-warn-color1, #ef6c00); }
.mc-quiz-verdict { font-weight: 600; }
.mc-quiz-correct .mc-quiz-verdict { color: var(--jp-success-color1, #2e7d32); }
.mc-quiz-incorrect .mc-quiz-verdict { color: var(--jp-error-color1, #c62828); }
.mc-quiz-court { background: var(--jp-layout-color2, #eeeeee); padding: 6px 8px;
  border-radius: 2px; }
.mc-quiz-chosen { border-left: 3px solid var(--jp-brand-color1, #1976d2); padding-left: 6px; }
.mc-quiz-rules { color: var(--jp-ui-font-color2, #5f5f5f); }
</style>
"""


class Quiz(widgets.VBox):
    """One predict-then-reveal question: choose, give a reason, reveal the court's reasoning."""

    choice = traitlets.Unicode("")
    """the chosen option's id, or empty"""
    reason = traitlets.Unicode("")
    revealed = traitlets.Bool(False)
    message = traitlets.Unicode("")
    """what the student must still do before revealing (empty when nothing)"""

    def __init__(self, case: Case, quiz_id: str, lang: str = "en") -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}'; valid: {', '.join(LANGUAGES)}")
        quizzes = {q.id: q for q in load_quizzes(case)}
        if quiz_id not in quizzes:
            raise KeyError(f"unknown quiz '{quiz_id}'; valid: {', '.join(quizzes)}")
        self.case = case
        self.quiz: QuizData = quizzes[quiz_id]
        self.lang = lang
        t = messages(lang)
        q = self.quiz
        question = widgets.HTML(f'<div class="mc-quiz-question">{_e(q.question(lang))}</div>')
        parts: list[widgets.Widget] = [widgets.HTML(CSS), question]
        if q.hypothetical:
            note = t("quiz.world", items=_world(case, q, lang))
            parts.append(widgets.HTML(f'<div class="mc-quiz-world">{_e(note)}</div>'))
        self.options = widgets.RadioButtons(
            options=[(o.text(lang), o.id) for o in q.options],
            value=None,
            description="",
            layout=widgets.Layout(width="auto"),
        )
        self.options.add_class("mc-quiz-options")
        self.reason_box = widgets.Textarea(
            placeholder=t("quiz.reason.placeholder"),
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        self.reason_box.add_class("mc-quiz-reason")
        self.reveal_button = widgets.Button(
            description=t("quiz.reveal"), layout=widgets.Layout(width="auto")
        )
        self.reveal_button.add_class("mc-quiz-reveal")
        self.again_button = widgets.Button(
            description=t("quiz.again"), layout=widgets.Layout(width="auto")
        )
        self.again_button.add_class("mc-quiz-again")
        self.note = widgets.HTML()
        self.answer = widgets.HTML()
        self.answer.add_class("mc-quiz-answer")
        parts += [
            widgets.HTML(f"<b>{_e(t('quiz.predict'))}</b>"),
            self.options,
            widgets.HTML(_e(t("quiz.reason"))),
            self.reason_box,
            widgets.HBox([self.reveal_button, self.again_button]),
            self.note,
            self.answer,
        ]
        super().__init__(parts)
        self.add_class("mc-quiz")
        self.add_class(f"mc-quiz-{q.id}")
        self.options.observe(self._chose, "value")
        self.reason_box.observe(self._wrote, "value")
        self.reveal_button.on_click(lambda _: self.reveal())
        self.again_button.on_click(lambda _: self.predict_again())
        self.observe(self._render, ["choice", "reason", "revealed", "message"])
        self._render()

    def __repr__(self) -> str:
        return (
            f"<Quiz {self.case.id}/{self.quiz.id} lang={self.lang} "
            f"choice={self.choice or '-'} revealed={self.revealed}>"
        )

    # actions

    def reveal(self) -> None:
        """Show the court's reasoning, if a choice and a reason have been recorded."""
        t = messages(self.lang)
        if not self.choice:
            self.message = t("quiz.need_choice")
        elif not self.reason.strip():
            self.message = t("quiz.need_reason")
        else:
            self.message = ""
            self.revealed = True

    def predict_again(self) -> None:
        """Hide the answer and unlock the prediction."""
        self.revealed = False

    @property
    def correct(self) -> bool:
        """Does the recorded prediction match the quiz's correct option?"""
        return self.choice == self.quiz.correct

    # views follow state

    def _chose(self, change: dict) -> None:
        self.choice = change["new"] or ""

    def _wrote(self, change: dict) -> None:
        self.reason = change["new"] or ""

    @traitlets.validate("choice")
    def _known_option(self, proposal: dict) -> str:
        value = proposal["value"]
        if value:
            self.quiz.option(value)  # raises KeyError naming the valid options
        return value

    def _render(self, _change: object = None) -> None:
        if self.options.value != (self.choice or None):
            self.options.value = self.choice or None
        if self.reason_box.value != self.reason:
            self.reason_box.value = self.reason
        self.options.disabled = self.reason_box.disabled = self.revealed
        self.reveal_button.disabled = self.revealed
        self.again_button.disabled = not self.revealed
        self.note.value = (
            f'<div class="mc-quiz-message">{_e(self.message)}</div>' if self.message else ""
        )
        self.remove_class("mc-quiz-correct")
        self.remove_class("mc-quiz-incorrect")
        if not self.revealed:
            self.answer.value = ""
            return
        self.add_class("mc-quiz-correct" if self.correct else "mc-quiz-incorrect")
        self.answer.value = self._answer_html()

    def _answer_html(self) -> str:
        t = messages(self.lang)
        lang, q = self.lang, self.quiz
        verdict = t("quiz.correct") if self.correct else t("quiz.incorrect")
        out = [
            f'<div class="mc-quiz-verdict">{_e(verdict)}</div>',
            f"<div>{_e(t('quiz.your_reason', text=self.reason.strip()))}</div>",
        ]
        if q.decision is not None:
            step = decided_step(self.case, q)
            level = self.case.levels[q.decision.level].label(lang)
            head = t("quiz.court", level=level, issue=self.case.issue_label(step.issue, lang))
            # a reader never sees a bare statute id: "PIPL Art. 69(1)"
            rules = ("、" if lang == "zh-CN" else "; ").join(
                self.case.law.citation(r, lang) for r in step.rules
            )
            out.append(
                f'<div class="mc-quiz-court"><b>{_e(head)}</b> '
                f"{_e(t(f'result.{step.result}'))}<br>{_e(step.text(lang))}"
                + (f'<div class="mc-quiz-rules">{_e(rules)}</div>' if rules else "")
                + "</div>"
            )
        if q.point is not None:
            out.append(
                f'<div class="mc-quiz-court"><b>{_e(t("quiz.concept"))}</b> '
                f"{_e(q.point(lang))}</div>"
            )
        items = []
        for o in q.options:
            cls = ' class="mc-quiz-chosen"' if o.id == self.choice else ""
            mark = "✓" if o.id == q.correct else "✗"
            items.append(
                f"<li{cls}>{mark} <b>{_e(o.text(lang))}</b><br>{_e(o.feedback(lang))}</li>"
            )
        out.append(f"<div><b>{_e(t('quiz.feedback'))}</b><ul>{''.join(items)}</ul></div>")
        return "".join(out)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _world(case: Case, quiz: QuizData, lang: str) -> str:
    """The quiz's changes from the record, in words."""
    t = case.messages(lang)
    items = [
        f"{case.label(k, lang)} → {t('cli.on') if v else t('cli.off')}"
        for k, v in quiz.toggles.items()
    ]
    for level_id, params in quiz.doctrine.items():
        level = case.levels[level_id].label(lang)
        colon = "：" if lang == "zh-CN" else ": "
        items += [f"{level}{colon}{t(f'param.{p}')} → {t(f'value.{v}')}" for p, v in params.items()]
    return ("；" if lang == "zh-CN" else "; ").join(items)
