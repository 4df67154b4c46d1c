/// The handbook's policy (docs/POLICY.md), built into the binary so `plan level` works with no file.
/// `scenarios/default-policy.json` holds the same bytes for teams to copy and edit; a test checks
/// that the two never drift apart.
extension Policy {
    public static let defaultJSON = #"""
{
  "name": "Support capacity levels (handbook)",
  "reading": "first-level",
  "inputs": [
    { "name": "emea", "kind": "headcount", "description": "Africa/Europe-based SEs working that day" },
    { "name": "us", "kind": "headcount", "description": "US-based SEs working that day" },
    { "name": "open", "kind": "cases", "description": "open, active cases across the team at check time" }
  ],
  "ratios": [
    { "name": "load", "numerator": "open", "denominator": ["emea", "us"], "description": "open, active cases per working SE" }
  ],
  "levels": [
    {
      "name": "Business as usual",
      "trigger": "all",
      "criteria": [
        { "metric": "emea", "op": ">=", "value": 3 },
        { "metric": "us", "op": "between", "value": [9, 11] },
        { "metric": "load", "op": "<=", "value": 5 }
      ],
      "contingency": "None: business as usual.",
      "alerts": [],
      "coordination": ["CS"]
    },
    {
      "name": "CS team coordination required",
      "trigger": "any",
      "criteria": [
        { "metric": "emea", "op": "<=", "value": 2 },
        { "metric": "us", "op": "<=", "value": 8 },
        { "metric": "load", "op": ">", "value": 5 }
      ],
      "contingency": "CS-triage coordinates who handles what.",
      "alerts": [],
      "coordination": ["CS"]
    },
    {
      "name": "CS team flexibility required",
      "trigger": "any",
      "criteria": [
        { "metric": "emea", "op": "<=", "value": 2 },
        { "metric": "us", "op": "<=", "value": 5 },
        { "metric": "load", "op": ">", "value": 7 }
      ],
      "contingency": "CS-triage pauses all non-issue work (OKRs, documentation updates…) to help customers only, and tells SEs with a focus day to stay available.",
      "alerts": [],
      "coordination": ["CS"]
    },
    {
      "name": "Community responsiveness flexibility required",
      "trigger": "any",
      "criteria": [
        { "metric": "emea", "op": "<=", "value": 2 },
        { "metric": "us", "op": "<=", "value": 4 },
        { "metric": "load", "op": ">", "value": 8 }
      ],
      "contingency": "#help posts in the community Slack are answered as soon as possible and within 24 hours of posting; CS leadership takes issues too, where that is less work for the team.",
      "alerts": ["#community-relations"],
      "coordination": ["community team"]
    },
    {
      "name": "Post-sales responsiveness flexibility required",
      "trigger": "any",
      "criteria": [
        { "metric": "emea", "op": "<=", "value": 1 },
        { "metric": "us", "op": "<=", "value": 3 },
        { "metric": "load", "op": ">", "value": 9 }
      ],
      "contingency": "Post-sales issues are answered as soon as possible and within 4 business hours of posting.",
      "alerts": ["#ce"],
      "coordination": ["CE", "sales"]
    },
    {
      "name": "Pre-sales responsiveness flexibility required",
      "trigger": "any",
      "criteria": [
        { "metric": "emea", "op": "<=", "value": 1 },
        { "metric": "us", "op": "<=", "value": 2 },
        { "metric": "load", "op": ">", "value": 9 }
      ],
      "contingency": "Pre-sales issues are answered as soon as possible and within 2 business hours of posting.",
      "alerts": ["#ce", "#sales"],
      "coordination": ["CE", "sales"]
    },
    {
      "name": "CE collaboration required",
      "trigger": "all",
      "criteria": [
        { "metric": "emea", "op": "<=", "value": 0 },
        { "metric": "us", "op": "<=", "value": 1 },
        { "metric": "load", "op": ">", "value": 10 }
      ],
      "contingency": "CE takes all pre- and post-sales issues as far as it can before CS takes them.",
      "alerts": ["#ce"],
      "coordination": ["CE"]
    },
    {
      "name": "Engineering collaboration required",
      "trigger": "all",
      "criteria": [
        { "metric": "emea", "op": "<=", "value": 0 },
        { "metric": "us", "op": "<=", "value": 0 },
        { "metric": "load", "op": ">", "value": 10 }
      ],
      "contingency": "Engineering and product leadership are asked for SWEs to help customers directly with the issues CS-triage shares.",
      "alerts": ["#prod-eng-announce"],
      "coordination": ["engineering"]
    }
  ]
}
"""#

    /// The handbook's policy, first-level reading.
    public static let handbook: Policy = {
        do { return try Policy.decode(json: defaultJSON, source: "built-in policy") } catch { fatalError("the built-in policy is invalid: \(error)") }
    }()
}
