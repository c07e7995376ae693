"""Moot Court Kit: watch two courts reason about one dispute, and change what they saw.

from mootcourt import load_case, evaluate
case = load_case("liu-v-platform-2024")
judgment = evaluate(case, case.record_world().with_toggles(alias_on_waybills=False))
judgment.level("second_instance").liable
"""

from .case import Case, load_case
from .engine import Judgment, Result, evaluate
from .errors import CaseError, CaseNotFound, DoctrineError, WorldError
from .world import World

__version__ = "0.1.0"

__all__ = [
    "Case",
    "CaseError",
    "CaseNotFound",
    "DoctrineError",
    "Judgment",
    "Result",
    "World",
    "WorldError",
    "evaluate",
    "load_case",
]
