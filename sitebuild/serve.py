"""Serve a built site on 127.0.0.1 the way a real static host would.

- MIME types Pyodide needs (.mjs, .wasm);
- the production headers the build wrote (``_headers``, CSP included);
- pre-compressed copies (``.br``, ``.gz``, written by compress.py) with ``Content-Encoding``
  when the browser accepts them, as nginx's ``brotli_static``/``gzip_static`` do;
- long immutable caching for files whose name carries a content hash.
"""
from __future__ import annotations

import email.utils
import functools
import os
import re
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Material's bundles and styles: bundle.a5f9d56c.min.js, main.484c7ddc.min.css, ...
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.(min\.)?(js|css)$")
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str | None) -> set[str]:
    """Codings the client accepts (q=0 means refused)."""
    accepted = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name and not re.search(r"q\s*=\s*0(\.0*)?\s*$", params):
            accepted.add(name.strip().lower())
    return accepted


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".zip": "application/zip",
        ".webmanifest": "application/manifest+json",
    }

    security_headers: dict[str, str] = {}

    def end_headers(self):
        # The production headers written by the build (_headers), CSP included.
        for key, value in self.security_headers.items():
            self.send_header(key, value)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder URL
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        coding, served = None, path
        for name, suffix in ENCODINGS:
            if name in accepted and os.path.isfile(path + suffix):
                coding, served = name, path + suffix
                break
        variants = any(os.path.isfile(path + suffix) for _, suffix in ENCODINGS)
        f = open(served, "rb")
        try:
            stat = os.fstat(f.fileno())
            since = self.headers.get("If-Modified-Since")
            if since and not self.headers.get("If-None-Match"):
                try:
                    if int(stat.st_mtime) <= email.utils.parsedate_to_datetime(since).timestamp():
                        self.send_response(HTTPStatus.NOT_MODIFIED)
                        self._cache_headers(path, variants)
                        self.end_headers()
                        f.close()
                        return None
                except (TypeError, ValueError, OverflowError, IndexError):
                    pass
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", self.guess_type(path))
            if coding:
                self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
            self._cache_headers(path, variants)
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise

    def _cache_headers(self, path: str, variants: bool) -> None:
        if variants:
            self.send_header("Vary", "Accept-Encoding")
        if HASHED_NAME.search(path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")

    def log_message(self, fmt, *args):  # quiet: tests start many requests
        pass


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    from .csp import read_headers

    handler_class = type("SiteHandler", (Handler,), {"security_headers": read_headers(Path(directory))})
    handler = functools.partial(handler_class, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)
