"""Importing a full plan's draft, against parsing the same document.xml with lxml alone.

Floor: ``lxml.etree.fromstring`` of the draft's main part (already in memory), the least
any reader of the draft has to do. Measured in the same run, taking turns:

- read:   reading the marked parts of the draft (``roundtrip.reader.read_draft``: unzip
          within limits, safe parsing of every part it needs, marks, text per chapter);
- import: everything ``planwizard import`` does before writing (``importer.prepare``:
          the draft as above, plus loading and checking the answer file, and the merge).
          The draft is unedited, so nothing would be written. The target is for this one.

Shown beside them, measured in the same turns:

- answer: loading and checking the answer file alone (``answers.load_plan``), a part of import;
- edited: importing a copy of the draft in which five items got a paragraph typed in Word:
          ``prepare``, then the answer file's new text, checked to load again before it
          would be written (``importer.updated``); the disk write itself is left out.

    python tests/bench/bench_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from planwizard.answers import load_plan, save_plan  # noqa: E402
from planwizard.checklist import current  # noqa: E402
from planwizard.examples import load_library  # noqa: E402
from planwizard.render import generate_file  # noqa: E402
from planwizard.roundtrip.importer import prepare, updated  # noqa: E402
from planwizard.roundtrip.reader import read_draft  # noqa: E402
from tests.bench.bench_generate import medians_ms  # noqa: E402
from tests.bench.plans import full_plan  # noqa: E402
from tests.draftedit import DraftDoc  # noqa: E402

TARGET = 3.0
EDITED = 5


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    load_library()
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        full = full_plan("Heerlen", "GM0917", 0)
        name = f"bench full plan ({len(full.answers)} items, {sum(len(a.actions) for a in full.answers.values())} actions)"
        plans = {name: Path(folder) / "vol.yaml", "examples/plannen/heerlen.yaml": Path(folder) / "heerlen.yaml"}
        save_plan(full, plans[name], current())
        plans["examples/plannen/heerlen.yaml"].write_bytes((ROOT / "examples" / "plannen" / "heerlen.yaml").read_bytes())
        for name, path in plans.items():
            draft = generate_file(load_plan(path), path.with_suffix(".docx"))
            with zipfile.ZipFile(draft) as archive:
                main = archive.read("word/document.xml")
            preview = prepare(draft)  # warm-up; also checks that an unedited draft changes nothing
            assert not preview.result.changes and not [w for w in preview.warnings if w.path == str(draft)]
            edited = _edited(draft, path.with_name(path.stem + "-bewerkt.docx"))
            assert len(prepare(edited).result.changes) == EDITED

            def edited_import(edited: Path = edited) -> None:
                updated(prepare(edited))

            floor, read, full, answer, edit = medians_ms(
                [lambda: etree.fromstring(main), lambda: read_draft(draft), lambda: prepare(draft),
                 lambda: load_plan(path), edited_import], args.runs)
            worst = max(worst, full / floor)
            print(f"{name}: {draft.stat().st_size // 1024} KiB draft, document.xml {len(main) // 1024} KiB")
            print(f"  floor   {floor:7.1f} ms (lxml parses document.xml)")
            print(f"  read    {read:7.1f} ms  {read / floor:5.2f}x (the draft's marked parts and chapters)")
            print(f"  import  {full:7.1f} ms  {full / floor:5.2f}x (also the answer file and the merge; "
                  f"target <= {TARGET:.0f}x)")
            print(f"  answer  {answer:7.1f} ms  {answer / floor:5.2f}x (of which: the answer file loaded and checked)")
            print(f"  edited  {edit:7.1f} ms  {edit / floor:5.2f}x (import of {EDITED} edited items, the new "
                  f"answer file made and checked; not written)")
    return 0 if worst <= TARGET else 1


def _edited(draft: Path, copy: Path) -> Path:
    """A copy of ``draft`` in which the first items got a paragraph typed after their text."""
    copy.write_bytes(draft.read_bytes())
    doc = DraftDoc(copy)
    for index in range(1, EDITED + 1):
        doc.enter_after(doc.item(index)["text"][-1], f"Een alinea die in Word is toegevoegd bij punt {index}.")
    return doc.save()


if __name__ == "__main__":
    sys.exit(main())
