"""What the tests and the benchmark share: serve a built site on loopback as a
production server would (server), launch Debian's Chromium through Playwright
(browser), take screenshots of built pages (screenshots), and compare two built
sites page by page (compare_sites).

Dependencies run one way: tests/ and scripts/benchmark/ import this package;
it imports neither of them, nor the content model.
"""
