"""Real Voila and JupyterLab servers, and Debian's Chromium, for the browser tests and benchmarks.

One place knows how to start a Jupyter server on loopback with every setting explicit, how to
wait for it without starting a kernel, how to keep it out of the user's home, and how to
launch the system Chromium (never a downloaded browser). The pytest fixtures in `conftest.py`
and the benchmark in `tests/benchmarks/bench_browser.py` both use it, so what CI measures and
what it tests is the same server.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat

from mootcourt.present import IOPUB_TIMEOUT_SECONDS

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
ARTIFACTS = REPO / "test-artifacts"
VOILA_READY = "/voila/static/voila.js"
KERNEL_COMMAND = re.compile(rb"ipykernel|mootcourt\.kernel")
"""a kernel's command line: ipykernel's own, or the kit's (`mootcourt.kernel`)"""

# Flags from shared/recipes/browser.md: without the background-networking ones Chromium floods
# the closed network with connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Debian's Chromium, if installed (`apt-get install chromium`)."""
    for candidate in ("/usr/bin/chromium", "/usr/lib/chromium/chromium"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(home: Path) -> dict[str, str]:
    """Environment for a Jupyter process whose config, data, runtime and caches live under
    `home`, so a test run never reads or writes the user's own Jupyter set-up."""
    env = dict(os.environ)
    for name in (
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_DATA_DIR",
        "JUPYTER_RUNTIME_DIR",
        "IPYTHONDIR",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "JUPYTERLAB_SETTINGS_DIR",
        "JUPYTERLAB_WORKSPACES_DIR",
    ):
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    # JupyterLab's news pop-up would cover the notebook in screenshots.
    notification = home / "jupyterlab_settings_dir" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8"
    )
    # Lab 4 renders only the cells in view ("windowing"); tests and screenshots need them all.
    tracker = home / "jupyterlab_settings_dir" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text(
        '{"windowingMode": "none"}', encoding="utf-8"
    )
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    # the moot court saves briefs on every change: into the test's home, never the user's
    env["MOOTCOURT_BRIEFS"] = str(briefs_folder(home))
    return env


def briefs_folder(home: Path) -> Path:
    """Where the moot court of a server started with `home` saves briefs."""
    return home / "mootcourt_briefs"


def floor_notebook(path: Path) -> Path:
    """The bare floor: one Checkbox whose change sets one HTML value. Every browser figure of
    the explorer is reported next to this notebook's in the same server."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import ipywidgets as w\n"
            "box = w.Checkbox(value=False, description='on')\n"
            "out = w.HTML('off')\n"
            "out.add_class('floor-out')\n"
            "box.add_class('floor-box')\n"
            "box.observe(lambda c: setattr(out, 'value', 'on' if c['new'] else 'off'), 'value')\n"
            "w.VBox([box, out])"
        )
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


def explorer_notebook(path: Path, case: str = "liu-v-platform-2024") -> Path:
    """One explorer and nothing else: what the benchmarks compare with the floor."""
    from mootcourt.ui.watchdog import watchdog_cell

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        watchdog_cell(),
        nbformat.v4.new_code_cell(
            "from mootcourt import load_case\n"
            "from mootcourt.ui import Explorer\n"
            f"Explorer(load_case({case!r}), lang='en')"
        ),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(nb, path)
    return path


def copy_notebooks(root: Path) -> Path:
    """A scratch root with the repository's notebooks (servers may write checkpoints or
    autosave: never into the repository)."""
    if NOTEBOOKS.is_dir():
        shutil.copytree(NOTEBOOKS, root, dirs_exist_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    floor_notebook(root / "floor.ipynb")
    explorer_notebook(root / "explorer-only.ipynb")
    return root


def _wait_http(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early ({proc.returncode}); log:\n{log.read_text()}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server not ready after {timeout} s: {url}; log:\n{log.read_text()}")


@dataclass
class Server:
    url: str
    root: Path
    proc: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # Voila and Lab shut their kernels down
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def kernel_processes(pid: int) -> list[int]:
    """The ipykernel processes under a server (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(proc.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        todo += children.get(child, [])
        with contextlib.suppress(OSError):
            if KERNEL_COMMAND.search(Path(f"/proc/{child}/cmdline").read_bytes()):
                found.append(child)
    return found


RENDER_TIMEOUT = 120_000


RECOVERIES = ARTIFACTS / "recoveries.log"
"""every page a test brought back with the watchdog's reload, with what the page showed"""
TRACES: list[Path] = []
"""the trace folders of the servers this session started with `trace`"""
SLOW_BUT_COMING = 45_000
"""after the watchdog has spoken, how long a page may still take before the test reloads"""


def open_page(
    page, url: str, ready: str, timeout: float = RENDER_TIMEOUT, *, recover: bool = True
) -> None:
    """Go to `url` and wait until `ready` is in the page.

    Voila streams a page while the kernel runs its cells, so the browser's `load` event
    comes only when the last cell is done: on a busy two-core machine that can pass
    Playwright's 30 s navigation default while the page is fine. Wait for the first byte,
    then for what the test needs, with one timeout for both.

    A page whose widgets never appear shows the kit's watchdog (`mootcourt.ui.watchdog`); with
    `recover` the test does what the watchdog asks an instructor to do, once: it reloads,
    records the recovery in `RECOVERIES` (the soak and load tests count such a page as a
    failure; a test about something else goes on). A page that fails again, or never shows the
    watchdog, fails with what the page showed, its console and the kernel's trace."""
    from mootcourt.ui.watchdog import RELOAD, WATCHDOG

    page.goto(url, wait_until="commit", timeout=timeout)
    first = _wait_any(page, f"{ready}, .{WATCHDOG}", timeout)
    if first == "ready" or _appears(page, ready, SLOW_BUT_COMING):
        return
    seen = diagnose(page)
    if not recover or first is None:
        raise AssertionError(f"{url}: {ready!r} never appeared\n{seen}")
    RECOVERIES.parent.mkdir(parents=True, exist_ok=True)
    with RECOVERIES.open("a", encoding="utf-8") as log:
        log.write(f"{time.strftime('%H:%M:%S')} {url} (waiting for {ready})\n{seen}\n\n")
    page.click(f".{RELOAD}")
    if not _appears(page, ready, timeout):
        raise AssertionError(
            f"{url}: {ready!r} never appeared, even after the watchdog's "
            f"reload\nfirst load:\n{seen}\nafter the reload:\n{diagnose(page)}"
        )


def _wait_any(page, selector: str, timeout: float) -> str | None:
    """ "ready" if the page is ready, "watchdog" if the watchdog spoke first, None if neither."""
    from mootcourt.ui.watchdog import WATCHDOG

    try:
        found = page.wait_for_selector(selector, timeout=timeout)
    except Exception:  # Playwright's TimeoutError
        return None
    return "watchdog" if WATCHDOG in (found.get_attribute("class") or "") else "ready"


def _appears(page, selector: str, timeout: float) -> bool:
    try:
        page.wait_for_selector(selector, timeout=timeout)
    except Exception:  # Playwright's TimeoutError
        return False
    return True


def diagnose(page) -> str:
    """What a page that stayed empty showed: its state, its last console lines, and the
    trace of its kernel where the server traced (`MOOTCOURT_TRACE`)."""
    try:
        state = page.evaluate(
            """() => ({ready: document.readyState,
                widget_outputs: Array.from(document.querySelectorAll(
                  'script[type="application/vnd.voila.cell-output+json"]')).filter(
                  s => s.textContent.includes('widget-view+json')).length,
                widgets: document.querySelectorAll('.jupyter-widgets').length,
                watchdog: !!document.querySelector('.mc-watchdog'),
                kernel: (JSON.parse((document.getElementById('jupyter-config-data') || {})
                  .textContent || '{}').kernelId || null),
                text: document.body ? document.body.innerText.slice(0, 300) : ''})"""
        )
    except Exception as error:  # a page that crashed or navigated away
        state = {"error": str(error)[:300]}
    lines = [f"page: {state}"]
    lines += [f"console: {line}" for line in list(getattr(page, "console_log", ()))[-25:]]
    kernel = state.get("kernel") if isinstance(state, dict) else None
    for folder in TRACES if kernel else ():
        for trace in sorted(folder.glob("*.jsonl")):
            for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
                if kernel in line:
                    lines.append(f"trace: {line[:300]}")
    return "\n".join(lines[:80])


def assert_accessible(page, scope: str, where: str) -> None:
    """axe-core finds nothing critical or serious inside `scope` (`where` names the page)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=scope)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in ("critical", "serious")
    ]
    assert not bad, f"{where}:\n" + "\n".join(bad)


def voila_command(root: Path, port: int, *extra: str) -> list[str]:
    """Voila as the kit serves it (`mootcourt.serving`: Voila plus the kit's workaround, and
    its trace when `MOOTCOURT_TRACE` is set); later `extra` flags override earlier ones."""
    return [
        sys.executable,
        "-m",
        "mootcourt.serving",
        str(root),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.strip_sources=True",
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
        # nbclient's default (4 s) drops a cell's output when the machine is busy; as
        # `mootcourt present`
        f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT_SECONDS}",
        *extra,
    ]


@contextlib.contextmanager
def _serve(
    name: str,
    command: list[str],
    port: int,
    *,
    home: Path,
    cwd: Path,
    ready: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> Iterator[Server]:
    """Start one server, log to `home`, wait until `ready` answers (never `GET /`: in Voila
    that starts a kernel and runs a notebook), and stop it (SIGTERM) whatever happens."""
    log = home / f"{name}-{port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, cwd=cwd, env=env or isolated_env(home), stdout=out, stderr=subprocess.STDOUT
        )
    server = Server(f"http://127.0.0.1:{port}", cwd, proc, log)
    try:
        _wait_http(server.url + ready, proc, log, timeout=timeout)
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def voila(root: Path, home: Path, *extra: str, trace: Path | None = None) -> Iterator[Server]:
    """A Voila server over a folder of notebooks (`/voila/render/<path>` renders one); with
    `trace`, its pages and kernels are traced there (`diagnose` reads it)."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    command = voila_command(root, port, *extra)
    env = isolated_env(home)
    if trace is not None:
        env["MOOTCOURT_TRACE"] = str(trace)
        TRACES.append(trace)
    with _serve("voila", command, port, home=home, cwd=root, ready=VOILA_READY, env=env) as server:
        yield server


@contextlib.contextmanager
def jupyterlab(root: Path, home: Path) -> Iterator[Server]:
    """JupyterLab on loopback with no token, rooted in a scratch folder."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}",
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
        "--LabApp.news_url=",
        "--LabApp.expose_app_in_browser=True",  # tests run Lab's own commands, not menus
    ]
    with _serve(
        "lab", command, port, home=home, cwd=root, ready="/api/status", timeout=90
    ) as server:
        yield server


@contextlib.contextmanager
def presenter(home: Path, *args: str, token: str = "") -> Iterator[Server]:
    """`mootcourt present` exactly as an instructor runs it (from a folder that is not the
    repository, so nothing depends on the working directory)."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    env = isolated_env(home)
    if token:
        env["MOOTCOURT_TOKEN"] = token
    command = [sys.executable, "-m", "mootcourt", "present", "--no-browser", f"--port={port}"]
    with _serve(
        "present", [*command, *args], port, home=home, cwd=home, ready=VOILA_READY, env=env
    ) as server:
        yield server
