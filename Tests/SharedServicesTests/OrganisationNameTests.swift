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
}
