"""Issue 19, items 7 and 9 to 11, where only a browser can tell: in lesson 05 (a quiz above the
full explorer), a quiz option's text sits beside its radio, the What-if tab gives each court's
result on one line, each input tab keeps its own scroll position, and axe-core finds nothing
critical or serious in the quiz or the What-if tab. One page per language (English light,
Chinese dark: both themes covered) on the session's Voila server.
"""

from __future__ import annotations

import pytest

from .servers import assert_accessible, open_page

LESSON = "05-where-they-diverge.ipynb"
CLICK_TIMEOUT = 30_000

# each radio's box and its label's: the radio must start the label's first line
RADIOS = """() => [...document.querySelectorAll('.mc-quiz-options .widget-radio-box label')]
.map(l => {
  const i = l.querySelector('input').getBoundingClientRect();
  const r = l.getBoundingClientRect();
  const range = document.createRange(); range.selectNodeContents(l);
  const text = [...range.getClientRects()].filter(x => x.width > 0 && x.left > i.right - 1);
  return {input: [i.left, i.top, i.bottom], label: [r.left, r.top, r.height],
          text: text.length ? [Math.min(...text.map(x => x.left)), text[0].top] : null,
          lines: text.length};
})"""


@pytest.mark.parametrize(("lang", "theme"), [("en", "light"), ("zh-CN", "dark")])
def test_quiz_and_whatif_layout(voila_server, page, screenshots, lang: str, theme: str) -> None:
    query = "?theme=dark" if theme == "dark" else ""
    url = f"{voila_server.url}/voila/render/{lang}/{LESSON}{query}"
    open_page(page, url, ".mc-explorer .mc-outcome-second_instance")
    where = f"lesson 05 ({lang}, {theme})"

    # item 9: in a narrow box every option wraps, and its radio still starts its first line
    quiz = page.locator(".mc-quiz").first
    quiz.evaluate("e => { e.style.width = '240px'; e.scrollIntoView({block: 'start'}); }")
    page.wait_for_timeout(200)
    radios = page.evaluate(RADIOS)
    assert radios, "no quiz option found"
    assert any(r["label"][2] > 30 for r in radios), "no option wraps: the check proves nothing"
    for r in radios:
        (i_left, i_top, i_bottom), (l_left, l_top, _) = r["input"], r["label"]
        assert i_left - l_left < 4, f"{where}: the radio does not start its option: {r}"
        assert i_top - l_top < 6, f"{where}: the radio sits below its text's first line: {r}"
        assert r["text"] and r["text"][1] < i_bottom, f"{where}: text not beside its radio: {r}"
    page.screenshot(path=screenshots / f"lesson-quiz-{lang}-{theme}-narrow.png")
    quiz.evaluate("e => { e.style.width = ''; e.scrollIntoView({block: 'start'}); }")
    page.wait_for_timeout(200)
    page.screenshot(path=screenshots / f"lesson-quiz-{lang}-{theme}.png")
    assert_accessible(page, ".mc-quiz", f"{where}: the quiz")

    explorer = page.locator(".mc-explorer").first
    explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
    tabs = explorer.locator(".lm-TabBar-tab")
    pages = explorer.locator(".widget-tab-contents > .lm-Widget")

    # item 11: a tab keeps its own scroll position
    pages.nth(0).evaluate("e => { e.scrollTop = 150; }")
    tabs.nth(2).click()
    page.wait_for_timeout(200)
    assert pages.nth(2).evaluate("e => e.scrollTop") == 0, f"{where}: doctrine opened scrolled"
    tabs.nth(0).click()
    page.wait_for_timeout(200)
    kept = pages.nth(0).evaluate("e => e.scrollTop")
    assert kept == 150, f"{where}: the evidence tab lost its place ({kept})"

    # item 10: each court's result on one line, the "·" explained
    tabs.nth(3).click()
    explorer.locator(".mc-wi-now table").wait_for(timeout=CLICK_TIMEOUT)
    explorer.locator(".mc-wi-legend").first.wait_for(timeout=CLICK_TIMEOUT)
    page.wait_for_timeout(200)
    # the tops of a result's boxes (arrow, word): one line when they are all the same
    spread = explorer.locator(".mc-wi-after").evaluate_all(
        "spans => spans.map(s => { const t = [...s.getClientRects()].map(r => r.top);"
        " return Math.max(...t) - Math.min(...t); })"
    )
    assert spread and all(d < 4 for d in spread), f"{where}: a result broke over lines: {spread}"
    explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=screenshots / f"lesson-whatif-{lang}-{theme}.png")
    assert_accessible(page, ".mc-whatif", f"{where}: the What-if tab")
    assert not page.console_errors, page.console_errors
