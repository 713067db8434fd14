import CPrefetch
import CSVReading

/// Maps the key values of a table to their row numbers, looked up by the field's bytes so
/// that a reference costs no `String`.
///
/// Open addressing with linear probing. A key of up to 16 bytes (every id of the data
/// contract) is held in its slot, so a look-up is one hash over two words and, almost always,
/// one cache line: with hundreds of thousands of participants the table is far larger than
/// the cache, and each further dependent load would be a miss. Longer keys keep their bytes
/// in an arena and their hash in the slot.
///
/// A class, so that a look-up per field passes one reference; it is filled while its table
/// is read and only read after that.
///
/// Unchecked `Sendable`: it is filled by the one thread that reads its table (or, for an
/// enum's values, by `EnumValues.init`), and reaches other threads — the chunks of a file
/// that refers to the table, each project's scan of a shared schema — only after that, to be
/// read; no one inserts into an index another thread can see. Its `var`s are
/// `@exclusivity(unchecked)`: besides that, no method holds an access to one open across a call
/// that could come back to it (the overlap the run-time checks look for, which across targets
/// would cost the run: BENCHMARKS.md, "The split into nine targets").
public final class KeyIndex: @unchecked Sendable {
    @usableFromInline struct Slot: Sendable {
        /// The key's bytes, zero-padded (short keys); or its hash and arena offset (long keys).
        @usableFromInline var first: UInt64
        @usableFromInline var second: UInt64
        /// Byte count of the key; -1 for an empty slot.
        @usableFromInline var length: Int32
        @usableFromInline var row: Int32

        static let empty = Slot(first: 0, second: 0, length: -1, row: 0)
    }

    /// A key read into the form its slot holds.
    @usableFromInline struct Probe {
        @usableFromInline var first: UInt64
        @usableFromInline var second: UInt64
        @usableFromInline var length: Int32
        @usableFromInline var hash: UInt64

        @inlinable init(first: UInt64, second: UInt64, length: Int32, hash: UInt64) {
            (self.first, self.second, self.length, self.hash) = (first, second, length, hash)
        }
    }

    @inlinable static var inlineBytes: Int { 16 }
    @exclusivity(unchecked) @usableFromInline var slots: [Slot]
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var arena: [UInt8] = []

    /// An index with room for `keys` keys before it first grows (each growth moves every
    /// key to a new slot, a cache miss apiece).
    package init(reservingFor keys: Int = 0) {
        var count = 16
        while count < 2 * keys { count *= 2 }
        slots = [Slot](repeating: .empty, count: count)
    }

    /// Adds a key; `false` when it is already there.
    func insert(_ key: String, row: Int32) -> Bool {
        var key = key
        return key.withUTF8 { insertOrFind(UnsafeRawBufferPointer($0), row: row) == nil }
    }

    /// Adds a key, or returns the row already stored for it.
    package func insertOrFind(_ key: UnsafeRawBufferPointer, row: Int32) -> Int32? {
        let probe = KeyIndex.probe(key)
        let slot = find(probe, key)
        if slots[slot].length >= 0 { return slots[slot].row }
        var stored = Slot(first: probe.first, second: probe.second, length: probe.length, row: row)
        if key.count > KeyIndex.inlineBytes {
            stored.first = probe.hash
            stored.second = UInt64(arena.count)
            arena.append(contentsOf: key)
        }
        slots[slot] = stored
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    /// Starts loading the slots where the keys of field `position` of the reader's batch of
    /// records will be looked for, so that the look-ups a few rows later find them in the
    /// cache: the table is far larger than the cache and attendance names participants in no
    /// order, so each look-up is otherwise a miss that the next waits for.
    @inlinable
    public func prefetch(fieldAt position: Int, of reader: CSVReader) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            for k in 0..<reader.batchCount {
                guard let field = reader.fieldAhead(position, ofRecord: k) else { continue }
                let slot = slots.baseAddress! + (Int(truncatingIfNeeded: KeyIndex.probe(FieldParser.trim(field)).hash) & mask)
                // A 24-byte slot may straddle two cache lines: load both ends.
                oe_prefetch_range(slot, UnsafeRawPointer(slot) + (MemoryLayout<Slot>.size - 1))
            }
        }
    }

    @inlinable
    public func row(for key: UnsafeRawBufferPointer) -> Int32? {
        let slot = find(KeyIndex.probe(key), key)
        return slots[slot].length >= 0 ? slots[slot].row : nil
    }

    /// The slot holding the key, or the empty slot where it would go.
    @inlinable @inline(__always)
    func find(_ probe: Probe, _ key: UnsafeRawBufferPointer) -> Int {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: probe.hash) & mask
            while true {
                let stored = slots[slot]
                if stored.length < 0 { return slot }
                if stored.length == probe.length {
                    if key.count <= KeyIndex.inlineBytes {
                        if stored.first == probe.first && stored.second == probe.second { return slot }
                    } else if stored.first == probe.hash && sameBytes(key, at: Int(stored.second)) {
                        return slot
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @usableFromInline
    func sameBytes(_ key: UnsafeRawBufferPointer, at start: Int) -> Bool {
        arena.withUnsafeBytes { arena in
            UnsafeRawBufferPointer(rebasing: arena[start..<(start + key.count)]).elementsEqual(key)
        }
    }

    private func grow() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        let mask = slots.count - 1
        for stored in old where stored.length >= 0 {
            var slot = Int(truncatingIfNeeded: rehash(stored)) & mask
            while slots[slot].length >= 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
        }
    }

    /// The hash of a stored key, from its slot (and the arena for a long one).
    private func rehash(_ stored: Slot) -> UInt64 {
        if Int(stored.length) > KeyIndex.inlineBytes { return stored.first }
        return KeyIndex.mix(stored.first, stored.second, length: stored.length)
    }

    @inlinable @inline(__always)
    static func probe(_ key: UnsafeRawBufferPointer) -> Probe {
        if key.count <= inlineBytes {
            let first = word(key, from: 0)
            let second = word(key, from: 8)
            return Probe(first: first, second: second, length: Int32(key.count), hash: mix(first, second, length: Int32(key.count)))
        }
        var hash: UInt64 = 0
        var offset = 0
        while offset < key.count {
            hash = mix(hash, word(key, from: offset), length: Int32(key.count))
            offset += 8
        }
        return Probe(first: 0, second: 0, length: Int32(key.count), hash: hash)
    }

    /// Up to eight bytes from `offset`, little-endian, zero beyond the key's end.
    @inlinable @inline(__always)
    static func word(_ key: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        let count = key.count - offset
        if count >= 8 { return UInt64(littleEndian: key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        if count >= 4 {
            // Two four-byte loads that overlap (a 7-byte id is most ids here); the bytes they
            // share land on the same places, so OR-ing them is exact.
            let low = UInt64(UInt32(littleEndian: key.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: key.loadUnaligned(fromByteOffset: offset + count - 4, as: UInt32.self)))
            return low | high << UInt64((count - 4) * 8)
        }
        var word: UInt64 = 0
        var i = key.count - 1
        while i >= offset {
            word = word << 8 | UInt64(key[i])
            i -= 1
        }
        return word
    }

    /// Two words and a length into one well-spread hash (multiply-xorshift).
    @inlinable @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64, length: Int32) -> UInt64 {
        var h = (a ^ UInt64(UInt32(bitPattern: length))) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = (h ^ b) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 29)
    }
}
