/// Scratch state of the row loop (the table scan, the batch feeder), owned by one loop.
extension UnsafeMutableBufferPointer {
    /// A new buffer of `count` copies of `value`, for state the row loop writes in place;
    /// `free()` it when done.
    static func filled(with value: Element, count: Int) -> Self {
        let buffer = allocate(capacity: count)
        _ = buffer.initialize(from: repeatElement(value, count: count))
        return buffer
    }

    func free() {
        _ = deinitialize()
        deallocate()
    }
}
