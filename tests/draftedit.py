"""Editing a generated draft at the XML level the way Word does, for the round-trip tests.

Word splits runs where a user types (each piece with its revision id), copies the
paragraph's properties when Enter makes a new paragraph, puts the chosen label into a
drop-down content control, and leaves its own marks behind on saving (revision ids,
paragraph ids, proofing marks, the hidden ``_GoBack`` bookmark). These helpers do the
same, without using planwizard's reader, so the tests check it independently.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


class DraftDoc:
    """A draft opened for editing its main part."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with zipfile.ZipFile(self.path) as archive:
            self.parts = {info.filename: archive.read(info) for info in archive.infolist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.root.find(w("body"))
        self._rsid = 0x00A1B2C0

    def save(self, path: Path | None = None) -> Path:
        target = Path(path or self.path)
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8",
                                                         standalone=True)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        target.write_bytes(buffer.getvalue())
        return target

    # ------------------------------------------------------------ finding things

    @staticmethod
    def style(p: etree._Element) -> str:
        found = p.find(f"{w('pPr')}/{w('pStyle')}")
        return found.get(w("val"), "") if found is not None else ""

    @staticmethod
    def text(p: etree._Element) -> str:
        return "".join(t.text or "" for t in p.iter(w("t")))

    def with_bookmark(self, name: str) -> etree._Element:
        for bookmark in self.body.iter(w("bookmarkStart")):
            if bookmark.get(w("name")) == name:
                node = bookmark
                while node.getparent() is not self.body:
                    node = node.getparent()
                return node
        raise LookupError(name)

    def item(self, index: int) -> dict[str, list[etree._Element]]:
        """The paragraphs of the ``index``-th item: heading, status line, text, actions, examples."""
        heading = self.with_bookmark(f"_PwP_{index}")
        found: dict[str, list[etree._Element]] = {"heading": [heading], "status": [], "text": [], "actions": [],
                                                  "other": []}
        part = "status"
        for p in heading.itersiblings():
            style = self.style(p)
            if style in ("Heading1", "Heading2"):
                break
            if part == "status" and style == "Kenmerken":
                found["status"].append(p)
                part = "text"
            elif style == "Heading3" and self.text(p) == "Acties":
                part = "actions"
            elif style.startswith("Voorbeeld"):
                part = "other"
                found["other"].append(p)
            elif style == "Vervallenpunt":
                found["other"].append(p)
            else:
                found[part].append(p)
        return found

    def paragraph(self, containing: str) -> etree._Element:
        return next(p for p in self.body.iter(w("p")) if containing in self.text(p))

    # ------------------------------------------------------------ edits as Word makes them

    def rsid(self) -> str:
        self._rsid += 1
        return f"{self._rsid:08X}"

    def retype(self, p: etree._Element, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` inside ``p``: the run is split, the typed piece gets its own run."""
        for t in p.iter(w("t")):
            text = t.text or ""
            if old not in text:
                continue
            run = t.getparent()
            before, after = text.split(old, 1)
            pieces = [(before, None), (new, self.rsid()), (after, None)]
            for piece, rsid in reversed(pieces):
                if not piece:
                    continue
                clone = copy.deepcopy(run)
                clone.find(w("t")).text = piece
                clone.find(w("t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                if rsid:
                    clone.set(w("rsidR"), rsid)
                run.addnext(clone)
            run.getparent().remove(run)
            return
        raise LookupError(old)

    def enter_after(self, p: etree._Element, text: str) -> etree._Element:
        """Enter at the end of ``p``, then type ``text``: a new paragraph with the same properties."""
        new = etree.Element(w("p"))
        ppr = p.find(w("pPr"))
        if ppr is not None:
            new.append(copy.deepcopy(ppr))
        rsid = self.rsid()
        new.set(w("rsidR"), rsid)
        new.set(w("rsidRDefault"), rsid)
        run = etree.SubElement(new, w("r"))
        etree.SubElement(run, w("t")).text = text
        p.addnext(new)
        return new

    def delete(self, p: etree._Element) -> None:
        p.getparent().remove(p)

    def choose_status(self, status_line: etree._Element, label: str, value: str) -> None:
        """Pick ``label`` in the status drop-down, as Word does: the control's text becomes the label."""
        sdt = status_line.find(f".//{w('sdt')}")
        choices = sdt.find(f"{w('sdtPr')}/{w('dropDownList')}")
        choices.set(w("lastValue"), value)
        texts = list(sdt.find(w("sdtContent")).iter(w("t")))
        texts[0].text = label
        for extra in texts[1:]:
            extra.text = ""

    def type_status(self, status_line: etree._Element, label: str) -> None:
        """Type over the status: the content control is gone, the label is plain text."""
        sdt = status_line.find(f".//{w('sdt')}")
        run = etree.Element(w("r"))
        etree.SubElement(run, w("t")).text = label
        sdt.addprevious(run)
        sdt.getparent().remove(sdt)

    def track_insert(self, p: etree._Element, text: str) -> None:
        """Typed with "Track changes" on: the run sits in ``w:ins``, not yet accepted."""
        ins = etree.SubElement(p, w("ins"), {w("id"): "901", w("author"): "Wethouder", w("date"): "2026-12-01T10:00:00Z"})
        run = etree.SubElement(ins, w("r"))
        etree.SubElement(run, w("t")).text = text

    def word_noise(self) -> None:
        """What Word adds on saving anyway: revision and paragraph ids, proofing marks, ``_GoBack``."""
        nsmap = dict(self.root.nsmap)
        nsmap.update({"w14": W14_NS, "mc": MC_NS})
        root = etree.Element(self.root.tag, nsmap=nsmap)
        root.set(f"{{{MC_NS}}}Ignorable", "w14")
        root.extend(list(self.root))
        self.root = root
        self.body = root.find(w("body"))
        for number, p in enumerate(self.body.iter(w("p"))):
            p.set(f"{{{W14_NS}}}paraId", f"{0x10000000 + number:08X}")
            p.set(f"{{{W14_NS}}}textId", "77777777")
            p.set(w("rsidR"), "00C4A1F2")
            p.set(w("rsidRDefault"), "00C4A1F2")
            runs = p.findall(w("r"))
            if runs and number % 7 == 0:
                runs[0].addprevious(etree.Element(w("proofErr"), {w("type"): "spellStart"}))
                runs[-1].addnext(etree.Element(w("proofErr"), {w("type"): "spellEnd"}))
        first = self.body.find(w("p"))
        first.append(etree.Element(w("bookmarkStart"), {w("id"): "0", w("name"): "_GoBack"}))
        first.append(etree.Element(w("bookmarkEnd"), {w("id"): "0"}))
