// Runs the self-check engine inside real Pyodide under Node, on the same zip the browser loads.
// Usage: node run_engine.mjs <bundle.zip> <cases.json> [stdlib.zip]  -> JSON list of results on stdout
// stdlib.zip: the trimmed standard library the site ships (default: Pyodide's full one).
// cases.json: a list of {household, local}; local null means the bundle's own local data.
// With BENCH=<n> it instead times n evaluations of the first household and prints per-second figures.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve("node_modules/pyodide/pyodide.js"));

const [bundlePath, householdsPath, stdLibPath] = process.argv.slice(2);
const pyodide = await loadPyodide(stdLibPath ? { stdLibURL: path.resolve(stdLibPath) } : {});
pyodide.unpackArchive(new Uint8Array(await readFile(bundlePath)), "zip", { extractDir: "/home/pyodide/bundle" });
pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/bundle")
from selfcheck.jsonapi import evaluate_json
`);
const evaluate = pyodide.globals.get("evaluate_json");
const cases = JSON.parse(await readFile(householdsPath, "utf8"));
const run = (c) => evaluate(JSON.stringify(c.household), c.local == null ? undefined : JSON.stringify(c.local));
const version = pyodide.runPython("import sys; sys.version.split()[0]");

if (process.env.BENCH) {
  const n = Number(process.env.BENCH);
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) run(cases[0]);
    runs.push(n / ((performance.now() - t0) / 1000));
  }
  runs.sort((a, b) => a - b);
  console.log(JSON.stringify({ python: version, evaluations_per_second_median: runs[2] }));
} else {
  const results = cases.map((c) => JSON.parse(run(c)));
  console.log(JSON.stringify({ python: version, results }));
}
