"""What a student in the room cannot do to the instructor's machine through the dashboard.

- run code: an `execute_request` sent over the kernel's websocket is dropped (only comm and
  kernel-info messages reach a Voila kernel), while a `kernel_info_request` on the same
  socket is answered, so the test proves the channel works and only execution is refused;
- read the notebook's source: neither the page nor any file URL serves the `.ipynb`;
- reach a `--public` server without its token.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from .servers import presenter

SOURCE_MARK = "Presenter"  # a word of the presenter notebook's code cell


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def _message(msg_type: str, content: dict) -> str:
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "username": "student",
        "session": uuid.uuid4().hex,
        "date": "",
        "version": "5.3",
    }
    return json.dumps(
        {
            "header": header,
            "parent_header": {},
            "metadata": {},
            "content": content,
            "buffers": [],
            "channel": "shell",
        }
    )


def test_kernel_refuses_code_from_the_page(presenter_server, tmp_path: Path) -> None:
    import websocket

    status, html = _get(presenter_server.url + "/")
    assert status == 200
    kernel = re.search(r'"kernelId"\s*:\s*"([0-9a-f-]{36})"', html)
    assert kernel, "no kernel id in the rendered page"
    marker = tmp_path / "executed"
    ws_url = presenter_server.url.replace("http", "ws") + f"/api/kernels/{kernel.group(1)}/channels"
    ws = websocket.create_connection(ws_url, timeout=30)
    try:
        ws.send(
            _message(
                "execute_request",
                {
                    "code": f"open({str(marker)!r}, 'w').write('ran')",
                    "silent": False,
                    "store_history": False,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            )
        )
        ws.send(_message("kernel_info_request", {}))
        replies = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            reply = json.loads(ws.recv())
            replies.append(reply["header"]["msg_type"])
            if reply["header"]["msg_type"] == "kernel_info_reply":
                break
        assert "kernel_info_reply" in replies, f"the socket itself did not work: {replies}"
        time.sleep(1.0)
        assert "execute_reply" not in replies, replies
        assert not marker.exists(), "a student's execute_request was executed"
    finally:
        ws.close()


def test_sources_are_not_served(presenter_server) -> None:
    status, html = _get(presenter_server.url + "/")
    assert status == 200
    assert "from mootcourt" not in html, "the page carries the notebook's source"
    for path in (
        "/voila/files/present.ipynb",
        "/files/present.ipynb",
        "/api/contents/present.ipynb",
        "/present.ipynb",
    ):
        status, body = _get(presenter_server.url + path)
        assert status != 200 or "from mootcourt" not in body, f"{path} served the source"


def test_public_server_requires_its_token(chromium, tmp_path_factory) -> None:
    token = "classroom-token-for-tests"
    home = tmp_path_factory.mktemp("public-home")
    with presenter(home, "--public", token=token) as server:
        status, body = _get(server.url + "/")  # urllib follows a redirect to the login page
        refused = status in (401, 403) or "login" in body.lower()
        assert refused and "kernelId" not in body, f"served without a token ({status})"
        status, html = _get(server.url + f"/?token={token}")
        assert status == 200 and "kernelId" in html, status
        log = server.log.read_text()
        assert f"?token={token}" in log, "the URL to hand out is printed with its token"


def test_stopping_present_stops_the_server_and_its_kernels(chromium, tmp_path_factory) -> None:
    """SIGTERM to `mootcourt present` reaches Voila itself (no orphaned server keeps serving
    the class, or its kernels running, after the instructor stops it)."""
    home = tmp_path_factory.mktemp("stop-home")
    with presenter(home) as server:
        status, _ = _get(server.url + "/")
        assert status == 200
    assert server.proc.returncode is not None
    try:
        urllib.request.urlopen(server.url + "/voila/static/voila.js", timeout=5)
    except (urllib.error.URLError, ConnectionError, OSError):
        pass
    else:
        raise AssertionError("the server still answers after `mootcourt present` was stopped")
