// Runs the self-check engine inside real Pyodide under Node, on the same zip the browser loads.
// Usage: node run_engine.mjs <bundle.zip> <households.json>  -> JSON list of results on stdout
// With BENCH=<n> it instead times n evaluations of the first household and prints per-second figures.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve("node_modules/pyodide/pyodide.js"));

const [bundlePath, householdsPath] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(await readFile(bundlePath)), "zip", { extractDir: "/home/pyodide/bundle" });
pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/bundle")
from selfcheck.jsonapi import evaluate_json
`);
const evaluate = pyodide.globals.get("evaluate_json");
const households = JSON.parse(await readFile(householdsPath, "utf8"));
const version = pyodide.runPython("import sys; sys.version.split()[0]");

if (process.env.BENCH) {
  const n = Number(process.env.BENCH);
  const text = JSON.stringify(households[0]);
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) evaluate(text);
    runs.push(n / ((performance.now() - t0) / 1000));
  }
  runs.sort((a, b) => a - b);
  console.log(JSON.stringify({ python: version, evaluations_per_second_median: runs[2] }));
} else {
  const results = households.map((h) => JSON.parse(evaluate(JSON.stringify(h))));
  console.log(JSON.stringify({ python: version, results }));
}
