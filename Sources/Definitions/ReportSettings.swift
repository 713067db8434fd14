import DataContract
import Yams

/// `report:` of evaluation.yaml: the words a report uses for what it evaluates, so that
/// nothing of one office (its title, "사업 / project") is written in the code.
public struct ReportWording: Sendable {
    public var title: LocalizedText
    /// What one row of the registry is: 사업 / project, 지역 / region.
    public var unit: LocalizedText
    public var unitPlural: String

    /// When evaluation.yaml has no `report:`: plain words that name no office or programme.
    static let unstated = ReportWording(
        title: LocalizedText(ko: "성과평가 보고서", en: "Outcome evaluation"),
        unit: LocalizedText(ko: "평가 대상", en: "unit"), unitPlural: "units")

    /// "사업" or "Project": for a column heading.
    package func unitHeading(_ language: Language) -> String {
        language == .ko ? unit.ko : unit.en.prefix(1).uppercased() + unit.en.dropFirst()
    }

    /// "사업 ID" / "Project ID" and "사업명" / "Project": the headings over a unit's id and name.
    package func idHeading(_ language: Language) -> String { unitHeading(language) + " ID" }
    package func nameHeading(_ language: Language) -> String { language == .ko ? unit.ko + "명" : unitHeading(.en) }

    /// "사업" or "projects": for a count or "all …" (Korean has no plural).
    package func units(_ language: Language) -> String { language == .ko ? unit.ko : unitPlural }

    /// "사업" or "Projects": for a heading over a count or a list.
    package func unitsHeading(_ language: Language) -> String {
        language == .ko ? unit.ko : unitPlural.prefix(1).uppercased() + unitPlural.dropFirst()
    }

    /// `report: {title: {ko, en}, unit: {ko, en, en_plural}}`; `en_plural` is `en` + "s" unless given.
    static func load(_ root: Node.Mapping, file: YAMLFile, diagnostics: Diagnostics) throws -> ReportWording {
        guard let node = root["report"] else { return unstated }
        let map = try file.mapping(node, "report (title, unit)")
        file.rejectUnknownKeys(map, allowed: ["title", "unit"], diagnostics: diagnostics)
        var wording = unstated
        if let title = map["title"] { wording.title = try file.localized(title, "title") }
        if let unitNode = map["unit"] {
            wording.unit = try file.localized(unitNode, "unit")
            let unitMap = try file.mapping(unitNode, "unit")
            file.rejectUnknownKeys(unitMap, allowed: ["ko", "en", "en_plural"], diagnostics: diagnostics)
            wording.unitPlural = try unitMap["en_plural"].map { try file.string($0, "unit.en_plural") } ?? wording.unit.en + "s"
        }
        return wording
    }
}
