#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A new file written in pieces — for outputs too large to build in memory first, such as a
/// shard's `replications.bin` or `replications.csv` — created exclusively (`O_CREAT | O_EXCL |
/// O_NOFOLLOW`: never an existing file, never through a link) and flushed to disk on ``close()``.
///
/// Meant for a folder this run owns alone, such as a ``FolderReplacement``'s staging folder.
package final class ExclusiveFile {
    package let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    /// Creates the file at `path`, which must not exist.
    package init(path: String) throws(OutputDirectoryError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputDirectoryError(path: path, reason: OutputDirectory.describe(errno)) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    /// Appends `text` as UTF-8.
    package func write(_ text: String) throws(OutputDirectoryError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends raw bytes.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputDirectoryError) {
        try flush()
        if let code = writeAll(bytes, to: descriptor) { throw OutputDirectoryError(path: path, reason: OutputDirectory.describe(code)) }
    }

    /// Writes what is buffered, flushes the file to disk and closes it.
    package func close() throws(OutputDirectoryError) {
        try flush()
        let failed = fsync(descriptor) != 0 ? errno : nil
        let closed = systemClose(descriptor)
        descriptor = -1
        if let failed { throw OutputDirectoryError(path: path, reason: OutputDirectory.describe(failed)) }
        if closed != 0 { throw OutputDirectoryError(path: path, reason: OutputDirectory.describe(errno)) }
    }

    private func flush() throws(OutputDirectoryError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        if let code = pending.withUnsafeBytes({ writeAll($0, to: descriptor) }) {
            throw OutputDirectoryError(path: path, reason: OutputDirectory.describe(code))
        }
    }
}

/// `close(2)`, named so that inside ``ExclusiveFile`` it is not taken for its method.
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
