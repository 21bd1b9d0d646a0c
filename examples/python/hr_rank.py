#!/usr/bin/python3
"""peermatch example: what an HR or wellbeing system would write, in Python (PyGObject).

The system keeps its own records (here a list standing in for its database), so it builds
the peermatch objects through the API instead of writing CSV files: supporters and one
request, then ranks the candidates for that request and prints each one's explanation.
Expected failures are GLib.Error exceptions in the Peermatch error domain: a record with a
mistyped region is reported and skipped (INVALID_DATA), and the last step asks for an id the
network does not hold and prints the error it gets (NOT_FOUND).

Run against an installed peermatch (Debian: python3-gi), or a build tree with
GI_TYPELIB_PATH=build/lib LD_LIBRARY_PATH=build/lib."""
import sys

import gi

gi.require_version("Peermatch", "1.0")
from gi.repository import GLib, Peermatch  # noqa: E402

# (staff id, name, service, region, lived experience, capacity, load, weekly hours)
STAFF_RECORDS = [
    ("S-1001", "Aisha Okafor", "police", "liverpool", ["ptsd", "trauma"], 3, 1,
     "mon-thu 18:00-22:00; sat 10:00-14:00"),
    ("S-1002", "Joanne McCabe", "fire", "wirral", ["bereavement"], 2, 0,
     "weekdays 09:00-17:00"),
    ("S-1003", "Tomasz Nowak", "ambulance", "knowsley", ["ptsd", "addiction"], 2, 1,
     "mon-wed 18:00-22:00"),
    ("S-1004", "Rhys Evans", "police", "cardiff", ["ptsd"], 1, 0, "daily 18:00-22:00"),
    # Capacity 2, load 2: full, so never a candidate.
    ("S-1005", "Priya Shah", "police", "sefton", ["trauma"], 2, 2, "weekdays 18:00-22:00"),
    # A typing error in the HR system: a region the region tree does not know.
    ("S-1006", "Sam Jones", "fire", "wiral", ["ptsd"], 2, 0, "daily 18:00-22:00"),
]


def supporter_from_record(record):
    staff_id, name, service, region, experience, capacity, load, hours = record
    supporter = Peermatch.Supporter.new(staff_id)
    supporter.set_name(name)
    supporter.set_service(service)
    supporter.set_region(region)
    supporter.set_experience(experience)
    supporter.set_capacity(capacity)
    supporter.set_load(load)
    supporter.set_trained_until(GLib.Date.new_dmy(30, GLib.DateMonth.JUNE, 2027))
    supporter.set_availability(Peermatch.Availability.new_from_string(hours))
    return supporter


def load_network(network):
    for record in STAFF_RECORDS:
        try:
            network.add_supporter(supporter_from_record(record))
        except GLib.Error as e:
            # A bad record is reported and skipped, so one typing error does not stop the
            # service; anything else is a real failure.
            if not e.matches(Peermatch.error_quark(), Peermatch.Error.INVALID_DATA):
                raise
            print("Skipped a record (PM_ERROR_INVALID_DATA): %s" % e.message)
    request = Peermatch.Request.new("REQ-42", "P-2001")
    request.set_service("police")
    request.set_region("liverpool")
    request.set_topics(["ptsd"])
    request.set_availability(Peermatch.Availability.new_from_string("mon-fri 18:00-22:00"))
    network.add_request(request)


def print_ranking(network, ranking):
    print("Request %s: %u eligible supporters" % (ranking.get_request_id(),
                                                   ranking.get_n_eligible()))
    for i in range(ranking.get_n_candidates()):
        pair = ranking.get_candidate(i)
        supporter = network.lookup_supporter(pair.get_supporter_id())
        print("%u. %s %s: %s" % (i + 1, supporter.get_id(), supporter.get_name(),
                                 pair.to_explanation()))
    print("Excluded for no capacity: %u"
          % ranking.get_excluded_count(Peermatch.Reason.NO_CAPACITY))


def main():
    print("peermatch %s" % Peermatch.get_version_string())
    network = Peermatch.Network.new(Peermatch.RegionTree.new_default(),
                                    Peermatch.Policy.new_default())
    try:
        load_network(network)
    except GLib.Error as e:
        print("cannot load the records: %s" % e.message, file=sys.stderr)
        return 1
    matcher = Peermatch.Matcher.new(network, GLib.Date.new_dmy(1, GLib.DateMonth.DECEMBER, 2026))
    print_ranking(network, matcher.rank("REQ-42", 3))

    # A request id the network does not hold: an expected failure, raised as GLib.Error.
    try:
        matcher.rank("REQ-404", 3)
    except GLib.Error as e:
        if not e.matches(Peermatch.error_quark(), Peermatch.Error.NOT_FOUND):
            raise
        print("Error (PM_ERROR_NOT_FOUND): %s" % e.message)
        return 0
    print("expected PM_ERROR_NOT_FOUND for REQ-404", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
