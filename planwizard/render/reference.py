"""Reading a template's ``reference.docx``: its parts, styles, numbering and page setup.

Everything is read once per template and kept as bytes or parsed trees; the builder
copies from here for every document. A reference document edited in Word keeps
working: parts are found through the package relationships, styles by their name,
and whatever the builder does not replace (theme, fonts, logo, headers) is copied as is.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from planwizard import labels
from planwizard.errors import Problem
from planwizard.render import ooxml
from planwizard.render.ooxml import w

MAX_PARTS = 2000
MAX_UNPACKED = 64 * 1024 * 1024
"""A reference document may unpack to at most this many bytes (logos included)."""

REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Dutch names Word shows for built-in styles, to the names it stores in the file.
DUTCH_BUILTIN = {
    "standaard": "normal", "titel": "title", "ondertitel": "subtitle", "kop 1": "heading 1", "kop 2": "heading 2",
    "kop 3": "heading 3", "lijstopsommingsteken": "list bullet", "lijstnummering": "list number",
    "inhopg 1": "toc 1", "inhopg 2": "toc 2", "kop van inhoudsopgave": "toc heading", "koptekst": "header",
    "voettekst": "footer", "tabelraster": "table grid", "lijstalinea": "list paragraph",
}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def parse_xml(data: bytes) -> etree._Element:
    """Parse a part without entities or network access (templates come from anywhere)."""
    return etree.fromstring(data, _PARSER)


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def section_markup(section: etree._Element | None) -> str:
    """The page setup ``section`` as it is written at the end of a document's body (``<w:sectPr/>`` if none)."""
    import copy

    body = etree.Element(w("body"))
    body.append(copy.deepcopy(section) if section is not None else etree.Element(w("sectPr")))
    document = etree.Element(w("document"), nsmap=ooxml.NSMAP)
    document.append(body)  # as the document's body would be: namespaces declared once, at the top
    xml = etree.tostring(document, encoding="unicode")
    return xml[xml.index("<w:body>") + len("<w:body>"):xml.rindex("</w:body>")]


@dataclass
class Style:
    style_id: str
    kind: str
    element: etree._Element


@dataclass
class Reference:
    """The parts of a reference document and what the builder needs to know about them."""

    parts: dict[str, bytes]
    main: str  # name of the main document part, normally word/document.xml
    rels_name: str
    targets: dict[str, str] = field(default_factory=dict)  # relationship type suffix -> part name
    styles: dict[str, Style] = field(default_factory=dict)  # lower-case name -> style
    styles_by_id: dict[str, Style] = field(default_factory=dict)
    section: etree._Element | None = None
    text_width: int = 9070
    numbering: etree._Element | None = None
    page_parts: list[str] = field(default_factory=list)  # headers and footers
    default_run: etree._Element | None = None  # w:rPr of the document defaults

    def font_of(self, style: Style) -> tuple[str, int]:
        """Font family and size (half points) of text in ``style``: its own, a base style's, or the default."""
        family, size = "", 0
        for props in [link.element.find(w("rPr")) for link in self.chain(style)] + [self.default_run]:
            if props is None:
                continue
            fonts, sz = props.find(w("rFonts")), props.find(w("sz"))
            if not family and fonts is not None:
                family = fonts.get(w("ascii"), "") or fonts.get(w("hAnsi"), "")
            if not size and sz is not None and sz.get(w("val"), "").isdigit():
                size = int(sz.get(w("val"), "0"))
        return family, size if 2 <= size <= 400 else 20

    def cell_margins(self, style: Style) -> int:
        """Left plus right cell margin (twips) of a table style, as Word lays it out."""
        found: dict[str, int] = {}
        for link in self.chain(style):
            margins = link.element.find(f"{w('tblPr')}/{w('tblCellMar')}")
            for side, names in (("left", ("left", "start")), ("right", ("right", "end"))):
                for name in names:
                    edge = margins.find(w(name)) if margins is not None else None
                    if side not in found and edge is not None and edge.get(w("w"), "").isdigit():
                        found[side] = int(edge.get(w("w"), "0"))
        return min(found.get("left", 108), 2000) + min(found.get("right", 108), 2000)

    def find_style(self, name: str) -> Style | None:
        key = name.strip().lower()
        return self.styles.get(key) or self.styles.get(DUTCH_BUILTIN.get(key, "\0"))

    def chain(self, style: Style):
        """``style`` and the styles it is based on, nearest first (cycles stop)."""
        seen = set()
        current: Style | None = style
        while current is not None and current.style_id not in seen:
            seen.add(current.style_id)
            yield current
            based = current.element.find(w("basedOn"))
            current = self.styles_by_id.get(based.get(w("val"), "")) if based is not None else None

    def num_id(self, style: Style) -> str | None:
        """The numbering instance a paragraph style carries (through its base styles), if any."""
        for link in self.chain(style):
            num = link.element.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
            if num is not None:
                value = num.get(w("val"), "0")
                return None if value == "0" else value
        return None

    def abstract_of(self, num_id: str) -> str | None:
        if self.numbering is None:
            return None
        for num in self.numbering.iterfind(w("num")):
            if num.get(w("numId")) == num_id:
                ref = num.find(w("abstractNumId"))
                return ref.get(w("val")) if ref is not None else None
        return None

    def header_fill(self, style: Style) -> str:
        """The header-row shading of a table style, so header rows look the same in every reader."""
        for link in self.chain(style):
            for conditional in link.element.iterfind(w("tblStylePr")):
                if conditional.get(w("type")) == "firstRow":
                    shd = conditional.find(f"{w('tcPr')}/{w('shd')}")
                    if shd is not None and shd.get(w("fill"), "auto") != "auto":
                        return shd.get(w("fill"), "")
        return ""


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def read(path: Path, problems: list[Problem]) -> Reference | None:
    """The reference document at ``path``; problems go to ``problems`` (None when unusable)."""
    name = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED:
                problems.append(Problem(name, labels.ERR_REFERENCE_TOO_BIG))
                return None
            parts = {info.filename: archive.read(info) for info in infos if not info.is_dir()}
    except FileNotFoundError:
        problems.append(Problem(name, labels.ERR_MISSING))
        return None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        problems.append(Problem(name, labels.err_reference_not_docx(str(exc))))
        return None
    except OSError as exc:
        problems.append(Problem(name, labels.os_error(exc)))
        return None
    try:
        return _inspect(parts, name, problems)
    except etree.XMLSyntaxError as exc:
        problems.append(Problem(name, labels.err_reference_not_docx(str(exc))))
        return None


def _inspect(parts: dict[str, bytes], name: str, problems: list[Problem]) -> Reference | None:
    main = "word/document.xml"
    if "_rels/.rels" in parts:
        for rel in parse_xml(parts["_rels/.rels"]):
            if rel.get("Type") == ooxml.REL_OFFICE_DOCUMENT:
                main = _resolve("", rel.get("Target", main))
    if main not in parts or "[Content_Types].xml" not in parts:
        problems.append(Problem(name, labels.err_reference_not_docx(labels.ERR_NO_MAIN_PART)))
        return None
    ref = Reference(parts, main, rels_of(main))
    base_dir = posixpath.dirname(main)
    if ref.rels_name in parts:
        for rel in parse_xml(parts[ref.rels_name]):
            kind = rel.get("Type", "")
            if not kind.startswith(REL_TYPES) or rel.get("TargetMode") == "External":
                continue
            target = _resolve(base_dir, rel.get("Target", ""))
            short = kind[len(REL_TYPES):]
            if short in ("header", "footer"):
                ref.page_parts.append(target)
            else:
                ref.targets.setdefault(short, target)
    missing = [short for short in ("styles", "settings") if ref.targets.get(short) not in parts]
    for short in missing:
        problems.append(Problem(name, labels.err_reference_part_missing(short)))
    if missing:
        return None
    styles = parse_xml(parts[ref.targets["styles"]])
    ref.default_run = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    for element in styles.iterfind(w("style")):
        name_el = element.find(w("name"))
        style = Style(element.get(w("styleId"), ""), element.get(w("type"), "paragraph"), element)
        ref.styles_by_id[style.style_id] = style
        if name_el is not None:
            ref.styles.setdefault(name_el.get(w("val"), "").strip().lower(), style)
    if ref.targets.get("numbering") in parts:
        ref.numbering = parse_xml(parts[ref.targets["numbering"]])
    body = parse_xml(parts[main]).find(w("body"))
    if body is not None:
        sections = body.findall(w("sectPr"))
        ref.section = sections[-1] if sections else None
    ref.text_width = _text_width(ref.section)
    return ref


def _text_width(section: etree._Element | None) -> int:
    def twips(element: etree._Element | None, attr: str, default: int) -> int:
        try:
            return int(element.get(w(attr), default)) if element is not None else default
        except ValueError:
            return default

    if section is None:
        return 9070
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    width = twips(size, "w", 11906) - twips(margins, "left", 1418) - twips(margins, "right", 1418)
    width -= twips(margins, "gutter", 0)
    return width if 2000 <= width <= 30000 else 9070


def dutch_styles(data: bytes) -> bytes:
    """The styles part with Dutch (nl-NL) as the document language in its defaults."""
    root = parse_xml(data)
    defaults = root.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        root.insert(0, defaults)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(w("rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, w("rPr"))
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = etree.Element(w("lang"))
        ooxml.insert_in_order(rpr, lang, ooxml.RPR_ORDER)
    lang.set(w("val"), "nl-NL")
    return serialize(root)


def update_fields_on_open(data: bytes) -> bytes:
    """The settings part with ``updateFields`` on, so Word fills the table of contents when opened."""
    root = parse_xml(data)
    setting = root.find(w("updateFields"))
    if setting is None:
        setting = etree.Element(w("updateFields"))
        for index, existing in enumerate(root):
            if isinstance(existing.tag, str) and etree.QName(existing).localname in ooxml.SETTINGS_AFTER_UPDATE_FIELDS:
                root.insert(index, setting)
                break
        else:
            root.append(setting)
    setting.set(w("val"), "true")
    return serialize(root)


def has_fields(data: bytes) -> bool:
    """Whether a header or footer part holds a field the builder fills (title, properties)."""
    return b"instrText" in data or b"fldSimple" in data


def pictures_without_alt_text(ref: Reference) -> list[str]:
    """Header and footer parts with a picture that has no description (alternative text)."""
    found = []
    for part in ref.page_parts:
        data = ref.parts.get(part, b"")
        if b"docPr" not in data:
            continue
        for element in parse_xml(data).iter("{*}docPr"):
            if not (element.get("descr") or element.get("title")):
                found.append(part)
                break
    return found


__all__ = ["Reference", "Style", "read", "parse_xml", "serialize"]
