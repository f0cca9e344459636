// The Reports stage; see Package.swift for where it sits.
