#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An output folder replaced as a whole: a run writes everything into a new hidden sibling folder,
/// then swaps it in, so that at every moment the folder holds either the whole old output set or
/// the whole new one — never new CSVs beside an old report, never half a run.
///
/// 1. ``begin(_:)`` creates the parent folders, takes the folder's lock — the hidden file
///    `.<name>.lock` beside it, held with `flock(2)` — and makes the empty staging folder
///    `.<name>.new-<random>` beside it (created exclusively, under an unpredictable name).
///    Another run into the same folder is refused while the lock is held; the lock goes with
///    the process however it ends, so a killed run never blocks the next one.
/// 2. The caller writes every file into ``staging``.
/// 3. ``commit()`` exchanges the staging folder with the old one in one step
///    (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS), then deletes
///    the old one; where neither exists, the old folder is renamed aside first, and a run that
///    finds a folder set aside with none in its place puts it back.
///
/// A run killed mid-way leaves at most hidden `.<name>.new-…` or `.<name>.old-…` folders beside the
/// output, which the next run into it removes.
package final class FolderReplacement {
    /// The output folder, as given.
    package let path: String
    /// The hidden folder to write into; it becomes ``path`` on ``commit()``.
    package private(set) var staging: String
    /// The lock file's path and descriptor (held until ``release()``).
    private let lockPath: String
    private var lockDescriptor: Int32
    private var committed = false

    /// The names in a folder that mark it as written by this tool, and so safe to replace.
    package static let markers = ["run.json", "compare.json", "shard.json", "backtest.csv", syntheticMarker]
    /// The note `sufficiency synth` writes beside its year folders: the return is fictional.
    package static let syntheticMarker = "synthetic.txt"

    private init(path: String, staging: String, lockPath: String, lockDescriptor: Int32) {
        (self.path, self.staging, self.lockPath, self.lockDescriptor) = (path, staging, lockPath, lockDescriptor)
    }

    deinit { release() }

    /// Locks `path` for this process and makes its empty staging folder.
    /// - Throws: ``OutputDirectoryError`` when another run holds the folder, when the folder holds
    ///   files that are not a run's (which replacing it would delete), or when it cannot be made.
    package static func begin(_ path: String) throws(OutputDirectoryError) -> FolderReplacement {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let (parent, name) = split(trimmed)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw OutputDirectoryError(path: path, reason: "give a folder by name, such as output/medway")
        }
        try OutputDirectory(path: parent).write([])
        let lockPath = "\(parent)/.\(name).lock"
        let descriptor = try lock(lockPath, shown: path)
        // From here on, a throw releases the lock (deinit).
        let replacement = FolderReplacement(path: trimmed, staging: "", lockPath: lockPath, lockDescriptor: descriptor)
        try replacement.recover(parent: parent, name: name)
        try replacement.checkReplaceable()
        replacement.staging = try makeExclusiveFolder(in: parent, prefix: ".\(name).new-", shown: path)
        return replacement
    }

    /// Locks `path` for this process without replacing it, for adding files to a finished run
    /// (`sufficiency report`): no run can replace the folder meanwhile. Nothing to commit.
    /// - Throws: ``OutputDirectoryError`` when another run holds the folder.
    package static func hold(_ path: String) throws(OutputDirectoryError) -> FolderReplacement {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let (parent, name) = split(trimmed)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw OutputDirectoryError(path: path, reason: "give a folder by name, such as output/medway")
        }
        let lockPath = "\(parent)/.\(name).lock"
        return FolderReplacement(path: trimmed, staging: "", lockPath: lockPath, lockDescriptor: try lock(lockPath, shown: path))
    }

    /// Swaps the staging folder in place of the old one and deletes the old one.
    package func commit() throws(OutputDirectoryError) {
        precondition(!committed && lockDescriptor >= 0 && !staging.isEmpty, "commit once, while locked, what begin made")
        let (parent, name) = Self.split(path)
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw OutputDirectoryError(path: path, reason: Self.describe(errno)) }
            guard rename(staging, path) == 0 else { throw OutputDirectoryError(path: path, reason: Self.describe(errno)) }
        } else if Self.exchange(staging, path) {
            // The staging name now holds the old folder.
            Self.removeTree(staging)
        } else {
            let aside = try Self.makeExclusiveName(in: parent, prefix: ".\(name).old-")
            guard rename(path, aside) == 0 else { throw OutputDirectoryError(path: path, reason: Self.describe(errno)) }
            guard rename(staging, path) == 0 else {
                let reason = Self.describe(errno)
                _ = rename(aside, path)
                throw OutputDirectoryError(path: path, reason: reason)
            }
            Self.removeTree(aside)
        }
        committed = true
        Self.syncDirectory(parent)
        release()
    }

    /// Deletes the staging folder (unless committed) and releases the lock; done by `deinit` too.
    package func release() {
        guard lockDescriptor >= 0 else { return }
        if !committed && !staging.isEmpty { Self.removeTree(staging) }
        // Unlinked before it is unlocked: a run that opened the old file finds, once it holds the
        // lock, that the path no longer names it, and tries again (see `lock`).
        _ = unlink(lockPath)
        _ = close(lockDescriptor)
        lockDescriptor = -1
    }

    // MARK: Locking

    /// Takes the exclusive lock at `lockPath`, without waiting, and records this process in it.
    private static func lock(_ lockPath: String, shown: String) throws(OutputDirectoryError) -> Int32 {
        for _ in 0..<100 {
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw OutputDirectoryError(path: shown, reason: "cannot make its lock file '\(lockPath)': \(describe(errno))")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = processRecorded(in: descriptor)
                _ = close(descriptor)
                guard code == EWOULDBLOCK else {
                    throw OutputDirectoryError(path: shown, reason: "cannot lock '\(lockPath)': \(describe(code))")
                }
                throw OutputDirectoryError(
                    path: shown,
                    reason: "another run is writing to it\(holder.map { " (process \($0))" } ?? ""); wait for it to finish, or give another --output")
            }
            // The file may have been unlinked by the holder between our open and our lock.
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0 && lstat(lockPath, &named) == 0
                && held.st_dev == named.st_dev && held.st_ino == named.st_ino {
                let text = Array("\(getpid())\n".utf8)
                _ = ftruncate(descriptor, 0)
                _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
                return descriptor
            }
            _ = close(descriptor)
        }
        throw OutputDirectoryError(path: shown, reason: "cannot lock '\(lockPath)': it keeps changing")
    }

    /// The process number written in a lock file, if one is.
    private static func processRecorded(in descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: The old folder

    /// Puts back a folder a killed run set aside, and removes killed runs' staging folders.
    private func recover(parent: String, name: String) throws(OutputDirectoryError) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var present = stat()
        let missing = lstat(path, &present) != 0 && errno == ENOENT
        for entry in entries.sorted() {
            let full = "\(parent)/\(entry)"
            if entry.hasPrefix(".\(name).old-") && missing && rename(full, path) == 0 { continue }
            if entry.hasPrefix(".\(name).new-") || entry.hasPrefix(".\(name).old-") { Self.removeTree(full) }
        }
    }

    /// Throws unless the folder is absent, empty, or was written by this tool.
    private func checkReplaceable() throws(OutputDirectoryError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputDirectoryError(path: path, reason: "it is a file, not a directory")
        }
        // The files a file browser leaves in any folder it shows are no one's work.
        let browsers: Set = [".DS_Store", "Thumbs.db", "desktop.ini"]
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().filter { !browsers.contains($0) }
        guard !entries.isEmpty, !entries.contains(where: Self.markers.contains) else { return }
        throw OutputDirectoryError(
            path: path,
            reason: "it holds files that no run wrote (such as '\(entries[0])'), which replacing it would delete; give a new or empty folder")
    }

    // MARK: File system

    /// `(parent, name)` of `path`; the parent of a bare name is `.`.
    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    /// A name `prefix<random>` in `parent` that nothing has.
    private static func makeExclusiveName(in parent: String, prefix: String) throws(OutputDirectoryError) -> String {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let candidate = "\(parent)/\(prefix)\(String(generator.next(), radix: 36))"
            var info = stat()
            if lstat(candidate, &info) != 0 && errno == ENOENT { return candidate }
        }
        throw OutputDirectoryError(path: parent, reason: "cannot find a free temporary name")
    }

    /// Makes a new folder `prefix<random>` in `parent`; `mkdir` fails on any existing name,
    /// a link included, so the folder is ours.
    private static func makeExclusiveFolder(in parent: String, prefix: String, shown: String) throws(OutputDirectoryError) -> String {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let candidate = "\(parent)/\(prefix)\(String(generator.next(), radix: 36))"
            if mkdir(candidate, 0o777) == 0 { return candidate }
            if errno != EEXIST { throw OutputDirectoryError(path: shown, reason: describe(errno)) }
        }
        throw OutputDirectoryError(path: shown, reason: "cannot find a free temporary name")
    }

    /// Exchanges two paths in one step; false where the system cannot.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atWorkingDirectory: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return renameat2(atWorkingDirectory, a, atWorkingDirectory, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    /// Deletes a folder and everything in it, never following links out of it.
    private static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Flushes a folder's entries to disk; best effort.
    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    private static func describe(_ code: Int32) -> String {
        let text = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
