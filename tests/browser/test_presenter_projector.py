"""The presenter on a projector (issue 19): 1280x720, every case, both languages, both themes,
with and without `--large`, stepped through reveal by reveal.

At every step: nothing scrolls the page (the document, Voila's cell area, the presenter), the
outcome banners and the newly revealed cell are inside the window, the reasoning pane shows
the new step from its top, and the live region says something new. Once per run: the tab's
title names the case and the kit, no title or accessible name is an id, every control shows
a 2 px focus ring at 3:1 or better, and axe-core finds nothing critical or serious (with the
explorer's inputs open too, in the `FULL` runs). Every step of a `FULL` run leaves a
screenshot in test-artifacts/screenshots/; `--large` runs in the `FULL` language x theme pairs.

One `mootcourt present` server per (case, --large), reused by its language x theme runs (the
runs are ordered so that only one server is up at a time).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from mootcourt import evaluate, load_case
from mootcourt.ui.aria import ID_LIKE
from mootcourt.ui.stepthrough import OUTCOME, reveal_order

from .servers import Server, open_page, presenter
from .test_voila_presenter import _next

WIDTH, HEIGHT = 1280, 720
RENDER = 120_000
CLICK = 15_000
GUO = "guo-v-hangzhou-wildlife-world-2021"
CASES = ("liu-v-platform-2024", "pang-v-qunar-2017", GUO)
FULL = (("en", "light"), ("zh-CN", "dark"))
"""the runs that also keep a screenshot of every step, tab through the focus rings and run
axe with the drawer's tabs open (a theme changes colours, not the layout: the other runs check
the layout at every step and axe once, all revealed)"""
RUNS = [
    (case, large, lang, theme)
    for case in CASES
    for large in (False, True)
    for lang in ("en", "zh-CN")
    for theme in ("light", "dark")
    if (not large and case != GUO) or (lang, theme) in FULL
]
"""Liu and Pang in every language x theme at normal size, and `--large` in the `FULL` pairs;
Guo (24 steps a run) only in the `FULL` pairs, both sizes: a theme changes colours, not the
layout, and CI time is finite"""

# Does anything scroll? The document, Voila's cell area, the presenter itself.
SCROLLS = """() => {
  const boxes = [document.documentElement, document.body,
                 document.getElementById('rendered_cells'),
                 document.querySelector('.mc-presenter')].filter(Boolean);
  return boxes
    .filter(b => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1)
    .map(b => `${b.tagName}#${b.id}.${String(b.className).slice(0, 40)}: `
              + `${b.scrollHeight}/${b.clientHeight} x ${b.scrollWidth}/${b.clientWidth}`);
}"""

PAGE_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
  (document.getElementById('rendered_cells') || document.body).scrollHeight,
  (document.querySelector('.mc-presenter') || document.body).scrollHeight)"""

# Where an element is, if it is shown at all.
INSIDE = """(selectors) => selectors.map(sel => {
  const found = [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length);
  return [sel, found.map(e => { const r = e.getBoundingClientRect();
    return [Math.round(r.top), Math.round(r.bottom), Math.round(r.left), Math.round(r.right)]; })];
})"""

# Every title, aria-label and visible control name in the presenter.
NAMES = """() => {
  const root = document.querySelector('.mc-presenter');
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    for (const attr of ['title', 'aria-label']) {
      const v = el.getAttribute(attr);
      if (v && v.trim()) out.push([attr, v.trim()]);
    }
    if (['BUTTON', 'OPTION', 'LABEL', 'SUMMARY', 'A'].includes(el.tagName)
        || el.matches('.lm-TabBar-tabLabel'))
      out.push([el.tagName, (el.textContent || '').trim()]);
  }
  return out;
}"""

# The focus ring of the focused element: width, style, and its contrast with the page.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || !el.closest('.mc-presenter')) return null;
  const s = getComputedStyle(el);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  const opaque = c => c.length === 3 || (c.length === 4 && c[3] > 0.9);
  let bgEl = el.parentElement, bg = [255, 255, 255];
  while (bgEl) { const c = rgb(getComputedStyle(bgEl).backgroundColor);
                 if (opaque(c)) { bg = c.slice(0, 3); break; }
                 bgEl = bgEl.parentElement; }
  if (!bgEl) { const c = rgb(getComputedStyle(document.body).backgroundColor);
               if (opaque(c)) bg = c.slice(0, 3); }
  const ring = rgb(s.outlineColor).slice(0, 3);
  const [a, b] = [lum(ring), lum(bg)];
  return { what: el.tagName + '.' + String(el.className).slice(0, 50),
           width: parseFloat(s.outlineWidth), style: s.outlineStyle,
           contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
}"""

HEIGHTS: dict[str, list[int]] = {}
"""page height per step, per run (printed at the end with -s, for the report)"""


@pytest.fixture(scope="module")
def servers(chromium: str, tmp_path_factory) -> Iterator[dict]:
    """One server at a time, started on first use for its (case, --large)."""
    state: dict = {"key": None, "server": None, "stack": None}

    def get(case: str, large: bool) -> Server:
        if state["key"] != (case, large):
            if state["stack"] is not None:
                state["stack"].close()
            stack = contextlib.ExitStack()
            home = tmp_path_factory.mktemp(f"projector-{case[:4]}-{int(large)}")
            args = [case, "--class-size=1"] + (["--large"] if large else [])
            state.update(key=(case, large), server=stack.enter_context(presenter(home, *args)))
            state["stack"] = stack
        return state["server"]

    yield {"get": get}
    if state["stack"] is not None:
        state["stack"].close()


def _live(page) -> str:
    return page.eval_on_selector(".mc-presenter .mc-live-text", "e => e.textContent").strip()


def _check_names(page, where: str) -> None:
    bad = [(kind, v) for kind, v in page.evaluate(NAMES) if ID_LIKE.match(v)]
    assert not bad, f"{where}: ids reach a person: {bad[:10]}"


def _check_axe(page, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=".mc-presenter")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in ("critical", "serious")
    ]
    assert not bad, f"{where}:\n" + "\n".join(bad)


def _check_focus_rings(page, where: str, stops: int = 14) -> None:
    page.locator(".mc-presenter .mc-title").click()
    seen = 0
    for _ in range(stops):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS)
        if ring is None:
            continue
        seen += 1
        assert ring["style"] != "none" and ring["width"] >= 2, f"{where}: no 2 px ring: {ring}"
        assert ring["contrast"] >= 3, f"{where}: focus ring below 3:1: {ring}"
    assert seen >= 5, f"{where}: Tab reached only {seen} controls"


@pytest.mark.parametrize(
    ("case", "large", "lang", "theme"),
    RUNS,
    ids=[
        f"{c.split('-')[0]}-{'large' if big else 'normal'}-{lang}-{theme}"
        for c, big, lang, theme in RUNS
    ],
)
def test_every_step_fits_a_projector(
    servers, browser, screenshots, case: str, large: bool, lang: str, theme: str
) -> None:
    server = servers["get"](case, large)
    loaded = load_case(case)
    order = reveal_order(evaluate(loaded, loaded.record_world()))
    name = f"projector-{case.split('-')[0]}-{'large' if large else 'normal'}-{lang}-{theme}"
    full = (lang, theme) in FULL
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()
    try:
        query = f"?lang={lang}" + ("&theme=dark" if theme == "dark" else "")
        open_page(page, f"{server.url}/{query}", ".mc-presenter .mc-next", RENDER)
        page.wait_for_selector(".mc-presenter .mc-live-text", state="attached", timeout=CLICK)
        page.wait_for_function(
            "() => document.title.includes(' · ')", timeout=CLICK
        )  # the kernel-side title has arrived
        title = page.title()
        assert loaded.title(lang) in title and ("Moot Court Kit" in title or "模拟法庭" in title)
        _check_names(page, f"{name} start")
        heights = [page.evaluate(PAGE_HEIGHT)]
        live = _live(page)
        page.screenshot(path=screenshots / f"{name}-00.png")
        for step, (level, issue) in enumerate(order, start=1):
            _next(page)
            page.wait_for_function(
                "b => document.querySelector('.mc-presenter .mc-live-text').textContent.trim()"
                " !== b",
                arg=live,
                timeout=CLICK,
            )
            live = _live(page)
            page.wait_for_timeout(150)  # layout settles (the reading and the grid redrawn)
            where = f"{name} step {step} ({level}, {issue})"
            heights.append(page.evaluate(PAGE_HEIGHT))
            if full or step == len(order):
                page.screenshot(path=screenshots / f"{name}-{step:02d}.png")
            assert not page.evaluate(SCROLLS), (
                f"{where}: the page scrolls: {page.evaluate(SCROLLS)}"
            )
            revealed = (
                f".mc-presenter .mc-outcome-{level}"
                if issue == OUTCOME
                else ", ".join(
                    f".mc-presenter .mc-grid .mc-step-{level}-{d}-{issue}"
                    for d in loaded.defendants
                )
            )
            found = dict(page.evaluate(INSIDE, [".mc-presenter .mc-banner", revealed]))
            assert found[revealed], f"{where}: the revealed cell is not shown"
            banners = found[".mc-presenter .mc-banner"]
            assert len(banners) == len(loaded.levels), f"{where}: a banner is hidden"
            for top, bottom, left, right in banners + found[revealed]:
                assert top >= 0 and bottom <= HEIGHT and left >= 0 and right <= WIDTH, (
                    f"{where}: off screen ({top}, {bottom}, {left}, {right})"
                )
            scroll = page.eval_on_selector(".mc-presenter .mc-present-reading", "e => e.scrollTop")
            assert scroll == 0, f"{where}: the reasoning does not open at its top"
        HEIGHTS[name] = heights
        print(name, heights)
        _check_names(page, f"{name} end")
        _check_axe(page, f"{name} all revealed")
        if full:
            _check_focus_rings(page, name)
        # the explorer's inputs open beside the grid: the verdicts stay on screen
        page.click(".mc-presenter .mc-open-inputs")
        page.wait_for_selector(".mc-presenter .mc-present-drawer .mc-tabs", timeout=CLICK)
        page.wait_for_timeout(300)
        assert not page.evaluate(SCROLLS), f"{name} inputs: the page scrolls"
        page.screenshot(path=screenshots / f"{name}-inputs.png")
        _check_names(page, f"{name} inputs")
        if full:
            _check_axe(page, f"{name} inputs open")
            page.locator(".mc-presenter .mc-present-drawer .lm-TabBar-tab").nth(1).click()
            page.wait_for_selector(".mc-presenter .mc-parties", timeout=CLICK)  # (Guo: no matrix)
            _check_axe(page, f"{name} parties & data")  # "○ does not hold" was 4.45:1 here
        page.click(".mc-presenter .mc-open-hypotheticals")
        page.wait_for_selector(".mc-presenter .mc-present-bar button", timeout=CLICK)
        page.wait_for_timeout(200)
        buttons = page.evaluate(INSIDE, [".mc-presenter .mc-present-bar button"])[0][1]
        assert buttons, f"{name}: no one-click hypotheticals shown"
        side = page.locator(".mc-presenter .mc-present-hypotheticals").bounding_box()
        assert side is not None
        for top, _bottom, _left, _right in buttons:
            # all inside the pane (it scrolls on its own if ever too long, never the page)
            assert top >= side["y"] - 1, f"{name}: a one-click change is hidden"
        font = page.evaluate(
            "() => [' .mc-present-bar button', ''].map(s => parseFloat("
            "getComputedStyle(document.querySelector('.mc-presenter' + s)).fontSize))"
        )
        assert font[0] >= 0.8 * font[1], (
            f"{name}: one-click buttons {font[0]}px in a {font[1]}px page"
        )
        page.screenshot(path=screenshots / f"{name}-hypotheticals.png")
    finally:
        context.close()


def test_several_defendants_one_at_a_time_and_all(servers, browser, screenshots) -> None:
    """Pang: the switch shows one defendant's rows, or every defendant's in a view that fits."""
    server = servers["get"]("pang-v-qunar-2017", False)
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()
    try:
        open_page(page, f"{server.url}/?lang=en", ".mc-presenter .mc-next", RENDER)
        page.click(".mc-presenter .mc-reveal-all")
        page.wait_for_selector(".mc-presenter .mc-outcome-second_instance.mc-liable", timeout=CLICK)
        switch = page.locator(".mc-presenter .mc-defendant-switch button")
        assert switch.count() == 3
        visible = ".mc-presenter .mc-grid [class*='mc-step-second_instance-china_eastern-remedy']"
        assert not page.locator(visible).is_visible(), "one defendant at a time"
        switch.nth(1).click()
        page.wait_for_selector(visible, state="visible", timeout=CLICK)
        switch.nth(2).click()
        page.wait_for_selector(".mc-presenter.mc-all-defendants", timeout=CLICK)
        page.wait_for_timeout(300)
        assert not page.evaluate(SCROLLS), "the overview of every defendant scrolls"
        cells = page.evaluate(INSIDE, [".mc-presenter .mc-grid .mc-cell"])[0][1]
        assert cells and all(bottom <= HEIGHT for _t, bottom, _l, _r in cells), (
            "the overview does not fit"
        )
        page.screenshot(path=screenshots / "projector-pang-all-defendants.png")
    finally:
        context.close()


def test_explorer_skip_link_and_landmarks(voila_server, page) -> None:
    """A keyboard user reaches the courts in one Tab; the Voila page has a main landmark."""
    open_page(
        page,
        f"{voila_server.url}/voila/render/en/05-where-they-diverge.ipynb",
        ".mc-explorer .mc-outcome-second_instance",
        RENDER,
    )
    link = page.locator(".mc-explorer a.mc-skip-link").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.classList.contains('mc-courts')",
        timeout=CLICK,
    )
    assert page.locator("[role=main]").count() >= 1
    assert page.locator(".mc-explorer [role=table]").count() >= 1
    names = page.evaluate(NAMES.replace(".mc-presenter", ".mc-explorer"))
    assert not [v for _k, v in names if ID_LIKE.match(v)]


def test_report_heights() -> None:
    """Not a check: the page height per step of each run above (printed with -s)."""
    for name, heights in HEIGHTS.items():
        print(f"{name}: {heights}")
    assert all(h <= HEIGHT for heights in HEIGHTS.values() for h in heights)
