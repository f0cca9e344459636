import Testing
@testable import YAMLReader

@Suite struct SuggestionTests {
    @Test func suggestsTheNearestName() {
        #expect(Suggestion.nearest(to: "capacty", among: ["weekly_cost", "capacity", "name"]) == "capacity")
        #expect(Suggestion.nearest(to: "Weekly_Cost", among: ["weekly_cost"]) == "weekly_cost")
        #expect(Suggestion.didYouMean("capcaity", among: ["capacity"]) == "; did you mean 'capacity'?")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.nearest(to: "banana", among: ["capacity", "name"]) == nil)
        #expect(Suggestion.didYouMean("x", among: [String]()) == "")
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("ab", "ba", 1), ("same", "same", 0)])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == expected)
    }
}
