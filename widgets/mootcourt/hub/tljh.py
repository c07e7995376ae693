"""The Littlest JupyterHub plugin: install the kit for every user and open the course.

TLJH finds this module through the `tljh` entry point in `pyproject.toml` when it is installed
with `--plugin` (see `deploy/tljh/README.md`) and calls two hooks:

- `tljh_extra_user_pip_packages`: the kit (with nbgitpuller) in the users' environment, at
  the very version the plugin was installed from, so the hub and the students never run two
  versions of the kit;
- `tljh_custom_jupyterhub_config`: `Spawner.default_url` pulls the course with nbgitpuller
  and opens its first lesson, so a student's first login lands in the course.

Where the kit and the course come from, by default the source the plugin itself was installed
from (pip records it, PEP 610); an instructor can say otherwise in the environment of the
installer and of the hub (`MOOTCOURT_PIP_SPEC`, `MOOTCOURT_COURSE_REPO`,
`MOOTCOURT_COURSE_BRANCH`, `MOOTCOURT_LANG`, `MOOTCOURT_LESSON`) or, after installing,
override `c.Spawner.default_url` in `/opt/tljh/config/jupyterhub_config.d/`.

TLJH itself is not on PyPI, so the hook marker is made here exactly as `tljh.hooks` makes it
(`pluggy.HookimplMarker("tljh")`) when `tljh` is not importable: the tests call the hooks
through pluggy's entry-point loading, as TLJH does.
"""

from __future__ import annotations

import json
import os
from importlib import metadata
from typing import Any

from .links import server_default_url

try:  # on a TLJH hub
    from tljh.hooks import hookimpl
except ImportError:  # anywhere else: the same marker, so pluggy sees the same hooks
    try:
        import pluggy

        hookimpl = pluggy.HookimplMarker("tljh")
    except ImportError:  # no pluggy: nothing can call the hooks, so a plain function will do

        def hookimpl(function: Any) -> Any:  # type: ignore[no-redef]
            return function


DISTRIBUTION = "mootcourt"
FIRST_LESSON = "00-start-here"
DEFAULT_LANG = "zh-CN"
"""The course's default language on a hub: the kit is for teaching Chinese law."""


def installed_from() -> tuple[str | None, str | None, str | None]:
    """(url, requested revision, commit) the kit was pip-installed from, if from a VCS or a
    URL (pip's `direct_url.json`); (None, None, None) for an index install or a checkout."""
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None, None, None
    if not text:
        return None, None, None
    info = json.loads(text)
    vcs = info.get("vcs_info") or {}
    url = info.get("url")
    if not vcs or not url or url.startswith("file:"):
        return None, None, None
    return url, vcs.get("requested_revision"), vcs.get("commit_id")


def user_pip_spec() -> str:
    """What `pip install` puts in the users' environment: `$MOOTCOURT_PIP_SPEC`, else the kit
    at the commit the plugin came from, else the same version from the index."""
    env = os.environ.get("MOOTCOURT_PIP_SPEC")
    if env:
        return env
    url, _, commit = installed_from()
    if url:
        return f"mootcourt[hub] @ git+{url}" + (f"@{commit}" if commit else "")
    return f"mootcourt[hub]=={metadata.version(DISTRIBUTION)}"


def course_default_url() -> str | None:
    """`Spawner.default_url` for the course, or None when no course repository is known."""
    url, revision, _ = installed_from()
    repo = os.environ.get("MOOTCOURT_COURSE_REPO") or url
    if not repo:
        return None
    branch = os.environ.get("MOOTCOURT_COURSE_BRANCH") or revision
    lang = os.environ.get("MOOTCOURT_LANG", DEFAULT_LANG)
    lesson = os.environ.get("MOOTCOURT_LESSON", FIRST_LESSON)
    return server_default_url(repo, lesson, lang, branch)


@hookimpl
def tljh_extra_user_pip_packages() -> list[str]:
    """The kit (and nbgitpuller, through the `hub` extra) for every user's kernels."""
    return [user_pip_spec()]


@hookimpl
def tljh_custom_jupyterhub_config(c: Any) -> None:
    """Open the course on every student's first page; a later login opens it again, and the
    pull keeps whatever the student changed (nbgitpuller merges, the student's side wins)."""
    default_url = course_default_url()
    if default_url:
        c.Spawner.default_url = default_url
