#!/usr/bin/env python3
"""scripts/keyed-rate.py: a continuation grid that draws other columns than its table's first grid
(bj_city_propaganda_2026_budget's 项目支出绩效目标表: the funds columns only on the first page) has
its cells' headers found by their place on the page, not by their column index."""

import importlib.util
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "keyed_rate", os.path.join(HERE, "..", "..", "scripts", "keyed-rate.py"))
keyed_rate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(keyed_rate)


def cell(row, column, text, x0, x1):
    return {"row": row, "column": column, "column_span": 1, "text": text,
            "provenance": {"box": [x0, 100 + 20 * row, x1, 120 + 20 * row]}}


def main():
    first = {"type": "table", "pages": [1], "cells": [
        cell(0, 0, "项目名称", 0, 100), cell(0, 1, "项目总额", 100, 160),
        cell(0, 2, "三级指标", 160, 260), cell(0, 3, "本年绩效指标值", 260, 320),
        cell(1, 0, "宣传经费", 0, 100), cell(1, 1, "98.00", 100, 160),
        cell(1, 2, "作品数量", 160, 260), cell(1, 3, "12", 260, 320)]}
    # Page 2: only the indicator columns; column 1 lies under the first grid's 指标值, not 项目总额.
    continuation = {"type": "table", "pages": [2], "cells": [
        cell(0, 0, "存证数量", 160, 260), cell(0, 1, "22.5", 260, 320)]}
    doc = {"blocks": [first, continuation], "tables": [{
        "kind": "performance.targets", "source_blocks": [0, 1], "column_keys": ["", "total", "", ""],
        "rows": [{"row_name": "宣传经费", "values": [{"table_kind": "performance.targets",
                  "provenance": {"block": 0, "row": 1, "column": 1}}]}]}]}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "doc.pdf.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False)
        counts = keyed_rate.measure(path)[0]
    failures = []
    if counts["not_money"] != 1:
        failures.append("the indicator value 22.5 is not left out: %s" % dict(counts))
    if counts["cells"] != 1 or counts["keyed"] != 1:
        failures.append("money cells: %s (want the one keyed 98.00)" % dict(counts))
    for failure in failures:
        print("FAIL:", failure)
    print("ok" if not failures else "%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
