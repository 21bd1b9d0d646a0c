#!/usr/bin/gjs
// peermatch example: what an HR or wellbeing system would write, in JavaScript (gjs).
//
// The system keeps its own records (here an array standing in for its database), so it
// builds the peermatch objects through the API instead of writing CSV files: supporters and
// one request, then ranks the candidates for that request and prints each one's
// explanation. Expected failures are thrown as GLib.Error in the Peermatch error domain: a
// record with a mistyped region is reported and skipped (INVALID_DATA), and the last step
// asks for an id the network does not hold and prints the error it gets (NOT_FOUND).
//
// Run against an installed peermatch (Debian: gjs), or a build tree with
// GI_TYPELIB_PATH=build/lib LD_LIBRARY_PATH=build/lib.
imports.gi.versions.Peermatch = '1.0';
const {GLib, Peermatch} = imports.gi;
const System = imports.system;

const STAFF_RECORDS = [
    {id: 'S-1001', name: 'Aisha Okafor', service: 'police', region: 'liverpool',
        experience: ['ptsd', 'trauma'], capacity: 3, load: 1,
        hours: 'mon-thu 18:00-22:00; sat 10:00-14:00'},
    {id: 'S-1002', name: 'Joanne McCabe', service: 'fire', region: 'wirral',
        experience: ['bereavement'], capacity: 2, load: 0, hours: 'weekdays 09:00-17:00'},
    {id: 'S-1003', name: 'Tomasz Nowak', service: 'ambulance', region: 'knowsley',
        experience: ['ptsd', 'addiction'], capacity: 2, load: 1, hours: 'mon-wed 18:00-22:00'},
    {id: 'S-1004', name: 'Rhys Evans', service: 'police', region: 'cardiff',
        experience: ['ptsd'], capacity: 1, load: 0, hours: 'daily 18:00-22:00'},
    // Capacity 2, load 2: full, so never a candidate.
    {id: 'S-1005', name: 'Priya Shah', service: 'police', region: 'sefton',
        experience: ['trauma'], capacity: 2, load: 2, hours: 'weekdays 18:00-22:00'},
    // A typing error in the HR system: a region the region tree does not know.
    {id: 'S-1006', name: 'Sam Jones', service: 'fire', region: 'wiral',
        experience: ['ptsd'], capacity: 2, load: 0, hours: 'daily 18:00-22:00'},
];

function supporterFromRecord(record) {
    const supporter = Peermatch.Supporter.new(record.id);
    supporter.set_name(record.name);
    supporter.set_service(record.service);
    supporter.set_region(record.region);
    supporter.set_experience(record.experience);
    supporter.set_capacity(record.capacity);
    supporter.set_load(record.load);
    supporter.set_trained_until(GLib.Date.new_dmy(30, GLib.DateMonth.JUNE, 2027));
    supporter.set_availability(Peermatch.Availability.new_from_string(record.hours));
    return supporter;
}

function loadNetwork(network) {
    for (const record of STAFF_RECORDS) {
        try {
            network.add_supporter(supporterFromRecord(record));
        } catch (e) {
            // A bad record is reported and skipped, so one typing error does not stop the
            // service; anything else is a real failure.
            if (!(e instanceof GLib.Error) ||
                !e.matches(Peermatch.error_quark(), Peermatch.Error.INVALID_DATA))
                throw e;
            print(`Skipped a record (PM_ERROR_INVALID_DATA): ${e.message}`);
        }
    }
    const request = Peermatch.Request.new('REQ-42', 'P-2001');
    request.set_service('police');
    request.set_region('liverpool');
    request.set_topics(['ptsd']);
    request.set_availability(Peermatch.Availability.new_from_string('mon-fri 18:00-22:00'));
    network.add_request(request);
}

function printRanking(network, ranking) {
    print(`Request ${ranking.get_request_id()}: ${ranking.get_n_eligible()} eligible supporters`);
    for (let i = 0; i < ranking.get_n_candidates(); i++) {
        const pair = ranking.get_candidate(i);
        const supporter = network.lookup_supporter(pair.get_supporter_id());
        print(`${i + 1}. ${supporter.get_id()} ${supporter.get_name()}: ${pair.to_explanation()}`);
    }
    const full = ranking.get_excluded_count(Peermatch.Reason.NO_CAPACITY);
    print(`Excluded for no capacity: ${full}`);
}

function main() {
    print(`peermatch ${Peermatch.get_version_string()}`);
    const network = Peermatch.Network.new(Peermatch.RegionTree.new_default(),
        Peermatch.Policy.new_default());
    try {
        loadNetwork(network);
    } catch (e) {
        printerr(`cannot load the records: ${e.message}`);
        return 1;
    }
    const matcher = Peermatch.Matcher.new(network,
        GLib.Date.new_dmy(1, GLib.DateMonth.DECEMBER, 2026));
    printRanking(network, matcher.rank('REQ-42', 3));

    // A request id the network does not hold: an expected failure, thrown as GLib.Error.
    try {
        matcher.rank('REQ-404', 3);
    } catch (e) {
        if (!(e instanceof GLib.Error) ||
            !e.matches(Peermatch.error_quark(), Peermatch.Error.NOT_FOUND))
            throw e;
        print(`Error (PM_ERROR_NOT_FOUND): ${e.message}`);
        return 0;
    }
    printerr('expected PM_ERROR_NOT_FOUND for REQ-404');
    return 1;
}

System.exit(main());
