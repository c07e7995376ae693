"""The bare floor: Voila renders a one-checkbox notebook and a click reaches the kernel and back.

If this fails, the server or the browser set-up is broken, not the explorer: the explorer's
tests would fail for the same reason, and this test says so first.
"""

from __future__ import annotations


def test_checkbox_round_trip(voila_server, page) -> None:
    page.goto(f"{voila_server.url}/voila/render/floor.ipynb")
    page.wait_for_selector(".floor-out", timeout=60_000)
    assert page.inner_text(".floor-out").strip() == "off"
    page.click(".floor-box input")
    page.wait_for_function(
        "document.querySelector('.floor-out').innerText.trim() === 'on'", timeout=10_000
    )
    assert not page.console_errors, page.console_errors
