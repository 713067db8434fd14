/// Why each record of a reader's batch cannot be taken, found while the batch is parsed a
/// column at a time (`FieldParser.parse(column:...)`).
///
/// The references of a batch are parsed after its other columns (their index slots load in
/// the meantime), so a record may fail at a later column first; a failure at an earlier
/// column then replaces it, and the reason given is always the first failing column's.
package struct BatchFailures {
    /// Per record: the column of its first failing field so far; `Int32.max` while none has
    /// failed; -1 when the record did not split into the header's fields (nothing is parsed).
    let column: UnsafeMutablePointer<Int32>
    let failure: UnsafeMutablePointer<FieldParser.Failure>

    /// Room for `count` records; `free()` releases it.
    package init(count: Int) {
        column = .allocate(capacity: count)
        column.initialize(repeating: .max, count: count)
        failure = .allocate(capacity: count)
        failure.initialize(repeating: .empty, count: count)
    }

    package func free() {
        column.deallocate()
        failure.deallocate()
    }

    /// Starts record `k` of a new batch: with no failure, or, when it did not split into the
    /// header's fields, with none of its fields to parse.
    package func start(record k: Int, whole: Bool) { column[k] = whole ? .max : -1 }

    @inline(__always)
    func set(record k: Int, column index: Int32, _ reason: FieldParser.Failure) {
        column[k] = index
        failure[k] = reason
    }

    /// The first failing column of record `k` and why, if a field failed.
    package func field(record k: Int) -> (column: Int, failure: FieldParser.Failure)? {
        let index = column[k]
        return index >= 0 && index != .max ? (Int(index), failure[k]) : nil
    }
}
