"""A template folder: ``reference.docx``, ``styles.yaml`` and ``blocks/*.j2``, checked and cached.

``check`` reports every problem of a template (missing styles, broken blocks, sandbox
escapes) with file and line; ``load`` returns a ready template or raises PlanError
with all of them, before anything is written. Loaded templates are cached per
process, keyed by folder and the files' modification times, and never changed after
loading, so threads and worker processes can share them.
"""

from __future__ import annotations

import hashlib
import marshal
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType

import jinja2
from lxml import etree

from planwizard import labels
from planwizard.errors import PlanError, Problem
from planwizard.render import blocks as blocklib
from planwizard.render import measure, package
from planwizard.render import reference as refdoc
from planwizard.render.ooxml import w
from planwizard.resources import data_dir

DEFAULT_NAME = "standaard"
REFERENCE = "reference.docx"
STYLE_MAP = "styles.yaml"
BLOCKS = "blocks"

PARAGRAPH_ROLES = (
    "title", "subtitle", "draft_mark", "title_facts", "toc_heading", "toc1", "heading1", "heading2", "heading3",
    "body", "lead", "meta", "bullet", "number", "table_header", "table_text", "example_title", "example_text",
    "placeholder", "skipped",
)
ROLES = {**{role: "paragraph" for role in PARAGRAPH_ROLES}, "table": "table", "hyperlink": "character"}
"""Every role the document uses and the kind of style it needs."""


@dataclass
class Template:
    """A checked template, ready for the builder (read-only once loaded)."""

    folder: Path
    ref: refdoc.Reference
    style_ids: dict[str, str]
    numbered: dict[int, bool]  # heading level -> its style carries numbering
    bullet_num: str
    number_abstract: str
    header_fill: str
    blocks: dict[str, jinja2.Template]
    shell: package.Shell
    field_parts: tuple[str, ...] = ()
    warnings: list[Problem] = field(default_factory=list)
    numbering_part: bytes = b""
    numbering_split: tuple[bytes, bytes] = (b"", b"")
    """The numbering part cut where new numbering instances go (empty when it cannot be cut safely)."""
    table_look: measure.Look = measure.Look()
    """Fonts and cell margins of the tables, to size their columns."""
    digest: str = ""
    """A hash of the template's files as they were read (names what may be remembered of it)."""
    section_xml: str = ""
    """The page setup, as written at the end of every document's body."""

    @property
    def text_width(self) -> int:
        return self.ref.text_width


def default_dir() -> Path:
    return data_dir("templates") / DEFAULT_NAME


def resolve_dir(template_dir: Path | str | None) -> Path:
    """The template folder: the default, a path, or the name of a bundled template."""
    if template_dir is None:
        return default_dir()
    path = Path(template_dir)
    if not path.exists() and len(path.parts) == 1 and (data_dir("templates") / path).is_dir():
        return data_dir("templates") / path
    return path


def _read_style_map(path: Path, problems: list[Problem]) -> dict[str, tuple[str, tuple[int, int]]]:
    """Role -> (style name, where it stands) from ``styles.yaml``."""
    from planwizard.schema import Reader
    from planwizard.yamlio import load_file

    try:
        doc = load_file(path)
    except PlanError as exc:
        problems.extend(exc.problems)
        return {}
    reader = Reader(doc)
    top = reader.mapping(doc.data, (), ("styles",), required=("styles",)) if doc.data is not None else None
    if doc.data is None:
        reader.error((), labels.ERR_STYLE_MAP_EMPTY)
    found: dict[str, tuple[str, tuple[int, int]]] = {}
    styles = top.get("styles") if top else None
    if top is not None and not isinstance(styles, dict):
        reader.error(("styles",), labels.err_expected("een tabel van rol naar stijlnaam", styles))
    elif isinstance(styles, dict):
        for role, value in styles.items():
            here = ("styles", role)
            if role not in ROLES:
                reader.error(here, labels.err_unknown_role(str(role), list(ROLES)), at_key=True)
                continue
            name = reader.text(styles, ("styles",), role, required=True, one_line=True)
            if name:
                found[role] = (name, doc.mark(here))
        for role in ROLES:
            if role not in styles:
                reader.error(("styles",), labels.err_missing_role(role))
    problems.extend(reader.problems.items)
    return found


def _check(folder: Path, remember: bool = False) -> tuple[list[Problem], Template | None]:
    problems: list[Problem] = []
    if not folder.is_dir():
        message = labels.ERR_MISSING if not folder.exists() else labels.ERR_TEMPLATE_NOT_DIR
        return [Problem(str(folder), message)], None
    style_map_path = folder / STYLE_MAP
    style_map = _read_style_map(style_map_path, problems)
    ref = refdoc.read(folder / REFERENCE, problems)
    style_ids: dict[str, str] = {}
    numbered = {1: False, 2: False}
    bullet_num = number_abstract = header_fill = ""
    warnings: list[Problem] = []
    if ref is not None:
        for role, (name, (line, col)) in style_map.items():
            style = ref.find_style(name)
            where = (str(style_map_path), line, col)
            if style is None:
                problems.append(Problem(where[0], labels.err_style_missing(role, name, REFERENCE), line, col))
            elif style.kind != ROLES[role]:
                problems.append(Problem(where[0], labels.err_style_kind(role, name, ROLES[role], style.kind),
                                        line, col))
            else:
                style_ids[role] = style.style_id
        by_role = {role: ref.styles_by_id[sid] for role, sid in style_ids.items()}
        for role, level in (("heading1", 1), ("heading2", 2)):
            if role in by_role:
                numbered[level] = ref.num_id(by_role[role]) is not None
                if not _has_outline(ref, by_role[role]):
                    warnings.append(Problem(str(style_map_path), labels.warn_no_outline(style_map[role][0]),
                                            *style_map[role][1], warning=True))
        for role in ("bullet", "number"):
            if role not in by_role:
                continue
            num = ref.num_id(by_role[role])
            abstract = ref.abstract_of(num) if num else None
            if abstract is None:
                problems.append(Problem(str(style_map_path), labels.err_list_without_numbering(style_map[role][0]),
                                        *style_map[role][1]))
            elif role == "bullet":
                bullet_num = num or ""
            else:
                number_abstract = abstract
        if "table" in by_role:
            header_fill = ref.header_fill(by_role["table"])
        for part in refdoc.pictures_without_alt_text(ref):
            warnings.append(Problem(f"{folder / REFERENCE}:{part}", labels.WARN_PICTURE_ALT_TEXT, warning=True))
    env = blocklib.environment()
    found, codes = _checked_blocks(env, folder, remember)
    problems.extend(found)
    compiled = blocklib.templates(env, codes)
    if problems or ref is None:
        return problems + warnings, None
    field_parts = tuple(p for p in ref.page_parts if refdoc.has_fields(ref.parts.get(p, b"")))
    try:
        shell = package.prepare(
            ref,
            refdoc.dutch_styles(ref.parts[ref.targets["styles"]]),
            refdoc.update_fields_on_open(ref.parts[ref.targets["settings"]]),
            set(field_parts),
        )
        for part in field_parts:
            refdoc.parse_xml(ref.parts[part])
    except etree.XMLSyntaxError as exc:
        return [Problem(str(folder / REFERENCE), labels.err_reference_not_docx(str(exc)))] + warnings, None
    template = Template(folder, ref, style_ids, numbered, bullet_num, number_abstract, header_fill, compiled,
                        shell, field_parts, warnings, table_look=_table_look(ref, style_ids),
                        digest=_digest(folder), section_xml=refdoc.section_markup(ref.section))
    if ref.numbering is not None:
        template.numbering_part = refdoc.serialize(ref.numbering)
        template.numbering_split = _numbering_split(template.numbering_part, number_abstract)
    return warnings, template


def _table_look(ref: refdoc.Reference, style_ids: dict[str, str]) -> measure.Look:
    header = measure.Font(*ref.font_of(ref.styles_by_id[style_ids["table_header"]]))
    text = measure.Font(*ref.font_of(ref.styles_by_id[style_ids["table_text"]]))
    return measure.Look(header, text, margins=ref.cell_margins(ref.styles_by_id[style_ids["table"]]))


def _numbering_split(data: bytes, abstract: str) -> tuple[bytes, bytes]:
    """``data`` cut before ``</w:numbering>`` (or ``<w:numIdMacAtCleanup``), if that is safe to do."""
    if not abstract.isdigit():
        return b"", b""
    for marker in (b"<w:numIdMacAtCleanup", b"</w:numbering>"):
        at = data.rfind(marker)
        if at > 0 and b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"' in data[:at]:
            return data[:at], data[at:]
    return b"", b""


def _has_outline(ref: refdoc.Reference, style: refdoc.Style) -> bool:
    for link in ref.chain(style):
        outline = link.element.find(f"{w('pPr')}/{w('outlineLvl')}")
        if outline is not None:
            return outline.get(w("val"), "9") != "9"
    return False


def _checked_blocks(env, folder: Path, remember: bool) -> tuple[list[Problem], dict[str, CodeType]]:
    """The blocks' problems and compiled code; with ``remember``, kept in the user's cache folder.

    Compiling the blocks and trying them on the sample plans give the same answer for
    the same block files, checklist and planwizard code, so they are the cache's key.
    """
    from planwizard import cache
    from planwizard.checklist import DEFAULT_ID
    from planwizard.examples import library_path

    def compute() -> tuple[list[Problem], dict[str, bytes]]:
        found: list[Problem] = []
        codes = blocklib.compile_blocks(env, folder / BLOCKS, found)
        found.extend(_try_blocks(blocklib.templates(env, codes)))
        return found, {name: marshal.dumps(code) for name, code in codes.items()}

    if remember:
        where = str(folder.resolve())
        files = [folder / BLOCKS / f"{name}.j2" for name in blocklib.BLOCK_NAMES]
        files += [data_dir("checklists") / f"{DEFAULT_ID}.yaml", library_path()]
        kind = "blocks-" + hashlib.sha256(where.encode()).hexdigest()[:12]
        found, dumped = cache.remembered(kind, files, compute, tuple, extra=where)
        try:
            return list(found), {name: marshal.loads(data) for name, data in dumped.items()}
        except Exception:  # an entry that unpickled but is not what we wrote: check again
            pass
    found, dumped = compute()
    return found, {name: marshal.loads(data) for name, data in dumped.items()}


def _try_blocks(compiled: dict[str, jinja2.Template]) -> list[Problem]:
    """Render every block on the sample plans; the first failure of each block is reported."""
    from planwizard.checklist import current
    from planwizard.render import facts as factlib

    checklist = current()
    problems: dict[str, Problem] = {}
    for plan in blocklib.sample_plans(checklist):
        facts = factlib.collect(plan, checklist)
        chapters = {"introduction": 1, "context": 2, "first_theme": 3, "last_theme": 2 + len(checklist.themes),
                    "actions": 3 + len(checklist.themes), "readiness": 4 + len(checklist.themes),
                    "open_points": 5 + len(checklist.themes)}
        context = blocklib.context(plan, checklist, facts, chapters)
        for name, block in compiled.items():
            if name in problems:
                continue
            try:
                blocklib.render(block, context)
            except blocklib.BlockError as exc:
                problems[name] = exc.problem
    return list(problems.values())


def check_template(template_dir: Path) -> list[Problem]:
    """Every problem of the template in ``template_dir`` (warnings included), in one list."""
    return _check(Path(template_dir))[0]


_cache: dict[Path, tuple[tuple, Template]] = {}
_lock = threading.Lock()


def _digest(folder: Path) -> str:
    from planwizard import cache

    files = (folder / REFERENCE, folder / STYLE_MAP, *sorted((folder / BLOCKS).glob("*.j2")))
    return cache.key_of("template", files) or ""


def _signature(folder: Path) -> tuple:
    stamps = []
    for path in (folder / REFERENCE, folder / STYLE_MAP, *sorted((folder / BLOCKS).glob("*.j2"))):
        try:
            st = path.stat()
            stamps.append((path.name, st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((path.name, 0, -1))
    return tuple(stamps)


def load_template(template_dir: Path | None = None) -> Template:
    """The checked template (cached per process); PlanError listing every problem otherwise."""
    folder = resolve_dir(template_dir)
    key = folder.resolve() if folder.exists() else folder
    signature = _signature(folder)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == signature:
            return cached[1]
        problems, template = _check(folder, remember=True)
        errors = [p for p in problems if not p.warning]
        if errors or template is None:
            raise PlanError(errors or problems)
        _cache[key] = (signature, template)
        return template


def copy_default(target: Path) -> Path:
    """Copy the default template to ``target`` (a new or empty folder), all or nothing."""
    import os
    import shutil
    import tempfile

    name = str(target)
    if target.exists() or target.is_symlink():
        if not target.is_dir() or any(target.iterdir()):
            raise PlanError.at(name, labels.ERR_TEMPLATE_TARGET_NOT_EMPTY)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise PlanError.at(name, labels.os_error(exc)) from exc
    try:
        shutil.copytree(default_dir(), staging, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.tmp", ".*"))
        if target.is_dir():
            target.rmdir()
        os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PlanError.at(name, labels.os_error(exc)) from exc
    return target
