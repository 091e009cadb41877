import Foundation
import Testing
@testable import Dashboard
import SharedServices
import TerminalUI

/// Screen 6: England's councils shaded by the arrangements in view, the chosen
/// arrangement lit, a cursor moving from council to council.
@Suite struct MapScreenTests {
    static func mapState(width: Int = 120, height: Int = 40, keys: String = "") throws -> AppState {
        var state = Sample.state(width: width, height: height)
        Keys.run(keys, on: &state)
        return state
    }

    static func geometry(_ state: AppState) throws -> MapGeometry {
        try #require(state.map.geometry, "the map's outlines were not read: \(state.map.problem ?? "no reason")")
    }

    static func area(named name: String, _ geometry: MapGeometry) throws -> Int {
        try #require(geometry.outlines.areas.firstIndex { $0.name == name }, "no area named \(name)")
    }

    @Test func choosingHuBProcurementAndPressing6LightsBrentAndHarrow() throws {
        var state = Sample.state()
        let hub = try #require(state.rows.firstIndex { state.register.name($0).hasPrefix("HuB Procurement") })
        Keys.run(String(repeating: "j", count: hub) + "6", on: &state)
        #expect(state.screen == .map)
        let geometry = try Self.geometry(state)
        let raster = try #require(state.map.raster)
        let shading = try #require(state.map.shading)
        let picture = MapScreen.picture(state, raster: raster, geometry: geometry, shading: shading)
        let brent = try Self.area(named: "Brent", geometry)
        let harrow = try Self.area(named: "Harrow", geometry)
        #expect(picture.light[brent] == .partner)
        #expect(picture.light[harrow] == .partner)
        #expect(picture.light.filter { $0 != .none }.count == 2, "only the two partners are lit")
        #expect(picture.lead == harrow, "Harrow leads HuB Procurement")
        // On screen: the lead's mark, and Brent lit at its cell even though it is smaller than one.
        let frame = Render.frame(state)
        let rect = MapScreen.mapRect(Layout(size: state.size))
        let leadCell = try #require(raster.anchors[harrow])
        #expect(frame[rect.x + leadCell.x, rect.y + leadCell.y].character == MapPainter.leadMark)
        let brentCell = try #require(raster.anchors[brent])
        if brentCell != leadCell {
            #expect(frame[rect.x + brentCell.x, rect.y + brentCell.y].style == state.theme.lit)
        }
        // The status line names the partners once the message has gone.
        Keys.run("<Right><Left>", on: &state)
        let status = MapScreen().status(state)
        #expect(status.contains("London Borough of Brent"), "\(status)")
        #expect(status.contains("London Borough of Harrow (lead)"), "\(status)")
    }

    /// The lit arrangement is one in view: a filter that keeps it keeps it lit, one that
    /// hides it puts it out.
    @Test func aFilterThatHidesTheLitArrangementPutsItOut() throws {
        var state = Sample.state()
        let hub = try #require(state.rows.firstIndex { state.register.name($0).hasPrefix("HuB Procurement") })
        Keys.run(String(repeating: "j", count: hub) + "6", on: &state)
        let lit = try #require(state.map.arrangement)
        let service = try #require(state.register.service(lit))
        let own = try Dimension.service.value(named: service, in: state.register)
        state.setFilter(Dimension.service.setting([own], in: ArrangementFilter()))
        #expect(state.map.arrangement == lit)
        let other = try #require((0..<Int32(state.register.services.count)).first { $0 != own })
        state.setFilter(Dimension.service.setting([other], in: ArrangementFilter()))
        #expect(state.map.arrangement == nil)
        #expect(!Render.frame(state).text.contains(String(MapPainter.leadMark)))
    }

    /// Narrow, the legend takes a shorter form rather than lose its top classes: at 60
    /// columns it still reaches the highest class's top value (the lit arrangement's marks,
    /// after the classes, give way first).
    @Test(arguments: [60, 80, 120])
    func theLegendKeepsItsTopClassWhenNarrow(width: Int) throws {
        var state = Sample.state(width: width, height: 24)
        Keys.run("6", on: &state)
        let shading = try #require(state.map.shading)
        let top = try #require(state.map.classBounds.last)
        let frame = Render.frame(state)
        let legend = try #require(
            (0..<frame.height).map { frame.line($0) }.first { $0.contains(shading.measure.short + ":") }, "no legend line")
        #expect(legend.contains(shading.format(top)), "\(legend)")
        #expect(legend.contains("none"))
        if width >= 120 { #expect(legend.hasPrefix(shading.heading + ":"), "the full form where it fits: \(legend)") }
    }

    @Test func partnersBeyondCouncilsAreDrawnAsTheirAreasAndSites() throws {
        var state = try Self.mapState(keys: "6")
        let geometry = try Self.geometry(state)
        let raster = try #require(state.map.raster)
        let shading = try #require(state.map.shading)
        let register = state.register
        let organisations = register.organisations
        func picture(_ row: Int) -> MapPicture {
            state.map.arrangement = row
            return MapScreen.picture(state, raster: raster, geometry: geometry, shading: shading)
        }
        // A police or fire partner's councils are striped where no partner council fills them.
        let withForce = register.allRows.filter { row in
            register.partners(row).contains { [.fire, .police].contains(organisations.sectors[Int($0)]) }
        }
        #expect(withForce.contains { picture($0).light.contains(.covered) })
        for row in withForce.prefix(20) {
            let light = picture(row).light
            for partner in register.partners(row) where [.fire, .police].contains(organisations.sectors[Int(partner)]) {
                for council in organisations.councils(coveredBy: partner) {
                    let area = try #require(geometry.outlines.area(code: organisations.gssCodes[Int(council)]))
                    #expect(light[area] != .none, "\(organisations.names[Int(council)]) is covered by \(organisations.names[Int(partner)])")
                }
            }
        }
        // An NHS partner is placed at its site.
        let withHealth = try #require(register.allRows.first { row in
            register.partners(row).contains { organisations.sectors[Int($0)] == .health }
        })
        #expect(!picture(withHealth).sites.isEmpty)
    }

    /// The issue's test: for every council with at least one whole cell, the cursor put on
    /// such a cell names that council.
    @Test(arguments: [(120, 40), (80, 24)])
    func aClickOnACellInsideACouncilNamesIt(size: (Int, Int)) throws {
        var state = try Self.mapState(width: size.0, height: size.1, keys: "6a")
        let geometry = try Self.geometry(state)
        let raster = try #require(state.map.raster)
        let rect = MapScreen.mapRect(Layout(size: state.size))
        var wholeCell: [Int: (x: Int, y: Int)] = [:]
        for row in 0..<raster.frame.rows {
            for column in 0..<raster.frame.columns {
                let ids = Set(raster.cellDots(column: column, row: row))
                if ids.count == 1, let id = ids.first, id != DotRaster.empty, wholeCell[Int(id)] == nil {
                    wholeCell[Int(id)] = (column, row)
                }
            }
        }
        #expect(wholeCell.count >= (size.0 == 120 ? 40 : 1), "\(wholeCell.count) councils cover a whole cell")
        for (area, cell) in wholeCell {
            _ = Reducer.handle(.mouse(MouseEvent(.press(.left), x: rect.x + cell.x, y: rect.y + cell.y)), state: &state)
            #expect(state.map.cursor == area)
            let status = MapScreen().status(state)
            #expect(status.hasPrefix(geometry.outlines.areas[area].name + ":"), "\(status)")
        }
    }

    @Test func theArrowsMoveFromCouncilToCouncilTheWayTheyPoint() throws {
        var state = try Self.mapState(keys: "6a")
        let geometry = try Self.geometry(state)
        let start = try #require(state.map.cursor)
        for (key, dx, dy) in [("<Right>", 1.0, 0.0), ("<Left>", -1.0, 0.0), ("<Up>", 0.0, 1.0), ("<Down>", 0.0, -1.0)] {
            var moved = state
            Keys.run(key, on: &moved)
            let next = try #require(moved.map.cursor)
            #expect(next != start, "\(key) moved")
            let from = geometry.centres[start]
            let to = geometry.centres[next]
            // dy here is north-positive, as latitude is.
            #expect((to.longitude - from.longitude) * dx + (to.latitude - from.latitude) * dy > 0, "\(key) went the wrong way")
            #expect(MapScreen().status(moved).hasPrefix(geometry.outlines.areas[next].name + ":"))
        }
        // Far enough one way, it stops and says so.
        for _ in 0..<200 { Keys.run("<Left>", on: &state) }
        Keys.run("<Left>", on: &state)
        #expect(state.message?.hasPrefix("No council further west") == true, "\(state.message ?? "")")
    }

    @Test func enterListsTheArrangementsOfTheCouncilUnderTheCursor() throws {
        var state = try Self.mapState(keys: "6a/Teignbridge<Enter>")
        let geometry = try Self.geometry(state)
        let teignbridge = try Self.area(named: "Teignbridge", geometry)
        #expect(state.map.cursor == teignbridge)
        Keys.run("<Enter>", on: &state)
        #expect(state.screen == .arrangements)
        let council = try #require(state.register.organisations.council(withGSSCode: geometry.outlines.areas[teignbridge].code))
        #expect(!state.rows.isEmpty)
        #expect(state.rows.allSatisfy { state.register.partners($0).contains(council) })
        let expected = state.register.allRows.filter { state.register.partners($0).contains(council) }.count
        #expect(state.rows.count == expected)
    }

    @Test func zoomingKeepsTheCursorInViewAndZeroShowsAllOfEngland() throws {
        var state = try Self.mapState(keys: "6a")
        let whole = try #require(state.map.raster)
        Keys.run("++", on: &state)
        #expect(state.map.zoom == 4)
        let zoomed = try #require(state.map.raster)
        let cursor = try #require(state.map.cursor)
        #expect(zoomed.anchors[cursor] != nil, "the cursor's council is in view")
        #expect(zoomed.frame != whole.frame)
        // Moving far off the zoomed view pans to follow the cursor.
        for _ in 0..<12 { Keys.run("<Up>", on: &state) }
        let moved = try #require(state.map.cursor)
        #expect(try #require(state.map.raster).anchors[moved] != nil)
        // A search moving the cursor far away does too.
        Keys.run("/Cornwall<Enter>", on: &state)
        let cornwall = try Self.area(named: "Cornwall", try Self.geometry(state))
        #expect(state.map.cursor == cornwall)
        #expect(try #require(state.map.raster).anchors[cornwall] != nil, "the view followed the search to Cornwall")
        Keys.run("0", on: &state)
        #expect(state.map.zoom == 1 && state.map.centre == nil)
        Keys.run("-", on: &state)
        #expect(state.map.zoom == 1, "no further out than the whole country")
        for _ in 0..<10 { Keys.run("+", on: &state) }
        #expect(state.map.zoom == MapState.maximumZoom)
    }

    @Test func theWheelZoomsAboutTheCouncilUnderThePointer() throws {
        var state = try Self.mapState(keys: "6a")
        let geometry = try Self.geometry(state)
        let rect = MapScreen.mapRect(Layout(size: state.size))
        let raster = try #require(state.map.raster)
        // Cornwall, far from the cursor in the middle of England.
        let cornwall = try Self.area(named: "Cornwall", geometry)
        let cell = try #require(raster.anchors[cornwall])
        #expect(raster.area(column: cell.x, row: cell.y) == cornwall)
        let point = raster.coordinate(column: cell.x, row: cell.y)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.wheelUp), x: rect.x + cell.x, y: rect.y + cell.y)), state: &state)
        #expect(state.map.zoom == 2)
        #expect(state.map.cursor == cornwall)
        #expect(state.map.centre == point, "the view did not snap back to where the cursor was")
        _ = Reducer.handle(.mouse(MouseEvent(.press(.wheelUp), x: rect.x + rect.width / 2, y: rect.y + rect.height / 2)), state: &state)
        #expect(state.map.zoom == 4)
        #expect(try #require(state.map.raster).anchors[try #require(state.map.cursor)] != nil)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.wheelDown), x: rect.x, y: rect.y)), state: &state)
        _ = Reducer.handle(.mouse(MouseEvent(.press(.wheelDown), x: rect.x, y: rect.y)), state: &state)
        #expect(state.map.zoom == 1 && state.map.centre == nil)
    }

    @Test func theMapFollowsTheFilters() throws {
        var state = try Self.mapState(keys: "6a")
        let geometry = try Self.geometry(state)
        let all = try #require(state.map.shading)
        Keys.run("ftrading<Enter>", on: &state)
        Keys.run("6", on: &state)
        let filtered = try #require(state.map.shading)
        #expect(filtered.values != all.values)
        #expect(filtered.sharingNothing > all.sharingNothing)
        for name in ["Teignbridge", "Mendip", "Taunton Deane", "Torbay"] {
            #expect(filtered.values[try Self.area(named: name, geometry)] > 0, "\(name) shares trading standards")
        }
        #expect(filtered.values[try Self.area(named: "Leeds", geometry)] == 0)
    }

    @Test func theSearchFindsCouncilsAndMarksThem() throws {
        var state = try Self.mapState(keys: "6a/tor<Enter>")
        let geometry = try Self.geometry(state)
        let names = state.searchMatches.map { geometry.outlines.areas[geometry.districtsByName[$0]].name }
        #expect(names.contains("Torbay") && names.contains("Torridge"), "\(names)")
        #expect(names.allSatisfy { $0.lowercased().contains("tor") })
        let cursor = try #require(state.map.cursor)
        #expect(geometry.outlines.areas[cursor].name.lowercased().contains("tor"))
        let frame = Render.frame(state)
        #expect(frame.cells.contains { $0.style == state.theme.highlight }, "matches are marked on the map")
        Keys.run("n", on: &state)
        #expect(state.map.cursor != cursor)
    }

    @Test func mCyclesTheMeasuresAndRShadesRegionsWithTheirTotals() throws {
        var state = try Self.mapState(keys: "6a")
        var seen: [MapShading.Measure] = []
        for _ in MapShading.Measure.allCases {
            seen.append(state.map.measure)
            Keys.run("m", on: &state)
        }
        #expect(seen == MapShading.Measure.allCases)
        #expect(state.map.measure == .arrangements)
        Keys.run("r", on: &state)
        let shading = try #require(state.map.shading)
        #expect(shading.byRegion)
        #expect(shading.regionTotals.count == 9)
        #expect(shading.regionTotals.map(\.arrangements).reduce(0, +) == state.rows.count)
        let text = Render.frame(state).text
        #expect(text.contains("South East"), "the regions' totals are listed")
        // Every district of a region has the region's shade.
        let geometry = try Self.geometry(state)
        let southEast = geometry.districtsByName.filter { shading.regionOfArea[$0] == "South East" }
        #expect(Set(southEast.map { shading.values[$0] }).count == 1)
    }

    /// The county rule: a county's arrangements shade its districts, except for `own`.
    @Test func aCountysArrangementsShadeItsDistrictsUnlessTheMeasureIsOwn() throws {
        let state = try Self.mapState(keys: "6a")
        let geometry = try Self.geometry(state)
        let devon = try Self.area(named: "Devon", geometry)
        let teignbridge = try Self.area(named: "Teignbridge", geometry)
        #expect(geometry.countyOfArea[teignbridge] == devon)
        let withCounty = MapShading(register: state.register, rows: state.rows, geometry: geometry, measure: .arrangements)
        let own = MapShading(register: state.register, rows: state.rows, geometry: geometry, measure: .own)
        let organisations = state.register.organisations
        let devonCouncil = try #require(organisations.council(withGSSCode: geometry.outlines.areas[devon].code))
        let teignbridgeCouncil = try #require(organisations.council(withGSSCode: geometry.outlines.areas[teignbridge].code))
        // Each arrangement once, though some have both the county and the district as partners.
        let reaching = state.rows.filter { row in
            state.register.partners(row).contains { $0 == devonCouncil || $0 == teignbridgeCouncil }
        }
        let both = state.rows.filter { row in
            state.register.partners(row).contains(devonCouncil) && state.register.partners(row).contains(teignbridgeCouncil)
        }
        #expect(withCounty.values[teignbridge] == Int64(reaching.count))
        #expect(withCounty.values[teignbridge] == own.values[teignbridge] + Int64(own.arrangementCounts[devon] - both.count))
        #expect(own.values[teignbridge] == Int64(own.arrangementCounts[teignbridge]))
        #expect(own.arrangementCounts[devon] > 0)
        // Who shares nothing follows the rule: the 7 of the headline's 353 − 346 share through their county only.
        #expect(own.sharingNothing == 7, "\(own.sharingNothing)")
        #expect(withCounty.sharingNothing == 0)
        #expect(own.sharingNothingText.hasSuffix("share nothing themselves"))
        let help = Help.lines(for: .map, width: 72).map(\.text).joined(separator: " ")
        #expect(help.contains("a county's arrangements shade each of its districts"))
    }

    /// Every district of the organisations list's counties lies, by the outlines, in the
    /// county the list gives it.
    @Test func theOutlinesPutEachDistrictInItsCounty() throws {
        let state = try Self.mapState(keys: "6")
        let geometry = try Self.geometry(state)
        let organisations = state.register.organisations
        let countyColumn = try #require(organisations.extraColumnNames.firstIndex(of: "county"))
        var checked = 0
        for index in 0..<organisations.count where organisations.sectors[index] == .council {
            guard let area = geometry.outlines.area(code: organisations.gssCodes[index]),
                geometry.outlines.areas[area].layer == .district
            else { continue }
            let county = organisations.extraValues[index][countyColumn]
            let byOutline = geometry.countyOfArea[area].flatMap { county in
                organisations.council(withGSSCode: geometry.outlines.areas[county].code).map { organisations.names[Int($0)] }
            }
            #expect(byOutline == (county.isEmpty ? nil : county), "\(organisations.names[index])")
            checked += 1
        }
        #expect(checked == 326)
    }

    @Test func tablesNeverReadTheOutlines() throws {
        let data = Sample.data
        let source = MapOutlinesSource(path: Sample.directory.appendingPathComponent(AreaOutlines.bundledFileName).path, fileName: "x")
        var withLazyMap = data
        withLazyMap.mapOutlines = source
        var state = AppState(data: withLazyMap, size: TerminalSize(width: 120, height: 40))
        Keys.run("23451/a<Enter>", on: &state)
        #expect(!source.hasLoaded)
        Keys.run("6", on: &state)
        #expect(source.hasLoaded)
    }

    @Test func withoutOutlinesTheScreenSaysWhy() throws {
        var data = Sample.data
        data.mapOutlines = MapOutlinesSource(path: nil, fileName: AreaOutlines.bundledFileName)
        var state = AppState(data: data, size: TerminalSize(width: 80, height: 24))
        Keys.run("6<Left>+m<Enter>", on: &state)
        let text = Render.frame(state).text
        #expect(text.contains("england-2017-areas.txt) were not found"), "\(text)")
        var broken = Sample.data
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ssmap-broken-\(getpid()).txt")
        try Data("# ssmap map areas, version 1\nnot an area\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        broken.mapOutlines = MapOutlinesSource(path: file.path, fileName: AreaOutlines.bundledFileName)
        state = AppState(data: broken, size: TerminalSize(width: 80, height: 24))
        Keys.run("6", on: &state)
        let brokenText = Render.frame(state).text
        #expect(brokenText.contains(file.lastPathComponent + ":2:"), "names the file, line and column: \(brokenText)")
    }

    @Test func aResizeStormAndZoomsAtTheEdgeNeverDrawOutsideTheCanvas() throws {
        var state = try Self.mapState(keys: "6")
        var random = SystemRandomNumberGenerator()
        for step in 0..<300 {
            let size = TerminalSize(width: Int.random(in: 1...160, using: &random), height: Int.random(in: 1...60, using: &random))
            _ = Reducer.handle(.resize(size), state: &state)
            Keys.run(["+", "-", "<Left>", "<Up>", "<Right>", "<Down>", "0", "m", "r"][step % 9], on: &state)
            let frame = Render.frame(state)
            #expect(frame.requestsOutside == 0, "at \(size.width)×\(size.height)")
        }
        // At the country's corners, fully zoomed in.
        _ = Reducer.handle(.resize(TerminalSize(width: 120, height: 40)), state: &state)
        for key in ["<Left>", "<Up>", "<Right>", "<Down>"] {
            for _ in 0..<60 { Keys.run(key, on: &state) }
            for _ in 0..<7 { Keys.run("+", on: &state) }
            #expect(Render.frame(state).requestsOutside == 0)
        }
    }

    /// Councils with no GSS code, or one the outlines do not have, are listed as not on the
    /// map, and their arrangements still count.
    @Test func councilsWithoutAKnownAreaAreListedNotDropped() throws {
        let organisations = "name,sector,type,region,gss_code\n"
            + "Adur District Council,council,district,South East,E07000223\n"
            + "Worthing Borough Council,council,district,South East,E07000229\n"
            + "Loamshire District Council,council,district,South East,\n"
            + "Barsetshire County Council,council,county,South West,E10999999\n"
        let arrangements = "id,name,service,partners,savings_to_date\n"
            + "A1,Legal,Legal,Adur District Council; Worthing Borough Council,100\n"
            + "A2,Audit,Audit,Loamshire District Council; Barsetshire County Council,50\n"
            + "A3,Waste,Waste,Adur District Council; Loamshire District Council,\n"
        let loaded = try RegisterLoader.load(
            arrangementBytes: Array(arrangements.utf8), file: "mine.csv", organisationBytes: Array(organisations.utf8),
            organisationsFile: "organisations.csv")
        var data = DashboardData(register: loaded.register, diagnostics: loaded.diagnostics, sourceName: "mine.csv")
        data.mapOutlines = Sample.data.mapOutlines
        var state = AppState(data: data, size: TerminalSize(width: 120, height: 40))
        Keys.run("6", on: &state)
        let shading = try #require(state.map.shading)
        #expect(shading.notOnTheMap == ["Barsetshire County Council", "Loamshire District Council"])
        let text = Render.frame(state).text
        #expect(text.contains("2 councils not on the map"), "\(text)")
        #expect(text.contains("Barsetshire County Council"))
        let table = try #require(MapScreen().exportTable(state))
        #expect(table.notes.contains { $0.contains("Barsetshire County Council, Loamshire District Council") })
        #expect(text.contains("3 arrangements"), "their arrangements still count")
        let geometry = try Self.geometry(state)
        #expect(shading.arrangementCounts[try Self.area(named: "Adur", geometry)] == 2)
    }

    /// Shaded by savings, a council whose arrangements report no figure is "not reported"
    /// in the table behind the map, not £0; nor is a region with none.
    @Test func savingsWithNoFigureBehindThemAreNotReportedNotZero() throws {
        let arrangements = "id,name,service,partners,region,savings_to_date\n"
            + "A1,Legal,Legal,Adur District Council; Worthing Borough Council,South East,100\n"
            + "A2,Audit,Audit,Arun District Council; Worthing Borough Council,South East,\n"
            + "A3,Waste,Waste,Allerdale Borough Council; Copeland Borough Council,North West,\n"
        let loaded = try RegisterLoader.load(arrangementBytes: Array(arrangements.utf8), file: "mine.csv")
        let geometry = try Self.geometry(try Self.mapState(keys: "6"))
        let shading = MapShading(register: loaded.register, rows: loaded.register.allRows, geometry: geometry, measure: .savings)
        let arun = try Self.area(named: "Arun", geometry)
        let worthing = try Self.area(named: "Worthing", geometry)
        #expect(shading.shownValue(ofArea: arun) == nil)
        #expect(shading.shownValue(ofArea: worthing) == 100)
        let table = ReportTable.mapCouncils(shading, geometry: geometry, arrangements: 3)
        let arunRow = try #require(table.rows.first { $0.first == .text("Arun") })
        #expect(arunRow.last == .missing)
        let regions = MapShading(
            register: loaded.register, rows: loaded.register.allRows, geometry: geometry, measure: .savings, byRegion: true)
        let northWest = try #require(regions.regionTotals.first { $0.region == "North West" })
        #expect(regions.format(regions.shownValue(of: northWest)) == Money.notReportedMark)
        #expect(regions.format(regions.shownValue(of: try #require(regions.regionTotals.first { $0.region == "South East" }))) == "£100")
    }

    @Test func theExportIsTheCouncilsTableBehindTheMap() throws {
        let state = try Self.mapState(keys: "6")
        let table = try #require(MapScreen().exportTable(state))
        #expect(table.rows.count == 326)
        #expect(table.notes.contains { $0.contains("Crown copyright") })
        let csv = table.csv()
        #expect(csv.contains("Teignbridge,E07000045,Devon,South West,"), "\(csv.prefix(400))")
    }
}
