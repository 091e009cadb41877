extension ReportTable {
    /// Every district-level council of the map with what it is shaded by: for a report that
    /// needs the figures behind the picture.
    public static func mapCouncils(_ shading: MapShading, geometry: MapGeometry, arrangements: Int) -> ReportTable {
        let areas = geometry.outlines.areas
        let rows = geometry.districtsByName.map { area -> [Cell] in
            let county = geometry.countyOfArea[area]
            let countyCount = county.map { shading.arrangementCounts[$0] } ?? 0
            return [
                .text(areas[area].name), .text(areas[area].code), .text(county.map { areas[$0].name } ?? ""),
                .text(shading.regionOfArea[area] ?? ""),
                .count(shading.arrangementCounts[area]), .count(countyCount),
                shading.withFigure[area] > 0 ? .money(shading.savings[area], .exact) : .missing,
                shading.shownValue(ofArea: area).map { shading.measure.isMoney ? .money($0, .exact) : .count(Int($0)) } ?? .missing,
            ]
        }
        return ReportTable(
            title: "Councils in " + Count.format(arrangements, "arrangement", "arrangements"),
            columns: [
                Column("Council"), Column("GSS code"), Column("County"), Column("Region"),
                Column("Arrangements it is in", isNumeric: true), Column("Its county's", isNumeric: true),
                Column("Their savings to date", isNumeric: true), Column("Shaded by", isNumeric: true),
            ],
            rows: rows,
            notes: [
                shading.shadedBy.sentenceCased + ".",
                shading.sharingNothingText + ".",
                OrganisationSummary.sharingNote,
                (shading.notOnTheMapText?.sentenceCased ?? "Every council in view is on the map") + ".",
                geometry.outlines.attribution,
            ])
    }
}
