"""The kernel the kit's Voila starts: ipykernel, with an IOPub queue that drops nothing.

    python -m mootcourt.kernel -f CONNECTION_FILE

A kernel publishes its outputs on IOPub through a ZeroMQ `XPUB` socket, whose queue to each
subscriber holds 1,000 messages by default; what does not fit is dropped. Building an explorer
sends about 1,100 in a fifth of a second (a comm per widget, their updates, then the display).
On a busy machine the kernel's own ZeroMQ thread does not move them to the socket fast enough,
and the end of the burst, the explorer's display and sometimes the cell's idle status, is lost:
the page shows no explorer, or waits for the IOPub timeout. The kit's trace caught it: the
kernel sent 1,075 messages, the server received 925 (docs/upstream/iopub-tail-loss.md).

The option must be set before the socket binds, so this module sets it on every publishing
socket ipykernel creates, then starts ipykernel as `ipykernel_launcher` would. `install_spec`
writes a `python3` kernel spec that runs it; `mootcourt.serving` puts it first on
`JUPYTER_PATH`, so every notebook the kit serves gets this kernel and nothing else changes.
"""

from __future__ import annotations

import functools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

SEND_QUEUE = 0
"""messages an IOPub socket may queue per subscriber: 0, no limit (ZeroMQ's default: 1,000)"""
SPEC_NAME = "python3"
"""the kernel spec the kit's notebooks name"""


def keep_every_output(context_class: type | None = None) -> None:
    """Give every publishing socket made from now on an unlimited send queue (idempotent)."""
    import zmq

    cls = context_class or zmq.Context
    if getattr(cls.socket, "_mootcourt_iopub", False):
        return
    original = cls.socket

    @functools.wraps(original)
    def socket(self, socket_type: int, *args: Any, **kwargs: Any):
        made = original(self, socket_type, *args, **kwargs)
        if socket_type in (zmq.PUB, zmq.XPUB):
            made.setsockopt(zmq.SNDHWM, SEND_QUEUE)
        return made

    socket._mootcourt_iopub = True  # type: ignore[attr-defined]
    cls.socket = socket


def spec() -> dict[str, Any]:
    """The kernel spec: this Python, this module, ipykernel's own display name."""
    return {
        "argv": [sys.executable, "-m", "mootcourt.kernel", "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": True},
    }


def install_spec(folder: Path | None = None) -> Path:
    """Write the spec into `folder`/kernels/python3 (by default a folder of the temp directory
    named after this Python) and return the data folder to put on `JUPYTER_PATH`."""
    text = json.dumps(spec(), indent=1) + "\n"
    if folder is None:
        import hashlib

        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        folder = Path(tempfile.gettempdir()) / f"mootcourt-kernel-{digest}"
    target = folder / "kernels" / SPEC_NAME
    target.mkdir(parents=True, exist_ok=True)
    path = target / "kernel.json"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        partial = path.with_suffix(".json.partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    return folder


def main() -> None:
    keep_every_output()
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
