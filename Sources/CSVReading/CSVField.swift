/// The writing half of RFC 4180, for every CSV this package writes (the reports' CSVs and
/// the sample data sets).
public enum CSVField {
    /// The field as written in a record: quoted, with its quotes doubled, when it holds a
    /// comma, a quote or a line break; as it is otherwise. Scalars, not characters, are
    /// looked at: "\r\n" is one `Character`, equal to neither "\r" nor "\n", and a quote
    /// followed by a combining mark is one too.
    public static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append(scalar) }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}
