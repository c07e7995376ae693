"""The deployment files say what the kit does: Zero to JupyterHub's values and TLJH's guide.

Neither deployment can run here (no cluster, no Ubuntu server to give TLJH); these checks keep
the files in step with the code that builds the same links and with the measured sizes.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from mootcourt.hub.links import lesson_ids, server_default_url

ROOT = Path(__file__).resolve().parents[1]
Z2JH = yaml.safe_load((ROOT / "deploy" / "z2jh" / "config.yaml").read_text(encoding="utf-8"))
TLJH_GUIDE = (ROOT / "deploy" / "tljh" / "README.md").read_text(encoding="utf-8")
MB = {"M": 1, "G": 1024}


def _mb(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([MG])", value).groups()  # type: ignore[union-attr]
    return int(number) * MB[unit]


def test_z2jh_default_url_is_the_link_mootcourt_link_builds() -> None:
    url = Z2JH["singleuser"]["defaultUrl"]
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    lang, lesson = Path(query["urlpath"]).parent.name, Path(query["urlpath"]).stem
    assert lesson in lesson_ids(lang)
    assert url == server_default_url(query["repo"], lesson, lang)


def test_z2jh_culls_and_sizes_from_the_measured_memory() -> None:
    assert Z2JH["cull"]["enabled"] is True and Z2JH["cull"]["timeout"] > 0
    memory = Z2JH["singleuser"]["memory"]
    server_mb, kernel_mb = 150, 140  # measured: deploy/z2jh/README.md, tests/hub/test_hub.py
    assert _mb(memory["guarantee"]) >= server_mb + 2 * kernel_mb
    assert _mb(memory["limit"]) >= _mb(memory["guarantee"])
    assert Z2JH["singleuser"]["image"]["name"] and Z2JH["singleuser"]["image"]["tag"]


def test_z2jh_image_has_the_hub_major_version_the_chart_runs() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [jupyterhub] = [d for d in deps["optional-dependencies"]["test"] if "jupyterhub" in d]
    assert "<6" in jupyterhub  # the chart's hub is JupyterHub 5: jupyterhub-singleuser matches


def test_tljh_guide_names_the_plugin_the_kit_registers() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["tljh"] == {"mootcourt": "mootcourt.hub.tljh"}
    assert "--plugin" in TLJH_GUIDE and "mootcourt.hub.tljh" in TLJH_GUIDE
    for variable in re.findall(r"`(MOOTCOURT_[A-Z_]+)`", TLJH_GUIDE):
        source = (ROOT / "widgets" / "mootcourt" / "hub" / "tljh.py").read_text(encoding="utf-8")
        assert variable in source, variable
