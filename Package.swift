// swift-tools-version: 6.0
// The architecture, stage by stage; each target depends only on the stages above it in this list.
//
//   YAMLReader      text → node tree with source positions and diagnostics (knows nothing of children)
//   ScenarioModel   node tree → typed, validated scenario (the domain vocabulary), variants, units
//   CareSimulation  the discrete-event model of children in care, and Monte Carlo replications
//   Reports         aggregation into quantiles, CSV, JSON, SVG charts and the HTML report
//   SSDA903         a council's 903 return → calibrated scenario, back-test, synthetic returns
//   PublishedTables the DfE's published council tables → calibrated scenario, back-test of every council
//   SufficiencyCLI  the commands: argument parsing, files, diagnostics, exit codes
//   sufficiency     the executable: calls SufficiencyCLI
import PackageDescription

let package = Package(
    name: "Sufficiency",
    products: [
        .executable(name: "sufficiency", targets: ["sufficiency"])
    ],
    targets: [
        .target(name: "YAMLReader"),
        .target(name: "ScenarioModel", dependencies: ["YAMLReader"]),
        .target(name: "CareSimulation", dependencies: ["ScenarioModel"]),
        .target(name: "Reports", dependencies: ["CareSimulation", "ScenarioModel"]),
        .target(name: "SSDA903", dependencies: ["Reports", "CareSimulation", "ScenarioModel"]),
        .target(name: "PublishedTables", dependencies: ["Reports", "CareSimulation", "ScenarioModel", "YAMLReader"]),
        .target(
            name: "SufficiencyCLI",
            dependencies: ["SSDA903", "PublishedTables", "Reports", "CareSimulation", "ScenarioModel", "YAMLReader"]),
        .executableTarget(name: "sufficiency", dependencies: ["SufficiencyCLI"]),

        .testTarget(name: "YAMLReaderTests", dependencies: ["YAMLReader"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScenarioModelTests", dependencies: ["ScenarioModel"]),
        .testTarget(name: "CareSimulationTests", dependencies: ["CareSimulation"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "SSDA903Tests", dependencies: ["SSDA903"]),
        .testTarget(name: "PublishedTablesTests", dependencies: ["PublishedTables"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SufficiencyCLITests", dependencies: ["SufficiencyCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
