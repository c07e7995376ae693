"""A timing trace of pages, kernels and cells, for finding why a page stayed empty.

Off unless `MOOTCOURT_TRACE` names a folder (never in class). Then the Voila server
(`mootcourt.serving`) and every kernel it starts write JSON lines there, one file per process:
`server-<pid>.jsonl`, `kernel-<pid>.jsonl`. Each line has the wall-clock time `t`, the process,
an `event` and its fields, so one sort by `t` puts a page's whole story in order.

In a kernel (installed when `mootcourt.ui` is imported): each cell's execution start and end,
the IOPub messages the cell sent (how many, of which kinds, and when the last one left), and
when the browser asked for the widgets' state (ipywidgets' `request_states`), which is the
moment a page's widgets can appear at all.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

ENV_TRACE = "MOOTCOURT_TRACE"


class Tracer:
    """Appends one JSON object per event to `<folder>/<role>-<pid>.jsonl` (thread-safe)."""

    def __init__(self, folder: str | os.PathLike[str], role: str) -> None:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        self.path = path / f"{role}-{os.getpid()}.jsonl"
        self.role = role
        self._lock = threading.Lock()

    def log(self, event: str, **fields: Any) -> None:
        record = {"t": round(time.time(), 4), "role": self.role, "pid": os.getpid()}
        record.update(event=event, **fields)
        line = json.dumps(record, default=str, ensure_ascii=False)
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


_installed = False


def install_kernel_trace() -> bool:
    """In an IPython kernel with `MOOTCOURT_TRACE` set, trace cells, IOPub and widget-state
    requests. Returns whether the trace is on; does nothing twice, nor outside a kernel."""
    global _installed
    folder = os.environ.get(ENV_TRACE)
    if _installed or not folder:
        return _installed
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return False
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    if kernel is None:
        return False
    tracer = Tracer(folder, "kernel")
    voila_kernel = lambda: os.environ.get("VOILA_KERNEL_ID", "?")  # noqa: E731
    cell: dict[str, Any] = {}

    def pre_run(info: Any) -> None:
        cell.clear()
        cell.update(start=time.time(), kinds={}, last=None)
        tracer.log("cell_start", kernel=voila_kernel())

    def post_run(result: Any) -> None:
        if not cell:
            return
        tracer.log(
            "cell_end",
            kernel=voila_kernel(),
            seconds=round(time.time() - cell["start"], 3),
            iopub=cell["kinds"],
            last_iopub_after=cell["last"] and round(cell["last"] - cell["start"], 3),
            error=type(result.error_in_exec).__name__ if result.error_in_exec else None,
        )

    shell.events.register("pre_run_cell", pre_run)
    shell.events.register("post_run_cell", post_run)

    session, iopub = kernel.session, kernel.iopub_socket
    send = session.send

    def counted_send(stream: Any, msg_or_type: Any, *args: Any, **kwargs: Any) -> Any:
        if stream is iopub and cell:
            kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("msg_type")
            cell["kinds"][kind] = cell["kinds"].get(kind, 0) + 1
            cell["last"] = time.time()
        return send(stream, msg_or_type, *args, **kwargs)

    session.send = counted_send

    from ipywidgets.widgets.widget import Widget

    handle = Widget._handle_control_comm_msg.__func__

    def control(cls: type, msg: dict) -> Any:
        method = msg.get("content", {}).get("data", {}).get("method")
        tracer.log("widgets_requested", kernel=voila_kernel(), method=method)
        result = handle(cls, msg)
        tracer.log("widgets_sent", kernel=voila_kernel(), widgets=len(Widget.widgets))
        return result

    Widget._handle_control_comm_msg = classmethod(control)
    tracer.log("kernel_trace_on", kernel=voila_kernel())
    _installed = True
    return True


def read(folder: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every event in a trace folder, in time order."""
    events = []
    for path in Path(folder).glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                events.append(json.loads(line))
    return sorted(events, key=lambda e: e["t"])
