"""Every hostile or broken input gets a clear, located message and exit 1, never a traceback."""

from __future__ import annotations

import pytest

from planwizard.cli import main
from tests.corpus import generated, stored

STORED = stored()


def test_corpus_is_large_enough(tmp_path):
    assert len(STORED) + len(generated(tmp_path)) >= 50


def check(case, code: int, err: str) -> None:
    assert "Traceback" not in err
    assert code == case.exit, err
    if case.exit:
        first = err.strip().splitlines()[0]
        assert first.startswith(case.expected_prefix()), first
        assert case.message in err, err


@pytest.mark.parametrize("case", STORED, ids=lambda c: c.name)
def test_validate_stored_case(case, capsys):
    code = main(["validate", str(case.path)])
    check(case, code, capsys.readouterr().err)


def test_validate_generated_cases(tmp_path, capsys):
    for case in generated(tmp_path):
        code = main(["validate", str(case.path)])
        check(case, code, capsys.readouterr().err)
