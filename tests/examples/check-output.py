#!/usr/bin/python3
"""Runs an example and compares its standard output with an expected file (TAP output).

usage: check-output.py EXPECTED VERSION COMMAND [ARG...]

EXPECTED holds the output line by line: a line is compared as it is, except that
`@VERSION@` stands for VERSION and `@OUT@` for a fresh temporary folder (also substituted in
the arguments, for examples that write files), and a line starting with `re:` is a regular
expression the whole output line must match (for figures that depend on the machine's
speed). The example must exit 0 and print nothing on standard error.

Exits 77 (skipped) when COMMAND is not installed, except under CI (CI set in the
environment), where a missing interpreter is a failure."""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def compare(expected, actual):
    """The differences, as (line number, expected, actual)."""
    problems = []
    for i in range(max(len(expected), len(actual))):
        want = expected[i] if i < len(expected) else "(end of output)"
        got = actual[i] if i < len(actual) else "(end of output)"
        if want.startswith("re:"):
            ok = i < len(actual) and re.fullmatch(want[3:], got) is not None
        else:
            ok = want == got
        if not ok:
            problems.append((i + 1, want, got))
    return problems


def main():
    expected_path, version, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    if shutil.which(command[0]) is None:
        if os.environ.get("CI"):
            print("1..1\nnot ok 1 - %s is not installed (CI must install it)" % command[0])
            return 1
        print("1..0 # SKIP %s is not installed" % command[0])
        return 77
    with tempfile.TemporaryDirectory(prefix="pm-example-") as tmp:
        out = os.path.join(tmp, "out")
        command = [arg.replace("@OUT@", out) for arg in command]
        with open(expected_path, encoding="utf-8") as f:
            expected = [line.replace("@VERSION@", version).replace("@OUT@", out)
                        for line in f.read().splitlines()]
        run = subprocess.run(command, capture_output=True, text=True, timeout=240)
    name = os.path.basename(command[1] if len(command) > 1 and
                            command[0].endswith(("python3", "gjs")) else command[0])
    checks = [
        ("%s exits 0" % name, run.returncode == 0, "exit status %d" % run.returncode),
        ("%s writes nothing on standard error" % name, run.stderr == "", run.stderr),
    ]
    problems = compare(expected, run.stdout.splitlines())
    detail = "\n".join("line %d: expected %r\n         got      %r" % p for p in problems)
    checks.append(("%s prints the expected output (%s)" % (name, os.path.basename(
        expected_path)), not problems, detail))
    print("1..%d" % len(checks))
    for i, (title, ok, why) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, title))
        if not ok:
            for line in why.splitlines():
                print("# %s" % line)
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
