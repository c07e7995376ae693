"""The feedback as a person reads it: plain text, Markdown, HTML (print to PDF), and JSON.

One document is built per language (headings, paragraphs, lists) from the feedback's keys,
labels and citations, and each format renders that document, so the terminal, the export and
`--json` cannot say different things. The HTML is one self-contained page with print styles:
a student prints it to PDF from the browser; nothing is fetched from anywhere.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine.texts import join
from . import words
from .brief import Brief, Point, defendant_of

if TYPE_CHECKING:
    from ..case import Case
    from .feedback import Feedback, PointFeedback
    from .rubric import PointScore

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Block:
    """heading1 | heading2 | heading3 | paragraph | quote | items"""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


# --------------------------------------------------------------------------- sentences


def point_title(case: Case, brief: Brief, index: int, point: Point, lang: str) -> str:
    if len(case.defendants) > 1:
        name = words.issue_against(case, point.issue, defendant_of(brief, point, case), lang)
    else:
        name = words.issue(case, point.issue, lang)
    return words.t(
        lang, "moot.point", n=index + 1, issue=name, claim=words.result(lang, point.claim)
    )


def misconception_text(case: Case, point: Point, found: PointFeedback, key: str, lang: str) -> str:
    """One misconception, named by its key, filled with labels and citations."""
    params: dict[str, str] = {}
    if key.endswith(".burden"):
        params = {
            "claim": words.result(lang, point.claim),
            "found": words.result(lang, found.found),
            "party": words.party(case, found.burden_on, lang),
        }
    elif key.endswith(".rule_not_for_issue"):
        params = {"rules": words.rules(case, found.rules_not_carrying, lang)}
    elif key.endswith(".rule_not_in_force"):
        params = {"rules": words.rules(case, found.rules_not_in_force, lang)}
    elif key.endswith(".evidence_not_read"):
        params = {"items": words.items(case, found.evidence_not_read, lang)}
    elif key.endswith(".evidence_not_in_record"):
        params = {"items": words.items(case, found.evidence_not_in_record, lang)}
    elif key.endswith(".evidence_against"):
        params = {"items": words.items(case, found.evidence_against, lang)}
    elif key.endswith(".doctrine_not_read"):
        params = {
            "params": join([words.param(case, lang, p) for p in found.doctrine_not_read], lang)
        }
    return words.t(lang, key, **params)


def point_summary(feedback: Feedback, index: int, lang: str) -> list[str]:
    """The feedback on one point as sentences, in a fixed order."""
    case, brief = feedback.case, feedback.brief
    point, found = brief.points[index], feedback.points[index]
    court = case.levels[brief.court].label(lang)
    lines = []
    if found.stopped_at is not None:
        lines.append(
            words.t(
                lang,
                "moot.not_reached",
                court=court,
                issue=words.finding(case, found.stopped_at, found_result(feedback, index), lang),
            )
        )
    else:
        key = "moot.holds" if found.holds else "moot.fails"
        lines.append(words.t(lang, key, court=court, result=words.result(lang, found.found)))
    lines.append(words.t(lang, "moot.decisive" if found.decisive else "moot.not_decisive"))
    if found.found_if_urged is not None:
        urged = words.readings(case, lang, case.doctrine(brief.court).differing(point.doctrine))
        if not found.urged_doctrine_changes_result:
            lines.append(words.t(lang, "moot.urged.same", readings=urged))
        else:
            key = "moot.urged.holds" if found.holds_if_urged else "moot.urged.fails"
            lines.append(
                words.t(lang, key, readings=urged, result=words.result(lang, found.found_if_urged))
            )
    if found.answers:
        key = "moot.answers.holds" if found.holds else "moot.answers.fails"
        lines.append(words.t(lang, key, answer=found.answers[0].text[lang]))
        if len(found.answers) > 1:
            others = [a.label[lang] for a in found.answers[1:]]
            lines.append(words.t(lang, "moot.answers.more", items=join(others, lang, long=True)))
    else:
        lines.append(
            words.t(lang, "moot.answers.none_holds" if found.holds else "moot.answers.none_fails")
        )
    lines += [misconception_text(case, point, found, key, lang) for key in found.misconceptions]
    return lines


def found_result(feedback: Feedback, index: int) -> str:
    """The result of the issue that stopped the court before the point's issue."""
    found = feedback.points[index]
    assert found.stopped_at is not None
    from .reasoning import court

    here = court(feedback.case, feedback.brief.court)
    return here.step(found.stopped_at, found.defendant).result.value


def unanswered_text(feedback: Feedback, lang: str) -> list[str]:
    case = feedback.case
    out = []
    for entry in feedback.unanswered:
        issue, _, defendant = entry.partition(".")
        if defendant:
            out.append(words.issue_against(case, issue, defendant, lang))
        else:
            out.append(words.issue(case, issue, lang))
    return out


def score_lines(point_score: PointScore, lang: str) -> list[str]:
    return [
        words.t(
            lang,
            "moot.score.criterion",
            label=c.label[lang],
            marks=c.marks,
            weight=c.weight,
            reason=words.t(lang, c.reason),
        )
        for c in point_score.criteria
    ]


def opposing_lines(case: Case, brief: Brief, lang: str) -> list[str]:
    out = []
    for i, point in enumerate(brief.points):
        title = point_title(case, brief, i, point, lang)
        parts = [title]
        if point.rules:
            parts.append(words.t(lang, "cli.rules", rules=words.rules(case, point.rules, lang)))
        if point.evidence:
            parts.append(
                words.t(lang, "moot.evidence", items=words.items(case, point.evidence, lang))
            )
        out.append(
            words.t(lang, "moot.opposing.point", text=words.t(lang, "moot.semicolon").join(parts))
        )
    return out


# --------------------------------------------------------------------------- the document


def document(feedback: Feedback, lang: str) -> list[Block]:
    case, brief = feedback.case, feedback.brief
    court = case.levels[brief.court].label(lang)
    blocks = [
        Block(
            "heading1",
            words.t(lang, "moot.title", side=words.party(case, brief.side, lang), court=court)
            if not brief.judging
            else words.t(lang, "moot.judgment_title", court=court),
        ),
        Block("paragraph", case.title(lang)),
    ]
    if brief.author:
        blocks.append(Block("paragraph", words.t(lang, "moot.author", author=brief.author)))
    if not brief.points:
        blocks.append(Block("paragraph", words.t(lang, "moot.no_points")))
    for i, point in enumerate(brief.points):
        found = feedback.points[i]
        blocks.append(Block("heading2", point_title(case, brief, i, point, lang)))
        relied = []
        if point.rules:
            relied.append(words.t(lang, "cli.rules", rules=words.rules(case, point.rules, lang)))
        if point.evidence:
            relied.append(
                words.t(lang, "moot.evidence", items=words.items(case, point.evidence, lang))
            )
        if point.doctrine:
            relied.append(
                words.t(
                    lang, "moot.urged", readings=words.readings(case, lang, dict(point.doctrine))
                )
            )
        if relied:
            blocks.append(Block("items", items=tuple(relied)))
        if point.text:
            blocks.append(Block("quote", point.text))
        blocks.append(Block("heading3", words.t(lang, "moot.feedback")))
        blocks.append(Block("items", items=tuple(point_summary(feedback, i, lang))))
        if found.questions:
            blocks.append(Block("heading3", words.t(lang, "moot.bench")))
            asked = []
            for q in found.questions:
                line = q.text[lang]
                answer = brief.answer_to(q.key)
                if answer:
                    line = words.sentences(
                        [line, words.t(lang, "moot.answer_given", text=answer)], lang
                    )
                asked.append(line)
            blocks.append(Block("items", items=tuple(asked)))
        blocks.append(
            Block(
                "heading3",
                words.t(
                    lang,
                    "moot.score.point",
                    total=feedback.score.points[i].total,
                    out_of=feedback.score.points[i].out_of,
                ),
            )
        )
        blocks.append(Block("items", items=tuple(score_lines(feedback.score.points[i], lang))))
    blocks.append(Block("heading2", words.t(lang, "moot.unanswered.title")))
    missing = unanswered_text(feedback, lang)
    blocks.append(
        Block("items", items=tuple(missing))
        if missing
        else Block("paragraph", words.t(lang, "moot.unanswered.none"))
    )
    if not brief.judging:
        opposing = feedback.opposing
        blocks.append(
            Block(
                "heading2",
                words.t(lang, "moot.opposing.title", side=words.party(case, opposing.side, lang)),
            )
        )
        lines = opposing_lines(case, opposing, lang)
        blocks.append(
            Block("items", items=tuple(lines))
            if lines
            else Block("paragraph", words.t(lang, "moot.opposing.none"))
        )
    blocks.append(
        Block(
            "heading2",
            words.t(
                lang, "moot.score.total", total=feedback.score.total, out_of=feedback.score.out_of
            ),
        )
    )
    blocks.append(Block("paragraph", words.t(lang, "moot.score.note")))
    return blocks


def to_text(feedback: Feedback, lang: str) -> str:
    out: list[str] = []
    for block in document(feedback, lang):
        if block.kind == "heading1":
            out += [block.text, "=" * min(len(block.text) * 2, 78), ""]
        elif block.kind == "heading2":
            out += ["", block.text, "-" * min(len(block.text) * 2, 78)]
        elif block.kind == "heading3":
            out += [f"{block.text}"]
        elif block.kind == "quote":
            out += [f"  > {line}" for line in block.text.splitlines()]
        elif block.kind == "items":
            out += [f"  - {item}" for item in block.items]
        else:
            out += [block.text]
    return "\n".join(out).strip() + "\n"


def _md_escape(text: str) -> str:
    """Text as Markdown shows it literally (a student's `*` or `#` stays a character)."""
    return "".join(f"\\{c}" if c in "\\`*_{}[]<>#|" else c for c in text)


def to_markdown(feedback: Feedback, lang: str | None = None) -> str:
    """The brief, its feedback, the bench's questions and the score, as Markdown."""
    lang = lang or feedback.brief.lang
    out: list[str] = []
    for block in document(feedback, lang):
        text = _md_escape(block.text)
        if block.kind == "heading1":
            out += [f"# {text}", ""]
        elif block.kind == "heading2":
            out += [f"## {text}", ""]
        elif block.kind == "heading3":
            out += [f"### {text}", ""]
        elif block.kind == "quote":
            out += [
                *(f"> {_md_escape(line)}" if line else ">" for line in block.text.splitlines()),
                "",
            ]
        elif block.kind == "items":
            out += [*(f"- {_md_escape(item)}" for item in block.items), ""]
        else:
            out += [text, ""]
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; max-width: 46em;
  margin: 2em auto; padding: 0 1em; line-height: 1.55; color: #1a1a1a; }
h1 { font-size: 1.6em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
blockquote { border-left: 3px solid #666; margin: 0.5em 0; padding: 0.2em 0.8em;
  white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
  li { break-inside: avoid; } }
"""


def to_html(feedback: Feedback, lang: str | None = None) -> str:
    """One self-contained page (print it to PDF from the browser); everything escaped."""
    lang = lang or feedback.brief.lang
    blocks = document(feedback, lang)
    body: list[str] = []
    tags = {"heading1": "h1", "heading2": "h2", "heading3": "h3", "paragraph": "p"}
    for block in blocks:
        if block.kind in tags:
            tag = tags[block.kind]
            body.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
        elif block.kind == "quote":
            body.append(f"<blockquote>{html.escape(block.text)}</blockquote>")
        else:
            body.append(
                "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in block.items) + "</ul>"
            )
    title = html.escape(blocks[0].text)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- JSON


def feedback_json(feedback: Feedback, lang: str, file: str | None = None) -> dict[str, Any]:
    """The `brief check --json` object (`schemas/feedback.schema.json`)."""
    case, brief = feedback.case, feedback.brief
    points = []
    for i, (point, found) in enumerate(zip(brief.points, feedback.points, strict=True)):
        point_score = feedback.score.points[i]
        points.append(
            {
                "index": i,
                "issue": point.issue,
                "claim": point.claim,
                "against": point.against,
                "defendant": found.defendant,
                "holds": found.holds,
                "found": found.found,
                "decisive": found.decisive,
                "answers": [
                    {
                        "kind": a.kind,
                        "id": a.id,
                        "label": a.label[lang],
                        "effect": a.effect,
                        "text": a.text[lang],
                    }
                    for a in found.answers
                ],
                "misconceptions": list(found.misconceptions),
                "misconception_texts": [
                    misconception_text(case, point, found, k, lang) for k in found.misconceptions
                ],
                "rules_not_carrying": list(found.rules_not_carrying),
                "rules_not_in_force": list(found.rules_not_in_force),
                "evidence_not_read": list(found.evidence_not_read),
                "evidence_not_in_record": list(found.evidence_not_in_record),
                "evidence_against": list(found.evidence_against),
                "doctrine_not_read": list(found.doctrine_not_read),
                "holds_if_urged": found.holds_if_urged,
                "found_if_urged": found.found_if_urged,
                "urged_doctrine_changes_result": found.urged_doctrine_changes_result,
                "questions": [
                    {
                        "key": q.key,
                        "kind": q.kind,
                        "text": q.text[lang],
                        "hint": q.hint.get(lang, ""),
                        "answer": brief.answer_to(q.key),
                    }
                    for q in found.questions
                ],
                "score": {
                    "total": point_score.total,
                    "out_of": point_score.out_of,
                    "criteria": [
                        {
                            "id": c.id,
                            "label": c.label[lang],
                            "weight": c.weight,
                            "met": c.met,
                            "reason": c.reason,
                            "reason_text": words.t(lang, c.reason),
                        }
                        for c in point_score.criteria
                    ],
                },
                "summary": point_summary(feedback, i, lang),
            }
        )
    opposing = feedback.opposing
    return {
        "schema_version": SCHEMA_VERSION,
        "file": file,
        "case": brief.case,
        "side": brief.side,
        "court": brief.court,
        "lang": lang,
        "author": brief.author,
        "points": points,
        "unanswered": list(feedback.unanswered),
        "unanswered_text": unanswered_text(feedback, lang),
        "opposing": {
            "side": opposing.side,
            "points": [
                {
                    "issue": p.issue,
                    "claim": p.claim,
                    "against": p.against,
                    "rules": list(p.rules),
                    "evidence": list(p.evidence),
                    "text": line,
                }
                for p, line in zip(
                    opposing.points, opposing_lines(case, opposing, lang), strict=True
                )
            ],
        },
        "score": {
            "total": feedback.score.total,
            "out_of": feedback.score.out_of,
            "rubric": feedback.score.rubric.source,
        },
    }
