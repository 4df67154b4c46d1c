/// The published JSON Schema (draft 2020-12) of the scenario format, printed by `plan schema`.
/// `scenarios/scenario.schema.json` holds the same text so that example scenarios can point to it
/// with `"$schema"`; tests check that the two are equal and that the schema lists exactly the keys
/// the decoder accepts (`ScenarioKeys`).
extension Scenario {
    public static let jsonSchema = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "plan scenario",
  "description": "A period, a team and its work, as `plan simulate`, `plan validate` and `plan calendar` read it. Paths to other files are relative to the scenario file's folder. Times are UTC.",
  "type": "object",
  "required": ["name", "horizon", "team", "inflow"],
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "description": "The schema this file follows, for editors: \"./scenario.schema.json\". Ignored by plan.",
      "type": "string"
    },
    "name": {
      "description": "Short name; reports are written to notebooks-output/<name>/. Letters, digits, \"-\", \"_\" and \".\" (not first).",
      "type": "string",
      "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]*$",
      "maxLength": 100
    },
    "description": {
      "description": "What the scenario is about, for people. Plain text: no control characters.",
      "type": "string",
      "maxLength": 10000,
      "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$",
      "default": ""
    },
    "horizon": {
      "description": "The reported dates, first and last inclusive; at most 1096 days (3 years), within 1970–2100.",
      "type": "object",
      "required": ["start", "end"],
      "additionalProperties": false,
      "properties": {
        "start": { "description": "First reported date.", "$ref": "#/$defs/date" },
        "end": { "description": "Last reported date; not before start.", "$ref": "#/$defs/date" }
      }
    },
    "warmup_days": {
      "description": "Days simulated in full before the horizon but not reported, so that the backlog starts realistic.",
      "type": "integer",
      "minimum": 0,
      "maximum": 366,
      "default": 0
    },
    "check_days": {
      "description": "Days of the week on which levels are declared; a company closure has no checks.",
      "type": "array",
      "minItems": 1,
      "items": { "$ref": "#/$defs/weekday" },
      "default": ["Mon", "Tue", "Wed", "Thu", "Fri"]
    },
    "windows": {
      "description": "The checks of each check day, one per coverage window, in any order (checks happen in order of time). The day is cut into segments at the check times.",
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "required": ["name", "check", "coverage"],
        "additionalProperties": false,
        "properties": {
          "name": { "description": "Window name used in reports and arrival_shares; unique.", "$ref": "#/$defs/name" },
          "check": { "description": "Time of the check, HH:MM UTC; unique.", "$ref": "#/$defs/clock" },
          "coverage": { "description": "Hours the window covers, HH:MM-HH:MM UTC; an end before the start is on the next day.", "$ref": "#/$defs/timeSpan" }
        }
      },
      "default": [
        { "name": "EMEA", "check": "10:00", "coverage": "09:00-16:00" },
        { "name": "Americas", "check": "17:30", "coverage": "14:00-01:00" }
      ]
    },
    "groups": {
      "description": "Groups of SEs and their shifts. The policy counts the working SEs of each group at a check (one headcount input per group).",
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "required": ["name", "shift"],
        "additionalProperties": false,
        "properties": {
          "name": { "description": "Group name, as the policy's headcount input names it; unique.", "$ref": "#/$defs/name" },
          "shift": { "description": "The shift its SEs work on a working day, HH:MM-HH:MM UTC; an end before the start is on the next day.", "$ref": "#/$defs/timeSpan" }
        }
      },
      "default": [
        { "name": "emea", "shift": "09:00-16:00" },
        { "name": "us", "shift": "14:00-01:00" }
      ]
    },
    "team": {
      "description": "The support engineers (SEs).",
      "type": "array",
      "minItems": 1,
      "maxItems": 10000,
      "items": {
        "type": "object",
        "required": ["name", "group", "country"],
        "additionalProperties": false,
        "properties": {
          "name": { "description": "Unique name, as the time-off CSV writes it.", "$ref": "#/$defs/name" },
          "group": { "description": "One of the groups.", "type": "string", "minLength": 1 },
          "country": { "description": "ISO 3166-1 alpha-2 code of the built-in public holiday calendar (`plan holidays --country`).", "type": "string", "minLength": 1 },
          "subdivision": { "description": "Subdivision of the country's calendar, such as SCT or NIR for GB. Default: the country's default region.", "type": "string", "minLength": 1 },
          "weekdays": {
            "description": "Days of the week they work.",
            "type": "array",
            "minItems": 1,
            "items": { "$ref": "#/$defs/weekday" },
            "default": ["Mon", "Tue", "Wed", "Thu", "Fri"]
          },
          "capacity": { "description": "Share of a full-time SE's resolution rate: 0.5 for half-time or a new hire.", "type": "number", "exclusiveMinimum": 0, "maximum": 10, "default": 1 },
          "time_off": {
            "description": "Planned time off: dates and inclusive date ranges.",
            "type": "array",
            "items": { "$ref": "#/$defs/dateOrRange" },
            "default": []
          },
          "time_off_ics": { "description": "An iCalendar (.ics) file whose events are this SE's time off, added to time_off.", "type": "string", "minLength": 1 },
          "rota": {
            "description": "Dates on which they work although it is a public holiday or a company day off for them.",
            "type": "array",
            "items": { "$ref": "#/$defs/date" },
            "default": []
          },
          "holidays": {
            "description": "Edits to their public holidays, applied after the company's edits for the country.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "drop": { "description": "Names of holidays they work through (exact names, as `plan holidays` lists them).", "$ref": "#/$defs/holidayNames" },
              "add": { "description": "Days off added to their calendar.", "$ref": "#/$defs/addedHolidays" },
              "ics": { "description": "An iCalendar (.ics) file that stands in for the country's calendar: each event is a holiday named by its SUMMARY.", "type": "string", "minLength": 1 }
            },
            "default": {}
          },
          "falls_sick": { "description": "Whether sickness can take them: false for cover someone else stands in for if they fall ill. Their absence draws are made and ignored, so other SEs' draws do not change.", "type": "boolean", "default": true },
          "joins": { "description": "Their first day on the team (a hire); before it they are not scheduled.", "$ref": "#/$defs/date" },
          "leaves": { "description": "Their last day on the team, inclusive; after it they are not scheduled. Not before joins.", "$ref": "#/$defs/date" },
          "leave_days_per_year": { "description": "Their own leave days a year for unbooked_leave, instead of its days_per_year.", "type": "number", "minimum": 0, "maximum": 365 },
          "ramp": {
            "description": "How a hire comes up to speed from joins (required with it): capacity rises linearly from start_fraction to full over weeks.",
            "type": "object",
            "required": ["weeks"],
            "additionalProperties": false,
            "properties": {
              "weeks": { "description": "Weeks from the first day to full capacity; 0 needs start_fraction 1.", "type": "integer", "minimum": 0, "maximum": 104 },
              "start_fraction": { "description": "Share of their capacity on their first day.", "type": "number", "exclusiveMinimum": 0, "maximum": 1, "default": 0.5 },
              "counts_in_headcount": { "description": "Whether they count as a working SE in the policy's headcount while ramping (false: only once at full capacity).", "type": "boolean", "default": true }
            }
          }
        }
      }
    },
    "time_off_csv": {
      "description": "A CSV export of time off with the columns name,start,end (others ignored; empty end = one day); each row is added to the SE it names.",
      "type": "string",
      "minLength": 1
    },
    "company": {
      "description": "The company's own calendar.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "closures": {
          "description": "Dates on which the company is closed: nobody is scheduled (rota or not) and there are no checks. Each gives one of dates, every_year or rule.",
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "dates": { "description": "A date or an inclusive range.", "$ref": "#/$defs/dateOrRange" },
              "every_year": { "description": "A day of the year or an inclusive range, MM-DD or MM-DD..MM-DD, closed every year; a range whose end is before its start runs into the next year (12-24..01-01). 02-29 is not allowed.", "type": "string", "pattern": "^[0-9]{2}-[0-9]{2}(\\.\\.[0-9]{2}-[0-9]{2})?$" },
              "rule": { "description": "A day fixed by a weekday rule every year: \"4th Thu of Nov\", \"last Mon of May\", with an optional offset in days: \"4th Thu of Nov +1\" (the Friday after US Thanksgiving).", "type": "string", "minLength": 1 },
              "name": { "description": "Shown in explanations.", "$ref": "#/$defs/name" }
            },
            "oneOf": [
              { "required": ["dates"], "not": { "anyOf": [{ "required": ["every_year"] }, { "required": ["rule"] }] } },
              { "required": ["every_year"], "not": { "anyOf": [{ "required": ["dates"] }, { "required": ["rule"] }] } },
              { "required": ["rule"], "not": { "anyOf": [{ "required": ["dates"] }, { "required": ["every_year"] }] } }
            ]
          },
          "default": []
        },
        "days_off": {
          "description": "Days the company gives off to some or all groups; checks still happen.",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["dates", "name"],
            "additionalProperties": false,
            "properties": {
              "dates": { "description": "A date or an inclusive range.", "$ref": "#/$defs/dateOrRange" },
              "name": { "description": "Shown in explanations.", "$ref": "#/$defs/name" },
              "groups": { "description": "The groups it applies to. Default: every group.", "type": "array", "items": { "type": "string", "minLength": 1 } }
            }
          },
          "default": []
        },
        "holidays": {
          "description": "The company's edits to countries' public holidays, by country code; they apply to every SE of the country.",
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "drop": { "description": "Names of holidays the company works through.", "$ref": "#/$defs/holidayNames" },
              "add": { "description": "Days off the company adds for the country.", "$ref": "#/$defs/addedHolidays" }
            }
          },
          "default": {}
        }
      },
      "default": {}
    },
    "sickness": {
      "description": "Unplanned absence: spells that start with a daily probability, scaled by the trial's season severity. Default: no sickness. Give sick_days_per_year or daily_start_probability.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "sick_days_per_year": { "description": "Average sick days per SE per year; the daily start probability is this / 365 / mean_spell_days.", "type": "number", "minimum": 0, "maximum": 365 },
        "daily_start_probability": { "description": "Probability that an SE not already in a spell starts one on a given day.", "$ref": "#/$defs/probability" },
        "mean_spell_days": { "description": "Mean spell length in calendar days; a spell lasts 1 + a geometric number of days.", "type": "number", "minimum": 1, "maximum": 365, "default": 1 },
        "severity_cv": { "description": "Coefficient of variation of the trial's season severity (Gamma, mean 1); 0 means every trial alike.", "type": "number", "minimum": 0, "maximum": 10, "default": 0 }
      },
      "oneOf": [
        { "required": ["sick_days_per_year"], "not": { "required": ["daily_start_probability"] } },
        { "required": ["daily_start_probability"], "not": { "required": ["sick_days_per_year"] } }
      ]
    },
    "as_of": {
      "description": "The last day whose bookings the scenario's time off holds: leave requested on or before it is listed, leave requested after it is drawn by unbooked_leave. Required with unbooked_leave.",
      "$ref": "#/$defs/date"
    },
    "unbooked_leave": {
      "description": "Leave not yet booked on as_of: on a day d after as_of, an SE not in such a spell starts one with probability days_per_year / 365 / mean_spell_days × the month's factor × P(booking lead time < d − as_of). Default: none.",
      "type": "object",
      "required": ["days_per_year"],
      "additionalProperties": false,
      "properties": {
        "days_per_year": { "description": "Leave days per SE per year (calendar days in leave spells), unless the SE gives leave_days_per_year.", "type": "number", "minimum": 0, "maximum": 365 },
        "mean_spell_days": { "description": "Mean leave spell in calendar days; a spell lasts 1 + a geometric number of days.", "type": "number", "minimum": 1, "maximum": 365, "default": 1 },
        "month_factors": {
          "description": "Factor per calendar month on the daily start probability (Jan … Dec or the full name); months not listed have factor 1. Average them to 1 over the year for days_per_year to be the year's total.",
          "type": "object",
          "propertyNames": { "enum": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"] },
          "additionalProperties": { "type": "number", "minimum": 0, "maximum": 12 },
          "default": {}
        },
        "booking_lead_days": {
          "description": "The booking lead time (a spell's first day minus the day it was requested) as bins by increasing up_to: bin i holds share of the spells, spread evenly over the days after the bin before's up_to (from 0) up to its own. Shares sum to 1.",
          "type": "array",
          "minItems": 1,
          "maxItems": 100,
          "items": {
            "type": "object",
            "required": ["up_to", "share"],
            "additionalProperties": false,
            "properties": {
              "up_to": { "description": "The bin's longest lead time in days.", "type": "integer", "minimum": 0, "maximum": 3650 },
              "share": { "description": "Share of the spells booked with a lead time in the bin.", "$ref": "#/$defs/probability" }
            }
          },
          "default": [{ "up_to": 90, "share": 1 }]
        }
      }
    },
    "inflow": {
      "description": "New cases per day: base × weekday factor × holiday factor × trend, month and period factors × the trial's demand shock, Poisson or negative binomial, plus incident spikes.",
      "type": "object",
      "required": ["base_per_day"],
      "additionalProperties": false,
      "properties": {
        "base_per_day": { "description": "Mean new cases on a day with factor 1.", "type": "number", "minimum": 0, "maximum": 1000000 },
        "weekday_factors": {
          "description": "Factor per day of the week; days not listed have factor 1.",
          "type": "object",
          "propertyNames": { "$ref": "#/$defs/weekday" },
          "additionalProperties": { "type": "number", "minimum": 0, "maximum": 100 },
          "default": {}
        },
        "holiday_factor": { "description": "Factor on a day that is a public holiday of any of holiday_calendars.", "type": "number", "minimum": 0, "maximum": 100, "default": 1 },
        "holiday_calendars": {
          "description": "The customers' public holiday calendars, as country codes with an optional subdivision: \"US\", \"GB\", \"GB-SCT\".",
          "type": "array",
          "items": { "type": "string", "minLength": 1 },
          "default": []
        },
        "demand_cv": { "description": "Coefficient of variation of the trial's demand shock (Gamma, mean 1); 0 means every trial alike.", "type": "number", "minimum": 0, "maximum": 10, "default": 0 },
        "distribution": { "description": "Distribution of a day's cases given its mean.", "enum": ["poisson", "negative_binomial"], "default": "poisson" },
        "dispersion": { "description": "Negative binomial dispersion k (variance μ + μ²/k); required with negative_binomial, not allowed with poisson.", "type": "number", "minimum": 0.001, "maximum": 1000000 },
        "spikes": {
          "description": "Incident spikes: on each day, with this probability, Poisson(mean) extra cases. Default: none.",
          "type": "object",
          "required": ["probability", "mean"],
          "additionalProperties": false,
          "properties": {
            "probability": { "description": "Daily probability of a spike.", "$ref": "#/$defs/probability" },
            "mean": { "description": "Mean extra cases of a spike.", "type": "number", "minimum": 0, "maximum": 1000000 }
          }
        },
        "arrival_shares": {
          "description": "Share of a day's cases arriving in the window that ends at each window's check (with the default windows: EMEA = 17:30 the day before to 10:00, Americas = 10:00 to 17:30); one per window, summing to 1. The simulation splits each window's share between its segments (cut at the shifts' starts and ends) in proportion to their hours. Default: in proportion to the windows' hours.",
          "type": "object",
          "additionalProperties": { "$ref": "#/$defs/probability" }
        },
        "trend_per_year": { "description": "Relative growth of demand a year, log-linear: the mean on date d is multiplied by (1 + trend_per_year)^((d − trend_reference) / 365.25). 0.15 for +15% a year. Requires trend_reference.", "type": "number", "minimum": -0.9, "maximum": 1, "default": 0 },
        "trend_reference": { "description": "The date on which the trend's factor is 1 (base_per_day holds); within 10 years of the simulated dates. Required with trend_per_year.", "$ref": "#/$defs/date" },
        "month_factors": {
          "description": "Factor per calendar month (Jan … Dec or the full name); months not listed have factor 1.",
          "type": "object",
          "propertyNames": { "enum": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"] },
          "additionalProperties": { "type": "number", "minimum": 0, "maximum": 100 },
          "default": {}
        },
        "periods": {
          "description": "Dated factors for known events (a launch, a migration); where periods overlap their factors multiply.",
          "type": "array",
          "maxItems": 1000,
          "items": {
            "type": "object",
            "required": ["from", "to", "factor"],
            "additionalProperties": false,
            "properties": {
              "from": { "description": "First day of the period.", "$ref": "#/$defs/date" },
              "to": { "description": "Last day of the period, inclusive; not before from.", "$ref": "#/$defs/date" },
              "factor": { "description": "Factor on the mean of every day of the period.", "type": "number", "minimum": 0, "maximum": 100 }
            }
          },
          "default": []
        }
      }
    },
    "resolve_per_shift": {
      "description": "Cases a full-time SE resolves on average over a shift.",
      "type": "number",
      "minimum": 0,
      "maximum": 1000000,
      "default": 3
    },
    "initial_open_cases": {
      "description": "Open cases at the start of the warm-up: a number, or {\"poisson_mean\": m} for a random start.",
      "oneOf": [
        { "type": "integer", "minimum": 0, "maximum": 10000000 },
        {
          "type": "object",
          "required": ["poisson_mean"],
          "additionalProperties": false,
          "properties": {
            "poisson_mean": { "description": "Mean of the Poisson-distributed starting backlog.", "type": "number", "minimum": 0, "maximum": 1000000 }
          }
        }
      ],
      "default": 0
    },
    "effects": {
      "description": "What declaring a level changes until the next check, by level number (1 is the baseline). Effects of levels 1…k combine: multipliers multiply, extra resolutions add, diverted shares combine as 1 − ∏(1 − share). Default: none (open loop).",
      "type": "object",
      "propertyNames": { "pattern": "^[1-9][0-9]*$" },
      "additionalProperties": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "capacity_multiplier": { "description": "Multiplies the team's resolution capacity.", "type": "number", "exclusiveMinimum": 0, "maximum": 10, "default": 1 },
          "extra_resolutions_per_day": { "description": "Resolutions a day added by people outside the team, spread over the day in proportion to segment hours.", "type": "number", "minimum": 0, "maximum": 1000000, "default": 0 },
          "diverted_share": { "description": "Share of new cases taken before they reach the team.", "$ref": "#/$defs/probability", "default": 0 }
        }
      },
      "default": {}
    },
    "policy": {
      "description": "The capacity policy: \"built-in\" (the handbook's, as `plan policy show` prints it), the path of a policy file, or a policy object as in default-policy.json. Its headcount inputs must be exactly the groups.",
      "oneOf": [
        { "type": "string", "minLength": 1 },
        { "type": "object" }
      ],
      "default": "built-in"
    },
    "reading": {
      "description": "How repeated criteria are read, overriding the policy's own reading. Default: the policy's.",
      "enum": ["first-level", "literal"]
    },
    "planning_risk": {
      "description": "The planning level of a check is the lowest k with P(level > k) ≤ this.",
      "type": "number",
      "exclusiveMinimum": 0,
      "maximum": 1,
      "default": 0.1
    },
    "recommendation_threshold": {
      "description": "A channel is recommended for a check when the probability that its alert is needed reaches this.",
      "type": "number",
      "exclusiveMinimum": 0,
      "maximum": 1,
      "default": 0.25
    },
    "attrition": {
      "description": "SEs leaving at random, per group: a leaver resigns at a constant daily hazard, works the notice days, then is gone for the rest of the horizon. Groups not listed lose no one.",
      "type": "object",
      "additionalProperties": {
        "type": "object",
        "required": ["rate_per_year"],
        "additionalProperties": false,
        "properties": {
          "rate_per_year": { "description": "Share of the group that leaves in a year: P(still on the team a year on) = 1 − rate.", "type": "number", "minimum": 0, "exclusiveMaximum": 1 },
          "notice_days": { "description": "Days a leaver works between resigning and leaving.", "type": "integer", "minimum": 0, "maximum": 365, "default": 0 }
        }
      },
      "default": {}
    },
    "lead_days": {
      "description": "Working days (check days that are not closures) between briefing a recommended channel and the first day it is needed: the report's \"brief by\" date.",
      "type": "integer",
      "minimum": 0,
      "maximum": 60,
      "default": 5
    }
  },
  "$defs": {
    "name": {
      "description": "A name shown in reports: 1 to 100 characters, no control characters.",
      "type": "string",
      "minLength": 1,
      "maxLength": 100,
      "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]+$"
    },
    "date": {
      "description": "A date, YYYY-MM-DD.",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    },
    "dateOrRange": {
      "description": "A date (YYYY-MM-DD) or an inclusive range of dates (YYYY-MM-DD..YYYY-MM-DD).",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(\\.\\.[0-9]{4}-[0-9]{2}-[0-9]{2})?$"
    },
    "clock": {
      "description": "A time of day, HH:MM UTC.",
      "type": "string",
      "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
    },
    "timeSpan": {
      "description": "A span of time, HH:MM-HH:MM UTC; an end before the start is on the next day, 24:00 is midnight at the end.",
      "type": "string",
      "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9][-–](([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"
    },
    "weekday": {
      "description": "A day of the week: Mon … Sun or Monday … Sunday.",
      "enum": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    },
    "probability": {
      "description": "A number from 0 to 1.",
      "type": "number",
      "minimum": 0,
      "maximum": 1
    },
    "holidayNames": {
      "type": "array",
      "items": { "type": "string", "minLength": 1 },
      "default": []
    },
    "addedHolidays": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["date", "name"],
        "additionalProperties": false,
        "properties": {
          "date": { "description": "The day off.", "$ref": "#/$defs/date" },
          "name": { "description": "Its name, shown in explanations.", "$ref": "#/$defs/name" }
        }
      },
      "default": []
    }
  }
}
"""#
}
