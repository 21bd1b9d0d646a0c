#!/usr/bin/python3
# peermatch interop test: python-icalendar and vobject read the iCalendar export at the UTC
# instants peermatch computed (spec/calendar.md: "Every parser must read the same UTC
# instants").
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: check-python.py ICAL_EXPORT DATA_DIR
# Runs the C driver ICAL_EXPORT (tests/interop/ical-export.c) into a temporary folder, then
# parses every calendar it lists in expected.json with
#   - python-icalendar, its TZIDs resolved as that library does (the system zone of that
#     name, through pytz), and again through the file's own VTIMEZONE (Timezone.to_tz());
#   - vobject, which resolves TZIDs through the file's VTIMEZONE;
# and compares each file's sorted (start, end) pairs with the expected ones. Exit 77 (skip)
# when either library is missing; CI installs both (python3-icalendar, python3-vobject).
import json
import os
import subprocess
import sys
import tempfile

try:
    import icalendar
    import vobject
except ImportError as e:
    print(f"skipping: {e}")
    sys.exit(77)


def seconds(dt):
    if dt.tzinfo is None:
        raise AssertionError(f"floating time {dt}")
    return int(dt.timestamp())


def spans_icalendar(data, own_zone):
    cal = icalendar.Calendar.from_ical(data)
    zones = {str(c["TZID"]): c.to_tz() for c in cal.walk("VTIMEZONE")}
    if len(zones) != 1:
        raise AssertionError(f"{len(zones)} VTIMEZONEs")
    spans = []
    for ev in cal.walk("VEVENT"):
        pair = []
        for name in ("DTSTART", "DTEND"):
            prop = ev[name]
            value = ev.decoded(name)
            tzid = prop.params.get("TZID")
            if own_zone and tzid is not None:
                value = zones[tzid].localize(value.replace(tzinfo=None))
            pair.append(seconds(value))
        spans.append(pair)
        for forbidden in ("ORGANIZER", "ATTENDEE"):
            if forbidden in ev:
                raise AssertionError(f"{forbidden} in an event")
    return sorted(spans)


def spans_vobject(text):
    cal = vobject.readOne(text)
    spans = []
    for ev in getattr(cal, "vevent_list", []):
        spans.append([seconds(ev.dtstart.value), seconds(ev.dtend.value)])
    return sorted(spans)


def main():
    driver, data_dir = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="pm-interop-") as out:
        subprocess.run([driver, data_dir, out], check=True)
        with open(os.path.join(out, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)["calendars"]
        for entry in expected:
            path = os.path.join(out, entry["file"])
            with open(path, "rb") as f:
                data = f.read()
            want = sorted(entry["spans"])
            readers = {
                "icalendar (system zone)": lambda: spans_icalendar(data, False),
                "icalendar (file VTIMEZONE)": lambda: spans_icalendar(data, True),
                "vobject": lambda: spans_vobject(data.decode("utf-8")),
            }
            for name, read in readers.items():
                try:
                    got = read()
                    if got != want:
                        bad = [(g, w) for g, w in zip(got, want) if g != w][:3]
                        raise AssertionError(
                            f"{len(got)} events, {len(want)} expected; first differences "
                            f"(got, expected): {bad}")
                except Exception as e:  # report every reader and file, then fail
                    print(f"FAIL {entry['file']}: {name}: {type(e).__name__}: {e}")
                    failures += 1
        print(f"{len(expected)} calendars, {len(expected) * 3} reads, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
