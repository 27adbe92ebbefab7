"""What one benchmark run measured."""

from __future__ import annotations

from dataclasses import dataclass, field

from .axe import AxeResult
from .builds import Run
from .lighthouse import Scores
from .navigation import NavMeasure
from .preview import PreviewMeasure
from .search import Quality
from .weight import SearchVisit, Visit


@dataclass
class Scale:
    times: int
    pages: int  # HTML pages built, both languages
    run: Run
    time_ratio: float  # to the 1× build's median time
    memory_ratio: float  # to the 1× build's peak memory


@dataclass
class Results:
    machine: dict[str, str]
    builds: list[Run] = field(default_factory=list)  # scripts/build, 1× (the content given)
    plain: list[Run] = field(default_factory=list)  # plain mkdocs-material with its search: the baseline
    plain_bare: list[Run] = field(default_factory=list)  # the same without any search, for information
    pages_built: int = 0
    scales: list[Scale] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # kind → URL path
    visits: dict[tuple[str, str], Visit] = field(default_factory=dict)  # (lang, kind) →
    own_js: dict[str, tuple[int, int]] = field(default_factory=dict)  # file → (bytes, compressed)
    own_css: dict[str, tuple[int, int]] = field(default_factory=dict)
    search_index: dict[str, tuple[int, int]] = field(default_factory=dict)  # lang →
    lighthouse: dict[tuple[str, str], Scores] = field(default_factory=dict)
    lighthouse_runs: int = 1
    axe: dict[tuple[str, str], AxeResult] = field(default_factory=dict)
    navigation: list[NavMeasure] = field(default_factory=list)  # the site last, alternatives first
    scale_navigation: dict[int, NavMeasure] = field(default_factory=dict)  # N → the site at N× content
    search: Quality | None = None  # both engines' answers
    search_page: str = ""  # where the first search starts
    search_visits: dict[tuple[int, str], SearchVisit] = field(default_factory=dict)  # (content ×, lang) →
    preview: list[PreviewMeasure] = field(default_factory=list)  # scripts/serve first, then its alternatives
    history: object | None = None  # benchmark.history.HistoryMeasure (issue 22)

    @property
    def build_median(self) -> float:
        return _median([r.seconds for r in self.builds])

    @property
    def plain_median(self) -> float:
        return _median([r.seconds for r in self.plain])

    @property
    def plain_bare_median(self) -> float:
        return _median([r.seconds for r in self.plain_bare])

    @property
    def overhead(self) -> float:
        """Against the budget's baseline: plain mkdocs-material with its own search."""
        return self.build_median / self.plain_median - 1

    @property
    def overhead_bare(self) -> float:
        """Against plain mkdocs-material without any search (not the budget's baseline)."""
        return self.build_median / self.plain_bare_median - 1

    @property
    def build_peak_mib(self) -> float:
        return max(r.peak_mib for r in self.builds)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
