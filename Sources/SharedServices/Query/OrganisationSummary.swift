/// One organisation of the organisations view: how many arrangements of the current view
/// it is in, and what those arrangements save.
public struct OrganisationSummary: Sendable, Equatable {
    public var organisation: Int32
    public var arrangements: Int
    public var withFigure: Int
    /// The savings of the arrangements it is in, each in full: partners share an
    /// arrangement's savings, so these add up to more than the view's total.
    public var savings: Int64
    /// `savings` as a share of the view's total, 0...1.
    public var share: Double

    /// The columns the organisations view can sort by, left to right.
    public enum SortKey: Int, CaseIterable, Sendable {
        case name, sector, type, region, arrangements, savings, share
    }

    /// The organisations in `arrangements` (and every listed one), of the given types and
    /// regions when those are not empty; most involved first unless another order is asked.
    public static func rows(
        register: Register, arrangements: [Int], types: Set<String> = [], regions: Set<Int32> = [],
        sortedBy key: SortKey = .arrangements, descending: Bool = true
    ) -> [OrganisationSummary] {
        let organisations = register.organisations
        // The summary by organisation's count: a slot per organisation.
        let tally = register.tally(arrangements, by: .organisation)
        let viewTotal = tally.grandTotal
        var result: [OrganisationSummary] = []
        for index in 0..<organisations.count {
            if !types.isEmpty && !types.contains(organisations.types[index]) { continue }
            if !regions.isEmpty && !regions.contains(organisations.regions[index]) { continue }
            let slot = tally.slots[index]
            guard organisations.listed[index] || slot.count > 0 else { continue }
            result.append(
                OrganisationSummary(
                    organisation: Int32(index), arrangements: slot.count, withFigure: slot.figureCount,
                    savings: slot.total, share: viewTotal > 0 ? Double(slot.total) / Double(viewTotal) : 0))
        }
        return sorted(result, by: key, descending: descending, register: register)
    }

    /// `rows` sorted by a column, ties broken by name; organisations with no figure sort
    /// after every figure, whichever way.
    public static func sorted(
        _ rows: [OrganisationSummary], by key: SortKey, descending: Bool, register: Register
    ) -> [OrganisationSummary] {
        let organisations = register.organisations
        func name(_ row: OrganisationSummary) -> String { organisations.names[Int(row.organisation)] }
        func text(_ row: OrganisationSummary) -> String? { row.text(key, in: register) }
        func number(_ row: OrganisationSummary) -> Int64? {
            switch key {
            case .arrangements: return Int64(row.arrangements)
            case .savings, .share: return row.withFigure > 0 ? row.savings : nil
            default: return nil
            }
        }
        return rows.sorted { left, right in
            // Text compares folded, as searches do, and an empty value goes last either way.
            if let a = text(left).map(TextSearch.fold), let b = text(right).map(TextSearch.fold), a != b {
                if a.isEmpty || b.isEmpty { return b.isEmpty }
                return descending ? a > b : a < b
            }
            let a = number(left)
            let b = number(right)
            if a != b {
                guard let a else { return false }
                guard let b else { return true }
                return descending ? a > b : a < b
            }
            return name(left) < name(right)
        }
    }
}

extension OrganisationSummary {
    /// The organisation's text in a text column (name, sector, type, region; "" for none);
    /// nil for a column of figures.
    public func text(_ key: SortKey, in register: Register) -> String? {
        let organisations = register.organisations
        let index = Int(organisation)
        switch key {
        case .name: return organisations.names[index]
        case .sector: return organisations.sectors[index].name
        case .type: return organisations.types[index]
        case .region: return register.regionName(ofOrganisation: organisation) ?? ""
        case .arrangements, .savings, .share: return nil
        }
    }
}

extension ReportTable {
    /// The organisations view as a table: each organisation with its arrangements, and
    /// the savings of those arrangements and their share of the view's total.
    public static func organisations(_ rows: [OrganisationSummary], register: Register, title: String) -> ReportTable {
        let table = rows.map { row -> [Cell] in
            let texts: [OrganisationSummary.SortKey] = [.name, .sector, .type, .region]
            return texts.map { .text(row.text($0, in: register) ?? "") } + [
                .count(row.arrangements), .count(row.withFigure),
                row.withFigure > 0 ? .money(row.savings, .exact) : .missing,
                row.withFigure > 0 ? .share(row.share) : .missing,
            ]
        }
        return ReportTable(
            title: title,
            columns: [
                Column("Organisation"), Column("Sector"), Column("Type"), Column("Region"),
                Column("Arrangements", isNumeric: true), Column("With a figure", isNumeric: true),
                Column("Their arrangements' savings", isNumeric: true), Column("Share of savings", isNumeric: true),
            ],
            rows: table, notes: [OrganisationSummary.sharingNote])
    }
}

extension OrganisationSummary {
    /// Why the organisations' savings add up to more than the total.
    public static let sharingNote = "Partners share an arrangement's savings: each partner is credited with the "
        + "whole of every arrangement it is in, so the organisations' savings and shares add up to more than the total."
}
