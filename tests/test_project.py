"""README, Makefile, environment.yml, pyproject.toml and .ci/run say the same thing."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from mootcourt.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    return [line.split("#")[0].strip() for b in blocks for line in b.splitlines() if line.strip()]


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-z]+):", MAKEFILE, flags=re.M))


def test_readme_opens_with_purpose_and_the_two_commands() -> None:
    commands = _readme_commands()
    assert commands[:2] == ["make demo", "make test"]
    assert README.index("make demo") < 2000


def test_ci_runs_exactly_the_readme_test_command() -> None:
    last = [line.strip() for line in CI.splitlines() if line.strip() and not line.startswith("#")]
    assert last[-1] == "make test"
    assert "apt-get install" in CI and "chromium fonts-noto-cjk" in CI


def test_every_make_target_the_readme_names_exists() -> None:
    named = set(re.findall(r"make ([a-z]+)", README))
    assert named <= _make_targets(), named - _make_targets()
    assert {"demo", "test", "bench", "lint"} <= _make_targets()


def test_makefile_installs_from_pyproject_and_reinstalls_when_it_changes() -> None:
    assert re.search(r"^\$\(STAMP\): pyproject.toml$", MAKEFILE, flags=re.M)
    assert 'pip install --quiet -e ".[test]"' in MAKEFILE
    for target in ("demo", "test", "bench"):
        assert re.search(rf"^{target}: \$\(STAMP\)", MAKEFILE, flags=re.M), target


def test_environment_yml_lists_no_dependency_of_its_own() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    conda = [d for d in deps if isinstance(d, str)]
    pip = [d for d in deps if isinstance(d, dict)]
    assert all(re.match(r"^(python(=[\d.]+)?|pip)$", d) for d in conda), conda
    # unquoted: repo2docker (deploy/z2jh) copies the project before installing only when it
    # recognises a local path, and `".[test]"` in quotes is not one to it
    assert pip == [{"pip": ["-e .[test]"]}]
    assert "test" in PYPROJECT["project"]["optional-dependencies"]


def test_readme_cli_examples_use_real_commands() -> None:
    parser = _parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for line in _readme_commands():
        if line.startswith("mootcourt "):
            assert line.split()[1] in commands, line
    assert PYPROJECT["project"]["scripts"]["mootcourt"] == "mootcourt.cli:main"


def test_readme_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
