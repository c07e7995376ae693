"""Fixtures for the browser tests: one Voila server, one JupyterLab server and one Chromium per
test session, all on loopback, all kept out of the user's home.

A browser test skips only where no Chromium can be found, and says so. Under `CI=true` a skip
is a failure: CI installs Debian's chromium first, so a missing browser there is a broken
install, never a reason to pass.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest

from .servers import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    Server,
    chromium_path,
    copy_notebooks,
    jupyterlab,
    presenter,
    voila,
)

# Two font requests to a CDN fail offline in Voila's template: harmless, and not ours.
OFFLINE_NOISE = (
    "fonts.googleapis",
    "fonts.gstatic",
    "ERR_NAME_NOT_RESOLVED",
    "Unsatisfied version",
)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser test cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        _unavailable("no Chromium found (apt-get install chromium fonts-noto-cjk)")
    return path  # type: ignore[return-value]


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.console_log = deque(maxlen=60)  # type: ignore[attr-defined]  # for `diagnose`
    pg.on("console", lambda m: pg.console_log.append(f"{m.type}: {m.text[:300]}"))
    pg.on(
        "console",
        lambda m: (
            m.type == "error"
            and not any(n in m.text for n in OFFLINE_NOISE)
            and pg.console_errors.append(m.text)
        ),  # type: ignore[attr-defined]
    )
    yield pg
    context.close()


@pytest.fixture(scope="session")
def jupyter_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("jupyter-home")


@pytest.fixture(scope="session")
def voila_server(chromium: str, jupyter_home: Path, tmp_path_factory) -> Iterator[Server]:
    """The lessons' server. It traces its pages and kernels (`MOOTCOURT_TRACE`), so a page
    that stays empty fails with its kernel's story (`servers.diagnose`)."""
    root = copy_notebooks(tmp_path_factory.mktemp("voila-root"))
    with voila(root, jupyter_home, trace=tmp_path_factory.mktemp("voila-trace")) as server:
        yield server


@pytest.fixture(scope="session")
def lab_server(chromium: str, jupyter_home: Path, tmp_path_factory) -> Iterator[Server]:
    root = copy_notebooks(tmp_path_factory.mktemp("lab-root"))
    with jupyterlab(root, jupyter_home) as server:
        yield server


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where every browser test leaves its PNGs, for a person to look at."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def presenter_server(chromium: str, tmp_path_factory) -> Iterator[Server]:
    """One `mootcourt present` server for the session (the default case, English)."""
    with presenter(tmp_path_factory.mktemp("presenter-home")) as server:
        yield server
