"""Change history per rule, worked out from the repository's git history.

No MkDocs here: the generator (handbook.generate.changes) and the benchmark
use it. `history_for(content)` gives the History of a content folder:

- gitlog.py    the versions (first-parent commits touching the content) and their file changes
- rules.py     the rules of one version of one file, by id, as the loader reads them
- compare.py   what changed between two sets of rules (added, changed, removed, translated)
- build.py     the History: versions with their changes, cached per blob, timed
- settings.py  the organisation's settings (checklists/changes.yml), checked
- chardiff.py  the character-level difference of two Chinese texts
"""

from .build import History, Version, history_for  # noqa: F401
from .compare import Change  # noqa: F401
from .rules import Rule  # noqa: F401
