"""Check YAML data against the published JSON Schemas, in editors' words."""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from .problems import Problems
from .yamlsource import YamlDoc

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "checklists" / "schema"


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = _registry().contents(f"{kind}.schema.json")
    return jsonschema.Draft202012Validator(schema, registry=_registry())


def check(doc: YamlDoc, kind: str, problems: Problems) -> bool:
    """Report every schema problem in `doc`; True when there were none."""
    errors = list(validator(kind).iter_errors(doc.data))
    for error in errors:
        for leaf in _leaves(error):
            message, hint = _explain(leaf)
            problems.add(doc.path, doc.line(tuple(leaf.absolute_path)), message, hint)
    return not errors


def _leaves(error: jsonschema.ValidationError):
    """The errors that say what is wrong, not the combinators around them."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        best = jsonschema.exceptions.best_match(error.context)
        yield from _leaves(best)
    else:
        yield error


def _where(error: jsonschema.ValidationError) -> str:
    parts = [str(p) if isinstance(p, str) else f"[{p}]" for p in error.absolute_path]
    return ".".join(parts).replace(".[", "[") or "the file"


def _explain(error: jsonschema.ValidationError) -> tuple[str, str]:
    where = _where(error)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        hint = "add the English translation" if missing == "en" else f"add '{missing}:'"
        if missing == "en_from_zh":
            hint = "run `scripts/hb stamp` to record which Chinese this English translates"
        return f"{where}: missing '{missing}'", hint
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        unknown = [k for k in error.instance if k not in allowed]
        key = unknown[0] if unknown else "?"
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
        return f"{where}: unknown key '{key}'", hint
    if kind in ("minProperties", "maxProperties") and "properties" in schema:
        return (f"{where}: a block must have exactly one of {', '.join(schema['properties'])}",
                "start each block with one of these keys")
    if kind == "type":
        expected = schema.get("type")
        hint = "put the value in quotes" if expected == "string" else f"write a {expected}"
        return f"{where}: expected {expected}, found {type(error.instance).__name__} {error.instance!r}", hint
    if kind == "minLength" or (kind == "pattern" and isinstance(error.instance, str)
                               and not error.instance.strip()):
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
    if kind == "uniqueItems":
        return f"{where}: lists the same item twice", "keep each item once"
    return f"{where}: {error.message}", schema.get("description", "")
