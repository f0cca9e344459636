// The CareSimulation stage; see Package.swift for where it sits.
