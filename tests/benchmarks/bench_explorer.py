"""Explorer benchmarks (`make bench`, or `python -m tests.benchmarks.bench_explorer`):
measured and printed, never asserted.

- building an explorer (state, one evaluation, every view rendered), per case and language;
- a click on a toggle until the model and every widget hold the new state (the Python half of
  click -> outcome; the browser half is `bench_browser.py`), median and p95 over a few hundred
  clicks cycling through every toggle that can be clicked;
- the same input on the state alone (evaluation + change detection, no views), to show what
  the views cost;
- a language switch (no evaluation) and the widget state messages one click sends.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import ipywidgets as widgets

from mootcourt import load_case
from mootcourt.ui import Explorer, ExplorerState

from .bench_engine import summary, timings

CASES = ("liu-v-platform-2024", "pang-v-qunar-2017")


@contextmanager
def counting_messages() -> Iterator[list[int]]:
    """Count the state updates widgets send to the front end."""
    sent = [0]
    original = widgets.Widget.send_state

    def send_state(self: widgets.Widget, key: object = None) -> None:
        sent[0] += 1
        original(self, key=key)

    widgets.Widget.send_state = send_state  # type: ignore[method-assign]
    try:
        yield sent
    finally:
        widgets.Widget.send_state = original  # type: ignore[method-assign]


def clicks(explorer: Explorer) -> Iterator[None]:
    """Click, forever, every toggle in turn that can be clicked now (as a student would)."""
    rows = {**explorer.evidence.rows, **explorer.parties.party_rows}
    while True:
        for toggle_id, row in rows.items():
            if row.checkbox.disabled:
                continue
            row.checkbox.value = not row.checkbox.value
            assert explorer.state.world[toggle_id] is row.checkbox.value
            yield


def state_inputs(state: ExplorerState) -> Iterator[None]:
    while True:
        for toggle_id in state.case.toggles:
            world = state.world
            if world[toggle_id] or not world.blocked_by(toggle_id):
                state.set_toggle(toggle_id, not world[toggle_id])
                yield


def bench_case(case_id: str, clicks_per_case: int, builds: int) -> None:
    case = load_case(case_id)
    for lang in ("en", "zh-CN"):
        samples = timings(lambda la=lang: Explorer(case, lang=la), builds)
        print(summary(f"build explorer {case_id} {lang}", samples))
    explorer = Explorer(case, lang="en")
    click = clicks(explorer)
    samples = timings(lambda: next(click), clicks_per_case)
    print(summary(f"toggle click -> widgets {case_id}", samples))
    if explorer.whatif is not None:
        bare = Explorer(case, lang="en")
        bare.whatif = None  # the courts and inputs alone: what reaches the page first
        bare_click = clicks(bare)
        samples = timings(lambda: next(bare_click), clicks_per_case)
        print(summary(f"  of which courts and inputs {case_id}", samples))
    step = state_inputs(ExplorerState(case))
    samples = timings(lambda: next(step), clicks_per_case)
    print(summary(f"toggle -> state only {case_id}", samples))
    langs = iter(("zh-CN", "en") * clicks_per_case)

    def flip() -> None:
        explorer.language.value = next(langs)

    print(summary(f"language switch {case_id}", timings(flip, min(clicks_per_case, 100))))
    with counting_messages() as sent:
        next(click)
    print(f"{'widget state messages for one click ' + case_id:<48} {sent[0]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=400, help="toggle clicks per case")
    parser.add_argument("--builds", type=int, default=20, help="explorers built per case")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, ipywidgets {widgets.__version__}")
    for case_id in CASES:
        bench_case(case_id, args.clicks, args.builds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
