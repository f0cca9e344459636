import YAMLReader

/// The resolved scenario as JSON: variants merged, defaults filled, names instead of indices,
/// units normalised (rates per year, shares as fractions, durations in days, pounds per week).
extension Scenario {
    public var json: JSON {
        let types = placementTypes.map(\.name)
        let bandNames = ageBands.map(\.name)
        let childBands = Array(bandNames.prefix(firstLeaverBand))
        func mix(_ m: Mix, _ names: [String]) -> JSON {
            .object(zip(names, m.shares).filter { $0.1 > 0 }.map { ($0.0, .number($0.1)) } + (m.observed.map { [("observed", .number($0))] } ?? []))
        }
        func rate(_ r: Rate) -> JSON {
            guard let e = r.evidence else { return .number(r.perYear) }
            return .object([("per_year", .number(r.perYear)), ("events", .number(e.events)), ("years", .number(e.years))])
        }
        func distribution(_ d: Distribution) -> JSON {
            .object([("distribution", .string(d.kind.rawValue)), ("mean_days", .number(d.meanDays)), ("shape", .number(d.shape))])
        }
        func ages(_ list: [AgesWithinBand?]) -> JSON {
            .object(zip(childBands, list).compactMap { name, ages in
                guard let ages, let band = ageBands.first(where: { $0.name == name }) else { return nil }
                let byAge = ages.byAge.enumerated().map { ("\(band.fromAge + $0.offset)", JSON.number($0.element)) }
                return (name, .object((ages.atBirth > 0 ? [("at birth", .number(ages.atBirth))] : []) + byAge))
            })
        }
        let providerList = providers
        var top: [(String, JSON)] = [
            ("name", .string(name)), ("description", .string(description)),
            ("start", .string(start.description)), ("end", .string(end.description)), ("months", .int(months)),
            ("replications", .int(replications)), ("seed", .int(Int(clamping: seed))),
            ("age_bands", .array(ageBands.map { .object([("name", .string($0.name)), ("from_age", .int($0.fromAge)), ("to_age", .int($0.toAge))]) })),
        ]
        top.append(("placements", .array(placementTypes.map { type in
            .object([
                ("type", .string(type.name)), ("serves", .string(type.serves.rawValue)),
                ("providers", .array(type.providers.map { p in
                    .object([
                        ("name", .string(p.name)), ("in_house", .bool(p.inHouse)),
                        ("capacity", p.capacity.map(JSON.int) ?? .string("no limit")),
                        ("capacity_changes", .array(p.capacityChanges.map { .object([("date", .string($0.date.description)), ("change", .int($0.change))]) })),
                        ("foster_carers", p.fosterCarers.map { f in .object([
                            ("households", .int(f.households)), ("recruited_per_year", .number(f.recruitedPerYear)),
                            ("attrition", .number(f.attritionPerYear)), ("places_per_household", .number(f.placesPerHousehold))]) } ?? .null),
                        ("weekly_cost", .number(p.weeklyCost)), ("uplift_above_inflation", .number(p.upliftAboveInflation)),
                        ("local_share", .number(p.localShare)),
                    ])
                })),
                ("move_rate_per_year", rate(type.moveRate)),
                ("moves_to_by_age_band", .object(zip(bandNames + AgeBand.careLeavers.map(\.name), type.moveTo).map { ($0.0, mix($0.1, types)) })),
                ("step_down", .bool(type.stepDown)),
            ])
        })))
        top.append(("population", .array(population.map {
            .object([("provider", .string(providerList[$0.provider].name)),
                     ("age_band", .string($0.band < bandNames.count ? bandNames[$0.band] : "parent and child")),
                     ("count", .int($0.count))] + (entries.streams.isEmpty ? [] : [("stream", .string($0.stream == 0 ? entries.name : entries.streams[$0.stream - 1].name))]))
        })))
        top.append(("entries", .object([
            ("per_year", .object(zip(childBands, entries.perYear).map { ($0.0, rate($0.1)) })),
            ("trend", .number(entries.trend)),
            ("changes", .array(entries.changes.map { c in .object([
                ("from", .string(c.from.description)), ("factor", .number(c.factor)),
                ("age_bands", .array((c.bands.isEmpty ? childBands : c.bands.map { childBands[$0] }).map(JSON.string)))]) })),
            ("first_placement", .object(zip(childBands, entries.firstPlacement).map { ($0.0, mix($0.1, types)) })),
            ("ages", ages(entries.ages)),
        ] + (entries.streams.isEmpty ? [] : [
            ("name", .string(entries.name)),
            ("streams", .object(entries.streams.map { stream in (stream.name, .object([
                ("per_year", .object(zip(childBands, stream.perYear).map { ($0.0, rate($0.1)) })),
                ("trend", .number(stream.trend)),
                ("changes", .array(stream.changes.map { c in .object([
                    ("from", .string(c.from.description)), ("factor", .number(c.factor)),
                    ("age_bands", .array((c.bands.isEmpty ? childBands : c.bands.map { childBands[$0] }).map(JSON.string)))]) })),
                ("first_placement", .object(zip(childBands, stream.firstPlacement).map { ($0.0, mix($0.1, types)) })),
                ("ages", ages(stream.ages)),
                ("exit_rates_per_year", stream.exitRates.map { table in .object(zip(exits.reasons, table).map { reason, rates in
                    (reason, .object(zip(childBands, rates).map { ($0.0, rate($0.1)) })) }) } ?? .string("the scenario's")),
            ] + (stream.pathwayFrom.map { mixes in [("care_leavers_pathway", .object(zip(types, mixes).filter { !$0.1.shares.isEmpty }.map { ($0.0, mix($0.1, types)) }))] } ?? []))) })),
        ]))))
        top.append(("exits", .object([
            ("rates_per_year", .object(zip(exits.reasons, exits.rates).map { reason, rates in
                (reason, .object(zip(childBands, rates).map { ($0.0, rate($0.1)) })) })),
            ("duration", .object(zip(childBands, exits.duration).map { ($0.0, $0.1.map(distribution) ?? .string("from the rates (exponential)")) })),
            ("trend", .number(exits.trend)),
            ("changes", .array(exits.changes.map { c in .object([
                ("from", .string(c.from.description)), ("factor", .number(c.factor)),
                ("reasons", .array((c.reasons.isEmpty ? exits.reasons : c.reasons.map { exits.reasons[$0] }).map(JSON.string))),
                ("age_bands", .array((c.bands.isEmpty ? childBands : c.bands.map { childBands[$0] }).map(JSON.string)))]) })),
        ] + (exits.byPlacement.contains { $0 != nil } ? [
            ("by_placement", .object(zip(types, exits.byPlacement).compactMap { type, rates in
                rates.map { (type, .object(zip(exits.reasons, $0).map { ($0.0, rate($0.1)) })) } })),
        ] : []))))
        switch inflation {
        case .yearly(let r): top.append(("inflation", .number(r)))
        case .byYear(let table, let otherwise):
            top.append(("inflation", .object(table.keys.sorted().map { ($0.description, .number(table[$0]!)) } + [("otherwise", .number(otherwise))])))
        }
        top.append(("need_trends", .object(needTrends.map { (types[$0.placementType], .number($0.perYear)) })))
        top.append(("parent_and_child", parentAndChild.map { pc in .object([
            ("per_year", rate(pc.perYear)), ("trend", .number(pc.trend)), ("duration", distribution(pc.duration)),
            ("placement", mix(pc.placement, types)), ("baby_enters_care", .number(pc.babyEntersCare))]) } ?? .null))
        top.append(("care_leavers", careLeavers.map { cl in .object([
            ("pathway", .object(zip(types, cl.pathwayFrom).filter { !$0.1.shares.isEmpty }.map { ($0.0, mix($0.1, types)) })),
            ("support_to_25", .number(cl.supportTo25)),
            ("unsuitable", .array(cl.unsuitable.map { .string(types[$0]) }))]) } ?? .null))
        top.append(("budgets", .array(budgets.map { b in .object([
            ("financial_year", .string(b.year.description)),
            ("line", .string(b.provider.map { providerList[$0].name } ?? "total")), ("pounds", .number(b.pounds))]) })))
        if let populationObserved { top.append(("population_observed", .number(populationObserved))) }
        top.append(("population_ages", ages(populationAges)))
        top.append(("variability", .object([("entries", .number(variability.entries)), ("exits", .number(variability.exits))]
                                           + (variability.moves > 0 ? [("moves", .number(variability.moves))] : [])
                                           + (variability.placements > 0 ? [("placements", .number(variability.placements))] : []) + [
                                                ("rates_averaged_over_years", .number(variability.averagedYears))]
                                           + (variability.yearsBeforeStart > 0
                                              ? [("years_from_rates_to_start", .number(variability.yearsBeforeStart))] : []))))
        // Written only when used, so that the resolved form of a scenario without them is as before.
        if let e = emergencyBeds {
            top.append(("emergency_beds", .object([
                ("placement", .string(types[e.placementType])), ("entries", .number(e.entryShare)),
                ("moves", .number(e.moveShare)), ("stay", distribution(e.stay))])))
        }
        if !entries.siblingGroups.isEmpty {
            top.append(("sibling_groups", .object(zip(childBands, entries.siblingGroups).map { band, sizes in
                (band, .object(sizes.shares.enumerated().filter { $0.element > 0 }.map { ("\($0.offset + 1)", .number($0.element)) }))
            })))
        }
        let siblingHouseholds = providerList.compactMap { p in
            p.siblings.map { (p.name, JSON.object([("households", .int($0.households)), ("places", .int($0.places))])) }
        }
        if !siblingHouseholds.isEmpty { top.append(("sibling_households", .object(siblingHouseholds))) }
        top.append(("child_population", childPopulation.map { .int($0) } ?? .null))
        return .object(top)
    }
}
