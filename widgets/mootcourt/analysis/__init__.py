"""What-if analysis: which facts each court's result hangs on, in every possible world.

The engine's rules are never restated here: each level is compiled into a decision tree by
running the engine itself through a read hook (`compile`), and every question (one flip,
every world, minimal conditions, unknown facts, doctrinal moves) is answered from that tree
and from sets of worlds held as binary decision diagrams (`space`, `bdd`), whose cost grows
with the rules, not with the number of worlds.

from mootcourt import load_case
from mootcourt.analysis import explain
case = load_case("liu-v-platform-2024")
report = explain(case, {"data_flow_statement": None})   # None: unknown
report.settled["second_instance"].depends_on
report.to_dict("zh-CN")["conditions"]
"""

from .compile import LevelTree, compile_level
from .conditions import Condition, minimal_condition
from .decomposition import Decomposition, decompose
from .explain import Explanation, explain
from .sensitivity import FlipEffect, Settled, sensitivity, settled
from .space import Facts, WorldSpace
from .worlds import LevelWorlds, every_world

__all__ = [
    "Condition",
    "Decomposition",
    "Explanation",
    "Facts",
    "FlipEffect",
    "LevelTree",
    "LevelWorlds",
    "Settled",
    "WorldSpace",
    "compile_level",
    "decompose",
    "every_world",
    "explain",
    "minimal_condition",
    "sensitivity",
    "settled",
]
