"""The page the kit serves: nothing from a CDN, the watchdog where a page holds widgets."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mootcourt import kernel, page_template, serving
from mootcourt.ui.watchdog import watchdog_html


def test_the_template_drops_every_link_voila_would_fetch_from_a_cdn() -> None:
    index = page_template.index_template()
    for link in page_template.CDN_LINKS:
        assert f"replace('{link}', '')" in index
    outside = re.findall(r"https?://[^\s'\"]+", index.replace("".join(page_template.CDN_LINKS), ""))
    assert not [u for u in outside if not any(u in link for link in page_template.CDN_LINKS)]


def test_the_template_carries_the_watchdog_only_for_pages_with_widgets() -> None:
    index = page_template.index_template()
    assert watchdog_html(only_if_widgets=True) in index
    assert "var onlyIfWidgets = true;" in index
    assert "var onlyIfWidgets = false;" in watchdog_html(), "a dashboard's own copy always watches"
    assert "window.mcWatchdog" in index, "two copies in one page watch once"
    assert index.startswith("{%- extends 'lab/index.html.j2' -%}")


def test_install_writes_the_template_once_and_is_stable(tmp_path) -> None:
    folder = page_template.install(tmp_path)
    target = folder / "voila" / "templates" / page_template.NAME
    assert json.loads((target / "conf.json").read_text()) == {"base_template": "lab"}
    before = (target / "index.html.j2").stat().st_mtime_ns
    page_template.install(tmp_path)
    assert (target / "index.html.j2").stat().st_mtime_ns == before, "unchanged: not rewritten"
    assert not list(target.glob("*.partial"))


def test_serving_chooses_the_kits_template_unless_told_otherwise(monkeypatch, tmp_path) -> None:
    launched: list[list[str]] = []

    class FakeVoila:
        @staticmethod
        def launch_instance(argv, config):
            launched.append(argv)

    monkeypatch.setattr("voila.app.Voila", FakeVoila)
    monkeypatch.setenv("JUPYTER_PATH", "/elsewhere")
    monkeypatch.delenv("MOOTCOURT_TRACE", raising=False)
    serving.main(["notebooks"])
    assert f"--template={page_template.NAME}" in launched[-1]
    first, *rest = os.environ["JUPYTER_PATH"].split(os.pathsep)
    assert Path(first) == page_template.install()
    assert rest == [str(kernel.install_spec()), "/elsewhere"], "then the kit's kernel spec"
    serving.main(["notebooks", "--template=reveal"])
    chosen = [a for a in launched[-1] if not a.startswith("--KernelManager.transport")]
    assert chosen == ["notebooks", "--template=reveal"]
