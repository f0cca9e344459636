import Testing
@testable import Reports
// Placeholder so the test target builds; replaced by real tests.
