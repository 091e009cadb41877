import SharedServices
import TerminalUI

/// Builds the filter pickers, each option with the count and savings it would give.
enum Pickers {
    static func make(_ kind: PickerKind, state: AppState) -> ListPicker {
        let register = state.register
        var chosen: Set<Int> = []
        let options: [PickerOption]
        switch kind {
        case .service, .serviceArea, .region, .sector, .status:
            // Counts as if this dimension were not filtered, as faceted search does.
            var base = state.filter
            let dimension: Dimension
            switch kind {
            case .service:
                chosen = Set(base.services.map(Int.init))
                base.services = []
                dimension = .service
            case .serviceArea:
                chosen = Set(base.serviceAreas.map(Int.init))
                base.serviceAreas = []
                dimension = .serviceArea
            case .region:
                chosen = Set(base.regions.map(Int.init))
                base.regions = []
                dimension = .region
            case .sector:
                chosen = Set(base.sectors.compactMap { SectorCriterion.allCases.firstIndex(of: $0) })
                base.sectors = []
                dimension = .sector
            default:
                chosen = Set(base.statuses.map { Int($0.rawValue) })
                base.statuses = []
                dimension = .status
            }
            // Unfiltered by this dimension, the base is the state's own filter.
            let rows = base == state.filter ? state.filteredRows : base.matchingRows(in: register)
            var groups = register.summarise(rows, by: dimension, metric: .count)
            groups.removeAll { $0.key == .notRecorded }
            var made: [PickerOption] = groups.compactMap { group in
                guard let id = optionID(group.key) else { return nil }
                return PickerOption(
                    id: id, label: group.label,
                    detail: detail(count: group.count, total: group.total, qualifier: group.qualifier))
            }
            if kind == .sector, let crossIndex = SectorCriterion.allCases.firstIndex(of: .crossSector) {
                let crossRows = rows.filter { register.isCrossSector($0) }
                made.append(
                    PickerOption(
                        id: crossIndex, label: "Cross-sector (any partner not a council)",
                        detail: detail(
                            count: crossRows.count, total: register.totalSavings(crossRows),
                            qualifier: register.totalQualifier(crossRows))))
            }
            options = made
        case .organisationType:
            let types = organisationTypes(register)
            chosen = Set(types.indices.filter { state.organisationTypes.contains(types[$0]) })
            options = types.enumerated().map { index, type in
                let count = (0..<register.organisations.count).filter { register.organisations.types[$0] == type }.count
                return PickerOption(id: index, label: type, detail: "\(count)")
            }
        case .organisationRegion:
            chosen = Set(state.organisationRegions.map(Int.init))
            options = register.regions.values.enumerated().map { index, region in
                let count = register.organisations.regions.filter { $0 == Int32(index) }.count
                return PickerOption(id: index, label: region, detail: "\(count)")
            }
        }
        return ListPicker(title: "Filter by \(kind.title)  (←/→ other filters)", options: options, chosen: chosen)
    }

    static func organisationTypes(_ register: Register) -> [String] {
        Array(Set(register.organisations.types.filter { !$0.isEmpty })).sorted()
    }

    private static func optionID(_ key: GroupKey) -> Int? {
        switch key {
        case .serviceArea(let id), .service(let id), .region(let id): return Int(id)
        case .sector(let sector): return SectorCriterion.allCases.firstIndex { $0.sector == sector }
        case .status(let status): return Int(status.rawValue)
        default: return nil
        }
    }

    private static func detail(count: Int, total: Int64, qualifier: SavingsQualifier) -> String {
        "\(count) · \(Money.format(total, qualifier))"
    }

    /// Applies a picker's ticks to the state's filters.
    static func apply(_ kind: PickerKind, chosen: Set<Int>, state: inout AppState) {
        var filter = state.filter
        switch kind {
        case .service: filter.services = Set(chosen.map(Int32.init))
        case .serviceArea: filter.serviceAreas = Set(chosen.map(Int32.init))
        case .region: filter.regions = Set(chosen.map(Int32.init))
        case .sector:
            filter.sectors = Set(chosen.compactMap { SectorCriterion.allCases.indices.contains($0) ? SectorCriterion.allCases[$0] : nil })
        case .status: filter.statuses = Set(chosen.compactMap { Status(rawValue: UInt8(clamping: $0)) })
        case .organisationType:
            let types = organisationTypes(state.register)
            state.setOrganisationFilters(
                types: Set(chosen.compactMap { types.indices.contains($0) ? types[$0] : nil }),
                regions: state.organisationRegions)
            return
        case .organisationRegion:
            state.setOrganisationFilters(types: state.organisationTypes, regions: Set(chosen.map(Int32.init)))
            return
        }
        state.setFilter(filter)
    }
}
