"""The moot court: briefs, computed feedback, the bench's questions, the other side, judge mode.

A brief argues one side of a case to one court, point by point (issue, the result argued for,
rules, evidence, the doctrine value urged, the student's words). The kit never grades the
words: it judges the structure of each point against what the engine finds for that court and
world, and says why, from message keys in both languages.

from mootcourt.moot import load_brief, check_brief
brief = load_brief("team3.yaml")
feedback = check_brief(brief)
feedback.points[0].holds, feedback.points[0].answers
print(feedback.render("zh-CN"))

Nothing in this package names an issue, a doctrine parameter, a party or a toggle of any case
(a test enforces it): the vocabulary is the case's and the engine's.
"""

from __future__ import annotations

from .bench import Question
from .brief import COURT, Answer, Brief, BriefError, Point, defendant_of
from .feedback import BestAnswer, Feedback, PointFeedback, check_brief
from .files import (
    autosave_path,
    default_path,
    list_briefs,
    load_brief,
    save_brief,
    student_folder,
)
from .judging import JudgeReport, judge
from .opponent import opposing_brief
from .rubric import Rubric, Score, load_rubric, score

__all__ = [
    "COURT",
    "Answer",
    "BestAnswer",
    "Brief",
    "BriefError",
    "Feedback",
    "JudgeReport",
    "Point",
    "PointFeedback",
    "Question",
    "Rubric",
    "Score",
    "autosave_path",
    "check_brief",
    "default_path",
    "defendant_of",
    "judge",
    "list_briefs",
    "load_brief",
    "load_rubric",
    "opposing_brief",
    "save_brief",
    "score",
    "student_folder",
]
