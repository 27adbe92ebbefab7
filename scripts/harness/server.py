"""Serve a built site on loopback the way a web server in production would:
text compressed with gzip when the browser accepts it, so that the bytes the
benchmark counts are the bytes a phone would download."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# nginx's gzip_comp_level default is 1; most sites set 5 or 6.
GZIP_LEVEL = 6


class _CompressingHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def __init__(self, *args, cache: dict, **kwargs):
        self._cache = cache
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)  # a rebuilt file is compressed again
        body = self._cache.get(key)
        if body is None:
            body = self._cache[key] = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header(
            "Content-Type",
            content_type
            + ("; charset=utf-8" if "charset" not in content_type and not content_type.startswith("image/") else ""),
        )
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)
        return None


@contextlib.contextmanager
def serve_compressed(folder: Path, port: int = 0):
    """Serve `folder` at http://127.0.0.1:PORT/ for the duration of the block."""
    handler = functools.partial(_CompressingHandler, directory=str(folder), cache={})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
