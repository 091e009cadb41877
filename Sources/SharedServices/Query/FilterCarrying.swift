extension ArrangementFilter {
    /// The same filter on another register (the whole of one first shown in part): values
    /// the register numbers (service areas, services, regions, organisations) are matched
    /// by name. `lost` names the chosen values `other` has no value of that name for;
    /// they are dropped from the filter.
    public func carried(from register: Register, to other: Register) -> (filter: ArrangementFilter, lost: [String]) {
        var filter = self
        var lost: [String] = []
        for dimension in Dimension.all where dimension.isNumberedByRegister {
            let chosen = dimension.chosen(in: self)
            guard !chosen.isEmpty else { continue }
            var carried: Set<Int32> = []
            for value in chosen {
                let name = dimension.name(of: value, in: register)
                // Most often the other register numbers it the same way.
                if dimension.name(of: value, in: other) == name {
                    carried.insert(value)
                } else if let found = try? dimension.value(named: name, in: other), dimension.name(of: found, in: other) == name {
                    carried.insert(found)
                } else {
                    lost.append(name)
                }
            }
            filter = dimension.setting(carried, in: filter)
        }
        return (filter, lost)
    }
}

extension Dimension {
    /// Whether the values are numbers a register gives its own categories and
    /// organisations, rather than fixed ones (sectors, statuses, years).
    public var isNumberedByRegister: Bool {
        switch grouping {
        case .category, .partners: return true
        case .year, .status, .sector, .figure: return false
        }
    }
}
