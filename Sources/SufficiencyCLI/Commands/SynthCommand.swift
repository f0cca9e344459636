import Foundation
import Reports
import SSDA903

/// `sufficiency synth --output DIR`: a realistic fictional 903 return, and the rates it came from.
enum SynthCommand {
    static let spec = ArgumentSpec(
        command: "synth", summary: "write a fictional 903 return generated from known rates, for trying the tools",
        options: [
            .init("output", value: "DIR", help: "the folder to write year folders into (required)"),
            .init("seed", value: "N", help: "the random seed (default: 1)"),
            .init("years", value: "N", help: "collection years to write, ending 2025/26 (default: 5)"),
            .init("children", value: "N", help: "about how many children in care (default: 400)"),
        ])

    static let command = CLI.Command(spec: spec) { arguments, console in
        let output = try ReturnInput.required(arguments, "output", example: "--output data/synthetic")
        var options = SyntheticReturn.Options()
        options.seed = try arguments.int("seed", in: 0...Int.max).map(UInt64.init) ?? options.seed
        options.years = try arguments.int("years", in: 1...30) ?? options.years
        options.childrenInCare = try arguments.int("children", in: 1...1_000_000) ?? options.childrenInCare
        try RunOptions.checkWritable(output)
        // The folder is replaced as a whole, and only when it is new, empty or an earlier synth's:
        // written into a council's own return, fictional children would overwrite or mix with real ones.
        let folder = try FolderReplacement.begin(output)
        let truth = try SyntheticReturn.write(to: URL(fileURLWithPath: folder.staging), options: options)
        let note = "A fictional SSDA903 return written by 'sufficiency synth' (seed \(options.seed), \(options.years) collection years, "
            + "about \(options.childrenInCare) children in care): no real child is in it. 'sufficiency synth' replaces this folder "
            + "as a whole when asked to write here again.\n"
        try OutputDirectory(path: folder.staging).write([(FolderReplacement.syntheticMarker, note)])
        try folder.commit()
        let first = options.lastYear.endingYear - options.years + 1
        console.out("wrote \(options.years) collection years (\(CollectionYear(endingYear: first)) to \(options.lastYear)) to \(output)/, "
                    + "one folder per year named by the year it ends: episodes.csv, header.csv, uasc.csv, oc3.csv")
        console.out(describe(truth))
        return 0
    }

    /// A placement group in the words a council uses (the 903 groups' names, not the code's).
    static func label(_ placement: Placement) -> String {
        switch placement {
        case .fosterInHouse: "in-house fostering"
        case .fosterAgency: "agency fostering"
        case .fosterOther: "other fostering"
        case .childrensHome: "children's home"
        case .secureChildrensHome: "secure children's home"
        case .nhs: "NHS"
        default: placement.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// The true rates, for comparing with what calibrate estimates.
    static func describe(_ truth: SyntheticTruth) -> String {
        var out = "\ntrue rates (all children fictional)\n  entries per year:"
        for band in AgeBand.allCases { out += String(format: " %@ %.1f;", band.label, truth.entriesPerYear[band] ?? 0) }
        out += "\n  exits per child-year before 18, by reason:\n"
        for reason in ExitReason.allCases {
            guard let rates = truth.exitHazard[reason], rates.values.contains(where: { $0 > 0 }) else { continue }
            out += "    \(reason.rawValue.replacingOccurrences(of: "_", with: " ")):"
            for band in AgeBand.allCases { out += String(format: " %@ %.2f;", band.label, rates[band] ?? 0) }
            out += "\n"
        }
        let stayingPut = truth.stayingPutAt18.keys.sorted().map { String(format: "%@ %.0f%%", label($0), 100 * truth.stayingPutAt18[$0]!) }
        out += "  staying put at 18, by the placement left: \(stayingPut.joined(separator: ", ")); from any other placement none\n"
        out += "  moves per child-year:"
        for placement in truth.moveHazard.keys.sorted() { out += String(format: " %@ %.2f;", label(placement), truth.moveHazard[placement]!) }
        let faults = truth.injectedFaults.keys.sorted().map { "\($0) \(truth.injectedFaults[$0]!)" }
        if !faults.isEmpty { out += "\n  faults injected into the episodes (the data-quality report should count them):\n    " + faults.joined(separator: "\n    ") }
        return out
    }
}
