#!/usr/bin/env python3
"""scripts/sweep-layouts.py: which missing figures a reading's findings flag. A table.missing
warning naming the figure's kind flags it (the 三公 table printed but not read: the document
prints the other standard tables); one naming another kind, or none, leaves it silent."""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "sweep_layouts", os.path.join(HERE, "..", "..", "scripts", "sweep-layouts.py"))
sweep = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sweep)


def reading(*findings):
    return {"findings": [{"check": check, "message": message, "figures": figures}
                         for check, message, figures in findings]}


def main():
    key = ("final.three_public", "three_public.total", "budget", "127873.14")
    printed = {key: ("127,873.14", "财政拨款“三公”经费支出决算表")}
    missing = ("table.missing",
               "final.three_public (财政拨款“三公”经费支出决算表) is not in the document, "
               "though 3 other standard tables are", [])
    other_missing = ("table.missing",
                     "final.expenditure (支出决算表) is not in the document, though 3 other "
                     "standard tables are", [])
    # Its pieces quoted (127,8 over 73.14, a row read as a paragraph) name no whole figure.
    pieces = ("table.paragraph_row", "a paragraph reads as a table row, '127,8 8,162.96': its "
              "amounts 127,8 8,162.96 are not read", [])
    cases = [
        ("kind reported missing", reading(missing), True),
        ("another kind reported missing", reading(other_missing, pieces), False),
        ("no finding", reading(), False),
        ("printed text quoted whole", reading(("x", "cell '127,873.14' is not read", [])), True),
        ("a figure of its table and row",
         reading(("sum.children", "…", [{"table_kind": key[0], "row_code": key[1],
                                        "amount_yuan": "1.00"}])), True),
    ]
    failures = 0
    for name, data, expected in cases:
        got = sweep.flagged(key, printed, sweep.flags_of(data))
        if got != expected:
            print("FAIL %s: flagged %s, expected %s" % (name, got, expected))
            failures += 1
    print("%d of %d cases pass" % (len(cases) - failures, len(cases)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
