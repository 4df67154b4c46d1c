import Foundation
import Reports
import Pipeline
import Synchronization

/// The progress line on standard error, redrawn at most ten times a second; silent when standard
/// error is not a terminal, so that logs and pipes get no control characters.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)

    init(enabled: Bool) { self.enabled = enabled }

    @Sendable func update(done: Int, planned: Int?) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = lastDrawn.withLock { last -> Bool in
            if let last, now - last < .milliseconds(100), done != planned { return false }
            last = now
            return true
        }
        if due { FileHandle.standardError.write(Data(("\r" + ProgressLine.text(done: done, planned: planned)).utf8)) }
    }

    @Sendable func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// This bar as the run pipeline's progress.
    var progress: RunPipeline.Progress { RunPipeline.Progress(update: update, clear: clear) }
}
