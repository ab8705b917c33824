"""Safe YAML reading that keeps line/column of every value, and stable dumping.

Reading runs libyaml's parser (when present) and builds plain Python values from its
event stream in one loop with an explicit stack, so nesting depth, alias expansion,
duplicate keys, tags and unusable characters are all checked while reading and turn
into a ``PlanError`` with the file, line and column, never into a crash.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planwizard import labels
from planwizard.fileio import check_input
from planwizard.errors import PlanError, Problem

try:  # libyaml is about 20x faster; fall back to the pure-Python parser without it.
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest file we read; a plan with long notes everywhere stays far below it."""
MAX_DEPTH = 64
"""Deepest nesting accepted; our formats need about six levels."""
MAX_NODES = 250_000
"""Most values built, aliases counted as often as they are used (stops alias bombs)."""

Path_ = tuple[Any, ...]
Mark = tuple[int, int]

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BRACKETS = re.compile(r"[\[\]{}]")
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass
class Doc:
    """A loaded YAML file: the data plus where each value (and each key) stood."""

    path: str
    data: Any
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    """The source text of each value YAML read as something other than text (a number, a date)."""

    def mark(self, path: Path_) -> Mark:
        """Line and column of the value at ``path``, or of its nearest located parent."""
        path = tuple(path)
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (0, 0))

    def key_mark(self, path: Path_) -> Mark:
        """Line and column of the key whose value is at ``path`` (the value's if unknown)."""
        return self.key_marks.get(tuple(path)) or self.mark(path)


# ---------------------------------------------------------------- reading


def read_text(path: str | Path) -> str:
    """The text of a regular file, size-limited and decoded (UTF-8, or UTF-16 with a BOM)."""
    name = str(path)
    check_input(path, MAX_FILE_BYTES)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PlanError.at(name, labels.os_error(exc)) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise PlanError.at(name, labels.err_too_big(len(raw), MAX_FILE_BYTES))
    return decode(raw, name)


def decode(raw: bytes, name: str) -> str:
    """Decode file bytes: UTF-8 (a BOM is dropped) or UTF-16 with a BOM."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PlanError.at(name, labels.ERR_BAD_UTF16) from exc
    if b"\x00" in raw[:512] and _looks_utf16(raw[:512]):
        raise PlanError.at(name, labels.ERR_UTF16_NO_BOM, 1, 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = raw.count(b"\n", 0, start) + 1
        col = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        raise PlanError.at(name, labels.err_not_utf8(raw[start]), line, col) from exc


def _looks_utf16(head: bytes) -> bool:
    # Text in UTF-16 without a byte-order mark has a zero in every other byte.
    half = max(1, len(head) // 2)
    return head[1::2].count(0) > half * 0.6 or head[0::2].count(0) > half * 0.6


def load_file(path: str | Path) -> Doc:
    """Read and parse one YAML file; every problem raises ``PlanError`` with its location."""
    return load_text(read_text(path), str(path))


def load_text(text: str, name: str) -> Doc:
    """Parse YAML text (one document) into plain values with marks."""
    _check_flow_depth(text, name)
    try:
        loader = _Loader(text)
        try:  # the parser's events until it has none (what yaml.parse yields, without a generator)
            return _Builder(name).build(iter(loader.get_event, None))
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise PlanError(_yaml_problem(exc, name, text)) from exc
    except yaml.reader.ReaderError as exc:
        line, col = _position(text, exc.position)
        raise PlanError.at(name, labels.err_bad_char(exc.character), line, col) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error we know is marked
        raise PlanError.at(name, labels.err_yaml(str(exc))) from exc


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _check_flow_depth(text: str, name: str) -> None:
    # libyaml slows down quadratically on deep [ { nesting (100,000 levels: 24 s), so the
    # depth is checked on the brackets alone before parsing. Brackets inside quoted text
    # count too; only far more unclosed brackets than any real file has trip this.
    depth = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _position(text, match.start())
                raise PlanError.at(name, labels.err_too_deep(MAX_DEPTH), line, col)
        elif depth:
            depth -= 1


def _yaml_problem(exc: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if "quoted scalar" in context and "end of stream" in problem and exc.context_mark is not None:
        start = exc.context_mark
        return Problem(name, labels.ERR_YAML_UNCLOSED_QUOTE, start.line + 1, start.column + 1)
    if "cannot start any token" in problem and mark is not None:
        char = text[mark.index] if mark.index < len(text) else ""
        message = labels.ERR_YAML_TAB if char == "\t" else labels.err_yaml_token(char)
    elif "escape" in problem:
        message = labels.ERR_YAML_ESCAPE
    elif "mapping values are not allowed" in problem:
        message = labels.ERR_YAML_COLON
    elif "flow sequence" in context or "flow mapping" in context:
        message = labels.ERR_YAML_FLOW
    elif "block" in context or "<block end>" in problem:
        message = labels.ERR_YAML_INDENT
    elif "could not find expected ':'" in problem:
        message = labels.ERR_YAML_NO_COLON
    else:
        message = labels.err_yaml(problem or context)
    return Problem(name, message, line, col)


_SCALAR, _MAPPING_END, _SEQUENCE_END, _DOCUMENT_START = (yaml.ScalarEvent, yaml.MappingEndEvent,
                                                        yaml.SequenceEndEvent, yaml.DocumentStartEvent)
_SKIPPED = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)


class _Frame:
    __slots__ = ("kind", "value", "path", "anchor", "start", "key", "key_mark", "count0")

    def __init__(self, kind: str, value: Any, path: Path_, anchor: str | None, start: int) -> None:
        self.kind = kind
        self.value = value
        self.path = path
        self.anchor = anchor
        self.count0 = start
        self.key: str | None = None
        self.key_mark: Mark | None = None


class _Builder:
    """Turns parser events into values, checking limits as it goes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.raw: dict[Path_, str] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.count = 0
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, message: str, mark: Any) -> PlanError:
        return PlanError.at(self.name, message, mark.line + 1, mark.column + 1)

    def build(self, events: Any) -> Doc:
        # One loop over a thousand events or more per answer file: the common events
        # (scalars in mappings) are handled inline, dispatched on the event's class.
        stack: list[_Frame] = []
        result: Any = None
        documents = 0
        marks, key_marks, raw = self.marks, self.key_marks, self.raw
        bad_chars = _BAD_CHARS.search
        for event in events:
            cls = event.__class__
            if cls is _MAPPING_END or cls is _SEQUENCE_END:
                frame = stack.pop()
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.value, self.count - frame.count0)
                value = frame.value
            elif cls is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise self.fail(labels.ERR_YAML_MULTI_DOC, event.start_mark)
                continue
            elif cls in _SKIPPED:
                continue
            else:
                parent = stack[-1] if stack else None
                start = event.start_mark
                if parent is None:
                    path: Path_ = ()
                elif parent.kind == "map":
                    if parent.key is None:
                        parent.key, parent.key_mark = self.key(event)
                        if parent.key in parent.value:
                            first = key_marks.get((*parent.path, parent.key), (0, 0))[0]
                            line, col = parent.key_mark
                            raise PlanError.at(self.name, labels.err_duplicate_key(parent.key, first), line, col)
                        continue
                    path = (*parent.path, parent.key)
                    key_marks[path] = parent.key_mark  # type: ignore[assignment]
                else:
                    path = (*parent.path, len(parent.value))
                if len(path) > MAX_DEPTH:
                    raise self.fail(labels.err_too_deep(MAX_DEPTH), start)
                marks[path] = (start.line + 1, start.column + 1)
                if cls is _SCALAR and (event.tag is None or event.tag == "!") and not event.implicit[0]:
                    # Quoted or block text: nothing to resolve, only to check.
                    self.count += 1
                    if self.count > MAX_NODES:
                        raise self.fail(labels.err_too_many_nodes(MAX_NODES), start)
                    value = event.value
                    bad = bad_chars(value)
                    if bad is not None:
                        raise self.fail(labels.err_bad_char(ord(bad.group()), bad.start() + 1), start)
                    if event.anchor is not None:
                        self.anchors[event.anchor] = (value, 1)
                else:
                    value, done = self.value(event, stack, path)
                    if not done:
                        continue
            if stack:
                frame = stack[-1]
                if frame.kind == "seq":
                    frame.value.append(value)
                else:
                    frame.value[frame.key] = value
                    frame.key = None
            else:
                result = value
        return Doc(self.name, result, marks, key_marks, raw)

    def grow(self, by: int, mark: Any) -> None:
        self.count += by
        if self.count > MAX_NODES:
            raise self.fail(labels.err_too_many_nodes(MAX_NODES), mark)

    def key(self, event: Any) -> tuple[str, Mark]:
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not isinstance(event, yaml.ScalarEvent):
            raise self.fail(labels.ERR_YAML_KEY_NOT_TEXT, event.start_mark)
        if event.value == "<<" and not event.style:  # plain style: None (Python) or "" (libyaml)
            raise self.fail(labels.ERR_YAML_MERGE, event.start_mark)
        self.check_text(event.value, event.start_mark)
        return event.value, mark

    def value(self, event: Any, stack: list[_Frame], path: Path_) -> tuple[Any, bool]:
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise self.fail(labels.err_unknown_alias(event.anchor), event.start_mark)
            value, size = self.anchors[event.anchor]
            self.grow(size, event.start_mark)
            return value, True
        self.grow(1, event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event)
            if value.__class__ is not str and value is not None:
                self.raw[path] = event.value
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            return value, True
        kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
        if event.tag not in (None, "!", f"{_TAG}map", f"{_TAG}seq", f"{_TAG}omap"):
            raise self.fail(labels.err_yaml_tag(event.tag), event.start_mark)
        stack.append(_Frame(kind, {} if kind == "map" else [], path, event.anchor, self.count))
        return None, False

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        elif tag not in _SCALAR_TAGS:
            raise self.fail(labels.err_yaml_tag(tag), event.start_mark)
        if tag == f"{_TAG}str":
            self.check_text(event.value, event.start_mark)
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.constructor.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            # An impossible date such as 2025-02-30 or a giant number: keep the text and
            # let the validator say what it expected there.
            self.check_text(event.value, event.start_mark)
            return event.value

    def check_text(self, text: str, mark: Any) -> None:
        bad = _BAD_CHARS.search(text)
        if bad is not None:
            raise self.fail(labels.err_bad_char(ord(bad.group()), bad.start() + 1), mark)


# ---------------------------------------------------------------- writing


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Block style; multi-line text as ``|`` blocks so files stay pleasant to edit."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Never write what reading refuses: characters no document can hold are dropped.
    value = _BAD_CHARS.sub("", value)
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(f"{_TAG}str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    """YAML text for plain data: block style, keys in the given order, Unicode kept."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
        indent=2,
    )


def as_date(value: Any) -> dt.date | None:
    """``value`` as a date when it is one (a datetime does not count)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return None
