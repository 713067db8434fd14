import CCrypto

/// SHA-256 for the manifest's file hashes, through OpenSSL's libcrypto (Debian's libssl-dev,
/// on every machine of this kind): it uses the CPU's SHA instructions, about six times the
/// speed of a portable implementation, and inputs are hashed as they are read.
/// Owns its `EVP_MD_CTX` and frees it once; every libcrypto call's result is checked.
///
/// Its `var`s are `@exclusivity(unchecked)`: a hash belongs to the one source that feeds it, and no
/// method holds an access to one open across a call that could come back to it (the overlap the
/// run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
package final class SHA256 {
    private let context: OpaquePointer
    @exclusivity(unchecked) private var finished: String?

    /// A libcrypto call that failed (1 is success for the EVP digest functions).
    package struct Failure: Error, CustomStringConvertible {
        var function: String
        package var description: String { "libcrypto's \(function) failed" }
    }

    /// Wraps `EVP_MD_CTX_new` and `EVP_DigestInit_ex`.
    init() throws(Failure) {
        guard let context = EVP_MD_CTX_new() else { throw Failure(function: "EVP_MD_CTX_new") }
        self.context = context
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { throw Failure(function: "EVP_DigestInit_ex") }
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Wraps `EVP_DigestUpdate`.
    func update(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        precondition(finished == nil, "SHA256 updated after finish")
        guard !bytes.isEmpty else { return }
        guard EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1 else { throw Failure(function: "EVP_DigestUpdate") }
    }

    func update(_ bytes: [UInt8]) throws(Failure) {
        try bytes.withUnsafeBytes { raw in Result { () throws(Failure) in try update(raw) } }.get()
    }

    /// The digest as 64 lowercase hex digits. Wraps `EVP_DigestFinal_ex`.
    func finish() throws(Failure) -> String {
        if let finished { return finished }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else { throw Failure(function: "EVP_DigestFinal_ex") }
        let hex = digest.map { byte -> String in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        finished = hex
        return hex
    }

    /// The digest of a file, read in 1 MiB pieces.
    package static func file(_ path: String) throws(InputError) -> String {
        let source = try FileByteSource(path: path, raw: true)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { buffer.deallocate() }
        while try source.read(into: buffer) > 0 {}
        guard let digest = source.digest else { throw .cannotRead(path: path, reason: "no digest was made") }
        return digest
    }
}
