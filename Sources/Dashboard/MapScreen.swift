import SharedServices
import TerminalUI
import TextCells

extension Screen {
    public static let map = Screen("map", MapScreen())
}

/// England's councils, each shaded by the arrangements in view, with the arrangement
/// chosen on the list lit: its partners' areas, its lead marked, lines to far partners.
/// A cursor moves from council to council; Enter lists the council's arrangements.
struct MapScreen: ScreenContent {
    let title = "Map"
    let exportName = "ssmap-map-councils"

    /// Lines under the map: the legend, the counts, and the attribution (up to two lines).
    static let linesBelow = 4
    /// The smallest map worth drawing, in cells.
    static let minimumMap = TerminalSize(width: 30, height: 8)

    static func mapRect(_ layout: Layout) -> Rect {
        let content = layout.content
        return Rect(x: content.x, y: content.y, width: content.width, height: max(0, content.height - linesBelow))
    }

    var list: ScreenList? {
        ScreenList(
            scroll: \AppState.map.councils, count: { $0.map.geometry?.districtsByName.count ?? 0 },
            rows: { _ in Rect(x: 0, y: 0, width: 1, height: 1) }, noun: "council",
            text: { state, position in
                guard let geometry = state.map.geometry else { return "" }
                return geometry.outlines.areas[geometry.districtsByName[position]].name
            },
            open: { state in Self.listArrangements(state: &state) },
            // Zoomed in, the view follows a cursor moved by the search off its edge.
            moved: { state in state.changeMap { _ in } })
    }

    var keys: [KeyBinding] {
        [
            KeyBinding(
                [.up, .down, .left, .right, .character("k"), .character("j"), .character("h"), .character("l")],
                "←↑↓→  hkjl", "move the cursor to the nearest council that way"
            ) { state, key in
                Self.move(key, state: &state)
                return []
            },
            KeyBinding([.enter], "Enter", "list the arrangements the council under the cursor is in", hint: ("Enter", "List")) {
                state, _ in Self.listArrangements(state: &state)
            },
            KeyBinding([.character("+"), .character("=")], "+ =", "zoom in around the cursor", hint: ("+", "Zoom")) { state in
                state.changeMap { $0.zoom(by: 2) }
                state.message = Self.zoomMessage(state)
            },
            KeyBinding([.character("-")], "-", "zoom out") { state in
                state.changeMap { $0.zoom(by: 0.5) }
                state.message = Self.zoomMessage(state)
            },
            KeyBinding([.character("0")], "0", "the whole of England") { state in
                state.changeMap { $0.showWholeCountry() }
                state.message = Self.zoomMessage(state)
            },
            KeyBinding(
                [.character("m")], "m",
                "shade by the next measure: " + MapShading.Measure.allCases.map(\.short).joined(separator: ", "),
                hint: ("m", "Measure")
            ) { state in
                state.changeMap { $0.setMeasure($0.measure.next, byRegion: $0.byRegion) }
                state.message = Self.shadedBy(state)
            },
            KeyBinding([.character("r")], "r", "shade whole regions by their totals (again: councils)", hint: ("r", "Regions")) {
                state in
                state.changeMap { $0.setMeasure($0.measure, byRegion: !$0.byRegion) }
                state.message = Self.shadedBy(state)
            },
            KeyBinding([.character("a")], "a", "light the arrangement selected on the list (again: none)") { state in
                if state.map.arrangement != nil {
                    state.map.arrangement = nil
                    state.message = "No arrangement lit"
                } else if let row = state.selectedRow {
                    Self.light(row, state: &state)
                } else {
                    state.message = "No arrangement selected: the current view is empty"
                }
            },
        ] + Search.keys + [
            KeyBinding(describing: "mouse", "click a council to put the cursor on it, double-click to list its arrangements; the wheel zooms there"),
            KeyBinding(
                describing: "shading",
                "a county's arrangements shade each of its districts too (the \(MapShading.Measure.own.short) measure "
                    + "leaves them out); a council in none is left unshaded"),
            KeyBinding(
                describing: "lit",
                "the lit arrangement's partner councils are filled, its lead marked \(MapPainter.leadMark) (\(MapPainter.asciiLead) in ASCII), "
                    + "lines run from the lead to far partners; areas of partner fire and police services are striped, "
                    + "NHS partners marked \(MapPainter.siteMark) (\(MapPainter.asciiSite)) at their site"),
        ]
    }

    // MARK: Actions

    static func move(_ key: Key, state: inout AppState) {
        guard let cursor = state.map.cursor, let geometry = state.map.geometry else { return }
        let direction: (Double, Double, String)
        switch key {
        case .up, .character("k"): direction = (0, -1, "north")
        case .down, .character("j"): direction = (0, 1, "south")
        case .left, .character("h"): direction = (-1, 0, "west")
        default: direction = (1, 0, "east")
        }
        guard let next = state.map.council(from: cursor, towards: direction.0, direction.1) else {
            state.message = "No council further \(direction.2) of \(geometry.outlines.areas[cursor].name)"
            return
        }
        state.changeMap { $0.putCursor(on: next) }
    }

    static func listArrangements(state: inout AppState) -> [Effect] {
        guard let cursor = state.map.cursor, let geometry = state.map.geometry else { return [] }
        let area = geometry.outlines.areas[cursor]
        guard let council = state.register.organisations.council(withGSSCode: area.code) else {
            state.message = "\(area.name) (\(area.code)) is not in the organisations list this register was checked against"
            return []
        }
        Pickers.showArrangements(of: council, state: &state)
        return []
    }

    /// Lights an arrangement's partners, and puts the cursor on its lead.
    static func light(_ row: Int, state: inout AppState) {
        state.map.arrangement = row
        if let lead = state.register.lead(row), let area = markArea(of: lead, state: state) {
            state.changeMap { $0.putCursor(on: area) }
        }
        state.message = "Lit: " + SafeText.visible(state.register.name(row))
    }

    static func zoomMessage(_ state: AppState) -> String {
        state.map.zoom == 1 ? "The whole of England" : "Zoomed in \(Int(state.map.zoom))×"
    }

    static func shadedBy(_ state: AppState) -> String {
        state.map.shading?.shadedBy.sentenceCased ?? ""
    }

    // MARK: Mouse

    func click(x: Int, y: Int, double: Bool, state: inout AppState, layout: Layout) -> [Effect] {
        let rect = Self.mapRect(layout)
        guard rect.contains(x: x, y: y), let raster = state.map.raster, let area = raster.area(column: x - rect.x, row: y - rect.y)
        else { return [] }
        state.changeMap { $0.putCursor(on: area) }
        return double ? Self.listArrangements(state: &state) : []
    }

    /// The wheel zooms about the council under the pointer, which the cursor moves to (so
    /// that the view, which keeps the cursor in sight, stays where the pointer is); over
    /// the sea, about the cursor.
    func wheel(by delta: Int, x: Int, y: Int, state: inout AppState, layout: Layout) {
        let rect = Self.mapRect(layout)
        guard let raster = state.map.raster else { return }
        var point: MapPoint?
        if rect.contains(x: x, y: y), let area = raster.area(column: x - rect.x, row: y - rect.y) {
            point = raster.coordinate(column: x - rect.x, row: y - rect.y)
            state.map.putCursor(on: area)
        }
        state.changeMap { $0.zoom(by: delta < 0 ? 2 : 0.5, about: point) }
        state.message = Self.zoomMessage(state)
    }

    // MARK: What is lit

    /// The area an organisation is marked at: a council's own; a county's district nearest
    /// its centre; a fire or police service's covered council nearest their middle.
    static func markArea(of organisation: Int32, state: AppState) -> Int? {
        guard let geometry = state.map.geometry else { return nil }
        let organisations = state.register.organisations
        let outlines = geometry.outlines
        let areas: [Int]
        if let area = outlines.area(code: organisations.gssCodes[Int(organisation)]) {
            guard outlines.areas[area].layer == .county else { return area }
            areas = geometry.districtsOfCounty[area]
        } else {
            areas = organisations.councils(coveredBy: organisation).compactMap { outlines.area(code: organisations.gssCodes[Int($0)]) }
        }
        return geometry.nearest(among: areas)
    }

    static func picture(_ state: AppState, raster: MapRaster, geometry: MapGeometry, shading: MapShading) -> MapPicture {
        var picture = MapPicture(shading: shading, bounds: state.map.classBounds)
        picture.cursor = state.map.cursor
        picture.matches = Set(state.searchMatches.compactMap { geometry.districtsByName.indices.contains($0) ? geometry.districtsByName[$0] : nil })
        guard let row = state.map.arrangement, row < state.register.count else { return picture }
        let organisations = state.register.organisations
        let outlines = geometry.outlines
        var light = [MapPicture.Light](repeating: .none, count: outlines.areas.count)
        var marks: [Int] = []
        for partner in state.register.partners(row) {
            let index = Int(partner)
            if let area = outlines.area(code: organisations.gssCodes[index]) {
                light[area] = .partner
                for district in geometry.districtsOfCounty[area] { light[district] = .partner }
            } else if organisations.sectors[index] == .health, let latitude = organisations.latitudes[index],
                let longitude = organisations.longitudes[index]
            {
                picture.sites.append(MapPoint(longitude: longitude, latitude: latitude))
            } else {
                for council in organisations.councils(coveredBy: partner) {
                    if let area = outlines.area(code: organisations.gssCodes[Int(council)]), light[area] == .none { light[area] = .covered }
                }
            }
            if let mark = markArea(of: partner, state: state) { marks.append(mark) }
        }
        picture.light = light
        if let lead = state.register.lead(row) { picture.lead = markArea(of: lead, state: state) }
        // Lines only to partners more than three cells from the lead: neighbours need none.
        if let lead = picture.lead, let from = raster.anchors[lead] {
            picture.linesTo = marks.filter { mark in
                guard mark != lead, let to = raster.anchors[mark] else { return false }
                return max(abs(to.x - from.x), abs(to.y - from.y)) > 3
            }
        }
        return picture
    }

    // MARK: Drawing

    func draw(_ state: AppState, layout: Layout, canvas: inout Canvas) {
        let content = layout.content
        if let problem = state.map.problem {
            Self.drawMessage(problem, in: content, state: state, canvas: &canvas)
            return
        }
        let rect = Self.mapRect(layout)
        guard rect.width >= Self.minimumMap.width, rect.height >= Self.minimumMap.height else {
            let needed = TerminalSize(
                width: max(Self.minimumMap.width, Layout.minimumSize.width), height: Self.minimumMap.height + layout.size.height - rect.height)
            Self.drawMessage(
                "The map needs a terminal of at least \(needed.width)×\(needed.height); this one is "
                    + "\(layout.size.width)×\(layout.size.height). Make the window bigger, or press 1 for the list.",
                in: content, state: state, canvas: &canvas)
            return
        }
        guard let geometry = state.map.geometry, let raster = state.map.raster, let shading = state.map.shading,
            let masks = state.map.masks
        else { return }
        let picture = Self.picture(state, raster: raster, geometry: geometry, shading: shading)
        MapPainter.paint(raster, masks: masks, picture, at: (rect.x, rect.y), theme: state.theme, canvas: &canvas)
        Self.drawPanel(state, shading: shading, raster: raster, rect: rect, canvas: &canvas)
        var y = rect.maxY
        let entries = MapLegend.entries(
            shading: shading, bounds: state.map.classBounds, ascii: state.glyphs.isASCII, theme: state.theme,
            lit: state.map.arrangement != nil
        ).map { entry in
            var shown = entry
            shown.label = Render.text(entry.label, state)
            shown.shortLabel = Render.text(entry.shortLabel, state)
            return shown
        }
        // The measure heads the legend, so the line under it is free for who is not on the map.
        // Narrow, the legend takes a shorter form rather than lose its top classes.
        let form = MapLegend.line(
            heading: shading.heading + ":", short: shading.measure.short + ":", entries: entries,
            classes: state.map.classBounds.count + 1, width: content.width)
        var x = content.x + canvas.draw(form.heading, x: content.x, y: y, style: state.theme.normal, clip: content) + 1
        for (entry, label) in zip(entries, form.labels) {
            // An entry is shown whole or not at all.
            guard x + 2 + DisplayWidth.of(label) <= content.maxX else { break }
            x += canvas.draw(String(entry.sample), x: x, y: y, style: entry.style, clip: content) + 1
            x += canvas.draw(label, x: x, y: y, style: state.theme.normal, clip: content) + form.gap
        }
        y += 1
        let attribution = ColumnFit.wrap(Render.text(geometry.outlines.attribution, state), to: content.width)
            .prefix(Self.linesBelow - 1)
        // The attribution is never cut while it fits: the notes give way to it, cut with "…"
        // (the councils not on the map are all in what `e` writes).
        var notes = ColumnFit.wrap(
            Render.text(MapLegend.notes(shading: shading, sayingWhatIsShaded: false), state), to: content.width)
        let room = max(0, Self.linesBelow - 1 - attribution.count)
        if notes.count > room && room > 0 {
            notes = Array(notes.prefix(room - 1)) + [
                Render.text(ColumnFit.truncate(notes[(room - 1)...].joined(separator: " "), to: content.width - 2), state)
            ]
        }
        for line in notes.prefix(room) + attribution {
            canvas.draw(line, x: content.x, y: y, style: state.theme.dim, clip: content)
            y += 1
        }
    }

    private static func drawMessage(_ message: String, in rect: Rect, state: AppState, canvas: inout Canvas) {
        for (index, line) in ColumnFit.wrap(Render.text(message, state), to: max(1, rect.width - 2)).prefix(rect.height).enumerated() {
            canvas.draw(line, x: rect.x + 1, y: rect.y + index, style: state.theme.warning, clip: rect)
        }
    }

    /// Regions' totals, or the lit arrangement's partners, over the sea to the west of
    /// England, when the whole country is shown and there is room.
    private static func drawPanel(_ state: AppState, shading: MapShading, raster: MapRaster, rect: Rect, canvas: inout Canvas) {
        guard state.map.zoom == 1 else { return }
        var lines: [(String, Style)] = []
        if state.map.byRegion {
            lines.append(("Region totals", state.theme.header))
            for total in shading.regionTotals {
                lines.append(("\(total.region)  \(shading.format(shading.shownValue(of: total)))", state.theme.normal))
            }
        } else if let row = state.map.arrangement, row < state.register.count {
            lines.append((state.register.name(row), state.theme.header))
            for partner in Self.partners(of: row, state: state) {
                lines.append((partner.name, partner.isLead ? state.theme.lit : state.theme.normal))
            }
        }
        guard !lines.isEmpty else { return }
        // Each line as wide as the sea left of the land on its row allows.
        for (index, line) in lines.prefix(rect.height).enumerated() {
            let land = (0..<raster.frame.columns).first { raster.area(column: $0, row: index) != nil } ?? raster.frame.columns
            let width = min(40, land - 2)
            guard width >= 16 else { break }
            // Cut before the ASCII fallback, which may widen "…" to "...".
            let text = Render.text(ColumnFit.truncate(Render.text(SafeText.visible(line.0), state), to: width - 2), state)
            canvas.draw(text, x: rect.x + 1, y: rect.y + index, style: line.1, maxWidth: width)
        }
    }

    func status(_ state: AppState) -> String {
        if let problem = state.map.problem { return problem }
        guard let geometry = state.map.geometry, let shading = state.map.shading, let cursor = state.map.cursor else { return "" }
        // The council first: it changes with every key, and the line may be cut.
        var parts = [Self.describe(cursor, geometry: geometry, shading: shading)]
        if let row = state.map.arrangement, row < state.register.count {
            let names = Self.partners(of: row, state: state).map(\.name)
            parts.append("Lit: " + SafeText.visible(state.register.name(row)) + ": " + names.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    /// The lit arrangement's partners as the panel and the status line name them: "… (lead)".
    static func partners(of row: Int, state: AppState) -> [(name: String, isLead: Bool)] {
        let lead = state.register.lead(row)
        return state.register.partners(row).map { partner in
            (SafeText.visible(state.register.organisations.names[Int(partner)]) + (partner == lead ? " (lead)" : ""), partner == lead)
        }
    }

    /// The council under the cursor, its arrangements and their savings.
    static func describe(_ area: Int, geometry: MapGeometry, shading: MapShading) -> String {
        let areas = geometry.outlines.areas
        var text = areas[area].name + ": "
        let count = shading.arrangementCounts[area]
        text += "in " + Count.format(count, "arrangement", "arrangements")
        if count > 0 {
            text += shading.withFigure[area] > 0
                ? " saving \(Money.format(shading.savings[area])) to date (\(Count.format(shading.withFigure[area])) with a figure)"
                : ", none with a savings figure"
        }
        if let county = geometry.countyOfArea[area] {
            text += "; \(areas[county].name) in \(Count.format(shading.arrangementCounts[county]))"
        }
        return text
    }

    func exportTable(_ state: AppState) -> ReportTable? {
        guard let geometry = state.map.geometry, let shading = state.map.shading else { return nil }
        return ReportTable.mapCouncils(shading, geometry: geometry, arrangements: state.rows.count)
    }
}
