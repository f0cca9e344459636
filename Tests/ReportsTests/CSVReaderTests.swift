import Testing
@testable import Reports

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsCRLFAndBOM() throws {
        let text = "\u{FEFF}A,B,C\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",3\n4,5,6"
        let table = try CSVReader.parse(Array(text.utf8), path: "t.csv")
        #expect(table.columns == ["A", "B", "C"])
        #expect(table.rows == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", "3"], ["4", "5", "6"]])
        #expect(table.lines == [2, 4, 6])
    }

    @Test func unclosedQuoteNamesFileAndLine() {
        #expect(throws: FileError(path: "t.csv", line: 3, "a quoted field is never closed")) {
            try CSVReader.parse(Array("A\n1\n\"open\n".utf8), path: "t.csv")
        }
    }

    /// A column named twice is refused, not read from the first one (found: a 903 episodes file
    /// with a second DECOM column calibrated from the first without a word). A name that does not
    /// look like a column's (a data row taken for the header) is not quoted; blank names may repeat.
    @Test func aColumnNamedTwiceIsRefused() throws {
        #expect(throws: FileError(path: "e.csv", line: 1, "the column 'decom' is named twice (columns 2 and 4): remove or rename one, so that it is clear which is meant")) {
            try CSVReader.parse(Array("CHILD,DECOM,DEC,decom\n1,2,3,4\n".utf8), path: "e.csv")
        }
        #expect(throws: FileError(path: "e.csv", line: 1, "the column is named twice (columns 1 and 3): remove or rename one, so that it is clear which is meant")) {
            try CSVReader.parse(Array("01/05/2020,P,01/05/2020\n".utf8), path: "e.csv")
        }
        #expect(try CSVReader.parse(Array("A,,B,\n1,2,3,4\n".utf8), path: "e.csv").columns == ["A", "", "B", ""])
    }

    @Test func missingColumnSuggestsNearest() throws {
        let table = try CSVReader.parse(Array("CHILD,DECOMM\n1,2\n".utf8), path: "e.csv")
        #expect(throws: FileError(path: "e.csv", line: 1, "missing column 'DECOM'; did you mean 'DECOMM'?")) {
            try table.requiredColumn("DECOM")
        }
    }

    /// What Excel writes when not asked for CSV UTF-8 is named, not read as one odd column
    /// ("missing column 'DECOM'; 13 of the 13 header fields are not column names").
    @Test func utf16AndOtherSeparatorsAreNamed() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("CHILD,DECOM\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: FileError(path: "e.csv", "is UTF-16 text (Excel's 'Unicode Text'), not a CSV this tool reads: save it as 'CSV UTF-8 (Comma delimited)'")) {
            try CSVReader.parse(utf16, path: "e.csv")
        }
        // Without its byte-order mark too.
        #expect(throws: FileError(path: "e.csv", "is UTF-16 text (Excel's 'Unicode Text'), not a CSV this tool reads: save it as 'CSV UTF-8 (Comma delimited)'")) {
            try CSVReader.parse(Array(utf16.dropFirst(2)), path: "e.csv")
        }
        #expect(throws: FileError(path: "e.csv", line: 1, "the columns are separated by semicolons, not commas: save it as 'CSV UTF-8 (Comma delimited)'")) {
            try CSVReader.parse(Array("CHILD;DECOM\r\n1;2\r\n".utf8), path: "e.csv")
        }
        #expect(throws: FileError(path: "e.csv", line: 1, "the columns are separated by tabs, not commas: save it as 'CSV UTF-8 (Comma delimited)'")) {
            try CSVReader.parse(Array("CHILD\tDECOM\n1\t2\n".utf8), path: "e.csv")
        }
        // A one-column file with no separator in its name is read as it is.
        #expect((try? CSVReader.parse(Array("CHILD\n1\n".utf8), path: "e.csv"))?.columns == ["CHILD"])
    }
}
