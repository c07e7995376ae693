"""Arrow keys for the presenter: the one custom view in the kit (anywidget).

ipywidgets has no way to hear a key pressed anywhere on the page, and an instructor at a
projector uses a clicker or the arrow keys, not the mouse. This widget listens on the document
and counts presses of the keys it is told about; the presenter observes the counts. Keys typed
into a form field are left alone. The module is inline (no CDN), so a classroom without
internet works.
"""

from __future__ import annotations

import anywidget
import traitlets

_ESM = """
const WATCHED = { ArrowRight: "next", ArrowDown: "next", PageDown: "next",
                  ArrowLeft: "previous", ArrowUp: "previous", PageUp: "previous" };
function render({ model, el }) {
  el.setAttribute("aria-hidden", "true");
  const onKey = (event) => {
    const target = event.target;
    if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return;
    if (target && target.isContentEditable) return;
    const action = WATCHED[event.key];
    if (!action) return;
    event.preventDefault();
    model.set(action, model.get(action) + 1);
    model.save_changes();
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}
export default { render };
"""


class ArrowKeys(anywidget.AnyWidget):
    """Counts of 'next' (→ ↓ PageDown) and 'previous' (← ↑ PageUp) presses on the page."""

    _esm = _ESM
    next = traitlets.Int(0).tag(sync=True)
    previous = traitlets.Int(0).tag(sync=True)

    def __repr__(self) -> str:
        return "ArrowKeys()"
