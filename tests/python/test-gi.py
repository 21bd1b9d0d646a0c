#!/usr/bin/python3
"""Smoke test of the Peermatch-1.0 GObject Introspection bindings (TAP output).

Runs with Debian's /usr/bin/python3 (python3-gi). GI_TYPELIB_PATH and LD_LIBRARY_PATH point
at the build tree (set by tests/meson.build)."""
import json
import os
import sys

import gi

gi.require_version("Peermatch", "1.0")
from gi.repository import GLib, Peermatch  # noqa: E402

results = []


def check(name, condition):
    results.append((name, bool(condition)))


def check_rota():
    """A tiny benchmark problem, planned with a seed, rendered as JSON."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "data", "rota-api-bench.txt")
    problem = Peermatch.reader_read_benchmark(path, None)
    check("rota problem", problem.get_n_people() == 3 and problem.get_n_days() == 7)
    check("rota find shift", problem.find_shift("L") == 1 and problem.find_shift("X") == -1)

    planner = Peermatch.RotaPlanner.new(problem)
    planner.set_seed(3)
    reports = []
    planner.connect("progress", lambda _p, best, hard: reports.append((best, hard)))
    rota = planner.plan(None)
    check("rota valid", rota.is_valid() and rota.get_n_violations() == 0)
    parts = sum(rota.get_cost(part) for part in (Peermatch.RotaCostPart.UNDER,
                                                 Peermatch.RotaCostPart.OVER,
                                                 Peermatch.RotaCostPart.REQUESTS))
    check("rota objective", rota.get_objective() == parts)
    check("rota progress", len(reports) > 0 and reports[-1] == (rota.get_objective(), 0))

    data = rota.to_data(Peermatch.Format.JSON)
    if isinstance(data, tuple):
        data = data[0]
    doc = json.loads(data)
    check("rota json", doc["objective"] == rota.get_objective()
          and doc["hard_violations"] == []
          and len(doc["people"]) == 3)

    rota.set_shift(2, 0, "E")  # C has day 0 off
    # the edit may break other rules too (C's maximum of E shifts, by the plan): look for it
    violations = [rota.get_violation(i) for i in range(rota.get_n_violations())]
    check("rota violation", not rota.is_valid()
          and any(v.get_rule() == Peermatch.RotaRule.DAY_OFF
                  and v.get_person_id() == "C" and v.get_day() == 0 for v in violations))
    try:
        rota.set_shift(0, 0, "X")
        check("rota unknown shift raises", False)
    except GLib.Error as e:
        check("rota unknown shift raises",
              e.matches(Peermatch.error_quark(), Peermatch.Error.NOT_FOUND))


def main():
    check("version", Peermatch.get_version_string().count(".") == 2)

    regions = Peermatch.RegionTree.new()
    regions.add("uk", None, "United Kingdom")
    regions.add("merseyside", "uk", "Merseyside")
    regions.add("wirral", "merseyside", "Wirral")
    check("hops", regions.hops("wirral", "uk") == 2)

    policy = Peermatch.Policy.new()
    network = Peermatch.Network.new(regions, policy)

    week = Peermatch.Availability.new_from_string("daily 18:00-22:00")
    check("availability", week.get_minutes() == 7 * 240)

    for sid, region, cap in (("S1", "wirral", 2), ("S2", "merseyside", 1)):
        s = Peermatch.Supporter.new(sid)
        s.set_service("fire")
        s.set_region(region)
        s.set_capacity(cap)
        s.set_trained_until(GLib.Date.new_dmy(31, GLib.DateMonth.DECEMBER, 2027))
        s.set_availability(week)
        network.add_supporter(s)

    r = Peermatch.Request.new("R1", "P9")
    r.set_service("fire")
    r.set_region("wirral")
    r.set_topics(["ptsd"])
    r.set_availability(week)
    network.add_request(r)

    on = GLib.Date.new_dmy(1, GLib.DateMonth.DECEMBER, 2026)
    matcher = Peermatch.Matcher.new(network, on)
    ranking = matcher.rank("R1", 10)
    check("rank candidates", ranking.get_n_candidates() == 2)
    best = ranking.get_candidate(0)
    check("rank best first", best.get_supporter_id() == "S1")
    check("explanation", "score" in best.to_explanation())

    matching = matcher.solve(None)
    check("solve matched", matching.get_n_pairs() == 1)

    # Errors surface as GLib.Error in the PM_ERROR domain with the right code.
    try:
        matcher.rank("nope", 1)
        check("not found raises", False)
    except GLib.Error as e:
        check("not found raises", e.matches(Peermatch.error_quark(), Peermatch.Error.NOT_FOUND))

    dup = Peermatch.Supporter.new("S1")
    dup.set_service("fire")
    dup.set_region("wirral")
    dup.set_trained_until(GLib.Date.new_dmy(31, GLib.DateMonth.DECEMBER, 2027))
    try:
        network.add_supporter(dup)
        check("duplicate raises", False)
    except GLib.Error as e:
        check("duplicate raises",
              e.matches(Peermatch.error_quark(), Peermatch.Error.INVALID_DATA))

    check_rota()

    print("1..%d" % len(results))
    for i, (name, ok) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
