"""Compare two built sites page by page, as a browser would read them.

Usage: python -m harness.compare_sites BEFORE AFTER [--show N] [--list] [--intended]

Each HTML page is parsed (html.parser) into a canonical stream: tags with their
attributes sorted and their values unescaped, text unescaped with whitespace
collapsed. So `&` and `&amp;`, `"` and `&#34;`, or a template's line breaks,
compare equal; anything a reader or a script could notice does not.

With --intended, the changes issue 20 made on purpose are set aside first, and
counted: the Content-Security-Policy meta tag; a rubric's level count as
data-hb-levels instead of style="--hb-levels: N"; the rubric method table's
right-aligned weights by CSS instead of style=""; JSON in data attributes
compared as data (its spacing and escapes aside).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path


def _spaces(value: str | None) -> str:
    return re.sub(r"\s+", " ", value or "").strip()


INTENDED: dict[str, int] = {}


def _intended(tag: str, attrs: list) -> list | None:
    """The element as it would be without issue 20's intended changes; None: leave it out."""
    names = dict(attrs)
    if tag == "meta" and names.get("http-equiv") == "Content-Security-Policy":
        INTENDED["Content-Security-Policy meta tag"] = INTENDED.get("Content-Security-Policy meta tag", 0) + 1
        return None
    out = []
    for name, value in attrs:
        if name == "style" and (value or "").startswith("--hb-levels:"):
            name, value = "data-hb-levels", value.split(":", 1)[1].strip()
            INTENDED["rubric level count as an attribute"] = INTENDED.get("rubric level count as an attribute", 0) + 1
        elif name == "style" and value == "text-align: right;" and tag in ("td", "th"):
            INTENDED["table alignment moved to handbook.css"] = (
                INTENDED.get("table alignment moved to handbook.css", 0) + 1
            )
            continue
        elif name.startswith("data-hb-") and (value or "").startswith(("{", "[")):
            try:
                value = json.dumps(json.loads(value), sort_keys=True, ensure_ascii=False)
            except ValueError:
                pass
        out.append((name, value))
    return out


class _Canonical(HTMLParser):
    def __init__(self, intended: bool = False):
        super().__init__(convert_charrefs=True)
        self.intended = intended
        self.out: list[str] = []
        self.text: list[str] = []

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if text:
            self.out.append(text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        self._flush()
        if self.intended:
            attrs = _intended(tag, attrs)
            if attrs is None:
                return
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


def canonical(html: str, intended: bool = False) -> list[str]:
    parser = _Canonical(intended)
    parser.feed(html)
    parser.close()
    return parser.out


def compare(before: Path, after: Path, show: int = 3, listing: bool = False, intended: bool = False) -> int:
    pages_before = {p.relative_to(before).as_posix() for p in before.rglob("*.html")}
    pages_after = {p.relative_to(after).as_posix() for p in after.rglob("*.html")}
    differing = []
    for path in sorted(pages_before - pages_after)[:10]:
        print(f"only before: {path}")
    for path in sorted(pages_after - pages_before)[:10]:
        print(f"only after: {path}")
    for path in sorted(pages_before & pages_after):
        a = canonical((before / path).read_text(encoding="utf-8"), intended)
        b = canonical((after / path).read_text(encoding="utf-8"), intended)
        if a != b:
            differing.append((path, a, b))
    if listing:
        for path, _, _ in differing:
            print(f"differs: {path}")
    for path, a, b in differing[:show]:
        print(f"--- {path}")
        for line in list(difflib.unified_diff(a, b, lineterm="", n=1))[2:40]:
            print("   ", line[:300])
    for what, n in sorted(INTENDED.items()):
        print(f"set aside as intended: {what} ({n} elements, both sites)")
    print(
        f"{len(pages_before & pages_after)} pages compared, {len(differing)} differ"
        f"{' beyond the intended changes' if intended else ''}; {len(pages_before ^ pages_after)} only on one side."
    )
    return len(differing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=3, help="how many differing pages to show")
    parser.add_argument("--list", action="store_true", help="list every differing page")
    parser.add_argument("--intended", action="store_true", help="set issue 20's intended changes aside")
    args = parser.parse_args(argv)
    differing = compare(args.before, args.after, args.show, args.list, args.intended)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
