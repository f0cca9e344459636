import Foundation
import Testing
@testable import Reports

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("plain fields are written bare, records end in CRLF")
    func plainTable() {
        let table = CSVTable(
            header: ["month", "children", "cost"],
            rows: [
                [.text("2025-04"), .integer(412), .number(1234.5, decimals: 2)],
                [.text("2025-05"), .integer(-3), .number(0, decimals: 0)],
            ])
        #expect(table.rendered() == "\u{FEFF}month,children,cost\r\n2025-04,412,1234.50\r\n2025-05,-3,0\r\n")
    }

    @Test("quotes only fields with comma, quote, CR or LF, doubling inner quotes")
    func quoting() {
        #expect(CSVTable.encode(.text("plain text")) == "plain text")
        #expect(CSVTable.encode(.text("Kent, Medway")) == "\"Kent, Medway\"")
        #expect(CSVTable.encode(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.encode(.text("two\nlines")) == "\"two\nlines\"")
        #expect(CSVTable.encode(.text("cr\rhere")) == "\"cr\rhere\"")
        #expect(CSVTable.encode(.text("")) == "")
        #expect(CSVTable.encode(.text("\"")) == "\"\"\"\"")
        #expect(CSVTable.encode(.text(" padded ")) == " padded ")
    }

    @Test("text that a spreadsheet would run as a formula gets a leading quote", arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+44 1634", "'+44 1634"),
        ("-5", "'-5"),
        ("@cmd", "'@cmd"),
        ("\tindented", "'\tindented"),
        ("=1,2", "\"'=1,2\""),
        ("\rx", "\"'\rx\""),
        ("a=b", "a=b"),
        ("'quoted", "'quoted"),
    ])
    func formulaNeutralisation(input: String, expected: String) {
        #expect(CSVTable.encode(.text(input)) == expected)
    }

    @Test("numeric fields are never neutralised")
    func numbersUntouched() {
        #expect(CSVTable.encode(.integer(-42)) == "-42")
        #expect(CSVTable.encode(.number(-1.25, decimals: 2)) == "-1.25")
        #expect(CSVTable.encode(.integer(Int.min)) == "-9223372036854775808")
    }

    @Test("numbers: '.' point, fixed decimals, no grouping, no currency")
    func numberFormatting() {
        #expect(CSVTable.encode(.number(11000, decimals: 2)) == "11000.00")
        #expect(CSVTable.encode(.number(21_200_000.456, decimals: 1)) == "21200000.5")
        #expect(CSVTable.encode(.number(0.1, decimals: 3)) == "0.100")
        #expect(CSVTable.encode(.number(2.5, decimals: 0)) == "2")  // printf rounds half to even on exact binary halves
        #expect(CSVTable.encode(.number(3.5, decimals: 0)) == "4")
        #expect(CSVTable.encode(.number(1e20, decimals: 0)) == "100000000000000000000")
        #expect(CSVTable.encode(.number(-0.5, decimals: 3)) == "-0.500")
    }

    @Test("negative zero and negatives rounding to zero are written unsigned")
    func negativeZero() {
        #expect(CSVTable.encode(.number(-0.0, decimals: 2)) == "0.00")
        #expect(CSVTable.encode(.number(-0.0, decimals: 0)) == "0")
        #expect(CSVTable.encode(.number(-0.001, decimals: 2)) == "0.00")
        #expect(CSVTable.encode(.number(-0.4, decimals: 0)) == "0")
        #expect(CSVTable.encode(.number(-0.006, decimals: 2)) == "-0.01")
    }

    @Test("NaN and infinities are written as empty fields")
    func nonFinite() {
        let table = CSVTable(
            header: ["a", "b", "c"],
            rows: [[.number(.nan, decimals: 2), .number(.infinity, decimals: 0), .number(-.infinity, decimals: 1)]])
        #expect(table.rendered() == "\u{FEFF}a,b,c\r\n,,\r\n")
    }

    @Test("every file starts with a BOM, ASCII or not, so Excel reads every file as UTF-8")
    func byteOrderMark() {
        let ascii = CSVTable(header: ["cost"], rows: [[.number(5, decimals: 2)]])
        #expect(Array(ascii.rendered().utf8) == [0xEF, 0xBB, 0xBF] + Array("cost\r\n5.00\r\n".utf8))

        let pound = CSVTable(header: ["cost (£)"], rows: [[.number(5, decimals: 2)]])
        #expect(Array(pound.rendered().utf8) == [0xEF, 0xBB, 0xBF] + Array("cost (£)\r\n5.00\r\n".utf8))

        let accentInRow = CSVTable(header: ["name"], rows: [[.text("plain")], [.text("café")]])
        #expect(Array(accentInRow.rendered().utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(accentInRow.rendered() == "\u{FEFF}name\r\nplain\r\ncafé\r\n")
    }

    @Test("an empty header writes no header record; an empty table writes nothing")
    func emptyHeader() {
        #expect(CSVTable(header: [], rows: [[.integer(1), .integer(2)]]).rendered() == "\u{FEFF}1,2\r\n")
        #expect(CSVTable(header: []).rendered() == "")
        #expect(CSVTable(header: ["only"]).rendered() == "\u{FEFF}only\r\n")
    }

    @Test("fields survive a round trip through an RFC 4180 parser")
    func roundTrip() throws {
        let texts = [
            "plain", "", "Kent, Medway", "say \"hi\"", "two\r\nlines", "lone\nLF", "lone\rCR",
            ",", "\"\"", "£11,000 a week", "trailing space ", "a=b", "x,\"y\",z\n",
        ]
        let table = CSVTable(
            header: ["label", "count", "value"],
            rows: texts.enumerated().map { index, text in
                [.text(text), .integer(index - 5), .number(Double(index) * -0.75, decimals: 2)]
            })
        var rendered = table.rendered()
        if rendered.hasPrefix("\u{FEFF}") { rendered.removeFirst() }
        let records = try #require(TinyCSVParser.parse(rendered))
        #expect(records.count == texts.count + 1)
        #expect(records.first == ["label", "count", "value"])
        for (index, text) in texts.enumerated() {
            let expectedValue = CSVTable.format(Double(index) * -0.75, decimals: 2)
            #expect(records[index + 1] == [text, String(index - 5), expectedValue])
        }
    }

    @Test("the test parser itself rejects malformed quoting")
    func parserRejectsMalformed() {
        #expect(TinyCSVParser.parse("\"open\r\n") == nil)
        #expect(TinyCSVParser.parse("a\"b\r\n") == nil)
        #expect(TinyCSVParser.parse("\"a\"b\r\n") == nil)
    }
}

/// A strict RFC 4180 reader for tests: CRLF-terminated records, quotes only around whole fields.
enum TinyCSVParser {
    /// The records of `text`, or `nil` if it is not well-formed RFC 4180 with CRLF line endings.
    static func parse(_ text: String) -> [[String]]? {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var atFieldStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if atFieldStart && scalar == "\"" {
                index += 1
                while true {
                    guard index < scalars.count else { return nil }
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                            field.append("\""); index += 2
                        } else {
                            index += 1; break
                        }
                    } else {
                        field.append(scalars[index]); index += 1
                    }
                }
                atFieldStart = false
                guard index < scalars.count, scalars[index] == "," || scalars[index] == "\r" else { return nil }
                continue
            }
            switch scalar {
            case ",":
                record.append(String(field)); field = .init(); atFieldStart = true; index += 1
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else { return nil }
                record.append(String(field)); field = .init()
                records.append(record); record = []
                atFieldStart = true; index += 2
            case "\"", "\n":
                return nil
            default:
                field.append(scalar); atFieldStart = false; index += 1
            }
        }
        guard record.isEmpty, field.isEmpty else { return nil }
        return records
    }
}
