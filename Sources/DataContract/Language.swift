/// The languages of the reports: Korean first, English with `--lang en`.
public enum Language: String, Sendable, CaseIterable {
    case ko, en
}

/// Text in the two report languages.
public struct LocalizedText: Sendable, Equatable {
    public var ko: String
    public var en: String

    public init(ko: String, en: String) {
        self.ko = ko
        self.en = en
    }

    public func text(_ language: Language) -> String { Words(language: language)(ko, en) }
}

/// Picks the text of the report language: the one place that does, so that reports keep
/// their texts in pairs, `t("점수", "Score")`, Korean first.
package struct Words: Sendable {
    package let language: Language

    package init(language: Language) {
        self.language = language
    }

    package func callAsFunction(_ ko: String, _ en: String) -> String { language == .ko ? ko : en }
}
