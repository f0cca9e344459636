// The ScenarioModel stage; see Package.swift for where it sits.
