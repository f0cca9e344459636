// The SSDA903 stage; see Package.swift for where it sits.
