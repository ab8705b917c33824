"""``planwizard import``: edits made in Word come back into the answer file, exactly and nothing else."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from planwizard.answers import load_plan, save_plan
from planwizard.cli import main
from planwizard.model import Action
from planwizard.render import generate_file
from tests.draftedit import DraftDoc
from tests.helpers import ROOT


@pytest.fixture
def drafted(sample_plan_path):
    """(the answer file, its draft beside it) for the full Heerlen plan."""
    draft = generate_file(load_plan(sample_plan_path), sample_plan_path.with_suffix(".docx"))
    return sample_plan_path, draft


def answers_of(path):
    return load_plan(path).plan.answers


def about_draft(err: str, draft) -> list[str]:
    """The lines of ``err`` about the draft (the answer file's own warnings are printed too)."""
    return [line for line in err.splitlines() if line.startswith(str(draft))]


def changed_items(before, after) -> set[str]:
    return {key for key in set(before) | set(after) if before.get(key) != after.get(key)}


def test_unedited_draft_changes_nothing_and_says_so(drafted, capsys):
    plan, draft = drafted
    before = plan.read_bytes()
    assert main(["import", str(draft)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{plan}: het concept bevat geen wijzigingen ten opzichte van dit bestand; er is niets geschreven\n"
    assert about_draft(err, draft) == []
    assert plan.read_bytes() == before
    assert sorted(p.name for p in plan.parent.iterdir()) == ["heerlen.docx", "heerlen.yaml"]


def test_word_edits_come_back_exactly_and_nothing_else(drafted, capsys):
    plan, draft = drafted
    before_bytes, before = plan.read_bytes(), answers_of(plan)
    doc = DraftDoc(draft)
    doc.word_noise()
    first, second = doc.item(1), doc.item(2)
    doc.retype(second["text"][0], "psychische", "ernstige psychische")  # a word typed inside a paragraph
    doc.enter_after(second["text"][0], "Een nieuwe alinea, getypt in Word.")  # Enter at its end, then typing
    bullets = [p for p in first["text"] if doc.style(p) == "ListBullet"]
    doc.delete(bullets[1])  # a bullet deleted
    doc.choose_status(second["status"][0], "Deels geregeld", "partial")  # picked in the drop-down
    doc.save()

    assert main(["import", str(draft)]) == 0
    out, err = capsys.readouterr()
    assert about_draft(err, draft) == []
    after = answers_of(plan)  # the file still validates
    assert changed_items(before, after) == {"visie.uitgangspunten", "visie.doelgroep"}
    paragraphs = before["visie.doelgroep"].notes.split("\n\n")
    paragraphs[0] = paragraphs[0].replace("psychische", "ernstige psychische", 1)
    paragraphs.insert(1, "Een nieuwe alinea, getypt in Word.")
    assert after["visie.doelgroep"].notes == "\n\n".join(paragraphs)
    assert after["visie.doelgroep"].status == "partial"
    assert after["visie.doelgroep"].actions == before["visie.doelgroep"].actions
    removed = doc.text(bullets[1])
    assert after["visie.uitgangspunten"].notes == before["visie.uitgangspunten"].notes.replace(f"- {removed}\n", "")
    assert after["visie.uitgangspunten"].status == before["visie.uitgangspunten"].status
    assert (plan.parent / "heerlen.yaml.bak").read_bytes() == before_bytes
    assert "punt 3.2 (visie.doelgroep)" in out and "status: [-Geregeld-] → {+Deels geregeld+}" in out
    assert "{+ernstige+}" in out and "2 punten bijgewerkt" in out


def test_actions_come_back_with_owner_and_date(drafted, capsys):
    plan, draft = drafted
    before = answers_of(plan)
    actions = before["visie.cijfers"].actions
    doc = DraftDoc(draft)
    lines = doc.item(3)["actions"]
    doc.retype(lines[0], actions[0].owner, "Gemeente Heerlen")
    doc.delete(lines[1])
    doc.enter_after(lines[0], "Raadsbrief sturen (trekker: Griffie; gereed: 15-03-2027)")
    doc.save()
    assert main(["import", str(draft)]) == 0
    after = answers_of(plan)
    assert changed_items(before, after) == {"visie.cijfers"}
    assert after["visie.cijfers"].actions == [
        Action(actions[0].what, "Gemeente Heerlen", actions[0].due),
        Action("Raadsbrief sturen", "Griffie", dt.date(2027, 3, 15)),
    ]
    out = capsys.readouterr().out
    assert "actie erbij: {+Raadsbrief sturen (trekker: Griffie; gereed: 15-03-2027)+}" in out
    assert "actie eraf:" in out


def test_status_typed_over_comes_back_and_unknown_text_is_refused(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.type_status(doc.item(1)["status"][0], "nog te doen")
    doc.save()
    assert main(["import", "--dry-run", str(draft)]) == 0
    assert "status: [-Geregeld-] → {+Nog te doen+}" in capsys.readouterr().out
    doc.type_status(doc.item(2)["status"][0], "Klaar")
    doc.save()
    before = plan.read_bytes()
    assert main(["import", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "punt 3.2 (visie.doelgroep): status 'Klaar' is niet te lezen" in err and "Traceback" not in err
    assert plan.read_bytes() == before


def test_an_impossible_action_date_is_refused(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.enter_after(doc.item(3)["actions"][-1], "Evalueren (trekker: Team Wmo; gereed: 31-02-2027)")
    doc.save()
    before = plan.read_bytes()
    assert main(["import", str(draft)]) == 1
    assert "punt 3.3 (visie.cijfers): datum '31-02-2027'" in capsys.readouterr().err
    assert plan.read_bytes() == before


def test_dry_run_writes_nothing(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.choose_status(doc.item(1)["status"][0], "Nog te doen", "todo")
    doc.save()
    before = plan.read_bytes()
    assert main(["import", "--dry-run", str(draft)]) == 0
    out = capsys.readouterr().out
    assert "punt 3.1 (visie.uitgangspunten)" in out
    assert out.endswith(f"{plan}: 1 punt zou worden bijgewerkt (--dry-run: niets geschreven)\n")
    assert plan.read_bytes() == before
    assert not (plan.parent / "heerlen.yaml.bak").exists()


def test_an_unanswered_item_gets_its_text_and_status_from_the_draft(sample_plan_path, capsys):
    loaded = load_plan(sample_plan_path)
    del loaded.plan.answers["visie.samenhang"]
    save_plan(loaded.plan, sample_plan_path, loaded.checklist)
    draft = generate_file(load_plan(sample_plan_path), sample_plan_path.with_suffix(".docx"))
    doc = DraftDoc(draft)
    item = doc.item(4)
    placeholder = item["text"][0]
    assert doc.style(placeholder) == "Intevullen"
    doc.enter_after(placeholder, "Dit stemmen wij af met het woonbeleid.")
    doc.delete(placeholder)
    doc.choose_status(item["status"][0], "Nog te doen", "todo")
    doc.save()
    assert main(["import", str(draft)]) == 0
    answer = answers_of(sample_plan_path)["visie.samenhang"]
    assert (answer.status, answer.notes, answer.actions) == ("todo", "Dit stemmen wij af met het woonbeleid.", [])


def test_conflict_is_refused_and_names_the_item(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.choose_status(doc.item(2)["status"][0], "Nog te doen", "todo")
    doc.retype(doc.item(1)["text"][0], "Heerlen", "De gemeente Heerlen")
    doc.save()
    loaded = load_plan(plan)  # meanwhile, in the wizard: the same item gets other notes
    loaded.plan.answers["visie.doelgroep"].notes = "Gewijzigd in de wizard."
    save_plan(loaded.plan, plan, loaded.checklist)
    before = plan.read_bytes()
    assert main(["import", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "punt 3.2 (visie.doelgroep): gewijzigd in het concept én in het antwoordbestand" in err
    assert "--keep draft" in err and "Traceback" not in err
    assert plan.read_bytes() == before and not (plan.parent / "heerlen.yaml.bak").exists()

    assert main(["import", "--keep", "file", str(draft)]) == 0
    err = capsys.readouterr().err
    assert "punt 3.2 (visie.doelgroep): ook gewijzigd in het antwoordbestand" in err
    after = answers_of(plan)
    assert after["visie.doelgroep"].notes == "Gewijzigd in de wizard." and after["visie.doelgroep"].status == "done"
    assert after["visie.uitgangspunten"].notes.startswith("De gemeente Heerlen onderschrijft")


def test_keep_draft_takes_the_drafts_changes_and_keeps_the_files_others(drafted):
    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.choose_status(doc.item(2)["status"][0], "Nog te doen", "todo")
    doc.save()
    loaded = load_plan(plan)
    loaded.plan.answers["visie.doelgroep"].notes = "Gewijzigd in de wizard."
    save_plan(loaded.plan, plan, loaded.checklist)
    assert main(["import", "--keep", "draft", str(draft)]) == 0
    after = answers_of(plan)["visie.doelgroep"]
    assert (after.status, after.notes) == ("todo", "Gewijzigd in de wizard.")


def test_a_change_only_in_the_file_is_kept_while_the_drafts_come_in(drafted):
    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.choose_status(doc.item(1)["status"][0], "Deels geregeld", "partial")
    doc.save()
    loaded = load_plan(plan)
    loaded.plan.answers["visie.preventie"].status = "todo"
    save_plan(loaded.plan, plan, loaded.checklist)
    assert main(["import", str(draft)]) == 0
    after = answers_of(plan)
    assert after["visie.uitgangspunten"].status == "partial"
    assert after["visie.preventie"].status == "todo"


def test_the_same_change_on_both_sides_is_no_conflict(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.choose_status(doc.item(2)["status"][0], "Nog te doen", "todo")
    doc.save()
    loaded = load_plan(plan)
    loaded.plan.answers["visie.doelgroep"].status = "todo"
    save_plan(loaded.plan, plan, loaded.checklist)
    before = plan.read_bytes()
    assert main(["import", str(draft)]) == 0
    assert "het concept bevat geen wijzigingen" in capsys.readouterr().out
    assert plan.read_bytes() == before


@pytest.mark.parametrize("kind", ["ins", "del", "moveFrom"])
def test_tracked_changes_are_refused_with_where_they_are(drafted, capsys, kind):
    plan, draft = drafted
    doc = DraftDoc(draft)
    paragraph = doc.item(2)["text"][0]
    doc.track_insert(paragraph, " Nog te bespreken.")
    if kind != "ins":
        tracked = paragraph.find(f"{{{doc.root.nsmap['w']}}}ins")
        tracked.tag = tracked.tag.replace("}ins", "}" + kind)
        for t in tracked.iter(f"{{{doc.root.nsmap['w']}}}t"):
            t.tag = t.tag.replace("}t", "}delText") if kind == "del" else t.tag
    doc.save()
    before = plan.read_bytes()
    assert main(["import", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "nog niet verwerkte bijgehouden wijzigingen in hoofdstuk 'Lokale visie en ambitie', " \
           "punt 3.2 (visie.doelgroep)" in err
    assert "accepteer of weiger" in err and "Traceback" not in err
    assert plan.read_bytes() == before


def test_text_outside_the_marked_parts_is_reported_per_chapter(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    headings = [p for p in doc.body if doc.style(p) == "Heading1"]
    intro = headings[0].getnext()
    doc.retype(intro, intro.findall(".//{*}t")[0].text.split()[0], "Zelf geschreven")
    example = doc.item(1)["other"][0]
    doc.enter_after(example, "Een zin in het voorbeeldkader.")
    doc.choose_status(doc.item(2)["status"][0], "Nog te doen", "todo")
    doc.save()
    assert main(["import", str(draft)]) == 0
    err = capsys.readouterr().err
    assert f"hoofdstuk 1 '{doc.text(headings[0])}': tekst buiten de gemarkeerde delen is gewijzigd" in err
    assert f"hoofdstuk 3 '{doc.text(headings[2])}': tekst buiten" in err
    assert len(about_draft(err, draft)) == 2
    assert answers_of(plan)["visie.doelgroep"].status == "todo"  # the marked parts came in all the same


def test_a_docx_not_made_by_planwizard_is_refused(sample_plan_path, tmp_path, capsys):
    import docx

    foreign = tmp_path / "brief.docx"
    document = docx.Document()
    document.add_paragraph("Geachte raad,")
    document.save(str(foreign))
    before = sample_plan_path.read_bytes()
    assert main(["import", str(foreign), "--into", str(sample_plan_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{foreign}: is niet met planwizard gemaakt") and "Traceback" not in err
    assert sample_plan_path.read_bytes() == before


def test_a_draft_of_another_plan_is_refused(sample_plan_path, tmp_path, capsys):
    other = tmp_path / "simpelveld.yaml"
    shutil.copy(ROOT / "examples" / "plannen" / "simpelveld.yaml", other)
    draft = generate_file(load_plan(other), tmp_path / "simpelveld.docx")
    before = sample_plan_path.read_bytes()
    assert main(["import", str(draft), "--into", str(sample_plan_path)]) == 1
    err = capsys.readouterr().err
    assert "gemaakt van een ander plan (gemeente Simpelveld)" in err and "(gemeente Heerlen)" in err
    assert sample_plan_path.read_bytes() == before


def test_into_defaults_to_the_file_the_draft_was_made_from(drafted, tmp_path, capsys):
    plan, draft = drafted
    elsewhere = tmp_path / "mail"
    elsewhere.mkdir()
    moved = shutil.move(draft, elsewhere / "teruggestuurd.docx")
    doc = DraftDoc(moved)
    doc.choose_status(doc.item(1)["status"][0], "Nog te doen", "todo")
    doc.save()
    assert main(["import", "--dry-run", str(moved)]) == 0
    assert f"{plan}: 1 punt" in capsys.readouterr().out
    shutil.move(plan, elsewhere / "heerlen.yaml")  # not where it was: the namesake beside the draft is used
    assert main(["import", "--dry-run", str(moved)]) == 0
    assert str(elsewhere / "heerlen.yaml") in capsys.readouterr().out
    (elsewhere / "heerlen.yaml").unlink()
    assert main(["import", str(moved)]) == 1
    assert "geef het aan met --into" in capsys.readouterr().err


def test_import_refuses_while_the_plan_is_open_in_the_wizard(drafted, capsys):
    from planwizard.lock import acquire

    plan, draft = drafted
    doc = DraftDoc(draft)
    doc.choose_status(doc.item(1)["status"][0], "Nog te doen", "todo")
    doc.save()
    before = plan.read_bytes()
    with acquire(plan):
        assert main(["import", str(draft)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert plan.read_bytes() == before


def test_a_draft_of_an_older_checklist_version_comes_into_a_migrated_plan(tmp_path):
    from tests.test_migrate import FIXTURES

    def data(name: str, current: str) -> str:
        root = tmp_path / name
        (root / "checklists").mkdir(parents=True)
        for source in (FIXTURES / "checklists").glob("oefenlijst@*.yaml"):
            if source.name < f"oefenlijst@{current}":
                shutil.copy(source, root / "checklists" / source.name)
        current_file = "oefenlijst.yaml" if current == "2.0" else f"oefenlijst@{current}.yaml"
        shutil.copy(FIXTURES / "checklists" / current_file, root / "checklists" / "oefenlijst.yaml")
        shutil.copy(ROOT / "checklists" / "vng-beschermd-thuis.yaml", root / "checklists")  # the template's check
        (root / "examples").symlink_to(ROOT / "examples")
        (root / "templates").symlink_to(ROOT / "templates")
        return str(root)

    from tests.helpers import run_cli

    then, now = {"PLANWIZARD_DATA": data("toen", "1.1")}, {"PLANWIZARD_DATA": data("nu", "2.0")}
    plan = tmp_path / "plan.yaml"
    shutil.copy(FIXTURES / "plan-1.0.yaml", plan)
    assert run_cli("migrate", str(plan), env=then).returncode == 0
    draft = tmp_path / "plan.docx"
    assert run_cli("generate", str(plan), "-o", str(draft), env=then).returncode == 0
    doc = DraftDoc(draft)
    doc.choose_status(doc.item(2)["status"][0], "Geregeld", "done")  # visie.doelen: the same id in 2.0
    doc.enter_after(doc.item(3)["text"][-1], "Ook met Wonen Zuid.")  # wonen.afspraken: merged in 2.0
    doc.save()
    result = run_cli("import", str(draft), env=now)
    assert result.returncode == 0, result.stderr
    assert "punt 3.2 (visie.doelen)" in result.stdout
    assert "punt 4.1 (wonen.afspraken) bestaat in checklistversie 2.0 niet meer" in result.stderr
    import yaml

    data_now = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert data_now["checklist"]["version"] == "2.0"  # written for the current version, the old one is the backup
    assert data_now["answers"]["visie.doelen"]["status"] == "done"
    assert "Ook met Wonen Zuid." not in plan.read_text(encoding="utf-8")


def test_a_picture_in_the_text_is_reported_and_its_words_still_come_in(drafted, capsys):
    from lxml import etree

    plan, draft = drafted
    doc = DraftDoc(draft)
    paragraph = doc.enter_after(doc.item(2)["text"][0], "Zie de kaart.")
    run = etree.SubElement(paragraph, f"{{{doc.root.nsmap['w']}}}r")
    etree.SubElement(run, f"{{{doc.root.nsmap['w']}}}drawing")
    doc.save()
    assert main(["import", str(draft)]) == 0
    err = capsys.readouterr().err
    assert "punt 3.2 (visie.doelgroep): een afbeelding in de toelichting" in err
    assert "Zie de kaart." in answers_of(plan)["visie.doelgroep"].notes


def test_what_word_puts_in_runs_reads_as_the_reader_sees_it(drafted, capsys):
    """Field codes and the fallback copy of a drawing are no text (a revision mark inside that
    copy is no unresolved change either); tabs, line breaks and non-breaking hyphens are."""
    from lxml import etree

    plan, draft = drafted
    doc = DraftDoc(draft)
    w = doc.root.nsmap["w"]
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    paragraph = doc.enter_after(doc.item(2)["text"][0], "Zie")
    field = etree.SubElement(paragraph, f"{{{w}}}r")
    etree.SubElement(field, f"{{{w}}}instrText").text = " PAGEREF _Toc1 \\h "
    drawing = etree.SubElement(etree.SubElement(paragraph, f"{{{w}}}r"), f"{{{mc}}}AlternateContent")
    etree.SubElement(etree.SubElement(drawing, f"{{{mc}}}Choice"), f"{{{w}}}drawing")
    fallback = etree.SubElement(drawing, f"{{{mc}}}Fallback")
    tracked = etree.SubElement(etree.SubElement(fallback, f"{{{w}}}pict"), f"{{{w}}}ins")
    etree.SubElement(etree.SubElement(tracked, f"{{{w}}}r"), f"{{{w}}}t").text = "Kopie in het kader"
    run = etree.SubElement(paragraph, f"{{{w}}}r")
    for tag, text in (("tab", None), ("t", "de"), ("br", None), ("t", "kaart"), ("noBreakHyphen", None), ("t", "A")):
        etree.SubElement(run, f"{{{w}}}{tag}").text = text
    doc.save()
    assert main(["import", str(draft)]) == 0
    err = capsys.readouterr().err
    assert "punt 3.2 (visie.doelgroep): een afbeelding in de toelichting" in err
    notes = answers_of(plan)["visie.doelgroep"].notes
    assert "\n\nZie de kaart-A\n\n" in notes
    assert "PAGEREF" not in notes and "Kopie" not in notes


def _stand_copy(doc: DraftDoc):
    """(chapter 2's copy of item 3.7's paragraphs, the item's own paragraphs)."""
    own = doc.item(7)["text"]
    assert len(own) > 1
    first = [p for p in doc.body if doc.text(p) == doc.text(own[0])]
    assert len(first) == 2 and first[1] is own[0]  # chapter 2 first, then the item itself
    start = doc.body.index(first[0])
    return doc.body[start:start + len(own)], own


def test_the_national_status_edited_where_chapter_2_repeats_it_comes_in_as_item_3_7(drafted, capsys):
    """Chapter 2 repeats the text of 3.7; edited there (a word changed, a paragraph added), it is read from there."""
    plan, draft = drafted
    before = answers_of(plan)
    doc = DraftDoc(draft)
    copy, own = _stand_copy(doc)
    doc.retype(copy[0], "nog niet door de Tweede Kamer behandeld", "intussen door de Tweede Kamer aangenomen")
    doc.enter_after(copy[-1], "Per 1 januari 2028 gaat het woonplaatsbeginsel in.")
    headings = [p for p in doc.body if doc.style(p) == "Heading1"]
    intro = headings[0].getnext()
    doc.retype(intro, intro.findall(".//{*}t")[0].text.split()[0], "Zelf geschreven")
    doc.save()
    assert main(["import", str(draft)]) == 0
    out, err = capsys.readouterr()
    assert sorted(line.split(": waarschuwing: ")[1] for line in about_draft(err, draft)) == [
        "hoofdstuk 1 'Inleiding': tekst buiten de gemarkeerde delen is gewijzigd; die tekst is niet ingelezen",
        "punt 3.7 (visie.landelijke-stand): de tekst is aangepast in hoofdstuk 2 'Context en kaders', dat hem "
        "herhaalt; van daar ingelezen"]  # chapter 2 is not reported: its only change came in
    after = answers_of(plan)
    assert changed_items(before, after) == {"visie.landelijke-stand"}
    expected = before["visie.landelijke-stand"].notes.rstrip("\n").replace(
        "nog niet door de Tweede Kamer behandeld", "intussen door de Tweede Kamer aangenomen")
    assert after["visie.landelijke-stand"].notes.rstrip("\n") == (
        expected + "\n\nPer 1 januari 2028 gaat het woonplaatsbeginsel in.")
    assert "punt 3.7 (visie.landelijke-stand)" in out


def test_a_chapter_changed_beside_its_copy_of_an_item_is_reported_with_the_item_to_edit(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    copy, own = _stand_copy(doc)
    doc.retype(copy[0], "nog niet door de Tweede Kamer behandeld", "intussen door de Tweede Kamer aangenomen")
    doc.retype(doc.paragraph("De commissie-Dannenberg"), "De commissie-Dannenberg", "De commissie Dannenberg")
    doc.save()
    before = plan.read_bytes()
    assert main(["import", str(draft)]) == 0
    out, err = capsys.readouterr()
    assert [line.split(": waarschuwing: ")[1] for line in about_draft(err, draft)] == [
        "hoofdstuk 2 'Context en kaders': tekst buiten de gemarkeerde delen is gewijzigd; die tekst is niet "
        "ingelezen. Dit hoofdstuk herhaalt de tekst van punt 3.7 (visie.landelijke-stand): een wijziging daarin "
        "komt alleen mee als u haar bij dat punt aanbrengt (of in de wizard)"]
    assert "geen wijzigingen" in out and plan.read_bytes() == before


def test_an_item_edited_at_its_place_and_in_the_chapter_copy_takes_its_own_edit(drafted, capsys):
    plan, draft = drafted
    doc = DraftDoc(draft)
    copy, own = _stand_copy(doc)
    doc.retype(copy[0], "nog niet door de Tweede Kamer behandeld", "in de chapter-kopie aangepast")
    doc.retype(own[0], "nog niet door de Tweede Kamer behandeld", "bij het punt zelf aangepast")
    doc.save()
    assert main(["import", str(draft)]) == 0
    out, err = capsys.readouterr()
    assert "bij het punt zelf aangepast" in answers_of(plan)["visie.landelijke-stand"].notes
    assert "Dit hoofdstuk herhaalt de tekst van punt 3.7" in err
