"""The presenter as an instructor runs it: `mootcourt present`, a real Voila, a real Chromium.

Classes only (UI.md section 4); the step-through, the split, the arrow keys, one-click
hypotheticals and the record, the language switch; screenshots at 1280x720 and 1920x1080.
"""

from __future__ import annotations

import pytest

from mootcourt import evaluate, load_case
from mootcourt.present import DEFAULT_CASE
from mootcourt.ui.stepthrough import reveal_order, split_points

from .servers import open_page

RENDER = 120_000
CLICK = 15_000
SECOND = ".mc-presenter .mc-outcome-second_instance"


def _open(page, server, query: str = "") -> None:
    open_page(page, f"{server.url}/{query}", ".mc-presenter .mc-next", RENDER)


def _position(page) -> str:
    return page.inner_text(".mc-presenter .mc-position").strip()


def test_renders_without_error_or_source(presenter_server, page) -> None:
    _open(page, presenter_server)
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error" not in body
    assert "from mootcourt" not in page.content(), "sources are stripped"
    assert page.locator(".mc-presenter.mc-explorer").count() == 1
    assert page.locator(".mc-presenter .mc-covered").count() > 0, "issues start covered"
    assert not page.console_errors, page.console_errors


def _next(page) -> None:
    before = _position(page)
    page.click(".mc-presenter button.mc-next")
    page.wait_for_function(
        "b => document.querySelector('.mc-presenter .mc-position').innerText.trim() !== b",
        arg=before,
        timeout=CLICK,
    )


def test_step_through_reveals_and_announces_the_split(presenter_server, page, screenshots):
    """Reveal up to the split (where the engine says it is), see it announced, go on."""
    case = load_case(DEFAULT_CASE)
    judgment = evaluate(case, case.record_world())
    order = reveal_order(judgment)
    split = next(iter(split_points(judgment)))
    _open(page, presenter_server)
    total = page.locator(".mc-presenter .mc-cell.mc-covered").count()
    for _ in range(order.index(split)):
        _next(page)
        assert not page.locator(".mc-presenter .mc-divergent").count(), "split shown early"
    _next(page)
    page.wait_for_selector(".mc-presenter .mc-announce", state="visible", timeout=CLICK)
    assert page.locator(".mc-presenter .mc-divergent").count() > 0
    assert page.locator(".mc-presenter .mc-cell.mc-covered").count() < total
    page.screenshot(path=screenshots / "voila-presenter-en-split.png")
    while page.locator(".mc-presenter button.mc-next").is_enabled():
        _next(page)
    page.wait_for_selector(".mc-presenter .mc-announce", state="hidden", timeout=CLICK)
    assert page.locator(".mc-presenter .mc-covered").count() == 0, "all revealed at the end"


def test_arrow_keys_move_the_step_through(presenter_server, page) -> None:
    _open(page, presenter_server)
    before = _position(page)
    page.locator(".mc-presenter .mc-title").click()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "b => document.querySelector('.mc-presenter .mc-position').innerText.trim() !== b",
        arg=before,
        timeout=CLICK,
    )
    assert _position(page) != before


def test_toggle_hypothetical_and_record(presenter_server, page) -> None:
    _open(page, presenter_server)
    page.click(".mc-presenter .mc-reveal-all")
    page.wait_for_selector(f"{SECOND}.mc-liable", timeout=CLICK)
    page.click(".mc-presenter .mc-open-inputs")
    page.wait_for_selector(".mc-presenter .mc-toggle-alias_on_waybills input", timeout=CLICK)
    page.click(".mc-presenter .mc-toggle-alias_on_waybills input")
    page.wait_for_selector(f"{SECOND}.mc-not-liable", timeout=CLICK)
    page.click(".mc-presenter .mc-toggle-alias_on_waybills input")
    page.wait_for_selector(f"{SECOND}.mc-liable", timeout=CLICK)
    # the side column shows one thing at a time: the one-click changes in place of the inputs
    page.click(".mc-presenter .mc-open-hypotheticals")
    buttons = page.locator(".mc-presenter .mc-scenarios button:not(.mc-reset)")
    assert buttons.count() > 0, "no one-click hypotheticals"
    changed = False
    for i in range(buttons.count()):
        buttons.nth(i).click()
        page.wait_for_selector(".mc-presenter .mc-scenarios .mc-active", timeout=CLICK)
        if page.locator(f"{SECOND}.mc-not-liable").count():
            changed = True
            break
    assert changed, "no prepared hypothetical changed the appeal's outcome"
    page.click(".mc-presenter .mc-reset")
    page.wait_for_selector(f"{SECOND}.mc-liable", timeout=CLICK)


def test_language_switch_changes_the_visible_texts(presenter_server, page) -> None:
    _open(page, presenter_server)
    english = page.inner_text(".mc-presenter")
    page.locator(".mc-presenter .mc-lang button").first.click()  # 中文 comes first
    page.wait_for_function(
        "/[\\u4e00-\\u9fff]/.test(document.querySelector('.mc-presenter .mc-next').innerText)",
        timeout=CLICK,
    )
    assert page.inner_text(".mc-presenter") != english


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_fit_the_room(presenter_server, browser, screenshots, size, lang, theme):
    """The key view (controls, both courts' grid) fits without scrolling."""
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    query = f"?lang={lang}" + ("&theme=dark" if theme == "dark" else "")
    try:
        _open(page, presenter_server, query)
        page.click(".mc-presenter .mc-reveal-all")
        page.wait_for_selector(f"{SECOND}.mc-liable", timeout=CLICK)
        page.wait_for_timeout(300)
        grid = page.locator(".mc-presenter .mc-grid").bounding_box()
        controls = page.locator(".mc-presenter .mc-present-controls").bounding_box()
        assert grid and controls
        assert grid["y"] + grid["height"] <= height, f"the grid runs below the fold at {size}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        size_px = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.mc-presenter')).fontSize)"
        )
        assert size_px >= 20, f"body text is {size_px}px"
        page.screenshot(path=screenshots / f"voila-presenter-{lang}-{theme}-{width}x{height}.png")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_accessibility(voila_server, page, lang: str, theme: str) -> None:
    """axe-core (shipped in the package, nothing fetched): no critical or serious violation
    in the explorer (the presenter's axe runs are in test_presenter_projector.py, every case,
    language and theme)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    dark = "&theme=dark" if theme == "dark" else ""
    pages = [
        (
            f"{voila_server.url}/voila/render/{lang}/05-where-they-diverge.ipynb"
            + ("?theme=dark" if dark else ""),
            ".mc-explorer .mc-outcome-second_instance",
            ".mc-explorer",
        ),
    ]
    for url, ready, scope in pages:
        open_page(page, url, ready, RENDER)
        results = axe.run(page, context=scope)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"]
            if v["impact"] in ("critical", "serious")
        ]
        assert not bad, f"{url}:\n" + "\n".join(bad)
