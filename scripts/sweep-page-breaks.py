#!/usr/bin/python3
"""Moves the page breaks through every table of a DOCX fixture and checks that
the PDF reader still finds exactly the DOCX figures.

For each shift n (empty paragraphs before each table after the first) and each
layout (A4 portrait with equal column widths, A4 landscape sized to content),
builds seed 003 (or with --document budget every table of seed 004) as DOCX
with scripts/make-docx-fixtures.py, renders it with
LibreOffice, extracts both with disclose and compares the (table, row, column,
amount) multisets. A page break then falls inside a header, between a row's
lines, or leaves a page holding one spilled row: the cases
fixtures/rendered/stress/ keeps one of each of.

    /usr/bin/python3 scripts/sweep-page-breaks.py [--shifts 40] [--out DIR] [--repeat-header]
                                                  [--document final|budget]

Needs python-docx, libreoffice-writer-nogui and fonts-noto-cjk (not part of
install-deps.sh; the sweep is a development tool, not a test). Exit status 1
when some rendering loses or changes a figure.
"""
import argparse
import collections
import csv
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DISCLOSE = os.path.join(ROOT, "build", "cli", "disclose")


def load_fixture_builder():
    spec = importlib.util.spec_from_file_location(
        "make_docx_fixtures", os.path.join(ROOT, "scripts", "make-docx-fixtures.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(facts_csv):
    with open(facts_csv, encoding="utf-8") as f:
        return collections.Counter(
            (row["table_kind"], row["row_code"], row["column"], row["amount_yuan"])
            for row in csv.DictReader(f))


def extract(paths, out):
    subprocess.run([DISCLOSE, "extract", "-o", out] + paths, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shifts", type=int, default=40)
    parser.add_argument("--out", default=tempfile.mkdtemp(prefix="sweep-"))
    parser.add_argument("--repeat-header", action="store_true",
                        help="mark each table's header rows to repeat on every page")
    parser.add_argument("--document", choices=["final", "budget"], default="final",
                        help="final: seed 003's three 决算 tables (80 figures); budget: all "
                        "eleven tables of seed 004 (374 figures)")
    args = parser.parse_args()
    if not os.access(DISCLOSE, os.X_OK):
        sys.exit("sweep-page-breaks: build first (%s missing)" % DISCLOSE)
    if shutil.which("soffice") is None:
        sys.exit("sweep-page-breaks: soffice not found "
                 "(apt-get install libreoffice-writer-nogui fonts-noto-cjk)")
    builder = load_fixture_builder()
    builder.REPEAT_HEADER = args.repeat_header
    os.makedirs(args.out, exist_ok=True)
    names = []
    for layout, stress in (("portrait", True), ("landscape", False)):
        builder.STRESS = stress
        for shift in range(args.shifts):
            name = "%s_%s_%02d" % (args.document, layout, shift)
            build = (builder.final_accounts_2022 if args.document == "final"
                     else builder.budget_2024_full)
            builder.save(build(shift=shift), os.path.join(args.out, name + ".docx"))
            names.append(name)
    profile = tempfile.mkdtemp(prefix="sweep-profile-")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                    "--convert-to", "pdf", "--outdir", args.out] +
                   [os.path.join(args.out, n + ".docx") for n in names],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)
    # The DOCX reader has no pages: every shift gives it the same figures.
    extract([os.path.join(args.out, names[0] + ".docx")], os.path.join(args.out, "docx"))
    expected = figures(os.path.join(args.out, "docx", names[0] + ".docx.facts.csv"))
    extract([os.path.join(args.out, n + ".pdf") for n in names], os.path.join(args.out, "pdf"))
    bad = 0
    for name in names:
        facts = os.path.join(args.out, "pdf", name + ".pdf.facts.csv")
        got = figures(facts) if os.path.exists(facts) else collections.Counter()
        missing, extra = expected - got, got - expected
        if missing or extra:
            bad += 1
            print("%s: %d missing, %d extra; first %s" %
                  (name, sum(missing.values()), sum(extra.values()),
                   next(iter(missing or extra))))
    print("%d of %d renderings give exactly the DOCX's %d figures (%s)" %
          (len(names) - bad, len(names), sum(expected.values()), args.out))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
