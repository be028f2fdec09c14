#!/usr/bin/env python3
"""Speed and size figures, reported rather than asserted (run: make bench).

- full build time of the default site
- self-check page: navigation start -> engine ready, cold (empty cache) and warm (cached), median of 5
- submit -> result shown, median of 5
- bytes served for one cold visit of the self-check page (as served, and gzip-compressed)
- engine evaluations per second in CPython and in Pyodide (Node), median of 5
"""
from __future__ import annotations

import gzip
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
from tests.browser.selfcheck_helpers import FAMILY_STEPS, fill_step  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

RUNS = 5
EXAMPLE = json.loads((ROOT / "examples" / "two-children-2026.json").read_text())


class CountingHandler(serve.Handler):
    served: list[tuple[str, int]] = []

    def copyfile(self, source, outputfile):
        data = source.read()
        self.served.append((self.path, len(data)))
        outputfile.write(data)


def answer_family_case(page) -> None:
    """Every step of the family case, stopping before the final submit."""
    for n, step in enumerate(FAMILY_STEPS):
        fill_step(page, step)
        if n < len(FAMILY_STEPS) - 1:
            page.click("#sc-next")


def build_time() -> float:
    import logging
    logging.disable(logging.INFO)
    started = time.perf_counter()
    out = build.build(None)
    return time.perf_counter() - started, out


def browser_figures(out: Path) -> dict:
    import functools
    from http.server import ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/selbstcheck/"
    cold, warm, submit, cold_bytes = [], [], [], []

    def ready_at(page) -> float:
        page.wait_for_selector("#sc-status[data-state=ready]", timeout=120_000)
        return float(page.get_attribute("#selfcheck", "data-ready-at"))

    with sync_playwright() as pw:
        for _ in range(RUNS):
            # A new profile with a disk cache, as a real browser has: a first visit. (Playwright's
            # in-memory contexts do not keep the 9.6 MB wasm, which would count it twice.)
            context = pw.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=chromium_path(),
                                                            args=CHROMIUM_ARGS)
            page = context.new_page()
            CountingHandler.served.clear()
            page.goto(url)
            cold.append(ready_at(page))
            page.wait_for_load_state("networkidle")
            cold_bytes.append(list(CountingHandler.served))
            page.reload()  # same context: the browser cache is warm
            warm.append(ready_at(page))
            answer_family_case(page)
            # submit -> result card on screen, timed inside the page
            submit.append(page.evaluate("""() => new Promise((resolve) => {
                const started = performance.now();
                const result = document.getElementById("sc-result");
                new MutationObserver((_, obs) => {
                    if (!result.hidden) { obs.disconnect(); resolve(performance.now() - started); }
                }).observe(result, {attributes: true});
                document.getElementById("sc-submit").click();
            })"""))
            context.close()
    server.shutdown()

    served = cold_bytes[0]
    raw = sum(size for _, size in served)
    gz = 0
    for path, _ in served:
        file = out / path.split("?")[0].lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        gz += len(gzip.compress(file.read_bytes(), 6)) if file.exists() else 0
    return {
        "engine_ready_cold_ms_median": statistics.median(cold),
        "engine_ready_warm_ms_median": statistics.median(warm),
        "submit_to_result_ms_median": statistics.median(submit),
        "cold_visit_requests": len(served),
        "cold_visit_bytes": raw,
        "cold_visit_bytes_gzip": gz,
    }


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
    seconds, out = build_time()
    figures = {"build_seconds": round(seconds, 2)}
    figures.update(browser_figures(out))
    figures["engine_evaluations_per_second_cpython"] = round(engine_rate_cpython())
    figures["engine_evaluations_per_second_pyodide"] = round(engine_rate_pyodide())
    for key, value in figures.items():
        print(f"{key:42} {round(value, 1) if isinstance(value, float) else value}")


if __name__ == "__main__":
    main()
