/// The RFC 4180 quote/field state machine, the only one: the reader (`CSVReader`, for records
/// with quotes and for records over the size limit) and the chunk planner (`ChunkPlan`) both
/// drive it, so they cannot disagree on where a record ends.
///
/// It knows quotes, commas and line breaks; its drivers keep positions, line numbers and
/// CRLF pairs (a line break ends the record at its first byte).
struct QuoteMachine {
    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// What a byte was.
    enum Step {
        /// Text of the field, quoted or not.
        case text
        /// The quote that opens a quoted field: the field's text starts after it.
        case openingQuote
        /// A line feed inside quotes: text of the field, and a new line of the file.
        case lineFeedInQuotes
        /// A quote inside quotes: the closing one, or the first of a doubled pair (the next byte says).
        case quoteInQuotes
        /// The second quote of a doubled pair: the field's text holds an escaped quote.
        case escapedQuote
        /// A comma that ends the field; `afterQuote` when it follows the closing quote, so the
        /// field's text ended a byte before it.
        case fieldEnd(afterQuote: Bool)
        /// A CR or LF that ends the field and the record.
        case recordEnd(afterQuote: Bool)
        /// A quote inside an unquoted field: a problem; the field goes on as text.
        case strayQuote
        /// Text after a closing quote: a problem; the field goes on unquoted.
        case textAfterClosingQuote
    }

    private(set) var state = State.fieldStart

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    @inline(__always)
    mutating func step(_ byte: UInt8) -> Step {
        switch state {
        case .fieldStart:
            if byte == Self.quote {
                state = .quoted
                return .openingQuote
            }
            state = .unquoted
            return unquoted(byte)
        case .unquoted:
            return unquoted(byte)
        case .quoted:
            if byte == Self.quote {
                state = .quoteInQuoted
                return .quoteInQuotes
            }
            return byte == Self.lf ? .lineFeedInQuotes : .text
        case .quoteInQuoted:
            if byte == Self.quote {
                state = .quoted
                return .escapedQuote
            }
            if let end = separator(byte, afterQuote: true) { return end }
            state = .unquoted
            return .textAfterClosingQuote
        }
    }

    @inline(__always)
    private mutating func unquoted(_ byte: UInt8) -> Step {
        if let end = separator(byte, afterQuote: false) { return end }
        return byte == Self.quote ? .strayQuote : .text
    }

    /// A comma ends the field, a line break the field and the record; `nil` for another byte.
    @inline(__always)
    private mutating func separator(_ byte: UInt8, afterQuote: Bool) -> Step? {
        switch byte {
        case Self.comma:
            state = .fieldStart
            return .fieldEnd(afterQuote: afterQuote)
        case Self.lf, Self.cr:
            state = .fieldStart
            return .recordEnd(afterQuote: afterQuote)
        default:
            return nil
        }
    }

    /// Eight bytes (a little-endian word) at once, when each would step as `.text`, a line
    /// feed or a comma ending an unquoted field: no quote among them and, outside quotes, no
    /// CR. Returns their line feeds flagged by `bytes(equalTo:in:)` (outside quotes each ends
    /// a record), or `nil` to step them one by one.
    @inline(__always)
    mutating func pass(_ word: UInt64) -> UInt64? {
        guard Self.bytes(equalTo: Self.quote, in: word) == 0 else { return nil }
        let lineFeeds = Self.bytes(equalTo: Self.lf, in: word)
        switch state {
        case .quoted:
            return lineFeeds
        case .fieldStart, .unquoted:
            guard Self.bytes(equalTo: Self.cr, in: word) == 0 else { return nil }
            let last = UInt8(truncatingIfNeeded: UInt64(littleEndian: word) >> 56)
            state = last == Self.comma || last == Self.lf ? .fieldStart : .unquoted
            return lineFeeds
        case .quoteInQuoted:
            return nil
        }
    }

    /// A mask whose lowest set bit is the high bit of the first byte (in memory order) of the
    /// word below 0x2D: every comma (0x2C), quote, CR and LF, but also a space, a tab, a
    /// control character or one of `!#$%&'()*+`, which callers pass over; 0 when there is
    /// none. It is the usual "has a byte less than n" test, one subtraction for all four
    /// separators, since ids, dates, numbers, Hangul and most text have no such byte. Its
    /// lowest flag is always exact (a borrow only runs upwards from a true byte); a higher
    /// flag may be a "-" just above a flagged byte, so a caller looking past the lowest checks
    /// the byte.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let v = UInt64(littleEndian: word)
        return (v &- 0x2D2D_2D2D_2D2D_2D2D) & ~v & 0x8080_8080_8080_8080
    }

    /// The bytes of the word equal to `byte`, each flagged by its high bit; exact, since no
    /// carry crosses from one byte to the next.
    @inline(__always)
    static func bytes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let x = UInt64(littleEndian: word) ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low = UInt64(0x7F7F_7F7F_7F7F_7F7F)
        return ~(((x & low) &+ low) | x | low)
    }
}
