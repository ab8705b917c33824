"""Drafts of many kinds of plan, built with a fixed time: the oracle for changing the builder.

Every case is a document planwizard makes (plans of the sample files and the benchmark,
hostile text, own examples, an older checklist version migrated in memory, an annex of
changes, the regional overview, other templates), built the same way every time. Record
what one version of the code makes, change the code, and compare part by part:

    PYTHONPATH=/tmp/base python tests/draft_oracle.py record /tmp/drafts   # the code in /tmp/base
    python tests/draft_oracle.py compare /tmp/drafts                       # this checkout

``compare`` names every part that differs, with the first differing bytes. The test
``tests/test_draft_oracle.py`` builds the same cases and checks what must hold for all of
them, whatever the code looks like inside.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":  # the planwizard on PYTHONPATH, else the installed one, else this checkout
    sys.path[:] = [p for p in sys.path if p != str(ROOT / "tests")] + [str(ROOT)]

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.timezone.utc)
SOURCE = "/plannen/plan.yaml"

HOSTILE_TEXT = (
    "Tekens die XML bijzonder vindt: <b>vet</b> & \"dubbel\" 'enkel' ]]> {{ jinja }} {% if %}\n"
    "  \tinspringing met tab\t en  dubbele  spaties  \n"
    "control: voor\x00na\x1b\ud800 en\x0bverder\x0cdaarna\x7f del\n\n"
    "- opsomming <met> & tekens\n"
    "  - dieper\tmet tab\n"
    "    - nog dieper\n"
    "      - te diep\n"
    "3. begint bij drie\n"
    "4. vier\n\n"
    "# geen kop\n"
    "! geen placeholder\n"
    "\\ backslash vooraan\n\n"
    "Unicode: café naïef Ĳsselmeer ﬁ ‘aanhalingen’ — € ½ 😀 עברית ＡＢＣ e\u0301 \u200b\u00ad\u2028\u2029 \ufeff\ufffd\n\n"
    " spatie vooraan en achteraan \n\n"
    + "lang " * 400
)


class Built(NamedTuple):
    data: bytes
    loaded: Any = None
    """The plan the draft was made from (None for the regional overview)."""


def _load(path: Path, **kwargs):
    from planwizard.answers import load_plan

    return load_plan(path, **kwargs)


def _build(loaded, *, template=None, compare=None) -> Built:
    from planwizard.examples import load_library
    from planwizard.render import build_document, load_template

    return Built(build_document(loaded.plan, loaded.checklist, load_library(), template or load_template(),
                                now=NOW, source=SOURCE, compare=compare), loaded)


def _proefstad(folder: Path):
    from tests.test_render import write_full_plan

    return _load(write_full_plan(folder))


def _hostile(folder: Path):
    """The Proefstad plan with text XML, Word and the parser find hard, in every field that is shown."""
    from planwizard.model import Action, Answer, Example

    loaded = _proefstad(folder)
    plan = loaded.plan
    plan.municipality.name = "Proef\"stad' <&>\nnieuwe regel\x01"
    plan.municipality.region = "Regio\x02 \"Zuid\" & <Noord>"
    plan.municipality.central_municipality = "Centrum\tgemeente"
    plan.info.title = "Plan <titel> & \"aanhalingen\"\x0b"
    plan.info.author = " A. <Auteur> & zn "
    plan.info.organisation = "Gemeente 'Proef' & co\r\n"
    plan.info.version = "concept\t0.3 <test>"
    plan.info.period = "2025–2028\x00"
    items = list(loaded.checklist.items)
    for number, item_id in enumerate(items[:12]):
        plan.answers[item_id] = Answer(
            ("done", "partial", "todo")[number % 3], HOSTILE_TEXT[number * 7:],
            [Action(f"actie\t<{number}> & \"x\"", "eigenaar  'y'", dt.date(2025, 1 + number, 3)),
             Action("  zonder datum  ", "", None)],
            ["eigen-raar"] if number % 2 else [],
        )
    plan.own_examples.append(Example(
        "eigen-raar", "Eigen <voorbeeld> & \"raar\"\x03", "Waar\t'hier'", ("visie",),
        "Samenvatting\x0b- met lijst\n- twee", "Bron & <bron>",
        url="https://example.org/pad met spaties?q=<1>&r=\"2\"", year="2026", own=True,
    ))
    return loaded


def _empty():
    from planwizard.answers import Loaded, new_plan
    from planwizard.checklist import current

    checklist = current()
    plan = new_plan("Vaals", code="GM0981", checklist=checklist, today=dt.date(2026, 11, 22))
    return Loaded("", plan, checklist)


def _bench():
    from planwizard.answers import Loaded
    from planwizard.checklist import current
    from tests.bench.plans import full_plan

    return Loaded("", full_plan("Heerlen", "GM0917", 0), current())


def _resaved_template(folder: Path) -> Path:
    """The default template with its reference document saved again by python-docx, as another program would."""
    import docx

    from planwizard.render.template import default_dir

    target = folder / "resaved"
    if target.exists():
        return target
    shutil.copytree(default_dir(), target)
    document = docx.Document(str(target / "reference.docx"))
    document.styles["Normal"].font.name = "Verdana"
    document.save(str(target / "reference.docx"))
    return target


def _unnumbered_template(folder: Path) -> Path:
    """The default template with headings that carry no numbering (its chapters are not numbered)."""
    import re

    from planwizard.render.template import default_dir

    target = folder / "unnumbered"
    if target.exists():
        return target
    shutil.copytree(default_dir(), target)
    reference = target / "reference.docx"
    with zipfile.ZipFile(reference) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(reference, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename == "word/styles.xml":
                data = re.sub(rb'(<w:style [^>]*w:styleId="Heading[12]">.*?)<w:numPr>.*?</w:numPr>', rb"\1", data)
            archive.writestr(info, data)
    return target


def _region(sources: list[Path], regio: str | None = None) -> Built:
    from planwizard import region
    from planwizard.render.region_doc import build_overview

    return Built(build_overview(region.build(sources, regio), now=NOW))


def cases(folder: Path) -> Iterator[tuple[str, Callable[[], Built]]]:
    """(name, build) of every case; ``folder`` is an empty scratch folder the cases may use."""
    from planwizard.render import load_template

    samples = ROOT / "examples" / "plannen"
    old = ROOT / "tests" / "data" / "plannen-2026.1"
    for name in ("heerlen", "simpelveld", "vaals"):
        yield f"sample-{name}", lambda name=name: _build(_load(samples / f"{name}.yaml"))
    yield "bench-full", lambda: _build(_bench())
    yield "empty", lambda: _build(_empty())
    yield "proefstad-own-examples", lambda: _build(_proefstad(folder))
    yield "hostile", lambda: _build(_hostile(folder))
    yield "migrated-2026.1", lambda: _build(_load(old / "heerlen.yaml"))
    yield "migrated-own-checklist", lambda: _build(_load(ROOT / "tests" / "data" / "migratie" / "plan-1.0.yaml",
                                                         folder=ROOT / "tests" / "data" / "migratie" / "checklists"))
    yield "compare-older-version", lambda: _build(_load(samples / "heerlen.yaml"),
                                                  compare=_load(old / "heerlen.yaml").plan)

    def compare_hostile() -> Built:
        earlier = _proefstad(folder)
        later = _hostile(folder)
        later.plan.retired.clear()
        return _build(later, compare=copy.deepcopy(earlier.plan))

    yield "compare-hostile", compare_hostile
    yield "region-samples", lambda: _region(sorted(samples.glob("*.yaml")) + sorted(old.glob("*.yaml")))
    yield "region-select", lambda: _region(sorted(samples.glob("*.yaml")), "Parkstad")
    yield "template-resaved", lambda: _build(_proefstad(folder), template=load_template(_resaved_template(folder)))
    yield "template-unnumbered", lambda: _build(_hostile(folder), template=load_template(_unnumbered_template(folder)))


def build_all() -> dict[str, bytes]:
    """Every case's .docx bytes, by case name."""
    with tempfile.TemporaryDirectory() as scratch:
        return {name: build().data for name, build in cases(Path(scratch))}


def parts_of(data: bytes) -> list[tuple[str, tuple, bytes]]:
    """(name, zip entry details, bytes) of every part, in package order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, (info.date_time, info.compress_type, info.external_attr, info.create_system),
                 archive.read(info)) for info in archive.infolist()]


def record(folder: Path) -> None:
    import planwizard

    print(f"recording what {Path(planwizard.__file__).parent} makes")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in build_all().items():
        (folder / f"{name}.docx").write_bytes(data)
        print(f"{name}: {len(data)} bytes")


def _first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (f"at byte {at} of {len(a)}/{len(b)}:\n    was {a[max(0, at - 80):at + 120]!r}\n"
            f"    now {b[max(0, at - 80):at + 120]!r}")


def compare(folder: Path) -> int:
    differences = 0
    for name, data in build_all().items():
        path = folder / f"{name}.docx"
        if not path.exists():
            print(f"{name}: no recorded draft")
            differences += 1
            continue
        recorded = path.read_bytes()
        if recorded == data:
            print(f"{name}: identical ({len(data)} bytes)")
            continue
        differences += 1
        old, new = parts_of(recorded), parts_of(data)
        if [p[:2] for p in old] != [p[:2] for p in new]:
            print(f"{name}: parts differ: {[p[:2] for p in old]} / {[p[:2] for p in new]}")
        old_parts = {p[0]: p[2] for p in old}
        for part, _, content in new:
            if old_parts.get(part) != content:
                print(f"{name}: {part} differs {_first_difference(old_parts.get(part, b''), content)}")
    return 1 if differences else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("record", "compare"):
        print(__doc__)
        return 2
    if argv[0] == "record":
        record(Path(argv[1]))
        return 0
    return compare(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
