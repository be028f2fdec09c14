"""Print the agreement table of the differential test (ours vs GETTSIM).

Run from the repository root, with GETTSIM installed in the environment:

    python -m tests.selfcheck.differential.report            # table only
    python -m tests.selfcheck.differential.report --details  # plus every disagreement
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=None, help="number of households (default 400)")
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    parser.add_argument("--engine-defaults", action="store_true",
                        help="omit the pays_* flags, so the engine derives them itself (NOTES F10)")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("gettsim") is None:
        print("gettsim is not installed: pip install gettsim==1.3.1", file=sys.stderr)
        return 2
    from .harness import TOLERANCE, compare, table

    start = time.time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # GETTSIM's vectorised 0/0 guards
        rows = compare(args.n, flags=not args.engine_defaults)
    if args.engine_defaults:
        print("VARIANT: pays_* flags omitted; the engine derives them (not the asserted test)")
    print(f"Differential test, {len({r.key for r in rows})} households, months 2026-01..06, "
          f"tolerance {TOLERANCE:.2f} EUR, {time.time() - start:.0f} s\n")
    print("| program | households | in domain | compared | agree within 1 EUR | max abs diff (EUR) "
          "| claims agree (before priority) | not in engine |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for t in table(rows):
        mx = "-" if t["max_abs_diff"] is None else f"{t['max_abs_diff']:.2f}"
        print(f"| {t['program']} | {t['households']} | {t['in_domain']} | {t['compared']} | {t['agree']} "
              f"| {mx} | {t['claim_agree']} | {t['not_in_engine']} |")
    out_of_domain: dict = {}
    for r in rows:
        if not r.in_domain:
            out_of_domain.setdefault((r.program, r.note), []).append(r)
    print("\nOutside the domain (not asserted): program, reason, n, of which differ > 1 EUR")
    for (prog, note), rs in sorted(out_of_domain.items()):
        print(f"  {prog}: {note}: {len(rs)}, {sum(1 for r in rs if r.ours is not None and not r.agrees)}")
    if args.details:
        print("\nDisagreements (in domain): paid after priority; claim = own entitlement before it")
        for r in rows:
            if r.in_domain and r.ours is not None and not (r.agrees and r.claim_agrees):
                print(f"  {r.key} {r.program}: paid ours {r.ours:.2f} GETTSIM {r.gettsim:.2f} "
                      f"(diff {r.diff:+.2f}); claim ours {r.ours_claim:.2f} ({r.ours_status}) "
                      f"GETTSIM {r.gettsim_claim:.2f}; reasons {','.join(r.reasons) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
