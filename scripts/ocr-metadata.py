#!/usr/bin/env python3
"""Measures the metadata OCR gives against the text layer's, on scans of the
pages that name it.

scripts/ocr-measure.py samples table pages, plus page 1; a document whose
department or year is stated elsewhere (a 部门名称： line on page 20, a year
on page 2) cannot give them from that scan, so its metadata figures there
measure the sample, not the reader. Here every department disclosure among the
text PDFs given (default: ../shared/real and ../shared/corpus) is read with
`disclose extract --no-ocr` (the truth); page 1 and the pages where the text
layer found the department and the year are rendered and degraded as
ocr-measure.py does (150/200/300 dpi, skew, noise, JPEG), wrapped as one
image-only PDF, read with OCR, and the department and year compared.

  nice scripts/ocr-metadata.py --work /tmp/NAME-meta [--disclose BIN] [-j 1] [PDF...]

Renders, scans and the truth are cached under --work; the OCR outputs go to
WORK/ocr-TAG (TAG from the binary), so another binary reads the same scans.

A normalizer change is measured in a minute, without OCR again:
  scripts/ocr-metadata.py --work W --renormalize build/tests/disclose_renormalize --reuse W/ocr-TAG
re-normalizes the document model of the OCR outputs in the --reuse folder into
WORK/renormalized-TAG2 (what the reader saw is unchanged) and scores those.
"""
import argparse
import glob
import hashlib
import importlib.util
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
spec = importlib.util.spec_from_file_location("ocr_measure", os.path.join(HERE, "ocr-measure.py"))
om = importlib.util.module_from_spec(spec)
spec.loader.exec_module(om)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--work", required=True)
    parser.add_argument("--disclose", default=om.DISCLOSE)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=0, help="per scan (0: none)")
    parser.add_argument("--renormalize", help="the disclose_renormalize tool (with --reuse)")
    parser.add_argument("--reuse", help="a folder of earlier OCR outputs of these scans, normalized "
                        "again with --renormalize instead of reading the scans again")
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(glob.glob(os.path.join(ROOT, "..", "shared", "real", "*.pdf")) +
                               glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "*.pdf")))
    pdfs = [os.path.normpath(p) for p in pdfs]
    os.makedirs(args.work, exist_ok=True)
    tag = hashlib.sha256(open(args.disclose, "rb").read()).hexdigest()[:12]
    truth_out = om.batch(args.disclose, pdfs, os.path.join(args.work, "truth"), ocr=False,
                         jobs=args.jobs or 1, timeout=300)
    scans = []
    for src in pdfs:
        truth = om.load(truth_out.get(src))
        meta = (truth or {}).get("metadata", {})
        if meta.get("document_class", {}).get("value") != "department_disclosure":
            continue
        pages = sorted({1} | {meta[k]["provenance"].get("page", 0) for k in
                              ("department", "fiscal_year")} - {0})
        name = os.path.basename(src)
        scan = os.path.join(args.work, "scans", name + ".scan.pdf")
        if not os.path.exists(scan):
            images = []
            for page in pages:
                dpi, angle = om.pick(name, page, om.DPIS), om.pick(name, page, om.ANGLES)
                cached = os.path.join(args.work, "renders", f"{name}-p{page}-{dpi}.jpg")
                os.makedirs(os.path.dirname(cached), exist_ok=True)
                if not os.path.exists(cached):
                    jpg, _, _ = om.degrade(src, page, dpi, angle, os.path.dirname(cached))
                    os.replace(jpg, cached)
                size = om.run(["identify", "-format", "%w %h", cached]).stdout.decode().split()
                images.append((cached, int(size[0]), int(size[1]), dpi))
            os.makedirs(os.path.dirname(scan), exist_ok=True)
            om.image_pdf(images, scan)
        scans.append((name, scan, meta))
    ocr_dir = os.path.join(args.work, "ocr-" + tag)
    if args.renormalize:
        if not args.reuse:
            parser.error("--renormalize needs --reuse")
        # The folder re-normalized is part of the tag, as in ocr-measure.py.
        tool = hashlib.sha256(open(args.renormalize, "rb").read())
        tool.update(os.path.abspath(args.reuse).encode())
        ocr_dir = os.path.join(args.work, "renormalized-" + tool.hexdigest()[:12])
        print(f"{len(scans)} department disclosures; {args.reuse} re-normalized with "
              f"{args.renormalize}", flush=True)
    else:
        print(f"{len(scans)} department disclosures; OCR with {args.disclose}", flush=True)
    got_out = om.batch(args.disclose, [s for _, s, _ in scans], ocr_dir, ocr=True, jobs=args.jobs,
                       timeout=args.timeout, renormalize=args.renormalize, reuse=args.reuse)
    right = {"department": 0, "fiscal_year": 0}
    for name, scan, meta in scans:
        got = (om.load(got_out.get(os.path.normpath(scan))) or {}).get("metadata", {})
        wrong = []
        for key in right:
            want, read = meta[key]["value"], got.get(key, {}).get("value", "")
            if want == read:
                right[key] += 1
            else:
                wrong.append(f"{key} {want!r} read {read!r}")
        if wrong:
            print(f"  {name}: " + "; ".join(wrong))
    n = len(scans)
    print(f"department right {right['department']}/{n}, fiscal_year right {right['fiscal_year']}/{n}")


if __name__ == "__main__":
    main()
