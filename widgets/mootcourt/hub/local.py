"""A JupyterHub on one machine: `make hub` for an instructor trying it, and the hub the
multi-user test runs (the same configuration, so what the test checks is what one tries).

    python -m mootcourt.hub.local --course /path/to/course-repo    # http://127.0.0.1:8000

What it is: JupyterHub with configurable-http-proxy (from npm), a shared password
(`SharedPasswordAuthenticator`: any name, one password; the names allowed can be listed),
and single-user servers as local processes of this account (`SimpleLocalProcessSpawner`),
each with its own home and server root under the state folder. Each student's server opens
by pulling the course with nbgitpuller (`Spawner.default_url`), exactly as on a real hub.

What it is not: a class server. Every student's server runs as the same system user, so the
hub keeps students out of each other's servers and the server keeps each to its own folder,
but code run in a kernel could read another student's files. A class needs system users
(TLJH) or a container per student (Zero to JupyterHub): see deploy/.

Everything the hub keeps (its database, cookie secret, the students' homes) is in the state
folder, so stopping and starting the hub loses nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import LANGUAGES
from .links import checkout_root, server_default_url

PROXY = "configurable-http-proxy"
PROXY_INSTALL = "npm install -g configurable-http-proxy"


@dataclass(frozen=True)
class LocalHub:
    """Everything that makes one local hub: ports, folders, who may log in, the course."""

    state: str
    """the folder for the hub's database, cookie secret, logs and the students' homes"""
    password: str
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    users: tuple[str, ...] = ()
    """the names allowed to log in; empty: any name (with the password)"""
    course_repo: str | None = None
    """a git repository (URL or local path) nbgitpuller pulls into each home at first login"""
    lang: str = "en"
    lesson: str | None = "00-start-here"
    proxy: str = PROXY
    singleuser: list[str] = field(
        default_factory=lambda: [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
    )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def home(self, user: str) -> Path:
        """A student's home (and server root): briefs land under it, per platformdirs."""
        return Path(self.state) / "home" / user

    def config_file(self) -> Path:
        """Write `jupyterhub_config.py` into the state folder; return its path."""
        state = Path(self.state)
        state.mkdir(parents=True, exist_ok=True)
        (state / "home").mkdir(exist_ok=True)
        path = state / "jupyterhub_config.py"
        settings = json.dumps(asdict(self), indent=1)
        path.write_text(
            '"""Written by mootcourt.hub.local: edit the LocalHub, not this file."""\n'
            "from mootcourt.hub.local import LocalHub, configure\n\n"
            f"configure(c, LocalHub(**{settings}))  # noqa: F821 (c is JupyterHub's)\n",
            encoding="utf-8",
        )
        return path

    def command(self) -> list[str]:
        """The command that runs this hub (from the state folder, where it keeps its files)."""
        return [sys.executable, "-m", "jupyterhub", "-f", str(self.config_file())]


def configure(c: Any, hub: LocalHub) -> None:
    """Set JupyterHub's configuration `c` for `hub` (called by the written config file)."""
    state = Path(hub.state).resolve()
    c.JupyterHub.bind_url = hub.url
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub.hub_port}"
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
    c.JupyterHub.cleanup_servers = True  # stopping the hub stops the students' servers
    c.ConfigurableHTTPProxy.command = [hub.proxy]
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{hub.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = hub.password
    if hub.users:
        c.Authenticator.allowed_users = set(hub.users)
    else:
        c.Authenticator.allow_all = True

    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    home = str(state / "home" / "{username}")
    c.SimpleLocalProcessSpawner.home_dir_template = home
    c.Spawner.notebook_dir = home  # a student's server sees their own home only
    c.Spawner.cmd = list(hub.singleuser)
    c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
    c.Spawner.start_timeout = 60
    c.Spawner.http_timeout = 60
    if hub.course_repo:
        c.Spawner.default_url = server_default_url(hub.course_repo, hub.lesson, hub.lang)


def _password(state: Path) -> str:
    """`$MOOTCOURT_HUB_PASSWORD`, else the one kept in the state folder, else a new one."""
    env = os.environ.get("MOOTCOURT_HUB_PASSWORD")
    if env:
        return env
    kept = state / "password"
    if kept.is_file():
        return kept.read_text(encoding="utf-8").strip()
    state.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(9)
    kept.write_text(password + "\n", encoding="utf-8")
    kept.chmod(0o600)
    return password


def main(argv: list[str] | None = None) -> int:
    """`make hub`: run a local hub in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(
        prog="python -m mootcourt.hub.local",
        description="A JupyterHub on this machine (127.0.0.1) for trying the kit on a hub: any "
        "name, one password; each student's server pulls the course with nbgitpuller.",
    )
    parser.add_argument("--state", default=".hub", help="the hub's folder (default: .hub)")
    parser.add_argument("--port", type=int, default=8000, help="the hub's port (default 8000)")
    parser.add_argument(
        "--course", help="the course's git repository (default: this checkout, committed work)"
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="zh-CN")
    parser.add_argument("--lesson", default="00-start-here")
    args = parser.parse_args(argv)

    proxy = shutil.which(PROXY)
    if proxy is None:
        print(f"mootcourt: error: {PROXY} not found; install it with: {PROXY_INSTALL}")
        return 2
    course = args.course or (str(checkout_root()) if checkout_root() else None)
    state = Path(args.state).resolve()
    hub = LocalHub(
        state=str(state),
        password=_password(state),
        port=args.port,
        course_repo=course,
        lang=args.lang,
        lesson=args.lesson,
        proxy=proxy,
    )
    print(
        f"JupyterHub on {hub.url}: log in with any name and the password {hub.password}\n"
        f"(set $MOOTCOURT_HUB_PASSWORD to choose it). Students' homes: {state / 'home'}. "
        "Ctrl-C stops the hub and every student's server; their work stays."
    )
    try:
        return subprocess.call(hub.command(), cwd=state)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
