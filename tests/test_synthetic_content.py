"""The benchmark's synthetic content: N copies of the handbook, with fresh ids, that
pass every check and hold every view N times over, in both languages."""

from __future__ import annotations

from collections import Counter

from benchmark.synthetic import scale_content
from conftest import ROOT
from handbook import load_handbook


def test_three_times_the_handbook_is_valid_content_three_times_over(tmp_path, real_handbook):
    real = real_handbook
    scaled, _ = load_handbook(scale_content(ROOT / "checklists", tmp_path / "3x", 3))  # strict: no warnings
    assert len(scaled.manuals) == 3 * len(real.manuals)
    for count in (
        lambda h: list(h.sections()),
        lambda h: list(h.rules()),
        lambda h: h.checklists,
        lambda h: h.rubrics,
        lambda h: list(h.questions()),
    ):
        assert len(count(scaled)) == 3 * len(count(real))
    ids = [s.id for s in scaled.sections()] + [q.id for q in scaled.questions()] + list(scaled.rules())
    assert not [i for i, n in Counter(ids).items() if n > 1]
    originals = {s.id: s for s in real.sections()}
    copies = [s for s in scaled.sections() if s.id not in originals]
    assert copies
    for copy in copies:
        original = originals[
            f"{next(m.id for m in real.manuals if m.title.zh == copy.chapter.manual.title.zh)}"
            f"-{copy.id.split('-', 1)[1]}"
        ]
        assert [(t.zh, t.en) for t in copy.texts()] == [(t.zh, t.en) for t in original.texts()]
