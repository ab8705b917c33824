"""Build the default house style ``templates/standaard/reference.docx``.

Run ``python -m planwizard.render.build_reference [OUT.docx]`` after changing the styles
(in ``reference_style.py``) or the page parts here. The document is written part by
part so that every style, numbering definition and field is exactly what the builder
expects; its body is a style sample that a gemeente sees when it opens the file in
Word to adapt the house style (the builder keeps only the page setup of that body).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from planwizard.render.reference_style import (
    DOC_REL,
    FONT,
    HEAD,
    MARGIN,
    PAGE_H,
    PAGE_W,
    PKG_REL,
    PRIMARY,
    R_NS,
    W_NS,
    numbering_xml,
    styles_xml,
)


def _field(instr: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{escape(shown)}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def header_xml() -> str:
    """The plan title as a TITLE field; the builder fills its shown text from the document properties."""
    return (
        f'{HEAD}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        + _field("TITLE", "Lokaal uitvoeringsplan beschermd wonen en beschermd thuis")
        + "</w:p></w:hdr>"
    )


def footer_xml() -> str:
    """Gemeente and version (DOCPROPERTY fields) on the left, "Pagina X van Y" as real fields on the right."""
    return (
        f'{HEAD}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        + _field("DOCPROPERTY Gemeente", "Gemeente")
        + '<w:r><w:t xml:space="preserve"> · </w:t></w:r>'
        + _field("DOCPROPERTY Versie", "concept")
        + '<w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Pagina </w:t></w:r>'
        + _field("PAGE", "1")
        + '<w:r><w:t xml:space="preserve"> van </w:t></w:r>'
        + _field("NUMPAGES", "1")
        + "</w:p></w:ftr>"
    )


def empty_part(tag: str) -> str:
    """The title page's header and footer: empty, without the header's rule."""
    return (
        f'{HEAD}<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p></w:{tag}>'
    )



def section_xml() -> str:
    return (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId10"/>'
        '<w:footerReference w:type="default" r:id="rId11"/>'
        '<w:headerReference w:type="first" r:id="rId12"/><w:footerReference w:type="first" r:id="rId13"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="709"'
        ' w:footer="709" w:gutter="0"/><w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )


SAMPLE = [
    ("Title", "Stijlvoorbeeld planwizard"),
    ("Subtitle", "De huisstijl van het lokaal uitvoeringsplan"),
    ("Conceptaanduiding", "Concept"),
    ("Titelpaginagegevens", "Gemeente\tVoorbeeldgemeente"),
    ("Heading1", "Over dit sjabloon"),
    ("Normal", "Dit document bevat de stijlen van het Word-concept dat planwizard maakt. Pas de stijlen aan "
               "(Start > Stijlen > Wijzigen), de pagina-instelling, de koptekst en de voettekst. De tekst van dit "
               "voorbeeld zelf wordt niet gebruikt; alleen de stijlen, de pagina-instelling en de kop- en "
               "voetteksten gaan mee naar het plan."),
    ("Inleidingthema", "Stijl 'Inleiding thema': de korte inleiding boven elk thema."),
    ("Heading2", "Een vraag uit de checklist (Kop 2)"),
    ("Kenmerken", "Stijl 'Kenmerken': soort punt, niveau en status."),
    ("ListBullet", "Opsommingsteken (Lijstopsommingsteken)"),
    ("ListNumber", "Genummerde lijst (Lijstnummering)"),
    ("Heading3", "Acties (Kop 3)"),
    ("Voorbeeldkop", "Inspirerend voorbeeld: stijl 'Voorbeeld kop'"),
    ("Voorbeeldtekst", "Stijl 'Voorbeeld tekst': de samenvatting van het voorbeeld in het kader."),
    ("Intevullen", "In te vullen: stijl 'In te vullen' markeert punten die de gemeente nog moet beantwoorden."),
    ("Vervallenpunt", "Stijl 'Vervallen punt' markeert punten die door een eerder antwoord niet van toepassing zijn."),
]


def document_xml() -> str:
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        .replace("\t", "</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>")
        for style, text in SAMPLE
    )
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Planwizardtabel"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1"'
        ' w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="4535"/><w:gridCol w:w="4535"/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>'
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="4535" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="{PRIMARY}"/>'
            f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="Tabelkop"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>'
            for t in ("Tabelkop", "Kolom")
        )
        + "</w:tr><w:tr>"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="4535" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="Tabeltekst"/>'
            f"</w:pPr><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>"
            for t in ("Tabeltekst", "Stijl 'Planwizard tabel'")
        )
        + "</w:tr></w:tbl>"
    )
    return (
        f'{HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{paragraphs}{table}'
        f"<w:p/>{section_xml()}</w:body></w:document>"
    )


def settings_xml() -> str:
    return (
        f'{HEAD}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="709"/><w:hyphenationZone w:val="425"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="15"/></w:compat><w:themeFontLang w:val="nl-NL"/>'
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>'
    )


def font_table_xml() -> str:
    return (
        f'{HEAD}<w:fonts xmlns:w="{W_NS}"><w:font w:name="{FONT}"><w:panose1 w:val="020B0604020202020204"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    )


CONTENT_TYPES = (
    f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/settings.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    + "".join(
        f'<Override PartName="/word/{name}.xml"'
        f' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
        for name, kind in (("header1", "header"), ("footer1", "footer"), ("header2", "header"), ("footer2", "footer"))
    )
    + '<Override PartName="/docProps/core.xml"'
    ' ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '<Override PartName="/docProps/custom.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'
)

PACKAGE_RELS = (
    f'{HEAD}<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{DOC_REL}/extended-properties" Target="docProps/app.xml"/>'
    f'<Relationship Id="rId4" Type="{DOC_REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>'
)

DOCUMENT_RELS = (
    f'{HEAD}<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{DOC_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{DOC_REL}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{DOC_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId4" Type="{DOC_REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rId10" Type="{DOC_REL}/header" Target="header1.xml"/>'
    f'<Relationship Id="rId11" Type="{DOC_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rId12" Type="{DOC_REL}/header" Target="header2.xml"/>'
    f'<Relationship Id="rId13" Type="{DOC_REL}/footer" Target="footer2.xml"/></Relationships>'
)

CORE = (
    f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Stijlvoorbeeld planwizard</dc:title>'
    "<dc:creator>planwizard</dc:creator><dc:language>nl-NL</dc:language></cp:coreProperties>"
)

APP = (
    f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>planwizard</Application><DocSecurity>0</DocSecurity></Properties>"
)

CUSTOM = (
    f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    + "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}">'
        f"<vt:lpwstr>{value}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(
            (("Gemeente", "Gemeente Voorbeeldgemeente"), ("Versie", "concept 0.1"), ("Periode", "2026-2029")), 2
        )
    )
    + "</Properties>"
)


def parts() -> dict[str, str]:
    """Every part of the reference document, by name, in package order."""
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "docProps/custom.xml": CUSTOM,
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/header1.xml": header_xml(),
        "word/footer1.xml": footer_xml(),
        "word/header2.xml": empty_part("hdr"),
        "word/footer2.xml": empty_part("ftr"),
    }


def build(path: Path) -> Path:
    """Write the reference document to ``path`` (same styles, same bytes)."""
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts().items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    tmp.replace(path)
    return path


def default_path() -> Path:
    return Path(__file__).resolve().parents[2] / "templates" / "standaard" / "reference.docx"


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default_path()
    print(build(target))
