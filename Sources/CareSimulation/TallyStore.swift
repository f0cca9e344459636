import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The tallies of a run's replications, one fixed-size record each, in one block of memory — or,
/// past a size, in a file mapped into memory, so that a run with many replications of a wide
/// scenario does not fail to allocate.
///
/// A record holds a ``Tally``'s arrays back to back (the 32-bit counts, then the days and the
/// measures' counts as `Double`, then the events), so a replication costs exactly ``Layout/recordBytes`` whatever
/// the number of children simulated. The same bytes are a shard's `replications.bin`.
///
/// Replications are stored from several threads, each into its own record; reading happens after.
public final class TallyStore: @unchecked Sendable, RandomAccessCollection {
    /// The shape of every record: the sizes of a tally's arrays.
    public struct Layout: Sendable, Equatable {
        public let months: Int, providers: Int, bands: Int, years: Int, flows: Int, types: Int

        public init(months: Int, providers: Int, bands: Int, years: Int, flows: Int, types: Int) {
            (self.months, self.providers, self.bands, self.years, self.flows, self.types) =
                (months, providers, bands, years, flows, types)
        }

        /// The layout of `model`'s tallies.
        public init(_ model: CareModel) {
            self.init(months: model.monthEnds.count, providers: model.providerNames.count, bands: model.bandNames.count,
                      years: model.years.count, flows: model.flowNames.count, types: model.typeNames.count)
        }

        var stockCount: Int { months * providers * bands }
        var localCount: Int { months * providers }
        var gapCount: Int { months * types }
        var capacityCount: Int { months * providers }
        var flowCount: Int { years * flows * bands }
        var daysCount: Int { years * providers }
        var measureCount: Int { MeasureCount.valueCount(years: years) }

        /// Offsets in bytes of each array within a record.
        var localOffset: Int { stockCount * 4 }
        var gapOffset: Int { localOffset + localCount * 4 }
        var capacityOffset: Int { gapOffset + gapCount * 4 }
        var flowOffset: Int { capacityOffset + capacityCount * 4 }
        var daysOffset: Int { (flowOffset + flowCount * 4 + 7) & ~7 }
        var measuresOffset: Int { daysOffset + daysCount * 8 }
        var eventsOffset: Int { measuresOffset + measureCount * 8 }

        /// Bytes per replication (a multiple of 8).
        public var recordBytes: Int { eventsOffset + 8 }

        /// The sizes as `name = value` pairs, in a fixed order (for manifests).
        public var fields: [(String, Int)] {
            [("months", months), ("providers", providers), ("bands", bands), ("years", years), ("flows", flows), ("types", types)]
        }
    }

    /// Why a store could not be made.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public let layout: Layout
    public let count: Int
    /// The first byte of record 0.
    private let base: UnsafeMutableRawPointer
    /// Whether `base` is a file mapping (unmapped) rather than an allocation (freed).
    private let mapped: Bool
    private let bytes: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// A store for `count` replications of `layout`: in memory when it takes no more than
    /// `memoryBudget` bytes, otherwise in an unnamed file in `spillDirectory`, mapped into memory.
    /// - Throws: ``Failure`` when the file cannot be made or mapped (say, the disk is full).
    public init(layout: Layout, count: Int, memoryBudget: Int, spillDirectory: String) throws(Failure) {
        precondition(count >= 0)
        self.layout = layout
        self.count = count
        let (total, overflow) = layout.recordBytes.multipliedReportingOverflow(by: Swift.max(count, 1))
        guard !overflow else { throw Failure(description: "too many replications to keep") }
        bytes = total
        if total <= memoryBudget {
            base = .allocate(byteCount: total, alignment: 64)
            base.initializeMemory(as: UInt8.self, repeating: 0, count: total)
            mapped = false
        } else {
            base = try Self.mapTemporaryFile(bytes: total, in: spillDirectory)
            mapped = true
        }
    }

    /// A store for `count` replications of `layout`, in memory.
    public convenience init(inMemory layout: Layout, count: Int) {
        // An in-memory store fails only when its size overflows, which a run's checks rule out.
        do { try self.init(layout: layout, count: count, memoryBudget: .max, spillDirectory: ".") } catch {
            preconditionFailure("\(error)")
        }
    }

    /// Bytes `count` replications of `layout` take.
    public static func bytes(_ layout: Layout, count: Int) -> Int {
        let (total, overflow) = layout.recordBytes.multipliedReportingOverflow(by: count)
        return overflow ? .max : total
    }

    /// Memory this process may still use, in bytes: the kernel's estimate of memory available
    /// (`MemAvailable`), or less when a control group allows less — a container's limit, or a
    /// batch job's (`sbatch --mem`), in cgroup v2 (`memory.max`) or v1 (`memory.limit_in_bytes`),
    /// at the process's own group or any above it; `nil` where none can be read.
    /// - Parameter root: prefixed to every path read (for tests: a made-up /proc and /sys).
    public static func availableMemory(root: String = "") -> Int? {
        var available: Int?
        if let meminfo = contents(root + "/proc/meminfo"),
           let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            available = kilobytes * 1024
        }
        func number(_ path: String) -> Int? {
            contents(path).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        // Each group from the process's own up to the root, in each hierarchy that limits memory.
        var groups: [(folder: String, limit: String, usage: String)] = []
        for line in (contents(root + "/proc/self/cgroup") ?? "").split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            var path = String(fields[2])
            let (base, limit, usage): (String, String, String)
            if fields[1].isEmpty { (base, limit, usage) = (root + "/sys/fs/cgroup", "memory.max", "memory.current") }
            else if fields[1].split(separator: ",").contains("memory") {
                (base, limit, usage) = (root + "/sys/fs/cgroup/memory", "memory.limit_in_bytes", "memory.usage_in_bytes")
            } else { continue }
            while true {
                groups.append((base + (path == "/" ? "" : path), limit, usage))
                guard path != "/", let slash = path.lastIndex(of: "/") else { break }
                path = slash == path.startIndex ? "/" : String(path[..<slash])
            }
        }
        for group in groups {
            // 'max' (v2) is no number, and v1 writes no limit as a number near 2^63.
            guard let limit = number(group.folder + "/" + group.limit), limit < 1 << 60,
                  let used = number(group.folder + "/" + group.usage) else { continue }
            available = Swift.min(available ?? .max, Swift.max(limit - used, 0))
        }
        return available
    }

    /// A small text file's contents (such as one in /proc or /sys), or `nil` if it cannot be read.
    private static func contents(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var result = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            result += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return result
    }

    /// Where a run's tallies will be kept, decided before simulating.
    public enum Plan: Sendable, Equatable {
        /// In memory: they take at most half the memory available.
        case inMemory
        /// In a file mapped into memory: too large for memory, small enough for the disk.
        case onDisk
        /// Too large for both; `fit` replications would fit (on disk, keeping a tenth of it free).
        case tooLarge(fit: Int)
    }

    /// Where `count` records of `recordBytes` go, given the memory available and the free disk.
    public static func plan(recordBytes: Int, count: Int, memory: Int?, disk: Int?) -> Plan {
        let (need, overflow) = recordBytes.multipliedReportingOverflow(by: count)
        let memoryBudget = (memory ?? .max) / 2
        if !overflow && need <= memoryBudget { return .inMemory }
        let diskBudget = (disk ?? .max) / 10 * 9
        if !overflow && need <= diskBudget { return .onDisk }
        return .tooLarge(fit: Swift.max(memoryBudget, diskBudget) / recordBytes)
    }

    /// Free bytes on the file system holding `directory`, or `nil` if it cannot be asked.
    public static func freeDisk(_ directory: String) -> Int? {
        var info = statvfs()
        guard statvfs(directory, &info) == 0 else { return nil }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    deinit {
        if mapped { _ = munmap(base, bytes) } else { base.deallocate() }
    }

    /// Copies `tally` into record `index`.
    public func store(_ tally: Tally, at index: Int) {
        precondition(index >= 0 && index < count)
        precondition(Layout(months: tally.months, providers: tally.providers, bands: tally.bands, years: tally.years,
                            flows: tally.flows, types: tally.types) == layout)
        let record = base + index * layout.recordBytes
        func copy<T>(_ array: [T], to offset: Int) {
            array.withUnsafeBytes { (record + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        }
        copy(tally.stock, to: 0)
        copy(tally.local, to: layout.localOffset)
        copy(tally.gap, to: layout.gapOffset)
        copy(tally.capacity, to: layout.capacityOffset)
        copy(tally.flowCounts, to: layout.flowOffset)
        copy(tally.occupiedDays, to: layout.daysOffset)
        copy(tally.measures, to: layout.measuresOffset)
        (record + layout.eventsOffset).storeBytes(of: Int64(tally.events), as: Int64.self)
    }

    /// Record `index`, read in place.
    public subscript(index: Int) -> TallyView {
        precondition(index >= 0 && index < count)
        return TallyView(layout: layout, record: UnsafeRawPointer(base + index * layout.recordBytes))
    }

    /// The raw bytes of records `range`, in order, for writing to a file.
    public func withRecordBytes<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        let start = base + range.lowerBound * layout.recordBytes
        return try body(UnsafeRawBufferPointer(start: start, count: range.count * layout.recordBytes))
    }

    /// Fills records from `index` on with whole records read from `descriptor` (at its current
    /// offset), as written by ``withRecordBytes(_:_:)``; returns the number of bytes read, which is
    /// short only at the end of the file.
    public func read(from descriptor: Int32, at index: Int, records: Int) -> Int {
        precondition(index >= 0 && index + records <= count)
        let start = base + index * layout.recordBytes
        let wanted = records * layout.recordBytes
        var done = 0
        while done < wanted {
            let n = systemRead(descriptor, start + done, wanted - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        return done
    }

    /// An unnamed file of `bytes` zero bytes in `directory`, mapped shared into memory.
    ///
    /// The file is created exclusively under an unpredictable name (never following a planted
    /// link) and unlinked at once, so it disappears with the process however the process ends.
    private static func mapTemporaryFile(bytes: Int, in directory: String) throws(Failure) -> UnsafeMutableRawPointer {
        var generator = SystemRandomNumberGenerator()
        var descriptor: Int32 = -1
        var path = ""
        for _ in 0..<16 {
            path = "\(directory)/.sufficiency-replications-\(String(generator.next(), radix: 36))"
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw Failure(description: "cannot make a file in '\(directory)' to keep the replications: \(describe(errno))")
        }
        defer { _ = close(descriptor) }
        _ = unlink(path)
        guard ftruncate(descriptor, off_t(bytes)) == 0 else {
            throw Failure(description: "cannot make a \(bytes / 1_048_576) MB file in '\(directory)' to keep the replications: \(describe(errno))")
        }
        guard let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), address != MAP_FAILED else {
            throw Failure(description: "cannot map the replications' file into memory: \(describe(errno))")
        }
        return address
    }

    /// The C library's description of `code`, lower case.
    static func describe(_ code: Int32) -> String {
        let text = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// `read(2)`, named so that it is not taken for a method.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// One replication's tally, read in place from a ``TallyStore``: the same figures, with the same
/// index layouts, as ``Tally``. Valid only while its store lives.
public struct TallyView {
    public let months: Int, providers: Int, bands: Int, years: Int, flows: Int, types: Int
    /// See ``Tally/stock``.
    public let stock: UnsafeBufferPointer<Int32>
    /// See ``Tally/local``.
    public let local: UnsafeBufferPointer<Int32>
    /// See ``Tally/gap``.
    public let gap: UnsafeBufferPointer<Int32>
    /// See ``Tally/capacity``.
    public let capacity: UnsafeBufferPointer<Int32>
    /// See ``Tally/flowCounts``.
    public let flowCounts: UnsafeBufferPointer<Int32>
    /// See ``Tally/occupiedDays``.
    public let occupiedDays: UnsafeBufferPointer<Double>
    /// See ``Tally/measures``.
    public let measures: UnsafeBufferPointer<Double>
    /// Events simulated.
    public let events: Int

    init(layout l: TallyStore.Layout, record: UnsafeRawPointer) {
        (months, providers, bands, years, flows, types) = (l.months, l.providers, l.bands, l.years, l.flows, l.types)
        func int32s(_ offset: Int, _ count: Int) -> UnsafeBufferPointer<Int32> {
            UnsafeBufferPointer(start: (record + offset).assumingMemoryBound(to: Int32.self), count: count)
        }
        stock = int32s(0, l.stockCount)
        local = int32s(l.localOffset, l.localCount)
        gap = int32s(l.gapOffset, l.gapCount)
        capacity = int32s(l.capacityOffset, l.capacityCount)
        flowCounts = int32s(l.flowOffset, l.flowCount)
        occupiedDays = UnsafeBufferPointer(start: (record + l.daysOffset).assumingMemoryBound(to: Double.self), count: l.daysCount)
        measures = UnsafeBufferPointer(start: (record + l.measuresOffset).assumingMemoryBound(to: Double.self), count: l.measureCount)
        events = Int((record + l.eventsOffset).load(as: Int64.self))
    }

    @inline(__always)
    public func stock(month: Int, provider: Int, band: Int) -> Int32 {
        stock[(month * providers + provider) * bands + band]
    }

    @inline(__always)
    public func flow(_ flow: Int, year: Int, band: Int) -> Int32 {
        flowCounts[(year * flows + flow) * bands + band]
    }

    /// See ``Tally/measure(_:slot:)``.
    @inline(__always)
    public func measure(_ count: MeasureCount, slot: Int) -> Double { measures[MeasureCount.index(count, slot: slot)] }
}
