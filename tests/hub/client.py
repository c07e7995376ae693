"""A student as the hub sees one: a browser session (login cookie) and an API token, the
hub's REST API, the student's own server's REST API, and a kernel driven over its websocket.

Why not nbclient or a browser: a kernel reached through the hub is only reachable over the
server's websocket, which is also what JupyterLab uses; the kernel messages here are the
plain JSON of the Jupyter protocol. Every wait is bounded.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
import websocket

TIMEOUT = 30.0


class HubError(AssertionError):
    """Something a student would have seen go wrong, with what the hub or server said."""


def _cookie(session: requests.Session, name: str) -> str:
    """The latest value of a cookie, whatever its path (the hub sets `_xsrf` more than once)."""
    values = [c.value for c in session.cookies if c.name == name and c.value]
    return values[-1] if values else ""


@dataclass
class Student:
    """One student logged in to the hub at `url`."""

    url: str
    name: str
    password: str
    session: requests.Session = field(default_factory=requests.Session)
    token: str = ""

    def login(self) -> None:
        """Log in through the hub's login form (as a browser does), then ask the hub for an
        API token in the student's own name (a token carries the student's permissions)."""
        s = self.session
        page = s.get(f"{self.url}/hub/login", timeout=TIMEOUT)
        page.raise_for_status()
        xsrf = _cookie(s, "_xsrf")
        done = s.post(
            f"{self.url}/hub/login?next=",
            data={"username": self.name, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        if done.status_code != 302:
            raise HubError(f"{self.name} could not log in: {done.status_code} {done.text[:300]}")
        xsrf = _cookie(s, "_xsrf") or xsrf  # the hub sets a new one for the logged-in user
        made = s.post(
            f"{self.url}/hub/api/users/{self.name}/tokens",
            json={"note": "hub test", "expires_in": 600},
            headers={"X-XSRFToken": xsrf, "Referer": f"{self.url}/hub/token"},
            timeout=TIMEOUT,
        )
        if made.status_code != 201:
            raise HubError(f"no token for {self.name}: {made.status_code} {made.text[:300]}")
        self.token = made.json()["token"]

    def api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """A request with the student's token (hub API: `/hub/api/...`; a server: `/user/...`)."""
        headers = {"Authorization": f"token {self.token}", **kwargs.pop("headers", {})}
        kwargs.setdefault("timeout", TIMEOUT)
        return requests.request(method, f"{self.url}{path}", headers=headers, **kwargs)

    def start_server(self, timeout: float = 90.0) -> None:
        """Start the student's own server and wait until the hub says it is ready."""
        started = self.api("POST", f"/hub/api/users/{self.name}/server")
        if started.status_code not in (201, 202, 400):  # 400: already running
            raise HubError(f"{self.name}: server not started: {started.status_code}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"/hub/api/users/{self.name}").json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise HubError(f"{self.name}'s server was not ready within {timeout} s")

    def stop_server(self) -> None:
        self.api("DELETE", f"/hub/api/users/{self.name}/server")

    def server(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """A request to the student's own server, e.g. `("GET", "api/contents/x")`."""
        return self.api(method, f"/user/{self.name}/{path}", **kwargs)

    def pull(self, query: str, timeout: float = 60.0) -> list[str]:
        """Run nbgitpuller in the student's server (what a link's page does with its
        EventSource): its `git-pull/api` streams the pull's output and ends with a phase."""
        lines: list[str] = []
        with self.api(
            "GET", f"/user/{self.name}/git-pull/api?{query}", stream=True, timeout=timeout
        ) as r:
            if r.status_code != 200:
                raise HubError(f"git-pull: {r.status_code} {r.text[:300]}")
            for raw in r.iter_lines(decode_unicode=True):
                if raw and raw.startswith("data:"):
                    event = json.loads(raw[5:])
                    lines.append(event.get("output", "") or event.get("phase", ""))
                    if event.get("phase") == "error":
                        raise HubError("nbgitpuller failed: " + "".join(lines))
                    if event.get("phase") == "finished":
                        return lines
        raise HubError("nbgitpuller stopped without finishing: " + "".join(lines))

    def kernel(self) -> Kernel:
        """A new kernel in the student's own server."""
        made = self.server("POST", "api/kernels", json={"name": "python3"})
        if made.status_code != 201:
            raise HubError(f"{self.name}: no kernel: {made.status_code} {made.text[:300]}")
        kernel_id = made.json()["id"]
        host = urlsplit(self.url).netloc
        ws = websocket.create_connection(
            f"ws://{host}/user/{self.name}/api/kernels/{kernel_id}/channels",
            header=[f"Authorization: token {self.token}"],
            timeout=TIMEOUT,
        )
        return Kernel(self, kernel_id, ws)


@dataclass
class Kernel:
    """A kernel driven over the server's websocket (the JSON form of the Jupyter protocol)."""

    student: Student
    id: str
    ws: websocket.WebSocket
    session: str = field(default_factory=lambda: uuid.uuid4().hex)

    def execute(self, code: str, timeout: float = 120.0) -> str:
        """Run `code`; return what it printed. Raise `HubError` with the traceback on an error."""
        msg_id = uuid.uuid4().hex
        self.ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "session": self.session,
                        "username": self.student.name,
                        "version": "5.3",
                        "date": "",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": False,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        printed: list[str] = []
        error: list[str] = []
        replied = idle = False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            left = deadline - time.monotonic()
            if left <= 0:
                raise HubError(f"no reply within {timeout} s to: {code[:80]}")
            self.ws.settimeout(left)
            frame = self.ws.recv()
            if not isinstance(frame, str):
                continue  # a binary frame carries widget buffers, never what we wait for
            msg = json.loads(frame)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["header"]["msg_type"], msg["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                error.append("\n".join(content["traceback"]))
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        if error:
            raise HubError(f"{self.student.name}'s kernel raised:\n" + "\n".join(error))
        return "".join(printed)

    def shutdown(self) -> None:
        self.ws.close()
        self.student.server("DELETE", f"api/kernels/{self.id}")
