import CGSL
import Synchronization

/// GSL's process-wide state, set up once before any GSL call. Its default error handler calls
/// `abort()`; a planning tool must report, not crash, so the handler is switched off and every
/// caller reads GSL's status codes (`GSLError`) or checks its answers (`Quantile`).
///
/// `plan` calls `setUp()` first thing in `main`; a test or another program that calls GSL through
/// this package's modules calls it too. The modules' own entry points into GSL (the random
/// generator, calibration's minimisers, roots and quantiles) call it as well, so that a library
/// caller who forgot it still gets an error rather than an abort: it is the same one set-up, done
/// once, whoever comes first.
public enum GSLRuntime {
    private static let done = Atomic<Bool>(false)
    private static let handlerOff: Void = {
        _ = gsl_set_error_handler_off()
        done.store(true, ordering: .releasing)
    }()

    /// Switches GSL's aborting error handler off, once per process. Cheap after the first call.
    public static func setUp() {
        _ = handlerOff
    }

    /// Whether `setUp()` has run in this process.
    public static var isSetUp: Bool { done.load(ordering: .acquiring) }
}
