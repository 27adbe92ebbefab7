"""The handbook's content model: load, validate and cross-reference the YAML.

Nothing here imports MkDocs; hooks, scripts and tests all share this package.
"""

from .loader import load_handbook
from .problems import ContentError, Problem

__all__ = ["ContentError", "Problem", "load_handbook"]
