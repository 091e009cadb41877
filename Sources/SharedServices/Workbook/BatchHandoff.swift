import Foundation

/// Hands batches from a thread that makes them to one that uses them, holding at most
/// `capacity` batches between the two: the maker waits when the user falls behind, so
/// memory stays bounded however long the sheet.
final class BatchHandoff<Item: Sendable>: @unchecked Sendable {
    // Every property is read and written with `condition` locked.
    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var isFinished = false
    private var failure: (any Error)?
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func put(_ batch: [Item]) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// No more batches will come; `failure`, if given, is thrown once the batches before it are taken.
    func finish(failure: (any Error)?) {
        condition.lock()
        isFinished = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil once the maker has finished and every batch is taken.
    func take() throws -> [Item]? {
        condition.lock()
        while batches.isEmpty && !isFinished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            condition.unlock()
            return batch
        }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
        return nil
    }
}

/// A value that one thread hands to another and never touches again, such as a workbook's
/// archive given to the thread that inflates its sheet.
final class HandedOver<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
