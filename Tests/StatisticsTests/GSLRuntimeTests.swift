import CGSL
import Testing
import Statistics

/// After the one set-up, a GSL call outside its domain returns a status (or NaN) instead of
/// calling GSL's default handler, which would abort the test process.
struct GSLRuntimeTests {
    @Test func aDomainErrorIsAStatusAfterSetUp() throws {
        GSLRuntime.setUp()
        #expect(GSLRuntime.isSetUp)
        var result = gsl_sf_result()
        // ln Γ(0) is a pole: GSL_EDOM with the handler off.
        let status = gsl_sf_lngamma_e(0, &result)
        #expect(GSLError(rawValue: status) == .domain)
        #expect(throws: GSLError.domain) { try GSLError.check(status) }
    }

    @Test func setUpIsIdempotent() {
        GSLRuntime.setUp()
        GSLRuntime.setUp()
        #expect(GSLRuntime.isSetUp)
    }
}
