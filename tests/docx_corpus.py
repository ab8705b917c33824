"""Broken and hostile .docx files for ``planwizard import``: stored ones and ones made on the fly.

The stored files in ``tests/data/corpus/docx/`` are small; ``python -m tests.docx_corpus``
makes them again. Bombs and giant files are made by ``generated`` in the test's folder.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.helpers import ROOT

FOLDER = ROOT / "tests" / "data" / "corpus" / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    message: str


def stored() -> list[Case]:
    manifest = yaml.safe_load((FOLDER / "cases.yaml").read_text(encoding="utf-8"))
    return [Case(name, FOLDER / name, spec["message"]) for name, spec in sorted(manifest.items())]


def snapshot(gemeente: str = "Heerlen", code: str = "GM0917", fmt: str = "1", doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<pw:draft xmlns:pw="urn:planwizard:draft:1" '
            f'format="{fmt}"><pw:plan gemeente="{gemeente}" code="{code}" title="Plan" version="concept 0.1" '
            'source="" checklist="vng-beschermd-thuis" checklist-version="2026.1"/>'
            '<pw:front text="0"/></pw:draft>').encode()


def document(body: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W}"><w:body>{body}'
            '</w:body></w:document>').encode()


def package(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``parts`` with the relationships a draft has."""
    full = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{REL}"><Relationship Id="r1" Type="{OFFICE_DOCUMENT}" '
                       'Target="word/document.xml"/></Relationships>'.encode(),
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{REL}"><Relationship Id="r9" Type="{CUSTOM_XML}" '
                                        'Target="../customXml/item1.xml"/></Relationships>'.encode(),
        "customXml/item1.xml": snapshot(),
        "word/document.xml": document('<w:p><w:r><w:t>Tekst</w:t></w:r></w:p>'),
    }
    full.update(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in full.items():
            if data is not None:  # a fixed time: the stored files come out the same every time
                archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, compress_type=method)
    return buffer.getvalue()


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = ('<!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
          + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9)) + "]>")


def _patch(data: bytes, name: bytes, local: int, central: int, fmt: str, value: int) -> bytes:
    """The zip ``data`` with a field of entry ``name`` set to ``value`` in both of its headers.

    ``local`` and ``central`` are the field's offsets in the local header and in the
    central directory entry; ``fmt`` its ``struct`` format.
    """
    out = bytearray(data)
    for signature, offset, name_length, name_at in ((b"PK\x03\x04", local, 26, 30), (b"PK\x01\x02", central, 28, 46)):
        at = 0
        while (at := out.find(signature, at)) >= 0:
            length = struct.unpack("<H", out[at + name_length:at + name_length + 2])[0]
            if out[at + name_at:at + name_at + length] == name:
                out[at + offset:at + offset + struct.calcsize(fmt)] = struct.pack(fmt, value)
            at += 4
    return bytes(out)


def _set_method(data: bytes, name: bytes, method: int) -> bytes:
    """The zip ``data`` with entry ``name`` claiming compression ``method``."""
    return _patch(data, name, 8, 10, "<H", method)


def _set_size(data: bytes, name: bytes, size: int) -> bytes:
    """The zip ``data`` with entry ``name`` claiming to unpack to ``size`` bytes (a lying header)."""
    return _patch(data, name, 22, 24, "<I", size)


def stored_contents() -> dict[str, bytes]:
    """What the stored corpus files hold (``python -m tests.docx_corpus`` writes them)."""
    import docx

    real = package({})
    foreign = io.BytesIO()
    letter = docx.Document()
    letter.core_properties.created = letter.core_properties.modified = dt.datetime(2026, 1, 1)
    letter.save(foreign)
    deflated = package({"word/document.xml": document("<w:p/>" * 200)})
    corrupt = bytearray(deflated)
    start = corrupt.find(b"word/document.xml") + len("word/document.xml")
    corrupt[start + 20:start + 30] = b"\xff" * 10
    return {
        "not-a-zip.docx": "Dit is een tekstbestand met de naam van een Word-document.\n".encode(),
        "encrypted-or-doc.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "truncated.docx": real[: len(real) // 2],
        "foreign-word.docx": foreign.getvalue(),
        "no-main-document.docx": package({"word/document.xml": None, "_rels/.rels": None}),
        "xxe-external-entity.docx": package({"word/document.xml": document(
            "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", XXE)}),
        "billion-laughs.docx": package({"word/document.xml": document("<w:p><w:r><w:t>&j;</w:t></w:r></w:p>", LAUGHS)}),
        "xxe-in-snapshot.docx": package({"customXml/item1.xml": snapshot(doctype=XXE)}),
        "broken-xml.docx": package({"word/document.xml": b"<w:document><w:body><w:p></w:body>"}),
        "unknown-compression.docx": _set_method(real, b"word/document.xml", 99),
        "corrupt-data.docx": bytes(corrupt),
        "snapshot-future-format.docx": package({"customXml/item1.xml": snapshot(fmt="9")}),
        "other-plan.docx": package({"customXml/item1.xml": snapshot("Vaals", "GM0981")}),
        "tracked-changes.docx": package({"word/document.xml": document(
            '<w:p><w:ins w:id="1" w:author="A" w:date="2026-12-01T00:00:00Z"><w:r><w:t>Nieuw</w:t></w:r></w:ins></w:p>')}),
    }


def generated(folder: Path) -> list[Case]:
    """Bombs and giants, made in ``folder`` (too big to keep in the repository)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []

    def add(name: str, data: bytes | None, message: str) -> None:
        path = folder / name
        if data is not None:
            path.write_bytes(data)
        cases.append(Case(name, path, message))

    zeros = b"\0" * (40 * 1024 * 1024)  # 40 MB unpacked, about 40 kB packed
    bomb = package({"word/document.xml": zeros})
    add("zip-bomb.docx", bomb, "is uitgepakt groter dan 32 MB")
    add("zip-bomb-lying-header.docx", _set_size(bomb, b"word/document.xml", 2000), "is beschadigd")
    nested = package({"customXml/item1.xml": zeros})
    add("zip-bomb-in-snapshot.docx", nested, "customXml/item1.xml is uitgepakt groter dan 32 MB")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(10_001):
            archive.writestr(f"x/{number}.xml", b"")
    add("ten-thousand-parts.docx", buffer.getvalue(), "meer dan 10000 onderdelen")
    huge = folder / "sixty-megabytes.docx"
    with open(huge, "wb") as handle:
        handle.write(b"PK")
        handle.truncate(60 * 1024 * 1024)
    add("sixty-megabytes.docx", None, "bestand is te groot")
    return cases


if __name__ == "__main__":  # pragma: no cover - rewrites the stored corpus
    FOLDER.mkdir(parents=True, exist_ok=True)
    for file_name, content in stored_contents().items():
        (FOLDER / file_name).write_bytes(content)
        print(FOLDER / file_name)
