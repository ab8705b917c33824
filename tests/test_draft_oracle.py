"""Every kind of draft of the oracle (``tests/draft_oracle.py``): whole, the same every time, and importable.

The oracle's cases are the drafts a change of the builder must keep byte for byte
(sample plans, hostile text, own examples, migrated plans, the annex of changes, the
regional overview, other templates); here they are checked for what a user relies on,
whatever the builder looks like inside.
"""

from __future__ import annotations

import io

import docx
import pytest
from lxml import etree

from planwizard.roundtrip.importer import prepare
from tests import draft_oracle


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(name, Built, the same case built again) of every case."""
    folder = tmp_path_factory.mktemp("oracle")
    return [(name, build(), build()) for name, build in draft_oracle.cases(folder)]


def test_every_draft_is_the_same_when_built_again(built):
    assert [name for name, first, again in built if first.data != again.data] == []


def test_every_xml_part_of_every_draft_is_well_formed(built):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for name, first, _ in built:
        for part, _, data in draft_oracle.parts_of(first.data):
            if part.endswith((".xml", ".rels")):
                etree.fromstring(data, parser)  # raises, naming the line, on a broken part
        document = docx.Document(io.BytesIO(first.data))
        assert document.paragraphs and document.tables, name


def test_hostile_text_reads_back_as_written(built):
    hostile = next(first for name, first, _ in built if name == "hostile")
    document = docx.Document(io.BytesIO(hostile.data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tekens die XML bijzonder vindt: <b>vet</b> & \"dubbel\" 'enkel' ]]> {{ jinja }} {% if %}" in text
    assert "voorna en verder" in text and "😀 עברית" in text
    assert "Plan <titel> & \"aanhalingen\"" in text
    assert "actie <0> & \"x\" (trekker: eigenaar  'y'; gereed: 03-01-2025)" in text.lower()
    assert "Eigen voorbeeld: Eigen <voorbeeld> & \"raar\"" in text
    assert document.core_properties.title == "Plan <titel> & \"aanhalingen\""
    assert not any("\x00" in p.text or "\ud800" in p.text for p in document.paragraphs)


def test_every_plan_draft_imports_back_without_a_change(built, tmp_path):
    checked = 0
    for name, first, _ in built:
        if first.loaded is None:  # the regional overview is not imported
            continue
        path = tmp_path / f"{name}.docx"
        path.write_bytes(first.data)
        preview = prepare(path, loaded=first.loaded)
        about_draft = preview.warnings[len(first.loaded.warnings):]  # the plan's own warnings come first
        assert (name, preview.result.changes, preview.problems, about_draft) == (name, [], [], [])
        checked += 1
    assert checked >= 10
