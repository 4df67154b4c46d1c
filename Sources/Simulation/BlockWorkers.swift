import Dispatch
import Foundation
import Statistics
import Synchronization

/// Hands the blocks of a run to worker threads: each worker takes the next block index until none
/// is left, so fast and slow workers share the load, and what a block computes depends only on its
/// index (its seeds), never on the worker that took it.
enum BlockWorkers {
    /// Runs `work` for every block in `blocks` on up to `threads` workers. Each worker builds its
    /// state once with `start` (its kernels and tally), and its `finish`ed state is returned, one
    /// per worker, for the caller to merge. `isCancelled` is polled between blocks; a cancelled run
    /// throws.
    static func run<State, Output: Sendable>(
        blocks: Range<Int>, threads: Int,
        isCancelled: @escaping @Sendable () -> Bool,
        start: @escaping @Sendable () throws(GSLError) -> State,
        work: @escaping @Sendable (inout State, Int) -> Void,
        finish: @escaping @Sendable (State) -> Output
    ) throws -> [Output] {
        let workers = max(1, min(threads, blocks.count))
        let next = Mutex(blocks.lowerBound)
        let results = Slots<Result<Output, GSLError>>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do throws(GSLError) {
                var state = try start()
                while !isCancelled() {
                    let block = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard block < blocks.upperBound else { break }
                    work(&state, block)
                }
                results.store(.success(finish(state)), at: worker)
            } catch {
                results.store(.failure(error), at: worker)
            }
        }
        if isCancelled() { throw SimulationError("interrupted") }
        return try results.all().map { try $0.get() }
    }
}

/// One slot per worker; each worker writes only its own.
private final class Slots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func all() -> [Value] { values.compactMap { $0 } }
}
