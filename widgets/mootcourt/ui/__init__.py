"""The explorer: toggle evidence, parties and doctrine, and watch the courts reason side by side.

    from mootcourt import load_case
    from mootcourt.ui import Explorer
    Explorer(load_case("liu-v-platform-2024"), lang="en")

Importing this package is light: ipywidgets and the components load when `Explorer` is first
used, so `import mootcourt.ui` costs nothing in a kernel that never shows one.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .explorer import Explorer
    from .moot import MootCourt
    from .moot_state import MootState
    from .state import ExplorerState

__all__ = ["Explorer", "ExplorerState", "MootCourt", "MootState"]

if os.environ.get("MOOTCOURT_TRACE"):  # the debug trace (mootcourt.trace); off in class
    from ..trace import install_kernel_trace

    install_kernel_trace()


def __getattr__(name: str) -> Any:
    if name == "Explorer":
        from .explorer import Explorer

        return Explorer
    if name == "ExplorerState":
        from .state import ExplorerState

        return ExplorerState
    if name == "MootCourt":
        from .moot import MootCourt

        return MootCourt
    if name == "MootState":
        from .moot_state import MootState

        return MootState
    raise AttributeError(f"module 'mootcourt.ui' has no attribute '{name}'")
