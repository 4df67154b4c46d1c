#!/usr/bin/env python3
"""An independent numpy implementation of docs/MODEL.md for scenarios/december.json, the reference
that `plan simulate`'s whole-process speed is compared with (docs/PERFORMANCE.md).

Written from MODEL.md and POLICY.md, not from the Swift code: every trial of a batch is a row, the
days and segments are a Python loop, every variate is numpy's (PCG64), and sickness is a daily
Bernoulli trial per SE as §3 states it. The calendar (public holidays between 2026-11-16 and
2026-12-31, the team's time off, the closure) is written out below for this one scenario.

    python3 december_numpy.py TRIALS [SEED] [--csv]

prints the trials per second, and with --csv P(level >= k) per reported check (date, window,
k = 2..8), to compare with `plan simulate`'s checks.csv within Monte Carlo error.
"""
import datetime as dt
import sys
import time

import numpy as np

START = dt.date(2026, 11, 17)          # 14 warm-up days before the horizon
FIRST_REPORTED = dt.date(2026, 12, 1)
END = dt.date(2026, 12, 31)
DAYS = (END - START).days + 1

# Public holidays from the day before the first simulated day to the end (docs/MODEL.md §2).
HOLIDAYS = {
    "US": {dt.date(2026, 11, 26), dt.date(2026, 12, 25)},
    "GB": {dt.date(2026, 12, 25), dt.date(2026, 12, 26), dt.date(2026, 12, 28)},  # Boxing Day, observed on Mon 28
    "NL": {dt.date(2026, 12, 25), dt.date(2026, 12, 26)},
    "ZA": {dt.date(2026, 12, 16), dt.date(2026, 12, 25), dt.date(2026, 12, 26)},
}
CLOSURES = {dt.date(2026, 12, 25)}


def span(a, b):
    a, b = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    return {a + dt.timedelta(days=i) for i in range((b - a).days + 1)}


TEAM = [  # name, group (0 emea, 1 us), country, time off
    ("emea-gb", 0, "GB", span("2026-12-21", "2026-12-24")),
    ("emea-nl", 0, "NL", span("2026-12-28", "2026-12-31")),
    ("emea-za", 0, "ZA", span("2026-12-14", "2026-12-18")),
] + [(f"us-{i:02d}", 1, "US", off) for i, off in enumerate([
    span("2026-12-21", "2026-12-31"), span("2026-12-21", "2026-12-31"), span("2026-12-21", "2026-12-31"),
    span("2026-12-21", "2026-12-31"), span("2026-12-28", "2026-12-31"), span("2026-12-28", "2026-12-31"),
    span("2026-12-23", "2026-12-24"), span("2026-12-07", "2026-12-11"), set(), set(), set()], start=1)]

# Segments: A = 17:30 the day before to 10:00 (16.5 h, EMEA check), B = 10:00 to 17:30 (7.5 h, Americas check).
HOURS = np.array([16.5, 7.5])
ARRIVAL_SHARES = np.array([0.45, 0.55])
# Shift shares: EMEA 09:00-16:00 puts 1 h in A and 6 h in B of its day; US 14:00-01:00 puts 3.5 h
# in B of its day and 7.5 h in A of the next.
EMEA_A, EMEA_B, US_B, US_NEXT_A = 1 / 7, 6 / 7, 3.5 / 11, 7.5 / 11
RESOLVE = 3.0
BASE, WEEKDAY = 30.0, [1.2, 1.1, 1.0, 1.0, 0.9, 0.2, 0.2]
HOLIDAY_FACTOR = 0.4
DEMAND_CV, SPIKE_P, SPIKE_MEAN = 0.15, 0.03, 25.0
SICK_P0, SPELL_MEAN, SEVERITY_CV = 6 / 365 / 2.5, 2.5, 0.5
INITIAL_OPEN = 45
# Effects of levels 1..8 (index 0..7), cumulative: capacity multiplier, extra resolutions a day, kept share.
MULT = np.ones(8); MULT[2:] = 1.10
EXTRA = np.zeros(8); EXTRA[3:] = 3.0; EXTRA[7] = 9.0
KEPT = np.ones(8); KEPT[6:] = 0.70


def level(emea, us, open_):
    """docs/POLICY.md, handbook policy, first-level reading (repeated "any" criteria count once, at the lowest level)."""
    working = emea + us
    load = np.where(working > 0, open_ / np.maximum(working, 1), np.where(open_ > 0, np.inf, 0.0))
    lv = np.zeros(open_.shape, dtype=np.int8)
    lv[(emea <= 2) | (us <= 8) | (load > 5)] = 1
    lv[(us <= 5) | (load > 7)] = 2
    lv[(us <= 4) | (load > 8)] = 3
    lv[(emea <= 1) | (us <= 3) | (load > 9)] = 4
    lv[us <= 2] = 5
    lv[(emea <= 0) & (us <= 1) & (load > 10)] = 6
    lv[(emea <= 0) & (us <= 0) & (load > 10)] = 7
    return lv


def simulate(trials, rng):
    dates = [START + dt.timedelta(days=d) for d in range(-1, DAYS)]  # index 0 is the day before
    scheduled = np.array([[d.weekday() < 5 and d not in HOLIDAYS[c] and d not in CLOSURES and d not in off for d in dates]
                          for _, _, c, off in TEAM])
    group = np.array([g for _, g, _, _ in TEAM])
    emea_columns = int((group == 0).sum())  # the EMEA SEs come first
    lam = np.array([BASE * WEEKDAY[d.weekday()] * (HOLIDAY_FACTOR if d in HOLIDAYS["US"] | HOLIDAYS["GB"] else 1.0)
                    for d in dates[1:]])
    check_day = [d.weekday() < 5 and d not in CLOSURES for d in dates[1:]]

    severity = rng.gamma(1 / SEVERITY_CV**2, SEVERITY_CV**2, trials)
    demand = rng.gamma(1 / DEMAND_CV**2, DEMAND_CV**2, trials)
    p_start = np.minimum(1.0, SICK_P0 * severity)[:, None]
    remaining = np.zeros((trials, len(TEAM)), dtype=np.int32)  # days left of the current spell
    open_ = np.full(trials, INITIAL_OPEN, dtype=np.int64)
    lv = np.zeros(trials, dtype=np.int8)
    us_capacity_before = np.full(trials, float(scheduled[emea_columns:, 0].sum()))
    levels = []
    for d in range(DAYS):
        starts = (remaining == 0) & (rng.random((trials, len(TEAM))) < p_start)
        remaining[starts] = rng.geometric(1 / SPELL_MEAN, starts.sum())
        sick = remaining > 0
        working = ~sick & scheduled[:, d + 1]
        remaining -= sick
        emea = working[:, :emea_columns].sum(axis=1)
        us = working[:, emea_columns:].sum(axis=1)
        factor = demand * lam[d]
        spike = rng.random(trials) < SPIKE_P
        capacity = (EMEA_A * emea + US_NEXT_A * us_capacity_before, EMEA_B * emea + US_B * us)
        for s in range(2):
            mean = (factor * ARRIVAL_SHARES[s] + spike * SPIKE_MEAN * ARRIVAL_SHARES[s]) * KEPT[lv]
            arrivals = rng.poisson(mean)
            expected = RESOLVE * capacity[s] * MULT[lv] + EXTRA[lv] * HOURS[s] / 24
            resolved = np.minimum(open_ + arrivals, rng.poisson(expected))
            open_ += arrivals - resolved
            if check_day[d]:
                lv = level(emea, us, open_)
                if dates[d + 1] >= FIRST_REPORTED:
                    levels.append(lv)
        us_capacity_before = us.astype(float)
    return np.array(levels)  # checks x trials


def main():
    trials = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else 1
    began = time.perf_counter()
    rng = np.random.default_rng(seed)
    levels = np.concatenate([simulate(min(50_000, trials - b), rng) for b in range(0, trials, 50_000)], axis=1)
    seconds = time.perf_counter() - began
    print(f"{trials} trials in {seconds:.2f} s: {trials / seconds:,.0f} trials/s", file=sys.stderr)
    if "--csv" in sys.argv:
        print("check," + ",".join(f"ge{k}" for k in range(2, 9)))
        for c, row in enumerate(levels):
            print(f"{c}," + ",".join(f"{(row >= k - 1).mean():.4f}" for k in range(2, 9)), flush=False)


if __name__ == "__main__":
    main()
