#!/usr/bin/env bash
# Run the store benchmarks and print a table: median, ratio to SQLite's durable edit
# (WAL, synchronous=FULL), and p50/p99 of the durable edits from the bench's own timing loop.
# Targets for durable_edit: p50 <= 2x SQLite FULL's p50 in the same run, p99 < 2 ms (checked
# and printed below the table).
#   crates/store/scripts/bench-table.sh            # run the benchmarks (~2-3 min), then print
#   crates/store/scripts/bench-table.sh --no-run   # print the table from the last run
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [[ "${1:-}" != "--no-run" ]]; then
  cargo bench -p planner-store --bench store -- --noplot >&2
fi
target="${CARGO_TARGET_DIR:-target}"
python3 - "$target/criterion" <<'PY'
import json, os, sys
root = sys.argv[1]
group = os.path.join(root, "store")
order = ["durable_edit", "sqlite_wal_full_edit", "fdatasync_2k", "load_large_plan",
         "portfolio_10k", "export_10k", "import_1k"]
about = {
    "durable_edit": "apply(): 1 buying center + summary, 1 transaction, flush + fdatasync of db/db",
    "sqlite_wal_full_edit": "SQLite WAL synchronous=FULL, upsert one row of the same size",
    "fdatasync_2k": "write 2 KB + fdatasync (the disk's floor)",
    "load_large_plan": "plan_content() of the large plan",
    "portfolio_10k": "summaries() + portfolio_row() for 10,000 accounts",
    "export_10k": "export() of the 10,000-account store",
    "import_1k": "import() of a 1,000-account export into a fresh store",
}
def median(name):
    p = os.path.join(group, name, "new", "estimates.json")
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)["median"]["point_estimate"]  # nanoseconds
def fmt(ns):
    if ns is None: return "-"
    if ns >= 1e9: return f"{ns/1e9:.2f} s"
    if ns >= 1e6: return f"{ns/1e6:.2f} ms"
    if ns >= 1e3: return f"{ns/1e3:.1f} us"
    return f"{ns:.0f} ns"
pct = {}
pp = os.path.join(root, "store-percentiles.json")
if os.path.exists(pp):
    with open(pp) as f:
        pct = json.load(f)
base = median("sqlite_wal_full_edit")
print(f"| {'benchmark':<22} | {'median':>10} | {'x SQLite FULL':>13} | {'p50 (loop)':>10} | {'p99 (loop)':>10} | what")
print(f"|{'-'*24}|{'-'*12}|{'-'*15}|{'-'*12}|{'-'*12}|------")
for name in order:
    m = median(name)
    ratio = f"{m/base:.2f}" if (m is not None and base) else "-"
    p = pct.get(name, {})
    p50 = fmt(p["p50_us"] * 1e3) if "p50_us" in p else ""
    p99 = fmt(p["p99_us"] * 1e3) if "p99_us" in p else ""
    print(f"| {name:<22} | {fmt(m):>10} | {ratio:>13} | {p50:>10} | {p99:>10} | {about[name]}")
ours, lite = pct.get("durable_edit"), pct.get("sqlite_wal_full_edit")
if ours and lite:
    ratio = ours["p50_us"] / lite["p50_us"]
    print()
    print(f"durable_edit p50 = {ratio:.2f}x SQLite FULL p50 (target <= 2): {'ok' if ratio <= 2 else 'MISSED'}; "
          f"p99 = {ours['p99_us'] / 1e3:.2f} ms (target < 2 ms): {'ok' if ours['p99_us'] < 2000 else 'MISSED'}")
PY
