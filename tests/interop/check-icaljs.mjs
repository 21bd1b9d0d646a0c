// peermatch interop test: Mozilla's ical.js (Thunderbird's parser) reads the iCalendar export
// at the UTC instants peermatch computed (spec/calendar.md).
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: node check-icaljs.mjs ICAL_EXPORT DATA_DIR
// Runs the C driver (tests/interop/ical-export.c) into a temporary folder and parses every
// calendar listed in its expected.json; TZIDs resolve through the file's own VTIMEZONE (the
// only zone ical.js knows, registered per file). Exit 77 (skip) when ical.js is not installed
// (`npm ci --prefix tests/interop`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let ICAL;
try {
  ICAL = (await import('ical.js')).default;
} catch (e) {
  console.log(`skipping: ical.js is not installed (${e.code ?? e.message})`);
  process.exit(77);
}

function readSpans(text) {
  const cal = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  const zones = cal.getAllSubcomponents('vtimezone');
  if (zones.length !== 1) throw new Error(`${zones.length} VTIMEZONEs`);
  ICAL.TimezoneService.register(new ICAL.Timezone(zones[0]));
  const spans = [];
  for (const vevent of cal.getAllSubcomponents('vevent')) {
    for (const forbidden of ['organizer', 'attendee']) {
      if (vevent.hasProperty(forbidden)) throw new Error(`${forbidden} in an event`);
    }
    const ev = new ICAL.Event(vevent);
    const pair = [];
    for (const t of [ev.startDate, ev.endDate]) {
      const tzid = t.zone?.tzid;
      if (tzid === undefined || tzid === 'floating') throw new Error(`floating time ${t}`);
      pair.push(t.toUnixTime());
    }
    spans.push(pair);
  }
  return spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

const [driver, dataDir] = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'pm-interop-'));
let failures = 0;
let expected = [];
try {
  execFileSync(driver, [dataDir, out], { stdio: 'inherit' });
  expected = JSON.parse(readFileSync(join(out, 'expected.json'), 'utf8')).calendars;
  for (const entry of expected) {
    const want = JSON.stringify([...entry.spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    try {
      const got = JSON.stringify(readSpans(readFileSync(join(out, entry.file), 'utf8')));
      if (got !== want) throw new Error(`got ${got.slice(0, 200)}, expected ${want.slice(0, 200)}`);
    } catch (e) {
      console.log(`FAIL ${entry.file}: ${e.message}`);
      failures++;
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(`${expected.length} calendars, ${failures} failures`);
process.exit(failures > 0 ? 1 : 0);
