"""`mootcourt present`: the Voila command it builds, without starting a server.

The browser tests start the real thing (`tests/browser/`); these check the settings an
instructor relies on and that the README documents every one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mootcourt import present
from mootcourt.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command(**kw) -> list[str]:
    return present.voila_command(present.Settings(**kw), Path("present.ipynb"))


def test_safe_defaults() -> None:
    command = _command()
    assert "--Voila.ip=127.0.0.1" in command
    assert "--VoilaConfiguration.strip_sources=True" in command
    assert "--VoilaConfiguration.show_tracebacks=False" in command
    assert "--VoilaConfiguration.preheat_kernel=True" in command
    assert any(c.startswith("--MappingKernelManager.cull_idle_timeout=") for c in command)
    assert any(c.startswith("--VoilaExecutor.timeout=") for c in command)
    assert any(c.startswith("--VoilaExecutor.iopub_timeout=") for c in command)
    assert "--Voila.port_retries=0" in command


def test_public_binds_everywhere_with_a_token() -> None:
    command = _command(public=True, token="abc")
    assert "--Voila.ip=0.0.0.0" in command and "--Voila.token=abc" in command
    assert present.url(present.Settings(public=True, token="abc"), host="h").endswith("?token=abc")


@pytest.mark.parametrize(("size", "pool"), [(1, 1), (10, 10), (60, 60)])
def test_pool_is_one_kernel_per_student_unless_sized(size: int, pool: int) -> None:
    assert present.Settings(class_size=size).pool_size == pool
    assert present.Settings(class_size=size, pool=3).pool_size == 3


def test_pool_is_bounded_by_free_memory_and_says_why() -> None:
    roomy = present.plan_pool(60, available_mb=20_000, per_kernel_mb=150)
    assert roomy.size == 60 and "one preheated kernel per student" in roomy.reason
    # 9000 MB: 53 kernels fit; 40 are the students' own, 13 can be preheated
    tight = present.plan_pool(40, available_mb=9000, per_kernel_mb=150)
    assert tight.fit == 53 and tight.size == 13 and "leaves 13 preheated" in tight.reason
    short = present.plan_pool(60, available_mb=3000, per_kernel_mb=150)
    assert short.size == 1 and "WARNING" in short.reason


def test_the_class_size_reaches_the_server_for_its_ready_line() -> None:
    assert present.ENV_CLASS_SIZE == "MOOTCOURT_CLASS_SIZE"
    assert any(c.startswith("--VoilaKernelManager.fill_delay=") for c in _command())


def test_case_and_language_reach_the_kernel_through_the_environment() -> None:
    env = present.environment(present.Settings(case="x", lang="zh-CN", large=True), base={})
    assert env == {
        "MOOTCOURT_CASE": "x",
        "MOOTCOURT_LANG": "zh-CN",
        "MOOTCOURT_THEME": "light",
        "MOOTCOURT_LARGE": "1",
    }


def test_every_voila_setting_is_documented_in_the_readme() -> None:
    section = README[README.index("## Presenting") :]
    for arg in _command(open_browser=False):
        match = re.match(r"--(?:\w+\.)?(\w+)=", arg)
        if match:
            assert match.group(1) in section, f"README's presenting section omits {arg}"


def test_the_presenter_notebook_ships() -> None:
    assert present.presenter_notebook().is_file()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["present", "--port", "0"], "--port"),
        (["present", "--class-size", "0"], "--class-size"),
        (["present", "no-such-case"], "known cases"),
    ],
)
def test_bad_arguments_exit_2_naming_what_is_valid(argv, message, capsys) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err
