import OutputFormats
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.12345, 4, "0.1235"), (1.0, 2, "1.00"), (0.0, 3, "0.000"), (-0.004, 2, "0.00"), (-2.5, 0, "-3"), (2.5, 0, "3"),
        (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (12.3456, 1, "12.3"), (Double.infinity, 3, "inf"), (-Double.infinity, 1, "-inf"),
        (0.1 + 0.2, 3, "0.300"), (1234567.891, 2, "1234567.89"), (-1234567.891, 2, "-1234567.89"), (0.05, 4, "0.0500"),
    ])
    func fixedDecimals(value: Double, digits: Int, text: String) {
        #expect(NumberFormat.fixed(value, digits) == text)
    }

    @Test(arguments: [(30.0, "30"), (1.1, "1.1"), (0.0, "0"), (-2.5, "-2.5"), (0.1234567, "0.123457"), (1e7, "10000000")])
    func plainNumbers(value: Double, text: String) {
        #expect(NumberFormat.plain(value) == text)
    }

    @Test(arguments: [(60.0, "60"), (20.0 / 3, "6.67"), (0.5, "0.50"), (0.005, "0.01"), (0.0, "0"), (Double.infinity, "+inf")])
    func metrics(value: Double, text: String) {
        #expect(NumberFormat.metric(value) == text)
    }

    @Test(arguments: [(0.05, "+0.050"), (-0.05, "−0.050"), (0.0, "+0.000"), (-0.0001, "+0.000"), (-0.0005, "−0.001")])
    func signedChanges(value: Double, text: String) {
        #expect(NumberFormat.signed(value, 3) == text)
    }

    @Test(arguments: [
        (0, "0"), (999, "999"), (1000, "1,000"), (20000, "20,000"), (200000, "200,000"), (1_234_567, "1,234,567"),
        (-1000, "-1,000"), (-200, "-200"), (Int.max, "9,223,372,036,854,775,807"), (Int.min, "-9,223,372,036,854,775,808"),
    ])
    func thousands(n: Int, text: String) {
        #expect(NumberFormat.thousands(n) == text)
    }

    @Test(arguments: [(0.0, "0%"), (0.004, "<1%"), (0.005, "1%"), (0.125, "13%"), (0.344, "34%"), (0.994, "99%"), (0.996, ">99%"), (1.0, "100%")])
    func percentages(p: Double, text: String) {
        #expect(NumberFormat.percent(p) == text)
    }

    @Test func percentagePoints() {
        #expect(NumberFormat.points(0.0022) == "0.22")
        #expect(NumberFormat.points(0.03125) == "3.13")
    }
}
