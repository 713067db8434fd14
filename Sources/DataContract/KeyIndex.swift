import CPrefetch
import CSVReading

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps the key values of a table to their row numbers, looked up by the field's bytes so
/// that a reference costs no `String`.
///
/// Open addressing with linear probing, sixteen bytes a slot, so that four slots share a cache
/// line and none straddles two: with hundreds of thousands of participants the table is far
/// larger than the cache, a look-up's line is a miss, and attendance asks for one per row. A
/// key of up to 8 bytes (`P000123`, every id of the sample data) is held in its slot, so a
/// look-up is one hash of one word and one line; a longer key keeps its hash in the slot and
/// its bytes and row beside the table (`longKeys`, `arena`), read only when the hash matches.
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
///
/// Public, with `@inlinable` look-ups, only so that the scan in another target inlines them:
/// Swift 6.3 inlines no `@inlinable` body of a `package` type across targets.
@usableFromInline package final class KeyIndex: @unchecked Sendable {
    @usableFromInline struct Slot: Sendable {
        /// A short key's bytes, zero-padded; a long key's hash.
        @usableFromInline var key: UInt64
        /// The key's byte count plus one in the high 32 bits (0: an empty slot); in the low 32,
        /// a short key's row, or a long key's place in `longKeys`.
        @usableFromInline var meta: UInt64

        static let empty = Slot(key: 0, meta: 0)
    }

    /// A key read into the form its slot holds.
    @usableFromInline struct Probe {
        /// A short key's bytes, zero-padded, else its hash.
        @usableFromInline var key: UInt64
        @usableFromInline var hash: UInt64

        @inlinable init(key: UInt64, hash: UInt64) { (self.key, self.hash) = (key, hash) }
    }

    /// Where a long key's bytes are in `arena`, and its row.
    @usableFromInline struct LongKey: Sendable {
        @usableFromInline var start: Int
        @usableFromInline var count: Int
        @usableFromInline var row: Int32
    }

    @inlinable package static var inlineBytes: Int { 8 }
    @exclusivity(unchecked) @usableFromInline var slots: [Slot]
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) @usableFromInline var longKeys: [LongKey] = []
    @exclusivity(unchecked) @usableFromInline var arena: [UInt8] = []

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
        let slot = find(probe, count: key.count, key)
        if slots[slot].meta != 0 { return self.row(of: slots[slot], keyCount: key.count) }
        var low = UInt64(UInt32(bitPattern: row))
        if key.count > KeyIndex.inlineBytes {
            low = UInt64(longKeys.count)
            longKeys.append(LongKey(start: arena.count, count: key.count, row: row))
            arena.append(contentsOf: key)
        }
        slots[slot] = Slot(key: probe.key, meta: KeyIndex.lengthTag(key.count) | low)
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    /// Starts loading the slots where the keys of field `position` of the reader's batch of
    /// records will be looked for, so that the look-ups a few rows later find them in the
    /// cache: the table is far larger than the cache and attendance names participants in no
    /// order, so each look-up is otherwise a miss that the next waits for.
    ///
    /// With `keeping`, each record's key as read here goes to `keeping[k]` (record k), for
    /// `row(for:)` to look up without reading and hashing the field again.
    @inlinable
    package func prefetch(fieldAt position: Int, of reader: CSVReader, keeping keys: UnsafeMutablePointer<ReadKey>? = nil) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            for k in 0..<reader.batchCount {
                guard let field = reader.fieldAhead(position, ofRecord: k) else {
                    keys?[k] = .absent
                    continue
                }
                let key = FieldParser.trim(field)
                let probe = KeyIndex.probe(key)
                keys?[k] = ReadKey(probe: probe, count: key.count)
                oe_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: probe.hash) & mask))
            }
        }
    }

    /// A field of a batch read as a key by `prefetch(fieldAt:of:keeping:)`.
    @usableFromInline package struct ReadKey {
        @usableFromInline var probe: Probe
        /// The key's byte count; -1 when the record had no such field, or it held doubled quotes.
        @usableFromInline package var count: Int

        @inlinable init(probe: Probe, count: Int) { (self.probe, self.count) = (probe, count) }

        /// No key: the record had no such field, or it held doubled quotes.
        @inlinable package static var absent: ReadKey { ReadKey(probe: Probe(key: 0, hash: 0), count: -1) }
    }

    @inlinable
    package func row(for key: UnsafeRawBufferPointer) -> Int32? {
        let stored = slots[find(KeyIndex.probe(key), count: key.count, key)]
        return stored.meta != 0 ? row(of: stored, keyCount: key.count) : nil
    }

    /// The row of a key of up to `inlineBytes` bytes read by `prefetch(fieldAt:of:keeping:)`
    /// (a longer one is looked up by its bytes, `row(for:)`).
    @inlinable
    package func row(forShort key: ReadKey) -> Int32? {
        let stored = slots[find(key.probe, count: key.count, UnsafeRawBufferPointer(start: nil, count: 0))]
        return stored.meta != 0 ? row(of: stored, keyCount: key.count) : nil
    }

    /// The row of a key's slot.
    @inlinable @inline(__always)
    func row(of stored: Slot, keyCount: Int) -> Int32 {
        let low = Int32(bitPattern: UInt32(truncatingIfNeeded: stored.meta))
        return keyCount > KeyIndex.inlineBytes ? longKeys[Int(low)].row : low
    }

    /// The high half of a slot's `meta` for a key of `count` bytes.
    @inlinable @inline(__always)
    static func lengthTag(_ count: Int) -> UInt64 {
        // Capped below 2^32 - 1, so that no key's tag is 0 (empty) or a short key's: a key that
        // long is long, and `sameBytes` compares its whole length.
        UInt64(UInt32(min(count, Int(UInt32.max) - 2) + 1)) << 32
    }

    /// The slot holding the key of `count` bytes, or the empty slot where it would go; `key`,
    /// its bytes, is read only for a key longer than `inlineBytes`.
    @inlinable @inline(__always)
    func find(_ probe: Probe, count: Int, _ key: UnsafeRawBufferPointer) -> Int {
        let tag = KeyIndex.lengthTag(count)
        let short = count <= KeyIndex.inlineBytes
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: probe.hash) & mask
            while true {
                let stored = slots[slot]
                if stored.meta == 0 { return slot }
                if stored.key == probe.key && stored.meta & ~0xFFFF_FFFF == tag
                    && (short || sameBytes(key, longKeys[Int(UInt32(truncatingIfNeeded: stored.meta))]))
                {
                    return slot
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inlinable
    func sameBytes(_ key: UnsafeRawBufferPointer, _ long: LongKey) -> Bool {
        guard long.count == key.count else { return false }
        return arena.withUnsafeBytes { arena in memcmp(arena.baseAddress! + long.start, key.baseAddress!, key.count) == 0 }
    }

    private func grow() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        let mask = slots.count - 1
        for stored in old where stored.meta != 0 {
            var slot = Int(truncatingIfNeeded: rehash(stored)) & mask
            while slots[slot].meta != 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
        }
    }

    /// The hash of a stored key, from its slot.
    private func rehash(_ stored: Slot) -> UInt64 {
        let count = Int(stored.meta >> 32) - 1
        return count > KeyIndex.inlineBytes ? stored.key : KeyIndex.mix(stored.key, 0, length: Int32(truncatingIfNeeded: count))
    }

    @inlinable @inline(__always)
    static func probe(_ key: UnsafeRawBufferPointer) -> Probe {
        let length = Int32(truncatingIfNeeded: key.count)
        if key.count <= inlineBytes {
            let first = word(key, from: 0)
            return Probe(key: first, hash: mix(first, 0, length: length))
        }
        var hash: UInt64 = 0
        var offset = 0
        while offset < key.count {
            hash = mix(hash, word(key, from: offset), length: length)
            offset += 8
        }
        return Probe(key: hash, hash: hash)
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
