#!/usr/bin/env python3
"""Measures OCR against a second reading: the text layer of the same pages.

For each text PDF given (default: ../shared/real and ../shared/corpus), the
pages holding table figures are rendered to images (pdftoppm), degraded the
way a scanner and a web upload degrade them (150/200/300 dpi, up to 1 degree
of skew, noise, JPEG via ImageMagick `convert`), wrapped as an image-only PDF
and read by `disclose extract` with OCR. The figures are compared with what
`disclose extract --no-ocr` reads from the original's text layer on the same
pages, keyed by (table_kind, row_code, column).

Prints the figure-exact rate before repair (an `ocr.repaired` finding gives
the reading) and after, and every wrong figure no finding mentions.

  scripts/ocr-measure.py --pages 200 --work /tmp/ocr-measure [PDF...]
  scripts/ocr-measure.py --scan SRC.pdf OUT.pdf [--dpi 200]   # one scan, every page
"""
import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DISCLOSE = os.path.join(ROOT, "build", "cli", "disclose")
ANGLES = [-1.0, -0.6, -0.3, 0.3, 0.6, 1.0]
DPIS = [150, 200, 300]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def pick(name, page, choices):
    digest = hashlib.sha256(f"{name}:{page}".encode()).digest()
    return choices[digest[0] % len(choices)]


def extract(pdf, out_dir, ocr, timeout):
    os.makedirs(out_dir, exist_ok=True)
    cmd = [DISCLOSE, "extract", "--timeout", str(timeout), "-o", out_dir, pdf]
    if not ocr:
        cmd.insert(2, "--no-ocr")
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stem = os.path.splitext(os.path.basename(pdf))[0]
    path = os.path.join(out_dir, stem + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def table_figures(doc):
    for table in doc.get("tables", []):
        for row in table.get("rows", []):
            for value in row.get("values", []):
                yield value


def key_of(fig):
    return (fig["table_kind"], fig["row_code"], fig["column"])


def degrade(src_pdf, page, dpi, angle, work):
    base = os.path.join(work, f"p{page}")
    run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", "-png",
         "-singlefile", src_pdf, base])
    png, jpg = base + ".png", base + ".jpg"
    size = run(["identify", "-format", "%w %h", png]).stdout.decode().split()
    w, h = int(size[0]), int(size[1])
    run(["convert", "-seed", str(page), png, "-background", "white", "-rotate", str(angle), "-gravity", "center",
         "-extent", f"{w}x{h}", "-attenuate", "0.25", "+noise", "Gaussian",
         "-colorspace", "Gray", "-type", "Grayscale", "-quality", "70", jpg])
    os.remove(png)
    return jpg, w, h


def image_pdf(pages, out_path):
    """Writes a PDF whose pages are the given gray JPEGs: [(path, w, h, dpi)]."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    kids = []
    for path, w, h, dpi in pages:
        with open(path, "rb") as f:
            data = f.read()
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                    b"/DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                    % (w, h, len(data)) + data + b"\nendstream")
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        content = b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (pw, ph)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.3f %.3f] /Resources "
                        b"<< /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, pw, ph, image, stream)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    with open(out_path, "wb") as f:
        f.write(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--pages", type=int, default=200, help="table pages to measure")
    parser.add_argument("--max-per-doc", type=int, default=12)
    parser.add_argument("--work", default="/tmp/ocr-measure")
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument("--json", help="write the per-document results here")
    parser.add_argument("--scan", nargs=2, metavar=("SRC", "OUT"),
                        help="only write OUT, a degraded image-only copy of every page of SRC")
    parser.add_argument("--dpi", type=int, help="with --scan: one resolution for every page")
    parser.add_argument("--scan-images", nargs=3, metavar=("JPEG", "DPI", "OUT"),
                        help="only wrap one gray JPEG as a one-page image-only PDF")
    args = parser.parse_args()
    if args.scan_images:
        jpg, dpi, out = args.scan_images
        size = run(["identify", "-format", "%w %h", jpg]).stdout.decode().split()
        image_pdf([(jpg, int(size[0]), int(size[1]), int(dpi))], out)
        return 0
    if args.scan:
        src, out = args.scan
        info = run(["pdfinfo", src]).stdout.decode()
        count = int(next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:")))
        work = args.work + "/scan"
        os.makedirs(work, exist_ok=True)
        name = os.path.basename(src)
        pages = []
        for page in range(1, count + 1):
            dpi = args.dpi or pick(name, page, DPIS)
            jpg, w, h = degrade(src, page, dpi, pick(name, page, ANGLES), work)
            final = os.path.join(work, f"{page}.jpg")
            os.replace(jpg, final)
            pages.append((final, w, h, dpi))
        image_pdf(pages, out)
        return 0
    pdfs = args.pdfs
    if not pdfs:
        for folder in ("real", "corpus"):
            d = os.path.join(ROOT, "..", "shared", folder)
            pdfs += sorted(os.path.join(d, n) for n in os.listdir(d)
                           if n.endswith(".pdf") and "IMAGEONLY" not in n and "SCAN" not in n)
    os.makedirs(args.work, exist_ok=True)
    totals = collections.Counter()
    unflagged = []
    results = []
    pages_done = 0
    for pdf in pdfs:
        if pages_done >= args.pages:
            break
        name = os.path.splitext(os.path.basename(pdf))[0]
        work = os.path.join(args.work, name)
        os.makedirs(work, exist_ok=True)
        truth = extract(pdf, os.path.join(work, "text"), ocr=False, timeout=120)
        if truth is None:
            continue
        by_page = collections.defaultdict(list)
        for fig in table_figures(truth):
            by_page[fig["provenance"].get("page", 0)].append(fig)
        pages = sorted(p for p in by_page if p > 0)[: min(args.max_per_doc, args.pages - pages_done)]
        if not pages:
            continue
        scans = []
        for page in pages:
            dpi, angle = pick(name, page, DPIS), pick(name, page, ANGLES)
            jpg, w, h = degrade(pdf, page, dpi, angle, work)
            scans.append((jpg, w, h, dpi))
        scan_pdf = os.path.join(work, name + "_scan.pdf")
        image_pdf(scans, scan_pdf)
        got = extract(scan_pdf, os.path.join(work, "ocr"), ocr=True, timeout=args.timeout)
        pages_done += len(pages)
        expected = collections.Counter()
        for page in pages:
            for fig in by_page[page]:
                expected[(key_of(fig), fig["amount_yuan"])] += 1
        after, before = collections.Counter(), collections.Counter()
        mentioned = set()
        if got is not None:
            repaired = {}
            for finding in got.get("findings", []):
                for ref in finding.get("figures", []):
                    mentioned.add(key_of(ref))
                if finding["check"] == "ocr.repaired" and finding.get("figures"):
                    repaired[key_of(finding["figures"][0])] = finding.get("actual_yuan")
            for fig in table_figures(got):
                after[(key_of(fig), fig["amount_yuan"])] += 1
                reading = repaired.get(key_of(fig)) if fig.get("corrected") else None
                before[(key_of(fig), reading or fig["amount_yuan"])] += 1
        exact_after = sum(min(n, after[k]) for k, n in expected.items())
        exact_before = sum(min(n, before[k]) for k, n in expected.items())
        total = sum(expected.values())
        totals.update(expected=total, exact_after=exact_after, exact_before=exact_before,
                      pages=len(pages))
        # Wrong figures: a key the text layer has, read with another amount, no finding.
        truth_keys = collections.defaultdict(set)
        for (key, amount) in expected:
            truth_keys[key].add(amount)
        for (key, amount), n in after.items():
            if key in truth_keys and amount not in truth_keys[key] and key not in mentioned:
                unflagged.append((name, key, amount, sorted(truth_keys[key])))
        results.append({"document": name, "pages": pages, "figures": total,
                        "exact_before": exact_before, "exact_after": exact_after,
                        "read": got is not None})
        print(f"{name}: {len(pages)} pages, {exact_after}/{total} exact after repair "
              f"({exact_before} before)", flush=True)
    e = max(1, totals["expected"])
    print(f"\n{totals['pages']} table pages, {totals['expected']} figures: "
          f"{100.0 * totals['exact_before'] / e:.2f}% exact before repair, "
          f"{100.0 * totals['exact_after'] / e:.2f}% after")
    print(f"{len(unflagged)} wrong figures without a finding")
    for name, key, amount, truth in unflagged:
        print(f"  {name} {'/'.join(key)}: read {amount}, text layer {', '.join(truth)}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"totals": totals, "documents": results}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    sys.exit(main())
