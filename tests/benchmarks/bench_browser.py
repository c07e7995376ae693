"""Browser benchmarks (`make bench`): the explorer and presenter against the bare floor.

Measured in one Voila server, in one headless Debian Chromium, next to a one-checkbox
notebook (Checkbox -> HTML), so every figure is a ratio to what this machine can do at all:

- time to first render: page opened -> the widget's first element visible (cold: a kernel
  starts per page; `present` is also measured preheated, as `mootcourt present` serves it);
- click -> outcome updated: a toggle clicked -> the outcome banner's class changed, p50/p95;
- memory: resident set size of each kernel with the view shown.

Targets (ARCHITECTURE section 7): click p95 within 2x the floor; first render within 1.5x the
floor; <= 100 MB per student kernel. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_engine import percentile, summary
from tests.browser.servers import (
    CHROMIUM_ARGS,
    chromium_path,
    copy_notebooks,
    open_page,
    presenter,
    voila,
)

EXPLORER = ("explorer-only.ipynb", ".mc-explorer .mc-outcome-second_instance")
FLOOR = ("floor.ipynb", ".floor-out")


def first_render(browser, url: str, selector: str, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        start = time.perf_counter()
        open_page(page, url, selector)
        out.append(time.perf_counter() - start)
        page.close()
    return out


def floor_clicks(browser, url: str, repeat: int) -> list[float]:
    page = browser.new_page()
    open_page(page, url, ".floor-out")
    out = []
    for i in range(repeat):
        want = "on" if i % 2 == 0 else "off"
        start = time.perf_counter()
        page.click(".floor-box input")
        page.wait_for_function(
            f"document.querySelector('.floor-out').innerText.trim() === '{want}'", timeout=20_000
        )
        out.append(time.perf_counter() - start)
    page.close()
    return out


def explorer_clicks(browser, url: str, repeat: int) -> list[float]:
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    banner = ".mc-explorer >> nth=0 >> .mc-outcome-second_instance"
    open_page(page, url, banner)
    toggle = ".mc-explorer >> nth=0 >> .mc-toggle-alias_on_waybills input"
    out = []
    for i in range(repeat):
        want = "mc-not-liable" if i % 2 == 0 else "mc-liable"
        start = time.perf_counter()
        page.click(toggle)
        page.wait_for_selector(f"{banner}.{want}", timeout=20_000)
        out.append(time.perf_counter() - start)
    page.close()
    return out


def kernel_memory_mb(server_pid: int) -> list[float]:
    """RSS in MB of every kernel this server started (its ipykernel children; Linux /proc)."""
    children: dict[int, list[int]] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(proc.name))
    sizes, todo = [], list(children.get(server_pid, []))
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if "ipykernel" in cmd or "mootcourt.kernel" in cmd:
            rss = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
            sizes.append(int(rss.split()[1]) / 1024)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=40)
    args = parser.parse_args(argv)
    chromium = chromium_path()
    if chromium is None:
        print("bench_browser: no Chromium (apt-get install chromium); skipped")
        return 0
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        home = Path(tmp) / "home"
        root = copy_notebooks(Path(tmp) / "root")
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        with voila(root, home) as server:
            render = f"{server.url}/voila/render"
            floor_r = first_render(browser, f"{render}/{FLOOR[0]}", FLOOR[1], args.renders)
            expl_r = first_render(browser, f"{render}/{EXPLORER[0]}", EXPLORER[1], args.renders)
            floor_c = floor_clicks(browser, f"{render}/{FLOOR[0]}", args.clicks)
            page = browser.new_page()
            open_page(page, f"{render}/{EXPLORER[0]}", EXPLORER[1])
            before = kernel_memory_mb(server.proc.pid)
            expl_c = explorer_clicks(browser, f"{render}/{EXPLORER[0]}", args.clicks)
            page.close()
        with presenter(home / "p") as server:
            time.sleep(8)  # let the pool fill, as it would before a class
            pres_r = first_render(browser, server.url + "/", ".mc-presenter", args.renders)
        browser.close()

    print(summary("first render: floor (one checkbox)", floor_r))
    print(summary("first render: explorer (cold)", expl_r))
    print(summary("first render: presenter (preheated pool)", pres_r))
    print(summary("click -> text: floor", floor_c))
    print(summary("click -> outcome banner: explorer", expl_c))
    ratio_render = statistics.median(expl_r) / statistics.median(floor_r)
    ratio_pres = statistics.median(pres_r) / statistics.median(floor_r)
    ratio_click = percentile(expl_c, 0.95) / percentile(floor_c, 0.95)
    print(f"ratio first render explorer/floor (median)      {ratio_render:5.2f}x  (target <= 1.5x)")
    print(f"ratio first render presenter/floor (median)     {ratio_pres:5.2f}x  (target <= 1.5x)")
    print(f"ratio click p95 explorer/floor                  {ratio_click:5.2f}x  (target <= 2x)")
    if before:
        print(
            f"kernel RSS with the explorer shown: max {max(before):.0f} MB over {len(before)} "
            "kernels (target <= 100 MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
