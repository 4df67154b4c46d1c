import Testing
import Reports

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.12345, 4, "0.1235"), (1.0, 2, "1.00"), (-0.004, 2, "0.00"), (-2.5, 0, "-3"), (12.3456, 1, "12.3"),
        (Double.infinity, 3, "inf"), (0.1 + 0.2, 3, "0.300"), (1234567.891, 2, "1234567.89"),
    ])
    func fixedDecimals(value: Double, digits: Int, text: String) {
        #expect(NumberFormat.fixed(value, digits) == text)
    }
}
