"""`mootcourt link`, the nbgitpuller links it prints, and the TLJH plugin's hooks."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mootcourt.cli import main
from mootcourt.hub import links, tljh

HUB = "https://hub.example.edu"
REPO = "https://git.example.edu/law/mootcourt.git"


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_the_link_opens_a_lesson_in_the_students_own_server() -> None:
    url = links.pull_link(HUB, REPO, "05-where-they-diverge", "zh-CN")
    assert url.startswith(f"{HUB}/hub/user-redirect/git-pull?")
    assert _query(url) == {
        "repo": REPO,
        "targetpath": "mootcourt",
        "urlpath": "lab/tree/mootcourt/notebooks/zh-CN/05-where-they-diverge.ipynb",
    }


def test_branch_prefix_and_a_pasted_hub_page_address() -> None:
    url = links.pull_link("https://x.edu/course/hub/", REPO, None, "en", branch="spring")
    assert url.startswith("https://x.edu/course/hub/user-redirect/git-pull?")
    assert _query(url)["branch"] == "spring"
    assert _query(url)["urlpath"] == "lab/tree/mootcourt/notebooks/en"


@pytest.mark.parametrize("hub", ["hub.example.edu", "ftp://x", ""])
def test_a_hub_that_is_not_an_address_is_refused(hub: str) -> None:
    with pytest.raises(links.LinkError, match="--hub"):
        links.pull_link(hub, REPO)


def test_lessons_are_the_notebooks_that_exist() -> None:
    for lang in ("en", "zh-CN"):
        ids = links.lesson_ids(lang)
        assert "05-where-they-diverge" in ids and "00-start-here" in ids, ids


def test_cli_prints_the_link(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["link", "--hub", HUB, "--repo", REPO, "--lesson", "05-where-they-diverge"]
    assert main([*args, "--lang", "zh-CN"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == links.pull_link(HUB, REPO, "05-where-they-diverge", "zh-CN")


def test_cli_a_bad_lesson_lists_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", "--hub", HUB, "--repo", REPO, "--lesson", "5-diverge"]) == 2
    err = capsys.readouterr().err
    assert "unknown lesson '5-diverge'" in err and "05-where-they-diverge" in err


def test_cli_a_bad_language_lists_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["link", "--hub", HUB, "--repo", REPO, "--lang", "fr"])
    assert exit_.value.code == 2
    assert "'zh-CN', 'en'" in capsys.readouterr().err


def test_cli_the_repository_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(links.COURSE_REPO_ENV, "https://git.example.edu/other/course")
    assert main(["link", "--hub", HUB]) == 0
    assert _query(capsys.readouterr().out)["repo"] == "https://git.example.edu/other/course"


def test_cli_qr_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("segno")
    png = tmp_path / "lesson.png"
    args = ["link", "--hub", HUB, "--repo", REPO, "--lesson", "07-moot-court"]
    assert main([*args, "--qr", "--qr-png", str(png)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(HUB) and len(out) > 20 and "█" in "".join(out[1:])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_tljh_loads_the_plugin_from_its_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    """As TLJH does: a pluggy manager named `tljh` with TLJH's hook specs, plugins loaded from
    the `tljh` entry-point group (the specs are restated here: TLJH is not on PyPI)."""
    pluggy = pytest.importorskip("pluggy")
    spec = pluggy.HookspecMarker("tljh")

    class Specs:
        @spec
        def tljh_extra_user_pip_packages(self) -> list[str]:  # type: ignore[empty-body]
            """TLJH: extra pip packages for the users' environment."""

        @spec
        def tljh_custom_jupyterhub_config(self, c: object) -> None:
            """TLJH: change JupyterHub's config."""

    monkeypatch.setenv("MOOTCOURT_COURSE_REPO", REPO)
    monkeypatch.setenv("MOOTCOURT_LANG", "en")
    manager = pluggy.PluginManager("tljh")
    manager.add_hookspecs(Specs)
    assert manager.load_setuptools_entrypoints("tljh", "mootcourt") == 1
    assert manager.is_registered(tljh)

    [packages] = manager.hook.tljh_extra_user_pip_packages()
    assert packages == [tljh.user_pip_spec()]
    assert packages[0].startswith("mootcourt[hub]")

    from traitlets.config import Config

    c = Config()
    manager.hook.tljh_custom_jupyterhub_config(c=c)
    assert c.Spawner.default_url == "/git-pull?" + links.pull_query(REPO, "00-start-here", "en")


def test_tljh_installs_for_users_the_version_the_plugin_came_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    direct = {
        "url": "https://git.example.edu/law/mootcourt.git",
        "vcs_info": {"vcs": "git", "commit_id": "abc123", "requested_revision": "spring"},
    }

    class Dist:
        def read_text(self, name: str) -> str | None:
            return json.dumps(direct) if name == "direct_url.json" else None

    monkeypatch.setattr(metadata, "distribution", lambda name: Dist())
    monkeypatch.delenv("MOOTCOURT_PIP_SPEC", raising=False)
    monkeypatch.delenv("MOOTCOURT_COURSE_REPO", raising=False)
    monkeypatch.delenv("MOOTCOURT_LANG", raising=False)
    assert tljh.user_pip_spec() == f"mootcourt[hub] @ git+{direct['url']}@abc123"
    assert tljh.course_default_url() == "/git-pull?" + links.pull_query(
        direct["url"], "00-start-here", "zh-CN", "spring"
    )
    monkeypatch.setenv("MOOTCOURT_PIP_SPEC", "mootcourt[hub]==0.1.0")
    assert tljh.tljh_extra_user_pip_packages() == ["mootcourt[hub]==0.1.0"]


def test_the_core_package_never_imports_the_hub_code() -> None:
    import subprocess
    import sys

    code = "import sys, mootcourt, mootcourt.ui; print(any('jupyterhub' in m for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
