"""What the moot court widget draws, as HTML and option lists, from its state.

Why apart from the widget: these are pure functions of (words, state), so the workbench and
the round on the projector draw the same point, the same feedback and the same questions in
the same words, and a test can read them without a browser. Nothing here evaluates law or
writes a file: the feedback, the questions, the other side's brief and the judge's report
are the core's (`mootcourt.moot`), computed by the state. Every word comes from the message
catalogue or the case's labels (a missing key raises); every case text is escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..engine import Result
from ..moot import COURT, BriefError, list_briefs, load_brief, student_folder
from .moot_state import BENCH, JUDGE, NONE
from .words import Words, e

if TYPE_CHECKING:
    from ..case import Case
    from ..moot import Brief, Point
    from .moot_state import MootState

STAGES = 3
"""a point in the round: counsel's point, the bench's questions, the other side's reply"""


# ---------------------------------------------------------------- choices (labels, not ids)


def side_options(w: Words) -> list[tuple[str, str]]:
    """The parties a student can argue for, each with its part in the case."""
    case = w.case
    options = [(w.raw("ui.moot.side.plaintiff", party=w.label(case.plaintiff)), case.plaintiff)]
    options += [(w.raw("ui.moot.side.defendant", party=w.label(d)), d) for d in case.defendants]
    return options


def claim_options(w: Words, *, judging: bool) -> list[tuple[str, str]]:
    """The results a point can argue for (a judgment may also find an issue not reached)."""
    results = [r for r in Result if judging or r is not Result.NOT_REACHED]
    return [(w.result(r), r.value) for r in results]


def rule_options(case: Case, lang: str, chosen: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every article of the statute book by its citation, in the book's order (the case's
    whole vocabulary: listing only the rules the engine rests on would give the answer
    away), plus any paragraph pointer a loaded brief cites."""
    options = [(case.law.citation(a, lang), a) for a in case.law]
    known = {a for _, a in options}
    options += [(_citation(case, c, lang), c) for c in chosen if c not in known]
    return options


def evidence_label(w: Words, toggle_id: str) -> str:
    """An item of evidence (or a party) by its label; a hypothetical item says so."""
    return w.label(toggle_id)  # a hypothetical item's label says so itself


def doctrine_parameters(case: Case) -> list[str]:
    """The doctrine parameters that decide something in this case."""
    return [p for p in case.pack.parameters if case.pack.applies(p, len(case.defendants))]


def doctrine_options(w: Words, court: str, param: str) -> list[tuple[str, str]]:
    """'As the court held it (value)' first (urging nothing), then every value by its label."""
    held = w.case.doctrine(court)[param]
    first = (w.raw("ui.moot.doctrine.held", value=w.raw(f"value.{held}")), "")
    return [first] + [(w.raw(f"value.{v}"), v) for v in w.case.pack.parameters[param].values]


def point_options(w: Words, s: MootState) -> list[tuple[str, int]]:
    """The points as the list shows them: number, issue, claim, and the feedback's mark."""
    brief = s.current
    marks = _marks(s, w) if not brief.judging else {}
    return [(point_line(w, brief, i, p) + marks.get(i, ""), i) for i, p in enumerate(brief.points)]


def point_line(w: Words, brief: Brief, index: int, point: Point) -> str:
    """'2. Fault: rebutted (against X)' (plain text)."""
    against = (
        w.raw("ui.moot.point.against", party=w.label(point.against))
        if point.against is not None
        else ""
    )
    return w.raw(
        "ui.moot.point.line",
        n=index + 1,
        issue=w.case.issue_label(point.issue, w.lang),
        claim=_word(w, point.claim),
        against=against,
    )


def _marks(s: MootState, w: Words) -> dict[int, str]:
    """' · ✓ holds · ◆ decisive' after each point, from the core's feedback."""
    fb = s.feedback
    if fb is None:
        return {}
    marks = {}
    for pf in fb.points:
        mark = w.raw("ui.moot.point.holds" if pf.holds else "ui.moot.point.fails")
        if pf.decisive:
            mark += w.raw("ui.moot.point.decisive")
        marks[pf.index] = mark
    return marks


# ---------------------------------------------------------------- header and status


def title_html(w: Words, s: MootState, *, projector: bool) -> str:
    title = w("ui.moot.title", case=w.case.title(w.lang))
    brief = s.brief
    if projector:
        author = brief.author or w.raw("ui.moot.round.anonymous")
        sub = w(
            "ui.moot.round.subtitle",
            author=author,
            side=_side(w, brief.side),
            court=w.label(brief.court),
        )
        return f'<h2 class="mc-moot-h">{title}</h2><div class="mc-moot-sub">{sub}</div>'
    return f'<h2 class="mc-moot-h">{title}</h2>'


def status_html(w: Words, s: MootState, *, projector: bool) -> str:
    """Where the work is saved, and any problem: a refused change, a brief on disk that
    does not load (with its `file:line` problems, never overwritten)."""
    parts: list[str] = []
    if s.error:
        parts.append(_problem(w("ui.moot.refused"), s.error))
    if s.load_error:
        key = "ui.moot.round.broken" if projector else "ui.moot.broken"
        parts.append(_problem(w(key), s.load_error))
    if s.save_error and s.saved_to:
        parts.append(_problem(w("ui.moot.saved_beside", path=s.saved_to), s.save_error))
    elif s.save_error:
        parts.append(_problem(w("ui.moot.save_failed"), s.save_error))
    elif s.saved_to:
        parts.append(
            f'<div class="mc-moot-saved">{w("ui.moot.saved")} <code>{e(s.saved_to)}</code></div>'
        )
    elif not projector:
        parts.append(f'<div class="mc-moot-saved">{w("ui.moot.autosave")}</div>')
    elif s.path is None:
        parts.append(f'<div class="mc-moot-saved">{w("ui.moot.round.none")}</div>')
    return "".join(parts)


def _problem(head: str, problems: str) -> str:
    return (
        f'<div class="mc-moot-problem" role="alert"><b>{head}</b>'
        f'<pre class="mc-moot-problems">{e(problems)}</pre></div>'
    )


# ---------------------------------------------------------------- the brief and its feedback


def points_head_html(w: Words, s: MootState) -> str:
    brief = s.current
    if brief.judging:
        head = w("ui.moot.judge.points", court=w.label(brief.court))
    else:
        head = w("ui.moot.points", side=_side(w, brief.side), court=w.label(brief.court))
    empty = "" if brief.points else f'<p class="mc-moot-dim">{w("ui.moot.no_points")}</p>'
    return f"<h3>{head}</h3>{empty}"


def point_feedback(s: MootState) -> Any:
    """The core's feedback on the selected point, if any."""
    fb = s.feedback
    if fb is None or s.mode == JUDGE or s.selected == NONE:
        return None
    return next((pf for pf in fb.points if pf.index == s.selected), None)


def feedback_html(w: Words, s: MootState) -> str:
    """The selected point's feedback: holds, decisive, the other side's best answers, what
    to check (rules, evidence, the reading urged)."""
    pf = point_feedback(s)
    if pf is None or s.mode == BENCH:
        return ""
    return f"<h3>{w('ui.moot.feedback')}</h3>" + point_feedback_html(w, s.brief, pf)


def point_feedback_html(w: Words, brief: Brief, pf: Any) -> str:
    point = brief.points[pf.index]
    cls = "mc-moot-holds" if pf.holds else "mc-moot-fails"
    out = [f'<p class="mc-moot-verdict {cls}">{verdict_text(w, brief, point, pf)}</p>']
    if pf.decisive:
        out.append(f'<p class="mc-moot-decisive">{w("ui.moot.decisive")}</p>')
    if pf.answers:
        head = w("ui.moot.answers.holds" if pf.holds else "ui.moot.answers.fails")
        items = "".join(f"<li>{best_answer_html(w, a)}</li>" for a in pf.answers)
        out.append(f'<div class="mc-moot-answers"><b>{head}</b><ul>{items}</ul></div>')
    checks = checks_html(w, point, pf)
    if checks:
        out.append(
            f'<div class="mc-moot-checks"><b>{w("ui.moot.check")}</b><ul>{checks}</ul></div>'
        )
    return "".join(out)


def best_answer_html(w: Words, answer: Any) -> str:
    """One move that turns the point, as the core words it ('if ..., the court would find
    ...'), marked with its kind (evidence, a reading of the law, one of our premises)."""
    kind = w(f"ui.moot.answer.{answer.kind}")
    return f'<span class="mc-moot-kind">{kind}</span> {e(answer.text[w.lang])}'


def checks_html(w: Words, point: Point, pf: Any) -> str:
    """The misconceptions the core found (in the core's words, with labels and citations),
    and whether the reading urged would change this court's result."""
    from ..moot.export import misconception_text

    items = [
        f"<li>{e(misconception_text(w.case, point, pf, key, w.lang))}</li>"
        for key in pf.misconceptions
    ]
    if point.doctrine:
        key = "ui.moot.urged.changes" if pf.urged_doctrine_changes_result else "ui.moot.urged.same"
        items.append(f"<li>{w(key)}</li>")
    return "".join(items)


def summary_html(w: Words, s: MootState) -> str:
    """Under the points: the issues the side must win that no point argues, and the rubric's
    score with its reasons (never a bare number)."""
    fb = s.feedback
    if fb is None:
        return ""
    out = []
    if fb.unanswered:
        issues = join(w, [_unanswered(w, item) for item in fb.unanswered])
        out.append(f'<p class="mc-moot-unanswered">{w("ui.moot.unanswered", issues=issues)}</p>')
    elif s.brief.points:
        out.append(f'<p class="mc-moot-answered">{w("ui.moot.all_answered")}</p>')
    out.append(score_html(w, fb.score))
    return "".join(out)


def score_html(w: Words, score: Any) -> str:
    if score is None or not score.points:
        return ""
    head = w("ui.moot.score", total=_number(score.total), out_of=_number(score.out_of))
    return (
        f'<details class="mc-moot-score"><summary>{head}</summary>{_score_rows(w, score)}</details>'
    )


def _score_rows(w: Words, score: Any) -> str:
    rows = []
    for point in score.points:
        cells = "".join(
            f"<li>{'✓' if c.met else '✗'} {e(c.label[w.lang])}"
            + (f": {w(c.reason)}" if getattr(c, "reason", "") else "")
            + "</li>"
            for c in point.criteria
        )
        rows.append(f"<li>{w('ui.moot.score.point', n=point.index + 1)}<ul>{cells}</ul></li>")
    return f"<ul>{''.join(rows)}</ul>"


def opposing_html(w: Words, s: MootState) -> str:
    """The other side's brief to the same court, computed by the core, folded."""
    fb = s.feedback
    if fb is None:
        return ""
    other = fb.opposing
    head = w("ui.moot.opposing", side=_side(w, other.side), court=w.label(other.court))
    if not other.points:
        body = f"<p>{w('ui.moot.opposing.empty')}</p>"
    else:
        body = (
            "<ol>"
            + "".join(
                f"<li>{point_body_html(w, other, p, numbered=False)}</li>" for p in other.points
            )
            + "</ol>"
        )
    return f'<details class="mc-moot-other"><summary>{head}</summary>{body}</details>'


def point_body_html(w: Words, brief: Brief, point: Point, *, numbered: bool = True) -> str:
    """A point as a reader sees it: issue and claim, rules, evidence, reading urged, words."""
    issue = w.case.issue_label(point.issue, w.lang)
    claim = w.result(Result(point.claim))
    against = (
        w.raw("ui.moot.point.against", party=w.label(point.against))
        if point.against is not None and len(w.case.defendants) > 1
        else ""
    )
    head = w("ui.moot.point.head", issue=issue, claim=claim, against=against)
    out = [f'<div class="mc-moot-point-head">{head}</div>']
    if point.rules:
        rules = join(w, [_citation(w.case, r, w.lang) for r in point.rules])
        out.append(f"<div>{w('ui.moot.point.rules', rules=rules)}</div>")
    if point.evidence:
        out.append(f"<div>{w('ui.moot.point.evidence', items=w.labels(point.evidence))}</div>")
    if point.doctrine:
        urged = join(
            w,
            [
                f"{w.raw(f'param.{p}')}{w.colon()}{w.raw(f'value.{v}')}"
                for p, v in point.doctrine.items()
            ],
        )
        out.append(f"<div>{w('ui.moot.point.urged', items=urged)}</div>")
    if point.text:
        out.append(f'<blockquote class="mc-moot-words">{e(point.text)}</blockquote>')
    return "".join(out)


# ---------------------------------------------------------------- the bench


def questions_of(s: MootState) -> tuple[Any, ...]:
    pf = point_feedback(s)
    return tuple(pf.questions) if pf is not None else ()


def bench_intro_html(w: Words, s: MootState, count: int) -> str:
    point = s.point
    if point is None:
        return f'<p class="mc-moot-dim">{w("ui.moot.bench.none")}</p>'
    head = w("ui.moot.bench.title", n=s.selected + 1)
    body = point_body_html(w, s.brief, point)
    none = "" if count else f'<p class="mc-moot-dim">{w("ui.moot.bench.no_questions")}</p>'
    return f'<h3>{head}</h3><div class="mc-moot-card">{body}</div>{none}'


def question_html(w: Words, question: Any, number: int) -> str:
    kind = w(f"ui.moot.question.{question.kind}")
    return (
        f'<p class="mc-moot-q"><span class="mc-moot-kind">{kind}</span> '
        f"{number}. {e(question.text[w.lang])}</p>"
    )


# ---------------------------------------------------------------- judge mode


def report_html(w: Words, s: MootState) -> str:
    """Judge mode: what to do, then the student's findings against the engine's."""
    court = w.label(s.judgment.court)
    intro = f'<p class="mc-moot-dim">{w("ui.moot.judge.intro", court=court)}</p>'
    report = s.report
    if report is None:
        return intro
    return intro + f"<h3>{w('ui.moot.judge.compare', court=court)}</h3>" + _report_body(w, report)


def _report_body(w: Words, report: Any) -> str:
    """Each issue as the core words the comparison (with the reasons where the student and
    the court differ), marked agree / differ; then each defendant's outcome."""
    rows = []
    for item in report.issues:
        if item.yours is None:
            cls = "mc-moot-open"
        else:
            cls = "mc-moot-holds" if item.agrees else "mc-moot-fails"
        mark = "·" if item.yours is None else ("✓" if item.agrees else "✗")
        rows.append(f'<li class="{cls}">{mark} {e(report.line(item, w.lang))}</li>')
    outcomes = []
    for o in report.outcomes:
        party = w.label(o.defendant)
        outcomes.append(
            "<li>"
            + w(
                "ui.moot.judge.outcome",
                party=party,
                yours=_liable(w, o.yours),
                court=_liable(w, o.engine),
                decided=_liable(w, o.as_decided),
            )
            + "</li>"
        )
    return (
        f'<ul class="mc-moot-compare">{"".join(rows)}</ul>'
        f'<ul class="mc-moot-outcome">{"".join(outcomes)}</ul>'
    )


def _liable(w: Words, liable: bool) -> str:
    return w.raw("cli.liable" if liable else "cli.not_liable")


# ---------------------------------------------------------------- the round (projector)


def brief_choices(w: Words, s: MootState) -> list[tuple[str, str]]:
    """The briefs the round can show: every brief file in the student folder (and the one
    on show), labelled by team, side and court; one that does not load says so."""
    folder = s.path.parent if s.path is not None else student_folder(create=False)
    paths = list_briefs(folder) if folder.is_dir() else []
    if s.path is not None and s.path not in paths:
        paths.append(s.path)
    options = []
    for path in paths:
        try:
            brief = load_brief(path, w.case)
        except BriefError:
            options.append((w.raw("ui.moot.round.unreadable", name=path.name), str(path)))
            continue
        if brief.case != w.case.id or brief.side == COURT:
            continue
        author = brief.author or path.name
        options.append(
            (
                w.raw(
                    "ui.moot.round.brief",
                    author=author,
                    side=_side(w, brief.side),
                    court=w.label(brief.court),
                ),
                str(path),
            )
        )
    return options


def slide_count(s: MootState) -> int:
    """Each point's three stages, then the summary."""
    return len(s.brief.points) * STAGES + 1


def round_html(w: Words, s: MootState, slide: int) -> str:
    brief = s.brief
    if slide >= len(brief.points) * STAGES:
        return _round_summary(w, s)
    index, stage = divmod(slide, STAGES)
    point = brief.points[index]
    pf = next((p for p in s.feedback.points if p.index == index), None) if s.feedback else None
    head = w("ui.moot.round.point", n=index + 1, total=len(brief.points))
    card = (
        f'<section class="mc-moot-slide-point"><h3>{head} · {w("ui.moot.round.counsel")}</h3>'
        f"{point_body_html(w, brief, point)}</section>"
    )
    bench = ""
    if stage >= 1 and pf is not None:
        items = []
        for q in pf.questions:
            answer = brief.answer_to(q.key)
            said = (
                f'<div class="mc-moot-said">{w("ui.moot.round.answered", text=answer)}</div>'
                if answer
                else ""
            )
            items.append(f"<li>{e(q.text[w.lang])}{said}</li>")
        listed = (
            f"<ol>{''.join(items)}</ol>" if items else f"<p>{w('ui.moot.bench.no_questions')}</p>"
        )
        bench = (
            f'<section class="mc-moot-slide-bench"><h3>{w("ui.moot.round.bench")}</h3>'
            f"{listed}</section>"
        )
    reply = ""
    if stage >= 2 and pf is not None:
        reply = (
            f'<section class="mc-moot-slide-reply"><h3>{w("ui.moot.round.reply")}</h3>'
            f"{_reply(w, s, point, pf)}</section>"
        )
    return f'<div class="mc-moot-slide mc-moot-stage-{stage}">{card}{bench}{reply}</div>'


def _reply(w: Words, s: MootState, point: Point, pf: Any) -> str:
    """The other side's point on the same issue (the core's opposing brief), its best
    answers to this point, and what the court would find."""
    out = []
    other = s.feedback.opposing
    theirs = [p for p in other.points if p.issue == point.issue and _same_defendant(p, point)]
    for p in theirs:
        out.append(f'<div class="mc-moot-card">{point_body_html(w, other, p)}</div>')
    if not theirs:
        out.append(f"<p>{w('ui.moot.round.no_reply')}</p>")
    if pf.answers and pf.holds:
        items = "".join(f"<li>{best_answer_html(w, a)}</li>" for a in pf.answers)
        out.append(f"<div><b>{w('ui.moot.answers.holds')}</b><ul>{items}</ul></div>")
    out.append(point_verdict_html(w, s.brief, point, pf))
    return "".join(out)


def verdict_text(w: Words, brief: Brief, point: Point, pf: Any) -> str:
    """'✓ Holds: on Fault, the court finds …' / '✗ Does not hold: …' / not reached (HTML)."""
    issue = w.case.issue_label(point.issue, w.lang)
    court = w.label(brief.court)
    if pf.stopped_at is not None:
        stopped = w.case.issue_label(pf.stopped_at, w.lang)
        return w("ui.moot.not_reached", court=court, issue=issue, stopped=stopped)
    key = "ui.moot.holds" if pf.holds else "ui.moot.fails"
    return w(key, court=court, issue=issue, result=_word(w, pf.found))


def point_verdict_html(w: Words, brief: Brief, point: Point, pf: Any) -> str:
    cls = "mc-moot-holds" if pf.holds else "mc-moot-fails"
    decisive = f" {w('ui.moot.decisive')}" if pf.decisive else ""
    return f'<p class="mc-moot-verdict {cls}">{verdict_text(w, brief, point, pf)}{decisive}</p>'


def _round_summary(w: Words, s: MootState) -> str:
    fb = s.feedback
    brief = s.brief
    if not brief.points:
        return f'<div class="mc-moot-slide"><p>{w("ui.moot.round.empty")}</p></div>'
    holding = sum(1 for pf in fb.points if pf.holds) if fb else 0
    out = [f"<h3>{w('ui.moot.round.summary')}</h3>"]
    out.append(f"<p>{w('ui.moot.round.holding', holds=holding, total=len(brief.points))}</p>")
    if fb is not None:
        out.append(summary_html(w, s))
    return f'<div class="mc-moot-slide mc-moot-slide-summary">{"".join(out)}</div>'


def _same_defendant(a: Point, b: Point) -> bool:
    return a.against is None or b.against is None or a.against == b.against


# ---------------------------------------------------------------- words


def _unanswered(w: Words, item: str) -> str:
    """'issue' or 'issue.defendant' (several defendants) as a reader names it."""
    issue, _, defendant = item.partition(".")
    label = w.case.issue_label(issue, w.lang)
    if defendant:
        label += w.raw("ui.moot.point.against", party=w.label(defendant))
    return label


def _side(w: Words, side: str) -> str:
    if side == COURT:
        return w.raw("ui.moot.side.court")
    return w.label(side)


def _word(w: Words, value: str) -> str:
    """A result's word without its icon, for inside a sentence."""
    return w.raw(f"result.{value}")


def _citation(case: Case, cited: str, lang: str) -> str:
    try:
        return case.law.citation(cited, lang)
    except (KeyError, ValueError):
        return cited


def _number(value: float) -> str:
    return f"{value:g}"


def join(w: Words, items: list[str]) -> str:
    """Items read as a list in the page's language (plain text, escaped by the caller)."""
    from ..engine.texts import join as join_words

    return join_words(items, w.lang)


__all__ = ["STAGES", "Path"]
