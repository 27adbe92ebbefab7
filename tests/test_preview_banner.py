"""The preview's banner names content problems as text: a problem quoting markup
(a file name, a YAML line) can never become markup in the editor's browser."""

from __future__ import annotations

from handbook_site.preview import BANNER, OWN


def test_a_problem_quoting_markup_is_shown_as_text():
    page = BANNER.render(own=OWN, epoch=1, request=2, problems=['a.yml:3: error: <img src=x onerror="alert(1)">'])
    assert "<img" not in page and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "1 problem(s)" in page and 'role="alert"' in page


def test_without_problems_only_the_reload_script_is_added():
    page = BANNER.render(own=OWN, epoch=1, request=2, problems=[])
    assert page == '<script src="/.preview/reload.js?epoch=1&amp;request=2"></script>'
