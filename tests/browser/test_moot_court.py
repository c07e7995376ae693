"""The moot court widget in a real Voila page and a real JupyterLab notebook, in Chromium.

Lesson 07 (both languages) in Voila and in Lab: the widget renders, one change (the court
addressed) changes the feedback, axe-core finds nothing critical or serious. The instructor's
round (`notebooks/instructor/moot.ipynb`) on a team's brief: the arrow keys step through the
point, the bench's questions and the reply. Screenshots at 1280x720, light and dark, both
languages, for a person to look at. Tests select on CSS classes, never on words.

The servers here save briefs into the test's own folder (`servers.briefs_folder`), never the
user's.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from mootcourt.engine import Result
from mootcourt.moot import Brief, Point, save_brief
from mootcourt.packs import find_pack

from .servers import (
    RENDER_TIMEOUT,
    Server,
    assert_accessible,
    briefs_folder,
    copy_notebooks,
    open_page,
    voila,
)
from .test_jupyterlab import LAB_STATE, LAB_TIMEOUT, _run_all

pytestmark = pytest.mark.browser

CHANGE_TIMEOUT = 45_000  # a busy two-core machine; the first check at a court analyses it
ISSUES = find_pack("leak").issues
"""Liu's issues in the order the moot court lists them (its case's pack, the leak)"""
CLAIMS = [r.value for r in Result if r is not Result.NOT_REACHED]
"""the claim list's order (ipywidgets gives a select's options their labels as values, so
tests choose by position)"""
LESSON = "07-moot-court.ipynb"
READY = ".mc-moot .mc-moot-add"


@pytest.fixture(scope="module")
def moot_voila(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A Voila server whose student folder already holds one team's brief (for the round)."""
    home = tmp_path_factory.mktemp("moot-home")
    brief = Brief(
        case="liu-v-platform-2024",
        side="platform",
        court="second_instance",
        lang="en",
        author="Team 3",
        points=(
            Point(
                issue="attribution",
                claim="not_established",
                rules=("cpl-interp-108",),
                evidence=("logistics", "data_flow_statement"),
                text="Logistics also held every leaked field; the alias proves nothing more.",
            ),
            Point(issue="fault", claim="rebutted", evidence=("mlps_level3_filings",)),
        ),
    )
    save_brief(brief, briefs_folder(home) / "team3.yaml")
    root = copy_notebooks(tmp_path_factory.mktemp("moot-root"))
    with voila(root, home) as server:
        yield server


def _change_the_court(moot) -> None:
    """Add a point (Liu: the next issue, processor) and argue attribution; the appeal court
    found it, the first court did not: choosing the first court turns the feedback."""
    moot.locator(".mc-moot-add").click()
    moot.locator(".mc-moot-feedback .mc-moot-verdict").wait_for(timeout=CHANGE_TIMEOUT)
    moot.locator(".mc-moot-issue select").select_option(index=ISSUES.index("attribution"))
    moot.locator(".mc-moot-feedback .mc-moot-holds").wait_for(timeout=CHANGE_TIMEOUT)
    moot.locator(".mc-moot-court select").select_option(index=0)  # the first court
    moot.locator(".mc-moot-feedback .mc-moot-fails").wait_for(timeout=CHANGE_TIMEOUT)


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_lesson_07_in_voila(moot_voila, page, screenshots, lang: str) -> None:
    started = time.monotonic()
    open_page(page, f"{moot_voila.url}/voila/render/{lang}/{LESSON}", READY, RENDER_TIMEOUT)
    moot = page.locator(".mc-moot").first
    moot.scroll_into_view_if_needed()
    _change_the_court(moot)
    assert moot.locator(".mc-moot-saved code").count() == 1, "the page says where it saved"
    saved = moot.locator(".mc-moot-saved code").inner_text()  # a file name may hold ids
    text = moot.inner_text().replace(saved, "")
    assert "ui.moot" not in text and "first_instance" not in text, "a key or an id leaked"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280, f"horizontal scrolling at 1280 px: page is {width} px wide"
    assert_accessible(page, ".mc-moot", f"lesson 07 in Voila ({lang})")
    moot.locator(".mc-moot-mode .widget-toggle-button").nth(1).click()  # the bench asks
    moot.locator(".mc-moot-answer textarea").first.wait_for(timeout=CHANGE_TIMEOUT)
    assert_accessible(page, ".mc-moot", f"lesson 07 in Voila, bench ({lang})")
    assert not page.console_errors, page.console_errors
    print(f"lesson 07 in Voila ({lang}): {time.monotonic() - started:.1f} s")


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_the_workbench(moot_voila, page, screenshots, lang: str, theme) -> None:
    query = "?theme=dark" if theme == "dark" else ""
    open_page(page, f"{moot_voila.url}/voila/render/{lang}/{LESSON}{query}", READY)
    moot = page.locator(".mc-moot").first
    moot.locator(".mc-moot-side select").select_option(index=1)  # the platform
    moot.locator(".mc-moot-add").click()
    moot.locator(".mc-moot-feedback .mc-moot-verdict").wait_for(timeout=CHANGE_TIMEOUT)
    moot.locator(".mc-moot-issue select").select_option(index=ISSUES.index("fault"))
    moot.locator(".mc-moot-claim select").select_option(index=CLAIMS.index("rebutted"))
    moot.locator(".mc-moot-feedback .mc-moot-fails").wait_for(timeout=CHANGE_TIMEOUT)
    moot.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / f"voila-moot-{lang}-{theme}.png")
    moot.locator(".mc-moot-feedback").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / f"voila-moot-{lang}-{theme}-feedback.png")
    moot.locator(".mc-moot-mode .widget-toggle-button").nth(1).click()
    moot.locator(".mc-moot-answer textarea").first.wait_for(timeout=CHANGE_TIMEOUT)
    moot.locator(".mc-moot-bench").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / f"voila-moot-{lang}-{theme}-bench.png")
    moot.locator(".mc-moot-mode .widget-toggle-button").nth(2).click()
    moot.locator(".mc-moot-add").click()
    moot.locator(".mc-moot-report .mc-moot-compare").wait_for(timeout=CHANGE_TIMEOUT)
    moot.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / f"voila-moot-{lang}-{theme}-judge.png")
    assert_accessible(page, ".mc-moot", f"judge mode ({lang}, {theme})")
    assert not page.console_errors, page.console_errors


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_round_on_the_projector(moot_voila, page, screenshots, lang: str, theme) -> None:
    query = f"?lang={lang}" + ("&theme=dark" if theme == "dark" else "")
    url = f"{moot_voila.url}/voila/render/instructor/moot.ipynb{query}"
    open_page(page, url, ".mc-moot-projector .mc-moot-slide-point", RENDER_TIMEOUT)
    stage = page.locator(".mc-moot-projector .mc-moot-stage")
    # the round opens on the newest brief (other tests here save briefs too): choose Team 3's
    team = page.eval_on_selector(
        ".mc-moot-choose select",  # ipywidgets writes an option's spaces as no-break spaces
        "s => [...s.options].findIndex(o => o.text.replace(/\\s/g, ' ').startsWith('Team 3'))",
    )
    assert team >= 0, "every brief in the folder is offered"
    page.locator(".mc-moot-choose select").select_option(index=team)
    title = page.locator(".mc-moot-projector .mc-moot-title")
    title.filter(has_text="Team 3").wait_for(timeout=CHANGE_TIMEOUT)
    stage.locator(".mc-moot-slide-point").wait_for(timeout=CHANGE_TIMEOUT)
    page.screenshot(path=screenshots / f"voila-round-{lang}-{theme}-point.png")
    page.locator(".mc-moot-projector .mc-moot-h").click()  # the page, not a form field
    page.keyboard.press("ArrowRight")
    stage.locator(".mc-moot-slide-bench").wait_for(timeout=CHANGE_TIMEOUT)
    page.keyboard.press("PageDown")
    stage.locator(".mc-moot-slide-reply").wait_for(timeout=CHANGE_TIMEOUT)
    page.screenshot(path=screenshots / f"voila-round-{lang}-{theme}-reply.png")
    assert_accessible(page, ".mc-moot-projector", f"the round ({lang}, {theme})")
    page.keyboard.press("ArrowLeft")
    stage.locator(".mc-moot-slide-reply").wait_for(state="detached", timeout=CHANGE_TIMEOUT)
    size = page.eval_on_selector(".mc-moot-projector", "e => getComputedStyle(e).fontSize")
    assert float(size.removesuffix("px")) >= 20, f"projector type is {size}"
    assert "ui.moot" not in stage.inner_text()
    assert not page.console_errors, page.console_errors


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_lesson_07_in_jupyterlab(lab_server, page, screenshots, lang: str) -> None:
    started = time.monotonic()
    page.goto(
        f"{lab_server.url}/lab/workspaces/moot-{lang}/tree/{lang}/{LESSON}?reset",
        wait_until="commit",
        timeout=LAB_TIMEOUT,
    )
    _run_all(page)
    moot = page.locator(".mc-moot").first
    try:
        moot.locator(".mc-moot-add").wait_for(state="attached", timeout=LAB_TIMEOUT)
    except Exception:
        page.screenshot(path=screenshots / f"lab-moot-{lang}-FAILED.png")
        print("JupyterLab state when the moot court did not appear:", page.evaluate(LAB_STATE))
        raise
    moot.scroll_into_view_if_needed()
    try:
        _change_the_court(moot)
    except Exception:
        page.screenshot(path=screenshots / f"lab-moot-{lang}-FAILED.png")
        raise
    width = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.mc-moot')].map(e => e.scrollWidth))"
    )
    column = page.evaluate(
        "document.querySelector('.jp-Cell-outputArea, .jp-OutputArea').clientWidth"
    )
    assert width <= column + 2, f"the moot court ({width} px) overflows the notebook ({column} px)"
    assert_accessible(page, ".mc-moot", f"lesson 07 in JupyterLab ({lang})")
    moot.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / f"lab-moot-{lang}.png")
    print(f"lesson 07 in JupyterLab ({lang}): {time.monotonic() - started:.1f} s")
