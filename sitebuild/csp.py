"""Security headers for a built site: a Content-Security-Policy that allows only the site's
own origin, with the hashes of the theme's few inline scripts.

Only inline scripts written by a template are hashed: those of our overrides/ and of the
two Material partials that carry them. Each template's script becomes a pattern (its Jinja
expressions may only fill a string literal), and a built script must match one whole. Any
other inline script (one that slipped in through content) stops the build instead of being
allowed by the policy; `build.py check` already refuses <script> in content.

build.py writes them as ``_headers`` (read by Netlify, Cloudflare Pages and similar hosts)
and as an nginx example under build/<site-id>/; the local server sends the same headers,
so every browser test runs under the production policy.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from .serve import HASHED_NAME

INLINE_SCRIPT_RE = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
JINJA_EXPR_RE = re.compile(r"\{\{.*?\}\}", re.S)
ROOT = Path(__file__).resolve().parent.parent
# The Material partials with inline scripts (the scope/storage helper and the tab-anchor fix).
THEME_PARTIALS = ("partials/javascripts/base.html", "partials/javascripts/content.html")


class ForeignScript(ValueError):
    pass


def _theme_templates() -> list[Path]:
    import material

    theme = Path(material.__file__).resolve().parent / "templates"
    return [theme / name for name in THEME_PARTIALS] + sorted((ROOT / "overrides").rglob("*.html"))


def allowed_patterns(templates: list[Path] | None = None) -> list[re.Pattern]:
    """One pattern per inline script of our templates; a Jinja expression matches a string's content."""
    patterns = []
    for path in templates if templates is not None else _theme_templates():
        for attrs, body in INLINE_SCRIPT_RE.findall(path.read_text(encoding="utf-8")):
            if "application/json" in attrs:
                continue
            pieces = JINJA_EXPR_RE.split(body)
            patterns.append(re.compile("".join(
                re.escape(piece) + ("" if i == len(pieces) - 1 else r'[^"\'<>\\\n]*') for i, piece in enumerate(pieces))))
    return patterns


def _sha256(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(site_dir: Path, patterns: list[re.Pattern] | None = None) -> list[str]:
    """Hashes of the template scripts; raises ForeignScript for any other inline script."""
    patterns = allowed_patterns() if patterns is None else patterns
    hashes, foreign = set(), []
    for page in sorted(site_dir.rglob("*.html")):
        for attrs, body in INLINE_SCRIPT_RE.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attrs:
                continue  # data, never executed
            if any(p.fullmatch(body) for p in patterns):
                hashes.add(_sha256(body))
            else:
                foreign.append(f"{page.relative_to(site_dir)}: script {body[:60]!r}")
    if foreign:
        raise ForeignScript("inline scripts not written by a template (not allowed by the CSP): " + "; ".join(foreign))
    return sorted(hashes)


def policy(site_dir: Path) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(site_dir)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",           # Pyodide compiles WebAssembly: 'wasm-unsafe-eval', not 'unsafe-eval'
        "style-src 'self'",
        "img-src 'self' data:",            # the theme's icons are data: SVGs in its CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ])


def headers(site_dir: Path) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy(site_dir),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    }


def write(site_dir: Path, work_dir: Path) -> dict[str, str]:
    values = headers(site_dir)
    (site_dir / "_headers").write_text("/*\n" + "".join(f"  {k}: {v}\n" for k, v in values.items()), encoding="utf-8")
    security = ['add_header Strict-Transport-Security "max-age=31536000" always;',
                *(f'add_header {k} "{v}" always;' for k, v in values.items())]
    nginx = ["# Example nginx server block for this site; see docs/municipalities.md (2. Host it).",
             "server {", "    listen 443 ssl;", "    server_name soziallotse.example.org;",
             f"    root /srv/{site_dir.name};", "    index index.html;",
             "    types { text/javascript mjs js; application/wasm wasm; }", "    include mime.types;",
             "    # the .gz and .br copies the build writes beside each large file",
             "    gzip_static on;", "    gzip_vary on;",
             "    brotli_static on;  # needs the ngx_brotli module; without it delete this line",
             *(f"    {line}" for line in security),
             # Material's bundles carry a content hash in their name; nothing else does (the
             # runtime's zip changes with the engine), so only they are cached for a year, as
             # serve.py does (the same pattern; quoted: it has braces)
             f'    location ~* "{HASHED_NAME.pattern}" {{',
             '        add_header Cache-Control "public, max-age=31536000, immutable" always;',
             "        # nginx: a location's add_header replaces the server's, so they are repeated",
             *(f"        {line}" for line in security),
             "    }", "}"]
    (work_dir / "nginx.conf").write_text("\n".join(nginx) + "\n", encoding="utf-8")
    return values


def read_headers(site_dir: Path) -> dict[str, str]:
    path = site_dir / "_headers"
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  ") and ":" in line:
            key, value = line.strip().split(":", 1)
            out[key] = value.strip()
    return out
