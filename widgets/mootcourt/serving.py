"""Voila as the kit serves it: one workaround, and a trace behind a debug flag.

    python -m mootcourt.serving NOTEBOOK_OR_FOLDER [voila options...]

is `python -m voila` with four differences: the page template (`mootcourt.page_template`:
Voila's `lab` page with nothing fetched from a CDN and the watchdog in every page that holds a
widget; `--template` chooses another), the widget manager's longer wait for the widgets' state
(`mootcourt.control_comm`: on a busy machine its 4 s left explorer pages empty), kernels whose
outputs are never dropped (`mootcourt.kernel`), and the two below.

**The workaround (always on).** Voila applies the executor's cell timeout
(`VoilaExecutor.timeout`) to every cell of a preheated kernel, including the cell that waits
in the pool for its visitor (`voila.utils.wait_for_request()`). A pooled kernel that waits
longer than the timeout has its page rendered with that cell's output dropped, and Voila still
hands that page out: the next visitor sees a page with no dashboard, however long they wait
(docs/upstream/voila-preheat-timeout.md). Here a cell tagged `WAITS_TAG` has no timeout; every
other cell keeps the one given on the command line.

**The trace (off unless `MOOTCOURT_TRACE` names a folder).** The server then writes, as JSON
lines in that folder, per page and per kernel: the request, the kernel it got, each cell's
execution start and end, the execute reply, every IOPub message's lag (kernel send to server
receipt), the cell's first display, whether its idle status arrived or the IOPub wait timed
out, websocket connects and closes, kernel starts, shutdowns and culls. Kernels the server
starts inherit the variable and trace themselves (`mootcourt.trace`).
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from . import control_comm, kernel, page_template
from .trace import ENV_TRACE, Tracer

ENV_CLASS_SIZE = "MOOTCOURT_CLASS_SIZE"
"""`--class-size`, for the "ready for N students" line (`mootcourt present` sets it)"""
ENV_PREHEAT = "MOOTCOURT_PREHEAT"
"""`0` turns `preheat` off (the load test's "before": the kit's work after the visitor)"""
WAITS_TAG = "mootcourt-waits-for-visitor"
"""the tag of a cell that waits for its visitor: it may wait as long as the pool keeps it"""


_visited = False


def wait_for_visitor() -> None:
    """In a preheated kernel (Voila's pool), wait for the request that takes this kernel, as
    long as that takes: the cell that calls this carries `WAITS_TAG`, so no cell timeout cuts
    the wait short, and the kernel stays busy, so the idle culler leaves it in the pool.
    Outside a pool it returns at once."""
    from .trace import install_kernel_trace

    global _visited
    install_kernel_trace()  # only with MOOTCOURT_TRACE set
    if os.environ.get("VOILA_PREHEAT") == "True" and not _visited:
        from voila.utils import wait_for_request

        preheat()
        wait_for_request()  # Voila sends the request once: a second wait would never end
        _visited = True


def preheat() -> None:
    """The kit's own start-up work, done while a pooled kernel waits rather than after a
    student arrives: the imports (ipywidgets, the presenter), the case load and the presenter
    for the command's settings (`Presenter.preheat`). Only under `mootcourt present` (which
    sets `MOOTCOURT_CASE`), and not with `MOOTCOURT_PREHEAT=0`; a failure here is left to the
    visitor's own cell, which builds the presenter again and shows its error the usual way."""
    from .present import ENV_CASE

    if not os.environ.get(ENV_CASE) or os.environ.get(ENV_PREHEAT) == "0":
        return
    try:
        from .ui.presenter import Presenter

        Presenter.preheat()
    except Exception:  # reported by the visitor's cell, not in the pool
        pass


def rss_mb() -> float:
    """This process's resident memory (Linux /proc; 0 elsewhere)."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):  # noqa: SIM115
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def probe() -> None:
    """Print the memory, in MB, of a process that has done what a pooled kernel does before
    its visitor arrives (the kernel's own imports, then `preheat`): `mootcourt present`
    sizes the pool with it (`python -m mootcourt.serving --probe`)."""
    import ipykernel.ipkernel  # noqa: F401  # the kernel's own weight

    preheat()
    print(f"{rss_mb():.1f}", flush=True)


def report_pool(target: int, class_size: int | None, out: Callable[[str], None] = print) -> None:
    """Print, from a daemon thread, how many preheated kernels wait for a visitor: progress
    while the pool warms, then "ready for N students" once it is full, and again each time
    kernels taken by students have been replaced. A kernel waits on Voila's request-info
    websocket (`voila.utils.wait_for_request`) only after its pre-visitor cells have run, so
    a kernel counted here is fully preheated."""
    import threading

    from voila.request_info_handler import RequestInfoSocketHandler

    students = class_size or target

    def watch() -> None:
        start = time.monotonic()
        last, shown, ready, low = -1, 0.0, False, target
        while True:
            waiting = len(RequestInfoSocketHandler._waiters)
            now = time.monotonic()
            low = min(low, waiting)
            if waiting >= target and (not ready or low < target):
                if not ready:
                    out(
                        f"Moot Court Kit: ready for {students} students "
                        f"({waiting} preheated kernels, warmed in {now - start:.0f} s)"
                    )
                else:
                    out(f"Moot Court Kit: pool refilled, {waiting} preheated kernels waiting")
                ready, low = True, waiting
            elif not ready and waiting != last and now - shown >= 2:
                out(f"Moot Court Kit: warming the pool, {waiting}/{target} kernels ready")
                last, shown = waiting, now
            time.sleep(0.5)

    threading.Thread(target=watch, name="mootcourt-pool", daemon=True).start()


def pool_size_from(argv: list[str]) -> int:
    """`--VoilaConfiguration.default_pool_size=N` on a command line (the last wins), else 0."""
    found = 0
    for arg in argv:
        if arg.startswith("--VoilaConfiguration.default_pool_size="):
            found = int(arg.split("=", 1)[1])
    return found


class CellTimeouts:
    """`VoilaExecutor.timeout_func`: no timeout for a cell tagged `WAITS_TAG`; `default`
    (seconds, or None for none) for every other cell."""

    def __init__(self, default: int | None) -> None:
        self.default = default

    def __call__(self, cell: Any) -> int | None:
        tags = (cell.get("metadata") or {}).get("tags") or ()
        return None if WAITS_TAG in tags else self.default


def cell_timeout_from(argv: list[str]) -> int | None:
    """The `--VoilaExecutor.timeout=N` on a command line (the last one wins), else None."""
    found: int | None = None
    for arg in argv:
        if arg.startswith("--VoilaExecutor.timeout="):
            value = int(arg.split("=", 1)[1])
            found = value if value > 0 else None
    return found


def _wrap(owner: type, name: str, make: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    original = getattr(owner, name)
    setattr(owner, name, functools.wraps(original)(make(original)))


def install_server_trace(tracer: Tracer) -> None:
    """Log every page, cell, IOPub message, websocket and kernel event of this server."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
    from voila.execute import VoilaExecutor
    from voila.handler import VoilaHandler

    def kernel_of(executor: Any) -> str:
        return getattr(executor.km, "kernel_id", None) or "?"

    def execute_cell(original):
        async def wrapper(self, cell, cell_index, *args, **kwargs):
            if cell.get("cell_type") != "code":  # nothing runs: nothing to time
                return await original(self, cell, cell_index, *args, **kwargs)
            kernel = kernel_of(self)
            self._mc_cell = {"messages": 0, "max_lag": 0.0, "display": None, "idle": None}
            start = time.time()
            tracer.log("cell_start", kernel=kernel, cell=cell_index)
            error = None
            try:
                return await original(self, cell, cell_index, *args, **kwargs)
            except BaseException as e:
                error = type(e).__name__
                raise
            finally:
                seen = self._mc_cell
                tracer.log(
                    "cell_end",
                    kernel=kernel,
                    cell=cell_index,
                    seconds=round(time.time() - start, 3),
                    iopub_messages=seen["messages"],
                    iopub_max_lag=round(seen["max_lag"], 3),
                    first_display_after=seen["display"] and round(seen["display"] - start, 3),
                    idle_seen=seen["idle"] is not None,
                    iopub_timed_out=seen["idle"] is None and error is None,
                    outputs=len(cell.get("outputs", [])),
                    error=error,
                )

        return wrapper

    def process_message(original):
        def wrapper(self, msg, cell, cell_index):
            seen = getattr(self, "_mc_cell", None)
            if seen is not None:
                now = time.time()
                seen["messages"] += 1
                sent = msg.get("header", {}).get("date")
                if sent is not None and hasattr(sent, "timestamp"):
                    seen["max_lag"] = max(seen["max_lag"], now - sent.timestamp())
                kind = msg.get("msg_type")
                if kind in ("display_data", "execute_result") and seen["display"] is None:
                    seen["display"] = now
                    tracer.log("cell_display", kernel=kernel_of(self), cell=cell_index)
                if kind == "status" and msg["content"].get("execution_state") == "idle":
                    seen["idle"] = now
            return original(self, msg, cell, cell_index)

        return wrapper

    _wrap(VoilaExecutor, "async_execute_cell", execute_cell)
    _wrap(VoilaExecutor, "process_message", process_message)

    def page(original):
        async def wrapper(self, path=None, *args, **kwargs):
            start = time.time()
            tracer.log("page_start", path=path, query=self.request.query)
            try:
                async for chunk in original(self, path, *args, **kwargs):
                    yield chunk
            finally:
                tracer.log("page_end", path=path, seconds=round(time.time() - start, 3))

        return wrapper

    _wrap(VoilaHandler, "get_generator", page)

    def ws_open(original):
        async def wrapper(self, kernel_id, *args, **kwargs):
            tracer.log("websocket_open", kernel=kernel_id)
            self._mc_kernel = kernel_id
            return await original(self, kernel_id, *args, **kwargs)

        return wrapper

    def ws_close(original):
        def wrapper(self, *args, **kwargs):
            tracer.log("websocket_close", kernel=getattr(self, "_mc_kernel", "?"))
            return original(self, *args, **kwargs)

        return wrapper

    _wrap(KernelWebsocketHandler, "open", ws_open)
    _wrap(KernelWebsocketHandler, "on_close", ws_close)

    def start_kernel(original):
        async def wrapper(self, *args, **kwargs):
            kernel_id = await original(self, *args, **kwargs)
            tracer.log("kernel_start", kernel=kernel_id, kernels=len(self.list_kernel_ids()))
            return kernel_id

        return wrapper

    def shutdown_kernel(original):
        async def wrapper(self, kernel_id, *args, **kwargs):
            tracer.log("kernel_shutdown", kernel=kernel_id)
            return await original(self, kernel_id, *args, **kwargs)

        return wrapper

    def cull(original):
        async def wrapper(self, kernel_id, *args, **kwargs):
            before = kernel_id in self
            result = await original(self, kernel_id, *args, **kwargs)
            if before and kernel_id not in self:
                tracer.log("kernel_culled", kernel=kernel_id)
            return result

        return wrapper

    _wrap(AsyncMappingKernelManager, "start_kernel", start_kernel)
    _wrap(AsyncMappingKernelManager, "shutdown_kernel", shutdown_kernel)
    _wrap(AsyncMappingKernelManager, "cull_kernel_if_idle", cull)


def main(argv: list[str] | None = None) -> None:
    from traitlets.config import Config
    from voila.app import Voila

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--probe"]:
        probe()
        return
    folder = os.environ.get(ENV_TRACE)
    if folder:
        install_server_trace(Tracer(folder, "server"))
    kernels = str(kernel.install_spec())  # the kernel whose outputs are never dropped
    paths = os.environ.get("JUPYTER_PATH", "")
    os.environ["JUPYTER_PATH"] = kernels + (os.pathsep + paths if paths else "")
    if not any(a.startswith(("--template", "--VoilaConfiguration.template")) for a in argv):
        data = str(page_template.install())
        paths = os.environ.get("JUPYTER_PATH", "")
        os.environ["JUPYTER_PATH"] = data + (os.pathsep + paths if paths else "")
        argv.append(f"--template={page_template.NAME}")
    config = Config()
    config.VoilaExecutor.timeout_func = CellTimeouts(cell_timeout_from(argv))
    widgets = control_comm.install()
    if widgets is not None:
        config.VoilaConfiguration.extra_labextensions_path = [str(widgets)]
    target = pool_size_from(argv)
    if target and "--VoilaConfiguration.preheat_kernel=True" in argv:
        size = os.environ.get(ENV_CLASS_SIZE, "")
        report_pool(target, int(size) if size.isdigit() else None, _say)
    Voila.launch_instance(argv=argv, config=config)


def _say(line: str) -> None:
    print(line, flush=True)


if __name__ == "__main__":
    main()
