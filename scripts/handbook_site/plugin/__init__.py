"""The MkDocs plugin `handbook` (entry point in pyproject.toml): one folder, its
settings in config.py and its events in plugin.py, as mkdocs-material's own plugins."""

from .plugin import HandbookPlugin

__all__ = ["HandbookPlugin"]
