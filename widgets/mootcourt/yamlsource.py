"""Read a YAML file the way an untrusted author's file must be read.

Why not `yaml.safe_load`: it forgets where each value came from, silently keeps the last of
two equal keys, expands aliases (an "alias bomb" of a few lines can take gigabytes), and
reads YAML 1.1's `on`/`off`/`yes`/`no` as booleans. Here the file is composed into nodes
by PyYAML's safe machinery, then turned into plain Python values while recording the line
of every value in `Located.lines` (keyed by the path of keys and indices), so that any
later check can name `file:line`.

Rules enforced here, before any schema:
- size cap checked on the bytes, before parsing;
- strict UTF-8;
- no anchors or aliases, no custom tags;
- no duplicate keys; keys are strings;
- booleans are spelled `true` or `false` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import CaseError

MAX_BYTES = 512 * 1024
"""A case file is prose and data written by hand; anything larger is a mistake or an attack."""

MAX_DEPTH = 40
"""Nesting deeper than this is no case file (and would exhaust the parser's recursion)."""

Path_ = tuple[str | int, ...]

_BOOL_SPELLINGS = {"true", "false"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass(slots=True)
class Located:
    """A parsed document and the line (1-based) of every value in it."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while True:
            if loc in self.lines:
                return self.lines[loc]
            if not loc:
                return None
            loc = loc[:-1]


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and deep nesting before they can do harm."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()
        if self._depth >= MAX_DEPTH:
            raise _Refused(event.start_mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(event, AliasEvent):
            raise _Refused(
                event.start_mark.line + 1, f"YAML alias '*{event.anchor}' is not allowed"
            )
        if (
            isinstance(event, ScalarEvent | MappingStartEvent | SequenceStartEvent)
            and event.anchor is not None
        ):
            raise _Refused(
                event.start_mark.line + 1, f"YAML anchor '&{event.anchor}' is not allowed"
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def read_yaml(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Located:
    """Parse one YAML file into plain values with a line map; raise `CaseError` on anything odd."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CaseError.single(path, None, "", f"cannot read file: {exc.strerror}") from None
    if size > max_bytes:
        raise CaseError.single(
            path, None, "", f"file is {size} bytes; the limit is {max_bytes} bytes"
        )
    raw = path.read_bytes()
    return parse_yaml(raw, path)


def parse_yaml(raw: bytes, path: Path) -> Located:
    """Parse bytes already read from `path` (see `read_yaml`)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CaseError.single(path, line, "", "file is not valid UTF-8 text") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise CaseError.single(path, line, "", "file contains a NUL byte; it is not a text file")
    if not text.strip():
        raise CaseError.single(path, 1, "", "file is empty")
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise CaseError.single(
            path, line, "", f"character {exc.character!r} is not allowed in a YAML file"
        ) from None
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        raise CaseError.single(path, exc.line, "", exc.message) from None
    except yaml.MarkedYAMLError as exc:
        raise CaseError.single(path, *_syntax_error(exc)) from None
    except yaml.YAMLError as exc:
        raise CaseError.single(path, None, "", f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    if node is None:
        raise CaseError.single(path, 1, "", "file holds no YAML document")
    located = Located(path=path, data=None)
    located.data = _value(node, (), located, loader)
    return located


def _syntax_error(exc: yaml.MarkedYAMLError) -> tuple[int | None, str, str]:
    """Line and message of a syntax error; an unclosed bracket is reported where it opened."""
    what = exc.problem or exc.context or "not valid YAML"
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and exc.context and "flow" in exc.context:
        opened = exc.context_mark.line + 1
        found = exc.problem_mark.line + 1 if exc.problem_mark else opened
        return (
            opened,
            "",
            (f"YAML syntax error: a bracket opened here is not closed ({what} at line {found})"),
        )
    if what == "mapping values are not allowed here":
        what += (
            " (a colon followed by a space inside a text starts a new key: quote the text, "
            'e.g. en: "Hypothetical: the rider")'
        )
    return (mark.line + 1 if mark else None), "", f"YAML syntax error: {what}"


def _value(node: Node, loc: Path_, out: Located, loader: _Loader) -> Any:
    line = node.start_mark.line + 1
    out.lines[loc] = line
    where = _dotted(loc)
    if node.tag not in _PLAIN_TAGS:
        raise CaseError.single(out.path, line, where, f"YAML tag '{node.tag}' is not allowed")
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if node.flow_style and _split_by_comma(key_node, value_node):
                raise CaseError.single(
                    out.path,
                    key_node.start_mark.line + 1,
                    where,
                    f"a comma inside {{...}} ended a text before '{key_node.value}': quote text "
                    'that holds a comma, e.g. en: "damages, RMB 2,300"',
                )
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise CaseError.single(
                    out.path,
                    key_node.start_mark.line + 1,
                    where,
                    f"keys must be plain text, not {key_node.tag.rsplit(':', 1)[-1]}"
                    f" ('{getattr(key_node, 'value', '?')}'; quote it)",
                )
            key = key_node.value
            if key in result:
                raise CaseError.single(
                    out.path,
                    key_node.start_mark.line + 1,
                    _dotted((*loc, key)),
                    f"duplicate key '{key}' (first at line {out.lines[(*loc, key)]})",
                )
            result[key] = _value(value_node, (*loc, key), out, loader)
            out.lines[(*loc, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, SequenceNode):
        return [_value(item, (*loc, i), out, loader) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in _BOOL_SPELLINGS:
        raise CaseError.single(
            out.path,
            line,
            where,
            f"write true or false, not '{node.value}' (YAML 1.1 reads it as a boolean)",
        )
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text; the schema parses and checks them
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:
        raise CaseError.single(out.path, line, where, f"cannot read value: {exc}") from None


def _split_by_comma(key: Node, value: Node) -> bool:
    """In `{en: damages, RMB 2,300}` YAML ends the text at each comma and reads the rest as
    keys (`RMB 2` and `300`, without values): the commonest trap for an author writing prose
    in a flow mapping, so it is named as such rather than as a strange key."""
    if not isinstance(key, ScalarNode) or key.style is not None:
        return False
    if key.tag != "tag:yaml.org,2002:str":
        return True  # a number or date standing where a key should be: `300` in `2,300`
    return (
        isinstance(value, ScalarNode)
        and value.tag == "tag:yaml.org,2002:null"
        and value.value == ""
    )


def _dotted(loc: Path_) -> str:
    """`('levels', 0, 'court')` -> `levels[0].court`: the field path authors see in errors."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted
