/// A growable list kept from record to record, whose elements can be lent out without
/// copying until it next changes: the scanner's fields and undoubled values. Emptied by
/// setting its count, and added to without asking whether it is shared, as an array's
/// `removeAll(keepingCapacity:)` and `append` did for every field of every record.
final class ReusedBuffer<Element: BitwiseCopyable> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { count == 0 }

    func removeAll() { count = 0 }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index out of range")
        return storage[index]
    }

    func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        (storage + count).initialize(to: element)
        count += 1
    }

    func append(_ elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(toHold: count + elements.count) }
        (storage + count).update(from: source, count: elements.count)
        count += elements.count
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count)
    }

    private func grow(toHold needed: Int) {
        var newCapacity = max(capacity * 2, 16)
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }
}
