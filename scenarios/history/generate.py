#!/usr/bin/env python3
"""SYNTHETIC DATA. Writes the made-up helpdesk history in this folder, tickets.csv (a Zendesk-style
export) and absences.csv (an HR export), for `plan calibrate` to fit back, and from the same draws
declarations.csv (the checks the team would have declared: every weekday, as team.json's
company declares, at 10:00 and 17:30 UTC, the EMEA and US SEs working that day and the
cases open at that moment, for `plan history import`) and outlooks.csv (each Monday's cases open at
07:00 UTC, when the weekly outlook runs, for `plan outlook --open-cases`). No real team or customer
is in them. Generating parameters (the constants below): base_per_day 40, weekday_factors Mon 1.3,
Tue 1.2, Wed 1.15, Thu 1.1, Fri 1.0, Sat 0.65, Sun 0.6, holiday_factor 0.5 on US and GB public
holidays, demand_cv 0.12, Poisson days, arrival_shares EMEA 0.45 / Americas 0.55,
resolve_per_shift 7, sick_days_per_year 8, mean_spell_days 2.5; the SEs of team.json; 2026-01-05
to 2026-06-28; 60 cases open at the start; seed 8.

    python3 scenarios/history/generate.py [SEED]

The history is drawn as docs/MODEL.md describes the real one: a demand level per 4-week period
(Gamma, mean 1, coefficient of variation DEMAND_CV), Poisson days with weekday and holiday factors,
split between the segments (17:30 the day before to 10:00, 10:00 to 17:30 UTC) by the arrival
shares, creation times uniform within a segment; each SE of team.json who is scheduled (Mon-Fri,
not a public holiday of their country), not in a sickness spell and not on vacation serves
Poisson(RESOLVE_PER_SHIFT) cases at uniform times over their group's shift, each taking the oldest
open case (first in, first out). Billing cases are mixed in for --where to leave out, and a week of
vacation per SE, which keeps them from working but is not sickness (--absence-type sick).
"""
import math
import random
import sys
from datetime import date, datetime, timedelta, timezone

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 8
FIRST, LAST = date(2026, 1, 5), date(2026, 6, 28)
BASE_PER_DAY = 40.0
WEEKDAY_FACTORS = [1.3, 1.2, 1.15, 1.1, 1.0, 0.65, 0.6]  # Mon..Sun, averaging 1
HOLIDAY_FACTOR = 0.5
DEMAND_CV = 0.12
ARRIVAL_SHARES = (0.45, 0.55)  # EMEA (segment ending 10:00), Americas (ending 17:30)
RESOLVE_PER_SHIFT = 7.0
SICK_DAYS_PER_YEAR = 8.0
MEAN_SPELL_DAYS = 2.5
INITIAL_BACKLOG = 60
BILLING_PER_DAY = 4.0

# Public holidays in the range, as `plan holidays --country US|GB --year 2026` lists them.
HOLIDAYS = {
    "US": {date(2026, 1, 19), date(2026, 2, 16), date(2026, 5, 25), date(2026, 6, 19)},
    "GB": {date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4), date(2026, 5, 25)},
}
TEAM = [("emea-1", "GB", 9 * 60, 16 * 60), ("emea-2", "GB", 9 * 60, 16 * 60), ("emea-3", "GB", 9 * 60, 16 * 60)] + [
    (f"us-{i}", "US", 14 * 60, 25 * 60) for i in range(1, 6)
]

rng = random.Random(SEED)


def poisson(mean):
    # Knuth's product of uniforms, exact; the means here are below 100.
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def stamp(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


days = [FIRST + timedelta(d) for d in range((LAST - FIRST).days + 1)]
epoch = date(1970, 1, 1)
day_start = lambda d: ((d - epoch).days - 1) * 86400 + (17 * 60 + 30) * 60  # 17:30 the day before

# Sickness spells (and vacations, which --absence-type sick leaves out).
p0 = SICK_DAYS_PER_YEAR / 365 / MEAN_SPELL_DAYS
sick = {name: set() for name, *_ in TEAM}
vacation = {name: set() for name, *_ in TEAM}
absences = []
for name, *_ in TEAM:
    i = 0
    while i < len(days):
        if rng.random() < p0:
            length = 1
            while rng.random() > 1 / MEAN_SPELL_DAYS:
                length += 1
            last = min(len(days) - 1, i + length - 1)
            sick[name].update(days[i:last + 1])
            absences.append((name, days[i], days[last], "sick"))
            i += length
        else:
            i += 1
    start = rng.randrange(len(days) - 10)
    vacation[name].update(days[start:start + 5])
    absences.append((name, days[start], days[start + 4], "vacation"))
absences.sort(key=lambda a: (a[1], a[0]))

# Arrivals.
periods = max(1, len(days) // 28)
shape = 1 / DEMAND_CV ** 2
shocks = [rng.gammavariate(shape, 1 / shape) for _ in range(periods)]
customer_holidays = HOLIDAYS["US"] | HOLIDAYS["GB"]
segments = [(0, 16.5 * 3600), (16.5 * 3600, 24 * 3600)]
arrivals = [day_start(FIRST) - 86400 * rng.random() for _ in range(INITIAL_BACKLOG)]
for d, day in enumerate(days):
    mean = BASE_PER_DAY * WEEKDAY_FACTORS[day.weekday()] * shocks[min(d // 28, periods - 1)]
    if day in customer_holidays:
        mean *= HOLIDAY_FACTOR
    for _ in range(poisson(mean)):
        lo, hi = segments[0] if rng.random() < ARRIVAL_SHARES[0] else segments[1]
        arrivals.append(day_start(day) + lo + (hi - lo) * rng.random())
arrivals.sort()

# Services by each working SE over their shift (a US shift runs past midnight UTC).
services = []
for name, country, shift_start, shift_end in TEAM:
    for day in [FIRST - timedelta(2), FIRST - timedelta(1)] + days:
        if day.weekday() >= 5 or day in HOLIDAYS[country] or day in sick[name] or day in vacation[name]:
            continue
        start = (day - epoch).days * 86400 + shift_start * 60
        for _ in range(poisson(RESOLVE_PER_SHIFT)):
            services.append(start + (shift_end - shift_start) * 60 * rng.random())
services.sort()

solved = [None] * len(arrivals)
arrived = head = 0
for t in services:
    while arrived < len(arrivals) and arrivals[arrived] <= t:
        arrived += 1
    if head < arrived:
        solved[head] = t
        head += 1

rows = [(created, solved[i], "Support") for i, created in enumerate(arrivals)]
for day in days:
    for _ in range(poisson(BILLING_PER_DAY)):
        created = day_start(day) + 86400 * rng.random()
        rows.append((created, created + 3600 * rng.random() * 8, "Billing"))
rows.sort()

with open(sys.path[0] + "/tickets.csv", "w") as f:
    f.write("Ticket ID,Group,Created at,Solved at\n")
    for i, (created, done, group) in enumerate(rows):
        f.write(f"{10000 + i},{group},{stamp(created)},{stamp(done) if done is not None else ''}\n")
with open(sys.path[0] + "/absences.csv", "w") as f:
    f.write("name,start,end,type\n")
    for name, start, end, kind in absences:
        f.write(f"{name},{start},{end},{kind}\n")

# The checks the team declared, from the same history: who worked each day and what was open at
# each check. No random draws here, so the export above is the same with or without them.
def open_at(t):
    return sum(1 for i, created in enumerate(arrivals) if created <= t and (solved[i] is None or solved[i] > t))


def working(country, day):
    return sum(1 for name, c, *_ in TEAM if c == country and day.weekday() < 5 and day not in HOLIDAYS[c]
               and day not in sick[name] and day not in vacation[name])


with open(sys.path[0] + "/declarations.csv", "w") as f:
    f.write("date,window,emea,us,open_cases\n")
    for day in days:
        if day.weekday() >= 5:
            continue
        for window, minute in (("EMEA", 10 * 60), ("Americas", 17 * 60 + 30)):
            t = (day - epoch).days * 86400 + minute * 60
            f.write(f"{day},{window},{working('GB', day)},{working('US', day)},{open_at(t)}\n")
with open(sys.path[0] + "/outlooks.csv", "w") as f:
    f.write("monday,open_cases\n")
    for day in days:
        if day.weekday() == 0:
            f.write(f"{day},{open_at((day - epoch).days * 86400 + 7 * 3600)}\n")
