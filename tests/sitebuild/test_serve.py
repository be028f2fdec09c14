"""The local server answers as a real static host does: pre-compressed files, cache headers."""
from __future__ import annotations

import gzip
import threading
import urllib.request
import zipfile

import brotli
import pytest

from sitebuild import compress
from sitebuild.serve import accepted_encodings, make_server


@pytest.fixture
def served(tmp_path):
    body = ("const answer = 42;\n" * 400).encode()
    (tmp_path / "app.js").write_bytes(body)
    (tmp_path / "bundle.a5f9d56c.min.js").write_bytes(body)
    (tmp_path / "tiny.txt").write_bytes(b"small")
    compress.write(tmp_path)
    server = make_server(tmp_path, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", body
    server.shutdown()


def get(url: str, accept: str | None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_brotli_when_accepted_then_gzip_then_identity(served):
    base, body = served
    headers, data = get(f"{base}/app.js", "gzip, deflate, br, zstd")
    assert headers["Content-Encoding"] == "br" and brotli.decompress(data) == body
    assert headers["Content-Type"] == "text/javascript" and headers["Vary"] == "Accept-Encoding"
    headers, data = get(f"{base}/app.js", "gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(data) == body
    headers, data = get(f"{base}/app.js", "br;q=0, identity")
    assert headers["Content-Encoding"] is None and data == body
    headers, data = get(f"{base}/app.js", None)
    assert headers["Content-Encoding"] is None and data == body


def test_small_files_are_not_compressed(served):
    base, _ = served
    headers, data = get(f"{base}/tiny.txt", "br")
    assert headers["Content-Encoding"] is None and data == b"small"


def test_hashed_names_are_cached_for_a_year(served):
    base, _ = served
    assert get(f"{base}/bundle.a5f9d56c.min.js", "br")[0]["Cache-Control"] == "public, max-age=31536000, immutable"
    assert get(f"{base}/app.js", "br")[0]["Cache-Control"] is None


def test_accept_encoding_parsing():
    assert accepted_encodings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_encodings("br;q=0, gzip;q=0.5") == {"gzip"}
    assert accepted_encodings(None) == set()


def test_compressed_copies_are_deterministic(tmp_path):
    (tmp_path / "a.json").write_text('{"x": 1}' * 500)
    compress.write(tmp_path)
    first = (tmp_path / "a.json.gz").read_bytes(), (tmp_path / "a.json.br").read_bytes()
    compress.write(tmp_path)
    assert ((tmp_path / "a.json.gz").read_bytes(), (tmp_path / "a.json.br").read_bytes()) == first


def test_the_built_runtime_is_served_compressed(built_site):
    server = make_server(built_site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        for accept, coding in (("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip")):
            headers, data = get(f"{base}/pyodide/pyodide.asm.wasm", accept)
            assert headers["Content-Encoding"] == coding
            assert headers["Content-Type"] == "application/wasm"
            assert len(data) < 0.4 * (built_site / "pyodide" / "pyodide.asm.wasm").stat().st_size
    finally:
        server.shutdown()


def test_the_runtime_zips_are_stored_and_served_as_brotli(built_site):
    """Stored zips with a brotli copy: measured on the trimmed standard library, 588 KB as brotli
    against 816 KB as the deflated zip it was (and Python imports from it without inflating)."""
    for rel in ("pyodide/python_stdlib.zip", "assets/selfcheck/selfcheck.zip"):
        path = built_site / rel
        with zipfile.ZipFile(path) as zf:
            assert {info.compress_type for info in zf.infolist()} == {zipfile.ZIP_STORED}, rel
        assert (built_site / f"{rel}.br").stat().st_size < 0.25 * path.stat().st_size, rel
    server = make_server(built_site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        headers, _ = get(f"http://127.0.0.1:{server.server_address[1]}/pyodide/python_stdlib.zip", "gzip, deflate, br")
        assert headers["Content-Encoding"] == "br"
    finally:
        server.shutdown()
