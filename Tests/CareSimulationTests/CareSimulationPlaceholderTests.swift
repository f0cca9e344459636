import Testing
@testable import CareSimulation
// Placeholder so the test target builds; replaced by real tests.
