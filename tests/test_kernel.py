"""The kit's kernel (`mootcourt.kernel`): ipykernel whose IOPub queue drops nothing, served
as the `python3` kernel spec by the kit's Voila."""

from __future__ import annotations

import json
import sys

import zmq

from mootcourt import kernel


def test_publishing_sockets_keep_every_message_and_others_are_untouched() -> None:
    class Context(zmq.Context):  # the patch stays on this class, not on every test's zmq
        pass

    kernel.keep_every_output(Context)
    kernel.keep_every_output(Context)  # once is enough; twice changes nothing
    context = Context()
    try:
        for kind in (zmq.PUB, zmq.XPUB):
            sock = context.socket(kind)
            assert sock.getsockopt(zmq.SNDHWM) == kernel.SEND_QUEUE
            sock.close()
        dealer = context.socket(zmq.DEALER)
        assert dealer.getsockopt(zmq.SNDHWM) == 1000, "only IOPub changes"
        dealer.close()
    finally:
        context.term()
    assert zmq.Context().socket(zmq.PUB).getsockopt(zmq.SNDHWM) == 1000, "zmq itself untouched"


def test_the_spec_runs_this_module_with_this_python(tmp_path) -> None:
    data = kernel.install_spec(tmp_path)
    spec = json.loads((data / "kernels" / "python3" / "kernel.json").read_text())
    assert spec["argv"][:3] == [sys.executable, "-m", "mootcourt.kernel"]
    assert "{connection_file}" in spec["argv"]
    assert kernel.install_spec(tmp_path) == data, "writing it again changes nothing"
