#!/usr/bin/python3
"""The man page documents every command and option of the tool (TAP output).

usage: check-man.py PEERMATCH MAN_PAGE

Asks the tool itself (`peermatch --help`, `peermatch COMMAND --help`, `peermatch rota --help`,
`peermatch rota SUBCOMMAND --help`) for its commands and options, so an option added to the
tool without a line in docs/peermatch.1 fails here. In the page an option is looked for as
roff writes it (`\\-\\-name`) in the SYNOPSIS or an option list."""
import re
import subprocess
import sys


def run(*args):
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return out.stdout


def commands(help_text):
    """The command names listed under `Commands:` or `Subcommands:`."""
    names = []
    listing = False
    for line in help_text.splitlines():
        if re.match(r"^(Sub)?[Cc]ommands:", line):
            listing = True
        elif listing and re.match(r"^  (\w+)\s", line):
            names.append(re.match(r"^  (\w+)", line).group(1))
        elif listing and not line.strip():
            listing = False
    return names


def options(help_text):
    return sorted(set(re.findall(r"^\s+(?:-\w, )?--([a-z][a-z-]*)", help_text, re.M)))


def main():
    tool, page_path = sys.argv[1], sys.argv[2]
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    top = commands(run(tool, "--help"))
    targets = [[c] for c in top if c not in ("help", "rota")]
    targets += [["rota", c] for c in commands(run(tool, "rota", "--help"))]
    results = [("the tool lists its commands", len(targets) >= 6, "found %r" % targets)]
    for words in targets:
        # A command is described under COMMANDS as a .B line: `.B match`, `.B rota plan`.
        described = re.search(r"^\.B %s$" % re.escape(" ".join(words)), page, re.M)
        results.append(("`%s` is described" % " ".join(words), described, ""))
        missing = [o for o in options(run(tool, *words, "--help"))
                   if "\\-\\-" + o.replace("-", "\\-") not in page]
        results.append(("every option of `%s` is in the page" % " ".join(words), not missing,
                        "missing: " + ", ".join("--" + o for o in missing)))
    results.append(("--version is in the page", "\\-\\-version" in page, ""))
    for status in ("0", "3", "64", "65", "66", "73", "74"):
        results.append(("exit status %s is in the page" % status,
                        re.search(r"^\.B %s$" % status, page, re.M), ""))
    print("1..%d" % len(results))
    for i, (name, ok, why) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and why:
            print("# " + why)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
