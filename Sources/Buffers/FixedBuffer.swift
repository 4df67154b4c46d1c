/// A fixed number of elements in one allocation that the buffer owns and frees.
///
/// The hot loops (the trial kernel, the compiled policy, the Poisson tables) read their numbers
/// through this type rather than through arrays: an element access is a pointer offset with no
/// copy-on-write, exclusivity or (in release builds) bounds check. This is the one place in the
/// package that allocates and frees such memory; everything else addresses it through named
/// accessors. Under `PLAN_INTERNAL_CHECKS` every access is bounds-checked.
///
/// Not thread-safe to write: a buffer is either read-only after construction (shared tables) or
/// owned by one worker (scratch space).
public final class FixedBuffer<Element> {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    public let count: Int

    /// A buffer holding a copy of `elements`. O(n).
    public init(_ elements: some Collection<Element>) {
        count = elements.count
        base = .allocate(capacity: Swift.max(1, count))
        _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: elements)
    }

    /// A buffer of `count` copies of `value`. O(n).
    public init(repeating value: Element, count: Int) {
        self.count = count
        base = .allocate(capacity: Swift.max(1, count))
        base.initialize(repeating: value, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// O(1).
    @inlinable
    public subscript(i: Int) -> Element {
        get {
            checkIndex(i)
            return base[i]
        }
        set {
            checkIndex(i)
            base[i] = newValue
        }
    }

    /// Overwrites every element with `source`'s, which must have the same count. O(n).
    @inlinable
    public func assign(from source: FixedBuffer<Element>) {
        precondition(source.count == count, "assigning \(source.count) elements to a buffer of \(count)")
        base.update(from: source.base, count: count)
    }

    /// Sets every element to `value`. O(n).
    @inlinable
    public func assign(repeating value: Element) { base.update(repeating: value, count: count) }

    /// The elements, for code that takes a buffer pointer; valid while this buffer lives. O(1).
    @inlinable
    public var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inlinable @inline(__always)
    func checkIndex(_ i: Int) {
        #if PLAN_INTERNAL_CHECKS
        precondition(i >= 0 && i < count, "index \(i) outside a buffer of \(count)")
        #endif
    }
}

extension FixedBuffer: RandomAccessCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
}
