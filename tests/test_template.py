"""Templates: ``template check`` reports every problem with file and line; ``template init`` copies."""

from __future__ import annotations

import io
import os
import re
import zipfile

import docx
import pytest

from planwizard import labels
from planwizard.cli import main
from planwizard.render import build_document, check_template, load_template
from planwizard.render.template import default_dir
from planwizard.errors import PlanError
from planwizard.examples import load_library
from planwizard.answers import load_plan
from tests.test_render import write_full_plan


@pytest.fixture
def template(tmp_path):
    """A fresh copy of the default template to break."""
    folder = tmp_path / "huisstijl"
    assert main(["template", "init", str(folder)]) == 0
    return folder


def check(folder, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["template", "check", str(folder)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_default_template_is_in_order(capsys):
    code, output = check(default_dir(), capsys)
    assert code == 0
    assert output.strip() == labels.msg_template_ok(str(default_dir()))
    assert check_template(default_dir()) == []


def test_missing_style_is_reported_with_file_and_line(template, capsys):
    styles = template / "styles.yaml"
    styles.write_text(styles.read_text(encoding="utf-8").replace("placeholder: In te vullen",
                                                                 "placeholder: Gele Markering"), encoding="utf-8")
    code, output = check(template, capsys)
    assert code == 1
    line = line_of(styles, "Gele Markering")
    assert f"{styles}:{line}:16: stijl 'Gele Markering' (rol 'placeholder') bestaat niet in reference.docx" in output


def test_style_of_the_wrong_kind_unknown_and_missing_roles(template, capsys):
    styles = template / "styles.yaml"
    text = styles.read_text(encoding="utf-8")
    text = text.replace("body: Normal", "body: Planwizard tabel").replace("  hyperlink: Hyperlink", "  koppeling: x")
    styles.write_text(text, encoding="utf-8")
    code, output = check(template, capsys)
    assert code == 1
    assert "'Planwizard tabel' (rol 'body') is een tabelstijl; deze rol vraagt een alineastijl" in output
    assert "onbekende rol 'koppeling'" in output
    assert "rol 'hyperlink' ontbreekt" in output


def test_dutch_names_of_built_in_styles_are_accepted(template, capsys):
    styles = template / "styles.yaml"
    text = styles.read_text(encoding="utf-8").replace("heading1: heading 1", "heading1: Kop 1")
    styles.write_text(text.replace("bullet: List Bullet", "bullet: Lijstopsommingsteken"), encoding="utf-8")
    assert check(template, capsys)[0] == 0


def test_broken_block_is_reported_with_its_line(template, capsys):
    block = template / "blocks" / "introduction.j2"
    block.write_text("# Inleiding\n\nTekst.\n{% if municipality.name %}\nNooit gesloten\n", encoding="utf-8")
    code, output = check(template, capsys)
    assert code == 1
    assert re.search(rf"{re.escape(str(block))}:5: tekstblok is geen geldige Jinja2-tekst: Unexpected end", output)


def test_unknown_variable_is_reported_with_its_line(template, capsys):
    block = template / "blocks" / "reading_guide.j2"
    block.write_text("## Leeswijzer\n\nRegel.\n{{ gemeente.naam }}\n", encoding="utf-8")
    code, output = check(template, capsys)
    assert code == 1
    assert f"{block}:4: onbekende variabele of onbekend veld in tekstblok: 'gemeente' is undefined" in output


@pytest.mark.parametrize(
    "escape",
    [
        "{{ ''.__class__.__mro__ }}",
        "{% if false %}{{ cycler.__init__.__globals__ }}{% endif %}",
        "{{ ''|attr('__class__') }}",
        "{{ municipality['__class__'] }}",
    ],
)
def test_block_that_tries_to_escape_the_sandbox_is_refused(template, capsys, escape):
    block = template / "blocks" / "context.j2"
    block.write_text(f"# Kaders\n\n{escape}\n", encoding="utf-8")
    code, output = check(template, capsys)
    assert code == 1
    assert f"{block}:3: '__" in output and "afgeschermde omgeving" in output
    with pytest.raises(PlanError):
        load_template(template)


def test_escape_at_render_time_is_caught_too(template, capsys):
    block = template / "blocks" / "context.j2"
    # No private name in the source: the sandbox itself must stop the call at render time.
    block.write_text("# Kaders\n{{ range(10**9) | list }}\n", encoding="utf-8")
    code, output = check(template, capsys)
    assert code == 1 and f"{block}:2: tekstblok geeft een fout bij het invullen" in output


def test_every_problem_is_listed_at_once(template, capsys):
    (template / "blocks" / "context.j2").write_text("{{ ''.__class__ }}", encoding="utf-8")
    (template / "blocks" / "introduction.j2").write_text("{% endif %}", encoding="utf-8")
    (template / "blocks" / "reading_guide.j2").unlink()
    styles = template / "styles.yaml"
    styles.write_text(styles.read_text(encoding="utf-8").replace("title: Title", "title: Geen"), encoding="utf-8")
    code, output = check(template, capsys)
    assert code == 1
    assert len(output.strip().splitlines()) == 4
    assert f"{template / 'blocks' / 'reading_guide.j2'}: {labels.ERR_BLOCK_MISSING}" in output


def test_reference_that_is_not_a_word_document(template, capsys):
    (template / "reference.docx").write_bytes(b"not a zip")
    code, output = check(template, capsys)
    assert code == 1 and "reference.docx is geen bruikbaar Word-document" in output


def test_list_style_without_numbering_is_reported(template, capsys):
    reference = template / "reference.docx"
    with zipfile.ZipFile(reference) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    styles = parts["word/styles.xml"].decode()
    styles = re.sub(r'(w:styleId="ListNumber".*?)<w:numPr>.*?</w:numPr>', r"\1", styles, count=1, flags=re.S)
    parts["word/styles.xml"] = styles.encode()
    with zipfile.ZipFile(reference, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code, output = check(template, capsys)
    assert code == 1 and "stijl 'List Number' heeft geen opsomming of nummering" in output


def test_missing_folder_and_file_instead_of_folder(tmp_path, capsys):
    assert check(tmp_path / "nergens", capsys)[0] == 1
    file = tmp_path / "bestand"
    file.write_text("x")
    code, output = check(file, capsys)
    assert code == 1 and labels.ERR_TEMPLATE_NOT_DIR in output


def test_init_refuses_a_folder_that_is_not_empty(template, tmp_path, capsys):
    before = sorted(p.name for p in template.iterdir())
    assert main(["template", "init", str(template)]) == 1
    assert labels.ERR_TEMPLATE_TARGET_NOT_EMPTY in capsys.readouterr().err
    assert sorted(p.name for p in template.iterdir()) == before
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert main(["template", "init", str(empty)]) == 0
    assert (empty / "reference.docx").is_file() and (empty / "blocks" / "context.j2").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_template_resaved_by_another_program_still_works(template, tmp_path):
    """A reference document rewritten by python-docx (as Word would) keeps styles, fields and page setup."""
    reference = template / "reference.docx"
    document = docx.Document(str(reference))
    document.styles["Normal"].font.name = "Verdana"
    document.save(str(reference))
    loaded = load_plan(write_full_plan(tmp_path))
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template(template))
    result = docx.Document(io.BytesIO(data))
    assert result.styles["Normal"].font.name == "Verdana"
    assert result.sections[0].header.paragraphs[0].text.startswith("Uitvoeringsplan beschermd thuis Proefstad")


def test_loaded_template_is_cached_until_a_file_changes(template):
    first = load_template(template)
    assert load_template(template) is first
    block = template / "blocks" / "context.j2"
    block.write_text(block.read_text(encoding="utf-8") + "\nExtra zin.\n", encoding="utf-8")
    stat = block.stat()
    os.utime(block, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert load_template(template) is not first


PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005"
    "0001ff2d1cb2170000000049454e44ae426082"
)


def test_logo_in_the_header_is_kept_and_needs_alternative_text(template, tmp_path, capsys):
    logo = tmp_path / "logo.png"
    logo.write_bytes(PIXEL)
    reference = template / "reference.docx"
    document = docx.Document(str(reference))
    document.sections[0].header.paragraphs[0].add_run().add_picture(str(logo))
    document.save(str(reference))
    code, output = check(template, capsys)
    assert code == 0
    assert labels.WARN_PICTURE_ALT_TEXT in output and labels.msg_template_ok(str(template)) in output
    loaded = load_plan(write_full_plan(tmp_path))
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template(template))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert media and archive.read(media[0]) == PIXEL
    header = docx.Document(io.BytesIO(data)).sections[0].header
    assert header._element.xpath(".//pic:pic")


def test_default_reference_document_is_what_its_build_script_makes(tmp_path):
    from planwizard.render.build_reference import build

    rebuilt = build(tmp_path / "reference.docx")
    assert rebuilt.read_bytes() == (default_dir() / "reference.docx").read_bytes(), (
        "run: python -m planwizard.render.build_reference"
    )
