"""The bare floor: Voila renders a one-checkbox notebook and a click reaches the kernel and back.

If this fails, the server or the browser set-up is broken, not the explorer: the explorer's
tests would fail for the same reason, and this test says so first.
"""

from __future__ import annotations

from .servers import open_page


def test_checkbox_round_trip(voila_server, page) -> None:
    open_page(page, f"{voila_server.url}/voila/render/floor.ipynb", ".floor-out")
    assert page.inner_text(".floor-out").strip() == "off"
    page.click(".floor-box input")
    page.wait_for_function(
        "document.querySelector('.floor-out').innerText.trim() === 'on'", timeout=10_000
    )
    assert not page.console_errors, page.console_errors
