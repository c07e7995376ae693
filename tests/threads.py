"""Run work in a thread of its own.

Under `make test` the browser tests' sync Playwright keeps an event loop running in the main
thread for the rest of the session, so `asyncio.run` there raises. Tests that need an event
loop of their own (or none) run their work through `in_a_fresh_thread`.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def in_a_fresh_thread(work: Callable[[], T]) -> T:
    """`work()` in a new thread, its result (or its exception) returned here."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()
