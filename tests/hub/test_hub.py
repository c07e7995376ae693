"""A real JupyterHub with two students on this machine (`mootcourt.hub.local`, what `make hub`
runs): configurable-http-proxy from npm, a shared password, each student's server a local
process with its own home, the course pulled from a git repository with nbgitpuller.

Each student logs in through the login form, starts their own server, pulls the course (the
link's `git-pull`), opens lesson 05 through the server's contents API and runs its code, the
explorer included, in a kernel of their own server, and saves a moot-court brief from that
kernel. Then: the brief is in the student's own home (platformdirs), the course folder is as
pulled; neither student can reach the other's server, by token or by browser session, nor
the other's files through their own server; a new version of the lesson pulled over a
student's edited copy keeps the edit; and after the hub and every server are stopped and
started again, the brief is still there and loads in a new kernel.

Skips only when configurable-http-proxy is missing outside CI (`npm install -g
configurable-http-proxy`); under CI=true, `.ci/run` installs it, so a missing proxy fails.
Loopback only; every wait is bounded; everything started is stopped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from .course import LESSON, LESSON_FILE, NOTES_CELL, TITLE_CELL, Course, cell_text, set_cell

pytest.importorskip("jupyterhub")
pytest.importorskip("nbgitpuller")

from mootcourt.hub.links import pull_query, target_folder
from mootcourt.hub.local import PROXY, PROXY_INSTALL, LocalHub

from .client import Student

pytestmark = [pytest.mark.hub, pytest.mark.slow]

PASSWORD = "moot-court-2024"
STUDENTS = ("alice", "bob")
BRIEF = "liu-v-platform-2024--platform--second_instance.yaml"
SAVE_BRIEF = """
from mootcourt.moot import Brief, Point, save_brief
brief = Brief("liu-v-platform-2024", "platform", "second_instance", "en", author={name!r},
              points=(Point("fault", "rebutted", text={text!r}),))
print(save_brief(brief))
"""
LOAD_BRIEF = """
from mootcourt.moot import list_briefs, load_brief, student_folder
for path in list_briefs(student_folder()):
    print(path, load_brief(path).points[0].text)
"""
MEMORY = "import resource; print('peak kB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _proxy() -> str:
    found = shutil.which(PROXY)
    if found is None:
        reason = f"{PROXY} not found ({PROXY_INSTALL}; .ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the hub test cannot run in CI: {reason}")
        pytest.skip(reason)
    return found


class Hub:
    """One local hub process; `start` and `stop` can repeat (the state folder persists)."""

    def __init__(self, config: LocalHub) -> None:
        self.config = config
        self.log = Path(config.state) / "hub.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.config.command(),
                cwd=self.config.state,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the hub exited ({self.process.returncode}):\n{self.tail()}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.config.url}/hub/api", timeout=2).status_code == 200:
                    return
            time.sleep(0.3)
        pytest.fail(f"the hub did not answer within {timeout} s:\n{self.tail()}")

    def stop(self, timeout: float = 45.0) -> None:
        """SIGTERM: the hub stops every student's server and the proxy it started."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def leftovers(self) -> list[int]:
        """Processes still running from this hub's folder (servers, kernels, the proxy)."""
        state = str(Path(self.config.state).resolve())
        found = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit() or int(proc.name) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                cwd = os.readlink(proc / "cwd")
                cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
                if cwd.startswith(state) or state in cmdline:
                    found.append(int(proc.name))
        return found


@pytest.fixture
def course(tmp_path: Path) -> Course:
    (tmp_path / "course").mkdir()
    return Course(tmp_path / "course")


@pytest.fixture
def hub(tmp_path: Path, course: Course) -> Iterator[Hub]:
    config = LocalHub(
        state=str(tmp_path / "hub"),
        password=PASSWORD,
        port=_free_port(),
        hub_port=_free_port(),
        proxy_api_port=_free_port(),
        users=STUDENTS,
        course_repo=course.url,
        lesson=LESSON,
        proxy=_proxy(),
    )
    Path(config.state).mkdir()
    running = Hub(config)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        for pid in running.leftovers():  # a server or kernel the hub failed to stop: ours
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _students(hub: Hub) -> dict[str, Student]:
    students = {name: Student(hub.config.url, name, PASSWORD) for name in STUDENTS}
    for student in students.values():
        student.login()
    return students


def _lesson_code(student: Student, path: str) -> str:
    """Open the lesson as JupyterLab does (contents API) and join its code cells."""
    got = student.server("GET", f"api/contents/{path}")
    assert got.status_code == 200, (student.name, path, got.status_code)
    cells = got.json()["content"]["cells"]
    return "\n".join(c["source"] for c in cells if c["cell_type"] == "code")


def test_two_students_on_one_hub(hub: Hub, course: Course) -> None:
    started = time.monotonic()
    students = _students(hub)
    for s in students.values():  # both spawn at once, as a class arriving does
        assert s.api("POST", f"/hub/api/users/{s.name}/server").status_code in (201, 202)
    for s in students.values():
        s.start_server()

    folder = target_folder(course.url)
    lesson = f"{folder}/{LESSON_FILE}"
    query = pull_query(course.url, LESSON, "en")

    def work(s: Student) -> Path:
        """The course link's pull, then the lesson (the explorer too) and a brief, in the
        student's own kernel."""
        s.pull(query)
        kernel = s.kernel()
        try:
            kernel.execute(_lesson_code(s, lesson))
            memory = kernel.execute(MEMORY)
            out = kernel.execute(SAVE_BRIEF.format(name=s.name, text=f"{s.name}'s audit logs"))
        finally:
            kernel.shutdown()
        print(f"{s.name}: lesson {LESSON} run; kernel {memory.strip()}")
        return Path(out.strip())

    with ThreadPoolExecutor(len(students)) as pool:  # side by side, as in class
        saved = dict(zip(students, pool.map(work, students.values()), strict=True))
    print(f"hub test: both students' work done {time.monotonic() - started:.1f} s in")

    for name, path in saved.items():
        home = hub.config.home(name)
        assert path == home / ".local" / "share" / "mootcourt" / "briefs" / BRIEF, path
        # nothing the student did (a lesson run, a quiz, a brief) changed the course folder
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=home / folder,
            capture_output=True,
            text=True,
            check=True,
        )
        assert status.stdout == "", status.stdout

    alice, bob = students["alice"], students["bob"]
    # Neither reaches the other's server: not with a token, not with a browser session...
    assert alice.api("GET", "/user/bob/api/contents").status_code == 403
    assert bob.api("GET", "/user/alice/api/contents").status_code == 403
    assert alice.api("GET", "/hub/api/users/bob").status_code in (403, 404)
    assert alice.api("POST", "/hub/api/users/bob/server").status_code in (403, 404)
    page = alice.session.get(f"{hub.config.url}/user/bob/lab", timeout=30)
    assert page.status_code == 403, (page.status_code, page.url)
    # ...while her own server opens on the course link (`Spawner.default_url`)
    own = alice.session.get(f"{hub.config.url}/user/alice/", timeout=30)
    assert own.status_code == 200, (own.status_code, own.url)
    assert f"/user/alice/git-pull?{query}" in own.url, own.url
    # ...nor the other's files through their own server (each server's root is its home)
    for path in ("../bob", "%2E%2E/bob", f"../bob/.local/share/mootcourt/briefs/{BRIEF}"):
        assert alice.server("GET", f"api/contents/{path}").status_code == 404, path

    # A new version of the lesson, pulled over alice's edited copy, keeps her edit.
    notes = alice.server("GET", f"api/contents/{lesson}").json()
    notes["content"]["cells"][NOTES_CELL]["source"] = "Alice's notes: attribution, not fault."
    put = alice.server("PUT", f"api/contents/{lesson}", json=notes)
    assert put.status_code == 200, put.text
    course.publish(LESSON_FILE, set_cell(TITLE_CELL, "# Lesson 5 (second version)"))
    alice.pull(query)
    mine = hub.config.home("alice") / lesson
    assert cell_text(mine, NOTES_CELL) == "Alice's notes: attribution, not fault."
    assert cell_text(mine, TITLE_CELL) == "# Lesson 5 (second version)"

    # Stop the hub and every server; start again: everything saved is still there.
    print(f"hub test: isolation and pull checked {time.monotonic() - started:.1f} s in")
    hub.stop()
    deadline = time.monotonic() + 15  # a kernel notices its server has gone within seconds
    while hub.leftovers() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert hub.leftovers() == [], "a server, kernel or proxy outlived the hub"
    hub.start()
    alice = _students(hub)["alice"]
    alice.start_server()
    kernel = alice.kernel()
    try:
        listed = kernel.execute(LOAD_BRIEF)
    finally:
        kernel.shutdown()
    assert listed.strip() == f"{saved['alice']} alice's audit logs"
    assert cell_text(mine, NOTES_CELL) == "Alice's notes: attribution, not fault."
    from mootcourt.moot import load_brief

    assert load_brief(saved["bob"]).author == "bob"
    print(f"hub test: {time.monotonic() - started:.1f} s after the hub first answered")
