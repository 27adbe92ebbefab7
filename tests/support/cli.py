"""Run the editors' command line (`scripts/hb`) in the test's own process: its
main function with the arguments, stdout and stderr captured, the exit status
returned as a shell would see it. No interpreter start and no second model load
per call, which is most of what a subprocess costs. tests/test_cli.py keeps one
run through scripts/hb itself, so the wrapper script stays tested."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import handbook.cli

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Completed:
    """What subprocess.run would have returned, for the fields the tests read."""

    returncode: int
    stdout: str
    stderr: str


def hb(*args: str, content: Path | None = None) -> Completed:
    """`scripts/hb ARGS`, run from the repository root; `content` stands for
    HANDBOOK_CONTENT (the content folder the command reads)."""
    out, err = io.StringIO(), io.StringIO()
    saved = handbook.cli.CONTENT
    # The command reads its content folder from handbook.cli.CONTENT, which the
    # loader takes from HANDBOOK_CONTENT when it is imported.
    handbook.cli.CONTENT = Path(content).resolve() if content is not None else saved
    try:
        with contextlib.chdir(ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = handbook.cli.main(list(args))
            except SystemExit as exit_:  # argparse's usage errors, and sys.exit(message)
                code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
                if isinstance(exit_.code, str):
                    print(exit_.code, file=err)
    finally:
        handbook.cli.CONTENT = saved
    return Completed(code or 0, out.getvalue(), err.getvalue())
