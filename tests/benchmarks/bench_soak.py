"""The long soak (`make bench`): 1,000 page loads on two long-lived Voila servers (issue 17).

The same run as `tests/browser/test_soak.py`, longer: the presenter and the lessons' explorer
served for the whole run, pages opened three at once, every fourth reloaded, the culler on a
2 s interval, a quiet spell longer than the cell timeout every 100 loads. Printed, never
asserted: loads, failures, kernels alive at the end against the pool, each server's memory
slope. `--before` runs plain Voila on the presenter notebook as it was before the kit's
workaround (from git), to show what the workaround changes.

    python -m tests.benchmarks.bench_soak [--loads N] [--before]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.servers import CHROMIUM_ARGS, REPO, chromium_path
from tests.browser.soak import soak, soak_servers

BEFORE = "7d6acdb"
"""a commit whose presenter notebook waits for its visitor inside a timed cell"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=1000)
    parser.add_argument("--quiet-every", type=int, default=100)
    parser.add_argument("--before", action="store_true", help="plain Voila, the old notebook")
    args = parser.parse_args(argv)
    chromium = chromium_path()
    if chromium is None:
        print("bench_soak: no Chromium (apt-get install chromium); skipped")
        return 0
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        home = Path(tmp)
        options: dict = {}
        if args.before:
            old = home / "present-before.ipynb"
            old.write_bytes(
                subprocess.run(
                    ["git", "show", f"{BEFORE}:notebooks/instructor/present.ipynb"],
                    cwd=REPO,
                    check=True,
                    capture_output=True,
                ).stdout
            )
            options = {"module": "voila", "notebook": old}
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        with soak_servers(home / "soak", **options) as servers:
            failures = REPO / "test-artifacts" / "soak"
            failures.mkdir(parents=True, exist_ok=True)
            result = soak(
                browser, servers, args.loads, quiet_every=args.quiet_every, artifacts=failures
            )
        browser.close()
    print(("before (plain Voila, old notebook): " if args.before else "") + result.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
