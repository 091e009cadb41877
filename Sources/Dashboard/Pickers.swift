import SharedServices
import TerminalUI

/// What a picker chooses: values of a dimension (the arrangements' filters), the
/// organisations screen's own filters, or a partner of the arrangement in the detail.
public enum PickerKind: Sendable, Hashable {
    case dimension(Dimension)
    case organisationType, organisationRegion
    case partner

    public var title: String {
        switch self {
        case .dimension(let dimension): return dimension.label
        case .organisationType: return "organisation type"
        case .organisationRegion: return "organisation region"
        case .partner: return "partner"
        }
    }

    /// The pickers ←/→ move between, this one among them.
    var neighbours: [PickerKind] {
        switch self {
        case .dimension: return Dimension.all.filter(\.isPickable).map(PickerKind.dimension)
        case .organisationType, .organisationRegion: return [.organisationType, .organisationRegion]
        case .partner: return [.partner]
        }
    }
}

/// Builds the filter pickers, each option with the count and savings it would give.
enum Pickers {
    /// The picker `f` opens first: services are what people look for.
    static let first = Dimension.service

    /// `f`: the organisations screen's own filters there, the arrangements' elsewhere.
    static func open(state: inout AppState) {
        let kind: PickerKind = state.screen == .organisations ? .organisationType : .dimension(first)
        state.overlay = .picker(kind, make(kind, state: state))
    }

    static func make(_ kind: PickerKind, state: AppState) -> ListPicker {
        let register = state.register
        var chosen: Set<Int> = []
        let options: [PickerOption]
        switch kind {
        case .dimension(let dimension):
            chosen = Set(dimension.chosen(in: state.filter).map(Int.init))
            // Counts as if this dimension were not filtered, as faceted search does.
            let base = dimension.setting([], in: state.filter)
            // Unfiltered by this dimension, the base is the state's own filter.
            let rows = base == state.filter ? state.filteredRows : base.matchingRows(in: register)
            var made: [PickerOption] = register.summarise(rows, by: dimension, metric: .count).compactMap { group in
                guard case .value(let value) = group.key else { return nil }
                return PickerOption(id: Int(value), label: group.label, detail: detail(count: group.count, group.valueText(.total)))
            }
            if let extra = dimension.extraValue {
                let extraRows = rows.filter { extra.matches(register, $0) }
                let reported = extraRows.contains { register.savingsToDate($0) != nil }
                let savings = Money.format(
                    reported ? register.totalSavings(extraRows) : nil, register.totalQualifier(extraRows))
                made.append(PickerOption(id: Int(extra.value), label: extra.label, detail: detail(count: extraRows.count, savings)))
            }
            options = made
        case .organisationType:
            let types = organisationTypes(register)
            chosen = Set(types.indices.filter { state.organisationTypes.contains(types[$0]) })
            options = types.enumerated().map { index, type in
                let count = (0..<register.organisations.count).filter { register.organisations.types[$0] == type }.count
                return PickerOption(id: index, label: type, detail: Count.format(count))
            }
        case .organisationRegion:
            chosen = Set(state.organisationRegions.map(Int.init))
            options = register.regions.values.enumerated().map { index, region in
                let count = register.organisations.regions.filter { $0 == Int32(index) }.count
                return PickerOption(id: index, label: region, detail: Count.format(count))
            }
        case .partner:
            let partners = state.selectedRow.map { register.partners($0) } ?? []
            options = partners.map { partner in
                let index = Int(partner)
                return PickerOption(
                    id: index, label: register.organisations.names[index], detail: register.organisations.sectors[index].name)
            }
        }
        let others = kind.neighbours.count > 1 ? "  (←/→ other filters)" : ""
        let soFar = state.loading == nil || kind == .partner ? "" : " · counts so far"
        let title = kind == .partner ? "Show the arrangements of a partner" : "Filter by \(kind.title)\(soFar)\(others)"
        return ListPicker(title: title, options: options, chosen: chosen)
    }

    /// `picker` made again from the state's register (the whole one, loaded while the
    /// picker was open): its ticks, typed text and highlighted option kept, by label.
    static func remade(_ picker: ListPicker, kind: PickerKind, state: AppState) -> ListPicker {
        var made = make(kind, state: state)
        let ticked = Set(picker.options.filter { picker.chosen.contains($0.id) }.map(\.label))
        made.chosen = Set(made.options.filter { ticked.contains($0.label) }.map(\.id))
        made.query = picker.query
        if let highlighted = picker.highlighted?.label,
            let index = made.visibleOptions.firstIndex(where: { $0.label == highlighted })
        {
            made.scroll = picker.scroll.keepingHeight(selecting: index)
        }
        return made
    }

    static func organisationTypes(_ register: Register) -> [String] {
        Array(Set(register.organisations.types.filter { !$0.isEmpty })).sorted()
    }

    /// "43 · £55.9m", "3 · —" when none of them reported a figure.
    private static func detail(count: Int, _ savings: String) -> String { "\(Count.format(count)) · \(savings)" }

    /// Applies a picker's ticks to the state's filters.
    static func apply(_ kind: PickerKind, chosen: Set<Int>, state: inout AppState) {
        switch kind {
        case .dimension(let dimension):
            state.setFilter(dimension.setting(Set(chosen.map(Int32.init)), in: state.filter))
        case .organisationType:
            let types = organisationTypes(state.register)
            state.setOrganisationFilters(
                types: Set(chosen.compactMap { types.indices.contains($0) ? types[$0] : nil }),
                regions: state.organisationRegions)
        case .organisationRegion:
            state.setOrganisationFilters(types: state.organisationTypes, regions: Set(chosen.map(Int32.init)))
        case .partner:
            guard !chosen.isEmpty else { return }
            state.setFilter(Dimension.organisation.setting(Set(chosen.map(Int32.init)), in: state.filter))
            let names = chosen.sorted().map { state.register.organisations.names[$0] }.joined(separator: " or ")
            state.message = "Arrangements with \(names): \(Count.format(state.rows.count))"
            Reducer.switchScreen(to: .arrangements, state: &state)
        }
    }

    /// `p` in the detail: a picker of the arrangement's partners.
    static func openPartners(state: inout AppState) {
        guard state.selectedRow != nil else {
            state.message = "No arrangement selected: the current view is empty"
            return
        }
        state.overlay = .picker(.partner, make(.partner, state: state))
    }

    /// The arrangements an organisation is in, on the first screen.
    static func showArrangements(of organisation: Int32, state: inout AppState) {
        state.setFilter(Dimension.organisation.setting([organisation], in: state.filter))
        state.message = "Arrangements with \(state.register.organisations.names[Int(organisation)]): \(Count.format(state.rows.count))"
        Reducer.switchScreen(to: .arrangements, state: &state)
    }
}
