"""The command line: exit codes, Dutch messages, no tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from planwizard.cli import COMMANDS, build_parser, main
from tests.helpers import answer_file, run_cli, write_files

AVAILABLE = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", [[], *[[c] for c in AVAILABLE], ["template", "check"], ["template", "init"]])
def test_help_and_version_everywhere(command, capsys):
    if command[:1] == ["template"] and "template" not in AVAILABLE:
        pytest.skip("template command not available")
    assert main([*command, "--help"]) == 0
    assert "gebruik: planwizard" in capsys.readouterr().out
    assert main([*command, "--version"]) == 0
    assert capsys.readouterr().out.startswith("planwizard ")


def test_every_contract_command_is_available():
    assert set(AVAILABLE) == set(COMMANDS)


def test_usage_errors_exit_2_in_dutch(capsys):
    assert main(["bestaat-niet"]) == 2
    assert "ongeldige keuze" in capsys.readouterr().err
    assert main(["validate"]) == 2
    assert "deze argumenten ontbreken" in capsys.readouterr().err
    assert main(["validate", "--onzin", "x.yaml"]) == 2
    assert "onbekende argumenten: --onzin" in capsys.readouterr().err


def test_new_writes_a_valid_file_with_region_from_the_list(tmp_path):
    path = tmp_path / "heerlen.yaml"
    result = run_cli("new", str(path), "--gemeente", "heerlen", "--auteur", "A. Jansen")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["municipality"] == {"name": "Heerlen", "code": "GM0917", "region": "Parkstad",
                                    "central_municipality": "Heerlen"}
    assert data["plan"]["author"] == "A. Jansen"
    assert run_cli("validate", str(path)).returncode == 0


def test_new_with_unknown_region_says_so_and_accepts_options(tmp_path):
    path = tmp_path / "helder.yaml"
    result = run_cli("new", str(path), "--gemeente", "den helder")
    assert result.returncode == 0
    assert "regio en centrumgemeente zijn nog onbekend" in result.stderr
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["municipality"] == {"name": "Den Helder", "code": "GM0400"}
    again = run_cli("new", str(tmp_path / "h2.yaml"), "--gemeente", "Den Helder", "--regio", "Kop van Noord-Holland",
                    "--centrumgemeente", "Den Helder")
    assert again.returncode == 0 and "onbekend" not in again.stdout + again.stderr
    data = yaml.safe_load((tmp_path / "h2.yaml").read_text(encoding="utf-8"))["municipality"]
    assert (data["region"], data["central_municipality"]) == ("Kop van Noord-Holland", "Den Helder")


def test_new_suggests_close_names_and_never_overwrites(tmp_path):
    path = tmp_path / "x.yaml"
    result = run_cli("new", str(path), "--gemeente", "Heerln")
    assert result.returncode == 1
    assert result.stderr.strip() == "--gemeente: onbekende gemeente 'Heerln'; bedoelt u Heerlen of Rheden of Heumen?"
    assert not path.exists()
    path.write_text("mijn werk", encoding="utf-8")
    result = run_cli("new", str(path), "--gemeente", "Heerlen")
    assert result.returncode == 1 and "bestaat al" in result.stderr
    assert path.read_text(encoding="utf-8") == "mijn werk"


def test_validate_reports_every_file_and_folders(tmp_path):
    files = write_files(tmp_path / "map", {"goed.yaml": answer_file(), "fout.yaml": "format: [\n"})
    result = run_cli("validate", str(tmp_path / "map"), str(tmp_path / "weg.yaml"))
    assert result.returncode == 1
    assert f"{files['goed.yaml']}: in orde" in result.stdout
    assert f"{files['fout.yaml']}:2:1:" in result.stderr
    assert f"{tmp_path / 'weg.yaml'}: bestand of map bestaat niet" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    bad = write_files(tmp_path, {"b.yaml": "- a\n"})["b.yaml"]
    assert "Traceback" not in run_cli("migrate", str(bad)).stderr
    assert "Traceback" in run_cli("migrate", str(bad), "--debug").stderr


def test_checklist_markdown_reads_as_a_document(checklist):
    result = run_cli("checklist", "--format", "markdown")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith(f"# {checklist.title}\n")
    for number, theme in enumerate(checklist.themes, 1):
        assert f"## {number}. {theme.title}" in out
    for item in checklist.items.values():
        assert item.question.strip() in out
    assert "## Inspirerende voorbeelden" in out and "## Bronnen" in out
    assert "Alleen als het antwoord op" in out  # `when` conditions are explained in words


def test_examples_for_a_theme(library):
    result = run_cli("examples", "--theme", "wonen")
    assert result.returncode == 0
    wonen = [e for e in library.values() if "wonen" in e.themes]
    assert [line for line in result.stdout.splitlines() if line and not line.startswith(" ")] == [e.id for e in wonen]
    bad = run_cli("examples", "--theme", "bestaat-niet")
    assert bad.returncode == 1 and bad.stderr.startswith("--theme: onbekend thema 'bestaat-niet'")


def test_output_to_a_closed_pipe_is_quiet():
    proc = subprocess.run(
        f"{sys.executable} -m planwizard checklist --format markdown | head -1",
        shell=True, capture_output=True, text=True,
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
