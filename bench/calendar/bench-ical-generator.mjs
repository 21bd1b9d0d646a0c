// peermatch benchmark: ical-generator (npm) producing the events of peermatch's per-person
// iCalendar export, for comparison with bench-ical.
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: node bench-ical-generator.mjs EVENTS.json
// EVENTS.json is what `bench-ical EVENTS.json` writes: every person's events as peermatch
// wrote them (UID, UTC instants, SUMMARY, LOCATION) and its VTIMEZONE. Each person's calendar
// is built and serialised with the same calendar properties (name, PUBLISH, TTL, the same
// VTIMEZONE through ical-generator's timezone generator, TZID local times, DTSTAMP, SEQUENCE,
// TRANSP). JavaScript Dates are ical-generator's fastest input; it prints their local time
// in the process's zone, so TZ is set to the rota's zone. Best of 3 runs; exit 77 (skip) when
// ical-generator is not installed (`npm ci --prefix bench/calendar`).
import { readFileSync } from 'node:fs';

let ical;
try {
  ical = await import('ical-generator');
} catch (e) {
  console.log(`skipping: ical-generator is not installed (${e.code ?? e.message})`);
  process.exit(77);
}
const { default: icalGenerator, ICalCalendarMethod, ICalEventTransparency } = ical;

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (process.env.TZ !== input.zone) process.env.TZ = input.zone;
const stamp = new Date(input.dtstamp * 1000);
const calendars = input.calendars.map((c) => ({
  name: `${input.calname} \u2013 ${c.name}`,
  events: c.events.map((e) => ({ ...e, start: new Date(e.start * 1000), end: new Date(e.end * 1000) })),
}));

function exportAll() {
  let events = 0;
  let bytes = 0;
  for (const c of calendars) {
    const cal = icalGenerator({
      name: c.name,
      prodId: { company: 'peermatch', product: 'rota export' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 12 * 3600,
      timezone: { name: input.zone, generator: () => input.vtimezone },
    });
    for (const e of c.events) {
      cal.createEvent({
        id: e.uid,
        start: e.start,
        end: e.end,
        timezone: input.zone,
        stamp,
        sequence: 0,
        summary: e.summary,
        location: e.location,
        transparency: ICalEventTransparency.OPAQUE,
      });
      events++;
    }
    bytes += cal.toString().length;
  }
  return { events, bytes };
}

let best = Infinity;
let result;
for (let run = 0; run < 3; run++) {
  const t0 = process.hrtime.bigint();
  result = exportAll();
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(
  `ical-generator per person: ${result.events} events in ${best.toFixed(3)} s: ` +
    `${Math.round(result.events / best)} events/s`);
