#!/usr/bin/python3
"""peermatch example: plan the example network's on-call rota and export its calendars.

usage: plan_rota.py DATA_DIR OUT_DIR [SECONDS]

Reads the supporters and the four-week rota of DATA_DIR (examples/data: supporters.csv,
rota.ini, limits.csv, leave.csv, prefs.csv), plans it for SECONDS seconds (default 3) with a
fixed seed, prints what a coordinator wants to know first (is it valid, the objective and its
parts, who works most), writes the iCalendar files (OUT_DIR/rota.ics with every shift,
OUT_DIR/<person id>.ics with each person's own) and prints the first shift of one person's
calendar. Expected failures are GLib.Error exceptions in the Peermatch error domain: the last
step reads a file that is not there and prints the PM_ERROR_OPEN it gets.

Without a time limit the planner does a fixed amount of work, so the same seed gives the same
rota anywhere; with one (as here, to keep the example quick) the result depends on the
machine's speed, which is why this prints no shift-by-shift grid.

Run against an installed peermatch (Debian: python3-gi), or a build tree with
GI_TYPELIB_PATH=build/lib LD_LIBRARY_PATH=build/lib."""
import os
import sys

import gi

gi.require_version("Peermatch", "1.0")
from gi.repository import GLib, Peermatch  # noqa: E402

# The DTSTAMP of every exported event (Unix seconds): fixed, so the files are reproducible.
DTSTAMP = 1796083200  # 2026-12-01T00:00:00Z


def read_problem(data):
    network = Peermatch.Network.new(Peermatch.RegionTree.new_default(),
                                    Peermatch.Policy.new_default())
    Peermatch.reader_read_supporters(network, os.path.join(data, "supporters.csv"), None)
    return Peermatch.reader_read_rota_problem(network, os.path.join(data, "rota.ini"),
                                              os.path.join(data, "limits.csv"),
                                              os.path.join(data, "leave.csv"),
                                              os.path.join(data, "prefs.csv"), None)


def plan(problem, seconds):
    planner = Peermatch.RotaPlanner.new(problem)
    planner.set_seed(7)
    planner.set_time_limit(seconds)
    reports = []
    planner.connect("progress", lambda _planner, best, hard: reports.append((best, hard)))
    rota = planner.plan(None)
    print("progress reports: %d, the last (objective %d, hard penalty %d)"
          % (len(reports), reports[-1][0], reports[-1][1]))
    return rota


def summarise(problem, rota):
    first = problem.get_first_day()  # an (out caller-allocates) GDate
    print("%s: %d people, %d days from %04d-%02d-%02d, %d shift types"
          % (problem.get_name(), problem.get_n_people(), problem.get_n_days(),
             first.get_year(), int(first.get_month()), first.get_day(),
             problem.get_n_shifts()))
    parts = {part: rota.get_cost(part) for part in (Peermatch.RotaCostPart.UNDER,
                                                    Peermatch.RotaCostPart.OVER,
                                                    Peermatch.RotaCostPart.REQUESTS)}
    print("valid: %s, objective %d = %s" % (
        rota.is_valid(), rota.get_objective(),
        " + ".join("%s %d" % (Peermatch.rota_cost_part_to_string(p), c)
                   for p, c in parts.items())))
    for i in range(rota.get_n_violations()):
        v = rota.get_violation(i)
        print("  breaks %s for %s" % (Peermatch.rota_rule_to_string(v.get_rule()),
                                      v.get_person_id()))
    shifts = []
    for person in range(problem.get_n_people()):
        worked = sum(1 for day in range(problem.get_n_days())
                     if rota.get_shift(person, day) is not None)
        shifts.append((worked, problem.get_person_id(person)))
    most = max(shifts)
    print("shifts worked: %d in all, most by one person %d" % (sum(n for n, _ in shifts),
                                                                most[0]))
    return most[1]


def export(rota, out, person):
    rota.write_ical(out, DTSTAMP)
    files = sorted(f for f in os.listdir(out) if f.endswith(".ics"))
    print("wrote %d calendars to %s: rota.ics and one per person" % (len(files), out))
    print("first shift in %s.ics:" % person)
    with open(os.path.join(out, person + ".ics"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    event = lines.index("BEGIN:VEVENT")
    for line in lines[event:lines.index("END:VEVENT", event) + 1]:
        if line.split(":")[0].split(";")[0] in ("BEGIN", "SUMMARY", "DTSTART", "DTEND", "END"):
            print("  %s" % line)


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 64
    data, out = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) == 4 else 3.0
    print("peermatch %s" % Peermatch.get_version_string())
    try:
        problem = read_problem(data)
        rota = plan(problem, seconds)
        busiest = summarise(problem, rota)
        export(rota, out, busiest)
    except GLib.Error as e:
        print("peermatch: %s" % e.message, file=sys.stderr)
        return 1

    # A file that is not there: an expected failure, raised as GLib.Error with PM_ERROR_OPEN.
    try:
        Peermatch.reader_read_benchmark(os.path.join(data, "no-such-instance.txt"), None)
    except GLib.Error as e:
        if not e.matches(Peermatch.error_quark(), Peermatch.Error.OPEN):
            raise
        print("Error (PM_ERROR_OPEN): %s" % os.path.basename(e.message))
        return 0
    print("expected PM_ERROR_OPEN for a missing file", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
