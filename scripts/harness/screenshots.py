"""Take screenshots of built pages: python -m harness.screenshots SITE OUT [PATH ...]."""

from __future__ import annotations

import sys
from pathlib import Path

from .browser import DESKTOP, PHONE, browser
from .server import serve_compressed as serve

SCREENS = {"desktop": DESKTOP, "phone": PHONE}


def main(site: Path, out: Path, paths: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, browser() as chromium:
        for screen, size in SCREENS.items():
            page = chromium.new_page(viewport=size, device_scale_factor=1)
            for path in paths or [""]:
                for lang, prefix in (("zh", ""), ("en", "en/")):
                    page.goto(base + prefix + path)
                    page.wait_for_load_state("networkidle")
                    name = (path.strip("/").replace("/", "_") or "home") + f"-{lang}-{screen}.png"
                    page.screenshot(path=str(out / name), full_page="--full" in sys.argv)
                    print(out / name)
            page.close()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(arguments[0]), Path(arguments[1]), arguments[2:])
