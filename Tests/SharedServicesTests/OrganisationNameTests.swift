import Foundation
import Testing

@testable import SharedServices

/// The key partners are matched by: the many ways one body's name is written come to one.
@Suite("Organisation names")
struct OrganisationNameTests {
    @Test(arguments: [
        ("Adur District Council", "adur district council"),
        ("  Kensington & Chelsea  ", "kensington and chelsea"),
        ("Kensington&Chelsea", "kensington and chelsea"),
        ("& Co", "and co"),
        ("A && B", "a and and b"),
        ("King's Lynn and West Norfolk", "kings lynn and west norfolk"),
        ("King’s Lynn", "kings lynn"),
        ("Stoke-on-Trent City Council", "stoke on trent city council"),
        ("St. Helens", "st helens"),
        ("Saint Albans", "st albans"),
        ("Saintsbury", "saintsbury"),
        ("The Royal Borough of Windsor and Maidenhead", "royal borough of windsor and maidenhead"),
        ("Theale Parish", "theale parish"),
        ("Kent Fire and Rescue Service", "kent fire"),
        ("Kent Fire & Rescue Service", "kent fire"),
        ("Essex Police Force", "essex police"),
        ("Durham Constabulary", "durham police"),
        ("NHS Brent Clinical Commissioning Group", "nhs brent ccg"),
        ("Firebrand Services", "firebrand services"),
        ("Cornwall (Unitary)", "cornwall unitary"),
        ("Région Île-de-France", "region ile de france"),
        ("Ærø Kommune", "ærø kommune"),
        ("North Somerset\tCouncil\n", "north somerset council"),
        ("2gether NHS Foundation Trust", "2gether nhs ft"),
        ("", ""),
        ("—", ""),
        ("   ", ""),
        ("the", "the"),
        ("The ", "the"),
        ("The Saint Helens Trust", "st helens trust"),
        ("Αθήνα Δήμος", "αθηνα δημοσ"),
        ("Москва Совет", "москва совет"),
        ("North\u{00A0}Somerset\u{2003}Council", "north somerset council"),
        ("Ward ٣ Council", "ward council"),
        ("Cafe\u{0301} Trust", "cafe trust"),
    ])
    func normalises(name: String, expected: String) {
        #expect(OrganisationName.normalised(name) == expected, "\(name.debugDescription)")
    }

    /// Every name ssmap is given to match, normalised as before normalising was done on
    /// bytes (a String appended a scalar at a time, Foundation's replacing): the same key
    /// for each of the bundled list's names, the sample's organisations and partners as
    /// written, and names written the ways people write them.
    @Test func bytesGiveTheKeysStringsGave() throws {
        var diagnostics: [Diagnostic] = []
        var names = try BundledOrganisations.builder(diagnostics: &diagnostics).organisations.names
        let sample = try RegisterLoader.load(
            arrangements: ReaderEquivalenceTests.sampleArrangements, organisations: ReaderEquivalenceTests.sampleOrganisations
        ).register
        names += sample.organisations.names
        names += sample.allRows.flatMap { sample.partnersAsWritten($0) }
        #expect(names.count > 1_000)
        let written = names.flatMap { name in
            [
                name, name.uppercased(), " \(name) ", "The \(name)", name.replacingOccurrences(of: " and ", with: " & "),
                name.replacingOccurrences(of: " ", with: "  "), name + " Fire and Rescue Service fire service",
                "Saint " + name + " saint", name.replacingOccurrences(of: "e", with: "é"),
            ]
        }
        for name in written {
            #expect(OrganisationName.normalised(name) == Self.normalisedAsStrings(name), "\(name.debugDescription)")
        }
    }

    /// `OrganisationName.normalised` as it was written on Strings.
    static func normalisedAsStrings(_ name: String) -> String {
        var joined = " "
        var hasWord = false
        var wordEnded = false
        for scalar in TextSearch.fold(name).unicodeScalars {
            if scalar == "&" {
                joined += hasWord ? " and" : "and"
                hasWord = true
                wordEnded = true
            } else if scalar.isASCII ? scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) : scalar.properties.isAlphabetic {
                if wordEnded && hasWord { joined += " " }
                joined.unicodeScalars.append(scalar)
                hasWord = true
                wordEnded = false
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                wordEnded = true
            }
        }
        joined += " "
        for (long, short) in OrganisationName.synonyms {
            joined = joined.replacingOccurrences(of: " \(long) ", with: " \(short) ")
        }
        var result = joined.trimmingWhitespace()
        if result.hasPrefix("the ") { result.removeFirst(4) }
        return result
    }
}
