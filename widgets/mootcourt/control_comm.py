"""The widgets' state in one message, even on a busy machine (a workaround, issue 17).

When a Voila page connects to its kernel, ipywidgets' page-side manager asks for every
widget's state in one message on the `jupyter.widget.control` comm, and gives up on that
answer after 4 seconds (ipywidgets' `CONTROL_COMM_TIMEOUT`, a constant in the shipped bundle).
It then falls back to asking each widget's comm in turn. An explorer page holds about 650
widget models, so on a busy two-core machine (a class arriving, a CI run) the one answer can
take longer than 4 s and the fallback's 650 round trips take tens of seconds more: the page
stays empty past the watchdog, sometimes past two minutes. Upstream: jupyter-widgets/ipywidgets
issues 3633 ("CONTROL_COMM_TIMEOUT too low") and 3580 (the fallback racing the late answer).

The kit serves the page-side widget managers with a longer wait (`WAIT_MS`) and a console line
when the fallback runs anyway, so a failure says which way it went: `install` copies the
installed extensions (`EXTENSIONS`) into a folder of its own with that one change, and
`mootcourt.serving` puts the folder first among Voila's lab extensions. Where the
bundle no longer holds the expected code (a new Voila), nothing is patched and `install`
returns None: the kit serves Voila's own manager, and a test fails to say the workaround
needs a look.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

EXTENSIONS = ("@voila-dashboards/widgets-manager8", "@jupyter-widgets/jupyterlab-manager")
"""the page-side widget managers that carry the 4 s wait (Voila's and JupyterLab's)"""
WAIT_MS = 60_000
"""how long the page waits for the widgets' state in one message before asking each widget"""
_TIMEOUT = re.compile(r'(=>\w+\("Control comm did not respond in time"\)\)?,)4e3\)')
_FALLBACK = "catch(e){return this._loadFromKernelModels()}"
_FALLBACK_SAID = (
    'catch(e){console.warn("mootcourt: the widgets\' state did not come in one message ("+e+'
    '"); asking each widget");return this._loadFromKernelModels()}'
)


def patch(source: str) -> str | None:
    """The chunk with the longer wait and a console line on fallback; None if `source` does
    not hold the code this workaround knows (exactly one timeout and one fallback)."""
    if len(_TIMEOUT.findall(source)) != 1 or source.count(_FALLBACK) != 1:
        return None
    source = _TIMEOUT.sub(lambda m: f"{m.group(1)}{WAIT_MS})", source)
    return source.replace(_FALLBACK, _FALLBACK_SAID)


def installed_extension(name: str) -> Path | None:
    """The installed copy of the page-side extension `name`, where Voila looks first."""
    from jupyter_core.paths import jupyter_path

    for folder in jupyter_path("voila", "labextensions") + jupyter_path("labextensions"):
        candidate = Path(folder) / name
        if (candidate / "package.json").is_file():
            return candidate
    return None


def patched_chunks(name: str) -> tuple[Path, str, str] | None:
    """(the installed extension, its chunk that waits, the chunk patched), or None."""
    original = installed_extension(name)
    if original is None:
        return None
    chunks = [p for p in sorted((original / "static").glob("*.js")) if _FALLBACK in _read(p)]
    if len(chunks) != 1:
        return None
    patched = patch(_read(chunks[0]))
    return None if patched is None else (original, chunks[0].name, patched)


def install(folder: Path | None = None) -> Path | None:
    """Write the patched extensions under `folder` (by default a folder of the system's
    temporary directory named after the patched content) and return the folder to put first
    among Voila's lab extensions; None where there is nothing to patch."""
    found = {name: patched_chunks(name) for name in EXTENSIONS}
    found = {name: p for name, p in found.items() if p is not None}
    if not found:
        return None
    if folder is None:
        text = "".join(patched for _, _, patched in found.values())
        digest = hashlib.sha256(text.encode(errors="surrogateescape")).hexdigest()[:12]
        folder = Path(tempfile.gettempdir()) / f"mootcourt-widgets-{digest}"
    for name, (original, chunk, patched) in found.items():
        _copy_patched(folder / name, original, chunk, patched)
    return folder


def _copy_patched(target: Path, original: Path, chunk: str, patched: str) -> None:
    """Copy `original` to `target` with `chunk` replaced, atomically (a server that starts
    at the same time finds the old copy or the new one, never half of one)."""
    marker = target / ".mootcourt.json"
    stamp = json.dumps({"wait_ms": WAIT_MS, "chunk": chunk})
    if marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(dir=target.parent, suffix=".partial")) / target.name
    shutil.copytree(original, partial)
    (partial / "static" / chunk).write_text(patched, encoding="utf-8", errors="surrogateescape")
    (partial / ".mootcourt.json").write_text(stamp, encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    with contextlib.suppress(OSError):  # another server put the same copy there first
        partial.replace(target)
    shutil.rmtree(partial.parent, ignore_errors=True)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="surrogateescape")
