"""Build several MkDocs sites in one Python process, one after the other.

MkDocs, the theme, jieba's dictionary and the handbook's content are loaded
once rather than once per language. Each site is built exactly as
`mkdocs build -f CONFIG -d OUT` builds it (the same command-line code runs),
except that a language's Pagefind index (handbook_site.pagefind_index) is left
running while the next language builds, and waited for at the end.

Usage: python -m handbook_site.build [--strict] [--quiet] CONFIG OUT [CONFIG OUT ...]
HANDBOOK_MKDOCS names the generator's module (mkdocs, or properdocs).
"""

from __future__ import annotations

import importlib
import os
import sys

import click
from mkdocs.exceptions import Abort

from handbook_site import pagefind_index


def main(argv: list[str]) -> int:
    flags = [arg for arg in argv if arg.startswith("--")]
    pairs = [arg for arg in argv if not arg.startswith("--")]
    if not pairs or len(pairs) % 2 or set(flags) - {"--strict", "--quiet"}:
        print(next(line for line in __doc__.splitlines() if line.startswith("Usage:")), file=sys.stderr)
        return 2
    generator = os.environ.get("HANDBOOK_MKDOCS", "mkdocs")
    cli = importlib.import_module(f"{generator}.__main__").cli
    # Each language's search index is built while the next language's pages are (one
    # Pagefind process per language), and all are waited for before the build ends.
    with pagefind_index.deferring() as indexes:
        for config, out in zip(pairs[::2], pairs[1::2]):
            try:
                cli.main(["build", *flags, "-f", config, "-d", out], prog_name=generator, standalone_mode=False)
            except click.ClickException as error:
                error.show()
                return 1  # an index still running is stopped on leaving
        try:
            indexes.wait()
        except pagefind_index.PagefindError as error:
            Abort(str(error)).show()
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
