import Testing
@testable import SSDA903
// Placeholder so the test target builds; replaced by real tests.
