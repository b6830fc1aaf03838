#!/usr/bin/python3
"""Reads an iCalendar feed on stdin with Debian's python3-icalendar and prints
what a calendar program would see, as JSON, for the API tests:

  {"name": X-WR-CALNAME, "problems": [...], "events": [{"uid", "summary",
   "location", "description", "start" (ISO, local), "tzid", "all_day",
   "duration_minutes", "rrule", "status", "transp", "next" (the first three
   occurrences)}]}

problems lists what RFC 5545 forbids that a lenient parser would let pass:
a line not ending in CRLF, a line longer than 75 octets, a parse error, an
event without UID or DTSTAMP, a TZID without its VTIMEZONE."""
import json
import sys

from dateutil.rrule import rrulestr
from icalendar import Calendar

raw = sys.stdin.buffer.read()
problems = []
lines = raw.split(b'\r\n')
if lines[-1] != b'':
    problems.append('does not end in CRLF')
for n, line in enumerate(lines[:-1], 1):
    if b'\n' in line or b'\r' in line:
        problems.append('line %d: a bare LF or CR' % n)
    if len(line) > 75:
        problems.append('line %d: %d octets' % (n, len(line)))
    try:
        line.decode('utf-8')
    except UnicodeDecodeError:
        problems.append('line %d: a UTF-8 character cut by folding' % n)

cal = Calendar.from_ical(raw.decode('utf-8'))
zones = {str(z['TZID']) for z in cal.walk('VTIMEZONE')}
events = []
for c in cal.walk():
    problems += ['%s: %s' % (c.name, e) for e in getattr(c, 'errors', [])]
for ev in cal.walk('VEVENT'):
    for prop in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):
        if prop not in ev:
            problems.append('event without %s' % prop)
    start = ev.decoded('DTSTART')
    all_day = not hasattr(start, 'hour')
    tzid = ev['DTSTART'].params.get('TZID', '')
    if tzid and tzid not in zones:
        problems.append('TZID %s without VTIMEZONE' % tzid)
    duration = None
    if 'DURATION' in ev:
        duration = int(ev.decoded('DURATION').total_seconds() // 60)
    rrule, nxt = '', []
    if 'RRULE' in ev:
        rrule = ev['RRULE'].to_ical().decode()
        rule = rrulestr(rrule, dtstart=start)
        it = iter(rule)
        nxt = [next(it).isoformat() for _ in range(3)]
    events.append({
        'uid': str(ev.get('UID', '')),
        'summary': str(ev.get('SUMMARY', '')),
        'location': str(ev.get('LOCATION', '')),
        'description': str(ev.get('DESCRIPTION', '')),
        'start': start.isoformat(),
        'tzid': str(tzid),
        'utcoffset': start.utcoffset().total_seconds() / 3600 if not all_day else None,
        'all_day': all_day,
        'duration_minutes': duration,
        'rrule': rrule,
        'status': str(ev.get('STATUS', '')),
        'transp': str(ev.get('TRANSP', '')),
        'next': nxt,
    })
json.dump({'name': str(cal.get('X-WR-CALNAME', '')), 'problems': problems,
           'events': events}, sys.stdout, ensure_ascii=False)
