"""Serve a built site on 127.0.0.1 with the MIME types Pyodide needs (.mjs, .wasm)."""
from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


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

    def log_message(self, fmt, *args):  # quiet: tests start many requests
        pass


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    from .csp import read_headers

    handler_class = type("SiteHandler", (Handler,), {"security_headers": read_headers(Path(directory))})
    handler = functools.partial(handler_class, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)
