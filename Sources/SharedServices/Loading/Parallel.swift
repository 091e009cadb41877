import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Running independent pieces of work on every core.
enum Parallel {
    static let coreCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// The fewest rows worth splitting across the cores: below it, starting the pieces
    /// costs more than they save.
    static let worthSplitting = 65_536

    /// `0..<count` cut into `pieceCount` consecutive ranges differing in size by at most one.
    static func ranges(splitting count: Int, into pieceCount: Int) -> [Range<Int>] {
        (0..<pieceCount).map { count * $0 / pieceCount..<count * ($0 + 1) / pieceCount }
    }

    /// `0..<count` in `perCore` pieces a core when it holds at least `splittingFrom`, else
    /// whole. More than one a core where pieces take uneven time, so that no core waits
    /// long on the last.
    static func pieces(of count: Int, splittingFrom: Int = worthSplitting, perCore: Int = 1) -> [Range<Int>] {
        ranges(splitting: count, into: count >= splittingFrom ? coreCount * perCore : 1)
    }

    /// `work(0) … work(count - 1)`, run on all cores, in order. `waiting`, if given, is
    /// called on this thread every 50 ms until they are done (to draw progress), while
    /// this thread only waits: give it only on a thread of its own, such as the main one.
    static func map<Result: Sendable>(
        _ count: Int, waiting: (() -> Void)? = nil, _ work: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        if count <= 1 || coreCount == 1 { return (0..<count).map(work) }
        let results = ResultSlots<Result>(count: count)
        guard let waiting else {
            // This thread takes pieces too. Only waiting for the pool could starve: called
            // from a pool thread (a Swift task, a test) while the pool's other threads are
            // busy or waiting likewise, the pieces sat queued for seconds until the pool
            // grew (measured: 3.4 s for a search taking 1 ms).
            DispatchQueue.concurrentPerform(iterations: count) { index in results.store(work(index), at: index) }
            return results.collect()
        }
        let group = DispatchGroup()
        for index in 0..<count {
            DispatchQueue.global().async(group: group) { results.store(work(index), at: index) }
        }
        while group.wait(timeout: .now() + .milliseconds(50)) == .timedOut { waiting() }
        return results.collect()
    }
}

/// One slot per piece of work, each written by exactly one thread before `collect`
/// reads them all after the group is done: safe to share across threads.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    func store(_ result: Result, at index: Int) { slots[index] = result }

    func collect() -> [Result] { slots.compactMap { $0 } }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }
}
