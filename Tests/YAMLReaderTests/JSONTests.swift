import Testing
@testable import YAMLReader

@Suite struct JSONTests {
    @Test func rendersPrettyWithKeysInGivenOrder() {
        let value = JSON.object([
            ("zeta", .int(1)), ("alpha", .array([.bool(true), .null, .number(0.1)])), ("empty", .object([])),
            ("list", .array([])),
        ])
        #expect(value.rendered() == """
            {
              "zeta": 1,
              "alpha": [
                true,
                null,
                0.1
              ],
              "empty": {},
              "list": []
            }
            """)
        #expect(value.rendered(pretty: false) == #"{"zeta":1,"alpha":[true,null,0.1],"empty":{},"list":[]}"#)
    }

    @Test func escapesStrings() {
        let text = "q\" b\\ n\n t\t bell\u{07} del\u{7F} é 😀"
        #expect(JSON.string(text).rendered() == #""q\" b\\ n\n t\t bell\u0007 del\u007F é 😀""#)
    }

    @Test func writesDoublesInShortestFormAndNonFiniteAsStrings() {
        #expect(JSON.array([.number(3.0), .number(1e-7), .number(2.5e20), .number(-0.75)]).rendered(pretty: false)
            == "[3.0,1e-07,2.5e+20,-0.75]")
        #expect(JSON.array([.number(.infinity), .number(-.infinity), .number(.nan)]).rendered(pretty: false)
            == #"[".inf","-.inf",".nan"]"#)
    }

    @Test func equalityComparesObjectsInOrder() {
        #expect(JSON.object([("a", .int(1)), ("b", .null)]) == .object([("a", .int(1)), ("b", .null)]))
        #expect(JSON.object([("a", .int(1)), ("b", .null)]) != .object([("b", .null), ("a", .int(1))]))
        #expect(JSON.int(1) != .number(1))
        #expect(JSON.number(.nan) == .number(.nan))
    }
}
