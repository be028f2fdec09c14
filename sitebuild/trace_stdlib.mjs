// Which standard-library files does the engine need in Pyodide? Loads the pinned runtime with
// the full stdlib, unpacks the engine bundle the way the browser worker does, runs every worked
// example (and some invalid input, for the error paths), imports every module the engine's
// source names, and prints the zip members that were loaded.
// Usage: node trace_stdlib.mjs <bundle.zip> <households.json> <modules.json>
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve("node_modules/pyodide/pyodide.js"));
const [bundlePath, householdsPath, modulesPath] = process.argv.slice(2);

const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(await readFile(bundlePath)), "zip", { extractDir: "/home/pyodide/selfcheck-bundle" });
pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/selfcheck-bundle")
from selfcheck.jsonapi import evaluate_json
`);
const evaluate = pyodide.globals.get("evaluate_json");
for (const c of JSON.parse(await readFile(householdsPath, "utf8"))) {
  evaluate(JSON.stringify(c.household), c.local == null ? undefined : JSON.stringify(c.local));
}
for (const bad of ["{", "[]", "{\"month\": \"x\"}", "{\"persons\": [{}]}", "null"]) evaluate(bad);
pyodide.globals.set("static_modules", pyodide.toPy(JSON.parse(await readFile(modulesPath, "utf8"))));
const files = pyodide.runPython(`
import importlib, sys
for name in static_modules:
    try:
        importlib.import_module(name)
    except ImportError:
        pass
marker = "/python%d%d.zip/" % sys.version_info[:2]
sorted({m.__file__.split(marker, 1)[1] for m in list(sys.modules.values())
        if marker in (getattr(m, "__file__", None) or "")})
`).toJs();
console.log(JSON.stringify(files));
