"""The .docx package: the template's parts that stay, the ones made per plan, and the zip.

Parts that are the same for every plan (styles, settings, theme, fonts, pictures) are
prepared once per template as bytes; per plan only the document, its relationships,
the numbering, the document properties and headers/footers with fields are new.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from lxml import etree

from planwizard.render import ooxml
from planwizard.render.markup import attr
from planwizard.render.ooxml import CT_NS, PKG_REL_NS
from planwizard.render.reference import Reference, parse_xml, serialize

CP_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 6


@dataclass
class Shell:
    """What a template contributes to every package."""

    static: dict[str, bytes]  # parts copied unchanged, in package order
    core_name: str
    custom_name: str
    custom_base: bytes  # the template's own custom properties (or an empty set)
    rels_base: bytes  # relationships of the main document part
    numbering_name: str
    rels_split: tuple[bytes, bytes] = (b"", b"")
    """``rels_base`` as lxml writes it, cut where the links' relationships go (empty when it cannot be cut)."""


def _package_rel_target(root: etree._Element, kind: str) -> str:
    for rel in root:
        if rel.get("Type") == kind:
            return rel.get("Target", "").lstrip("/")
    return ""


def prepare(ref: Reference, styles_part: bytes, settings_part: bytes, changing: set[str]) -> Shell:
    """The template's fixed parts, with core and custom properties registered in the package."""
    rels = parse_xml(ref.parts["_rels/.rels"]) if "_rels/.rels" in ref.parts else etree.Element(
        f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    core_name = _package_rel_target(rels, ooxml.REL_CORE)
    custom_name = _package_rel_target(rels, ooxml.REL_CUSTOM)
    taken = {rel.get("Id") for rel in rels}
    for kind, default in ((ooxml.REL_CORE, "docProps/core.xml"), (ooxml.REL_CUSTOM, "docProps/custom.xml")):
        if not _package_rel_target(rels, kind):
            ident = next(f"rIdPw{n}" for n in range(1, 100) if f"rIdPw{n}" not in taken)
            taken.add(ident)
            etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship", Id=ident, Type=kind, Target=default)
    core_name = core_name or "docProps/core.xml"
    custom_name = custom_name or "docProps/custom.xml"
    types = parse_xml(ref.parts["[Content_Types].xml"])
    overrides = {o.get("PartName", "").lstrip("/") for o in types if etree.QName(o).localname == "Override"}
    for name, content_type in ((core_name, ooxml.CT_CORE), (custom_name, ooxml.CT_CUSTOM)):
        if name not in overrides:
            etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/{name}", ContentType=content_type)
    numbering_name = ref.targets.get("numbering", "")
    replaced = {ref.main, ref.rels_name, core_name, custom_name, numbering_name, *changing}
    static = {"[Content_Types].xml": serialize(types), "_rels/.rels": serialize(rels)}
    for name, data in ref.parts.items():
        if name in static or name in replaced:
            continue
        if name == ref.targets.get("styles"):
            data = styles_part
        elif name == ref.targets.get("settings"):
            data = settings_part
        static[name] = data
    empty_custom = f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}"/>'.encode()
    rels_base = ref.parts.get(ref.rels_name, f'<Relationships xmlns="{PKG_REL_NS}"/>'.encode())
    return Shell(static, core_name, custom_name, ref.parts.get(custom_name, empty_custom), rels_base, numbering_name,
                 _rels_split(serialize(parse_xml(rels_base))))


def _rels_split(data: bytes) -> tuple[bytes, bytes]:
    """Relationships as lxml writes them, cut before the end of the root (if it is a plain one)."""
    at = data.rfind(b"</Relationships>")
    if at > 0 and f'<Relationships xmlns="{PKG_REL_NS}">'.encode() in data[:at]:
        return data[:at], data[at:]
    return b"", b""


def core_xml(props: dict[str, str], now: dt.datetime) -> bytes:
    """Document properties: title, subject, author, keywords, description, dates."""
    nsmap = {"cp": CP_NS, "dc": DC_NS, "dcterms": DCTERMS_NS, "xsi": XSI_NS}
    root = etree.Element(f"{{{CP_NS}}}coreProperties", nsmap=nsmap)
    for ns, tag, key in ((DC_NS, "title", "title"), (DC_NS, "subject", "subject"), (DC_NS, "creator", "author"),
                         (CP_NS, "keywords", "keywords"), (DC_NS, "description", "description"),
                         (CP_NS, "lastModifiedBy", "last_modified_by"), (DC_NS, "language", "language"),
                         (CP_NS, "category", "category"), (CP_NS, "contentStatus", "status")):
        if props.get(key):
            etree.SubElement(root, f"{{{ns}}}{tag}").text = ooxml.one_line(props[key]).strip()
    stamp = now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag in ("created", "modified"):
        element = etree.SubElement(root, f"{{{DCTERMS_NS}}}{tag}")
        element.set(f"{{{XSI_NS}}}type", "dcterms:W3CDTF")
        element.text = stamp
    return serialize(root)


def custom_xml(base: bytes, values: dict[str, str]) -> bytes:
    """The template's custom properties with ours (Gemeente, Versie, ...) set as text."""
    root = parse_xml(base)
    for prop in list(root):
        if prop.get("name") in values:
            root.remove(prop)
    pids = [int(p.get("pid", "1")) for p in root if p.get("pid", "").isdigit()]
    pid = max([1, *pids]) + 1
    for name, value in values.items():
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = ooxml.one_line(value).strip()
        pid += 1
    return serialize(root)


def safe_url(url: str) -> str:
    """``url`` fit for a hyperlink (http, https or mailto; spaces and accents encoded), else ''."""
    url = ooxml.one_line(url).strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    if scheme not in ("http", "https", "mailto") or len(url) > 2000:
        return ""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def document_rels(shell: Shell, hyperlinks: dict[str, str]) -> bytes:
    """The main part's relationships plus one external relationship per hyperlink target."""
    if not hyperlinks:
        return shell.rels_base
    head, tail = shell.rels_split
    if head:
        links = "".join(f'<Relationship Id="{attr(ident)}" Type="{ooxml.REL_HYPERLINK}" Target="{attr(url)}" '
                        'TargetMode="External"/>' for url, ident in hyperlinks.items())
        return head + links.encode() + tail
    root = parse_xml(shell.rels_base)
    for url, ident in hyperlinks.items():
        etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=ident, Type=ooxml.REL_HYPERLINK, Target=url,
                         TargetMode="External")
    return serialize(root)


def write_zip(parts: dict[str, bytes]) -> bytes:
    """The parts as a .docx (deflated, [Content_Types].xml first, fixed timestamps)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()
