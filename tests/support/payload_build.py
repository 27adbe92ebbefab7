"""Build several handbook sites from several content folders in one process (for the
injection matrix: MkDocs and the theme are loaded once).

Usage: python -m tests.support.payload_build [--unchecked] CONTENT OUT [CONTENT OUT ...]

Each CONTENT folder is built in both languages (zh into OUT, en into OUT/en).
With --unchecked, the plain-text checks (handbook.content_text) are switched
off, so that markup in content reaches the generator: what the page then shows
depends on the rendering layer alone. A build that fails prints its problems
and the driver goes on with the next; the exit status is the number of failures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from handbook_site import build as build_languages

import handbook.content_text
import handbook.loader


def main(argv: list[str]) -> int:
    unchecked = "--unchecked" in argv
    pairs = [arg for arg in argv if not arg.startswith("--")]
    if unchecked:
        handbook.content_text.check_document = lambda doc, problems: None
    remembered = handbook.loader.load_handbook_remembered
    # The hooks read the content folder named when the loader was imported; read it per build.
    handbook.loader.load_handbook_remembered = lambda content=None: remembered(Path(os.environ["HANDBOOK_CONTENT"]))
    failures = 0
    for content, out in zip(pairs[::2], pairs[1::2]):
        os.environ["HANDBOOK_CONTENT"] = str(Path(content).resolve())
        status = build_languages.main(["--strict", "--quiet", "mkdocs.yml", out, "mkdocs.en.yml", f"{out}/en"])
        if status:
            print(f"build failed: {content}", file=sys.stderr)
            failures += 1
    return failures


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
