"""A page that never stays blank: a watchdog in the served page, outside every widget.

When a Voila page has loaded and, a few seconds later, no explorer or presenter root
(`.mc-explorer`, `.mc-presenter`) has appeared, whatever the reason (a kernel that never
connected, widget state that never arrived, an output dropped on the server), the page says
so in both languages and offers a reload, which asks the server for the page again and so
takes a new kernel (from the pool, under `mootcourt present`). If the widgets turn up after
all, the message goes away. No traceback, nothing from a CDN, colours from `--jp-*` only.

It cannot be a widget (it must work when the widgets do not), so it is a markdown cell holding
a `<style>` and a `<script>` block: Voila copies a markdown cell's HTML into the page as it is
(a raw cell's HTML it sanitizes, script and all); JupyterLab's sanitizer runs nothing.
`watchdog_cell()` builds that cell from the message catalogue; the presenter's notebook
stores it, and a test keeps the stored copy equal to what the catalogue gives now.
"""

from __future__ import annotations

import json

from ..i18n import LANGUAGES, messages

WATCHDOG = "mc-watchdog"
RELOAD = "mc-watchdog-reload"
GRACE_SECONDS = 8
"""how long after the page has loaded the widgets may take to appear"""
LIMIT_SECONDS = 150
"""how long after the page started the widgets may take in all (a page still loading)"""

CSS = f"""
.{WATCHDOG} {{ position: fixed; z-index: 1000; left: 50%; top: 18vh; transform: translateX(-50%);
  max-width: min(720px, 92vw); padding: 18px 24px; border-radius: 8px;
  border: 2px solid var(--jp-warn-color1); border-left-width: 10px;
  background: var(--jp-layout-color1); color: var(--jp-ui-font-color1);
  font-family: var(--jp-ui-font-family); font-size: 20px; line-height: 1.4;
  box-shadow: var(--jp-elevation-z8); }}
.{WATCHDOG} p {{ margin: 0 0 10px; }}
.{RELOAD} {{ font: inherit; font-weight: 650; padding: 6px 16px; cursor: pointer;
  border-radius: 4px; border: 1px solid var(--jp-brand-color1);
  background: var(--jp-brand-color1); color: var(--jp-ui-inverse-font-color1); }}
.{RELOAD}:focus-visible {{ outline: 3px solid var(--jp-ui-font-color1); outline-offset: 2px; }}
"""

SCRIPT = """
(function () {
  var onlyIfWidgets = %(only_if_widgets)s;
  if (!onlyIfWidgets) window.mcWatchdogAlways = true;  // a dashboard's own copy: always watch
  if (window.mcWatchdog) return;  // one watchdog per page
  window.mcWatchdog = true;
  var ROOT = ".mc-explorer, .mc-presenter, .mc-moot, .jp-OutputArea-output > .jupyter-widgets";
  var OUTPUT = 'script[type="application/vnd.voila.cell-output+json"]';
  var texts = %(texts)s, grace = %(grace)d * 1000, limit = %(limit)d * 1000;
  var started = Date.now(), loaded = null, box = null;
  var first = /[?&]lang=zh-CN(&|$)/.test(location.search) ? "zh-CN" : "en";
  var order = [first].concat(Object.keys(texts).filter(function (l) { return l !== first; }));
  function show() {
    if (box) return;
    box = document.createElement("div");
    box.className = "%(box)s";
    box.setAttribute("role", "alert");
    order.forEach(function (lang) {
      var p = document.createElement("p");
      p.lang = lang;
      p.textContent = texts[lang].message;
      box.appendChild(p);
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "%(reload)s";
    button.textContent = order.map(function (l) { return texts[l].reload; }).join(" · ");
    button.addEventListener("click", function () { window.location.reload(); });
    box.appendChild(button);
    document.body.appendChild(box);
  }
  // a widget output not drawn yet (Voila's output script, or ipywidgets' placeholder text),
  // or a page cut off before any cell ran
  function expected() {
    if (window.mcWatchdogAlways) return true;
    // a page that ended before its kernel was named: the server cut it off (a kernel that
    // died starting), and nothing more will come
    if (loaded !== null && !document.getElementById("jupyter-config-data")) return true;
    var some = Array.prototype.some;
    return some.call(document.querySelectorAll(OUTPUT), function (s) {
      return s.textContent.indexOf("application/vnd.jupyter.widget-view+json") >= 0;
    }) || some.call(document.querySelectorAll(".jp-OutputArea-output"), function (o) {
      return !o.firstElementChild && o.textContent.indexOf("Loading widget") === 0;
    });
  }
  function tick() {
    // every widget the page's cells build (the kit's template counts them), else one
    if (document.querySelectorAll(ROOT).length >= (window.mcWatchdogExpects || 1)) {
      if (box) { box.remove(); box = null; }
      return;
    }
    var now = Date.now(), late = loaded !== null && now - loaded > grace;
    if (!expected()) {
      if (!late) window.setTimeout(tick, 500);  // a page without widgets: nothing to watch
      return;
    }
    if (late || now - started > limit) show();
    window.setTimeout(tick, 500);
  }
  if (document.readyState === "complete") loaded = Date.now();
  window.addEventListener("load", function () { loaded = Date.now(); });
  window.setTimeout(tick, 500);
})();
"""


def watchdog_html(*, only_if_widgets: bool = False) -> str:
    """The watchdog's style and script, every word from the catalogue, in both languages.

    In a dashboard's own notebook it watches unconditionally (a dashboard is expected even
    when the server dropped its output); in the page template that serves every notebook
    (`only_if_widgets`), only where the page holds a widget output, so a page of prose is
    never called empty. Two copies in one page watch once."""
    texts = {
        lang: {
            "message": messages(lang).t("ui.watchdog.message"),
            "reload": messages(lang).t("ui.watchdog.reload"),
        }
        for lang in LANGUAGES
    }
    script = SCRIPT % {
        "texts": json.dumps(texts, ensure_ascii=False, sort_keys=True).replace("</", "<\\/"),
        "only_if_widgets": "true" if only_if_widgets else "false",
        "grace": GRACE_SECONDS,
        "limit": LIMIT_SECONDS,
        "box": WATCHDOG,
        "reload": RELOAD,
    }
    return f'<style class="{WATCHDOG}-style">{CSS}</style>\n<script>{script}</script>\n'


def watchdog_cell():  # -> nbformat.NotebookNode
    """The markdown cell that carries the watchdog into a Voila page."""
    import nbformat

    cell = nbformat.v4.new_markdown_cell(watchdog_html())
    cell.metadata["tags"] = [WATCHDOG]
    return cell
