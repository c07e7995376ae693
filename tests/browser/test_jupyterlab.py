"""A student's path: open a notebook in JupyterLab, run every cell, use the explorer.

The notebook runs in a scratch copy of `notebooks/` (Lab autosaves, and must never write into
the repository).
"""

from __future__ import annotations

import pytest

LAB_TIMEOUT = 120_000


# The notebook's kernel, connected and idle: only then does "run all" reach it. (The toolbar's
# execution indicator can read idle while the session is still being set up, and a run-all
# sent then was lost about once in ten runs on a busy machine.)
KERNEL_READY = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const session = widget && widget.sessionContext && widget.sessionContext.session;
  const kernel = session && session.kernel;
  return !!kernel && kernel.connectionStatus === "connected" && kernel.status === "idle";
}"""


# Each code cell's prompt ('[*]:' while it runs), the kernel's status, and the start of each
# output: printed when the explorer does not appear.
LAB_STATE = """() => {
  const widget = window.jupyterapp.shell.currentWidget;
  const kernel = widget.sessionContext.session && widget.sessionContext.session.kernel;
  return {
    kernel: kernel && [kernel.status, kernel.connectionStatus],
    prompts: [...document.querySelectorAll(".jp-InputPrompt")].map(e => e.innerText.trim()),
    outputs: [...document.querySelectorAll(".jp-OutputArea-output")].map(
      e => e.innerText.slice(0, 80)),
  };
}"""


def _run_all(page) -> None:
    page.wait_for_function(KERNEL_READY, timeout=LAB_TIMEOUT)
    # Lab's own command, as the Run menu's "Run All Cells" item runs it; not awaited (its
    # promise settles only when every cell is done: the waits below have the timeouts)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_explorer_runs_in_jupyterlab(lab_server, page, screenshots, lang: str) -> None:
    # a workspace of its own, reset: Lab would otherwise reopen the previous test's tabs
    page.goto(
        f"{lab_server.url}/lab/workspaces/t-{lang}/tree/{lang}/05-where-they-diverge.ipynb?reset",
        wait_until="commit",
        timeout=LAB_TIMEOUT,
    )
    _run_all(page)
    explorer = page.locator(".mc-explorer").first
    try:
        explorer.locator(".mc-outcome-second_instance").wait_for(
            state="attached", timeout=LAB_TIMEOUT
        )
    except Exception:  # leave what a person needs to tell Lab's fault from ours
        page.screenshot(path=screenshots / f"lab-explorer-{lang}-FAILED.png")
        print("JupyterLab state when the explorer did not appear:", page.evaluate(LAB_STATE))
        raise
    explorer.scroll_into_view_if_needed()
    banner = explorer.locator(".mc-outcome-second_instance")
    assert "mc-liable" in (banner.get_attribute("class") or "").split()
    explorer.locator(".mc-toggle-alias_on_waybills input").click()
    explorer.locator(".mc-outcome-second_instance.mc-not-liable").wait_for(timeout=15_000)
    width = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.mc-explorer')].map(e => e.scrollWidth))"
    )
    column = page.evaluate(
        "document.querySelector('.jp-Cell-outputArea, .jp-OutputArea').clientWidth"
    )
    assert width <= column + 2, f"the explorer ({width} px) overflows the notebook ({column} px)"
    explorer.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"lab-explorer-{lang}.png")
