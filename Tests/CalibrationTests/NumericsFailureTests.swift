import Statistics
import Testing
@testable import Calibration

/// A GSL failure inside a fit reaches the user as the fit that failed and what to do, one line.
@Suite struct NumericsFailureTests {
    @Test func aGSLFailureNamesTheFit() throws {
        #expect(throws: CalibrationError.self) { try CalibrationFit.numerics("the inflow") { () throws -> Int in throw GSLError.maxIterations } }
        do {
            _ = try CalibrationFit.numerics("sickness") { () throws -> Int in throw GSLError.maxIterations }
        } catch {
            let text = "\(error)"
            #expect(text.hasPrefix("fitting sickness failed in GSL's numerics ("))
            #expect(text.hasSuffix("widen from..to") && !text.contains("\n"))
        }
        #expect(try CalibrationFit.numerics("the inflow") { 7 } == 7)
    }
}
