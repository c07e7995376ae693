"""The reasoning engine: doctrines, issue tests, evaluation and the reasoning trace."""

from .counting import Runs, counting
from .datamatrix import SourceAnalysis, possible_sources
from .evaluate import DoctrineOverrides, evaluate
from .judgment import DefendantJudgment, Divergence, Judgment, LevelJudgment
from .steps import Result, Step

__all__ = [
    "DefendantJudgment",
    "Divergence",
    "DoctrineOverrides",
    "Judgment",
    "LevelJudgment",
    "Result",
    "Runs",
    "SourceAnalysis",
    "Step",
    "counting",
    "evaluate",
    "possible_sources",
]
