"""Compare two built sites page by page, as a browser would read them.

Usage: python -m tests.support.compare_sites BEFORE AFTER [--show N]

Each HTML page is parsed (html.parser) into a canonical stream: tags with their
attributes sorted and their values unescaped, text unescaped with whitespace
collapsed. So `&` and `&amp;`, `"` and `&#34;`, or a template's line breaks,
compare equal; anything a reader or a script could notice does not.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path


def _spaces(value: str | None) -> str:
    return re.sub(r"\s+", " ", value or "").strip()


class _Canonical(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.text: list[str] = []

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if text:
            self.out.append(text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        self._flush()
        attrs = " ".join(f'{k}="{_spaces(v)}"' for k, v in sorted(attrs))
        self.out.append(f"<{tag} {attrs}>".replace(" >", ">"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self._flush()
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.text.append(data)

    def close(self):
        super().close()
        self._flush()


def canonical(html: str) -> list[str]:
    parser = _Canonical()
    parser.feed(html)
    parser.close()
    return parser.out


def compare(before: Path, after: Path, show: int = 3, listing: bool = False) -> int:
    pages_before = {p.relative_to(before).as_posix() for p in before.rglob("*.html")}
    pages_after = {p.relative_to(after).as_posix() for p in after.rglob("*.html")}
    differing = []
    for path in sorted(pages_before - pages_after)[:10]:
        print(f"only before: {path}")
    for path in sorted(pages_after - pages_before)[:10]:
        print(f"only after: {path}")
    for path in sorted(pages_before & pages_after):
        a = canonical((before / path).read_text(encoding="utf-8"))
        b = canonical((after / path).read_text(encoding="utf-8"))
        if a != b:
            differing.append((path, a, b))
    if listing:
        for path, _, _ in differing:
            print(f"differs: {path}")
    for path, a, b in differing[:show]:
        print(f"--- {path}")
        for line in list(difflib.unified_diff(a, b, lineterm="", n=1))[2:40]:
            print("   ", line[:300])
    print(f"{len(pages_before & pages_after)} pages compared, {len(differing)} differ; "
          f"{len(pages_before ^ pages_after)} only on one side.")
    return len(differing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=3, help="how many differing pages to show")
    parser.add_argument("--list", action="store_true", help="list every differing page")
    args = parser.parse_args(argv)
    differing = compare(args.before, args.after, args.show, args.list)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
