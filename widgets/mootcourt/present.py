"""`mootcourt present`: the instructor's dashboard, served by Voila on this machine.

An instructor runs one command and gets a URL for the projector (or, with `--public`, for the
class). Everything Voila would otherwise take from a `voila.json` in the working directory is
passed explicitly, so the command behaves the same from any folder and after `pip install`:

- sources stripped and tracebacks hidden (students see the dashboard, never code or errors);
- only comm messages reach the kernel (Voila's default), so a student cannot run code;
- preheated kernels, one per student of `--class-size` unless the memory free at start (one
  kernel measured, `plan_pool`) bounds it, so a room arriving at once does not wait for kernels
  to start, nor for the kit's imports, case load and presenter build, which a pooled kernel
  does before it waits (`mootcourt.serving.preheat`); the server prints the pool's warming and
  "ready for N students", and replaces a kernel a student took 10 s later; the presenter
  notebook first waits for its visitor
  (`mootcourt.serving.wait_for_visitor`), which keeps a pooled kernel busy (and so safe from
  the culler) until a student takes it, in a cell that no cell timeout cuts short (Voila's
  own timeout there left a kernel that had waited 2 minutes in the pool with an empty page);
- `MOOTCOURT_TRACE=FOLDER` in the environment logs every page, kernel and cell's timing there
  (`mootcourt.trace`; off in class);
- idle kernels culled (a closed tab otherwise leaks its kernel: Voila's shutdown request is
  refused without an `_xsrf` cookie), and a cell timeout so a hung kernel cannot hang a page;
- the case, language, theme and type size reach the kernel through the environment, because a
  preheated kernel runs before any request exists.
"""

from __future__ import annotations

import argparse
import math
import os
import secrets
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .i18n import LANGUAGES
from .serving import ENV_CLASS_SIZE

DEFAULT_CASE = "liu-v-platform-2024"
DEFAULT_PORT = 8866
THEMES = ("light", "dark")
HEADROOM_MB = 1024
"""memory the pool leaves to the server, the browser and everything else on the laptop"""
KERNEL_MARGIN = 1.5
"""a kernel's budget against the probe's measure (`mootcourt.serving.probe`): a real kernel
carries its sockets and threads, and grows once its page connects (measured in issue 15:
probe about 100 MB, a pooled kernel about 120 MB, a served one about 140 MB)"""
REFILL_DELAY_SECONDS = 10
"""how long after a student takes a pooled kernel its replacement starts: after the class's
arrivals, not while their pages are being built on the same cores"""
CULL_IDLE_SECONDS = 1800
CULL_INTERVAL_SECONDS = 120
CELL_TIMEOUT_SECONDS = 120
IOPUB_TIMEOUT_SECONDS = 30
"""how long a cell's output may lag behind its end (nbclient's default, 4 s, drops the
dashboard itself when a class arrives at once and the machine is busy). Not longer: the soak's
trace shows late outputs arrive within a few seconds; a cell whose last IOPub messages were
dropped (docs/upstream/iopub-tail-loss.md, fixed by `mootcourt.kernel`) waited for nothing"""

ENV_CASE = "MOOTCOURT_CASE"
ENV_LANG = "MOOTCOURT_LANG"
ENV_THEME = "MOOTCOURT_THEME"
ENV_LARGE = "MOOTCOURT_LARGE"


@dataclass(frozen=True)
class Settings:
    """Everything that decides how the dashboard is served."""

    case: str = DEFAULT_CASE
    lang: str = "en"
    port: int = DEFAULT_PORT
    open_browser: bool = True
    public: bool = False
    token: str = ""
    class_size: int = 10
    theme: str = "light"
    large: bool = False

    @property
    def ip(self) -> str:
        return "0.0.0.0" if self.public else "127.0.0.1"

    pool: int | None = None
    """preheated kernels, as `plan_pool` decided from the machine's memory; None: one per
    student of `class_size`"""

    @property
    def pool_size(self) -> int:
        """Preheated kernels: as many as students arrive at once (a cold kernel costs a second
        of start-up plus the kit's own work, on cores every arrival shares), unless memory
        bounded it (`plan_pool`)."""
        return max(1, self.pool if self.pool is not None else self.class_size)


@dataclass(frozen=True)
class PoolPlan:
    """How many kernels to preheat, and why, from measured memory."""

    size: int
    fit: int
    """kernels the free memory holds at `per_kernel_mb` each"""
    available_mb: float
    per_kernel_mb: float
    reason: str


def plan_pool(class_size: int, available_mb: float, per_kernel_mb: float) -> PoolPlan:
    """One preheated kernel per student when memory allows. Every student keeps a kernel and
    Voila refills the pool behind them, so up to `class_size + pool` kernels live at once:
    the pool is what is left of the memory once the class's own kernels are counted, and at
    least one."""
    per_kernel = max(per_kernel_mb, 1.0)
    fit = max(0, math.floor((available_mb - HEADROOM_MB) / per_kernel))
    head = (
        f"{available_mb:.0f} MB free, {per_kernel:.0f} MB per kernel "
        f"(measured {per_kernel / KERNEL_MARGIN:.0f} MB x {KERNEL_MARGIN}), "
        f"{HEADROOM_MB} MB kept back: room for {fit} kernels"
    )
    if fit >= 2 * class_size:
        return PoolPlan(
            class_size,
            fit,
            available_mb,
            per_kernel,
            f"{head}; one preheated kernel per student ({class_size}), with room to refill",
        )
    size = max(1, min(class_size, fit - class_size))
    warning = "" if fit >= class_size else f"; WARNING: not enough memory for {class_size} students"
    return PoolPlan(
        size,
        fit,
        available_mb,
        per_kernel,
        f"{head}; {class_size} for the students' own kernels leaves {size} preheated{warning}",
    )


def available_mb() -> float:
    """MemAvailable from /proc/meminfo (what the kernel could hand out without swapping)."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure_kernel_mb(settings: Settings) -> float:
    """A pooled kernel's memory, measured now: a child process does what a kernel does before
    its visitor arrives (`mootcourt.serving.probe`) and reports its RSS, times
    `KERNEL_MARGIN`."""
    out = subprocess.run(
        [sys.executable, "-m", "mootcourt.serving", "--probe"],
        env=environment(settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1]) * KERNEL_MARGIN


def presenter_notebook() -> Path:
    """The dashboard notebook: shipped inside the package (wheel), or in the checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (
        here / "notebooks" / "instructor" / "present.ipynb",
        here.parents[1] / "notebooks" / "instructor" / "present.ipynb",
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("present.ipynb is missing from this installation of mootcourt")


def voila_command(settings: Settings, notebook: Path) -> list[str]:
    """The Voila command line, with every setting explicit."""
    command = [
        sys.executable,
        "-m",
        "mootcourt.serving",  # Voila, with the kit's workaround (and its trace, when asked)
        str(notebook),
        f"--port={settings.port}",
        f"--Voila.ip={settings.ip}",
        "--Voila.port_retries=0",
        f"--Voila.token={settings.token}",
        f"--theme={settings.theme}",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.preheat_kernel=True",
        f"--VoilaConfiguration.default_pool_size={settings.pool_size}",
        f"--VoilaKernelManager.fill_delay={REFILL_DELAY_SECONDS}",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL_SECONDS}",
        "--MappingKernelManager.cull_connected=False",
        "--MappingKernelManager.cull_busy=False",
        f"--VoilaExecutor.timeout={CELL_TIMEOUT_SECONDS}",
        f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT_SECONDS}",
    ]
    if not settings.open_browser:
        command.append("--no-browser")
    return command


def environment(settings: Settings, base: dict[str, str] | None = None) -> dict[str, str]:
    """The server's environment, which every kernel it starts inherits."""
    env = dict(os.environ if base is None else base)
    env[ENV_CASE] = settings.case
    env[ENV_LANG] = settings.lang
    env[ENV_THEME] = settings.theme
    env[ENV_LARGE] = "1" if settings.large else "0"
    return env


def url(settings: Settings, host: str | None = None) -> str:
    host = host or ("127.0.0.1" if not settings.public else _lan_address())
    query = f"?token={settings.token}" if settings.token else ""
    return f"http://{host}:{settings.port}/{query}"


def _lan_address() -> str:
    """This machine's address as other machines on the network see it (best effort)."""
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return socket.gethostname()


def _port_free(port: int, ip: str) -> bool:
    with socket.socket() as s:
        try:
            s.bind((ip, port))
        except OSError:
            return False
    return True


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    present = commands.add_parser(
        "present",
        help="serve the instructor's dashboard with Voila",
        description="Serve the step-through dashboard for a case with Voila, on this machine "
        "(127.0.0.1) unless --public is given.",
    )
    present.add_argument(
        "case",
        nargs="?",
        default=DEFAULT_CASE,
        metavar="CASE",
        help=f"a case id, case folder or case.yaml (default: {DEFAULT_CASE})",
    )
    present.add_argument("--lang", choices=LANGUAGES, default="en", help="starting language")
    present.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8866)")
    present.add_argument(
        "--no-browser", action="store_true", help="print the URL only; open no browser"
    )
    present.add_argument(
        "--public",
        action="store_true",
        help="listen on every interface and require a token; prints the URL to hand out",
    )
    present.add_argument(
        "--class-size",
        type=int,
        default=10,
        metavar="N",
        help="students expected at once; sizes the pool of preheated kernels (default 10)",
    )
    present.add_argument("--theme", choices=THEMES, default="light", help="page theme")
    present.add_argument(
        "--large", action="store_true", help="larger type for a big room or a far projector"
    )
    present.set_defaults(run=run)


def settings_from(args: argparse.Namespace) -> Settings:
    from .cli import UsageError

    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port must be between 1 and 65535, not {args.port}")
    if args.class_size < 1:
        raise UsageError(f"--class-size must be at least 1, not {args.class_size}")
    token = (os.environ.get("MOOTCOURT_TOKEN") or secrets.token_urlsafe(18)) if args.public else ""
    return Settings(
        case=args.case,
        lang=args.lang,
        port=args.port,
        open_browser=not args.no_browser,
        public=args.public,
        token=token,
        class_size=args.class_size,
        theme=args.theme,
        large=args.large,
    )


def run(args: argparse.Namespace) -> int:
    """Check the case first (errors as for `evaluate`), then hand over to Voila."""
    from .case import load_case
    from .cli import UsageError

    settings = settings_from(args)
    case = load_case(settings.case)  # a broken case fails here, with file:line, not in a kernel
    settings = Settings(**{**settings.__dict__, "case": str(case.path)})
    if not _port_free(settings.port, settings.ip):
        raise UsageError(f"port {settings.port} is in use; choose another with --port N")
    notebook = presenter_notebook()
    settings = _sized(settings)
    print(f"Moot Court Kit: presenting {case.id} at {url(settings)}", flush=True)
    if settings.public:
        print("Hand this URL to the class; without the token the page is refused.", flush=True)
    print("Stop with Ctrl+C.", flush=True)
    command = voila_command(settings, notebook)
    env = {**environment(settings), ENV_CLASS_SIZE: str(settings.class_size)}
    if hasattr(os, "execve"):
        # Become Voila: a signal that stops this command (Ctrl+C, SIGTERM from a process
        # manager or a test) reaches the server itself, which then shuts its kernels down.
        # A child process would be orphaned, still serving, with its kernels.
        os.execve(command[0], command, env)
    try:
        return subprocess.call(command, env=env)
    except KeyboardInterrupt:
        return 0


def _sized(settings: Settings) -> Settings:
    """`settings` with the pool sized by `plan_pool` from memory measured now; prints the
    size and the reason. If the measure fails the pool is one per student, and it says so."""
    print(
        f"Moot Court Kit: measuring one kernel for a class of {settings.class_size}...", flush=True
    )
    try:
        plan = plan_pool(settings.class_size, available_mb(), measure_kernel_mb(settings))
    except (OSError, ValueError, IndexError, subprocess.SubprocessError) as error:
        print(
            f"Moot Court Kit: could not measure a kernel ({error}); pool of {settings.class_size}"
        )
        return Settings(**{**settings.__dict__, "pool": settings.class_size})
    print(f"Moot Court Kit: {plan.size} preheated kernels: {plan.reason}", flush=True)
    return Settings(**{**settings.__dict__, "pool": plan.size})
