#!/usr/bin/python3
"""Builds the DOCX fixtures in fixtures/docx/ and the damaged ones in fixtures/bad/.

Run with /usr/bin/python3 (it has python-docx 0.8.11):
    /usr/bin/python3 scripts/make-docx-fixtures.py
    /usr/bin/python3 scripts/make-docx-fixtures.py --stress   # fixtures/docx/stress/

The tables and figures are copied verbatim from the seed text exports in
../shared/seeds, so golden tests can compare the DOCX reading with the seed.
On top of them every document carries the Word artefacts the reader must
drop or resolve: _Toc bookmarks, a TOC field with PAGEREF and HYPERLINK
fields, a hidden run, a deleted revision (and an insertion), merged cells
(gridSpan and vMerge), a header and a footer with a PAGE field, a text box
(mc:AlternateContent with a DrawingML choice and a VML fallback) and a table
nested in a cell. python-docx has no API for most of these, so they are
written as raw OXML.
"""
import io
import re
import os
import struct
import sys
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")
OUT = os.path.join(ROOT, "fixtures", "docx")
BAD = os.path.join(ROOT, "fixtures", "bad")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"


def seed_lines(prefix):
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
                return f.read().split("\n")
    sys.exit("seed %s not found" % prefix)


def seed_table(lines, after):
    """Tab-separated rows of the first table after the line equal to `after`."""
    start = next(i for i, line in enumerate(lines) if line.strip() == after)
    rows = []
    for line in lines[start + 1:]:
        if "\t" in line:
            rows.append(line.rstrip("\n").split("\t"))
        elif line.strip() and rows:
            break
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


class Ids:
    next_id = 100

    @classmethod
    def take(cls):
        cls.next_id += 1
        return cls.next_id


def run_xml(inner):
    return "<w:r %s>%s</w:r>" % (nsdecls("w"), inner)


def add_run(paragraph, inner):
    paragraph._p.append(parse_xml(run_xml(inner)))


def text_run(paragraph, text, hidden=False):
    props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    add_run(paragraph, '%s<w:t xml:space="preserve">%s</w:t>' % (props, text))


def field(paragraph, instr, result):
    """A complex field: begin, code, separate, result, end."""
    add_run(paragraph, '<w:fldChar w:fldCharType="begin"/>')
    add_run(paragraph, '<w:instrText xml:space="preserve"> %s </w:instrText>' % instr)
    add_run(paragraph, '<w:fldChar w:fldCharType="separate"/>')
    text_run(paragraph, result)
    add_run(paragraph, '<w:fldChar w:fldCharType="end"/>')


def heading(document, text, level, toc_name):
    """A heading wrapped in a _Toc bookmark, the way Word marks TOC targets."""
    paragraph = document.add_heading(level=level)
    bookmark_id = Ids.take()
    paragraph._p.append(parse_xml('<w:bookmarkStart %s w:id="%d" w:name="%s"/>' %
                                  (nsdecls("w"), bookmark_id, toc_name)))
    text_run(paragraph, text)
    paragraph._p.append(parse_xml('<w:bookmarkEnd %s w:id="%d"/>' % (nsdecls("w"), bookmark_id)))
    return paragraph


def toc(document, entries):
    """TOC field spanning several paragraphs; entries carry HYPERLINK and PAGEREF fields."""
    document.add_paragraph("目  录")
    first = document.add_paragraph()
    add_run(first, '<w:fldChar w:fldCharType="begin"/>')
    add_run(first, '<w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText>')
    add_run(first, '<w:fldChar w:fldCharType="separate"/>')
    for index, (text, toc_name, page) in enumerate(entries):
        paragraph = first if index == 0 else document.add_paragraph()
        add_run(paragraph, '<w:fldChar w:fldCharType="begin"/>')
        add_run(paragraph, '<w:instrText xml:space="preserve"> HYPERLINK \\l "%s" </w:instrText>'
                % toc_name)
        add_run(paragraph, '<w:fldChar w:fldCharType="separate"/>')
        text_run(paragraph, text)
        add_run(paragraph, "<w:tab/>")
        field(paragraph, "PAGEREF %s \\h" % toc_name, str(page))
        add_run(paragraph, '<w:fldChar w:fldCharType="end"/>')
    last = document.add_paragraph()
    add_run(last, '<w:fldChar w:fldCharType="end"/>')


def set_cell_text(cell, text):
    cell.paragraphs[0].text = text


def text_width(text):
    """Width of text in half-em units: CJK glyphs are full width."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def landscape_a4(document):
    """Standard tables are published on A4 landscape with narrow margins, as Word
    users lay them out; LibreOffice renders such a file the way Word would."""
    section = document.sections[0]
    if STRESS:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        return
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.8)


# Set by --stress: portrait A4 and equal column widths, the layout of a table
# nobody resized. Its rows and headers break across pages, which the PDF
# reader must stitch (fixtures/rendered/stress/).
STRESS = False
# Set by scripts/sweep-page-breaks.py --repeat-header: the header rows of each
# table are marked to repeat at the top of every page (w:tblHeader), as Word
# users do for long tables.
REPEAT_HEADER = False


def add_table(document, rows, merges):
    """rows: seed rows; merges: (row, column, row_span, column_span) regions.

    Merged-away cells must be empty in the seed so no figure moves. Column widths
    follow the widest unmerged text of each column (label columns wide, 类/款/项
    narrow), scaled to the text width of the page, as a person sizing the table
    in Word would; equal widths would break amounts mid-number."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    section = document.sections[-1]
    available = section.page_width - section.left_margin - section.right_margin
    merged_away = {(rr, cc) for r, c, rs, cs in merges for rr in range(r, r + rs)
                   for cc in range(c, c + cs) if cs > 1}
    wanted = [max([4] + [min(text_width(row[c]), 28) for r, row in enumerate(rows)
                         if (r, c) not in merged_away]) + 2 for c in range(len(rows[0]))]
    if STRESS:
        wanted = [1] * len(rows[0])
    widths = [int(available * w / sum(wanted)) for w in wanted]
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            cell.width = widths[c]
    for c, grid_column in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
        grid_column.set(qn("w:w"), str(widths[c] // 635))  # EMU -> twips
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                set_cell_text(table.cell(r, c), text)
    if REPEAT_HEADER:
        # Header rows: those before the first row printing an amount.
        first_body = next((r for r, row in enumerate(rows)
                           if any(re.fullmatch(r"-?[\d,]+\.\d+", text) for text in row)),
                          len(rows))
        for r in range(first_body):
            table.rows[r]._tr.get_or_add_trPr().append(parse_xml('<w:tblHeader %s/>' % nsdecls("w")))
    for r, c, row_span, column_span in merges:
        for rr in range(r, r + row_span):
            for cc in range(c, c + column_span):
                if (rr, cc) != (r, c):
                    assert not rows[rr][cc], (rows[rr][cc], rr, cc)
        table.cell(r, c).merge(table.cell(r + row_span - 1, c + column_span - 1))
    return table


def text_box(paragraph, text):
    """A text box the way Word 2010+ writes it: DrawingML choice, VML fallback."""
    box = ('<w:txbxContent><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:txbxContent>' % text)
    xml = (
        '<w:r xmlns:w="%s" xmlns:mc="%s" xmlns:wps="%s" xmlns:v="%s" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="1828800" cy="457200"/>'
        '<wp:wrapNone/><wp:docPr id="%d" name="Text Box %d"/>'
        '<a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>%s</wps:txbx><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape style="width:144pt;height:36pt"><v:textbox>%s'
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
        % (W_NS, MC_NS, WPS_NS, V_NS, Ids.take(), Ids.next_id, box, box))
    paragraph._p.append(parse_xml(xml))


def revisions(paragraph, before, deleted, inserted, after):
    text_run(paragraph, before)
    paragraph._p.append(parse_xml(
        '<w:del %s w:id="%d" w:author="审核" w:date="2023-05-01T00:00:00Z"><w:r>'
        '<w:delText xml:space="preserve">%s</w:delText></w:r></w:del>'
        % (nsdecls("w"), Ids.take(), deleted)))
    paragraph._p.append(parse_xml(
        '<w:ins %s w:id="%d" w:author="审核" w:date="2023-05-01T00:00:00Z"><w:r>'
        '<w:t xml:space="preserve">%s</w:t></w:r></w:ins>' % (nsdecls("w"), Ids.take(), inserted)))
    text_run(paragraph, after)


def header_footer(document, header_text):
    section = document.sections[0]
    section.header.paragraphs[0].text = header_text
    footer = section.footer.paragraphs[0]
    text_run(footer, "第 ")
    field(footer, "PAGE", "1")
    text_run(footer, " 页，共 ")
    footer._p.append(parse_xml('<w:fldSimple %s w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r>'
                               '</w:fldSimple>' % nsdecls("w")))
    text_run(footer, " 页")


def captions(document, *lines):
    for line in lines:
        document.add_paragraph(line)


def final_accounts_2022(shift=0):
    """Seed 003: 玉溪市医疗保障局 2022 决算 (元). `shift` empty paragraphs before
    each table after the first move the page breaks through the tables."""
    lines = seed_lines("003_")
    document = docx.Document()
    landscape_a4(document)
    document.core_properties.title = "玉溪市医疗保障局2022年度部门决算"
    header_footer(document, "玉溪市医疗保障局2022年度部门决算公开")
    document.add_heading("玉溪市医疗保障局2022年度部门决算", level=0)
    toc(document, [("收入支出决算表", "_Toc1001", 2), ("收入决算表", "_Toc1002", 3),
                   ("支出决算表", "_Toc1003", 4)])

    heading(document, "收入支出决算表", 1, "_Toc1001")
    captions(document, "公开01表", "金额单位：元", "单位：玉溪市医疗保障局（本级）")
    summary = seed_table(lines, "# 收入支出决算表")
    add_table(document, summary, [(0, 0, 1, 3), (0, 3, 1, 3)])
    note = document.add_paragraph()
    text_run(note, "注：1. 本表反映部门本年度的总收支和年初、年末结转结余情况。")
    text_run(note, "隐藏的批注文字不应出现", hidden=True)

    for _ in range(shift):
        document.add_paragraph("")
    heading(document, "收入决算表", 1, "_Toc1002")
    captions(document, "公开02表", "金额单位：元", "单位：玉溪市医疗保障局（本级）")
    income = seed_table(lines, "## 收入决算表")
    # 科目编码 over 类/款/项 and two header rows; 项目 and the totals over two
    # header rows; 事业收入 over 小计 and 其中：教育收费.
    add_table(document, income, [(0, 0, 2, 3), (0, 3, 2, 1), (0, 4, 2, 1), (0, 5, 2, 1),
                                 (0, 6, 2, 1), (0, 7, 1, 2), (0, 9, 2, 1), (0, 10, 2, 1),
                                 (0, 11, 2, 1), (3, 0, 1, 3)])

    for _ in range(shift):
        document.add_paragraph("")
    heading(document, "支出决算表", 1, "_Toc1003")
    captions(document, "公开03表", "金额单位：元", "单位：玉溪市医疗保障局（本级）")
    expenditure = seed_table(lines, "## 支出决算表")
    merges = [(0, 0, 1, 3)] + [(0, c, 2, 1) for c in range(3, 9)] + [(1, 1, 1, 2), (3, 0, 1, 3)]
    add_table(document, expenditure, merges)

    for _ in range(shift):
        document.add_paragraph("")
    heading(document, "情况说明", 1, "_Toc1004")
    paragraph = document.add_paragraph()
    revisions(paragraph, "2022年度收入总计", "5,000,000.00元，", "4,964,173.05元，",
              "支出总计4,964,173.05元。")
    anchor = document.add_paragraph("本年支出合计4,964,173.05元，其中基本支出4,148,550.80元。")
    text_box(anchor, "文本框：项目支出815,622.25元")
    document.add_paragraph("住房保障支出明细如下：")
    outer = document.add_table(rows=2, cols=2)
    outer.style = "Table Grid"
    set_cell_text(outer.cell(0, 0), "科目")
    set_cell_text(outer.cell(0, 1), "明细")
    set_cell_text(outer.cell(1, 0), "住房保障支出")
    set_cell_text(outer.cell(1, 1), "住房改革支出")
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    for r, (name, amount) in enumerate([("住房公积金", "287,233.00"), ("购房补贴", "7,308.00")]):
        set_cell_text(inner.cell(r, 0), name)
        set_cell_text(inner.cell(r, 1), amount)
    document.add_paragraph("以上数据以决算报表为准。")
    return document


def budget_2024():
    """Seed 004: 喀什地区医疗保障局 2024 预算 (万元)."""
    lines = seed_lines("004_")
    document = docx.Document()
    landscape_a4(document)
    header_footer(document, "新疆维吾尔自治区喀什地区医疗保障局2024年部门预算公开")
    document.add_heading("新疆维吾尔自治区喀什地区医疗保障局 2024 年部门预算公开", level=0)
    toc(document, [("部门收支总体情况表", "_Toc2001", 5)])
    heading(document, "部门收支总体情况表", 1, "_Toc2001")
    captions(document, "编制部门：新疆维吾尔自治区喀什地区医疗保障局", "单位：万元")
    rows = seed_table(lines, "部门收支总体情况表")
    add_table(document, rows, [(0, 0, 1, 2), (0, 2, 1, 2)])
    paragraph = document.add_paragraph()
    text_run(paragraph, "2024年收入总计327,742.35万元")
    text_run(paragraph, "（草稿数）", hidden=True)
    text_run(paragraph, "，支出总计327,742.35万元。")
    return document


def seed_tables(lines):
    """Every table of the seed's 第二部分 as (title, rows): the tab rows from a
    "表 N" marker to the next, a continuation's repeated header rows dropped."""
    markers = [i for i, line in enumerate(lines) if re.fullmatch(r"表 \d+", line.strip())]
    tables = []
    for k, start in enumerate(markers):
        end = markers[k + 1] if k + 1 < len(markers) else next(
            i for i, line in enumerate(lines) if line.startswith("第三部分") and i > start)
        title = next(line.strip() for line in lines[start + 1:end] if line.strip())
        rows, header = [], []
        for line in lines[start + 1:end]:
            if "\t" not in line:
                continue
            row = line.rstrip("\n").split("\t")
            if not any(re.fullmatch(r"-?[\d,]+\.\d+", cell) for cell in row) and len(rows) == len(header):
                header.append(row)
            elif [re.sub(r"\s", "", c) for c in row] in [[re.sub(r"\s", "", c) for c in h]
                                                          for h in header]:
                continue  # repeated on the continuation page
            rows.append(row)
        width = max(len(r) for r in rows)
        tables.append((title, [r + [""] * (width - len(r)) for r in rows]))
    return tables


def budget_2024_full(shift=0):
    """Every table of seed 004 (喀什地区医疗保障局 2024 预算, 万元), for
    scripts/sweep-page-breaks.py: 11 tables of every shape (side by side,
    类/款/项 columns, 三公 across the header) for page breaks to cut."""
    lines = seed_lines("004_")
    document = docx.Document()
    landscape_a4(document)
    header_footer(document, "新疆维吾尔自治区喀什地区医疗保障局2024年部门预算公开")
    document.add_heading("新疆维吾尔自治区喀什地区医疗保障局 2024 年部门预算公开", level=0)
    for number, (title, rows) in enumerate(seed_tables(lines), start=1):
        for _ in range(shift if number > 1 else 0):
            document.add_paragraph("")
        captions(document, "表 %d" % number, title,
                 "编制部门：新疆维吾尔自治区喀什地区医疗保障局", "单位：万元")
        add_table(document, rows, [])
    return document


def save(document, path):
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    # python-docx's template carries a 438 KB stylesWithEffects.xml and a
    # thumbnail nobody reads; drop them to keep the fixtures small.
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename in ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"):
                    continue
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml" or info.filename.endswith(".rels"):
                    # Drop the Override / Relationship elements naming them.
                    content = re.sub(rb"<(Override|Relationship)[^>]*(stylesWithEffects|thumbnail)"
                                     rb"[^>]*/>", b"", content)
                fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(fixed, content)
    with open(path, "wb") as f:
        f.write(out.getvalue())
    return out.getvalue()


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)


MINIMAL_DOC = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<w:document xmlns:w="%s"><w:body>%%s</w:body></w:document>' % W_NS)


def bad_fixtures(good):
    os.makedirs(BAD, exist_ok=True)
    with open(os.path.join(BAD, "truncated.docx"), "wb") as f:
        f.write(good[: len(good) // 2])
    write_zip(os.path.join(BAD, "not_docx.zip"), [("readme.txt", "not a word document\n")])
    # 1 MB of spaces inside a text run: deflates to about 1 KB. Tests read it
    # with a low max_zip_entry_bytes.
    write_zip(os.path.join(BAD, "zip_bomb.docx"), [
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml",
         MINIMAL_DOC % ("<w:p><w:r><w:t>" + " " * (1 << 20) + "</w:t></w:r></w:p>"))])
    # A tiny entry whose headers declare ~4 GB: refused before inflating.
    path = os.path.join(BAD, "zip_declared_huge.docx")
    write_zip(path, [("word/document.xml", MINIMAL_DOC % "<w:p><w:r><w:t>x</w:t></w:r></w:p>")])
    data = bytearray(open(path, "rb").read())
    huge = struct.pack("<I", 0xFFFFFF00)
    local = data.find(b"PK\x03\x04")
    data[local + 22:local + 26] = huge
    central = data.find(b"PK\x01\x02")
    data[central + 24:central + 28] = huge
    open(path, "wb").write(bytes(data))
    write_zip(os.path.join(BAD, "bad_xml.docx"), [
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", MINIMAL_DOC.replace("</w:body></w:document>", "") %
         "<w:p><w:r><w:t>未闭合</w:t></w:r>")])
    # An XXE / billion-laughs attempt: must be refused, never expanded.
    write_zip(os.path.join(BAD, "xxe.docx"), [
        ("word/document.xml",
         '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
         '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
         '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&b;&x;</w:t></w:r></w:p>'
         '</w:body></w:document>' % W_NS)])
    # Encrypted OOXML is an OLE compound file holding EncryptionInfo and
    # EncryptedPackage streams; the header and the stream name are enough.
    ole = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 504)
    ole += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 482
    ole += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 480
    with open(os.path.join(BAD, "encrypted.docx"), "wb") as f:
        f.write(bytes(ole))


def main():
    global STRESS
    if sys.argv[1:] == ["--stress"]:
        STRESS = True
        stress = os.path.join(OUT, "stress")
        os.makedirs(stress, exist_ok=True)
        save(final_accounts_2022(), os.path.join(stress, "final_2022_yuxi_portrait.docx"))
        save(budget_2024(), os.path.join(stress, "budget_2024_kashgar_portrait.docx"))
        # Six lines lower, 支出决算表's header is cut by the page: page 4 draws
        # 8 columns of its 9 (see rendered_pdf_test).
        save(final_accounts_2022(shift=6),
             os.path.join(stress, "final_2022_yuxi_portrait_shift6.docx"))
        # Landscape, as published, with the breaks scripts/sweep-page-breaks.py
        # found hard: 4 cuts 收入决算表's two-row header between 事业收入 and
        # 小计 | 其中; 9 cuts 支出决算表's 合计 row (4,964,173. | 05) under a
        # header-only page; 10 leaves two header rows alone on a page; 34 draws
        # the text box's second line over the page footer.
        STRESS = False
        for shift in (4, 9, 10, 34):
            save(final_accounts_2022(shift=shift),
                 os.path.join(stress, "final_2022_yuxi_landscape_shift%d.docx" % shift))
        # Header rows repeated on each page, 收入决算表's 合计 row among them,
        # and the 210 row cut after 4,326,964 (.75 on the next page).
        global REPEAT_HEADER
        REPEAT_HEADER = True
        save(final_accounts_2022(shift=16),
             os.path.join(stress, "final_2022_yuxi_landscape_repeat_shift16.docx"))
        # Every table of seed 004 (374 figures), landscape: 2 leaves the rest
        # of a row with no name (| 4 | 4 | | 0); 10 cuts 5.9 | 6 and 公务员医疗 |
        # 补助; 19 cuts the 款 0 | 5.
        REPEAT_HEADER = False
        for shift in (2, 10, 19):
            save(budget_2024_full(shift=shift),
                 os.path.join(stress, "budget_2024_kashgar_full_landscape_shift%d.docx" % shift))
        # Portrait, equal columns, 8: 财政拨款收支预算总体情况表's first header
        # row alone at the foot of a page; joined to the next it keyed the 项目
        # column and the income side was lost without a finding.
        STRESS = True
        save(budget_2024_full(shift=8),
             os.path.join(stress, "budget_2024_kashgar_full_portrait_shift8.docx"))
        return
    os.makedirs(OUT, exist_ok=True)
    good = save(final_accounts_2022(), os.path.join(OUT, "final_2022_yuxi.docx"))
    save(budget_2024(), os.path.join(OUT, "budget_2024_kashgar.docx"))
    bad_fixtures(good)


if __name__ == "__main__":
    main()
