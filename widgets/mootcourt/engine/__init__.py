"""The reasoning engine: doctrines, issue tests, evaluation and the reasoning trace."""

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
    "SourceAnalysis",
    "Step",
    "evaluate",
    "possible_sources",
]
