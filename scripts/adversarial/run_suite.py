#!/usr/bin/env python3
"""The adversarial suite: hostile and broken inputs, and what disclose must do with each.

    scripts/adversarial/run_suite.py [--binary build/cli/disclose] [--heavy] [--only NAME]

Each case builds its input, runs `disclose extract` on it in a fresh output directory, and
checks the outcome: exit status, the error record's code, peak memory and time of the run,
one line on stderr per unreadable file, and that nothing was written outside `-o`.
The fast cases run in CI (tests/CMakeLists.txt); `--heavy` adds the inputs of
make_cases.py (a 10,000-page PDF, two million DOCX cells, 20 MB and 200 MB of text), whose
results are recorded in docs/adversarial.md. Exit status: 0 when every case passed.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BAD = os.path.join(ROOT, "fixtures", "bad")
sys.path.insert(0, HERE)
import make_cases  # noqa: E402


def run(binary, args, timeout):
    """Runs disclose; returns (exit status, stderr, seconds, peak RSS of the whole tree in MB).

    GNU time measures the peak: it waits for disclose, whose rusage holds the largest of its
    own and its workers' peaks. (Python's RUSAGE_CHILDREN would also count the pages of this
    interpreter copied into the child between fork and exec.)
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        start = time.monotonic()
        proc = subprocess.Popen(["/usr/bin/time", "-o", rss.name, "-f", "%M", binary] + args,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            return None, err.decode("utf-8", "replace"), time.monotonic() - start, 0
        seconds = time.monotonic() - start
        lines = [line for line in rss.read().splitlines() if line.strip().isdigit()]
        peak_mb = int(lines[-1]) / 1024 if lines else 0
    # GNU time adds "Command exited with non-zero status N" to its output file, not to stderr.
    return proc.returncode, err.decode("utf-8", "replace"), seconds, peak_mb


def files_under(path):
    found = set()
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames:
            found.add(os.path.relpath(os.path.join(dirpath, name), path))
    return found


def error_codes(out):
    codes = {}
    for name in sorted(os.listdir(out)):
        if name.endswith(".error.json"):
            with open(os.path.join(out, name), encoding="utf-8") as f:
                record = json.load(f)
            codes[record["source"]] = record["code"]
    return codes


class Case:
    def __init__(self, name, make, exit_status, code=None, stderr_has=None, heavy=False,
                 timeout=60, max_mb=200, setup=None):
        self.name, self.make, self.exit_status, self.code = name, make, exit_status, code
        self.stderr_has, self.heavy, self.timeout, self.max_mb = stderr_has, heavy, timeout, max_mb


def copy_bad(name):
    def make(work):
        path = os.path.join(work, name)
        shutil.copy(os.path.join(BAD, name), path)
        return [path]
    return make


def junk_named(name):
    def make(work):
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(bytes((k * 7919 + 13) % 256 for k in range(8192)))
        return [path]
    return make


def symlink_loop(work):
    a, b = os.path.join(work, "loop_a.pdf"), os.path.join(work, "loop_b.pdf")
    os.symlink(b, a)
    os.symlink(a, b)
    return [a]


def fifo(work):
    path = os.path.join(work, "pipe.txt")
    os.mkfifo(path)
    return [path]


def nested_docx(work):
    """Tables nested 2,000 deep: a stack-depth attack on the DOCX walker."""
    import zipfile
    depth = 2000
    body = ("<w:tbl><w:tr><w:tc>" * depth) + "<w:p/>" + ("</w:tc></w:tr></w:tbl>" * depth)
    path = os.path.join(work, "nested.docx")
    make_cases.write_docx_body(path, body)
    return [path]


def oversized_text(work):
    path = os.path.join(work, "big.txt")
    with open(path, "wb") as f:
        f.truncate(40 << 20)  # sparse: 40 MB of NUL bytes, created instantly
    with open(path, "r+b") as f:
        f.write("收入支出决算总表\n".encode())
    return [path]


def generated(name):
    def make(work):
        make_cases.CASES[name](os.path.join(work, name))
        return [os.path.join(work, name)]
    return make


CASES = [
    Case("truncated pdf", copy_bad("truncated.pdf"), {0, 1}),
    Case("encrypted pdf", copy_bad("encrypted.pdf"), {1}, "encrypted"),
    Case("encrypted docx", copy_bad("encrypted.docx"), {1}, "encrypted"),
    Case("zip bomb", copy_bad("zip_bomb.docx"), {0, 1}),
    Case("declared-huge zip entry", copy_bad("zip_declared_huge.docx"), {1}, "too_large"),
    Case("xxe docx", copy_bad("xxe.docx"), {1}, "corrupt"),
    Case("random bytes named .pdf", junk_named("junk.pdf"), {1}, "unsupported_format",
         stderr_has="named .pdf"),
    Case("symlink loop", symlink_loop, {1}),
    Case("fifo", fifo, {1}, "io_error", timeout=20),
    Case("tables nested 2,000 deep", nested_docx, {0, 1}),
    Case("40 MB of text", oversized_text, {1}, "too_large", timeout=20),
    Case("10,000-page pdf", generated("pages_10000.pdf"), {0, 1}, heavy=True),
    Case("2 million docx cells", generated("cells_2m.docx"), {0, 1}, heavy=True),
    Case("20 MB text export", generated("text_20mb.txt"), {0, 1}, heavy=True),
    Case("200 MB text", generated("text_200mb.txt"), {0, 1}, heavy=True),
]


def check(case, binary, keep):
    work = tempfile.mkdtemp(prefix="adversarial-")
    try:
        inputs_dir = os.path.join(work, "in")
        out = os.path.join(work, "out")
        sentinel = os.path.join(work, "outside")
        for d in (inputs_dir, out, sentinel):
            os.makedirs(d)
        inputs = case.make(inputs_dir)
        before_outside = files_under(sentinel) | {"<in>:" + p for p in files_under(inputs_dir)}
        status, err, seconds, peak_mb = run(binary, ["extract", "-o", out] + inputs, case.timeout)
        problems = []
        if status is None:
            problems.append(f"did not finish within {case.timeout} s")
        elif status not in case.exit_status:
            problems.append(f"exit {status}, expected {sorted(case.exit_status)}")
        codes = error_codes(out)
        if case.code and case.code not in codes.values():
            problems.append(f"error codes {codes}, expected {case.code}")
        if status == 1 and not codes:
            problems.append("exit 1 without an error record")
        for line in err.splitlines():
            if not line.startswith("disclose: ") and line.strip():
                problems.append(f"stderr line not in the one-line form: {line[:120]!r}")
        if case.stderr_has and case.stderr_has not in err:
            problems.append(f"stderr lacks {case.stderr_has!r}: {err.strip()[:200]!r}")
        after_outside = files_under(sentinel) | {"<in>:" + p for p in files_under(inputs_dir)}
        if after_outside != before_outside:
            problems.append(f"wrote outside -o: {sorted(after_outside - before_outside)}")
        if seconds > case.timeout:
            problems.append(f"took {seconds:.1f} s")
        if peak_mb > case.max_mb:
            problems.append(f"peak memory {peak_mb:.0f} MB over {case.max_mb} MB")
        outcome = ",".join(sorted(set(codes.values()))) or "ok"
        return problems, f"exit {status}, {outcome}, {seconds:.1f} s, peak {peak_mb:.0f} MB"
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "cli", "disclose"))
    parser.add_argument("--heavy", action="store_true", help="also the heavy generated inputs")
    parser.add_argument("--only", help="run only the case with this name")
    parser.add_argument("--keep", action="store_true", help="keep the work directories")
    args = parser.parse_args()
    failed = passed = 0
    for case in CASES:
        if (case.heavy and not args.heavy) or (args.only and args.only != case.name):
            continue
        problems, summary = check(case, os.path.abspath(args.binary), args.keep)
        print(f"{'FAIL' if problems else 'ok  '}  {case.name}: {summary}")
        for problem in problems:
            print(f"        {problem}")
        failed += bool(problems)
        passed += not problems
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
