"""What ipywidgets cannot say for itself: roles, names, a live region and the page's title.

ipywidgets draws a grid of `div`s with no table semantics, gives no way to set an ARIA
attribute on a widget's element, and replaces an HTML widget's whole content on each change
(a live region inside it is a new element every time, which screen readers do not announce).
Two small custom views (anywidget, inline: no CDN) fill the gap; the Python side decides
every word and every attribute, the browser only applies them:

- `LiveRegion`: one element, `role="status"` `aria-live="polite"`, that exists from the
  start and whose text changes (what was revealed, where, with what result; the split; the
  position). Visually hidden: the page shows the same facts in the grid.
- `Semantics`: attributes set by CSS selector inside its explorer (`rules`), reapplied when
  the widgets' classes or children change; the document's title; a "skip to" link that
  moves the focus; scroll boxes put back at their top when their content changes.
"""

from __future__ import annotations

import re

import anywidget
import traitlets

ID_LIKE = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)+$")
"""what an identifier looks like (`procedural_text_in_time`, `liu-v-platform-2024`): never a
name or a title a person is given"""

_LIVE_ESM = """
function render({ model, el }) {
  const region = document.createElement("div");
  region.className = "mc-live-text";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  el.appendChild(region);
  // set after the region is in the page, so the first announcement is heard too
  const show = () => { region.textContent = model.get("text"); };
  setTimeout(show, 50);
  model.on("change:text", show);
  return () => model.off("change:text", show);
}
export default { render };
"""

_SEMANTICS_ESM = """
function render({ model, el }) {
  el.setAttribute("aria-hidden", "true");
  let root = null, frame = 0, lastTitle = null, lastReveal = null;
  const contents = new WeakMap();
  const apply = () => {
    frame = 0;
    root = root || el.closest(".mc-explorer");
    if (!root) return;
    for (const [selector, attrs] of model.get("rules")) {
      for (const node of root.querySelectorAll(selector)) {
        for (const [name, value] of Object.entries(attrs)) {
          if (value === null) { if (node.hasAttribute(name)) node.removeAttribute(name); }
          else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
        }
      }
    }
    for (const [selector, attrs] of model.get("page_rules")) {
      for (const node of document.querySelectorAll(selector)) {
        for (const [name, value] of Object.entries(attrs)) {
          if (node.getAttribute(name) !== value) node.setAttribute(name, value);
        }
      }
    }
    for (const selector of model.get("scroll_to_top")) {
      for (const box of root.querySelectorAll(selector)) {
        const text = box.textContent;
        if (contents.has(box) && contents.get(box) !== text) box.scrollTop = 0;
        contents.set(box, text);
      }
    }
    for (const [selector, rows] of model.get("sticky")) {
      for (const box of root.querySelectorAll(selector)) {
        let offset = 0;
        for (const rowSelector of rows) {
          const row = box.querySelector(rowSelector);
          if (!row) continue;
          const top = `${offset}px`;
          if (row.style.getPropertyValue("--mc-sticky-top") !== top)
            row.style.setProperty("--mc-sticky-top", top);
          // a heading's words may overflow its box (a court's name in two lines): the taller
          offset += Math.max(0, ...[...row.children].map(
            c => Math.max(c.getBoundingClientRect().height, c.scrollHeight)));
        }
        const total = `${offset}px`;
        if (box.style.getPropertyValue("--mc-sticky-total") !== total)
          box.style.setProperty("--mc-sticky-total", total);
      }
    }
    const reveal = model.get("reveal");
    if (!reveal) lastReveal = null;
    else if (reveal !== lastReveal) {
      const target = root.querySelector(reveal);
      if (target && target.getClientRects().length) {
        target.scrollIntoView({ block: "nearest", inline: "nearest" });
        lastReveal = reveal;
      }
    }
    const title = model.get("title");
    if (title && title !== lastTitle) { document.title = title; lastTitle = title; }
  };
  const later = () => { if (!frame) frame = requestAnimationFrame(apply); };
  const observer = new MutationObserver(later);
  const start = () => {
    root = el.closest(".mc-explorer");
    if (!root) { setTimeout(start, 100); return; }
    observer.observe(root, { subtree: true, childList: true, characterData: true,
                             attributes: true, attributeFilter: ["class", "style"] });
    apply();
  };
  const onClick = (event) => {
    const link = event.target.closest && event.target.closest("a.mc-skip-link");
    if (!link || !root || !root.contains(link)) return;
    const target = root.querySelector(link.getAttribute("data-target"));
    if (!target) return;
    event.preventDefault();
    target.setAttribute("tabindex", "-1");
    target.focus();
    target.scrollIntoView({ block: "start" });
  };
  document.addEventListener("click", onClick);
  model.on("change", later);
  start();
  return () => {
    observer.disconnect();
    document.removeEventListener("click", onClick);
    model.off("change", later);
  };
}
export default { render };
"""


class LiveRegion(anywidget.AnyWidget):
    """A polite status line for screen readers: set `text`, it is read out."""

    _esm = _LIVE_ESM
    _css = """.mc-live { position: absolute !important; width: 1px; height: 1px;
      overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }"""
    text = traitlets.Unicode("").tag(sync=True)

    def __init__(self) -> None:
        super().__init__()
        self.add_class("mc-live")

    def __repr__(self) -> str:
        return f"LiveRegion({self.text!r})"


class Semantics(anywidget.AnyWidget):
    """ARIA attributes by selector within its explorer (`rules`: a list of
    `[selector, {attribute: value or None}]`, applied in order), the same for the whole page
    (`page_rules`, e.g. Voila's cell area as the `main` landmark), the document's `title`,
    and the boxes whose scroll goes back to the top when their text changes; `sticky`: per
    scroll box, the rows that stay at its top, stacked (each row gets `--mc-sticky-top`, the
    box `--mc-sticky-total`: CSS makes them sticky); `reveal`: a selector whose element is
    brought into view in its scroll box whenever the selector changes (the step just revealed
    on a projector, below the fold of a long grid)."""

    _esm = _SEMANTICS_ESM
    _css = """.mc-semantics { display: none !important; }"""
    rules = traitlets.List().tag(sync=True)
    page_rules = traitlets.List().tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    scroll_to_top = traitlets.List().tag(sync=True)
    sticky = traitlets.List().tag(sync=True)
    reveal = traitlets.Unicode("").tag(sync=True)

    def __init__(self) -> None:
        super().__init__()
        self.add_class("mc-semantics")

    def __repr__(self) -> str:
        return f"Semantics({len(self.rules)} rules)"

    def attributes(self, selector: str) -> dict[str, str | None]:
        """What the rules give an element matching exactly `selector` (for tests)."""
        found: dict[str, str | None] = {}
        for sel, attrs in self.rules:
            if sel == selector:
                found.update(attrs)
        return found


VOILA_MAIN = [["#rendered_cells", {"role": "main"}]]
"""Voila's lab template puts the notebook's output in `#rendered_cells`, a plain `div`: it is
the page's main content (JupyterLab has its own landmarks; the selector matches nothing
there)."""


def grid_rules(label: str) -> list[list[object]]:
    """Table semantics for `courts.CourtsGrid` (rows are `display: contents` boxes)."""
    return [
        [".mc-grid", {"role": "table", "aria-label": label}],
        [".mc-grid > .mc-row", {"role": "row"}],
        [".mc-grid .mc-colhead", {"role": "columnheader"}],
        [".mc-grid .mc-rowhead", {"role": "rowheader"}],
        [".mc-grid .mc-defendant-head", {"role": "cell"}],
        [".mc-grid .mc-defendant-head.mc-defendant-name", {"role": "rowheader"}],
        [".mc-grid .mc-cell", {"role": "cell"}],
        [".mc-grid .mc-banner", {"role": "cell"}],
    ]
