import Testing
import CapacityPolicy

/// Properties the handbook policy must have under both readings: fewer SEs working never lowers
/// the level, and more open cases never lowers it.
@Suite struct PolicyPropertyTests {
    @Test(arguments: Reading.allCases)
    func fewerSEsNeverLowerTheLevel(reading: Reading) {
        let table = EffectiveTable(Policy.handbook.with(reading: reading))
        for emea in 0...6 {
            for us in 0...15 {
                for open in 0...200 {
                    let level = table.evaluate(Observation([emea, us, open])).level
                    if emea > 0 { #expect(table.evaluate(Observation([emea - 1, us, open])).level >= level) }
                    if us > 0 { #expect(table.evaluate(Observation([emea, us - 1, open])).level >= level) }
                }
            }
        }
    }

    @Test(arguments: Reading.allCases)
    func moreOpenCasesNeverLowerTheLevel(reading: Reading) {
        let table = EffectiveTable(Policy.handbook.with(reading: reading))
        for emea in 0...6 {
            for us in 0...15 {
                var previous = table.evaluate(Observation([emea, us, 0])).level
                for open in 1...200 {
                    let level = table.evaluate(Observation([emea, us, open])).level
                    #expect(level >= previous, "emea \(emea) us \(us) open \(open)")
                    previous = level
                }
            }
        }
    }
}
