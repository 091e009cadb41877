/// Finding the k-th smallest value without sorting everything (Hoare's selection).
enum Selection {
    /// Rearranges `values` so that `values[k]` is the value a sort would put there, every
    /// value before it is at most it and every value after at least it; returns it.
    /// Expected time linear in the count; `k` must be a valid index of the slice.
    static func select<Values: MutableCollection & RandomAccessCollection>(
        _ k: Int, in values: inout Values
    ) -> Int64 where Values.Element == Int64, Values.Index == Int {
        var low = values.startIndex
        var high = values.endIndex - 1
        var generator = SplitMix64(seed: UInt64(values.count))
        while low < high {
            // A random pivot keeps sorted or repetitive input from making it quadratic.
            let pivot = values[low + Int(generator.next() % UInt64(high - low + 1))]
            var left = low
            var right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while values[right] > pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if k <= right {
                high = right
            } else if k >= left {
                low = left
            } else {
                break  // between right and left every value equals the pivot
            }
        }
        return values[k]
    }
}
