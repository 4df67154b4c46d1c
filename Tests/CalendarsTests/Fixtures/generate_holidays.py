#!/usr/bin/env python3
"""Writes holidays-2020-2035.csv, the independent reference the Calendars tests compare with.

Source: python-holidays (https://github.com/vacanza/holidays), pinned to version 0.109:
    python3 -m venv /tmp/hv && /tmp/hv/bin/pip install holidays==0.109
    /tmp/hv/bin/python generate_holidays.py            # writes next to this script
    /tmp/hv/bin/python generate_holidays.py 1970 2100  # holidays-1970-2100.csv, not committed

The wider file is for checking the historical rules by hand: copy it over holidays-2020-2035.csv,
run the tests, and restore the pinned file (python-holidays starts DE in 1991 and ES in 2008).

Only the "public" category (python-holidays' default) is exported. GB without a subdivision is
exported as England (python-holidays' "ENG"), which is the Calendars module's default for GB;
python-holidays' own GB list without a subdivision has only the UK-wide days.
The tests need only this CSV, never Python.
"""
import csv
import os
import sys

import holidays

PINNED_VERSION = "0.109"
COUNTRIES = ["US", "CA", "MX", "BR", "GB", "IE", "DE", "FR", "NL", "BE", "ES", "PT", "IT", "PL", "SE", "ZA", "AU"]
SUBDIVISIONS = {"GB": ["SCT", "NIR"]}
PYTHON_SUBDIVISION_FOR_DEFAULT = {"GB": "ENG"}


def main() -> None:
    if holidays.__version__ != PINNED_VERSION:
        sys.exit(f"python-holidays {holidays.__version__} is installed; this fixture is pinned to {PINNED_VERSION}")
    first, last = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (2020, 2035)
    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), f"holidays-{first}-{last}.csv")
    rows = []
    for country in COUNTRIES:
        for subdivision in [""] + SUBDIVISIONS.get(country, []):
            python_subdivision = subdivision or PYTHON_SUBDIVISION_FOR_DEFAULT.get(country)
            supported = holidays.country_holidays(country).supported_languages
            language = "en_US" if "en_US" in supported else None
            # One year either side, so that a substitute day that crosses New Year is included.
            calendar = holidays.country_holidays(
                country, subdiv=python_subdivision, years=range(first - 1, last + 2), language=language
            )
            for day, names in sorted(calendar.items()):
                if first <= day.year <= last:
                    for name in names.split("; "):
                        rows.append((country, subdivision, day.isoformat(), name))
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        f.write(f"# python-holidays {PINNED_VERSION}, public category, {first}-{last}; written by generate_holidays.py\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["country", "subdivision", "date", "name"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
