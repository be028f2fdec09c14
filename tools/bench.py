#!/usr/bin/env python3
"""Speed and size figures, reported rather than asserted (run: make bench).

Every figure is a median of RUNS in this one run, beside a baseline measured the same way in
the same run: a bare page that only calls Pyodide's loadPyodide() from the site's own files.
The ratio site/bare is the figure to watch; absolute times depend on the machine.

- full build time of both sites (every language and guide)
- bytes the server sends on a cold visit of the self-check page, served compressed the way
  `make run` serves (brotli/gzip by Accept-Encoding), and for one content page
- engine ready, cold (new profile with an empty disk cache) and warm (reload), for the site and
  for the bare loadPyodide() page; the same with 4x CPU throttling and a 4G network profile
- submit -> result (median and p95), share link -> result
- engine evaluations per second in CPython and in Pyodide (Node)
"""
from __future__ import annotations

import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import build  # noqa: E402
from sitebuild import bundle, serve  # noqa: E402
from sitebuild.csp import read_headers  # noqa: E402
from tests.browser.selfcheck_helpers import FAMILY_STEPS, fill_step  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, SECOND_SITE, chromium_path  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", 5))
SUBMITS = 4 * RUNS
EXAMPLE = json.loads((ROOT / "examples" / "two-children-2026.json").read_text())
# Budgets (also in docs/municipalities.md): what a first visit may cost on a phone.
BUDGET_SELFCHECK_BYTES = 4_000_000
BUDGET_SELFCHECK_BYTES_BROTLI = 3_500_000
BUDGET_CONTENT_PAGE_BYTES = 150_000
# "4G" as assumed here: 9 Mbit/s down, 1.5 Mbit/s up, 60 ms round trip; CPU 4x slower.
NETWORK_4G = {"offline": False, "latency": 60, "downloadThroughput": 9_000_000 / 8,
              "uploadThroughput": 1_500_000 / 8}
CPU_SLOWDOWN = 4

BARE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare loadPyodide</title>
<script type="module" src="page.mjs"></script></head><body><p id="status">loading</p></body></html>"""
BARE_SCRIPT = """const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = () => { document.body.dataset.readyAt = String(performance.now());
  document.getElementById("status").textContent = "ready"; };"""
BARE_WORKER = """import { loadPyodide } from "../pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
self.postMessage("ready");"""


class CountingHandler(serve.Handler):
    served: list[tuple[str, int, float]] = []

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self.served.append((self.path, len(data), time.time() * 1000))  # sent by then (epoch ms)


def build_time() -> tuple[float, Path]:
    import logging
    logging.disable(logging.INFO)
    started = time.perf_counter()
    out = build.build(None)
    build.build(str(SECOND_SITE))
    return time.perf_counter() - started, out


def write_bare_page(out: Path) -> None:
    bare = out / "bench-bare"
    bare.mkdir(exist_ok=True)
    (bare / "index.html").write_text(BARE_PAGE)
    (bare / "page.mjs").write_text(BARE_SCRIPT)
    (bare / "worker.mjs").write_text(BARE_WORKER)


def answer_family_case(page) -> None:
    for n, step in enumerate(FAMILY_STEPS):
        fill_step(page, step)
        if n < len(FAMILY_STEPS) - 1:
            page.click("#sc-next")


def time_submit(page) -> float:
    """submit -> result card on screen, timed inside the page."""
    return page.evaluate("""() => new Promise((resolve) => {
        const result = document.getElementById("sc-result");
        result.hidden = true;
        const started = performance.now();
        new MutationObserver((_, obs) => {
            if (!result.hidden) { obs.disconnect(); resolve(performance.now() - started); }
        }).observe(result, {attributes: true});
        document.getElementById("sc-submit").click();
    })""")


def ready_site(page) -> float:
    page.wait_for_selector("#sc-status[data-state=ready]", timeout=180_000)
    return float(page.get_attribute("#selfcheck", "data-ready-at"))


def ready_bare(page) -> float:
    page.wait_for_selector("body[data-ready-at]", timeout=180_000)
    return float(page.get_attribute("body", "data-ready-at"))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def browser_figures(out: Path) -> dict:
    from http.server import ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    write_bare_page(out)
    handler = type("BenchHandler", (CountingHandler,), {"security_headers": read_headers(out)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    times: dict[str, list[float]] = {}
    cold_bytes: list[int] = []
    ready_bytes: list[int] = []
    content_bytes: list[int] = []
    submits: list[float] = []
    share: list[float] = []

    def visit(pw, url: str, ready, key: str, throttled: bool, first: bool) -> None:
        context = pw.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=chromium_path(),
                                                        args=CHROMIUM_ARGS)
        page = context.new_page()
        if throttled:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", NETWORK_4G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        CountingHandler.served.clear()
        page.goto(url)
        times.setdefault(f"{key}_cold", []).append(ready(page))
        if first:
            # what the page needs until the engine is ready; then also what the service worker
            # stores for offline use (registered once the engine is ready: the language's pages)
            # only what was sent before the engine said "ready" (the service worker registers
            # then and starts its own downloads while this line runs)
            ready_at = page.evaluate("performance.timeOrigin + Number(document.getElementById('selfcheck').dataset.readyAt)")
            ready_bytes.append(sum(size for _, size, sent in CountingHandler.served if sent <= ready_at))
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            cold_bytes.append(sum(size for _, size, _sent in CountingHandler.served))
        page.reload()
        times.setdefault(f"{key}_warm", []).append(ready(page))
        if first:
            answer_family_case(page)
            submits.extend(time_submit(page) for _ in range(SUBMITS // RUNS))
            link = page.evaluate("location.href")
            if "#" in link:
                started = time.perf_counter()
                page.goto(link)
                page.reload()
                page.wait_for_selector("#sc-result:not([hidden])", timeout=180_000)
                share.append((time.perf_counter() - started) * 1000)
        context.close()

    with sync_playwright() as pw:
        for run in range(RUNS):
            for throttled in (False, True):
                suffix = "_throttled" if throttled else ""
                visit(pw, base + "/selbstcheck/", ready_site, "site" + suffix, throttled, not throttled)
                visit(pw, base + "/bench-bare/", ready_bare, "bare" + suffix, throttled, False)
        context = pw.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=chromium_path(),
                                                        args=CHROMIUM_ARGS)
        page = context.new_page()
        CountingHandler.served.clear()
        page.goto(base + "/leistungen/wohngeld/")
        page.wait_for_load_state("networkidle")
        content_bytes.append(sum(size for _, size, _sent in CountingHandler.served))
        context.close()
    server.shutdown()

    figures = {}
    for key, values in sorted(times.items()):
        figures[f"engine_ready_{key}_ms_median"] = statistics.median(values)
    for variant in ("", "_throttled"):
        for kind in ("cold", "warm"):
            figures[f"ratio_site_to_bare_{kind}{variant}"] = (figures[f"engine_ready_site{variant}_{kind}_ms_median"]
                                                              / figures[f"engine_ready_bare{variant}_{kind}_ms_median"])
    figures["selfcheck_first_visit_bytes_until_ready"] = statistics.median(ready_bytes)
    figures["selfcheck_first_visit_bytes_with_offline_store"] = statistics.median(cold_bytes)
    figures["selfcheck_first_visit_budget_bytes"] = BUDGET_SELFCHECK_BYTES_BROTLI
    figures["content_page_first_visit_bytes_served"] = content_bytes[0]
    figures["content_page_budget_bytes"] = BUDGET_CONTENT_PAGE_BYTES
    figures["submit_to_result_ms_median"] = statistics.median(submits)
    figures["submit_to_result_ms_p95"] = p95(submits)
    if share:
        figures["share_link_to_result_ms_median"] = statistics.median(share)
    return figures


def precache_bytes(out: Path) -> int:
    text = (out / "sw.js").read_text() if (out / "sw.js").exists() else ""
    start = text.find("const PRECACHE = ")
    if start < 0:
        return 0
    paths = json.loads(text[start + len("const PRECACHE = "):text.index(";", start)])
    total = 0
    for rel in paths:
        file = out / rel.split("?")[0]
        file = file / "index.html" if file.is_dir() else file
        total += file.stat().st_size if file.exists() else 0
    return total


def engine_rate_cpython() -> float:
    from selfcheck.jsonapi import evaluate_json
    text = json.dumps(EXAMPLE)
    rates = []
    for _ in range(RUNS):
        n, started = 2000, time.perf_counter()
        for _ in range(n):
            evaluate_json(text)
        rates.append(n / (time.perf_counter() - started))
    return statistics.median(rates)


def engine_rate_pyodide() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "b.zip").write_bytes(bundle.build_zip())
        (Path(tmp) / "h.json").write_text(json.dumps([{"household": EXAMPLE, "local": None}]))
        out = subprocess.run(["node", "tests/pyodide/run_engine.mjs", f"{tmp}/b.zip", f"{tmp}/h.json"],
                             cwd=ROOT, env={**os.environ, "BENCH": "500"}, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["evaluations_per_second_median"]


def main() -> None:
    if "--no-build" in sys.argv:  # quick look at the last build
        from sitebuild import sites
        out, figures = sites.output_dir(sites.load_site(None)), {}
    else:
        seconds, out = build_time()
        figures = {"build_seconds_both_sites": round(seconds, 2)}
    figures.update(browser_figures(out))
    figures["service_worker_precache_bytes"] = precache_bytes(out)
    figures["engine_evaluations_per_second_cpython"] = round(engine_rate_cpython())
    figures["engine_evaluations_per_second_pyodide"] = round(engine_rate_pyodide())
    for key, value in figures.items():
        print(f"{key:48} {round(value, 2) if isinstance(value, float) else value}")


if __name__ == "__main__":
    main()
