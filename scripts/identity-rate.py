#!/usr/bin/env python3
"""Share of accounting identities that hold over a folder of documents.

Runs `disclose extract` over a folder (or reads a folder of NAME.ext.json outputs
already written), sums each document's `validation` object (identities checked and
held, per check id; docs/schema.md) and reports, per document and in total, how many
were checked, held and failed, by check id. A failure that a known-document-errors
TSV names (same file, same check, its `match` text in the finding's message or quoted
text) is a document error, not a reading error: it is counted apart and left out of
the rate.

  scripts/identity-rate.py ../shared/corpus \\
      --known fixtures/corpus/known_document_errors.tsv
  scripts/identity-rate.py ../shared/real --known fixtures/real/known_document_errors.tsv
  scripts/identity-rate.py --outputs /tmp/corpus-run ../shared/corpus   # reuse a run
  scripts/identity-rate.py ../shared/corpus --failures   # list every unexplained failure

Rate = held / (checked - known document errors). Exit status 0; the numbers are the
result (docs/identities.md records them).
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

IDENTITY_PREFIXES = ("sum.", "summary.", "cross.")


def read_known(path):
    """Known document errors by file: [(check, match)] of rows that are not `info`."""
    known = collections.defaultdict(list)
    if not path:
        return known
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        if row.get("status") == "info":
            continue
        known[row["file"]].append((row["check"], row.get("match") or ""))
    return known


def is_known(finding, rows):
    for check, match in rows:
        if finding["check"] != check:
            continue
        if not match or match in finding.get("message", "") or match in (
            finding.get("printed_text") or ""
        ):
            return True
    return False


def run_extract(binary, folder, out_dir, jobs):
    command = [binary, "extract", "--quiet", "-j", str(jobs), "-o", out_dir, folder]
    subprocess.run(command, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="the inputs (../shared/corpus)")
    parser.add_argument("--known", help="known_document_errors.tsv for that folder")
    parser.add_argument("--binary", default="build/cli/disclose")
    parser.add_argument("--outputs", help="folder of NAME.ext.json to read (extract when absent)")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--failures", action="store_true", help="print each unexplained failure")
    args = parser.parse_args()

    known = read_known(args.known)
    out_dir = args.outputs
    if out_dir is None or not os.path.isdir(out_dir) or not os.listdir(out_dir):
        out_dir = out_dir or tempfile.mkdtemp(prefix="identity-rate-")
        os.makedirs(out_dir, exist_ok=True)
        run_extract(args.binary, args.folder, out_dir, args.jobs)

    totals = collections.defaultdict(lambda: [0, 0, 0])  # check -> checked, held, known
    rows = []
    unexplained = []
    for name in sorted(os.listdir(args.folder)):
        path = os.path.join(out_dir, name + ".json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        validation = document.get("validation")
        if validation is None:
            sys.exit(f"{path} has no `validation` object: rebuild disclose")
        checked = sum(v["checked"] for v in validation.values())
        held = sum(v["held"] for v in validation.values())
        known_here = 0
        for check, tally in validation.items():
            totals[check][0] += tally["checked"]
            totals[check][1] += tally["held"]
        for finding in document.get("findings", []):
            if not finding["check"].startswith(IDENTITY_PREFIXES):
                continue
            if finding["check"] not in validation:
                continue
            if is_known(finding, known.get(name, [])):
                known_here += 1
                totals[finding["check"]][2] += 1
            else:
                unexplained.append((name, finding))
        rows.append((name, checked, held, checked - held, known_here))

    print(f"{'document':60} {'checked':>8} {'held':>8} {'failed':>7} {'known':>6} {'rate':>8}")
    for name, checked, held, failed, known_here in rows:
        base = checked - known_here
        rate = f"{100.0 * held / base:.2f}%" if base else "-"
        print(f"{name:60} {checked:8} {held:8} {failed:7} {known_here:6} {rate:>8}")
    print()
    print(f"{'check':40} {'checked':>8} {'held':>8} {'failed':>7} {'known':>6} {'rate':>8}")
    all_checked = all_held = all_known = 0
    for check in sorted(totals):
        checked, held, known_n = totals[check]
        all_checked += checked
        all_held += held
        all_known += known_n
        base = checked - known_n
        rate = f"{100.0 * held / base:.2f}%" if base else "-"
        print(f"{check:40} {checked:8} {held:8} {checked - held:7} {known_n:6} {rate:>8}")
    base = all_checked - all_known
    rate = f"{100.0 * all_held / base:.2f}%" if base else "-"
    print(
        f"{'TOTAL':40} {all_checked:8} {all_held:8} {all_checked - all_held:7} {all_known:6}"
        f" {rate:>8}"
    )
    print(f"documents: {len(rows)}; unexplained failures: {len(unexplained)}")
    if args.failures:
        for name, finding in unexplained:
            page = finding.get("provenance", {}).get("page", "?")
            print(f"FAIL {name} p{page} {finding['check']}: {finding['message']}")


if __name__ == "__main__":
    main()
