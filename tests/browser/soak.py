"""The soak: many page loads on long-lived servers, the way a class and its instructor use them.

Two Voila servers stay up for the whole run: the presenter (`mootcourt present`'s own command,
preheated pool) and the lessons' explorer (a folder of explorer notebooks, a kernel per page).
Pages are opened several at once, some reloaded, all closed; the idle culler runs on a short
interval, so closed pages' kernels are culled while others start; now and then the servers sit
quiet for longer than a cell's timeout (as before a class), so pooled kernels age in the pool.
Every page must show its outcome banners. At the end it reports loads, failures, the kernels
still alive against the pool, and each server's memory slope. Loopback only; bounded; it stops
by itself. `tests/browser/test_soak.py` runs a short one, `tests/benchmarks/bench_soak.py` a
long one (printed, never asserted).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mootcourt import load_case, present
from mootcourt.trace import ENV_TRACE, read

from .servers import (
    VOILA_READY,
    Server,
    _serve,
    diagnose,
    explorer_notebook,
    free_port,
    isolated_env,
    kernel_processes,
    voila_command,
)

CULL = ("--MappingKernelManager.cull_interval=2", "--MappingKernelManager.cull_idle_timeout=10")
"""the culler on a short interval: a closed page's kernel goes within about 12 s"""
CELL_TIMEOUT = 12
"""the presenter's cell timeout in the soak (120 s in class): short, so that a quiet spell a
little longer than it ages pooled kernels past it within a run of minutes"""
QUIET = 16.0
"""a quiet spell: longer than `CELL_TIMEOUT`"""
PAGE_TIMEOUT = 90_000
CASES = ("liu-v-platform-2024", "pang-v-qunar-2017")


@dataclass
class Kind:
    name: str
    server: str  # "presenter" or "explorer"
    path: str
    case: str
    root: str

    def banners(self) -> list[str]:
        levels = load_case(self.case).levels
        return [f"{self.root} .mc-outcome-{level}" for level in levels]


KINDS = (
    Kind("presenter en", "presenter", "/", CASES[0], ".mc-presenter"),
    Kind("explorer liu", "explorer", "/voila/render/explorer-liu.ipynb", CASES[0], ".mc-explorer"),
    Kind("presenter zh-CN", "presenter", "/?lang=zh-CN", CASES[0], ".mc-presenter"),
    Kind(
        "explorer pang", "explorer", "/voila/render/explorer-pang.ipynb", CASES[1], ".mc-explorer"
    ),
)


@dataclass
class Result:
    loads: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    render: list[float] = field(default_factory=list)
    memory: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    kernels_end: dict[str, int] = field(default_factory=dict)
    kernels_allowed: dict[str, int] = field(default_factory=dict)
    pool: int = 0
    trace: str = ""

    def slope(self, server: str) -> float:
        """Least-squares slope of the server's RSS, in MB per 100 page loads."""
        points = self.memory.get(server, [])
        if len(points) < 2:
            return 0.0
        n = len(points)
        mx = sum(x for x, _ in points) / n
        my = sum(y for _, y in points) / n
        var = sum((x - mx) ** 2 for x, _ in points)
        if var == 0:
            return 0.0
        return 100 * sum((x - mx) * (y - my) for x, y in points) / var

    def report(self) -> str:
        lines = [
            f"soak: {self.loads} page loads in {self.seconds:.0f} s, {len(self.failures)} failures",
        ]
        if self.render:
            ordered = sorted(self.render)
            p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
            median = ordered[len(ordered) // 2]
            lines.append(f"  page -> banners: median {median:.1f} s, p95 {p95:.1f} s")
        for server, points in self.memory.items():
            first, last = points[0][1], points[-1][1]
            lines.append(
                f"  {server} server RSS {first:.0f} -> {last:.0f} MB, "
                f"slope {self.slope(server):+.1f} MB per 100 loads"
            )
        for server, count in self.kernels_end.items():
            lines.append(
                f"  {server} kernels alive at the end: {count} "
                f"(allowed: {self.kernels_allowed[server]})"
            )
        if self.trace:
            lines.append(f"  trace: {self.trace}")
        lines += [f"  FAILED {f}" for f in self.failures[:20]]
        return "\n".join(lines)


def trace_summary(folder: Path) -> str:
    """What the servers' trace says about every executed cell: how many, how many timed out
    (cell timeout) or gave up waiting for IOPub, and the worst IOPub lag."""
    cells = [e for e in read(folder) if e["role"] == "server" and e["event"] == "cell_end"]
    if not cells:
        return ""
    timed_out = sum(1 for c in cells if c.get("error") == "CellTimeoutError")
    iopub = sum(1 for c in cells if c.get("iopub_timed_out"))
    lag = max(c.get("iopub_max_lag") or 0 for c in cells)
    return (
        f"{len(cells)} cells executed, {timed_out} cell timeouts, {iopub} IOPub waits timed "
        f"out, worst IOPub lag {lag:.1f} s"
    )


def with_flags(command: list[str], *flags: str) -> list[str]:
    """`command` with each `--Name.trait=value` of `flags` replacing the same trait's
    (Voila refuses a trait given twice)."""
    keys = {f.split("=", 1)[0] for f in flags}
    return [c for c in command if c.split("=", 1)[0] not in keys] + list(flags)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def kernels(pid: int) -> int:
    """How many ipykernel processes run under a server."""
    return len(kernel_processes(pid))


@contextlib.contextmanager
def soak_servers(
    home: Path, *, module: str = "mootcourt.serving", notebook: Path | None = None, pool: int = 2
) -> Iterator[dict[str, Server]]:
    """The presenter (as `mootcourt present` runs it, with the culler and the cell timeout
    short) and the explorer server. `module`/`notebook` swap in plain Voila and another
    presenter notebook, to measure what the kit's workaround changes."""
    home.mkdir(parents=True, exist_ok=True)
    root = home / "lessons"
    root.mkdir(exist_ok=True)
    explorer_notebook(root / "explorer-liu.ipynb", CASES[0])
    explorer_notebook(root / "explorer-pang.ipynb", CASES[1])
    port = free_port()
    settings = present.Settings(
        case=CASES[0], port=port, open_browser=False, class_size=pool, pool=pool
    )
    command = present.voila_command(settings, notebook or present.presenter_notebook())
    command[2] = module
    command = with_flags(command, *CULL, f"--VoilaExecutor.timeout={CELL_TIMEOUT}")
    trace = {ENV_TRACE: str(home / "trace")}  # the kit's timing trace, for the report
    env = {**present.environment(settings, isolated_env(home / "presenter")), **trace}
    with contextlib.ExitStack() as stack:
        presenter = stack.enter_context(
            _serve("present", command, port, home=home, cwd=home, ready=VOILA_READY, env=env)
        )
        eport = free_port()
        ecommand = with_flags(voila_command(root, eport), *CULL)
        ecommand[2] = module
        explorer = stack.enter_context(
            _serve(
                "explorer",
                ecommand,
                eport,
                home=home,
                cwd=root,
                ready=VOILA_READY,
                env={**isolated_env(home / "explorer"), **trace},
            )
        )
        yield {"presenter": presenter, "explorer": explorer}


def soak(
    browser,
    servers: dict[str, Server],
    loads: int,
    *,
    at_once: int = 3,
    quiet_every: int = 60,
    pool: int = 2,
    artifacts: Path | None = None,
) -> Result:
    """Open `loads` pages (several at once, every fourth one reloaded), with a quiet spell
    every `quiet_every` loads; then wait for the culler and count what is left."""
    result = Result(pool=pool)
    start = time.monotonic()
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    i = 0
    next_quiet = quiet_every
    try:
        while result.loads < loads:
            batch = []
            for _ in range(min(at_once, loads - result.loads)):
                kind = KINDS[i % len(KINDS)]
                i += 1
                page = context.new_page()
                opened = time.monotonic()
                page.goto(servers[kind.server].url + kind.path, wait_until="commit")
                batch.append((kind, page, opened, i % 4 == 0))
            for kind, page, opened, reload in batch:
                for attempt in (0, 1) if reload else (0,):
                    if attempt:
                        opened = time.monotonic()
                        page.reload(wait_until="commit")
                    result.loads += 1
                    try:
                        for banner in kind.banners():
                            page.wait_for_selector(banner, state="attached", timeout=PAGE_TIMEOUT)
                        result.render.append(time.monotonic() - opened)
                    except Exception as error:  # a page that never rendered: the finding
                        name = f"load {result.loads} ({kind.name})"
                        result.failures.append(f"{name}: {type(error).__name__}")
                        if artifacts is not None:
                            with contextlib.suppress(Exception):
                                page.screenshot(path=artifacts / f"soak-failure-{result.loads}.png")
                            with contextlib.suppress(Exception):
                                (artifacts / f"soak-failure-{result.loads}.txt").write_text(
                                    f"{name}\n{diagnose(page)}\n", encoding="utf-8"
                                )
                        break
                page.close()
            for name, server in servers.items():
                result.memory.setdefault(name, []).append((result.loads, rss_mb(server.proc.pid)))
            if result.loads >= next_quiet and result.loads < loads:
                next_quiet += quiet_every
                time.sleep(QUIET)  # pooled kernels wait longer than a cell's timeout
    finally:
        context.close()
    # every page is closed: the culler takes their kernels (idle 10 s, checked every 2 s)
    allowed = {"presenter": pool, "explorer": 0}
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        counts = {name: kernels(s.proc.pid) for name, s in servers.items()}
        if all(counts[n] <= allowed[n] for n in counts):
            break
        time.sleep(1)
    result.kernels_end = counts
    result.kernels_allowed = allowed
    result.seconds = time.monotonic() - start
    folder = servers["presenter"].root / "trace"
    if folder.is_dir():
        result.trace = trace_summary(folder)
    return result
