"""The load test: a class arriving at once at `mootcourt present` (issue 15).

N students open the presenter's page at the same moment (one browser context each, all in one
Chromium, loopback only), wait for the outcome banners, and click Next once. For each setup it
reports time to first render (page request to banners) p50/p95, click latency (Next to the
position changing), errors, kernels alive and their memory at the peak, and, after every page
has closed, how long the culler takes to reclaim the students' kernels.

Setups, on the same machine in the same run:

- `after`: the kit as it is now: one preheated kernel per student (memory permitting,
  `present.plan_pool`), the kit's imports, case load and presenter build done in the pool,
  refills 10 s after a kernel is taken;
- `before`: the set-up issue 15 measured: one preheated kernel per 15 students (at most 8),
  nothing done before the visitor arrives (`MOOTCOURT_PREHEAT=0`), Voila's 1 s refill;
- `no pool`: no preheating at all: every page starts its own kernel.

`tests/benchmarks/bench_load.py` runs N = 20, 40, 60 (printed, never asserted);
`tests/browser/test_load.py` runs a short one and checks 0 errors and the reclaim.
The browser shares the machine's cores with the server, so its own rendering is in the
figures (a real class renders on its own laptops): the figures are an upper bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mootcourt import present
from mootcourt.serving import ENV_CLASS_SIZE

from ..threads import in_a_fresh_thread
from .servers import (
    CHROMIUM_ARGS,
    VOILA_READY,
    Server,
    _serve,
    chromium_path,
    free_port,
    isolated_env,
    kernel_processes,
)
from .soak import with_flags

BANNER = ".mc-presenter .mc-outcome-second_instance"
NEXT = ".mc-presenter button.mc-next"
POSITION = ".mc-presenter .mc-position"
PAGE_TIMEOUT = 180.0
"""seconds a student waits for the dashboard before it counts as an error"""
SETUPS = ("after", "before", "no pool")


@dataclass
class Load:
    setup: str
    students: int
    pool: int = 0
    warm_seconds: float = 0.0
    render: list[float] = field(default_factory=list)
    clicks: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    kernels_peak: int = 0
    memory_peak_mb: float = 0.0
    kernels_left: int = 0
    kernels_allowed: int = 0
    reclaim_seconds: float | None = None
    load_average: str = ""

    @staticmethod
    def _pct(values: list[float], q: float) -> float:
        if not values:
            return math.nan
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]

    def row(self) -> str:
        reclaim = "never" if self.reclaim_seconds is None else f"{self.reclaim_seconds:.0f} s"
        return (
            f"{self.setup:8} {self.students:3} {self.pool:4} "
            f"{self._pct(self.render, 0.5):7.1f} {self._pct(self.render, 0.95):7.1f} "
            f"{1000 * self._pct(self.clicks, 0.5):7.0f} {1000 * self._pct(self.clicks, 0.95):7.0f} "
            f"{len(self.errors):4} {self.kernels_peak:5} {self.memory_peak_mb / 1024:6.2f} "
            f"{self.kernels_left:3}/{self.kernels_allowed:<3} {reclaim:>6}  {self.load_average}"
        )

    def meets_targets(self, available_mb: float) -> bool:
        """p95 time to first render under 3 s, no errors, memory within the machine."""
        return (
            bool(self.render)
            and self._pct(self.render, 0.95) < 3.0
            and not self.errors
            and self.memory_peak_mb < available_mb
        )


HEADER = "setup    N   pool  p50 s   p95 s  clk50ms clk95ms  err peakK  memGB left    reclaim  load"


def kernels_memory(pid: int) -> tuple[int, float]:
    """(kernels, the sum of their RSS in MB) under a server."""
    total = 0.0
    kernels = kernel_processes(pid)
    for child in kernels:
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return len(kernels), total


def pool_for(setup: str, students: int) -> int:
    if setup == "no pool":
        return 0
    if setup == "before":
        return min(8, max(1, math.ceil(students / 15)))
    plan = present.plan_pool(
        students, present.available_mb(), present.measure_kernel_mb(present.Settings())
    )
    return plan.size


@contextlib.contextmanager
def load_server(
    home: Path, setup: str, students: int, cull_idle: int = 60
) -> Iterator[tuple[Server, int]]:
    """`mootcourt present`'s server for `setup`, with the culler on a short interval (idle
    `cull_idle` s, checked every 2 s; 30 minutes in class), started and warmed: returns once
    its pool is ready. The idle time must be longer than a page takes to connect to its
    kernel, or the culler takes a student's kernel before the page reaches it (seen with
    10 s: the arrivals' pages connected after 30 s, their kernels were gone)."""
    home.mkdir(parents=True, exist_ok=True)
    pool = pool_for(setup, students)
    port = free_port()
    settings = present.Settings(
        port=port, open_browser=False, class_size=students, pool=max(pool, 1)
    )
    command = with_flags(
        present.voila_command(settings, present.presenter_notebook()),
        "--MappingKernelManager.cull_interval=2",
        f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
        *(() if setup != "before" else ("--VoilaKernelManager.fill_delay=1",)),
        *(() if pool else ("--VoilaConfiguration.preheat_kernel=False",)),
    )
    env = {
        **present.environment(settings, isolated_env(home)),
        ENV_CLASS_SIZE: str(students),
        "MOOTCOURT_PREHEAT": "0" if setup == "before" else "1",
    }
    with _serve(
        f"load-{setup.replace(' ', '')}-{students}",
        command,
        port,
        home=home,
        cwd=home,
        ready=VOILA_READY,
        env=env,
    ) as server:
        if pool:
            # bounded: a kernel that dies at start (a port taken by another kernel between
            # choosing and binding it, seen here) leaves the pool one short for good
            deadline = time.monotonic() + 20 + 3 * pool
            while "ready for" not in server.log.read_text(errors="replace"):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.5)
        yield server, pool


async def _student(browser, url: str, load: Load, start: asyncio.Event):
    """One student: open the page when everyone does, wait for the banners, click Next.
    Returns the student's context, still open (everyone leaves together, afterwards)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    await start.wait()
    opened = time.monotonic()
    try:
        await page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT * 1000)
        await page.wait_for_selector(BANNER, state="attached", timeout=PAGE_TIMEOUT * 1000)
        await page.wait_for_selector(NEXT, timeout=PAGE_TIMEOUT * 1000)
        load.render.append(time.monotonic() - opened)
        before = (await page.inner_text(POSITION)).strip()
        clicked = time.monotonic()
        await page.click(NEXT, timeout=30_000)
        await page.wait_for_function(
            f"b => document.querySelector({POSITION!r}).innerText.trim() !== b",
            arg=before,
            timeout=30_000,
        )
        load.clicks.append(time.monotonic() - clicked)
    except Exception as error:  # a student who never got a working page: the finding
        load.errors.append(f"{type(error).__name__}: {str(error).splitlines()[0][:120]}")
    return context


async def _arrive(server: Server, load: Load, reclaim_timeout: float) -> None:
    from playwright.async_api import async_playwright

    stop = False

    async def sample() -> None:
        while not stop:
            kernels, memory = kernels_memory(server.proc.pid)
            load.kernels_peak = max(load.kernels_peak, kernels)
            load.memory_peak_mb = max(load.memory_peak_mb, memory)
            await asyncio.sleep(0.5)

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        sampler = asyncio.create_task(sample())
        try:
            start = asyncio.Event()
            students = [
                asyncio.create_task(_student(browser, server.url + "/", load, start))
                for _ in range(load.students)
            ]
            await asyncio.sleep(0.5 + 0.05 * load.students)  # every context open first
            start.set()  # everyone at once
            contexts = await asyncio.wait_for(asyncio.gather(*students), PAGE_TIMEOUT + 120)
            for context in contexts:  # everyone leaves: the tabs close
                with contextlib.suppress(Exception):
                    await context.close()
        finally:
            await browser.close()
        # every tab is closed: the culler must take the students' kernels
        closed = time.monotonic()
        load.kernels_allowed = load.pool
        while time.monotonic() - closed < reclaim_timeout:
            kernels, _ = kernels_memory(server.proc.pid)
            load.kernels_left = kernels
            if kernels <= load.kernels_allowed:
                load.reclaim_seconds = time.monotonic() - closed
                break
            await asyncio.sleep(1)
        stop = True
        await sampler


def run_load(
    home: Path, setup: str, students: int, *, cull_idle: int = 60, reclaim_timeout: float = 90
) -> Load:
    """One class of `students` arriving at a fresh server set up as `setup`; after they
    leave, wait up to `reclaim_timeout` s for the culler."""
    load = Load(setup, students)
    started = time.monotonic()
    folder = home / re.sub(r"\W", "", setup) / str(students)
    with load_server(folder, setup, students, cull_idle) as (
        server,
        pool,
    ):
        load.pool = pool
        load.warm_seconds = time.monotonic() - started
        load.load_average = " ".join(f"{x:.1f}" for x in os.getloadavg())
        # a thread of its own: the session's sync Playwright keeps a loop in the main thread
        in_a_fresh_thread(lambda: asyncio.run(_arrive(server, load, reclaim_timeout)))
    return load
