"""The snapshot a draft carries: written as text, read back with the importer's safe parser."""

from __future__ import annotations

from lxml import etree

from planwizard.roundtrip import marks


def test_snapshot_keeps_every_name_and_title_as_written():
    odd = ["Gemeente 's-Hertogenbosch", 'Plan "Thuis" & <meer>', "beide ' en \"", "regel\neen\ttab\rterug", ""]
    snapshot = marks.Snapshot(
        gemeente=odd[0], code="GM0796", title=odd[1], version=odd[2], source="/pad/met 'quote\"/plan.yaml",
        checklist="vng-beschermd-thuis", checklist_version="2027.1",
        items=[marks.ItemMarks(1, "visie.doelen", "3.1", "a1", "done", "n1", "a2", frozenset({"p1", "p2"})),
               marks.ItemMarks(2, "visie.doelgroep", "3.2", "b1", None, "n2", "b2")],
        chapters=[marks.Chapter(title, str(number), f"{number:08x}10") for number, title in enumerate(odd, 1)],
        front="00000000ff", styles={"heading1": ("Heading1", "heading 1"), "meta": ("Kenmerken", 'Kenmerken "x"')},
    )
    data = marks.snapshot_xml(snapshot)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    assert marks.read_snapshot(etree.fromstring(data, parser)) == snapshot


def test_snapshot_drops_what_xml_cannot_hold():
    snapshot = marks.Snapshot("Heer\x00len\x1f", "GM0917", "Plan\ud800\ufffe", "1", "", "c", "1")
    back = marks.read_snapshot(etree.fromstring(marks.snapshot_xml(snapshot)))
    assert (back.gemeente, back.title) == ("Heerlen", "Plan")
