extension ReportTable {
    /// Every district-level council of the map with what it is shaded by: for a report that
    /// needs the figures behind the picture.
    public static func mapCouncils(_ shading: MapShading, geometry: MapGeometry, title: String) -> ReportTable {
        let areas = geometry.outlines.areas
        let rows = geometry.districtsByName.map { area -> [Cell] in
            let county = geometry.countyOfArea[area]
            let countyCount = county.map { shading.arrangementCounts[$0] } ?? 0
            return [
                .text(areas[area].name), .text(areas[area].code), .text(county.map { areas[$0].name } ?? ""),
                .text(shading.regionOfArea[area] ?? ""),
                .count(shading.arrangementCounts[area]), .count(countyCount),
                shading.withFigure[area] > 0 ? .money(shading.savings[area], .exact) : .missing,
                shading.measure.isMoney ? .money(shading.values[area], .exact) : .count(Int(shading.values[area])),
            ]
        }
        let shadedBy = shading.byRegion ? "Each region shaded by " + shading.measure.regionLabel : "Each council shaded by " + shading.measure.label
        return ReportTable(
            title: title,
            columns: [
                Column("Council"), Column("GSS code"), Column("County"), Column("Region"),
                Column("Arrangements it is in", isNumeric: true), Column("Its county's", isNumeric: true),
                Column("Their savings to date", isNumeric: true), Column("Shaded by", isNumeric: true),
            ],
            rows: rows,
            notes: [
                shadedBy + ".",
                OrganisationSummary.sharingNote,
                "Not on the map (no known area): " + (shading.notOnTheMap.isEmpty ? "none" : shading.notOnTheMap.joined(separator: ", ")) + ".",
                geometry.outlines.attribution,
            ])
    }
}
