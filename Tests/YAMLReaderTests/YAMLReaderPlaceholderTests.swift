import Testing
@testable import YAMLReader
// Placeholder so the test target builds; replaced by real tests.
