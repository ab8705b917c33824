"""A wheel built from this checkout works in a fresh virtual environment, from another folder.

The wheel is installed without dependencies into a new venv; the dependencies are made
visible from the test environment through a .pth file, so the test needs no network and
still proves that the package and its bundled data come from the wheel alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("planwizard-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    Path(site, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    workdir = base / "elders"
    workdir.mkdir()
    return wheel, env_dir, workdir


def run(env_dir: Path, workdir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PLANWIZARD_DATA", "PYTHONPATH")}
    return subprocess.run([str(env_dir / "bin" / "planwizard"), *args], cwd=workdir, env=env,
                          capture_output=True, text=True, timeout=120)


def test_wheel_contains_the_bundled_data(wheel_env):
    wheel, _, _ = wheel_env
    names = zipfile.ZipFile(wheel).namelist()
    assert "planwizard/_data/checklists/vng-beschermd-thuis.yaml" in names
    assert "planwizard/_data/examples/voorbeelden.yaml" in names
    assert "planwizard/data/gemeenten.yaml" in names
    assert any(n.startswith("planwizard/_data/templates/standaard/") for n in names)


def test_installed_wheel_runs_from_another_folder(wheel_env):
    _, env_dir, workdir = wheel_env
    where = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c",
         "import planwizard, planwizard.resources as r; print(planwizard.__file__); print(r.data_dir('checklists'))"],
        cwd=workdir, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    assert all(line.startswith(str(env_dir)) for line in where), where

    checklist = run(env_dir, workdir, "checklist")
    assert checklist.returncode == 0, checklist.stderr
    assert "Lokale visie" in checklist.stdout

    new = run(env_dir, workdir, "new", "plan.yaml", "--gemeente", "Kerkrade")
    assert new.returncode == 0, new.stderr
    assert (workdir / "plan.yaml").is_file()
    assert run(env_dir, workdir, "validate", "plan.yaml").returncode == 0
    assert run(env_dir, workdir, "examples", "--theme", "wonen").returncode == 0
    generate = run(env_dir, workdir, "generate", "plan.yaml", "-o", "concept.docx")
    assert generate.returncode == 0, generate.stderr  # the house style comes from the wheel too
    assert zipfile.ZipFile(workdir / "concept.docx").testzip() is None
