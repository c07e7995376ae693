"""The reload control: a button that takes up an edited case file, a short note of what the
reload did, a box with a broken edit's problems, and the watch that presses the button for
an author who saves often.

The state does the work (`ExplorerState.reload`, `ui.reload`); these views only show its
`last_reload` and `reload_error`. `Reloading` is what the explorer and the presenter share:
`reload()`, `check_for_changes()` and an optional watch on the kernel's event loop.

The error box is `role="alert"` so a screen reader says at once that the edit was not taken,
and every problem is escaped: a case file's text is never read as markup.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..case import Stamp, stamp
from . import hooks
from .reload import Carried
from .words import Words, e

if TYPE_CHECKING:
    from ..case import Case
    from .state import ExplorerState


def note_html(w: Words, carried: Carried) -> str:
    """What the last reload did, in a line: changes kept, toggles added, removed, turned off
    by the cascade, doctrine choices dropped (only the parts that happened)."""
    parts = [w("ui.reload.done")]
    if carried.kept:
        parts.append(w("ui.reload.kept", count=len(carried.kept)))
    if carried.added:
        parts.append(w("ui.reload.added", items=w.labels(carried.added, items=True)))
    if carried.dropped:
        parts.append(w("ui.reload.dropped", count=len(carried.dropped)))
    if carried.switched_off:
        parts.append(w("ui.reload.switched_off", items=w.labels(carried.switched_off, items=True)))
    if carried.doctrine_dropped:
        parts.append(w("ui.reload.doctrine_dropped", count=len(carried.doctrine_dropped)))
    return '<span role="status">' + " · ".join(parts) + "</span>"


class ReloadControl(widgets.HBox):
    """The "reload case" button (`mc-reload`) and, after a reload, the note of what it did."""

    def __init__(self, on_reload: Callable[[], object]) -> None:
        self.button = widgets.Button()
        self.button.add_class(hooks.RELOAD)
        self.button.on_click(lambda _: on_reload())
        self.note = widgets.HTML()
        self.note.add_class("mc-reload-note")
        self.note.layout.display = "none"
        super().__init__([self.button, self.note])
        self.add_class("mc-reload-box")
        self.layout.flex_flow = "row wrap"

    def __repr__(self) -> str:
        return f"<ReloadControl note={bool(self.note.value)}>"

    def show(self, w: Words, carried: Carried | None) -> None:
        self.button.description = w.raw("ui.reload")
        self.button.tooltip = w.raw("ui.reload.help")
        self.note.value = note_html(w, carried) if carried is not None else ""
        self.note.layout.display = None if carried is not None else "none"


class ReloadError(widgets.HTML):
    """A broken edit's problems (`mc-reload-error`), each `path:line: field: message`;
    hidden while the last reload, if any, was good."""

    def __init__(self) -> None:
        super().__init__()
        self.add_class(hooks.RELOAD_ERROR)
        self.layout.display = "none"

    def __repr__(self) -> str:
        return f"<ReloadError shown={self.layout.display != 'none'}>"

    def show(self, w: Words, error: str) -> None:
        if not error:
            self.value = ""
            self.layout.display = "none"
            return
        self.value = (
            f'<div role="alert"><strong>{w("ui.reload.failed")}</strong>'
            f'<pre class="mc-problems">{e(error)}</pre></div>'
        )
        self.layout.display = None


class Reloading:
    """Reload and watch for a view over one `ExplorerState` (mixed into the explorer and the
    presenter, before their widget class). The view rebuilds what depends on the case's
    shape when it sees `state.case` change; this part only decides when to reload."""

    state: ExplorerState
    case: Case
    _seen: Stamp = ()
    _watch: asyncio.Task[None] | None = None

    def start_reloading(self, *, watch: bool = False, interval: float = 1.0) -> None:
        """Remember the files as they are now; with `watch`, look for saves from now on."""
        self._seen = stamp(self.case.path)
        if watch:
            self.watch(interval)

    def reload(self) -> bool:
        """Read the case's files again; True if the edited case was taken.

        The student's toggles and doctrine choices are carried over where they still exist
        (`ui.reload.carry_over`). A broken edit keeps the last good case on the page and
        shows its `path:line` problems in the `mc-reload-error` box until a good reload."""
        self._seen = stamp(self.state.case.path)
        return self.state.reload()

    def check_for_changes(self) -> bool | None:
        """Reload if `case.yaml` or `scenarios.yaml` was saved since the last look (what the
        watch calls on every tick; two `stat`s when nothing changed). None when nothing
        changed, else what `reload` returned. A broken file is read once per save, not on
        every tick."""
        if stamp(self.state.case.path) == self._seen:
            return None
        return self.reload()

    def watch(self, interval: float = 1.0) -> None:
        """Look for a saved edit every `interval` seconds, on the kernel's own event loop
        (ipykernel and Voila run one; outside a running loop this raises `RuntimeError`).
        The watch ends with `unwatch`, `close`, or when the view is no longer used."""
        self.unwatch()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "watch needs a running event loop (a Jupyter kernel or Voila); "
                "outside one, call reload() or check_for_changes()"
            ) from None
        self._watch = loop.create_task(_watch(weakref.ref(self), interval))

    def unwatch(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None

    @property
    def watching(self) -> bool:
        return self._watch is not None and not self._watch.done()

    def close(self) -> None:
        self.unwatch()
        super().close()  # type: ignore[misc]  # the widget class mixed in after this one


async def _watch(view: weakref.ref[Reloading], interval: float) -> None:
    """The watch's loop. It holds the view weakly: a view nobody shows any more is
    collected, and its watch ends with it."""
    while True:
        await asyncio.sleep(interval)
        x = view()
        if x is None:
            return
        x.check_for_changes()
        del x


def close_all(widget: widgets.Widget) -> None:
    """Close a view that a reload replaced, and everything inside it (ipywidgets' `close`
    closes only the widget itself), so the kernel and the page let go of it."""
    for child in getattr(widget, "children", ()):
        close_all(child)
    widget.close()
