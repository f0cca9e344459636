#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a run's outputs could not be written: the path and the reason, in words a person can act on.
package struct OutputDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory or file that could not be written, as the user gave it.
    package var path: String
    /// Lower-case reason, such as "permission denied" or "'out' is a file, not a directory".
    package var reason: String

    /// A reason for `path`.
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write to 'out/x': permission denied`.
    package var description: String { "cannot write to '\(path)': \(reason)" }
}

/// A directory that receives a run's output files all at once, or not at all.
///
/// A failed or interrupted run never leaves a complete-looking half file, and never mixes
/// a new run's files with an old run's completion marker:
/// 1. The directory and its parents are created if needed.
/// 2. Every file is written in full to a hidden temporary in the same directory,
///    `.<name>.tmp-<random>`, created exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`: never an
///    existing file, never through a planted link) under an unpredictable name, and flushed to
///    disk (`fsync`). If any write fails, the temporaries are removed and the directory is
///    exactly as it was.
/// 3. The **last** file is the completion marker (callers pass `run.json` last). Any old
///    copy of it is removed first; then each temporary is renamed over its final name,
///    in order, marker last. `rename(2)` within one directory is atomic on POSIX, so each
///    final name holds either the old file or the whole new one, never a part.
///
/// Readers therefore trust a directory only when the marker is present: it appears only
/// after every other file is in place. A run killed mid-way can leave hidden
/// `.<name>.tmp-<random>` files, which are never mistaken for outputs and are safe to delete.
package struct OutputDirectory: Sendable {
    /// The directory, as the user gave it (relative to the working directory or absolute).
    package var path: String

    /// The directory at `path`; nothing is touched until ``write(_:)``.
    package init(path: String) {
        self.path = path
    }

    /// Writes `files` into the directory, atomically per file, with the last one as the
    /// completion marker; see the type's documentation for the guarantees.
    ///
    /// - Parameter files: plain file names (no `/`), distinct, with UTF-8 contents.
    /// - Throws: ``OutputDirectoryError`` naming the path and the reason; on error no
    ///   temporary is left behind.
    package func write(_ files: [(name: String, contents: String)]) throws(OutputDirectoryError) {
        for (index, file) in files.enumerated() {
            precondition(
                !file.name.isEmpty && file.name != "." && file.name != ".."
                    && !file.name.contains("/") && !file.name.contains("\0"),
                "output file name '\(file.name)' must be a plain file name")
            precondition(
                !files[..<index].contains { $0.name == file.name }, "output file '\(file.name)' is given twice")
        }
        try createDirectories()
        guard !files.isEmpty else { return }

        var temporaries: [String] = []
        func removeTemporaries() {
            for temporary in temporaries { _ = unlink(temporary) }
        }
        for file in files {
            do {
                temporaries.append(try Self.writeTemporary(in: path, for: file.name, contents: file.contents))
            } catch {
                removeTemporaries()
                throw OutputDirectoryError(path: finalPath(file.name), reason: error.reason)
            }
        }

        // A destination that is a folder would stop the renames half way, leaving new files beside
        // old ones: find it before renaming anything.
        for file in files {
            var info = stat()
            if lstat(finalPath(file.name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                removeTemporaries()
                throw OutputDirectoryError(path: finalPath(file.name), reason: "is a folder, not a file; move it away and run again")
            }
        }
        let marker = finalPath(files[files.count - 1].name)
        if unlink(marker) != 0 && errno != ENOENT {
            let reason = Self.describe(errno)
            removeTemporaries()
            throw OutputDirectoryError(path: marker, reason: reason)
        }
        for (index, file) in files.enumerated() {
            if rename(temporaries[index], finalPath(file.name)) != 0 {
                let reason = Self.describe(errno)
                temporaries.removeFirst(index)
                removeTemporaries()
                throw OutputDirectoryError(path: finalPath(file.name), reason: reason)
            }
        }
        Self.syncDirectory(path)
    }

    /// `path/name`, as shown in messages.
    private func finalPath(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : "\(path)/\(name)"
    }

    /// Creates `path` and its missing parents, like `mkdir -p`, checking each is a directory.
    private func createDirectories() throws(OutputDirectoryError) {
        guard !path.isEmpty else { throw OutputDirectoryError(path: path, reason: "no directory given") }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            switch Self.kind(of: prefix) {
            case .directory:
                continue
            case .other:
                let what = prefix == path ? "it" : "'\(prefix)'"
                throw OutputDirectoryError(path: path, reason: "\(what) is a file, not a directory")
            case .missing:
                if mkdir(prefix, 0o777) != 0 && !(errno == EEXIST && Self.kind(of: prefix) == .directory) {
                    throw OutputDirectoryError(path: path, reason: Self.describe(errno))
                }
            case .unreadable(let code):
                throw OutputDirectoryError(path: path, reason: Self.describe(code))
            }
        }
    }

    /// What is at a path, as far as creating directories cares.
    private enum Kind: Equatable {
        case directory, other, missing
        case unreadable(Int32)
    }

    /// Whether `path` is a directory, something else, absent, or cannot be examined.
    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT ? .missing : .unreadable(errno) }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
    }

    /// A failed system call, carrying its `errno`.
    private struct SystemError: Error {
        var code: Int32
        var reason: String { OutputDirectory.describe(code) }
    }

    /// Writes `contents` to a new hidden file `.<name>.tmp-<random>` in `directory`, created
    /// exclusively, flushes it to disk and returns its path.
    private static func writeTemporary(in directory: String, for name: String, contents: String) throws(SystemError) -> String {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let path = "\(directory)/.\(name).tmp-\(String(generator.next(), radix: 36))"
            do {
                try writeFile(at: path, contents: contents)
                return path
            } catch where error.code == EEXIST {
                continue
            }
        }
        throw SystemError(code: EEXIST)
    }

    /// Writes `contents` to a file at `path` that must not exist yet (not even as a link) and
    /// flushes it to disk.
    private static func writeFile(at path: String, contents: String) throws(SystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        var failure = Array(contents.utf8).withUnsafeBytes { writeAll($0, to: descriptor) }
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if let failure {
            _ = unlink(path)
            throw SystemError(code: failure)
        }
    }

    /// Flushes the directory entry changes (the renames) to disk; best effort.
    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// The C library's description of `code`, with its first letter lower-cased
    /// ("Permission denied" → "permission denied").
    static func describe(_ code: Int32) -> String {
        let text = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// Writes every byte to `descriptor`, retrying partial writes and interruptions; the `errno` on failure.
///
/// A free function because inside ``OutputDirectory`` and ``ExclusiveFile`` the name `write` means their own methods.
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return nil
}
