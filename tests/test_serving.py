"""The kit's Voila (issue 17): the waiting cell has no timeout, the presenter notebook waits
in such a cell and carries the watchdog as the catalogue words it now, the trace is off
unless asked for."""

from __future__ import annotations

import json

import nbformat

from mootcourt import present, serving
from mootcourt.trace import Tracer, install_kernel_trace, read
from mootcourt.ui.watchdog import WATCHDOG, watchdog_html


def test_only_the_waiting_cell_has_no_timeout() -> None:
    timeouts = serving.CellTimeouts(120)
    waiting = nbformat.v4.new_code_cell("wait_for_visitor()")
    waiting.metadata["tags"] = [serving.WAITS_TAG]
    assert timeouts(waiting) is None
    assert timeouts(nbformat.v4.new_code_cell("Presenter.from_environment()")) == 120
    assert serving.cell_timeout_from(["--VoilaExecutor.timeout=120", "x"]) == 120
    assert serving.cell_timeout_from(["--VoilaExecutor.timeout=5"]) == 5
    assert serving.cell_timeout_from([]) is None


def test_present_runs_the_kits_voila_on_a_notebook_that_waits_untimed() -> None:
    command = present.voila_command(present.Settings(), present.presenter_notebook())
    assert command[1:3] == ["-m", "mootcourt.serving"]
    nb = nbformat.read(present.presenter_notebook(), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert serving.WAITS_TAG in code[0].metadata["tags"]
    assert "wait_for_visitor()" in code[0].source
    assert serving.WAITS_TAG not in code[1].metadata.get("tags", []), "the dashboard is timed"


def test_the_presenter_notebook_carries_the_watchdog_as_worded_now() -> None:
    nb = nbformat.read(present.presenter_notebook(), as_version=4)
    cell = nb.cells[0]
    assert cell.cell_type == "markdown" and WATCHDOG in cell.metadata["tags"]
    assert cell.source == watchdog_html(), (
        "the watchdog's words changed: store mootcourt.ui.watchdog.watchdog_cell() as the "
        "first cell of notebooks/instructor/present.ipynb"
    )
    for words in ("本页的看板尚未显示", "The dashboard has not appeared", "location.reload"):
        assert words in cell.source
    assert "http" not in cell.source, "nothing from a CDN"


def test_wait_for_visitor_returns_at_once_outside_a_pool(monkeypatch) -> None:
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    serving.wait_for_visitor()


def test_the_trace_is_off_unless_asked_and_writes_json_lines(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("MOOTCOURT_TRACE", raising=False)
    assert install_kernel_trace() is False
    Tracer(tmp_path, "server").log("cell_end", kernel="k", seconds=1.5)
    (event,) = read(tmp_path)
    assert event["event"] == "cell_end" and event["seconds"] == 1.5 and event["role"] == "server"
    assert json.loads((tmp_path / f"server-{event['pid']}.jsonl").read_text())["kernel"] == "k"


def test_the_pool_reports_its_warming_and_when_it_is_ready(monkeypatch) -> None:
    """The instructor sees progress, then "ready for N students" once every pooled kernel
    waits for its visitor (on Voila's request-info websocket), and again after a refill."""
    import time

    from voila.request_info_handler import RequestInfoSocketHandler

    waiters: dict[str, object] = {}
    monkeypatch.setattr(RequestInfoSocketHandler, "_waiters", waiters)
    lines: list[str] = []
    serving.report_pool(2, 30, lines.append)
    waiters["a"] = waiters["b"] = object()
    deadline = time.monotonic() + 10
    while not any("ready for 30 students" in line for line in lines):
        assert time.monotonic() < deadline, lines
        time.sleep(0.1)
    del waiters["a"]  # a student took a kernel; Voila starts its replacement
    time.sleep(1)
    waiters["c"] = object()
    while not any("refilled" in line for line in lines):
        assert time.monotonic() < deadline, lines
        time.sleep(0.1)
    assert serving.pool_size_from(["--VoilaConfiguration.default_pool_size=7"]) == 7
