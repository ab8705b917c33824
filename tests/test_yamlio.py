"""Safe YAML reading with exact locations, limits, stable dumps and atomic writes."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from planwizard import yamlio
from planwizard.fileio import atomic_write
from planwizard.errors import PlanError
from planwizard.yamlio import dump, load_file, load_text


def problem(text: str) -> str:
    with pytest.raises(PlanError) as info:
        load_text(text, "f.yaml")
    assert len(info.value.problems) == 1
    return str(info.value.problems[0])


def test_values_keep_their_line_and_column():
    doc = load_text("a:\n  b:\n    - x\n    - {c: 1}\n", "f.yaml")
    assert doc.data == {"a": {"b": ["x", {"c": 1}]}}
    assert doc.mark(("a", "b", 1, "c")) == (4, 11)
    assert doc.key_mark(("a", "b")) == (2, 3)
    assert doc.mark(("a", "b", 5)) == (3, 5)  # unknown path falls back to its parent


def test_duplicate_key_is_reported_at_the_second_one():
    assert problem("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: sleutel 'a' komt twee keer voor (eerder op regel 1)"


def test_tab_indentation_names_the_tab():
    assert problem("a:\n\tb: 1\n").startswith("f.yaml:2:1: tab gevonden")


def test_unclosed_quote_points_at_where_it_opened():
    assert problem('a: 1\nb: "open\nc: 2\n') == "f.yaml:2:4: aanhalingsteken wordt niet afgesloten"


def test_broken_indentation():
    assert problem("a:\n  b: 1\n c: 2\n").startswith("f.yaml:3:2: inspringing klopt niet")


def test_colon_in_plain_text():
    assert "dubbele punt" in problem("a: b: c\n")


def test_python_tags_are_refused():
    message = problem("a: !!python/object/apply:os.system ['true']\n")
    assert message.startswith("f.yaml:1:4:") and "niet toegestaan" in message


def test_alias_bomb_stops_with_a_message():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    message = problem("\n".join(lines) + "\n")
    assert "te veel waarden" in message


def test_deep_flow_nesting_is_refused_before_parsing():
    message = problem("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert message.startswith("f.yaml:1:") and "te diep genest" in message


def test_deep_block_nesting_is_refused():
    message = problem("- " * 10_000 + "x\n")
    assert "te diep genest" in message


def test_recursive_alias_is_not_followed():
    assert "verwijst naar niets" in problem("a: &x [*x]\n")


def test_control_characters_in_quoted_escapes_are_refused_with_position():
    assert problem('a: "ok\\x07"\n') == (
        "f.yaml:1:4: teken U+0007 is niet toegestaan op positie 3 van de tekst (stuurteken of ongeldig teken)"
    )
    # libyaml refuses a lone surrogate escape itself; the pure-Python parser lets it
    # through and our own check catches it. Either way: a located, clear message.
    message = problem('a: "\\ud800"\n')
    assert message.startswith("f.yaml:1:") and ("U+D800" in message or "escape-code" in message)


def test_raw_nul_byte_is_located():
    assert problem("a: 1\nb: x\x00y\n").startswith("f.yaml:2:5: teken U+0000")


def test_impossible_date_stays_text_for_the_validator():
    assert load_text("a: 2025-02-30\nb: 2025-02-28\n", "f").data == {"a": "2025-02-30", "b": dt.date(2025, 2, 28)}


def test_more_than_one_document_is_refused():
    assert "meer dan één document" in problem("a: 1\n---\nb: 2\n")


def test_empty_and_comment_only_files_are_none():
    assert load_text("", "f").data is None
    assert load_text("# alleen commentaar\n", "f").data is None


def test_encodings(tmp_path):
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfa: \xc3\xa9\n")
    assert load_file(bom).data == {"a": "é"}
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes("a: é\n".encode("utf-16"))
    assert load_file(utf16).data == {"a": "é"}
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(PlanError) as info:
        load_file(latin1)
    assert str(info.value) == f"{latin1}:2:7: bestand is geen UTF-8 (byte 0xe9); sla het op als UTF-8"


def test_wrong_kinds_of_files(tmp_path):
    with pytest.raises(PlanError, match="bestaat niet"):
        load_file(tmp_path / "missing.yaml")
    with pytest.raises(PlanError, match="is een map"):
        load_file(tmp_path)
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PlanError, match="geen gewoon bestand"):
        load_file(fifo)  # must not block waiting for a writer


def test_too_big_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(yamlio.MAX_FILE_BYTES + 1)
    with pytest.raises(PlanError, match="te groot"):
        load_file(big)


def test_dump_writes_multiline_text_as_block_and_keeps_unicode():
    text = dump({"notes": "Eerste alinea.\n\n- punt één\n", "title": "Súdwest-Fryslân", "n": "yes"})
    assert "notes: |\n  Eerste alinea.\n\n  - punt één\n" in text
    assert "Súdwest-Fryslân" in text
    assert "n: 'yes'" in text  # would otherwise come back as a boolean
    assert load_text(text, "f").data["notes"] == "Eerste alinea.\n\n- punt één\n"


def test_atomic_write_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("oud", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "nieuw")
    assert target.read_text(encoding="utf-8") == "nieuw"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "plan.yaml"
    target.write_text("oud", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(PlanError, match="schijf is vol"):
        atomic_write(target, "nieuw" * 1000)
    assert target.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_symlink_at_target_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("geheim", encoding="utf-8")
    link = tmp_path / "plan.yaml"
    link.symlink_to(victim)
    atomic_write(link, "nieuw")
    assert victim.read_text(encoding="utf-8") == "geheim"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "nieuw"


def test_stale_temporaries_of_dead_writers_are_removed(tmp_path):
    target = tmp_path / "plan.yaml"
    stale = tmp_path / ".plan.yaml.pw999999999-abc.tmp"  # no such pid
    stale.write_text("half", encoding="utf-8")
    atomic_write(target, "nieuw")
    assert not stale.exists()


def test_write_into_missing_folder_or_onto_folder(tmp_path):
    with pytest.raises(PlanError, match="map .* bestaat niet"):
        atomic_write(tmp_path / "nope" / "x.yaml", "x")
    with pytest.raises(PlanError, match="is een map"):
        atomic_write(tmp_path, "x")


def test_dump_never_writes_what_loading_refuses():
    text = dump({"notes": "bel\x07 en nul\x00 en \ud800 weg"})
    assert load_text(text, "f").data == {"notes": "bel en nul en  weg"}


def test_quoted_and_block_text_is_checked_anchored_and_located_like_any_value():
    doc = load_text('a: &x "tekst"\nb: *x\nc: |\n  regel\nd: \'2025-01-01\'\ne: ["1", 2]\n', "f.yaml")
    assert doc.data == {"a": "tekst", "b": "tekst", "c": "regel\n", "d": "2025-01-01", "e": ["1", 2]}
    assert doc.mark(("b",)) == (2, 4) and doc.mark(("c",)) == (3, 4) and doc.mark(("e", 0)) == (6, 5)
    assert doc.raw == {("e", 1): "2"}  # only values YAML read as something other than text
    assert problem("a: |\n  goed\n  fout\x07\n").startswith("f.yaml:3:7: teken U+0007")
    assert "sleutel 'a' komt twee keer voor" in problem("a: 'x'\na: \"y\"\n")
