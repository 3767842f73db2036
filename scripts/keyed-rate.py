#!/usr/bin/env python3
"""How many of the money-like cells in a document's table grids became keyed figures.

Reads the NAME.json outputs of `disclose extract -o DIR` (a folder, recursively) and, per
document, counts the cells of its table blocks whose text is an amount (a decimal point or a
thousands separator: bare integers are codes, years, row numbers and counts), and how many of
them are the cell of a figure of a canonical table kind (not `other`). Each cell left unkeyed
gets one cause, the first that applies:

  not_located    the grid is read into no canonical table (a child grid, a table too large)
  kind_other     its table's kind is `other` (table.unclassified names it)
  repeated_row   its row prints the amounts of a row read above in its table (a row repeated on
                 the next page beside its merged cells): counted apart, not as a miss
  column_unkeyed its column has no key (column.unkeyed names its amounts)
  row_unkeyed    its row gives no figure at all (no code, no label that keys it)
  cell_unread    its row and column are keyed but this cell gave no figure

Usage: scripts/keyed-rate.py DIR [DIR...] [--list N] [--json]
Issue 10 reports "about 40% of the amount cells in table grids keyed as figures" on hidden real
documents; docs/sweep-layouts.md ("Branch pdfs6") records this script's reading of ../shared.
"""
import argparse
import collections
import json
import os
import re
import sys

# An amount as printed in a grid: 1,234.56 / 1234.56 / 1,234 / -12.30 / (12.30), full-width
# digits folded by the extractor already. Percentages and dates are not amounts.
AMOUNT = re.compile(r"^[-−(（]?(\d{1,3}(,\d{3})+(\.\d{1,4})?|\d+\.\d{1,4})[)）]?$")
CAUSES = ("not_located", "kind_other", "repeated_row", "column_unkeyed", "row_unkeyed", "cell_unread")
# A column headed by one of these holds scores, rates or performance indicator values (本年绩效
# 指标值 80.5, 权重 0.8), which print like amounts but are not money.
NOT_MONEY_HEADER = re.compile(r"指标|分值|得分|权重|比例|比重|百分比|率|%|％|度量|人数|面积|数量|年度目标|目标值|完成值|增长|增减|同比")


def is_amount(text):
    folded = re.sub(r"\s+", "", text or "")
    return bool(AMOUNT.match(folded))


def outputs(folders):
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".json") and not name.endswith(".error.json") and name != "summary.json":
                    yield os.path.join(root, name)


def column_headers(block):
    """Per column, the text cells above its first amount: the header the column prints."""
    first_amount, texts = {}, collections.defaultdict(list)
    for cell in sorted(block.get("cells", []) or [], key=lambda c: (c.get("row", 0), c.get("column", 0))):
        c = cell.get("column")
        if c in first_amount:
            continue
        if is_amount(cell.get("text")):
            first_amount[c] = cell.get("row")
        elif cell.get("text"):
            for col in range(c, c + max(1, cell.get("column_span", 1))):
                texts[col].append(cell["text"])
    return {c: "".join(t) for c, t in texts.items()}


def column_spans(block):
    """Per column, its horizontal extent on the page (from cells one column wide), or None."""
    spans = {}
    for cell in block.get("cells", []) or []:
        box = (cell.get("provenance") or {}).get("box")
        if cell.get("column_span", 1) != 1 or not box or len(box) < 4:
            continue
        c = cell.get("column")
        x0, x1 = spans.get(c, (box[0], box[2]))
        spans[c] = (min(x0, box[0]), max(x1, box[2]))
    return spans


def header_of(cell, first_headers, first_spans):
    """The header a cell of a continuation grid prints under: the first grid's column at the same
    place on the page. A continuation grid often draws other columns than its first page (merged
    indicator columns, a project's funds only on the first page), so its column index can name
    another column of the first grid."""
    box = (cell.get("provenance") or {}).get("box")
    if box and len(box) >= 4 and first_spans:
        middle = (box[0] + box[2]) / 2
        for c, (x0, x1) in first_spans.items():
            if x0 <= middle <= x1:
                return first_headers.get(c, "")
    return first_headers.get(cell.get("column"), "")


def measure(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if "blocks" not in data or "tables" not in data:
        return None
    table_of_block = {}  # block -> (canonical table index, first block of that table)
    keyed_cells = set()  # (block, row, column) of a figure of a canonical kind
    rows_read = {}  # (block, row) that gave any figure -> its row name
    for t, table in enumerate(data["tables"]):
        for b in table.get("source_blocks", []) or []:
            table_of_block.setdefault(b, t)
        for row in table.get("rows", []) or []:
            for value in row.get("values", []) or []:
                prov = value.get("provenance") or {}
                key = (prov.get("block"), prov.get("row"), prov.get("column"))
                rows_read[key[:2]] = row.get("row_name", "")
                if value.get("table_kind", table.get("kind")) not in ("other", "narrative"):
                    keyed_cells.add(key)
    # Per table, the keyed amounts of each row that gave figures, as printed, in column order.
    row_amounts = collections.defaultdict(set)
    cells_of_row = collections.defaultdict(list)
    for b, block in enumerate(data["blocks"]):
        if block.get("type") == "table":
            for cell in sorted(block.get("cells", []) or [], key=lambda x: x.get("column", 0)):
                if is_amount(cell.get("text")):
                    cells_of_row[(b, cell.get("row"))].append(
                        (cell.get("column"), re.sub(r"\s+", "", cell["text"])))
    texts_of_row = collections.defaultdict(set)
    for b, block in enumerate(data["blocks"]):
        if block.get("type") == "table":
            for cell in block.get("cells", []) or []:
                texts_of_row[(b, cell.get("row"))].add(re.sub(r"\s+", "", cell.get("text") or ""))
    for (b, r), name in rows_read.items():
        if b in table_of_block:
            row_amounts[table_of_block[b]].add((re.sub(r"\s+", "", name or ""), tuple(
                text for c, text in cells_of_row.get((b, r), ()) if (b, r, c) in keyed_cells)))

    def repeats(t, b, r):
        """The same keyed amounts, first in the row, beside the same name (or two amounts or more)."""
        printed = tuple(text for _, text in cells_of_row.get((b, r), ()))
        return any(k and printed[:len(k)] == k and (len(k) >= 2 or name in texts_of_row[(b, r)])
                   for name, k in row_amounts[t])

    counts = collections.Counter()
    doc_class = ((data.get("metadata") or {}).get("document_class") or {}).get("value") or ""
    unkeyed = collections.defaultdict(collections.Counter)  # (table label) -> cause -> cells
    examples = collections.defaultdict(list)
    headers, spans = {}, {}
    for b, block in enumerate(data["blocks"]):
        if block.get("type") == "table":
            headers[b] = column_headers(block)
            spans[b] = column_spans(block)
    for b, block in enumerate(data["blocks"]):
        if block.get("type") != "table":
            continue
        # A continuation grid prints no header of its own: its table's first grid names its columns.
        t = table_of_block.get(b)
        first = (data["tables"][t].get("source_blocks") or [b])[0] if t is not None else b
        for cell in block.get("cells", []) or []:
            if not is_amount(cell.get("text")):
                continue
            r, c = cell.get("row"), cell.get("column")
            header = header_of(cell, headers[first], spans[first]) if first != b else headers[b].get(c, "")
            if (b, r, c) not in keyed_cells and NOT_MONEY_HEADER.search(header):
                counts["not_money"] += 1
                continue
            counts["cells"] += 1
            if (b, r, c) in keyed_cells:
                counts["keyed"] += 1
                continue
            t = table_of_block.get(b)
            if t is None:
                cause, label = "not_located", "block %d (page %s)" % (b, block.get("pages"))
            else:
                table = data["tables"][t]
                label = "%s '%s'" % (table.get("kind"), table.get("printed_title") or "")
                keys = table.get("column_keys") or []
                if table.get("kind") == "other":
                    cause = "kind_other"
                elif (b, r) not in rows_read and repeats(t, b, r):
                    cause = "repeated_row"
                elif c is not None and c < len(keys) and not keys[c]:
                    cause = "column_unkeyed"
                elif (b, r) not in rows_read:
                    cause = "row_unkeyed"
                else:
                    cause = "cell_unread"
            if cause == "repeated_row":
                counts["cells"] -= 1
                counts[cause] += 1
                continue
            counts[cause] += 1
            unkeyed[label][cause] += 1
            if len(examples[label]) < 3:
                examples[label].append(cell.get("text"))
    return counts, unkeyed, examples, doc_class


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="`disclose extract -o` output folders")
    parser.add_argument("--list", type=int, default=10, help="unkeyed tables listed per document")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args()
    total = collections.Counter()
    by_cause_table = collections.Counter()
    documents = 0
    books, book_documents = collections.Counter(), 0
    for path in outputs(args.folders):
        result = measure(path)
        if result is None:
            continue
        counts, unkeyed, examples, doc_class = result
        documents += 1
        # A government's budget book (document class government_report) prints its tables as
        # they are, outside the department kinds: counted apart.
        book = doc_class == "government_report"
        (books if book else total).update(counts)
        if book:
            book_documents += 1
            continue
        if not counts["cells"]:
            continue
        rate = 100.0 * counts["keyed"] / counts["cells"]
        if not args.json:
            print("%-70s %6d money cells, %6d keyed (%6.2f%%)" % (
                os.path.relpath(path, args.folders[0])[:70], counts["cells"], counts["keyed"], rate))
        ranked = sorted(unkeyed.items(), key=lambda item: -sum(item[1].values()))
        for label, causes in ranked[:args.list]:
            by_cause_table.update({cause: 1 for cause in causes})
            if not args.json:
                print("      %5d unkeyed  %-16s %s  e.g. %s" % (
                    sum(causes.values()), ",".join("%s %d" % kv for kv in causes.most_common()),
                    label[:80], " ".join(examples[label])))
        for label, causes in ranked[args.list:]:
            by_cause_table.update({cause: 1 for cause in causes})
    rate = 100.0 * total["keyed"] / total["cells"] if total["cells"] else 0.0
    summary = {"documents": documents - book_documents, "money_cells": total["cells"],
               "keyed": total["keyed"], "not_money": total["not_money"],
               "government_books": book_documents, "government_book_money_cells": books["cells"],
               "rate": round(rate, 2), "unkeyed_cells_by_cause": {c: total[c] for c in CAUSES},
               "tables_by_cause": {c: by_cause_table[c] for c in CAUSES}}
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print("total: %d department documents, %d money cells in table grids, %d keyed (%.2f%%);"
              " %d cells under score/rate/indicator headers left out" % (
                  documents - book_documents, total["cells"], total["keyed"], rate,
                  total["not_money"]))
        if book_documents:
            print("government budget books (document class government_report, counted apart): "
                  "%d, %d money cells, %d keyed" % (book_documents, books["cells"], books["keyed"]))
        print("unkeyed cells by cause: " + ", ".join("%s %d" % (c, total[c]) for c in CAUSES))
        print("tables with unkeyed cells by cause: " +
              ", ".join("%s %d" % (c, by_cause_table[c]) for c in CAUSES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
