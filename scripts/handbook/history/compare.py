"""What changed between two versions of the rules: by id, judged by the Chinese.

A rule whose Chinese is the same and whose English differs is a translation
update, listed apart. A rule that only moved (another file, another place in
its list) or whose file was only reformatted did not change.
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import Rule

KINDS = ("added", "changed", "removed", "translated")


@dataclass(frozen=True)
class Change:
    kind: str  # added | changed | removed | translated
    old: Rule | None  # None when added
    new: Rule | None  # None when removed

    @property
    def rule(self) -> Rule:
        """The rule as it now stands, or as it last stood."""
        return self.new or self.old

    @property
    def id(self) -> str:
        return self.rule.id


def compare(before: dict[str, Rule], after: dict[str, Rule], ids=None) -> list[Change]:
    """The changes from `before` to `after` (rule id → Rule), for `ids` (default: all), ordered by id."""
    found = []
    for rule_id in sorted(ids if ids is not None else before.keys() | after.keys()):
        old, new = before.get(rule_id), after.get(rule_id)
        if old is None and new is None:
            continue
        if old is None:
            found.append(Change("added", None, new))
        elif new is None:
            found.append(Change("removed", old, None))
        elif old.zh != new.zh:
            found.append(Change("changed", old, new))
        elif old.en != new.en:
            found.append(Change("translated", old, new))
    return found
