"""Check YAML data against the published JSON Schemas, in editors' words.

Two validators per kind of file. A compiled one (fastjsonschema) only says, quickly,
that a document is valid: almost every file of almost every build is. When it does
not, jsonschema checks the document again and reports every problem with its file
and line, as it always has. The compiled one is never laxer than jsonschema: the
schemas are translated to the draft it implements keyword by keyword, and a kind
whose schema uses a keyword the translation does not know has no fast path. Its
generated code is kept in .cache/handbook-schema/, keyed by the schema and the
versions that made it (compiling it costs more than a build's validation).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import marshal
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import fastjsonschema
from referencing import Registry, Resource

from .problems import Problems
from .repository import ROOT
from .yamlsource import YamlDoc

if TYPE_CHECKING:
    import jsonschema

SCHEMA_DIR = ROOT / "checklists" / "schema"


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def _schema(kind: str) -> dict:
    """The schema of one kind of file, with every $ref replaced by what it points to:
    following references was two thirds of the time jsonschema spent checking."""
    registry = _registry()
    return _inlined(registry.contents(f"{kind}.schema.json"), registry.resolver(f"{kind}.schema.json"))


@cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    """jsonschema's validator for one kind of file: it reports every problem. Imported only
    when a document needs it (the compiled check says most are valid)."""
    import jsonschema

    return jsonschema.Draft202012Validator(_schema(kind), registry=_registry())


@cache
def fast_validator(kind: str) -> Callable[[object], object] | None:
    """A compiled check that raises on any document jsonschema would find a problem in
    (and on a few it would not: then jsonschema decides). None: no fast path for `kind`."""
    try:
        schema = _draft7(_schema(kind))
    except _Untranslatable:
        return None
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema.pop("$id", None)  # the generated function is then named `validate`
    text = json.dumps(schema, sort_keys=True, ensure_ascii=False)
    key = hashlib.sha256(f"{fastjsonschema.VERSION}\0{sys.implementation.cache_tag}\0{text}".encode()).hexdigest()
    cached = CACHE_DIR / f"{kind}-{key[:24]}.marshal"
    try:
        code = marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        code = compile(fastjsonschema.compile_to_code(schema), f"<schema {kind}>", "exec")
        _store(cached, marshal.dumps(code))
    namespace: dict = {}
    exec(code, namespace)  # the code fastjsonschema generated from our own schema
    return namespace["validate"]


CACHE_DIR = ROOT / ".cache" / "handbook-schema"


def _store(path, data: bytes) -> None:
    """Keep the compiled code for the next build; a folder that cannot be written only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass


def fast_valid(data: object, kind: str) -> bool:
    """Whether the compiled check accepts `data` (False also when `kind` has none)."""
    validate = fast_validator(kind)
    if validate is None:
        return False
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


class _Untranslatable(Exception):
    pass


# Keywords that mean the same in draft 2020-12 and in draft 7 (which fastjsonschema
# implements), for the values they have here. Anything else: no fast path.
_SAME_KEYWORDS = {
    "type", "required", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern",
    "minimum", "maximum", "minProperties", "maxProperties", "description", "title", "$comment",
    "$id", "$schema", "default", "examples",
    "defaultSnippets", "markdownDescription",  # for editors' IDEs (VS Code), not validation
}  # fmt: skip
_ONE_SUBSCHEMA = {"additionalProperties", "propertyNames", "not", "if", "then", "else"}
_LISTS_OF_SUBSCHEMAS = {"allOf", "anyOf", "oneOf"}


def _draft7(node):
    """A 2020-12 schema with its $refs inlined, as draft 7 says it."""
    if isinstance(node, bool):
        return node
    if not isinstance(node, dict):
        raise _Untranslatable(repr(node))
    out: dict = {}
    for key, value in node.items():
        if key in _SAME_KEYWORDS:
            out[key] = value
        elif key == "$defs":
            continue  # only reached through $ref, and every $ref is inlined
        elif key == "properties":
            out[key] = {name: _draft7(sub) for name, sub in value.items()}
        elif key == "items" and isinstance(value, (dict, bool)):
            out[key] = _draft7(value)
        elif key in _ONE_SUBSCHEMA:
            out[key] = _draft7(value)
        elif key in _LISTS_OF_SUBSCHEMAS:
            out[key] = [_draft7(sub) for sub in value]
        elif key == "dependentRequired":
            out.setdefault("dependencies", {}).update(value)  # draft 7's array form says the same
        elif key in ("enum", "const"):
            values = value if key == "enum" else [value]
            # fastjsonschema compares with ==, so 1 would pass for true: keep such values typed.
            if all(isinstance(v, str) for v in values):
                out[key] = value
            elif key == "const" and isinstance(value, bool) and node.get("type", "boolean") == "boolean":
                out[key], out["type"] = value, "boolean"
            else:
                raise _Untranslatable(f"{key}: {value!r}")
        else:
            raise _Untranslatable(key)
    return out


# Keywords that may sit beside a $ref without changing what it accepts.
_ANNOTATIONS = {"$ref", "description", "$comment", "title"}


def _inlined(node, resolver, depth: int = 0):
    if depth > 50:
        raise ValueError("the schemas refer to themselves in a cycle; $ref cannot be inlined")
    if isinstance(node, list):
        return [_inlined(item, resolver, depth) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        target = _inlined(resolved.contents, resolved.resolver, depth + 1)
        rest = {key: value for key, value in node.items() if key not in _ANNOTATIONS}
        # Errors found through a $ref carry the target's schema, as they did before.
        return {**_inlined(rest, resolver, depth), "allOf": [target]} if rest else target
    return {key: value if key == "$defs" else _inlined(value, resolver, depth) for key, value in node.items()}


@dataclass(frozen=True)
class Misspelt:
    """A key the schema does not know, close to one it requires: 'stauts' for 'status'."""

    mapping: dict
    meant: str
    typo: str


def check(doc: YamlDoc, kind: str, problems: Problems) -> tuple[set[str], list[Misspelt]]:
    """Report every schema problem in `doc`; return the kinds of problem that
    leave it unusable, and the misspelt keys. A misspelt key ('stauts') is
    reported once, as the typo; the reader (reading.py) may then read it as the
    key it was meant to be, so that the rest of the file can still be checked
    in the same run. This only reports: the data is left as it is."""
    if fast_valid(doc.data, kind):
        return set(), []
    errors = [leaf for error in validator(kind).iter_errors(doc.data) for leaf in _leaves(error)]
    typos = {
        (tuple(e.absolute_path), _suggestion(e)): e
        for e in errors
        if e.validator == "additionalProperties" and _suggestion(e)
    }
    kinds, misspelt = set(), []
    for error in errors:
        where = tuple(error.absolute_path)
        if error.validator == "required" and (where, _missing(error)) in typos:
            misspelt.append(Misspelt(error.instance, _missing(error), _unknown(typos[(where, _missing(error))])))
            continue
        kinds.add(error.validator)
        if error.validator == "additionalProperties":
            where += (_unknown(error),)
        message, hint = _explain(error)
        problems.add(doc.path, doc.line(where), message, hint)
    return kinds, misspelt


def valid(data: object, kind: str) -> bool:
    """Whether `data` passes the schema, unknown keys aside."""
    return all(e.validator == "additionalProperties" for e in validator(kind).iter_errors(data))


def _missing(error: jsonschema.ValidationError) -> str:
    return error.message.split("'")[1]


def _unknown(error: jsonschema.ValidationError) -> str:
    allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    unknown = [k for k in error.instance if k not in allowed]
    return unknown[0] if unknown else "?"


def _suggestion(error: jsonschema.ValidationError) -> str | None:
    allowed = sorted(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
    close = difflib.get_close_matches(_unknown(error), allowed, n=1)
    return close[0] if close else None


def _leaves(error: jsonschema.ValidationError):
    """The errors that say what is wrong, not the combinators around them."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        from jsonschema.exceptions import best_match

        best = best_match(error.context)
        yield from _leaves(best)
    else:
        yield error


def _where(error: jsonschema.ValidationError) -> str:
    parts = [str(p) if isinstance(p, str) else f"[{p}]" for p in error.absolute_path]
    return ".".join(parts).replace(".[", "[") or "the file"


# JSON Schema's names for types, in an editor's words, with how to write each.
_TYPES = {
    "string": ("text", "put the value in quotes"),
    "object": ("a mapping", "write it as 'key: value' lines, indented under this key"),
    "array": ("a list", "write each item on its own line starting with '- '"),
    "integer": ("a whole number", "write a number without quotes, e.g. 80"),
    "number": ("a number", "write a number without quotes"),
    "boolean": ("true or false", "write true or false, without quotes"),
}
_TYPE_NAMES = {
    "str": "text",
    "int": "the number",
    "float": "the number",
    "bool": "",
    "list": "a list",
    "dict": "a mapping",
    "NoneType": "nothing",
}


def _explain(error: jsonschema.ValidationError) -> tuple[str, str]:
    where = _where(error)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        missing = _missing(error)
        hint = "add the English translation" if missing == "en" else f"add '{missing}:'"
        if missing == "en_from_zh":
            hint = "run `scripts/hb stamp` to record which Chinese this English translates"
        return f"{where}: missing '{missing}'", hint
    if kind == "additionalProperties":
        close = _suggestion(error)
        allowed = ", ".join(sorted(schema.get("properties", {})))
        hint = f"did you mean '{close}'?" if close else f"allowed keys here: {allowed}"
        return f"{where}: unknown key '{_unknown(error)}'", hint
    if kind in ("minProperties", "maxProperties") and "properties" in schema:
        return (
            f"{where}: a block must have exactly one of {', '.join(schema['properties'])}",
            "start each block with one of these keys",
        )
    if kind == "type":
        expected = schema.get("type")
        name, hint = _TYPES.get(expected, (str(expected), f"write a {expected}"))
        return (
            f"{where}: expected {name}, found {_TYPE_NAMES.get(type(error.instance).__name__, 'a value')} {error.instance!r}",
            hint,
        )
    if kind == "minLength" or (kind == "pattern" and isinstance(error.instance, str) and not error.instance.strip()):
        return f"{where}: empty text", "write the text, or remove the entry"
    if kind == "pattern":
        description = schema.get("description", "")
        if error.instance != error.instance.strip():
            return f"{where}: text starts or ends with spaces", "remove the surrounding spaces"
        return f"{where}: {error.instance!r} is not in the expected form", description
    if kind == "enum":
        options = ", ".join(map(str, schema["enum"]))
        return f"{where}: {error.instance!r} is not allowed", f"use one of: {options}"
    if kind == "minItems":
        return f"{where}: needs at least {schema['minItems']} item(s)", "add items or remove the key"
    if kind == "maxItems":
        return (
            f"{where}: has {len(error.instance)} items, at most {schema['maxItems']} allowed",
            "the pages and exports that show this list have room for no more; remove items",
        )
    if kind == "uniqueItems":
        return f"{where}: lists the same item twice", "keep each item once"
    return f"{where}: {error.message}", schema.get("description", "")
