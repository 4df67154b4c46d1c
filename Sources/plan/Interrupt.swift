import Dispatch
import Foundation
import Synchronization

/// Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP) as a request the run polls between
/// blocks and while it writes its files, rather than the default death, so that an interrupted
/// run ends cleanly and writes nothing. (A kill that cannot be caught, SIGKILL, still cannot lose
/// data: `OutputDirectory` keeps the old or the new folder in place at every moment.)
final class Interrupt: Sendable {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// The signal that asked to stop, or 0.
    private let requested = Atomic<Int32>(0)

    /// The signals caught for a run; `release` gives them back their earlier handling.
    struct Catching {
        let sources: [any DispatchSourceSignal]
        let previous: [(signal: Int32, action: sigaction)]

        /// Stops catching: after the run a signal acts as it did before it (by default, it ends
        /// the process), also while the result is posted to Slack.
        func release() {
            sources.forEach { $0.cancel() }
            for (number, action) in previous {
                var action = action
                sigaction(number, &action, nil)
            }
        }
    }

    /// Starts catching the signals until `release` is called on the result.
    func catchSignals() -> Catching {
        var previous: [(signal: Int32, action: sigaction)] = []
        let sources = Self.signals.map { number in
            var action = sigaction()
            sigaction(number, nil, &action)
            previous.append((number, action))
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in _ = requested.compareExchange(expected: 0, desired: number, ordering: .relaxed) }
            source.resume()
            return source
        }
        return Catching(sources: sources, previous: previous)
    }

    var received: Int32? {
        let number = requested.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    @Sendable func isRequested() -> Bool { received != nil }
}
