"""One registry of every text the site shows, filled as the loader reads it.

Each bilingual text is registered at the moment the loader makes it, with its
file and lines and its kind (the content file's kind and the field's path, e.g.
`chapter:sections.requirements.steps.text`) and the id of the content object it
belongs to; so is each one-language string the site shows (a glossary term, a
repair's note), with its language. Checks that must see every text (the glossary, stale translations,
citation markers, search words) read the registry, so a field added to the
content later is seen without anyone keeping a list of where texts live.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .model import Text


@dataclass(frozen=True)
class Entry:
    text: Text
    kind: str  # "<file kind>:<field path>", e.g. "checklist:groups.title"
    owner: str  # the id of the object it belongs to: a section, chapter, checklist, question …

    @property
    def file(self) -> Path:
        return self.text.origin.file

    def strings(self) -> Iterator[tuple[str, str, int]]:
        """(language, text, line): the Chinese and the English, each at its own line."""
        yield "zh", self.text.zh, self.text.zh_line
        yield "en", self.text.en, self.text.origin.line


@dataclass(frozen=True)
class PlainEntry:
    """A one-language string the site shows as it is: a glossary term, a repair's note."""

    value: str
    lang: str  # "zh" | "en"
    file: Path
    line: int
    kind: str
    owner: str


class TextRegistry:
    """Filled while reading (`add`, inside `owner(...)`), then `freeze()`n: read-only from then on."""

    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._plain: list[PlainEntry] = []
        self._owners: list[str] = []
        self._by_owner: Mapping[str, tuple[Text, ...]] | None = None

    @contextmanager
    def owner(self, owner_id: str):
        """Texts added inside belong to `owner_id` (the innermost owner wins)."""
        self._owners.append(owner_id)
        try:
            yield
        finally:
            self._owners.pop()

    def add(self, text: Text, kind: str) -> Text:
        if self._by_owner is not None:
            raise RuntimeError("the text registry is frozen: texts are registered only while loading")
        self._entries.append(Entry(text, kind, self._owners[-1] if self._owners else ""))
        return text

    def add_plain(self, value: str, lang: str, file: Path, line: int, kind: str) -> str:
        if self._by_owner is not None:
            raise RuntimeError("the text registry is frozen: texts are registered only while loading")
        self._plain.append(PlainEntry(value, lang, file, line, kind, self._owners[-1] if self._owners else ""))
        return value

    def read_so_far(self, owner_id: str) -> tuple[Text, ...]:
        """While loading: the texts registered so far for `owner_id`."""
        return tuple(entry.text for entry in self._entries if entry.owner == owner_id)

    def freeze(self) -> TextRegistry:
        by_owner: dict[str, list[Text]] = {}
        for entry in self._entries:
            by_owner.setdefault(entry.owner, []).append(entry.text)
        self._entries = tuple(self._entries)
        self._plain = tuple(self._plain)
        self._by_owner = MappingProxyType({owner: tuple(texts) for owner, texts in by_owner.items()})
        return self

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries)

    @property
    def plain(self) -> tuple[PlainEntry, ...]:
        """The one-language strings the site shows (glossary terms, repairs)."""
        return tuple(self._plain)

    def strings(self) -> Iterator[tuple[str, str, Path, int, str]]:
        """Every string the registry holds, each language apart: (language, text, file, line, kind)."""
        for entry in self._entries:
            for lang, value, line in entry.strings():
                yield lang, value, entry.file, line, entry.kind
        for plain in self._plain:
            yield plain.lang, plain.value, plain.file, plain.line, plain.kind

    def texts(self) -> list[Text]:
        """Every text, in the order it was read."""
        return [entry.text for entry in self._entries]

    def of(self, owner_id: str) -> tuple[Text, ...]:
        """The texts that belong to one content object (a section's: its title, body, rules …)."""
        return (self._by_owner or {}).get(owner_id, ())

    def __len__(self) -> int:
        return len(self._entries)
