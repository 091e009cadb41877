import SharedServices
import TerminalUI

/// Enter on a bar of the summary: filter the arrangements to that group.
enum DrillDown {
    static func apply(state: inout AppState) {
        guard state.groups.indices.contains(state.chart.selected) else { return }
        let group = state.groups[state.chart.selected]
        var filter = state.filter
        switch group.key {
        case .serviceArea(let id): filter.serviceAreas = [id]
        case .service(let id): filter.services = [id]
        case .region(let id): filter.regions = [id]
        case .sector(let sector):
            filter.sectors = [SectorCriterion.allCases.first { $0.sector == sector } ?? .crossSector]
        case .year(let year):
            filter.sinceYear = year
            filter.untilYear = year
        case .organisation(let id): filter.organisations = [id]
        case .status(let status): filter.statuses = [status]
        case .notRecorded:
            state.message = "\"(not recorded)\" cannot be filtered to"
            return
        }
        state.setFilter(filter)
        state.message = "Filtered to \(group.label)"
        Reducer.switchScreen(to: .arrangements, state: &state)
    }
}
