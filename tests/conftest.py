"""Shared fixtures."""

from __future__ import annotations

import os
import tempfile

import pytest

# What planwizard remembers between runs goes to a folder of this test session, not the
# user's own cache (tests make many throw-away templates); subprocesses inherit it.
os.environ["PLANWIZARD_CACHE_DIR"] = tempfile.mkdtemp(prefix="planwizard-test-cache-")

from planwizard.answers import Loaded, load_plan
from planwizard.checklist import current
from planwizard.examples import load_library
from tests.helpers import ROOT

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def checklist():
    return current()


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture
def sample_plan_path(tmp_path):
    """A copy of the complete sample plan (Heerlen) that a test may change."""
    source = ROOT / "examples" / "plannen" / "heerlen.yaml"
    target = tmp_path / "heerlen.yaml"
    target.write_bytes(source.read_bytes())
    return target


@pytest.fixture
def sample_plan(sample_plan_path) -> Loaded:
    return load_plan(sample_plan_path)
