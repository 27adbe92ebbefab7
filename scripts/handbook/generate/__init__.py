"""Views of the handbook model as pages, independent of any site generator."""

from .nav import build_nav
from .page import GeneratedPage
from .site import build_files, build_pages, write_pages

__all__ = ["GeneratedPage", "build_files", "build_nav", "build_pages", "write_pages"]
