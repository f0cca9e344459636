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

    @Test func missingColumnSuggestsNearest() throws {
        let table = try CSVReader.parse(Array("CHILD,DECOMM\n1,2\n".utf8), path: "e.csv")
        #expect(throws: FileError(path: "e.csv", line: 1, "missing column 'DECOM'; did you mean 'DECOMM'?")) {
            try table.requiredColumn("DECOM")
        }
    }
}
