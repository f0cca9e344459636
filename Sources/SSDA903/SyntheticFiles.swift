/// Writes one collection year of a synthetic return as raw 903 CSV tables.
enum SyntheticFiles {
    typealias Child = SyntheticReturn.Child
    typealias Episode = SyntheticReturn.Episode

    /// PLACE and PLACE_PROVIDER for an episode in collection year `year` (codes change by year).
    static func codes(_ e: Episode, in year: CollectionYear) -> (String, String) {
        switch e.placement {
        case .connectedCarers: return (["U1", "U2", "U3"][e.variant], "PR1")
        case .fosterInHouse: return (["U4", "U5", "U6"][e.variant], "PR1")
        case .fosterAgency: return (["U4", "U5", "U4"][e.variant], e.variant == 1 ? "PR5" : "PR4")
        case .childrensHome: return ("K2", "PR4")
        case .supportedAccommodation: return (year.endingYear >= 2025 ? "K3" : "H5", "PR4")
        case .parentAndChild: return ("R3", "PR4")
        case .placedWithParents: return ("P1", "PR0")
        default: return (year.endingYear >= 2026 ? "Z1\(e.variant + 1)" : "Z1", "PR4")
        }
    }

    /// A fake postcode and URN derived from the child and the date (stable across years).
    static func fakes(_ id: String, _ day: Int) -> (String, String) {
        var sm = SplitMix64(seed: UInt64(Int(id) ?? 0) &* 1_000_003 &+ UInt64(bitPattern: Int64(day)))
        let a = sm.next(), b = sm.next()
        let letters = Array("ABCDEFGHJKLMNPRSTUWYZ")
        let post = "\(letters[Int(a % 21)])\(letters[Int((a >> 8) % 21)])\(1 + (a >> 16) % 29) \((a >> 24) % 10)\(letters[Int((a >> 32) % 21)])\(letters[Int((a >> 40) % 21)])"
        return (post, String(1_000_000 + b % 9_000_000))
    }

    static func tables(for year: CollectionYear, children: [Child], options: SyntheticReturn.Options,
                       truth: inout SyntheticTruth, rng: inout Xoshiro256) -> [(String, String)] {
        let nl = "\r\n"
        var episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN" + nl
        var header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB" + nl
        var uasc = "CHILD,SEX,DOB,DUC" + nl
        var oc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM" + nl
        var closedRows: [String] = []
        var rows = 0
        let date = CivilDate.formatRaw
        for child in children {
            var inYear = false
            var mother = ""
            for (n, e) in child.episodes.enumerated() where e.start <= year.lastDay && (e.end ?? Int.max) >= year.firstDay {
                inYear = true
                let (place, provider) = codes(e, in: year)
                let closed = (e.end ?? Int.max) <= year.lastDay
                let change = closed && n + 1 < child.episodes.count && child.episodes[n + 1].rne == "P" ? "PLACE" : ""
                let (home, _) = fakes(child.id, child.dob)
                let (post, urn) = fakes(child.id, e.start)
                let row = "\(child.id),\(date(e.start)),\(e.rne),\(e.ls),N\(1 + Int(child.dob & 7)),\(place),\(provider),"
                    + "\(closed ? date(e.end!) : ""),\(closed ? e.rec : ""),\(change),\(home),\(post),\(urn)" + nl
                episodes += row
                rows += 1
                if closed { closedRows.append(row) }
                if e.placement == .parentAndChild, child.sex == 2, AgeBand.on(e.start, dob: child.dob)! >= .tenToFifteen {
                    mother = "1,\(date(e.start - 20))"
                }
            }
            if inYear {
                header += "\(child.id),\(child.sex),\(date(child.dob)),WBRI,\(child.upn),\(mother.isEmpty ? "," : mother)" + nl
                if child.isUASC {
                    uasc += "\(child.id),\(child.sex),\(date(child.dob)),\(date(CivilDate.birthday(child.dob, age: 18) - 4))" + nl
                }
            }
            if child.agedOut {
                for age in 19...21 where (year.firstDay...year.lastDay).contains(CivilDate.birthday(child.dob, age: age)) {
                    let accom = ["B1", "C1", "D1", "E1", "K1", "T1", "U1", "Z1", "S2", "X2"][rng.below(10)]
                    oc3 += "\(child.id),\(date(child.dob)),YES,\(["F1", "F2", "G4", "G6", "P1"][rng.below(5)]),\(accom)" + nl
                }
            }
        }
        // Faults, each a known number of times.
        let k = max(1, Int(Double(rows) * options.faultRate))
        for _ in 0..<k where !closedRows.isEmpty {
            episodes += closedRows[rng.below(closedRows.count)]
        }
        truth.injectedFaults["exact duplicate row", default: 0] += closedRows.isEmpty ? 0 : k
        let invalid = year.endingYear < 2025 ? "K3" : year.endingYear == 2025 ? "Z11" : "H5"
        let faults: [(reason: String, row: (String, Int) -> String)] = [
            ("end date before start date", { id, d in "\(id),\(date(d)),S,C2,N1,U4,PR1,\(date(d - 5)),E8," }),
            ("placement code '\(invalid)' not valid in \(year)", { id, d in "\(id),\(date(d)),S,C2,N1,\(invalid),PR4,,," }),
            ("start date (DECOM) missing or not a date", { id, _ in "\(id),31/02/\(year.endingYear),S,C2,N1,U4,PR1,,," }),
        ]
        for fault in faults {
            for _ in 0..<k {
                let id = String(60_000_000 + rng.below(30_000_000))
                let day = year.firstDay + 30 + rng.below(300)
                let dob = day - 2000 - rng.below(3000)
                let (post, urn) = fakes(id, day)
                episodes += fault.row(id, day) + ",\(post),\(post),\(urn)" + nl
                header += "\(id),1,\(date(dob)),WBRI,\(SyntheticReturn.fakeUPN(&rng)),," + nl
            }
            truth.injectedFaults[fault.reason, default: 0] += k
        }
        return [("episodes.csv", episodes), ("header.csv", header), ("uasc.csv", uasc), ("oc3.csv", oc3)]
    }
}
