import Calendars
import InputFormats
import OutputFormats
import Scenarios
import WhatIf

/// One thing that can be bought: SEs of a group on the days of a range, at a price per SE and day,
/// at most `maxPerDay` of them on any day. A named option is an SE of the team working days they
/// are not scheduled (leave, a weekend, a holiday).
public struct CoverOption: Sendable, Hashable {
    public let option: String
    public let group: String
    public let dates: DateRange
    public let costPerDay: Double
    public let maxPerDay: Int
    /// The SE of the team who would work, or nil for SEs from outside the team (contractors).
    public let name: String?
    /// Whether the cover can fall sick like the team (the scenario's spell model) or always works.
    public let fallsSick: Bool
    /// The pool file's line, for messages.
    public let line: Int

    public init(
        option: String, group: String, dates: DateRange, costPerDay: Double, maxPerDay: Int, name: String? = nil,
        fallsSick: Bool = true, line: Int
    ) {
        self.option = option
        self.group = group
        self.dates = dates
        self.costPerDay = costPerDay
        self.maxPerDay = maxPerDay
        self.name = name
        self.fallsSick = fallsSick
        self.line = line
    }
}

/// The options a cover may be made of: `option,group,from,to,cost_per_day,max_per_day[,name][,sickness]`.
public struct CoverPool: Sendable {
    public let options: [CoverOption]
    public let source: String

    public init(options: [CoverOption], source: String) {
        self.options = options
        self.source = source
    }

    /// The most SEs one option may add on a day: the model holds one SE per unit.
    public static let largestPerDay = 50
    /// The highest price per SE and day accepted.
    public static let largestCost = 1e9
    public static let columns = ["option", "group", "from", "to", "cost_per_day", "max_per_day"]

    /// Reads a pool file against the scenario. Throws every problem at once, `file:line:` each: a
    /// missing column, an empty pool, dates that do not parse or lie outside the horizon, an unknown
    /// group or SE, an SE of another group, a cost that is negative or not a number, a `max_per_day`
    /// that is not a whole number from 1 (1 for a named SE), a `sickness` other than yes or no, an
    /// option named twice.
    ///
    /// - Complexity: O(length of `text` + rows × team size).
    public static func read(csv text: String, source: String, scenario: Scenario) throws(WhatIfError) -> CoverPool {
        let table: CSVTable
        do throws(CSVError) {
            table = try CSVTable(text: text, source: source)
            try table.requireDistinctColumns(source: source)
            for column in columns { _ = try table.requireColumn(column, of: columns, source: source) }
        } catch {
            throw WhatIfError(error.description)
        }
        guard !table.rows.isEmpty else {
            throw WhatIfError("\(source):1: the pool is empty (expected one row per option after the header: \(columns.joined(separator: ",")))")
        }
        let index = Dictionary(uniqueKeysWithValues: (columns + ["name", "sickness"]).compactMap { c in table.column(c).map { (c, $0) } })
        let groups = scenario.groups.map(\.name)
        var problems: [LineMessage] = []
        var options: [CoverOption] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            func fail(_ message: String) { problems.append(LineMessage(source: source, line: row.line, message: message)) }
            func field(_ column: String) -> String {
                guard let i = index[column], i < row.fields.count else { return "" }
                return row.fields[i].trimmingSpaces
            }
            let before = problems.count
            let option = field("option")
            if option.isEmpty { fail("option: expected a name for the option") }
            if let other = firstLine[option], !option.isEmpty { fail("option \"\(option)\" is already defined on line \(other)") }
            firstLine[option] = firstLine[option] ?? row.line
            let group = field("group")
            if !groups.contains(group) { fail("group \"\(group)\" is not defined; the groups are \(groups.joined(separator: ", "))") }
            var dates: DateRange?
            if let from = CivilDate(iso: Substring(field("from"))), let to = CivilDate(iso: Substring(field("to"))) {
                if to < from {
                    fail("to \(to) is before from \(from)")
                } else if from < scenario.horizon.first || scenario.horizon.last < to {
                    fail("\(from)…\(to) is outside the horizon \(DateRange(scenario.horizon.first...scenario.horizon.last)); cover is bought for reported days only")
                } else {
                    dates = DateRange(from...to)
                }
            } else {
                fail("from \"\(field("from"))\" and to \"\(field("to"))\": expected dates YYYY-MM-DD")
            }
            let cost = Double(field("cost_per_day"))
            if cost == nil || !cost!.isFinite || cost! < 0 || cost! > largestCost {
                fail("cost_per_day \"\(field("cost_per_day"))\": expected a number from 0 to \(NumberFormat.plain(largestCost))")
            }
            let perDay = Int(field("max_per_day"))
            if perDay == nil || !(1...largestPerDay).contains(perDay!) {
                fail("max_per_day \"\(field("max_per_day"))\": expected a whole number from 1 to \(largestPerDay)")
            }
            let name = field("name").isEmpty ? nil : field("name")
            if let name {
                if let engineer = scenario.team.first(where: { $0.name == name }) {
                    if engineer.group != group { fail("\(name) is in group \(engineer.group), not \(group)") }
                } else {
                    fail("name \"\(name)\": the team has no such SE")
                }
                if let perDay, perDay > 1 { fail("max_per_day \(perDay): a named SE works at most once a day; expected 1") }
            }
            var fallsSick = true
            switch field("sickness").lowercased() {
            case "", "yes", "true", "1": fallsSick = true
            case "no", "false", "0": fallsSick = false
            default: fail("sickness \"\(field("sickness"))\": expected yes or no (whether the cover can fall sick)")
            }
            guard problems.count == before, let dates, let cost, let perDay else { continue }
            options.append(CoverOption(
                option: option, group: group, dates: dates, costPerDay: cost, maxPerDay: perDay, name: name, fallsSick: fallsSick, line: row.line))
        }
        guard problems.isEmpty else { throw WhatIfError(LineMessages(problems).description) }
        return CoverPool(options: options, source: source)
    }
}
