#!/usr/bin/env python3
"""Writes recurrences.ics and recurrences-expected.txt, the independent check of the Swift reader.

recurrences.ics is serialised by the `icalendar` package (which also folds its long lines), and the
expected dates are expanded by `dateutil.rrule`, so neither the file nor the answer comes from the code
under test. Each event's expected line lists the calendar dates its occurrences cover within the
horizon: an occurrence covers its start date through the date of its end, an end at 00:00 excluded.

Generated with Python 3.11.7, python-dateutil 2.9.0.post0, icalendar 7.3.2, tzdata 2026.6:
    pip install python-dateutil==2.9.0.post0 icalendar==7.3.2
    python3 generate-recurrences.py
"""
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr, rruleset
from icalendar import Calendar, Event, vRecur

HORIZON = (date(2025, 1, 1), date(2028, 12, 31))
UTC = ZoneInfo("UTC")

# (name, first start to search from, RRULE, length, EXDATE list, time zone or None for all-day)
# The DTSTART is the rule's first occurrence on or after the search start, so that DTSTART is in step
# with the rule (RFC 5545 leaves other DTSTARTs undefined, and dateutil and the RFC differ there).
CASES = [
    ("daily every 3rd day, COUNT", date(2026, 12, 28), "FREQ=DAILY;INTERVAL=3;COUNT=10", timedelta(days=1), [], None),
    ("daily weekdays UNTIL date", date(2026, 12, 21), "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20270110", timedelta(days=1), [], None),
    ("daily in late December only", date(2025, 12, 24), "FREQ=DAILY;BYMONTH=12;BYMONTHDAY=24,25,26", timedelta(days=1), [], None),
    ("weekly MO WE FR across the new year", date(2026, 12, 21), "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12", timedelta(days=1), [], None),
    ("fortnightly TU TH UNTIL", date(2026, 12, 1), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270301", timedelta(days=1), [], None),
    ("fortnightly weeks starting Sunday", date(2026, 12, 1), "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,SU;COUNT=8", timedelta(days=1), [], None),
    ("weekly Friday with EXDATEs", date(2026, 11, 6), "FREQ=WEEKLY;BYDAY=FR;COUNT=10", timedelta(days=1),
     [date(2026, 11, 27), date(2026, 12, 25), date(2027, 1, 1)], None),
    ("monthly last day", date(2026, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=14", timedelta(days=1), [], None),
    ("monthly last Friday UNTIL", date(2026, 1, 1), "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231", timedelta(days=1), [], None),
    ("monthly 2nd and 4th Monday", date(2026, 1, 1), "FREQ=MONTHLY;BYDAY=2MO,4MO;COUNT=10", timedelta(days=1), [], None),
    ("every other month on the 31st", date(2026, 1, 31), "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31", timedelta(days=1), [], None),
    ("monthly last weekday (BYSETPOS)", date(2026, 1, 1), "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", timedelta(days=1), [], None),
    ("US Thanksgiving", date(2025, 1, 1), "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", timedelta(days=1), [], None),
    ("US Memorial Day", date(2025, 1, 1), "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", timedelta(days=1), [], None),
    ("leap day COUNT", date(2024, 2, 29), "FREQ=YEARLY;COUNT=3", timedelta(days=1), [], None),
    ("1 January and 1 May UNTIL", date(2025, 1, 1), "FREQ=YEARLY;BYMONTH=1,5;BYMONTHDAY=1;UNTIL=20280101", timedelta(days=1), [], None),
    ("20th Monday of the year", date(2025, 1, 1), "FREQ=YEARLY;BYDAY=20MO", timedelta(days=1), [], None),
    ("March last and 7th-last days", date(2025, 1, 1), "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1,-7", timedelta(days=1), [], None),
    ("Christmas break of three days", date(2025, 12, 24), "FREQ=YEARLY", timedelta(days=3), [], None),
    ("late shift crossing midnight", datetime(2026, 12, 30, 22, 0), "FREQ=DAILY;COUNT=3", timedelta(hours=4), [], "Europe/London"),
    ("Tokyo mornings UNTIL in UTC", datetime(2026, 12, 1, 9, 0), "FREQ=DAILY;UNTIL=20261210T000000Z", timedelta(hours=1), [], "Asia/Tokyo"),
    ("London Mondays UNTIL in UTC", datetime(2026, 12, 7, 9, 0), "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270201T090000Z", timedelta(hours=8), [], "Europe/London"),
]


def main() -> None:
    here = Path(__file__).parent
    calendar = Calendar()
    calendar.add("prodid", "-//plan//CalendarImport tests//EN")
    calendar.add("version", "2.0")
    expected = [f"horizon {HORIZON[0]} {HORIZON[1]}"]
    for number, (name, search_from, rule, length, exdates, zone) in enumerate(CASES, start=1):
        tz = ZoneInfo(zone) if zone else None
        if tz:
            search_from = search_from.replace(tzinfo=tz)
        else:
            search_from = datetime.combine(search_from, datetime.min.time())
        until_utc = "UNTIL=" in rule and rule.split("UNTIL=")[1].endswith("Z")
        dtstart = rrulestr(rule, dtstart=search_from)[0] if not until_utc else search_from
        series = rruleset()
        series.rrule(rrulestr(rule, dtstart=dtstart))
        for excluded in exdates:
            series.exdate(datetime.combine(excluded, dtstart.timetz()))
        covered = set()
        for start in series.between(datetime.combine(HORIZON[0] - timedelta(days=7), datetime.min.time(), tz),
                                    datetime.combine(HORIZON[1], datetime.max.time(), tz), inc=True):
            end = start + length
            last = (end - timedelta(microseconds=1)).date() if end > start else start.date()
            day = start.date()
            while day <= last:
                if HORIZON[0] <= day <= HORIZON[1]:
                    covered.add(day)
                day += timedelta(days=1)

        event = Event()
        event.add("uid", f"case-{number}@plan.test")
        event.add("dtstamp", datetime(2026, 1, 1, tzinfo=UTC))
        # A long summary, so that the icalendar package folds some lines.
        event.add("summary", f"Case {number}: {name}; expanded by dateutil {rule}, checked by CalendarImportTests")
        event.add("dtstart", dtstart if tz else dtstart.date())
        event.add("dtend", dtstart + length if tz else (dtstart + length).date())
        event.add("rrule", vRecur.from_ical(rule))
        if exdates:
            event.add("exdate", exdates[:2])
            event.add("exdate", exdates[2:])
        calendar.add_component(event)
        expected.append(f"Case {number}: " + " ".join(str(day) for day in sorted(covered)))
    calendar.add_missing_timezones()
    (here / "recurrences.ics").write_bytes(calendar.to_ical())
    (here / "recurrences-expected.txt").write_text("\n".join(expected) + "\n")


if __name__ == "__main__":
    main()
