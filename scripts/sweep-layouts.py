#!/usr/bin/python3
"""Layout sweep: generates fiscal disclosure documents with known figures in
randomly drawn publisher layouts, renders each as DOCX, a text export and a
PDF, runs `disclose extract` on every form and reports how many figures come
out exact, per form and per drawn feature, and every missing or wrong figure
that no finding names.

    /usr/bin/python3 scripts/sweep-layouts.py [--count 40] [--seed 1] [--out DIR]
        [--binary build/cli/disclose] [--forms docx,text,pdf[,doc,html,scan]] [--json]
        [--keep-going] [--list-misses N]

Each document i is drawn from random.Random(f"{seed}:{i}"), so `--seed 7
--count 1 --first 12` rebuilds document 12 of seed 7 alone. A document is a
department's final accounts (决算) or budget (预算) with 3 to 7 standard tables
whose figures add up (children sum to parents, totals equal basic + project,
the summary equals the detail tables), so accounting identities hold and any
finding is the reader's, not the document's.

Drawn per document (the `features` of each result): doc kind, unit (元/万元),
title arrangement (number above/below the title, number and unit on the title
line, `…表（公开01表）`, title inside the frame, wrapped title, title on the
page before the table), number style (公开01表, 附表1, 表1, 预算01表, 一、),
department/year prefix, ruling (ruled, unruled, three-line), 类/款/项 joined
or split, 栏次 row, 行次 column, orientation, column widths, font and size,
repeated headers, page-break filler, text-export cell style (tabs or Word's
one cell per line), indentation and `[bookmark: …]` noise.

Expected figures are (table_kind, row_code, column, amount_yuan) as
docs/schema.md keys them. A figure is exact when the multiset of extracted
figures of that document holds it; extra figures count as wrong. A missing or
wrong figure is *flagged* when a finding or warning names it (same kind and
row code, or its amount in the same kind or in an unclassified table's list,
or its printed text quoted as a whole number in the message, or a
table.unclassified warning naming the table's title, or a table.missing warning
naming its kind); the rest are *silent*.

The forms `doc` and `html` are the DOCX saved by LibreOffice as Word 97-2003
and as a web page, the other ways publishers post the same document; they test
the DOC and HTML readers over every drawn layout (fixtures/saved holds two).

Needs python-docx and LibreOffice (soffice) for the PDF, DOC and HTML forms. Conversion runs
in one soffice call per batch with a private profile, so parallel sweeps do not
collide. Exit status 1 when any figure is not exact (0 with --keep-going).

The form `scan` is the PDF scanned (issue 11's hidden set: 200 dpi, about 1
degree of skew, noise, JPEG): each PDF becomes an image-only copy
(`scripts/ocr-measure.py --scan SRC OUT --dpi 200`, cached in OUT/scans/),
read with OCR by `disclose extract -j 1` into OUT/scan-TAG/ (TAG: the
binary's hash, so a rerun with the same binary reads nothing again and one
with another binary only re-reads the cached scans), and matched as the PDF
form is. Links to rendered PDFs elsewhere serve as the sources (--reuse);
nothing is written through a link.

    ln -sf /work/sweep300/s1_00{0,1}*.pdf /work/sweep300/s1_002[0-3]*.pdf DIR/
    nice /usr/bin/python3 scripts/sweep-layouts.py --count 24 --seed 1 --out DIR \
        --reuse --keep-going --forms scan --list-misses 0
"""
import argparse
import hashlib
import collections
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --------------------------------------------------------------------------
# Vocabulary seen in real documents (../shared/real, ../shared/corpus, seeds).

DEPARTMENTS = [
    "玉溪市医疗保障局", "重庆市气象局", "北京市审计局", "上海市普陀区司法局", "喀什地区医疗保障局",
    "南京市商务局", "博湖县医疗保障局", "成都市农业农村局", "武汉市教育局", "江苏省人民检察院",
    "杭州市西湖区民政局", "长沙市自然资源和规划局", "昆明市人力资源和社会保障局", "兰州市卫生健康委员会",
]

# (class code, national name, [(款 code, name, [(项 code, name)])])
FUNCTION_TREE = [
    ("201", "一般公共服务支出", [("01", "人大事务", [("01", "行政运行"), ("02", "一般行政管理事务")]),
                                 ("03", "政府办公厅（室）及相关机构事务", [("01", "行政运行"), ("50", "事业运行")]),
                                 ("11", "纪检监察事务", [("01", "行政运行")])]),
    ("205", "教育支出", [("08", "进修及培训", [("03", "培训支出")])]),
    ("206", "科学技术支出", [("01", "科学技术管理事务", [("01", "行政运行")])]),
    ("208", "社会保障和就业支出", [("05", "行政事业单位养老支出", [("01", "行政单位离退休"),
                                                                   ("05", "机关事业单位基本养老保险缴费支出"),
                                                                   ("06", "机关事业单位职业年金缴费支出")]),
                                   ("08", "抚恤", [("01", "死亡抚恤")])]),
    ("210", "卫生健康支出", [("11", "行政事业单位医疗", [("01", "行政单位医疗"), ("02", "事业单位医疗"),
                                                         ("03", "公务员医疗补助")]),
                             ("13", "医疗保障管理事务", [("01", "行政运行"), ("99", "其他医疗保障管理事务支出")])]),
    ("212", "城乡社区支出", [("01", "城乡社区管理事务", [("01", "行政运行")])]),
    ("213", "农林水支出", [("01", "农业农村", [("01", "行政运行"), ("04", "事业运行")])]),
    ("220", "自然资源海洋气象等支出", [("05", "气象事务", [("01", "行政运行"), ("04", "气象事业机构")])]),
    ("221", "住房保障支出", [("02", "住房改革支出", [("01", "住房公积金"), ("03", "购房补贴")])]),
]
CHINESE_ORDINALS = "一二三四五六七八九十"
ECONOMIC = [
    ("301", "工资福利支出", [("01", "基本工资"), ("02", "津贴补贴"), ("03", "奖金"), ("08", "机关事业单位基本养老保险缴费"),
                            ("10", "职工基本医疗保险缴费"), ("13", "住房公积金")]),
    ("302", "商品和服务支出", [("01", "办公费"), ("05", "水费"), ("06", "电费"), ("11", "差旅费"), ("17", "公务接待费"),
                              ("28", "工会经费"), ("31", "公务用车运行维护费")]),
    ("303", "对个人和家庭的补助", [("02", "退休费"), ("05", "生活补助"), ("07", "医疗费补助")]),
]

# Title wordings per table role: (final, budget) lists. The first of each is the
# contract's wording; the rest are variants printed by real publishers.
TITLES = {
    "income_expenditure_summary": (["收入支出决算表", "收入支出决算总表", "部门收支决算总表"],
                                   ["收支总表", "收支预算总表", "部门收支总体情况表", "部门财务收支预算总表",
                                    "收支总体情况表"]),
    "income": (["收入决算表", "部门收入决算表"], ["收入总表", "收入预算总表", "部门收入总体情况表", "收入总体情况表"]),
    "expenditure": (["支出决算表", "部门支出决算表"], ["支出总表", "支出预算总表", "部门支出总体情况表", "支出总体情况表"]),
    "fiscal_appropriation_summary": (["财政拨款收入支出决算表", "财政拨款收入支出决算总表"],
                                     ["财政拨款收支总表", "财政拨款收支预算总表", "财政拨款收支总体情况表"]),
    "general_budget_expenditure": (["一般公共预算财政拨款支出决算表"],
                                   ["一般公共预算支出表", "一般公共预算支出情况表", "一般公共预算拨款支出预算表",
                                    "一般公共预算支出功能分类预算表"]),
    "general_budget_basic_expenditure": (["一般公共预算财政拨款基本支出决算表"],
                                         ["一般公共预算基本支出表", "一般公共预算基本支出情况表",
                                          "一般公共预算基本支出经济分类情况表"]),
    "three_public": (["一般公共预算财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"],
                     ["一般公共预算“三公”经费支出表", "财政拨款“三公”经费支出表", "一般公共预算“三公”经费支出预算表"]),
}
ROLES = list(TITLES)

# The national templates' income sources beyond the appropriations: (column header, key, the
# summary's income line), final accounts and budgets.
NATIONAL_SOURCES = {
    "final": [("上级补助收入", "upper_subsidy", "上级补助收入"), ("事业收入", "business", "事业收入"),
              ("经营收入", "operating", "经营收入"),
              ("附属单位上缴收入", "affiliated_remittance", "附属单位上缴收入"),
              ("其他收入", "other", "其他收入")],
    "budget": [("财政专户管理资金", "fiscal_special_account", "财政专户管理资金收入"),
               ("事业收入", "business", "事业收入"), ("事业单位经营收入", "operating", "事业单位经营收入"),
               ("上级补助收入", "upper_subsidy", "上级补助收入"),
               ("附属单位上缴收入", "affiliated_remittance", "附属单位上缴收入"),
               ("其他收入", "other", "其他收入")],
}

# --------------------------------------------------------------------------
# Figures


class Figures:
    """Amounts in the print unit's hundredths: fen for 元, 100 yuan for 万元."""

    def __init__(self, rng, unit):
        self.rng = rng
        self.unit = unit

    def amount(self, low, high):
        return self.rng.randint(low, high)

    def split(self, total, parts, allow_zero=True):
        """Splits total into `parts` non-negative integers, some possibly zero."""
        if parts == 1:
            return [total]
        cuts = sorted(self.rng.randint(0, total) for _ in range(parts - 1))
        values = [b - a for a, b in zip([0] + cuts, cuts + [total])]
        if not allow_zero:
            values = [max(v, 0) for v in values]
        return values

    def text(self, value, blank_zero=True):
        if value == 0 and blank_zero:
            return ""
        whole, frac = divmod(abs(value), 100)
        return "%s%s.%02d" % ("-" if value < 0 else "", "{:,}".format(whole), frac)

    def yuan(self, value):
        """amount_yuan as facts.csv prints it."""
        fen = value * (10000 if self.unit == "wan" else 1)
        return "%d.%02d" % divmod(fen, 100) if fen >= 0 else "-%d.%02d" % divmod(-fen, 100)


class Table:
    def __init__(self, role, title):
        self.role = role
        self.title = title
        self.header = []       # list of rows of cell text (merged-away cells "")
        self.merges = []       # (row, col, row_span, col_span) in the header
        self.body = []         # list of rows of cell text
        self.expected = []     # (row_code, column, value) in print-unit hundredths
        self.code_columns = 0  # leading code columns (1 joined, 3 split, 0 none)


def function_rows(rng, fig, leaves_wanted):
    """A random function-class tree: [(code, name, level)], leaves first drawn."""
    classes = rng.sample(FUNCTION_TREE, rng.randint(1, min(4, len(FUNCTION_TREE))))
    classes.sort()
    rows = []
    for code, name, kuans in classes:
        rows.append((code, name, 1))
        for kcode, kname, xiangs in sorted(rng.sample(kuans, rng.randint(1, len(kuans)))):
            rows.append((code + kcode, kname, 2))
            for xcode, xname in sorted(rng.sample(xiangs, rng.randint(1, len(xiangs)))):
                rows.append((code + kcode + xcode, xname, 3))
    return rows


def rollup(rows, leaf_values):
    """Sums leaf (7-digit) values up to 款 and 类; returns code -> [values]."""
    values = {}
    width = len(next(iter(leaf_values.values())))
    for code, _, level in rows:
        if level == 3:
            values[code] = list(leaf_values[code])
    for code, _, level in rows:
        if level < 3:
            values[code] = [sum(values[c][i] for c, _, lv in rows if lv == 3 and c.startswith(code))
                            for i in range(width)]
    return values


class Doc:
    """One generated document: its tables, expected figures and drawn features."""

    def __init__(self, rng, index):
        self.rng = rng
        self.index = index
        f = self.features = collections.OrderedDict()
        f["doc"] = rng.choice(["final", "budget"])
        f["unit"] = rng.choice(["yuan", "wan"])
        f["title"] = rng.choice(["number_above", "number_below", "number_unit_line", "bracket_number",
                                 "in_frame", "wrapped", "prev_page", "plain"])
        f["number"] = rng.choice(["gongkai", "fubiao", "biao", "yusuan", "ordinal", "none"])
        f["prefix"] = rng.choice(["none", "year", "department_year"])
        f["rules"] = rng.choice(["ruled", "ruled", "unruled", "three_line"])
        f["codes"] = rng.choice(["joined", "split", "joined_with_name"])
        f["lanci"] = rng.choice(["yes", "no"])
        f["hangci"] = rng.choice(["yes", "no"])
        f["orientation"] = rng.choice(["landscape", "portrait"])
        f["widths"] = rng.choice(["content", "equal"])
        f["font"] = rng.choice(["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "宋体"])
        f["font_size"] = rng.choice(["9", "10", "10.5", "12"])
        f["repeat_header"] = rng.choice(["yes", "no"])
        f["filler"] = rng.choice(["none", "some", "many"])
        f["text_cells"] = rng.choice(["tabs", "word_lines"])
        f["text_indent"] = rng.choice(["none", "spaces", "fullwidth", "tab"])
        f["bookmarks"] = rng.choice(["yes", "no"])
        self.final = f["doc"] == "final"
        self.fig = Figures(rng, f["unit"])
        self.department = rng.choice(DEPARTMENTS)
        self.year = rng.choice([2021, 2022, 2023, 2024, 2025, 2026])
        self.kind_prefix = "final." if self.final else "budget."
        # The national templates (--templates, add_national_templates): the short forms until then.
        self.template = "short"
        self.other_source = None
        self.carryover = 0
        self.tables = []
        self.build_tables()

    # ---- wording -------------------------------------------------------------------------
    def unit_line(self):
        unit = "元" if self.features["unit"] == "yuan" else "万元"
        return self.rng.choice(["单位：", "金额单位：", "单位:"]) + unit

    def number_text(self, n):
        style = self.features["number"]
        if style == "gongkai":
            return "公开%02d表" % n
        if style == "fubiao":
            return "附表%d" % n
        if style == "biao":
            return self.rng.choice(["表%d" % n, "表 %d" % n])
        if style == "yusuan":
            return ("决算%02d表" if self.final else "预算%02d表") % n
        if style == "ordinal":
            return CHINESE_ORDINALS[n - 1] + "、" if n <= 10 else ""
        return ""

    def title_text(self, base):
        prefix = self.features["prefix"]
        if prefix == "year":
            return "%d年%s" % (self.year, base) if not self.final else "%d年度%s" % (self.year, base)
        if prefix == "department_year":
            return "%s%d年%s" % (self.department, self.year, base)
        return base

    # ---- tables --------------------------------------------------------------------------
    def build_tables(self):
        rng, fig = self.rng, self.fig
        self.tree = function_rows(rng, fig, 6)
        leaves = [code for code, _, level in self.tree if level == 3]
        scale = (10 ** rng.randint(6, 9)) if self.features["unit"] == "yuan" else 10 ** rng.randint(3, 6)
        # Per leaf: basic and project (project zero for some).
        self.leaf = {}
        for code in leaves:
            basic = fig.amount(scale // 50, scale)
            project = 0 if rng.random() < 0.4 else fig.amount(scale // 100, scale)
            self.leaf[code] = (basic, project)
        self.values = rollup(self.tree, {c: [b + p, b, p] for c, (b, p) in self.leaf.items()})
        total = [sum(self.values[c][i] for c, _, lv in self.tree if lv == 1) for i in range(3)]
        self.total = total
        # Income sources: the general budget carries most; some from others.
        first_leaf = self.values[leaves[0]][0]
        other = 0 if rng.random() < 0.5 else fig.amount(1, max(1, first_leaf // 3))
        self.income_general = total[0] - other
        self.income_other = other
        chosen = ["income_expenditure_summary", "income", "expenditure", "fiscal_appropriation_summary",
                  "general_budget_expenditure", "general_budget_basic_expenditure", "three_public"]
        keep = sorted(rng.sample(range(len(chosen)), rng.randint(3, len(chosen))))
        for number, k in enumerate(keep, start=1):
            role = chosen[k]
            titles = TITLES[role][0 if self.final else 1]
            table = getattr(self, "table_" + role)(self.title_text(rng.choice(titles)))
            table.number = number
            self.tables.append(table)

    def code_cells(self, code, name, level):
        """Leading cells of a coded row under the drawn code style."""
        style = self.features["codes"]
        indent = "  " * (level - 1) if self.rng.random() < 0.5 else ""
        if style == "split":
            parts = [code[:3], code[3:5], code[5:7]]
            return parts + [indent + name]
        if style == "joined_with_name":
            return ["%s %s" % (code, name) if level else name]
        return [code, indent + name]

    def code_header(self, title_of_name="科目名称"):
        style = self.features["codes"]
        if style == "split":
            return [["功能分类科目编码", "", "", title_of_name], ["类", "款", "项", ""]], [(0, 0, 1, 3), (0, 3, 2, 1)]
        if style == "joined_with_name":
            return [["功能分类科目"], [""]], [(0, 0, 2, 1)]
        return [["科目编码", title_of_name], ["", ""]], [(0, 0, 2, 1), (0, 1, 2, 1)]

    def coded_table(self, role, title, columns, values_of, total_label="合计"):
        """A table of function-coded rows: columns = [(header, key)]."""
        table = Table(role, title)
        head, merges = self.code_header()
        lead = len(head[0])
        table.code_columns = lead
        table.header = [head[0] + [h for h, _ in columns], head[1] + [""] * len(columns)]
        table.merges = merges + [(0, lead + i, 2, 1) for i in range(len(columns))]
        if self.features["lanci"] == "yes":
            table.header.append((["栏次"] + [""] * (lead - 1)) + [str(i + 1) for i in range(len(columns))])
            if lead > 1:
                table.merges.append((2, 0, 1, lead))
        totals = [sum(values_of(c)[i] for c, _, lv in self.tree if lv == 1) for i in range(len(columns))]
        total_row = [""] * lead
        total_row[0 if lead == 1 else lead - 1 if lead == 2 else 0] = total_label
        first_total = self.rng.random() < 0.7
        rows = []
        for code, name, level in self.tree:
            vals = values_of(code)
            rows.append(self.code_cells(code, name, level) + [self.fig.text(v) for v in vals])
            for (h, key), v in zip(columns, vals):
                if v:
                    table.expected.append((code, key, v))
        trow = total_row + [self.fig.text(v) for v in totals]
        if lead == 3:
            trow = [total_label, "", "", ""] + [self.fig.text(v) for v in totals]
            table.body_merges = [(0 if first_total else len(rows), 0, 1, 4)]
        for (h, key), v in zip(columns, totals):
            if v:
                table.expected.append(("total", key, v))
        table.body = [trow] + rows if first_total else rows + [trow]
        return table

    def table_expenditure(self, title):
        cols = [("合计" if self.rng.random() < 0.5 else "本年支出合计", "total"), ("基本支出", "basic"),
                ("项目支出", "project")]
        if self.template == "national":
            # The national template's uses beyond basic and project, printed blank.
            cols += [("上缴上级支出", "upper_remittance"), ("经营支出" if self.final else "事业单位经营支出", "operating"),
                     ("对附属单位补助支出", "affiliate_subsidy")]
            return self.coded_table("expenditure", title, cols, lambda c: self.values[c] + [0, 0, 0])
        return self.coded_table("expenditure", title, cols, lambda c: self.values[c])

    def table_general_budget_expenditure(self, title):
        # Only the general budget part: income_other comes off the first leaves' project.
        cols = [("合计" if self.rng.random() < 0.5 else "小计", "total"), ("基本支出", "basic"),
                ("项目支出", "project")]
        return self.coded_table("general_budget_expenditure", title, cols, lambda c: self.values[c])

    def table_income(self, title):
        if self.template == "national":
            return self.national_income(title)
        if self.final:
            cols = [("本年收入合计", "total"), ("财政拨款收入", "fiscal_appropriation"), ("其他收入", "other")]
        else:
            cols = [("合计", "total"), ("一般公共预算拨款", "general_budget"), ("其他收入", "other")]
        # Other income funds the first class's total only, in proportion.
        other_by = {}
        first = next(c for c, _, lv in self.tree if lv == 3)
        for code, _, level in self.tree:
            other_by[code] = self.income_other if first.startswith(code) else 0

        def vals(code):
            t = self.values[code][0]
            return [t, t - other_by[code], other_by[code]]
        return self.coded_table("income", title, cols, vals)

    def other_income_by(self):
        """Per function code, the other income it carries: the first class's total only."""
        other_by = {}
        first = next(c for c, _, lv in self.tree if lv == 3)
        for code, _, level in self.tree:
            other_by[code] = self.income_other if first.startswith(code) else 0
        return other_by

    def national_income(self, title):
        """The national template's income table: every source a column, the other income in
        the one source the document drew (most print blank columns beside it)."""
        sources = NATIONAL_SOURCES["final" if self.final else "budget"]
        first = [("本年收入合计", "total"), ("财政拨款收入", "fiscal_appropriation")] if self.final else \
            [("合计", "total"), ("一般公共预算拨款", "general_budget"), ("政府性基金预算拨款", "gov_fund"),
             ("国有资本经营预算拨款", "state_capital")]
        cols = first + [(header, key) for header, key, _ in sources]
        other_by = self.other_income_by()
        at = len(first) + [key for _, key, _ in sources].index(self.other_source)

        def vals(code):
            t = self.values[code][0]
            row = [t, t - other_by[code]] + [0] * (len(cols) - 2)
            row[at] += other_by[code]
            return row
        return self.coded_table("income", title, cols, vals)

    def summary_table(self, role, title, income_rows, expenditure_columns, expenditure_tail=None):
        """Two-sided summary: income lines left, classes (and totals) right. The last
        len(expenditure_tail) income rows face the expenditure tail (本年支出合计 … 总计)."""
        table = Table(role, title)
        hangci = self.features["hangci"] == "yes" and len(expenditure_columns) == 1
        left = ["项目"] + (["行次"] if hangci else []) + ["金额" if self.final else "预算数"]
        right = ["项目（按功能分类）" if self.final else "支出功能分类"] + (["行次"] if hangci else []) + \
            [h for h, _ in expenditure_columns]
        table.header = [["收入"] + [""] * (len(left) - 1) + ["支出"] + [""] * (len(right) - 1), left + right]
        table.merges = [(0, 0, 1, len(left)), (0, len(left), 1, len(right))]
        exp_rows = []
        for n, (code, name, level) in enumerate([r for r in self.tree if r[2] == 1]):
            label = ("%s、%s" % (CHINESE_ORDINALS[n], name)) if self.rng.random() < 0.6 else name
            exp_rows.append((label, "expenditure." + code, self.values[code]))
        total_vals = self.total
        if expenditure_tail is None:
            expenditure_tail = [("本年支出合计", "expenditure.total_current_year", total_vals),
                                ("总计" if self.final else "支出总计", "expenditure.grand_total", total_vals)]
        exp_rows += expenditure_tail
        tail = len(expenditure_tail)
        height = max(len(income_rows), len(exp_rows))
        income_rows = income_rows[:-tail] + [("", None, 0)] * (height - len(income_rows)) + income_rows[-tail:]
        exp_rows = exp_rows[:-tail] + [("", None, [0] * 3)] * (height - len(exp_rows)) + exp_rows[-tail:]
        line = 1
        for (ilabel, ikey, ival), (elabel, ekey, evals) in zip(income_rows, exp_rows):
            row = [ilabel] + ([str(line)] if hangci else []) + [self.fig.text(ival) if ikey else ""]
            row += [elabel] + ([str(line + height)] if hangci else [])
            evalues = expenditure_columns_values(expenditure_columns, evals, self)
            row += [self.fig.text(v) if ekey else "" for v in evalues]
            table.body.append(row)
            if ikey and ival:
                table.expected.append((ikey, "amount", ival))
            if ekey:
                for (h, key), v in zip(expenditure_columns, evalues):
                    if v:
                        table.expected.append((ekey, key, v))
            line += 1
        return table

    def national_tail(self, total, fund_columns):
        """The expenditure side's lines after the classes in the national template, and the
        carry-over the income side's tail prints: (expenditure tail, opening, grand total)."""
        x = self.carryover
        carry = [x, x] + [0] * fund_columns
        grand = [total + x, total + x] + [0] * fund_columns
        year = [total, total] + [0] * fund_columns
        if self.final:
            tail = [("本年支出合计", "expenditure.total_current_year", year)]
            if not fund_columns:
                tail.append(("结余分配", "expenditure.surplus_distribution", [0] * 3))
            tail.append(("年末财政拨款结转和结余" if fund_columns else "年末结转和结余",
                         "expenditure.closing_carryover", carry))
            tail.append(("总计", "expenditure.grand_total", grand))
        else:
            tail = [("本年支出合计", "expenditure.total_current_year", year),
                    ("年末结转", "expenditure.closing_carryover", carry),
                    ("支出总计", "expenditure.grand_total", grand)]
        return tail, x, total + x

    def national_summary(self, title):
        t = self.total[0]
        tail, opening, grand = self.national_tail(t, 0)
        sources = NATIONAL_SOURCES["final" if self.final else "budget"]
        if self.final:
            lines = [("一般公共预算财政拨款收入", "income.general_budget_appropriation", self.income_general),
                     ("政府性基金预算财政拨款收入", "income.gov_fund_appropriation", 0),
                     ("国有资本经营预算财政拨款收入", "income.state_capital_appropriation", 0)]
        else:
            lines = [("一般公共预算拨款收入", "income.general_budget_appropriation", self.income_general),
                     ("政府性基金预算拨款收入", "income.gov_fund_appropriation", 0),
                     ("国有资本经营预算拨款收入", "income.state_capital_appropriation", 0)]
        for header, key, line in sources:
            lines.append((line, "income." + key, self.income_other if key == self.other_source else 0))
        rows = [("%s、%s" % (CHINESE_ORDINALS[n], label), key, v) for n, (label, key, v) in enumerate(lines)]
        if self.final:
            rows += [("本年收入合计", "income.total_current_year", t),
                     ("使用非财政拨款结余", "income.use_of_non_fiscal_balance", 0),
                     ("年初结转和结余", "income.opening_carryover", opening),
                     ("总计", "income.grand_total", grand)]
        else:
            rows += [("本年收入合计", "income.total_current_year", t),
                     ("上年结转", "income.opening_carryover", opening),
                     ("收入总计", "income.grand_total", grand)]
        return self.summary_table("income_expenditure_summary", title, rows,
                                  [("金额" if self.final else "预算数", "amount")], tail)

    def national_fiscal_summary(self, title):
        g = self.income_general
        tail, opening, grand = self.national_tail(g, 2)
        word = "财政拨款" if self.final else "拨款"
        rows = [("一、一般公共预算" + word, "income.general_budget_appropriation", g),
                ("二、政府性基金预算" + word, "income.gov_fund_appropriation", 0),
                ("三、国有资本经营预算" + word, "income.state_capital_appropriation", 0),
                ("本年收入合计", "income.total_current_year", g),
                ("年初财政拨款结转和结余" if self.final else "上年结转", "income.opening_carryover", opening),
                ("总计" if self.final else "收入总计", "income.grand_total", grand)]
        suffix = "财政拨款" if self.final else ""
        columns = [("合计", "total"), ("一般公共预算" + suffix, "general_budget"),
                   ("政府性基金预算" + suffix, "gov_fund"), ("国有资本经营预算" + suffix, "state_capital")]
        return self.summary_table("fiscal_appropriation_summary", title, rows, columns, tail)

    def table_income_expenditure_summary(self, title):
        if self.template == "national":
            return self.national_summary(title)
        t = self.total[0]
        if self.final:
            rows = [("一、一般公共预算财政拨款收入", "income.general_budget_appropriation", self.income_general),
                    ("二、政府性基金预算财政拨款收入", "income.gov_fund_appropriation", 0),
                    ("三、上级补助收入", "income.upper_subsidy", 0),
                    ("四、事业收入", "income.business", 0),
                    ("五、其他收入", "income.other", self.income_other),
                    ("本年收入合计", "income.total_current_year", t),
                    ("总计", "income.grand_total", t)]
        else:
            rows = [("一、一般公共预算拨款收入", "income.general_budget_appropriation", self.income_general),
                    ("二、政府性基金预算拨款收入", "income.gov_fund_appropriation", 0),
                    ("三、事业收入", "income.business", 0),
                    ("四、其他收入", "income.other", self.income_other),
                    ("本年收入合计", "income.total_current_year", t),
                    ("收入总计", "income.grand_total", t)]
        return self.summary_table("income_expenditure_summary", title, rows,
                                  [("金额" if self.final else "预算数", "amount")])

    def table_fiscal_appropriation_summary(self, title):
        if self.template == "national":
            return self.national_fiscal_summary(title)
        g = self.income_general
        rows = [("一、一般公共预算财政拨款" if self.final else "一、一般公共预算拨款", "income.general_budget_appropriation", g),
                ("二、政府性基金预算财政拨款" if self.final else "二、政府性基金预算拨款", "income.gov_fund_appropriation", 0),
                ("本年收入合计", "income.total_current_year", g),
                ("总计" if self.final else "收入总计", "income.grand_total", g)]
        # The fiscal table holds only appropriations: scale expenditure to the
        # general budget by removing other income from the first class.
        return self.summary_table("fiscal_appropriation_summary", title, rows,
                                  [("合计", "total"), ("一般公共预算财政拨款" if self.final else "一般公共预算", "general_budget"),
                                   ("政府性基金预算财政拨款" if self.final else "政府性基金预算", "gov_fund")])

    def national_basic(self, title):
        """The final accounts' national basic-expenditure table: 人员经费 and 公用经费 side by side,
        three groups of 科目编码 | 科目名称 | 决算数 (人员经费 in the first, 公用经费 over the other
        two), the two totals on the last row."""
        table = Table("general_budget_basic_expenditure", title)
        basic_total = self.total[1]
        personnel = int(basic_total * self.rng.uniform(0.6, 0.9))
        public = basic_total - personnel

        def group(code, name, items, amount):
            picked = sorted(self.rng.sample(items, self.rng.randint(2, len(items))))
            rows = [(code, name, amount)]
            for (icode, iname), v in zip(picked, self.fig.split(amount, len(picked))):
                rows.append((code + icode, iname, v))
            return rows
        wages = self.rng.randint(personnel * 6 // 10, personnel) if personnel else 0
        left = group(*ECONOMIC[0][:3], wages) + group(*ECONOMIC[2][:3], personnel - wages)
        right = group(*ECONOMIC[1][:3], public)
        half = (len(right) + 1) // 2
        middle, right = right[:half], right[half:]
        height = max(len(left), len(middle), len(right))

        def cells(rows, r):
            if r >= len(rows):
                return ["", "", ""]
            code, name, v = rows[r]
            return [code, name, self.fig.text(v)]
        table.header = [["人员经费", "", "", "公用经费", "", "", "", "", ""],
                        ["科目编码", "科目名称", "决算数"] * 3]
        table.merges = [(0, 0, 1, 3), (0, 3, 1, 6)]
        table.body = [cells(left, r) + cells(middle, r) + cells(right, r) for r in range(height)]
        table.body.append(["人员经费合计", "", self.fig.text(personnel), "公用经费合计", "", "", "", "",
                           self.fig.text(public)])
        table.body_merges = [(height, 0, 1, 2), (height, 3, 1, 5)]
        for code, _, v in left + middle + right:
            table.expected.append((code, "amount", v))
        table.expected += [("personnel_total", "amount", personnel), ("public_total", "amount", public)]
        table.expected = [e for e in table.expected if e[2]]
        return table

    def national_three_public(self, title):
        """The national templates' 三公 table: the items as columns (公务用车 over 小计 | 购置费 |
        运行费), one row of amounts; final accounts print 预算数 and 决算数 side by side."""
        table = Table("three_public", title)
        small = 10 ** 5 if self.features["unit"] == "yuan" else 10 ** 2

        def drawn():
            overseas = 0 if self.rng.random() < 0.5 else self.fig.amount(small, small * 40)
            purchase = 0 if self.rng.random() < 0.6 else self.fig.amount(small * 10, small * 200)
            operation = self.fig.amount(small, small * 80)
            reception = self.fig.amount(small // 10, small * 20)
            vehicle = purchase + operation
            return [("three_public.total", overseas + vehicle + reception),
                    ("three_public.overseas", overseas), ("three_public.vehicle_total", vehicle),
                    ("three_public.vehicle_purchase", purchase),
                    ("three_public.vehicle_operation", operation), ("three_public.reception", reception)]
        vehicle = "公务用车购置及运行维护费" if self.final else "公务用车购置及运行费"
        operation = "公务用车运行维护费" if self.final else "公务用车运行费"
        groups = [("预算数", "budget", drawn())] + ([("决算数", "final", drawn())] if self.final else [])
        top, middle, bottom, row, merges = [], [], [], [], []
        for g, (word, column, values) in enumerate(groups):
            at = 6 * g
            top += [word] + [""] * 5
            middle += ["合计", "因公出国（境）费", vehicle, "", "", "公务接待费"]
            bottom += ["", "", "小计", "公务用车购置费", operation, ""]
            merges += [(0, at, 1, 6), (1, at, 2, 1), (1, at + 1, 2, 1), (1, at + 2, 1, 3), (1, at + 5, 2, 1)]
            for key, v in values:
                row.append(self.fig.text(v, blank_zero=False))
                table.expected.append((key, column, v))
        table.header = ([top] if self.final else []) + [middle, bottom]
        if not self.final:
            merges = [(r - 1, c, rs, cs) for r, c, rs, cs in merges if r > 0]
        table.merges = merges
        table.body = [row]
        return table

    def table_general_budget_basic_expenditure(self, title):
        if self.template == "national" and self.final:
            return self.national_basic(title)
        table = Table("general_budget_basic_expenditure", title)
        basic_total = self.total[1]
        personnel_share = self.rng.uniform(0.6, 0.9)
        personnel = int(basic_total * personnel_share)
        public = basic_total - personnel
        rows = []
        table.header = [["部门预算经济分类" if not self.final else "经济分类科目", "", "人员经费", "公用经费"],
                        ["科目编码", "科目名称", "", ""]]
        table.merges = [(0, 0, 1, 2), (0, 2, 2, 1), (0, 3, 2, 1)]
        groups = []
        for code, name, items in ECONOMIC[:2]:
            picked = sorted(self.rng.sample(items, self.rng.randint(2, len(items))))
            groups.append((code, name, picked))
        for gi, (code, name, picked) in enumerate(groups):
            amount = personnel if gi == 0 else public
            key = "personnel" if gi == 0 else "public"
            parts = self.fig.split(amount, len(picked))
            rows.append([code, name] + ([self.fig.text(amount), ""] if gi == 0 else ["", self.fig.text(amount)]))
            if amount:
                table.expected.append((code, key, amount))
            for (icode, iname), v in zip(picked, parts):
                rows.append([code + icode, iname] + ([self.fig.text(v), ""] if gi == 0 else ["", self.fig.text(v)]))
                if v:
                    table.expected.append((code + icode, key, v))
        trow = ["合计", "", self.fig.text(personnel), self.fig.text(public)]
        table.body_merges = [(len(rows), 0, 1, 2)]
        table.body = rows + [trow]
        table.expected += [("total", "personnel", personnel), ("total", "public", public)]
        table.expected = [e for e in table.expected if e[2]]
        return table

    def table_three_public(self, title):
        if self.template == "national":
            return self.national_three_public(title)
        table = Table("three_public", title)
        small = 10 ** 5 if self.features["unit"] == "yuan" else 10 ** 2
        overseas = 0 if self.rng.random() < 0.5 else self.fig.amount(small, small * 40)
        purchase = 0 if self.rng.random() < 0.6 else self.fig.amount(small * 10, small * 200)
        operation = self.fig.amount(small, small * 80)
        reception = self.fig.amount(small // 10, small * 20)
        vehicle = purchase + operation
        total = overseas + vehicle + reception
        lines = [("合计", "three_public.total", total), ("因公出国（境）费", "three_public.overseas", overseas),
                 ("公务用车购置及运行维护费" if self.final else "公务用车购置及运行费", "three_public.vehicle_total", vehicle),
                 ("其中：公务用车购置费", "three_public.vehicle_purchase", purchase),
                 ("公务用车运行维护费" if self.final else "公务用车运行费", "three_public.vehicle_operation", operation),
                 ("公务接待费", "three_public.reception", reception)]
        column = ("决算数", "final") if self.final else ("预算数", "budget")
        table.header = [["项目", column[0]]]
        table.merges = []
        for label, key, v in lines:
            table.body.append([label, self.fig.text(v, blank_zero=False)])
            table.expected.append((key, column[1], v))
        return table


def expenditure_columns_values(columns, values, doc):
    """Values of a summary's expenditure columns: amount = total; the fiscal
    summary's total/general_budget/gov_fund(/state_capital) columns take total/total/0(/0)."""
    keys = [k for _, k in columns]
    if keys == ["amount"]:
        return [values[0]]
    return [values[0], values[0]] + [0] * (len(keys) - 2)


# --------------------------------------------------------------------------
# Expected figures with their kinds


def expected_figures(doc):
    out = collections.Counter()
    printed = {}
    for t in doc.tables:
        for code, column, v in t.expected:
            key = (doc.kind_prefix + t.role, code, column, doc.fig.yuan(v))
            out[key] += 1
            printed[key] = (doc.fig.text(v, blank_zero=False), t.title)
    return out, printed


# --------------------------------------------------------------------------
# Fiscal summary values: consistent only if other income is zero, so the
# generator drops other income for documents carrying a fiscal summary.


def fix_consistency(doc):
    roles = {t.role for t in doc.tables}
    if roles & {"fiscal_appropriation_summary", "general_budget_expenditure"} and doc.income_other:
        # Rebuild with all income from the general budget.
        doc.income_other = 0
        doc.income_general = doc.total[0]
        rebuilt = []
        for t in doc.tables:
            nt = getattr(doc, "table_" + t.role)(t.title)
            nt.number = t.number
            rebuilt.append(nt)
        doc.tables = rebuilt


EMPTY_TITLES = {
    "gov_fund": ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算支出表"),
    "state_capital": ("国有资本经营预算财政拨款支出决算表", "国有资本经营预算支出表"),
}


def add_wide_classes(doc, seed, index):
    """Layout classes of real documents the first generator did not draw, from
    a random stream of their own, so that document i of a seed without --wide
    stays byte for byte what it was: a list of tables before the tables
    (目录 一、收支总表 …, numbered in its own style, js_suzhou_audit_2026_budget),
    tables printed with their number and unit only (the title is in that list),
    and 政府性基金 / 国有资本经营 tables printed empty with 本表无数据."""
    rng = random.Random("%s:%d:wide" % (seed, index))
    f = doc.features
    f["toc"] = rng.choice(["yes", "no"])
    f["empty_tables"] = rng.choice(["none", "gov_fund", "both"])
    if f["toc"] == "yes" and f["number"] != "none" and rng.random() < 0.4:
        f["title"] = "number_only"
    wanted = {"none": [], "gov_fund": ["gov_fund"], "both": ["gov_fund", "state_capital"]}[f["empty_tables"]]
    for role in wanted:
        table = Table(role, doc.title_text(EMPTY_TITLES[role][0 if doc.final else 1]))
        head, merges = doc.code_header()
        lead = len(head[0])
        columns = ["合计", "基本支出", "项目支出"]
        table.header = [head[0] + columns, head[1] + [""] * len(columns)]
        table.merges = merges + [(0, lead + i, 2, 1) for i in range(len(columns))]
        row = [""] * (lead + len(columns))
        row[lead - 1 if lead > 1 else 0] = "本表无数据"
        table.body = [row]
        table.number = len(doc.tables) + 1
        doc.tables.append(table)
    doc.wide = True


def add_national_templates(doc, seed, index):
    """The national templates' wider tables (财政部's 部门决算 and 部门预算 forms), from a random
    stream of their own: the income table with every source a column (上级补助收入, 事业收入,
    经营收入, 附属单位上缴收入 …, the other income in one of them), the expenditure table with
    上缴上级支出 | 经营支出 | 对附属单位补助支出 beside basic and project, the summaries with
    their carry-over lines (使用非财政拨款结余, 年初结转和结余, 结余分配, 年末结转和结余; the
    fiscal summary with 国有资本经营 as a line and a column), the final accounts' basic table
    with 人员经费 and 公用经费 side by side, and the 三公 table with its items as columns
    (预算数 and 决算数 side by side in final accounts)."""
    rng = random.Random("%s:%d:templates" % (seed, index))
    f = doc.features
    f["template"] = rng.choice(["short", "national"])
    if f["template"] != "national":
        return
    doc.template = "national"
    doc.other_source = rng.choice([key for _, key, _ in NATIONAL_SOURCES["final" if doc.final else "budget"]])
    doc.carryover = 0 if rng.random() < 0.4 else doc.fig.amount(1, max(2, doc.total[0] // 5))
    wider = {"income", "expenditure", "income_expenditure_summary", "fiscal_appropriation_summary",
             "general_budget_basic_expenditure", "three_public"}
    rebuilt = []
    for t in doc.tables:
        if t.role in wider:
            nt = getattr(doc, "table_" + t.role)(t.title)
            nt.number = t.number
            rebuilt.append(nt)
        else:
            rebuilt.append(t)
    doc.tables = rebuilt


def make_doc(seed, index, wide=False, templates=False):
    rng = random.Random("%s:%d" % (seed, index))
    doc = Doc(rng, index)
    fix_consistency(doc)
    if templates:
        add_national_templates(doc, seed, index)
    if wide:
        add_wide_classes(doc, seed, index)
    return doc


def toc_lines(doc):
    """The list of tables printed before them, numbered 一、二、… whatever the
    tables' own number style."""
    if doc.features.get("toc") != "yes":
        return []
    return ["目录"] + ["%s、%s" % (ordinal(t.number), t.title) for t in doc.tables]


def ordinal(n):
    if n <= 10:
        return CHINESE_ORDINALS[n - 1]
    return "十" + CHINESE_ORDINALS[n - 11] if n < 20 else str(n)


# --------------------------------------------------------------------------
# Title block lines (shared by the DOCX and text renderers)


def wrap_point(title):
    """Where a long title wraps: near its middle, never inside a number."""
    cut = max(2, len(title) // 2)
    while cut < len(title) - 1 and (title[cut - 1].isdigit() or title[cut].isdigit()):
        cut += 1
    return cut


def title_lines(doc, table):
    """The lines printed around a table, as [(text, where)] with where in
    before / frame / page_before; the renderer decides the shape."""
    f = doc.features
    number = doc.number_text(table.number)
    unit = doc.unit_line()
    title = table.title
    style = f["title"]
    lines = []
    if style == "number_above":
        lines = [number, title, unit]
    elif style == "number_below":
        lines = [title, number, unit]
    elif style == "number_unit_line":
        lines = [(number + "    " if number else "") + title + "    " + unit]
    elif style == "bracket_number":
        lines = [title + ("（%s）" % number if number and not number.endswith("、") else ""), unit]
    elif style == "wrapped":
        cut = wrap_point(title)
        lines = [number, title[:cut], title[cut:], unit]
    elif style == "number_only":
        lines = [number, unit]
    elif style in ("in_frame", "prev_page", "plain"):
        if number.endswith("、"):
            lines = [number + title, unit]
        else:
            lines = [number, title, unit]
    if number.endswith("、") and style not in ("in_frame", "prev_page", "plain", "number_only"):
        # Ordinals are printed joined to the title.
        lines = [l for l in lines if l != number]
        lines = [number + l if l == title or (style == "wrapped" and l == title[:wrap_point(title)])
                 else l for l in lines]
    if f["prefix"] == "department_year" and doc.rng.random() < 0.3:
        lines.append("编制单位：" + doc.department)
    return [l for l in lines if l]


# --------------------------------------------------------------------------
# DOCX rendering


def render_docx(doc, path):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    f = doc.features
    d = docx.Document()
    section = d.sections[0]
    if f["orientation"] == "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(2.0)
    style = d.styles["Normal"]
    style.font.size = Pt(float(f["font_size"]))
    style.font.name = f["font"]
    style.element.rPr.rFonts.set(qn("w:eastAsia"), f["font"])
    kind = "决算" if doc.final else "预算"
    d.add_paragraph("%s%d年度部门%s" % (doc.department, doc.year, kind)).alignment = 1
    for line in toc_lines(doc):
        d.add_paragraph(line)
    d.add_paragraph("第一部分 部门概况")
    d.add_paragraph("本部门%d年%s公开如下，数据以报表为准。" % (doc.year, kind))
    d.add_paragraph("第二部分 %d年度部门%s表" % (doc.year, kind))
    rng = random.Random("docx:%d" % doc.index)
    available = section.page_width - section.left_margin - section.right_margin
    for table in doc.tables:
        filler = {"none": 0, "some": rng.randint(0, 6), "many": rng.randint(5, 25)}[f["filler"]]
        for _ in range(filler):
            d.add_paragraph("")
        lines = title_lines(doc, table)
        in_frame = f["title"] == "in_frame"
        if f["title"] == "prev_page":
            for line in lines:
                d.add_paragraph(line)
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif not in_frame:
            for line in lines:
                p = d.add_paragraph(line)
                if line == table.title or table.title in line:
                    p.alignment = 1
        grid = table.header + table.body
        width = len(grid[0])
        frame_rows = []
        if in_frame:
            frame_rows = [[l] + [""] * (width - 1) for l in lines]
        all_rows = frame_rows + grid
        t = d.add_table(rows=len(all_rows), cols=width)
        if f["rules"] == "ruled":
            t.style = "Table Grid"
        t.autofit = False
        wanted = [max([4] + [min(sum(2 if ord(ch) > 0x2E80 else 1 for ch in r[c]), 24) for r in grid]) + 2
                  for c in range(width)]
        if f["widths"] == "equal":
            wanted = [1] * width
        widths = [int(available * w / sum(wanted)) for w in wanted]
        for c, grid_column in enumerate(t._tbl.tblGrid.findall(qn("w:gridCol"))):
            grid_column.set(qn("w:w"), str(widths[c] // 635))
        # Row by row: python-docx's table.cell(r, c) rebuilds the whole cell
        # list on every call.
        for row, texts in zip(t.rows, all_rows):
            for c, (cell, text) in enumerate(zip(row.cells, texts)):
                cell.width = widths[c]
                if text:
                    cell.paragraphs[0].text = text
                    if re.fullmatch(r"-?[\d,]+\.\d\d", text):
                        cell.paragraphs[0].alignment = 2
        off = len(frame_rows)
        if f["rules"] == "three_line":
            border = lambda edge: '<w:%s w:val="single" w:sz="12" w:space="0" w:color="000000"/>' % edge
            tbl_pr = t._tbl.tblPr
            tbl_pr.append(parse_xml('<w:tblBorders %s>%s%s</w:tblBorders>' % (nsdecls("w"), border("top"),
                                                                                 border("bottom"))))
            last_header = off + len(table.header) - 1
            for cell in t.rows[last_header].cells:
                tc_pr = cell._tc.get_or_add_tcPr()
                tc_pr.append(parse_xml('<w:tcBorders %s><w:bottom w:val="single" w:sz="6" w:space="0" '
                                       'w:color="000000"/></w:tcBorders>' % nsdecls("w")))
        if f["repeat_header"] == "yes":
            for r in range(off + len(table.header)):
                t.rows[r]._tr.get_or_add_trPr().append(parse_xml('<w:tblHeader %s/>' % nsdecls("w")))
        for r in range(off):
            t.cell(r, 0).merge(t.cell(r, width - 1))
        for r, c, rs, cs in table.merges:
            t.cell(off + r, c).merge(t.cell(off + r + rs - 1, c + cs - 1))
        for r, c, rs, cs in getattr(table, "body_merges", []):
            r += off + len(table.header)
            t.cell(r, c).merge(t.cell(r + rs - 1, c + cs - 1))
        d.add_paragraph("注：本表金额单位转换时可能存在尾数误差。" if rng.random() < 0.5 else "")
    d.add_paragraph("第三部分 名词解释")
    d.save(path)


# --------------------------------------------------------------------------
# Text export rendering


def render_text(doc, path):
    f = doc.features
    rng = random.Random("text:%d" % doc.index)
    indent = {"none": "", "spaces": "    ", "fullwidth": "\u3000\u3000", "tab": "\t"}[f["text_indent"]]
    out = []
    kind = "决算" if doc.final else "预算"

    def para(text, noisy=False):
        if noisy and f["bookmarks"] == "yes":
            text = "[bookmark: _Toc%d]" % rng.randint(10 ** 7, 10 ** 8) + text
        out.append(text)
        out.append("")

    para("%s%d年度部门%s" % (doc.department, doc.year, kind), True)
    for line in toc_lines(doc):
        para(line)
    para("第一部分 部门概况", True)
    para("本部门%d年%s公开如下，数据以报表为准。" % (doc.year, kind))
    para("第二部分 %d年度部门%s表" % (doc.year, kind), True)
    for table in doc.tables:
        lines = title_lines(doc, table)
        grid = table.header + table.body
        width = len(grid[0])
        in_frame = f["title"] == "in_frame"
        if not in_frame:
            for line in lines:
                para(indent + line if line != lines[-1] or indent == "\t" else indent + line,
                     noisy=table.title in line)
        rows = ([[l] + [""] * (width - 1) for l in lines] if in_frame else []) + grid
        if f["text_cells"] == "tabs":
            for row in rows:
                out.append("\t".join(row))
            out.append("")
        else:
            for row in rows:
                for cell in row:
                    out.append("\t" + cell)
                out.append("")
            out.append("")
        para("注：本表金额单位转换时可能存在尾数误差。")
    para("第三部分 名词解释", True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


# --------------------------------------------------------------------------
# Running and scoring


def figures_of(facts_csv):
    got = collections.Counter()
    if not os.path.exists(facts_csv):
        return got
    with open(facts_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["table_kind"] == "narrative":
                continue
            got[(row["table_kind"], row["row_code"], row["column"], row["amount_yuan"])] += 1
    return got


def load_reading(json_path):
    """A form's JSON reading of one document; {} when there is none."""
    if not os.path.exists(json_path):
        return {}
    with open(json_path, encoding="utf-8") as fh:
        return json.load(fh)


def flags_of(data):
    """(figure keys, (kind, amount) pairs, message texts) of every finding and
    warning of a reading. A figure reference with amount 0 on a cell that was not
    read (amount.unparsed) names its cell, not an amount: it matches by key only."""
    keys, amounts, messages = set(), set(), []
    for item in data.get("findings", []) + data.get("warnings", []):
        check = item.get("check", item.get("code", ""))
        messages.append(item.get("message", "") + " " + check + " " +
                        (item.get("printed_text") or ""))
        for fig in item.get("figures", []) or []:
            keys.add((fig.get("table_kind"), fig.get("row_code")))
            if check == "amount.unparsed" and fig.get("amount_yuan") in ("0.00", "0"):
                continue
            amounts.add((fig.get("table_kind"), fig.get("amount_yuan")))
    return keys, amounts, messages


def metadata_of(data):
    """(department, fiscal year, doc kind) a reading gives, whitespace removed; "" where
    it gives none."""
    meta = data.get("metadata", {})
    def value(field):
        return re.sub(r"\s", "", str((meta.get(field) or {}).get("value") or ""))
    return value("department"), value("fiscal_year"), value("doc_kind")


def cell_texts(data):
    """Every table cell's text of a reading's blocks, to tell a cut number from
    a figure the normalizer did not key."""
    texts = set()
    for block in data.get("blocks", []):
        for cell in block.get("cells", []) or []:
            for piece in re.split(r"\s+", cell.get("text", "")):
                texts.add(piece)
    return texts


def miss_cause(kind, key, printed, cells, reference, expected):
    """Why a figure is missing or extra, from the evidence at hand:
    kind_other/kind_wrong: the table's kind was not identified (normalize);
    column: right table and row, another column key (normalize header keying,
    or a PDF column assignment when the DOCX has it right);
    cut_number: the printed amount is in no cell of the form's grid (extract);
    form_only: the DOCX reading has the figure, this form does not (extract);
    row: right table, figure not keyed under the expected row (normalize)."""
    if kind == "extra":
        if key[0] == "other":
            return "kind_other"
        same_amount = [k for k in expected if k[3] == key[3] and k[1] == key[1]]
        if same_amount and same_amount[0][0] != key[0]:
            return "kind_wrong"
        if same_amount:
            return "column"
        return "extra_figure"
    text = printed.get(key, ("", ""))[0]
    if cells and text and text not in cells and "0.00" != text:
        return "cut_number"
    if reference is not None and reference[key]:
        return "form_only"
    return "normalize"


def quotes(message, text):
    """Whether a message quotes a printed amount as a whole number (1.00 is not
    quoted by 11.00 or 1.005)."""
    return re.search(r"(?<![0-9.,])" + re.escape(text) + r"(?![0-9])(?![.,][0-9])", message) is not None


def flagged(key, printed, flags):
    """A miss is flagged when a finding names its table and row, or its amount
    in its table, or quotes its printed text, or says its table was not
    identified, or says no table of its kind was read (table.missing: the
    document prints the others of the standard set)."""
    keys, amounts, messages = flags
    text, title = printed.get(key, ("", ""))
    # An unclassified table's figures are named under kind other.
    if (key[0], key[1]) in keys or (key[0], key[3]) in amounts or ("other", key[3]) in amounts:
        return True
    for m in messages:
        if text and text != "0.00" and quotes(m, text):
            return True
        if "table.unclassified" in m and title and title[-6:] in m:
            return True
        if "table.missing" in m and m.startswith(key[0] + " "):
            return True
    return False


def run_extract(binary, paths, out, timeout, extra=()):
    if not paths:
        return
    # Batches keep one bad file from costing the whole run its output.
    for i in range(0, len(paths), 50):
        subprocess.run([binary, "extract", *extra, "-o", out] + paths[i:i + 50], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)


def write_text(path):
    """Opens path for writing; a link there (a source shared with --reuse) is
    replaced, never written through."""
    if os.path.islink(path):
        os.remove(path)
    return open(path, "w", encoding="utf-8")


def make_scans(out, names):
    """The scan form's sources: a degraded image-only copy of each PDF, made
    once (the degradation is seeded by page, so a copy is reproducible)."""
    scans = os.path.join(out, "scans")
    os.makedirs(scans, exist_ok=True)
    for n in names:
        src, dst = os.path.join(out, n + ".pdf"), os.path.join(scans, n + ".scan.pdf")
        if os.path.exists(src) and not os.path.exists(dst):
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "ocr-measure.py"),
                            "--scan", src, dst + ".part", "--dpi", "200"], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if os.path.exists(dst + ".part"):
                os.replace(dst + ".part", dst)


def convert_docx(out, names, target):
    """Saves each DOCX as `target` (pdf, doc or html) with LibreOffice, as publishers do.
    xlsx and xls are the HTML save opened as a spreadsheet (Calc's HTML import): one sheet
    holding every table stacked with the title, unit and narrative lines between them, as
    a finance system's export or a web page saved as a workbook is."""
    if not names:
        return
    source, infilter = ".docx", []
    if target in ("xlsx", "xls"):
        source, infilter = ".html", ["--infilter=HTML (StarCalc)"]
        target = "xls:MS Excel 97" if target == "xls" else target
    profile = tempfile.mkdtemp(prefix="sweep-layouts-profile-")
    try:
        for i in range(0, len(names), 40):
            batch = names[i:i + 40]
            subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                            *infilter, "--convert-to", target, "--outdir", out] +
                           [os.path.join(out, n + source) for n in batch],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--first", type=int, default=0, help="index of the first document")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "cli", "disclose"))
    parser.add_argument("--out", default=None)
    parser.add_argument("--forms", default="docx,text,pdf")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--keep-going", action="store_true", help="exit 0 even when figures are lost")
    parser.add_argument("--list-misses", type=int, default=40, help="silent misses to print (0: none)")
    parser.add_argument("--no-run", action="store_true", help="only generate the documents")
    parser.add_argument("--wide", action="store_true",
                        help="also draw the layout classes added later (a list of tables, number-only "
                             "titles, empty 政府性基金/国有资本经营 tables); documents differ from those "
                             "drawn without it")
    parser.add_argument("--templates", action="store_true",
                        help="also draw the national templates' wider tables (every income source and "
                             "expenditure use a column, the summaries' carry-over lines); documents "
                             "drawn national differ from those drawn without it")
    parser.add_argument("--reuse", action="store_true",
                        help="keep documents already rendered in --out (a rerun with another binary)")
    args = parser.parse_args()
    forms = [x for x in args.forms.split(",") if x]
    if not set(forms) <= {"docx", "text", "pdf", "scan", "doc", "html", "xlsx", "xls", "layout"}:
        sys.exit("sweep-layouts: --forms takes docx, text, pdf, scan, doc, html, xlsx, xls, layout")
    binary = os.path.abspath(args.binary)
    if not args.no_run and not os.access(binary, os.X_OK):
        sys.exit("sweep-layouts: %s is not an executable (build first or pass --binary)" % binary)
    needs_pdf = "pdf" in forms or "scan" in forms or "layout" in forms
    # Word 97, web-page and workbook saves of the DOCX (a workbook is made from the web page).
    saved = [f for f in ("doc", "html", "xlsx", "xls") if f in forms]
    if (needs_pdf or saved) and shutil.which("soffice") is None:
        sys.exit("sweep-layouts: soffice not found (apt-get install libreoffice-writer)")
    out = os.path.abspath(args.out or tempfile.mkdtemp(prefix="sweep-layouts-"))
    os.makedirs(out, exist_ok=True)
    docs, names = [], []
    for i in range(args.first, args.first + args.count):
        doc = make_doc(args.seed, i, args.wide, args.templates)
        name = "s%s%s%s_%04d_%s" % (re.sub(r"\W", "", str(args.seed)), "w" if args.wide else "",
                                    "n" if args.templates else "", i,
                                  doc.features["doc"])
        docs.append(doc)
        names.append(name)
        expected, _ = expected_figures(doc)
        with write_text(os.path.join(out, name + ".expected.tsv")) as fh:
            fh.write("table_kind\trow_code\tcolumn\tamount_yuan\n")
            for key in sorted(expected.elements()):
                fh.write("\t".join(key) + "\n")
        with write_text(os.path.join(out, name + ".features.json")) as fh:
            json.dump(doc.features, fh, ensure_ascii=False, indent=1)
        def fresh(ext):
            return not (args.reuse and os.path.exists(os.path.join(out, name + ext)))
        # A PDF already there (--reuse) needs no DOCX unless the DOCX form is read.
        converted = (needs_pdf and fresh(".pdf")) or any(fresh("." + f) for f in saved)
        if ("docx" in forms or converted) and fresh(".docx"):
            render_docx(doc, os.path.join(out, name + ".docx"))
        if "text" in forms and fresh(".txt"):
            render_text(doc, os.path.join(out, name + ".txt"))
    if args.no_run:
        print("generated %d documents in %s" % (len(docs), out))
        return 0
    sheets = "xlsx" in forms or "xls" in forms
    for target, wanted in (("pdf", needs_pdf), ("doc", "doc" in forms),
                           ("html", "html" in forms or sheets), ("xlsx", "xlsx" in forms),
                           ("xls", "xls" in forms)):
        if wanted:
            convert_docx(out, [n for n in names if not (
                args.reuse and os.path.exists(os.path.join(out, n + "." + target)))], target)
    if "layout" in forms:
        # The PDF as `pdftotext -layout` prints it: columns laid out with spaces.
        for n in names:
            src, dst = os.path.join(out, n + ".pdf"), os.path.join(out, n + ".layout.txt")
            if os.path.exists(src) and not (args.reuse and os.path.exists(dst)):
                subprocess.run(["pdftotext", "-layout", src, dst], check=False,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ext = {"docx": ".docx", "text": ".txt", "pdf": ".pdf", "scan": ".scan.pdf", "doc": ".doc",
           "html": ".html", "xlsx": ".xlsx", "xls": ".xls", "layout": ".layout.txt"}
    source = {f: out for f in forms}
    target = {f: os.path.join(out, f) for f in forms}
    if "scan" in forms:
        make_scans(out, names)
        source["scan"] = os.path.join(out, "scans")
        tag = hashlib.sha256(open(binary, "rb").read()).hexdigest()[:12]
        target["scan"] = os.path.join(out, "scan-" + tag)
    for form in forms:
        os.makedirs(target[form], exist_ok=True)
        paths = [os.path.join(source[form], n + ext[form]) for n in names
                 if os.path.exists(os.path.join(source[form], n + ext[form]))]
        if form == "scan":
            # OCR costs 2-3 CPU s a page: one worker, and what this binary read before is kept.
            paths = [p for p in paths if not os.path.exists(
                os.path.join(target[form], os.path.basename(p) + ".facts.csv"))]
            run_extract(binary, paths, target[form], 3600 * 6, ("-j", "1", "--timeout", "600"))
        else:
            run_extract(binary, paths, target[form], 3600)

    summary = {"seed": args.seed, "first": args.first, "count": args.count, "out": out, "binary": binary,
               "forms": {}, "features": {}, "silent": []}
    per_feature = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    causes = collections.defaultdict(collections.Counter)
    tables_lost = collections.defaultdict(list)
    any_bad = False
    for form in forms:
        total = exact = extra_total = flagged_n = silent_n = docs_exact = 0
        # The metadata each document prints in its heading (DEPT YEAR年度部门决算/预算).
        meta_ok = collections.Counter()
        meta_wrong = []
        for doc, name in zip(docs, names):
            reading = load_reading(os.path.join(target[form], name + ext[form] + ".json"))
            got_meta = metadata_of(reading)
            want_meta = (doc.department, str(doc.year),
                         "final_accounts" if doc.final else "budget")
            for field, want, have in zip(("department", "year", "doc_kind"), want_meta, got_meta):
                if want == have:
                    meta_ok[field] += 1
                else:
                    meta_wrong.append("%s %s: %s read %r" % (name, field, want, have))
            expected, printed = expected_figures(doc)
            got = figures_of(os.path.join(target[form], name + ext[form] + ".facts.csv"))
            missing, extra = expected - got, got - expected
            n_exp = sum(expected.values())
            n_ok = n_exp - sum(missing.values())
            total += n_exp
            exact += n_ok
            extra_total += sum(extra.values())
            docs_exact += not missing and not extra
            if os.environ.get("SWEEP_PER_DOCUMENT"):
                print("  %s %s %d/%d exact, %d extra" % (form, name, n_ok, n_exp, sum(extra.values())))
            for fname, value in doc.features.items():
                cell = per_feature["%s=%s" % (fname, value)][form] = per_feature["%s=%s" % (fname, value)][form]
                cell[0] += n_ok
                cell[1] += n_exp
            flags = flags_of(reading)
            cells = cell_texts(reading)
            reference = (figures_of(os.path.join(out, "docx", name + ".docx.facts.csv"))
                         if form != "docx" and "docx" in forms else None)
            for key in list(missing.elements()) + list(extra.elements()):
                kind = "missing" if key in missing else "extra"
                cause = miss_cause(kind, key, printed, cells, reference, expected)
                causes[form][cause] += 1
                if flagged(key, printed, flags):
                    flagged_n += 1
                else:
                    silent_n += 1
                    summary["silent"].append({"form": form, "document": name, "kind": kind,
                                              "cause": cause, "figure": list(key),
                                              "printed": printed.get(key, ("", ""))[0],
                                              "table_title": printed.get(key, ("", ""))[1]})
            if missing or extra:
                any_bad = True
            # Tables lost whole or in part, by the title arrangement drawn: the
            # table-identification view of the misses.
            for kind in sorted({k[0] for k in expected}):
                mine = collections.Counter({k: c for k, c in expected.items() if k[0] == kind})
                lost = sum((mine - got).values())
                if lost:
                    state = "whole" if lost == sum(mine.values()) else "part"
                    tables_lost[(form, kind.split(".", 1)[1], state, doc.features["title"])].append(name)
        summary["forms"][form] = {"figures": total, "exact": exact, "rate": exact / total if total else 0,
                                  "extra": extra_total, "flagged": flagged_n, "silent": silent_n,
                                  "documents": len(docs), "documents_exact": docs_exact,
                                  "causes": dict(sorted(causes[form].items())),
                                  "metadata": {field: meta_ok[field]
                                               for field in ("department", "year", "doc_kind")},
                                  "metadata_wrong": meta_wrong}
    for feature in sorted(per_feature):
        summary["features"][feature] = {form: {"exact": v[0], "figures": v[1],
                                               "rate": v[0] / v[1] if v[1] else 0}
                                        for form, v in per_feature[feature].items()}
    summary["tables_lost"] = [{"form": k[0], "table": k[1], "lost": k[2], "title": k[3],
                               "count": len(v), "examples": v[:4]}
                              for k, v in sorted(tables_lost.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    with write_text(os.path.join(out, "summary.json")) as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=1)
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print("layout sweep: seed %s, documents %d..%d, out %s" %
              (args.seed, args.first, args.first + args.count - 1, out))
        for form, s in summary["forms"].items():
            print("  %-5s %6d/%6d figures exact (%.2f%%), %d extra, %d/%d documents exact, "
                  "%d misses flagged, %d silent" %
                  (form, s["exact"], s["figures"], 100 * s["rate"], s["extra"], s["documents_exact"],
                   s["documents"], s["flagged"], s["silent"]))
            if s["causes"]:
                print("        causes: " + ", ".join("%s %d" % kv for kv in s["causes"].items()))
            print("        metadata right: " + ", ".join(
                "%s %d/%d" % (field, n, s["documents"]) for field, n in s["metadata"].items()))
            for wrong in s["metadata_wrong"][:args.list_misses]:
                print("          " + wrong)
        print("  per feature (exact %% per form):")
        for feature, per in summary["features"].items():
            print("    %-34s %s" % (feature, "  ".join("%s %6.2f%%" % (form, 100 * v["rate"])
                                                      for form, v in per.items())))
        print("  tables lost (form, table, whole/part, title arrangement: count, examples):")
        for t in summary["tables_lost"][:args.list_misses or 30]:
            print("    %-5s %-34s %-5s %-16s %3d  %s" % (t["form"], t["table"], t["lost"], t["title"],
                                                      t["count"], " ".join(t["examples"])))
        if args.list_misses:
            print("  silent misses (first %d of %d):" % (min(args.list_misses, len(summary["silent"])),
                                                        len(summary["silent"])))
            for s in summary["silent"][:args.list_misses]:
                print("    %s %s %s [%s] %s %s (printed %s in %s)" % (
                s["form"], s["document"], s["kind"], s["cause"], "/".join(s["figure"][:3]), s["figure"][3],
                s["printed"], s["table_title"]))
    return 1 if any_bad and not args.keep_going else 0


if __name__ == "__main__":
    sys.exit(main())
