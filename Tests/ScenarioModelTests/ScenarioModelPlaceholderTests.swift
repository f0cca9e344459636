import Testing
@testable import ScenarioModel
// Placeholder so the test target builds; replaced by real tests.
