"""Opening a .docx that comes from outside: a zip and XML that may be broken or hostile.

Limits are checked twice: against what the zip's headers claim before anything is
decompressed, and while decompressing (a header may lie). XML is parsed without
DTDs, entities or network access; a part that declares a DTD is refused outright,
since Word never writes one. Every problem is a PlanError with one Dutch line.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.fileio import check_input

MB = 1024 * 1024
MAX_FILE = 50 * MB
"""A draft with pictures is a few MB; nothing planwizard reads comes near this."""
MAX_PART = 32 * MB
"""Largest decompressed part read (the main document of a full plan is about 1 MB)."""
MAX_READ = 64 * MB
"""All parts read together, decompressed."""
MAX_ENTRIES = 10_000
CHUNK = 256 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
_PROLOG = 64 * 1024
_DTD_MARKS = tuple(mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le",
                                                                                       "utf-16-be"))
_LOCATION = re.compile(r",? line \d+, column \d+$")
_EOCD = b"PK\x05\x06"
REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


_INTERNAL = etree.XPath("r:Relationship[not(@TargetMode='External')]", namespaces={"r": PKG_REL_NS})


def _parser() -> etree.XMLParser:
    # A new parser per document: parsers are not safe to share between threads.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, collect_ids=False)


class Package:
    """An opened .docx: its part names, and parts read within the limits."""

    def __init__(self, path: str, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.names = {info.filename: info for info in archive.infolist()}
        self.read_so_far = 0
        self._rels: dict[str, dict[str, list[str]]] = {}

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fail(self, message: str) -> PlanError:
        return PlanError.at(self.path, message)

    def read(self, name: str) -> bytes:
        """The decompressed bytes of part ``name``, never more than the limits allow."""
        info = self.names.get(name)
        if info is None:
            raise self.fail(labels.err_docx_part_missing(name))
        if info.flag_bits & 0x1:
            raise self.fail(labels.ERR_DOCX_ENCRYPTED)
        if info.file_size > MAX_PART or self.read_so_far + info.file_size > MAX_READ:
            raise self.fail(labels.err_docx_part_too_big(name, MAX_PART // MB))
        chunks, size = [], 0
        try:
            with self.archive.open(info) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > MAX_PART or self.read_so_far + size > MAX_READ:  # the header lied
                        raise self.fail(labels.err_docx_part_too_big(name, MAX_PART // MB))
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise self.fail(labels.err_docx_broken(name, str(exc))) from exc
        except (NotImplementedError, RuntimeError) as exc:  # an unknown compression, a password
            raise self.fail(labels.err_docx_unsupported(name, str(exc))) from exc
        self.read_so_far += size
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed safely: no DTD, no entities, no network, libxml2's size limits."""
        data = self.read(name)
        prolog = data[:_PROLOG]
        if any(mark in prolog for mark in _DTD_MARKS):
            raise self.fail(labels.err_docx_dtd(name))  # refused before libxml2 reads any of it
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            line, column = exc.position if exc.position else (0, 0)
            detail = _LOCATION.sub("", exc.msg or str(exc))
            raise self.fail(labels.err_docx_xml(name, line, column, detail)) from exc
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None:
            raise self.fail(labels.err_docx_dtd(name))
        return root

    def rels(self, part: str) -> dict[str, list[str]]:
        """Relationship type -> targets (part names) of ``part``; empty when it has none."""
        if part in self._rels:
            return self._rels[part]
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            self._rels[part] = {}
            return {}
        found: dict[str, list[str]] = {}
        for rel in _INTERNAL(self.xml(rels_name)):  # hyperlinks, the many external ones, not even looked at
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.setdefault(rel.get("Type", ""), []).append(name)
        self._rels[part] = found
        return found

    def main_part(self) -> str:
        """The name of the main document part."""
        targets = self.rels("").get(REL_OFFICE_DOCUMENT, [])
        main = targets[0] if targets else "word/document.xml"
        if main not in self.names:
            raise self.fail(labels.ERR_DOCX_NO_DOCUMENT)
        return main


def open_docx(path: str | Path) -> Package:
    """Open ``path`` as a .docx, checking the file and the zip's directory first."""
    name = str(path)
    size = check_input(path, MAX_FILE)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - the zip keeps it open; closed with the package
    except OSError as exc:
        raise PlanError.at(name, labels.os_error(exc)) from exc
    try:
        _check_directory(handle, size, name)
        archive = zipfile.ZipFile(handle)
    except PlanError:
        handle.close()
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error) as exc:
        handle.close()
        raise PlanError.at(name, labels.ERR_DOCX_TRUNCATED) from exc
    if len(archive.infolist()) > MAX_ENTRIES:
        archive.close()
        raise PlanError.at(name, labels.err_docx_entries(MAX_ENTRIES))
    return Package(name, archive)


def _check_directory(handle, size: int, name: str) -> None:
    """Refuse what is no zip, or a zip whose directory lists absurdly many parts, before reading it."""
    head = handle.read(8)
    if head.startswith(_OLE):
        raise PlanError.at(name, labels.ERR_DOCX_OLE)
    if not head.startswith(b"PK"):
        raise PlanError.at(name, labels.ERR_DOCX_NOT_ZIP)
    tail_size = min(size, 22 + 65535)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        raise PlanError.at(name, labels.ERR_DOCX_TRUNCATED)
    entries = struct.unpack("<H", tail[at + 10:at + 12])[0]
    if entries != 0xFFFF and entries > MAX_ENTRIES:
        raise PlanError.at(name, labels.err_docx_entries(MAX_ENTRIES))
    handle.seek(0)
