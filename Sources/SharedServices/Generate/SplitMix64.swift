/// A small, fast, seedable generator with a published algorithm, so that a seed gives
/// the same register on every machine and every Swift version (the standard library's
/// generator promises neither). Integer arithmetic only.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's method, no modulo bias); 0 when the
    /// range is empty.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        let product = next().multipliedFullWidth(by: UInt64(bound))
        var high = product.high
        var low = product.low
        if low < UInt64(bound) {
            let threshold = (0 &- UInt64(bound)) % UInt64(bound)
            while low < threshold {
                let again = next().multipliedFullWidth(by: UInt64(bound))
                high = again.high
                low = again.low
            }
        }
        return Int(high)
    }

    public mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `numerator / denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        below(denominator) < numerator
    }

    /// An index chosen with the given integer weights.
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var pick = below(max(total, 1))
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }

    /// Fisher–Yates, with this generator's own bounded integers.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
    }
}
