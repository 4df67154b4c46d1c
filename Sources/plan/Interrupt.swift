import Dispatch
import Foundation
import Synchronization

/// Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP) as a request the run polls between
/// blocks, rather than the default death, so that an interrupted run ends cleanly and writes
/// nothing. (A kill that cannot be caught, SIGKILL, still cannot lose data: `OutputDirectory`
/// keeps the old or the new folder in place at every moment.)
final class Interrupt: Sendable {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// The signal that asked to stop, or 0.
    private let requested = Atomic<Int32>(0)

    /// Starts catching the signals; they are caught for as long as the returned sources are kept.
    func catchSignals() -> [any DispatchSourceSignal] {
        Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in _ = requested.compareExchange(expected: 0, desired: number, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    var received: Int32? {
        let number = requested.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    @Sendable func isRequested() -> Bool { received != nil }
}
