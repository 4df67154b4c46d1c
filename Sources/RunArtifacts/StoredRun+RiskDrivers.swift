extension StoredRun {
    /// Read when present: `plan simulate --intervals FIT.json` writes it (`plan sensitivity`'s CSV).
    static let sensitivityFileName = "sensitivity.csv"

    /// What the report shows of `sensitivity.csv`: each input's largest change in expected checks
    /// at ≥ k over the two ends of its range, and the stress run's.
    public struct RiskDriver: Sendable, Equatable {
        public let input: String
        public let label: String
        public let range: String
        /// Each end's value as written, and the change in expected checks it brings.
        public let lowValue: String
        public let lowChange: Double
        public let highValue: String
        public let highChange: Double

        public var swing: Double { max(abs(lowChange), abs(highChange)) }
    }

    /// The inputs of `sensitivity.csv` in its order (the tornado's), and the stress row's change.
    /// A file written before the CSV column convention names the level `k`; both names read.
    static func riskDrivers(_ text: String, source: String) throws(RunFileError) -> (drivers: [RiskDriver], stress: Double?, level: Int?) {
        let table = try RunTableReader(
            text: text, source: source, required: ["input", "label", "low", "high", "end", "end_value", "change", "level"], formerNames: ["level": "k"])
        let level = try table.rows.first.map { row throws(RunFileError) in try row.count("level") }
        var drivers: [RiskDriver] = []
        var stress: Double?
        var pending: (input: String, label: String, range: String, value: String, change: Double)?
        for row in table.rows {
            let input = row.value("input")
            let change = try row.number("change")
            if input == "stress" {
                stress = change
                continue
            }
            if row.value("end") == "low" {
                pending = (input, row.value("label"), "\(row.value("low"))…\(row.value("high"))", row.value("end_value"), change)
            } else if let low = pending, low.input == input {
                drivers.append(RiskDriver(
                    input: input, label: low.label, range: low.range, lowValue: low.value, lowChange: low.change,
                    highValue: row.value("end_value"), highChange: change))
                pending = nil
            } else {
                throw row.problem("end", "a high end without its low end; the file is not what plan writes")
            }
        }
        return (drivers, stress, level)
    }
}
