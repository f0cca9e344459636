/// A council scaled up or down, for benchmarks and stress tests.
extension Scenario {
    /// This scenario with `target` children in care at the start and `entriesPerYear` entries a
    /// year: population, capacities, foster households and recruitment, and parent-and-child
    /// arrivals, and other streams' entries, are multiplied by the same factor; entries keep their split by age band.
    public func scaled(toInCare target: Int, entriesPerYear: Double) -> Scenario {
        var s = self
        let inCare = Double(population.reduce(0) { $0 + $1.count })
        let k = Double(target) / inCare
        let entryTotal = entries.perYear.reduce(0) { $0 + $1.perYear }
        s.population = population.map { var c = $0; c.count = Int((Double(c.count) * k).rounded()); return c }
        s.entries.perYear = entries.perYear.map { Rate(perYear: $0.perYear * entriesPerYear / entryTotal) }
        for k2 in s.entries.streams.indices {
            s.entries.streams[k2].perYear = entries.streams[k2].perYear.map { Rate(perYear: $0.perYear * k) }
        }
        for t in s.placementTypes.indices {
            for p in s.placementTypes[t].providers.indices {
                var provider = s.placementTypes[t].providers[p]
                provider.capacity = provider.capacity.map { Int((Double($0) * k).rounded()) }
                if var siblings = provider.siblings {
                    siblings.households = Int((Double(siblings.households) * k).rounded())
                    provider.siblings = siblings
                }
                if var carers = provider.fosterCarers {
                    carers.households = Int((Double(carers.households) * k).rounded())
                    carers.recruitedPerYear *= k
                    provider.fosterCarers = carers
                }
                s.placementTypes[t].providers[p] = provider
            }
        }
        if var pc = s.parentAndChild {
            pc.perYear = Rate(perYear: pc.perYear.perYear * k)
            s.parentAndChild = pc
        }
        return s
    }
}
