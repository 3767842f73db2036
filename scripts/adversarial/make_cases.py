#!/usr/bin/env python3
"""Builds the heavy adversarial inputs of docs/adversarial.md into a directory.

    scripts/adversarial/make_cases.py OUT_DIR [--only NAME ...]

Each case is generated, never committed: a 10,000-page PDF, a DOCX of two
million table cells, text exports of 20 MB and 200 MB. They are built from the
standard library alone so the suite runs on a fresh machine.
"""
import argparse
import io
import os
import sys
import zipfile


def write_pdf(path, pages):
    """A valid PDF of `pages` pages, each a small ruled table of amounts."""
    objects = []  # (number, bytes)

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    lines = []
    y = 780
    for row in range(24):
        lines.append(b"BT /F1 10 Tf 60 %d Td (Row %d item 2010101) Tj ET" % (y, row))
        lines.append(b"BT /F1 10 Tf 400 %d Td (1,234,567.%02d) Tj ET" % (y, row))
        lines.append(b"50 %d m 550 %d l S" % (y - 4, y - 4))
        y -= 28
    stream = b"\n".join(lines)
    content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    pages_obj_number = len(objects) + 1
    add(b"")  # placeholder for /Pages, filled below
    kids = []
    for _ in range(pages):
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj_number, font, content)))
    objects[pages_obj_number - 1] = (b"<< /Type /Pages /Count %d /Kids [%s] >>"
                                     % (pages, b" ".join(b"%d 0 R" % k for k in kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj_number)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, catalog, xref))
    with open(path, "wb") as f:
        f.write(out.getvalue())


def write_docx_cells(path, cells, columns=10):
    """A DOCX whose one table holds `cells` cells: tiny compressed, huge inflated."""
    cell = "<w:tc><w:p><w:r><w:t>1.00</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + cell * columns + "</w:tr>"
    write_docx_body(path, "<w:p><w:r><w:t>收入支出决算总表</w:t></w:r></w:p><w:tbl>" +
                    row * (cells // columns) + "</w:tbl>")


def write_docx_body(path, body_xml):
    """A minimal DOCX whose w:body holds `body_xml`."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = io.StringIO()
    body.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    body.write("<w:document %s><w:body>" % w)
    body.write(body_xml)
    body.write("</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", body.getvalue())


def write_text(path, megabytes):
    """A text export of tab-separated table rows, `megabytes` MB long."""
    line = "2010101\t行政运行\t1,234,567.89\t1,000,000.00\t234,567.89\n".encode()
    header = "收入支出决算总表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n".encode()
    target = megabytes << 20
    with open(path, "wb") as f:
        f.write(header)
        written = len(header)
        chunk = line * 4096
        while written < target:
            f.write(chunk)
            written += len(chunk)


CASES = {
    "pages_10000.pdf": lambda p: write_pdf(p, 10000),
    "cells_2m.docx": lambda p: write_docx_cells(p, 2_000_000),
    "text_20mb.txt": lambda p: write_text(p, 20),
    "text_200mb.txt": lambda p: write_text(p, 200),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, make in CASES.items():
        if args.only and name not in args.only:
            continue
        path = os.path.join(args.out, name)
        make(path)
        print(f"{name}\t{os.path.getsize(path)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
