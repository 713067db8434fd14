/// Opens a CSV file in the encoding DATA.md prescribes: valid UTF-8 is UTF-8, otherwise CP949.
///
/// Detection happens while reading: `body` runs on a UTF-8 reader, and if an invalid byte
/// turns up it runs again from the start on a CP949 reader. So `body` must build all of its
/// state itself. Pure ASCII files never restart; CP949 files restart at their first Hangul.
package func readCSV<R>(
    path: String, limits: CSVLimits, _ body: (CSVReader) throws -> R
) throws -> (result: R, encoding: TextEncoding) {
    let notUTF8: (offset: Int, lookedLikeUTF8: Bool)
    do {
        let reader = try CSVReader(path: path, encoding: .utf8, limits: limits)
        let result = try body(reader)
        return (result, reader.hadByteOrderMark ? .utf8WithBOM : .utf8)
    } catch let CSVReadError.notUTF8(offset, lookedLikeUTF8) {
        notUTF8 = (offset, lookedLikeUTF8)
    } catch let CSVReadError.input(error) {
        throw error
    }
    do {
        let reader = try CSVReader(path: path, encoding: .cp949, limits: limits)
        return (try body(reader), .cp949)
    } catch let CSVReadError.input(error) {
        // A file that read as UTF-8 for a while is more likely broken UTF-8 than CP949.
        if case .unknownEncoding = error, notUTF8.lookedLikeUTF8 {
            throw InputError.unknownEncoding(path: path, offset: notUTF8.offset)
        }
        throw error
    }
}
