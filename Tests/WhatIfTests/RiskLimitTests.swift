import Testing
@testable import WhatIf

@Suite struct RiskLimitTests {
    @Test(arguments: [
        ("ge4<=0.20", RiskLimit(level: 4, probability: 0.2)),
        ("ge4<0.2", RiskLimit(level: 4, probability: 0.2, allowsEqual: false)),
        (" GE3≤0.05 ", RiskLimit(level: 3, probability: 0.05)),
    ])
    func parses(text: String, limit: RiskLimit) throws {
        #expect(try RiskLimit(parsing: text) == limit)
    }

    @Test(arguments: ["ge4=0.2", "4<=0.2", "ge<=0.2", "ge4<=1.5", "ge4<=", "ge4<=0.2x"])
    func refuses(text: String) {
        #expect(throws: WhatIfError(
            "\(text): expected ge<k><=<p> such as ge4<=0.20 (P(level ≥ 4) at most 0.20 at every check), or ge4<0.2")) {
            try RiskLimit(parsing: text)
        }
    }

    @Test func strictAndInclusiveLimits() {
        #expect(!RiskLimit(level: 4, probability: 0.2).isExceeded(by: 0.2))
        #expect(RiskLimit(level: 4, probability: 0.2, allowsEqual: false).isExceeded(by: 0.2))
    }
}
