"""The reasoning engine: the recording accessor, evaluation, judgments and the reasoning trace.

It names no issue, parameter or remedy of any dispute: those are a pack's (`mootcourt.packs`)."""

from .counting import Runs, counting
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
    "Step",
    "counting",
    "evaluate",
]
