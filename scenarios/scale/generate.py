#!/usr/bin/env python3
"""Writes the scale scenarios: long horizons and large teams for measuring memory and speed.

    python3 scenarios/scale/generate.py      # rewrites the .json files next to this script

Each scenario is December's team and work scaled up: 30% of the SEs in EMEA (across GB, NL, DE,
IE and ZA), 70% in the US, inflow of 2.2 cases per SE and day (December has 30 for 14 SEs) with
December's weekday, holiday, demand and spike settings, and two weeks of time off per SE a year,
staggered so that about 4% of the team is away on any working day. Deterministic: the same files
every time.
"""
import datetime
import json
import pathlib

EMEA_COUNTRIES = ["GB", "NL", "DE", "IE", "ZA"]


def time_off(index, start, end):
    """Two one-week blocks a year per SE, at dates spread evenly over the weeks."""
    ranges = []
    year = start.year
    while datetime.date(year, 1, 1) <= end:
        for half in (0, 1):
            week = (index * 7 + half * 26) % 50 + 1
            first = datetime.date(year, 1, 1) + datetime.timedelta(weeks=week)
            first -= datetime.timedelta(days=first.weekday())  # a Monday
            last = first + datetime.timedelta(days=4)
            if first >= start and last <= end:
                ranges.append(f"{first}..{last}")
        year += 1
    return ranges


def scenario(name, description, start, end, ses):
    emea = max(1, round(ses * 0.3))
    team = []
    for i in range(ses):
        in_emea = i < emea
        se = {
            "name": f"{'emea' if in_emea else 'us'}-{i + 1:04d}",
            "group": "emea" if in_emea else "us",
            "country": EMEA_COUNTRIES[i % len(EMEA_COUNTRIES)] if in_emea else "US",
        }
        off = time_off(i, start, end)
        if off:
            se["time_off"] = off
        team.append(se)
    return {
        "$schema": "../scenario.schema.json",
        "name": name,
        "description": description,
        "horizon": {"start": str(start), "end": str(end)},
        "warmup_days": 14,
        "check_days": ["Mon", "Tue", "Wed", "Thu", "Fri"],
        "team": team,
        "sickness": {"sick_days_per_year": 6, "mean_spell_days": 2.5, "severity_cv": 0.5},
        "inflow": {
            "base_per_day": round(2.2 * ses, 1),
            "weekday_factors": {"Mon": 1.2, "Tue": 1.1, "Wed": 1.0, "Thu": 1.0, "Fri": 0.9, "Sat": 0.2, "Sun": 0.2},
            "holiday_factor": 0.4,
            "holiday_calendars": ["US", "GB"],
            "demand_cv": 0.15,
            "spikes": {"probability": 0.03, "mean": round(25 / 14 * ses, 1)},
        },
        "resolve_per_shift": 3,
        "initial_open_cases": round(45 / 14 * ses),
        "effects": {"3": {"capacity_multiplier": 1.1}, "4": {"extra_resolutions_per_day": round(3 / 14 * ses, 1)}, "7": {"diverted_share": 0.3}},
    }


SCENARIOS = [
    ("year-14", "A year of December's team size: 14 SEs.", datetime.date(2027, 1, 1), datetime.date(2027, 12, 31), 14),
    ("year-200", "A year of 200 SEs.", datetime.date(2027, 1, 1), datetime.date(2027, 12, 31), 200),
    ("three-years-1000", "Three years of 1,000 SEs.", datetime.date(2027, 1, 1), datetime.date(2029, 12, 31), 1000),
]

if __name__ == "__main__":
    folder = pathlib.Path(__file__).resolve().parent
    for name, description, start, end, ses in SCENARIOS:
        text = json.dumps(scenario(name, description, start, end, ses), indent=1) + "\n"
        (folder / f"{name}.json").write_text(text)
