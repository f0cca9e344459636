import Foundation

extension ReturnReader {
    /// Reads several inputs into one return: each a raw return's root (year sub-folders), one raw
    /// year folder (`2019`, `2018-19`), or a regional folder (with `LA` and `YEAR` columns).
    /// - Parameter la: the LA to take from regional folders; ignored for raw folders.
    public static func read(inputs: [URL], la: String?, naming: YearNaming = .inferred) throws(ImportError) -> Return903 {
        var result = Return903()
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
                throw ImportError(path: input.path, "no such folder")
            }
            guard isDirectory.boolValue else {
                throw ImportError(path: input.path, "expected a folder holding the return's tables (episodes.csv, header.csv, …), found a file")
            }
            do {
                result.append(try read(input, la: la, naming: naming))
            } catch let error where error.message.hasPrefix("a raw episodes file needs its year") {
                let name = input.lastPathComponent
                guard let year = Int(name.prefix(4)), year > 1900, name.count == 4 || name.count == 7 else { throw error }
                if name.count == 7, let tail = Int(name.suffix(2)), (year + 1) % 100 == tail {
                    result.append(try readRawYear(input, nominalYear: year + 1, naming: .endingYear))
                } else if name.count == 4 {
                    result.append(try readRawYear(input, nominalYear: year, naming: naming))
                } else {
                    throw error
                }
            }
        }
        try checkNoYearMissing(result, path: inputs.first?.path ?? "")
        return result
    }
}
