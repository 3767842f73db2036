#!/usr/bin/env python3
"""Measures OCR against a second reading: the text layer of the same pages.

The text PDFs given (default: every text PDF in ../shared/real and
../shared/corpus) are read once with `disclose extract --no-ocr` in one batch:
that is the truth. Whole standard tables (every page a table spans, so a
continuation keeps its header) are sampled round-robin over the documents until
--pages table pages are chosen; each chosen page is rendered (pdftoppm) and
degraded the way a scanner and a web upload degrade it (150/200/300 dpi, up to
1 degree of skew, noise, JPEG 70 via ImageMagick `convert`). A document's
chosen pages, after its cover page (for the metadata) and with the page before
a table when the table's title is printed there (unmeasured), are wrapped as one
image-only PDF, and all the scans are read in one `disclose extract -j N`
batch with OCR. Renders and both batches are cached under --work, so a second
run (or a run with another binary, --disclose) only redoes what changed.

Figures are matched by (page, table_kind, row_code, column, amount). Prints
the figure-exact rate before repair (an `ocr.repaired` finding gives the
reading) and after, per dpi, the metadata (department, year, kind) against
the text layer's (a field the text layer read on a page the scan lacks, and the
scan did not read, is counted apart as "not on the scanned pages"), the classes of the figures not read exactly, and every
wrong figure (a key the text layer has, read with another amount) that no
finding mentions.

  nice scripts/ocr-measure.py --pages 200 --work /tmp/NAME-ocr [--disclose BIN] [PDF...]
  scripts/ocr-measure.py --scan SRC.pdf OUT.pdf [--dpi 200] [--rotate 90]   # one scan, every page

A normalizer change is measured without OCR again: --renormalize
build/tests/disclose_renormalize --reuse WORK/ocr-TAG re-normalizes the document model of the
OCR outputs another binary wrote there (what the reader saw is unchanged) and OCRs only the
scans that folder lacks.
  scripts/ocr-measure.py --scan-images JPEG DPI OUT.pdf      # wrap one image
"""
import argparse
import collections
import concurrent.futures
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

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


def degrade(src_pdf, page, dpi, angle, work, rotate=0):
    """Renders one page and degrades it: skew by angle, noise, JPEG 70, and a
    quarter turn (rotate: 0/90/180/270) as a page scanned the wrong way up."""
    base = os.path.join(work, f"p{page}")
    run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", "-png",
         "-singlefile", src_pdf, base])
    png, jpg = base + ".png", base + ".jpg"
    size = run(["identify", "-format", "%w %h", png]).stdout.decode().split()
    w, h = int(size[0]), int(size[1])
    run(["convert", "-seed", str(page), png, "-background", "white", "-rotate", str(angle),
         "-gravity", "center", "-extent", f"{w}x{h}", "-attenuate", "0.25", "+noise", "Gaussian",
         "-rotate", str(rotate), "-colorspace", "Gray", "-type", "Grayscale", "-quality", "70",
         jpg])
    os.remove(png)
    if rotate % 180:
        w, h = h, w
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



def standard(kind):
    return kind.startswith(("budget.", "final."))


def figures_of(doc):
    for table in doc.get("tables", []):
        for row in table.get("rows", []):
            for value in row.get("values", []):
                if standard(value["table_kind"]):
                    yield value


def key_of(fig):
    return (fig["table_kind"], fig["row_code"], fig["column"])


def batch(disclose, inputs, out_dir, ocr, jobs, timeout, renormalize=None, reuse=None):
    """One `disclose extract` over inputs; returns {input path: output JSON path}.
    With renormalize (the disclose_renormalize tool) and reuse (a folder of earlier outputs of
    the same inputs), an input reused has its output's document model normalized again."""
    if not inputs:
        return {}
    os.makedirs(out_dir, exist_ok=True)
    common = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in inputs])

    def output_of(p, folder=out_dir):
        return os.path.join(folder, os.path.relpath(os.path.abspath(p), common) + ".json")

    if renormalize and reuse:
        # Scans the reused folder lacks are read there first, by the binary that wrote it.
        reused = batch(disclose, inputs, reuse, ocr, jobs, timeout)
        for p in inputs:
            src = reused.get(os.path.normpath(p))
            if src and not os.path.exists(output_of(p)):
                subprocess.run([renormalize, src, output_of(p)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Outputs already there (an earlier, interrupted run) are not made again.
    todo = [p for p in inputs if not os.path.exists(output_of(p))]
    outputs = {os.path.normpath(p): output_of(p) for p in inputs if p not in todo}
    if not todo:
        return outputs
    listing = os.path.join(out_dir, "inputs.txt")
    with open(listing, "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in todo))
    cmd = [disclose, "extract", "-q", "--resume", "-j", str(jobs), "--timeout", str(timeout),
           "-o", out_dir, "--files-from", listing]
    if not ocr:
        cmd.insert(2, "--no-ocr")
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = os.path.join(out_dir, "manifest.jsonl")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            for line in f:
                entry = json.loads(line)
                out = (entry.get("outputs") or {}).get("json")
                if out:
                    outputs[os.path.normpath(entry.get("path", ""))] = os.path.join(out_dir, out)
    # Fall back on the naming rule (REL.ext.json below the inputs' common folder).
    for p in inputs:
        if os.path.exists(output_of(p)):
            outputs[os.path.normpath(p)] = output_of(p)
    return outputs


def load(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def sample_tables(truths, pages_wanted, max_per_doc):
    """Whole tables, round-robin over documents: {name: sorted pages}."""
    queues = {}
    for name, doc in truths.items():
        tables, seen = [], set()
        for table in doc.get("tables", []):
            pages = tuple(sorted(set(table.get("pages", []))))
            if not pages or not standard(table.get("kind", "")) or pages in seen:
                continue
            if not any(v for r in table.get("rows", []) for v in r.get("values", [])):
                continue
            seen.add(pages)
            tables.append(pages)
        # A deterministic spread: order by hash, not by position in the document.
        tables.sort(key=lambda p: hashlib.sha256(f"{name}:{p}".encode()).hexdigest())
        if tables:
            queues[name] = tables
    chosen = collections.defaultdict(set)
    total = 0
    progress = True
    while total < pages_wanted and progress:
        progress = False
        for name in sorted(queues, key=lambda n: hashlib.sha256(n.encode()).hexdigest()):
            if total >= pages_wanted:
                break
            while queues[name]:
                pages = queues[name].pop(0)
                new = set(pages) - chosen[name]
                if not new or len(chosen[name] | new) > max_per_doc:
                    continue
                chosen[name] |= new
                total += len(new)
                progress = True
                break
    return {name: sorted(p) for name, p in chosen.items() if p}, total


def title_pages(doc, pages):
    """Pages before `pages` that print the title of a table starting on one of them: a title
    set at the foot of the page before its grid (js_rendaban_2017's 财政拨款基本支出预算表) is
    scanned with the grid, unmeasured, as a real scan holds it."""
    def squeeze(text):
        return "".join((text or "").split())
    by_page = collections.defaultdict(list)
    for block in doc.get("blocks", []):
        if block.get("type") == "paragraph":
            by_page[(block.get("provenance") or {}).get("page", 0)].append(squeeze(block.get("text")))
    extra = set()
    for table in doc.get("tables", []):
        first = min(table.get("pages") or [0])
        title = squeeze(table.get("printed_title"))
        if first not in pages or not title or first - 1 < 1 or first - 1 in pages:
            continue
        if any(title in text for text in by_page[first]):
            continue
        if any(title in text for text in by_page[first - 1]):
            extra.add(first - 1)
    return extra


def classify(truth_text, read_text):
    """The class of a wrong figure, from the printed texts."""
    t = truth_text.replace(",", "").replace(" ", "")
    r = read_text.replace(",", "").replace(" ", "")
    if not r:
        return "read empty"
    if t.replace(".", "") == r.replace(".", ""):
        return "decimal point moved/lost"
    if len(t) == len(r):
        diffs = [(a, b) for a, b in zip(t, r) if a != b]
        if len(diffs) == 1:
            return f"one digit {diffs[0][0]}->{diffs[0][1]}"
        return f"{len(diffs)} characters differ"
    if len(r) == len(t) - 1:
        return "one character lost"
    if len(r) == len(t) + 1:
        return "one character added"
    return "other"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--pages", type=int, default=200, help="table pages to measure")
    parser.add_argument("--max-per-doc", type=int, default=8)
    parser.add_argument("--work", default="/tmp/ocr-measure")
    parser.add_argument("--disclose", default=DISCLOSE, help="the binary to measure")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=3600, help="per scanned document")
    parser.add_argument("--chunk", type=int, default=4,
                        help="documents per OCR batch: totals are printed after each")
    parser.add_argument("--list-misses", action="store_true",
                        help="print every figure not read exactly, with what was read")
    parser.add_argument("--no-cover", action="store_true", help="do not add page 1 for metadata")
    parser.add_argument("--json", help="write the per-document results here")
    parser.add_argument("--renormalize", help="the disclose_renormalize tool (with --reuse)")
    parser.add_argument("--reuse", help="a folder of OCR outputs of the same scans to normalize "
                        "again with --renormalize instead of reading the scans again")
    parser.add_argument("--reuse-only", action="store_true",
                        help="measure only the scans --reuse has outputs for (read no scan)")
    parser.add_argument("--scan", nargs=2, metavar=("SRC", "OUT"),
                        help="only write OUT, a degraded image-only copy of every page of SRC")
    parser.add_argument("--dpi", type=int, help="with --scan: one resolution for every page")
    parser.add_argument("--rotate", type=int, default=0,
                        help="with --scan: turn every page by 90, 180 or 270 degrees as well")
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
        # A private folder: scans made at once (sweep-layouts runs, two sweeps side by side)
        # wrote the same page files in one shared folder and took each other's pages.
        work = tempfile.mkdtemp(prefix="ocr-measure-scan-")
        try:
            name = os.path.basename(src)
            pages = []
            for page in range(1, count + 1):
                dpi = args.dpi or pick(name, page, DPIS)
                jpg, w, h = degrade(src, page, dpi, pick(name, page, ANGLES), work, args.rotate)
                final = os.path.join(work, f"{page}.jpg")
                os.replace(jpg, final)
                pages.append((final, w, h, dpi))
            image_pdf(pages, out)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return 0

    pdfs = args.pdfs
    if not pdfs:
        for folder in ("real", "corpus"):
            d = os.path.join(ROOT, "..", "shared", folder)
            pdfs += sorted(os.path.join(d, n) for n in os.listdir(d)
                           if n.endswith(".pdf") and "IMAGEONLY" not in n and "SCAN" not in n)
    pdfs = [os.path.normpath(p) for p in pdfs]
    names = {}
    for p in pdfs:  # a unique, readable name per input
        base = os.path.basename(p)
        names[p] = base if base not in names.values() else f"{len(names)}_{base}"
    os.makedirs(args.work, exist_ok=True)
    binary_tag = hashlib.sha256(open(args.disclose, "rb").read()).hexdigest()[:12]

    truth_out = batch(args.disclose, pdfs, os.path.join(args.work, "truth-" + binary_tag),
                      ocr=False, jobs=args.jobs, timeout=300)
    truths = {}
    for p in pdfs:
        doc = load(truth_out.get(p))
        if doc is not None:
            truths[names[p]] = doc
    chosen, total_pages = sample_tables(truths, args.pages, args.max_per_doc)
    by_name = {names[p]: p for p in pdfs}

    def render(name):
        """The document's scan (renders cached): (scan PDF, scan pages, their dpi)."""
        src = by_name[name]
        work = os.path.join(args.work, "renders", name)
        os.makedirs(work, exist_ok=True)
        pages = list(chosen[name])
        if not args.no_cover and 1 not in pages:
            pages = [1] + pages
        pages = sorted(set(pages) | title_pages(truths[name], set(chosen[name])))
        images = []
        for page in pages:
            dpi, angle = pick(name, page, DPIS), pick(name, page, ANGLES)
            cached = os.path.join(work, f"p{page}-{dpi}.jpg")
            if not os.path.exists(cached):
                jpg, _, _ = degrade(src, page, dpi, angle, work)
                os.replace(jpg, cached)
            size = run(["identify", "-format", "%w %h", cached]).stdout.decode().split()
            images.append((cached, int(size[0]), int(size[1]), dpi))
        scan_pdf = os.path.join(args.work, "scans", name + ".scan.pdf")
        os.makedirs(os.path.dirname(scan_pdf), exist_ok=True)
        image_pdf(images, scan_pdf)
        return scan_pdf, pages, [i[3] for i in images]

    print(f"{total_pages} table pages from {len(chosen)} documents; OCR in batches of "
          f"{args.chunk} documents (-j {args.jobs}) with {args.disclose}", flush=True)
    ocr_dir = os.path.join(args.work, "ocr-" + binary_tag)
    if args.renormalize:
        # The readings re-normalized are part of the tag: the same tool over another --reuse
        # folder must not be handed the first folder's outputs.
        tool = hashlib.sha256(open(args.renormalize, "rb").read())
        tool.update(os.path.abspath(args.reuse or "").encode())
        ocr_dir = os.path.join(args.work, "renormalized-" + tool.hexdigest()[:12])
    totals = collections.Counter()
    per_dpi = collections.defaultdict(collections.Counter)
    classes = collections.Counter()
    meta = collections.Counter()
    unflagged, results = [], []

    def evaluate(scan_pdf, name, pages, dpis, ocr_out):
        truth = truths[name]
        got = load(ocr_out.get(os.path.normpath(scan_pdf)))
        page_of = {i + 1: p for i, p in enumerate(pages)}  # scan page -> original page
        dpi_of = dict(zip(pages, dpis))
        measured = set(chosen[name])
        expected = collections.Counter()
        texts = {}
        for fig in figures_of(truth):
            page = fig["provenance"].get("page", 0)
            if page in measured:
                k = (page,) + key_of(fig)
                expected[k + (fig["amount_yuan"],)] += 1
                texts[k + (fig["amount_yuan"],)] = fig.get("printed_text", "")
        after, before = collections.Counter(), collections.Counter()
        read_text = {}
        mentioned = set()
        kinds_read = set()
        if got is not None:
            repaired = {}
            for finding in got.get("findings", []):
                for ref in finding.get("figures", []):
                    page = page_of.get(ref.get("provenance", {}).get("page", 0), 0)
                    mentioned.add((page,) + key_of(ref))
                if finding["check"] == "ocr.repaired" and finding.get("figures"):
                    ref = finding["figures"][0]
                    page = page_of.get(ref.get("provenance", {}).get("page", 0), 0)
                    repaired[(page,) + key_of(ref)] = finding.get("actual_yuan")
            for fig in figures_of(got):
                page = page_of.get(fig["provenance"].get("page", 0), 0)
                k = (page,) + key_of(fig)
                kinds_read.add((page, fig["table_kind"]))
                after[k + (fig["amount_yuan"],)] += 1
                read_text.setdefault(k, []).append(fig.get("printed_text", ""))
                reading = repaired.get(k) if fig.get("corrected") else None
                before[k + (reading or fig["amount_yuan"],)] += 1
        ok_after = {k: min(n, after[k]) for k, n in expected.items()}
        ok_before = {k: min(n, before[k]) for k, n in expected.items()}
        n_fig = sum(expected.values())
        totals.update(expected=n_fig, exact_after=sum(ok_after.values()),
                      exact_before=sum(ok_before.values()), pages=len(measured))
        for k, n in expected.items():
            dpi = dpi_of[k[0]]
            per_dpi[dpi].update(expected=n, exact_after=ok_after[k], exact_before=ok_before[k])
        # Classes of the figures not read exactly.
        truth_amounts = collections.defaultdict(set)
        for k in expected:
            truth_amounts[k[:-1]].add(k[-1])
        for k, n in expected.items():
            missed = n - ok_after[k]
            if not missed:
                continue
            key = k[:-1]
            others = [a for (kk, a) in ((x[:-1], x[-1]) for x in after) if kk == key
                      and a not in truth_amounts[key]]
            if (k[0], k[1]) not in kinds_read:
                cls = "table not identified (kind not read on the page)"
            elif others:
                cls = "wrong amount: " + classify(texts[k], (read_text.get(key) or [""])[0])
            else:
                cls = "figure not read or not keyed"
            classes[cls] += missed
            if args.list_misses:
                print(f"  miss {name} p{key[0]} {'/'.join(key[1:])}: {texts[k]!r} read "
                      f"{read_text.get(key) or []} ({cls})")
        for k, n in after.items():
            key, amount = k[:-1], k[-1]
            if key in truth_amounts and amount not in truth_amounts[key] and key not in mentioned:
                unflagged.append((name, key, amount, sorted(truth_amounts[key])))
        # Metadata against the text layer's reading of the whole document.
        md_t, md_g = truth.get("metadata", {}), (got or {}).get("metadata", {})
        md = {}
        for field in ("department", "fiscal_year", "doc_kind"):
            want = (md_t.get(field) or {}).get("value", "")
            have = (md_g.get(field) or {}).get("value", "")
            md[field] = [want, have]
            # A field the text layer read on a page the scan does not hold (a tables-only file
            # naming its department on its last page) cannot be read from the scan: counted
            # apart, unless the scan read a value anyway (then it is right or wrong).
            evidence_page = ((md_t.get(field) or {}).get("provenance") or {}).get("page", 0)
            if want == have:
                meta[field + " right"] += 1
            elif not have and evidence_page and evidence_page not in pages:
                meta[field + " not on the scanned pages"] += 1
                md[field].append("not scanned")
            else:
                meta[field + " wrong"] += 1
        results.append({"document": name, "pages": sorted(measured), "scan_pages": pages,
                        "dpi": dpis,
                        "figures": n_fig, "exact_before": sum(ok_before.values()),
                        "exact_after": sum(ok_after.values()), "read": got is not None,
                        "metadata": md})
        print(f"{name}: {len(measured)} pages, {sum(ok_after.values())}/{n_fig} exact after "
              f"repair ({sum(ok_before.values())} before)"
              + "".join(f"; {f} {w!r} read {h!r}" + (" (not on the scanned pages)" if rest else "")
                      for f, (w, h, *rest) in md.items() if w != h),
              flush=True)

    def summarize(final):
        e = max(1, totals["expected"])
        print(f"\n{totals['pages']} table pages, {totals['expected']} figures: "
              f"{100.0 * totals['exact_before'] / e:.2f}% exact before repair, "
              f"{100.0 * totals['exact_after'] / e:.2f}% after")
        for dpi in sorted(per_dpi):
            c = per_dpi[dpi]
            print(f"  {dpi} dpi: {c['expected']} figures, {100.0 * c['exact_before'] / max(1, c['expected']):.2f}%"
                  f" before, {100.0 * c['exact_after'] / max(1, c['expected']):.2f}% after")
        print("metadata: " + ", ".join(f"{k} {v}" for k, v in sorted(meta.items())))
        print("figures not exact, by class:")
        for cls, n in classes.most_common():
            print(f"  {n:6d}  {cls}")
        print(f"{len(unflagged)} wrong figures without a finding")
        for name, key, amount, truth in (unflagged if final else []):
            print(f"  {name} p{key[0]} {'/'.join(key[1:])}: read {amount}, text layer {', '.join(truth)}")
        if args.json:  # after every batch, so an interrupted run keeps what it measured
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"totals": totals, "per_dpi": per_dpi, "classes": classes,
                           "metadata": meta, "unflagged": unflagged, "documents": results},
                          f, ensure_ascii=False, indent=1)

    order = sorted(chosen, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    if args.reuse_only:  # neither render nor read: only the scans read before
        order = [n for n in order
                 if os.path.exists(os.path.join(args.reuse, n + ".scan.pdf.json"))]

    def render_chunk(names):
        layout = {}
        for name in names:
            scan_pdf, pages, dpis = render(name)
            layout[scan_pdf] = (name, pages, dpis)
        return layout

    # The next batch is rendered (one process) while this one is read.
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    pending = pool.submit(render_chunk, order[:args.chunk])
    for at in range(0, len(order), args.chunk):
        layout = pending.result()
        if at + args.chunk < len(order):
            pending = pool.submit(render_chunk, order[at + args.chunk:at + 2 * args.chunk])
        ocr_out = batch(args.disclose, sorted(layout), ocr_dir, ocr=True, jobs=args.jobs,
                        timeout=args.timeout, renormalize=args.renormalize, reuse=args.reuse)
        for scan_pdf in sorted(layout):
            evaluate(scan_pdf, *layout[scan_pdf], ocr_out)
        summarize(final=at + args.chunk >= len(order))
    return 0


if __name__ == "__main__":
    sys.exit(main())
