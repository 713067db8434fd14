import CSVReading

/// Why a row was rejected. `code` groups them in the data-quality summary.
public enum RowProblem: Equatable, Sendable {
    case malformed(CSVProblem)
    case fieldCount(expected: Int, found: Int)
    case empty(column: String)
    case invalid(column: String, value: String, expected: ExpectedForm)
    case outOfRange(column: String, value: String, limit: Int64, isMinimum: Bool)
    case notInEnum(column: String, value: String, values: [String])
    case danglingReference(column: String, value: String, table: String)
    case duplicateKey(column: String, value: String, firstLine: Int)
    case header(HeaderProblem)

    /// The kinds of problem, by the code that data_quality.csv, rejects.csv and the logs show.
    public enum Code: String, CaseIterable, Sendable {
        case unterminatedQuote = "unterminated_quote"
        case strayQuote = "stray_quote"
        case recordTooLong = "record_too_long"
        case fieldTooLong = "field_too_long"
        case fieldCount = "field_count"
        case emptyRequired = "empty_required"
        case invalidValue = "invalid_value"
        case outOfRange = "out_of_range"
        case notInEnum = "not_in_enum"
        case danglingReference = "dangling_reference"
        case duplicateKey = "duplicate_key"
        case badHeader = "bad_header"

        /// The code in a few words, for the tables that count rejects by code.
        public func label(_ language: Language) -> String {
            let (ko, en) =
                switch self {
                case .unterminatedQuote: ("닫히지 않은 따옴표", "unclosed quote")
                case .strayQuote: ("잘못 놓인 따옴표", "stray quote")
                case .recordTooLong: ("너무 긴 행", "row too long")
                case .fieldTooLong: ("너무 긴 필드", "field too long")
                case .fieldCount: ("필드 수 불일치", "wrong number of fields")
                case .emptyRequired: ("필수 값 없음", "required value empty")
                case .invalidValue: ("형식에 맞지 않는 값", "value of the wrong form")
                case .outOfRange: ("범위를 벗어난 값", "value out of range")
                case .notInEnum: ("허용되지 않은 값", "value not allowed")
                case .danglingReference: ("없는 대상을 가리킴", "refers to nothing")
                case .duplicateKey: ("중복 키", "duplicate key")
                case .badHeader: ("머리행 오류", "bad header")
                }
            return language == .ko ? ko : en
        }
    }

    public var kind: Code {
        switch self {
        case .malformed(.unterminatedQuote): return .unterminatedQuote
        case .malformed(.quoteInUnquotedField), .malformed(.textAfterClosingQuote): return .strayQuote
        case .malformed(.recordTooLong): return .recordTooLong
        case .malformed(.fieldTooLong): return .fieldTooLong
        case .fieldCount: return .fieldCount
        case .empty: return .emptyRequired
        case .invalid: return .invalidValue
        case .outOfRange: return .outOfRange
        case .notInEnum: return .notInEnum
        case .danglingReference: return .danglingReference
        case .duplicateKey: return .duplicateKey
        case .header: return .badHeader
        }
    }

    public var code: String { kind.rawValue }

    /// A reason code in words; a code this version does not know is shown as it is.
    public static func label(code: String, _ language: Language) -> String {
        Code(rawValue: code)?.label(language) ?? code
    }

    public var column: String {
        switch self {
        case let .empty(c), let .invalid(c, _, _), let .outOfRange(c, _, _, _), let .notInEnum(c, _, _),
            let .danglingReference(c, _, _), let .duplicateKey(c, _, _):
            return c
        default: return ""
        }
    }

    public func text(_ language: Language) -> String {
        let t = Words(language: language)
        switch self {
        case .malformed(.unterminatedQuote):
            return t("따옴표가 닫히지 않음; 파일 끝까지 한 행으로 읽힘",
                     "a quoted field is never closed; the rest of the file was read as this row")
        case let .malformed(.quoteInUnquotedField(field)):
            return t("따옴표 없는 \(field + 1)번째 필드 안에 '\"'가 있음; 필드 전체를 따옴표로 감싸고 \"\"로 쓰십시오",
                     "a '\"' inside unquoted field \(field + 1); quote the whole field and double the quote")
        case let .malformed(.textAfterClosingQuote(field)):
            return t("\(field + 1)번째 필드의 닫는 따옴표 뒤에 글자가 있음", "text after the closing quote of field \(field + 1)")
        case let .malformed(.recordTooLong(limit)):
            return t("행이 \(limit)바이트보다 김", "the row is longer than \(limit) bytes")
        case let .malformed(.fieldTooLong(field, limit)):
            return t("\(field + 1)번째 필드가 \(limit)바이트보다 김", "field \(field + 1) is longer than \(limit) bytes")
        case let .fieldCount(expected, found):
            return t("머리행처럼 \(expected)개 필드가 있어야 하나 \(found)개", "expected \(expected) fields as in the header, found \(found)")
        case let .empty(column):
            return t("\(column) 값이 비어 있음(필수)", "\(column) is empty but required")
        case let .invalid(column, value, expected):
            return t("\(column) '\(value)'은(는) \(expected.text(.ko))이(가) 아님", "\(column) '\(value)' is not \(expected.text(.en))")
        case let .outOfRange(column, value, limit, isMinimum):
            return t("\(column) \(value)이(가) \(isMinimum ? "최솟값" : "최댓값") \(limit)을(를) 벗어남",
                     "\(column) \(value) is \(isMinimum ? "below the minimum" : "above the maximum") \(limit)")
        case let .notInEnum(column, value, values):
            let list = values.count > 8 ? values.prefix(8).joined(separator: ", ") + ", …" : values.joined(separator: ", ")
            return t("\(column) '\(value)'은(는) 허용 값(\(list))이 아님", "\(column) '\(value)' is not one of \(list)")
        case let .danglingReference(column, value, table):
            return t("\(column) '\(value)'이(가) \(table)에 없음", "\(column) '\(value)' is not in \(table)")
        case let .duplicateKey(column, value, firstLine):
            return t("\(column) '\(value)' 중복(처음 \(firstLine)행)", "\(column) '\(value)' already appeared on line \(firstLine)")
        case let .header(problem):
            return problem.text(language)
        }
    }
}

/// What is wrong with a file's header row; every row of the file is rejected with it.
public enum HeaderProblem: Equatable, Sendable {
    case malformed(CSVProblem)
    case repeated(column: String, times: Int)
    case missing(column: String)

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case let (.malformed(problem), .en): return "the header row is malformed: " + RowProblem.malformed(problem).text(.en)
        case let (.malformed(problem), .ko): return "머리행이 잘못됨: " + RowProblem.malformed(problem).text(.ko)
        case let (.repeated(column, times), .en): return "the header names \(column) \(times) times; keep one"
        case let (.repeated(column, times), .ko): return "머리행에 \(column) 열이 \(times)번 있음; 하나만 두십시오"
        case let (.missing(column), .en): return "the header has no column \(column); add it (columns are found by name)"
        case let (.missing(column), .ko): return "머리행에 \(column) 열이 없음; 추가하십시오(열은 이름으로 찾음)"
        }
    }
}

/// Why a table's rows are not there; its indicators are "no data" with this.
public enum TableUnavailable: Equatable, Sendable {
    case missing
    /// 0 bytes: not even a header.
    case empty
    /// Not read because the table it refers to (named) is unavailable.
    case refersToUnavailable(table: String)
    /// Reading failed; the run stops with the error.
    case unreadable

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.missing, .en): return "file is missing"
        case (.missing, .ko): return "파일 없음"
        case (.empty, .en): return "file is empty (0 bytes)"
        case (.empty, .ko): return "빈 파일(0바이트)"
        case let (.refersToUnavailable(table), .en): return "was not read: it refers to \(table), which is unavailable"
        case let (.refersToUnavailable(table), .ko): return "읽지 않음: 참조하는 \(table) 자료가 없음"
        case (.unreadable, .en): return "could not be read"
        case (.unreadable, .ko): return "읽을 수 없음"
        }
    }
}

/// The form a field should have had, for messages.
public enum ExpectedForm: Equatable, Sendable {
    case slug, integer, decimal, date, boolean

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.slug, .en): return "an id of a-z, 0-9 and '-' (at most 64, not starting with '-')"
        case (.slug, .ko): return "a-z, 0-9, '-'로 된 64자 이내 식별자"
        case (.integer, .en): return "a whole number without separators"
        case (.integer, .ko): return "구분 기호 없는 정수"
        case (.decimal, .en): return "a number"
        case (.decimal, .ko): return "숫자"
        case (.date, .en): return "a date YYYY-MM-DD that exists"
        case (.date, .ko): return "실제 있는 YYYY-MM-DD 날짜"
        case (.boolean, .en): return "Y or N (also 1/0, true/false)"
        case (.boolean, .ko): return "Y 또는 N(1/0, true/false도 가능)"
        }
    }
}

/// A row that did not pass, with where it was and what it said.
public struct Reject: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var problem: RowProblem
    public var raw: String

    package init(file: String, line: Int, problem: RowProblem, raw: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.raw = raw
    }
}

/// How one input file fared: the counts that must reconcile, read = accepted + rejected.
public struct FileQuality: Sendable, Equatable {
    public enum Status: Equatable, Sendable {
        case read
        case missing
        /// 0 bytes: not even a header.
        case empty
        /// Not read because a table it refers to is unavailable (or reading failed).
        case skipped(because: TableUnavailable)
    }

    public var file: String
    public var table: String
    public var status: Status
    public var encoding: TextEncoding?
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    public var blankLines = 0
    /// Accepted whole numbers beyond ±2^53 (9,007,199,254,740,992), held rounded to 16 digits.
    public var inexactIntegers = 0
    /// SHA-256 of the file as stored, when it was read.
    public var sha256: String?
    /// Rejections by problem code.
    public var reasons: [String: Int] = [:]

    package init(
        file: String, table: String, status: Status, encoding: TextEncoding? = nil, sha256: String? = nil, reasons: [String: Int] = [:]
    ) {
        self.file = file
        self.table = table
        self.status = status
        self.encoding = encoding
        self.sha256 = sha256
        self.reasons = reasons
    }

    public var rejectedShare: Double { read == 0 ? 0 : Double(rejected) / Double(read) }

    /// The most frequent problems first, ties by code, for summaries.
    public var topReasons: [(code: String, count: Int)] {
        reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The three most frequent reasons in words, with their counts, for people
    /// (data_quality.csv and the logs keep the codes).
    public func topReasonsText(_ language: Language) -> String {
        topReasons.prefix(3).map { "\(RowProblem.label(code: $0.code, language)) \($0.count)" }.joined(separator: ", ")
    }
}
