"""Reading a content file: its schema checked, and a misspelt key read as the key it was meant to be.

The schema check only reports; reading the data as meant is this module's
decision, so that one typo does not hide every other problem of the file.
"""

from __future__ import annotations

from . import schema
from .problems import Problems
from .yamlsource import YamlDoc


def read_checked(doc: YamlDoc, kind: str, problems: Problems) -> set[str]:
    """Check `doc` against its schema (reporting every problem) and read misspelt keys as meant.
    Returns the kinds of problem that leave the file unusable."""
    kinds, misspelt = schema.check(doc, kind, problems)
    for key in misspelt:
        key.mapping[key.meant] = key.mapping.pop(key.typo)
    if misspelt and not schema.valid(doc.data, kind):
        kinds.add("invalid")  # the misspelt value itself is wrong: the file cannot be used
    return kinds
