"""The page the kit serves: Voila's `lab` template, offline, with the watchdog on every page.

Voila's `lab` template links Font Awesome from a CDN (two `<link rel="stylesheet">` in the
page's head), although its own bundle already carries the same icons. Offline, the requests
fail and nothing is lost; on a classroom network that drops packets instead of refusing them,
a stylesheet in the head holds back every script after it, the widgets' included, until the
request gives up, and the page stays empty for as long. The kit serves its own template,
`mootcourt`, which is `lab` without those links and with the watchdog
(`mootcourt.ui.watchdog`) in every page that holds a widget output, so a lesson's explorer,
a quiz or the moot court that never appears says so and offers a reload, like the presenter.

The template is written by `install` into a folder that `mootcourt.serving` puts first on
`JUPYTER_PATH` (where Voila looks for templates), from the message catalogue as it is now:
nothing to keep in step by hand.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from .ui.watchdog import watchdog_html

NAME = "mootcourt"
"""the template's name (`voila --template=mootcourt`)"""
BASE = "lab"
CDN_LINKS = (
    '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@fortawesome/'
    'fontawesome-free@^5/css/all.min.css" type="text/css" />',
    '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@fortawesome/'
    'fontawesome-free@^5/css/v4-shims.min.css" type="text/css" />',
)
"""what Voila's `lab` template fetches from the internet (voila 0.5); a browser test fails if
a served page still links anything outside the server"""


BUILDS_A_WIDGET = ("Explorer(", "MootCourt(", "Quiz(", "Presenter(")
"""what a code cell says when it puts one of the kit's widgets on the page"""


def index_template() -> str:
    """`index.html.j2`: the `lab` page's head without the CDN links, plus the watchdog.

    Where code cells of the notebook build the kit's widgets, the page is watched from its
    first byte (`mcWatchdogAlways`), not only once a widget output has arrived, and expects one
    widget per such cell (`mcWatchdogExpects`): a cell whose output is lost on the way
    (docs/upstream/iopub-tail-loss.md) leaves no trace in the page, and a quiz that did arrive
    must not hide an explorer that did not. Only the count reaches the page, never the source."""
    head = "{{ super()" + "".join(f" | replace('{link}', '')" for link in CDN_LINKS)
    watchdog = watchdog_html(only_if_widgets=True)
    names = ", ".join(f"'{name}'" for name in BUILDS_A_WIDGET)
    expects = (
        "{%- set mc = namespace(widgets=0) -%}\n"
        "{%- for cell in nb.cells if cell.cell_type == 'code' -%}\n"
        f"{{%- if [{names}] | select('in', cell.source) | list -%}}"
        "{%- set mc.widgets = mc.widgets + 1 -%}{%- endif -%}\n"
        "{%- endfor -%}\n"
        "{%- if mc.widgets %}<script>window.mcWatchdogAlways = true; "
        "window.mcWatchdogExpects = {{ mc.widgets }};</script>{% endif %}\n"
    )
    return (
        f"{{%- extends '{BASE}/index.html.j2' -%}}\n"
        "{%- block notebook_css -%}\n"
        f"{head} }}}}\n" + expects + "{% raw %}" + watchdog + "{% endraw %}\n"
        "{%- endblock notebook_css -%}\n"
    )


def install(folder: Path | None = None) -> Path:
    """Write the template into `folder`/voila/templates/mootcourt (by default a folder of the
    system's temporary directory named after the template's content, so servers started with
    the same kit share it and a changed catalogue gets a new one). Returns the data folder to
    put on `JUPYTER_PATH`."""
    index = index_template()
    conf = json.dumps({"base_template": BASE}, indent=2) + "\n"
    if folder is None:
        digest = hashlib.sha256((index + conf).encode()).hexdigest()[:12]
        folder = Path(tempfile.gettempdir()) / f"mootcourt-page-{digest}"
    target = folder / "voila" / "templates" / NAME
    target.mkdir(parents=True, exist_ok=True)
    for name, text in (("index.html.j2", index), ("conf.json", conf)):
        path = target / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            partial = path.with_suffix(path.suffix + ".partial")
            partial.write_text(text, encoding="utf-8")
            partial.replace(path)
    return folder
