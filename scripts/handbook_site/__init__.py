"""The site adapter: what turns the handbook model into the MkDocs site.

Dependencies go one way: handbook_site → handbook.generate (the page
generators) → handbook (the content model). Nothing in `handbook` imports
this package (the `hb check-site` command loads site_check when it runs).

- plugin/          the MkDocs plugin `handbook` (entry point in pyproject.toml):
                   config.py, its typed settings; plugin.py, its events
- build.py         both languages built in one process (scripts/build)
- preview.py       the editors' preview (scripts/serve): one process, changed pages only
- assets.py        the site's own scripts and styles, minified and joined
- csp.py           the hashes of the theme's inline scripts, for the CSP meta tag
- sidebar.py       the navigation each page shows (lifted manuals, bounded lists)
- search_words.py  the search words file the search dialog fetches
- pagefind_index.py  each language's Pagefind index
- site_check.py    links, anchors and images of a built site (scripts/hb check-site)
"""
