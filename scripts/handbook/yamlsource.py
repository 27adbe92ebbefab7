"""Read one YAML file into plain data, remembering the line of every value.

PyYAML's composer gives each node a position; we keep a map from the path of
a value (a tuple of keys and indexes) to its 1-based line, so that a problem
found later in the plain data can still be reported at its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems

MAX_BYTES = 512 * 1024


@dataclass
class YamlDoc:
    path: Path
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, where: tuple = ()) -> int:
        """The line of the value at `where`, or of its nearest ancestor."""
        where = tuple(where)
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, 1)


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps every scalar a string-or-number and no dates."""


# LibYAML's parser, about ten times faster, where PyYAML was built with it. A file
# it rejects is parsed again by the Python parser, whose messages editors see.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """_Loader's rules on LibYAML's parser."""


# Dates stay strings: editors write review dates as text and we parse them.
_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path, problems: Problems) -> YamlDoc | None:
    """Load `path`; on failure record a problem and return None."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        problems.add(
            path,
            1,
            f"file is {len(raw) // 1024} KiB, over the {MAX_BYTES // 1024} KiB limit",
            "split it, e.g. one file per chapter",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(path, 1, "file starts with a byte-order mark", "save the file as UTF-8 without BOM")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(path, line, "file is not valid UTF-8", "save the file as UTF-8")
        return None
    for number, content in enumerate(text.splitlines(), start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            problems.add(
                path, number, "tab used for indentation", "YAML indents with spaces only; replace the tab with spaces"
            )
            return None
    try:
        try:
            node = yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line, message = _syntax_error(text, exc)
        problems.add(path, line, message, "check the quotes, colons and indentation on this line and the one above")
        return None
    doc = YamlDoc(path, None)
    if node is None:
        problems.add(path, 1, "file is empty", "add the content or delete the file")
        return None
    doc.data = _convert(node, (), doc, problems, _Loader(""))
    return doc


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """Where a syntax error is, in an editor's terms.

    An unclosed quote makes the parser read on until some later quote, so it
    fails far below the mistake: look for the first line with an odd number
    of double quotes between where the construct began and where it failed.
    """
    problem = exc.problem_mark.line if exc.problem_mark else 0
    begin = exc.context_mark.line if exc.context_mark else problem
    lines = text.splitlines()
    for number in range(begin, min(problem + 1, len(lines))):
        content = lines[number].split(" #", 1)[0].replace('\\"', "")
        if content.count('"') % 2:
            return number + 1, "YAML syntax error: a quote opened on this line is never closed"
    if "expected <block end>" in str(exc.problem):
        return problem + 1, "YAML syntax error: this line's indentation does not fit the lines above"
    if "mapping values are not allowed" in str(exc.problem):
        return problem + 1, "YAML syntax error: ': ' inside a text that is not in quotes"
    return problem + 1, f"YAML syntax error: {exc.problem}"


def _convert(node: yaml.Node, where: tuple, doc: YamlDoc, problems: Problems, scalars: _Loader) -> Any:
    doc.lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, scalars) if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                problems.add(doc.path, line, "a key must be plain text", "write the key as a word")
                continue
            if key in result:
                problems.add(
                    doc.path,
                    line,
                    f"duplicate key '{key}'",
                    f"'{key}' is already set on line {doc.lines[where + (key,)]}; keep one",
                )
                continue
            doc.lines[where + (key,)] = line
            result[key] = _convert(value_node, where + (key,), doc, problems, scalars)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, where + (index,), doc, problems, scalars) for index, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, scalars)
    return scalars.construct_object(node, deep=True)


def _scalar(node: yaml.ScalarNode, scalars: _Loader):
    """What construct_object gives for a scalar (text, number, true/false, null), without its
    bookkeeping for nodes met twice (anchors), which a scalar does not need: 40,000 a build."""
    constructor = _Loader.yaml_constructors.get(node.tag)
    return constructor(scalars, node) if constructor is not None else scalars.construct_object(node, deep=True)
