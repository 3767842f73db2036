#!/usr/bin/python3
"""Builds the spreadsheet fixtures in fixtures/xlsx/ and the damaged ones in fixtures/bad/.

Run with /usr/bin/python3 (python3-openpyxl, python3-docx) and LibreOffice on the PATH:
    /usr/bin/python3 scripts/make-xlsx-fixtures.py

- budget_2024_kashgar_full.xlsx: every table of seed 004 (喀什地区医疗保障局 2024
  预算, 万元, 374 hand-read figures), one sheet per table, the way a finance
  office lays a workbook out: a merged title row, 编制部门 and 单位 on one row,
  merged header cells, amounts stored as numbers under realistic number
  formats (one stored 1e-10 above its printed value), codes as text. Decoys
  that must never be read: a hidden row and a hidden column holding amounts in
  one table, and a hidden sheet repeating a table with other amounts.
- budget_2024_kashgar_full.xls: the same workbook saved by LibreOffice as
  Excel 97-2003 (BIFF8).
- features.xlsx: written part by part (openpyxl cannot write cached formula
  values or inline strings) for the reader's unit tests.
"""
import decimal
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "xlsx")
BAD = os.path.join(ROOT, "fixtures", "bad")
AMOUNT = re.compile(r"-?[\d,]+\.\d+")

# The seed's table parser lives in the DOCX fixture script.
_spec = importlib.util.spec_from_file_location(
    "make_docx_fixtures", os.path.join(ROOT, "scripts", "make-docx-fixtures.py"))
docx_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docx_fixtures)

# Number formats seen in published workbooks; each table gets one in turn.
FORMATS = ["#,##0.00", "0.00", "#,##0.00_ ;[Red]-#,##0.00 ", "#,##0.00;-#,##0.00;0.00",
           '#,##0.00"";-#,##0.00""']


def header_merges(rows):
    """Merges in the first header row, as finance offices draw them: a code
    heading over its 类 | 款 | 项 columns (科目编码 over three cells), and the
    收入 | 支出 halves of a two-sided summary (as the DOCX fixture merges them).
    Other groups are left unmerged: the seed export misaligns some of them,
    and a merge there would move a figure to another column key."""
    first_body = next((r for r, row in enumerate(rows) if any(AMOUNT.fullmatch(c) for c in row)),
                      len(rows))
    if first_body < 2 or MERGES == "none":
        return []
    merges = []
    top, below = rows[0], rows[1]
    for c, text in enumerate(top):
        if not text:
            continue
        end = c + 1
        while end < len(top) and not top[end]:
            end += 1
        if below[c:c + 2] == ["类", "款"]:
            last = c + 2 if c + 2 < end and below[c + 2] == "项" else c + 1
            merges.append((0, c, last))
        elif text in ("收入", "支出") and end - c == 2:
            merges.append((0, c, c + 1))
    return merges


MERGES = os.environ.get("XLSX_MERGES", "header")


def sheet_title(number, title):
    name = re.sub(r"[\[\]:*?/\\]", "", title)[:28]
    return "%d %s" % (number, name) if len(name) < 28 else name


def write_table(sheet, number, title, rows, fmt, offset=decimal.Decimal(0), merge=True):
    width = len(rows[0])
    sheet.append([title] + [None] * (width - 1))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.append(["编制部门：新疆维吾尔自治区喀什地区医疗保障局"] + [None] * (width - 2) + ["单位：万元"])
    base = 3
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text:
                continue
            cell = sheet.cell(base + r, c + 1)
            if AMOUNT.fullmatch(text):
                cell.value = decimal.Decimal(text.replace(",", "")) + offset
                cell.number_format = fmt
            else:
                cell.value = text
                cell.number_format = "@"
    for r, first, last in header_merges(rows) if merge else []:
        sheet.merge_cells(start_row=base + r, start_column=first + 1, end_row=base + r,
                          end_column=last + 1)
    return base


def seed_workbook(path):
    lines = docx_fixtures.seed_lines("004_")
    tables = docx_fixtures.seed_tables(lines)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for number, (title, rows) in enumerate(tables, start=1):
        sheet = book.create_sheet(sheet_title(number, title))
        fmt = FORMATS[(number - 1) % len(FORMATS)]
        # Table 2's header is misaligned in the seed export (its group
        # headings sit one column off their sub-headings), so where its
        # merges belong is a guess; it is written unmerged.
        base = write_table(sheet, number, title, rows, fmt, merge=number != 2)
        if number == 2:
            # Decoys: a hidden row of amounts after the header and a hidden
            # column of amounts at the right; neither may become a figure.
            width = len(rows[0])
            decoy_row = base + len(rows)
            sheet.cell(decoy_row, 4).value = "隐藏行"
            for c in range(5, width + 1):
                sheet.cell(decoy_row, c).value = decimal.Decimal("999999.99")
                sheet.cell(decoy_row, c).number_format = fmt
            sheet.row_dimensions[decoy_row].hidden = True
            for r in range(base, base + len(rows)):
                sheet.cell(r, width + 1).value = decimal.Decimal("888.88")
            letter = openpyxl.utils.get_column_letter(width + 1)
            sheet.column_dimensions[letter].hidden = True
        if number == 3:
            # One amount stored with binary noise below the fen, as a formula
            # result often is; the reader must print it at the format's places.
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    if AMOUNT.fullmatch(text) and text != "0.00":
                        cell = sheet.cell(base + r, c + 1)
                        cell.value = cell.value + decimal.Decimal("0.0000000001")
                        break
                else:
                    continue
                break
    hidden = book.create_sheet("旧版 部门收支总体情况表")
    title, rows = tables[0]
    write_table(hidden, 1, title, rows, FORMATS[0], offset=decimal.Decimal("11.11"))
    hidden.sheet_state = "hidden"
    book.save(path)


def to_xls(xlsx_path):
    work = tempfile.mkdtemp()
    try:
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + work + "/profile",
                        "--convert-to", "xls", "--outdir", work, xlsx_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        name = os.path.splitext(os.path.basename(xlsx_path))[0] + ".xls"
        shutil.copy(os.path.join(work, name), os.path.join(OUT, name))
    finally:
        shutil.rmtree(work)


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def package(sheets, shared_strings=None, styles=None, extra=()):
    """A minimal XLSX: sheets is [(name, state, worksheet xml)]."""
    workbook = ['<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>'
                % (MAIN, REL)]
    rels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    parts = [("[Content_Types].xml", CONTENT_TYPES)]
    for i, (name, state, xml) in enumerate(sheets, start=1):
        workbook.append('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>'
                        % (name, i, ' state="%s"' % state if state else "", i))
        rels.append('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                    % (i, REL, i))
        parts.append(("xl/worksheets/sheet%d.xml" % i, xml))
    workbook.append("</sheets></workbook>")
    if shared_strings is not None:
        rels.append('<Relationship Id="rIdS" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % REL)
        parts.append(("xl/sharedStrings.xml", shared_strings))
    if styles is not None:
        rels.append('<Relationship Id="rIdT" Type="%s/styles" Target="/xl/styles.xml"/>' % REL)
        parts.append(("xl/styles.xml", styles))
    rels.append("</Relationships>")
    parts.append(("xl/workbook.xml", "".join(workbook)))
    parts.append(("xl/_rels/workbook.xml.rels", "".join(rels)))
    parts.extend(extra)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)
    return buffer.getvalue()


def worksheet(body, before="", after=""):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s">%s<sheetData>%s</sheetData>%s</worksheet>'
            % (MAIN, before, body, after))


def features():
    strings = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="9" uniqueCount="6">'
               '<si><t>2024年收支预算总表</t></si>'
               '<si><t>单位：元</t></si>'
               '<si><r><t>项目</t></r><r><rPr><b/></rPr><t>名称</t></r><rPh sb="0" eb="2"><t>コウモク</t></rPh></si>'
               '<si><t>金额</t></si>'
               '<si><t>比例</t></si>'
               '<si><t xml:space="preserve">行一_x000D_\n行二</t></si>'
               '</sst>' % MAIN)
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">'
              '<numFmts count="2"><numFmt numFmtId="176" formatCode="#,##0.00_ ;[Red]\\-#,##0.00\\ "/>'
              '<numFmt numFmtId="177" formatCode="0.0%%"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
              '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="2"/>'
              '<xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="3"/></cellXfs></styleSheet>' % MAIN)
    data = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2"><c r="D2" t="s"><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="C3"/>'
        '<c r="D3" t="s"><v>4</v></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>合计</t></is></c><c r="B4" s="1"><v>1234567.5</v></c>'
        '<c r="D4" s="4"><v>0.12345</v></c></row>'
        '<row r="5"><c r="A5" t="inlineStr"><is><t>精度</t></is></c><c r="B5" s="2"><v>1234.5600000001</v></c>'
        '<c r="D5" s="2"><v>-0.5</v></c></row>'
        '<row r="6" hidden="1"><c r="A6" t="inlineStr"><is><t>隐藏</t></is></c><c r="B6" s="1"><v>777</v></c></row>'
        '<row r="7"><c r="A7" t="inlineStr"><is><t>公式</t></is></c><c r="B7" s="3"><f>SUM(B4:B5)</f><v>1235802.06</v></c>'
        '<c r="D7" s="3"><f>B7*2</f></c></row>'
        '<row r="8"><c r="A8" t="inlineStr"><is><t>负数</t></is></c><c r="B8" s="3"><v>-1500</v></c>'
        '<c r="D8" s="5"><v>1.5E3</v></c></row>'
        '<row r="9"><c r="A9" t="s"><v>5</v></c><c r="B9" t="str"><f>"文本"</f><v>文本</v></c>'
        '<c r="D9" t="b"><v>1</v></c></row>'
        '<row r="10"><c r="A10" t="inlineStr"><is><t>注：隐藏列不读。</t></is></c></row>')
    cols = '<cols><col min="3" max="3" hidden="1" width="0"/></cols>'
    merges = '<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="B3:C3"/></mergeCells>'
    # C holds a value under the hidden column: never read.
    data = data.replace('<c r="D4"', '<c r="C4"><v>555</v></c><c r="D4"')
    hidden = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>隐藏表</t></is></c>'
                       '<c r="B1"><v>1</v></c></row>')
    second = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>第二页</t></is></c></row>')
    return package([("收支总表", "", worksheet(data, cols, merges)),
                    ("隐藏", "hidden", hidden), ("很隐藏", "veryHidden", hidden),
                    ("Sheet3", "", second)],
                   shared_strings=strings, styles=styles)


def bad_fixtures():
    good = open(os.path.join(OUT, "features.xlsx"), "rb").read()
    with open(os.path.join(BAD, "truncated.xlsx"), "wb") as f:
        f.write(good[: len(good) // 2])
    with open(os.path.join(BAD, "bad_xml.xlsx"), "wb") as f:
        f.write(package([("a", "", worksheet('<row r="1"><c r="A1"><v>1</v></row>'))]))
    with open(os.path.join(BAD, "xxe.xlsx"), "wb") as f:
        f.write(package([("a", "", '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
                          '<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="%s"><sheetData>'
                          '<row r="1"><c r="A1" t="inlineStr"><is><t>&a;&x;</t></is></c></row>'
                          '</sheetData></worksheet>' % MAIN)]))
    # Five million empty shared strings: 25 MB of XML deflating to ~25 KB.
    with open(os.path.join(BAD, "many_strings.xlsx"), "wb") as f:
        f.write(package([("a", "", worksheet(""))],
                        shared_strings='<sst xmlns="%s" count="1000000000">%s</sst>'
                        % (MAIN, "<si/>" * 5_000_000)))
    # 1 MB of spaces in one cell: deflates to ~1 KB; tests read it under a low entry limit.
    with open(os.path.join(BAD, "zip_bomb.xlsx"), "wb") as f:
        f.write(package([("a", "", worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row>'
                                             % (" " * (1 << 20))))]))
    xls = open(os.path.join(OUT, "budget_2024_kashgar_full.xls"), "rb").read()
    with open(os.path.join(BAD, "truncated.xls"), "wb") as f:
        f.write(xls[: len(xls) // 3])
    # A compound file whose FAT chains loop: the directory's first sector points at itself.
    looped = bytearray(xls)
    first_dir = int.from_bytes(looped[0x30:0x34], "little")
    first_fat = int.from_bytes(looped[0x4C:0x50], "little")
    fat_offset = (first_fat + 1) * 512
    if fat_offset + 4 * first_dir + 4 <= len(looped):
        looped[fat_offset + 4 * first_dir:fat_offset + 4 * first_dir + 4] = first_dir.to_bytes(4, "little")
    with open(os.path.join(BAD, "fat_loop.xls"), "wb") as f:
        f.write(bytes(looped))


def main():
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "budget_2024_kashgar_full.xlsx")
    seed_workbook(path)
    to_xls(path)
    with open(os.path.join(OUT, "features.xlsx"), "wb") as f:
        f.write(features())
    bad_fixtures()


if __name__ == "__main__":
    main()
