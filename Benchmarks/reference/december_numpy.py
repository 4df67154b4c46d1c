#!/usr/bin/env python3
"""An independent numpy implementation of docs/MODEL.md for scenarios/december.json, the reference
that `plan simulate`'s whole-process speed is compared with (docs/PERFORMANCE.md).

Written from MODEL.md and POLICY.md, not from the Swift code: every trial of a batch is a row, the
days and segments are a Python loop, every variate is numpy's (PCG64), and sickness is a daily
Bernoulli trial per SE as §3 states it. The calendar (public holidays between 2026-11-16 and
2026-12-31, the team's time off, the closure) is written out below for this one scenario; the
segments, arrival shares and shift shares are derived from the check times and shifts as §4–§6
state them.

    python3 december_numpy.py TRIALS [SEED] [--csv]

prints the trials per second, and with --csv P(level >= k) per reported check (date, window,
k = 2..8), to compare with `plan simulate`'s checks.csv within Monte Carlo error (`validate.py`).
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


def hm(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


CHECKS = [hm("10:00"), hm("17:30")]                                  # EMEA, Americas (minutes UTC)
SHIFTS = [(hm("09:00"), hm("16:00")), (hm("14:00"), hm("01:00") + 1440)]  # emea, us (past midnight)
WINDOW_SHARES = [0.45, 0.55]                                          # arrival_shares per check window


def layout():
    """§5: a day runs from the day before's last check to its own last check, cut at every check
    time and every shift start and end. Returns per segment its hours, its window's arrival share
    split by hours (§4), whether a check ends it (the window index or -1), and per group and day
    offset (0: the shift's own day, 1: the day after) the share of the shift that falls in it."""
    day_start = CHECKS[-1] - 1440
    cuts = set()
    for t in CHECKS + [m for shift in SHIFTS for m in shift]:
        t = (t - day_start) % 1440 + day_start
        cuts.add(t + 1440 if t == day_start else t)
    ends = sorted(cuts)
    starts = [day_start] + ends[:-1]
    hours = np.array([(e - s) / 60 for s, e in zip(starts, ends)])
    window = [next(w for w, c in enumerate(CHECKS) if c >= e) for e in ends]
    window_starts = [day_start] + CHECKS[:-1]
    window_hours = [(c - s) / 60 for s, c in zip(window_starts, CHECKS)]
    arrival = np.array([WINDOW_SHARES[window[s]] * hours[s] / window_hours[window[s]] for s in range(len(ends))])
    check = [CHECKS.index(e) if e in CHECKS else -1 for e in ends]
    shares = np.zeros((len(SHIFTS), 2, len(ends)))
    for g, (a, b) in enumerate(SHIFTS):
        for offset in range(2):
            for s in range(len(ends)):
                overlap = min(b - 1440 * offset, ends[s]) - max(a - 1440 * offset, starts[s])
                shares[g, offset, s] = max(0, overlap) / (b - a)
    return hours, arrival, check, shares


HOURS, ARRIVAL_SHARE, CHECK, SHIFT_SHARE = layout()
SEGMENTS = len(HOURS)
WORKED = SHIFT_SHARE.sum(axis=(0, 1)) > 0
RESOLVE = 3.0
BASE, WEEKDAY = 30.0, [1.2, 1.1, 1.0, 1.0, 0.9, 0.2, 0.2]
HOLIDAY_FACTOR = 0.4
DEMAND_CV, SPIKE_P, SPIKE_MEAN = 0.15, 0.03, 25.0
SICK_P0, SPELL_MEAN, SEVERITY_CV = 6 / 365 / 2.5, 2.5, 0.5
INITIAL_OPEN = 45
# Effects of levels 1..8 (index 0..7), cumulative (§6): capacity multiplier, extra resolutions a day
# (spread over the worked segments by their hours), kept share of new cases.
MULT = np.ones(8); MULT[2:] = 1.10
EXTRA = np.zeros(8); EXTRA[3:] = 3.0; EXTRA[7] = 9.0
KEPT = np.ones(8); KEPT[6:] = 0.70
EXTRA_SHARE = np.where(WORKED, HOURS, 0) / HOURS[WORKED].sum()


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
    # The day before the first simulated day: its SEs work as scheduled (§1), their shifts reach day 0.
    before = np.stack([np.full(trials, float(scheduled[:emea_columns, 0].sum())),
                       np.full(trials, float(scheduled[emea_columns:, 0].sum()))])
    levels = []
    for d in range(DAYS):
        starts = (remaining == 0) & (rng.random((trials, len(TEAM))) < p_start)
        remaining[starts] = rng.geometric(1 / SPELL_MEAN, starts.sum())
        sick = remaining > 0
        working = ~sick & scheduled[:, d + 1]
        remaining -= sick
        emea = working[:, :emea_columns].sum(axis=1)
        us = working[:, emea_columns:].sum(axis=1)
        today = np.stack([emea, us]).astype(float)
        factor = demand * lam[d] + (rng.random(trials) < SPIKE_P) * SPIKE_MEAN
        carried = 0.0
        for s in range(SEGMENTS):
            mean = factor * ARRIVAL_SHARE[s] + carried
            if not WORKED[s] and CHECK[s] < 0 and s < SEGMENTS - 1:
                carried = mean  # nothing happens in it: its cases join the next segment's draw (§7)
                continue
            carried = 0.0
            open_ += rng.poisson(mean * KEPT[lv])
            if WORKED[s]:
                capacity = SHIFT_SHARE[:, 0, s] @ today + SHIFT_SHARE[:, 1, s] @ before
                expected = RESOLVE * capacity * MULT[lv] + EXTRA[lv] * EXTRA_SHARE[s]
                open_ -= np.minimum(open_, rng.poisson(expected))
            if CHECK[s] >= 0 and check_day[d]:
                lv = level(emea, us, open_)
                if dates[d + 1] >= FIRST_REPORTED:
                    levels.append(lv)
        before = today
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
            print(f"{c}," + ",".join(f"{(row >= k - 1).mean():.5f}" for k in range(2, 9)), flush=False)


if __name__ == "__main__":
    main()
