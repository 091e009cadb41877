import Benchmark
import Dashboard
import Foundation
import SharedServices
import TerminalUI

/// Registers of 10^3…10^6 rows made by the same generator as the sample (seed 2017),
/// written once to the temporary directory and reused; `style` is how the CSV is laid out
/// (`ssmap generate --style`): the same rows either way.
enum Registers {
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sample-data").path

    static func path(rows: Int, style: RegisterGenerator.Style = .plain) -> String {
        let name = style == .plain ? "ssmap-bench-\(rows)" : "ssmap-bench-\(rows)-\(style.rawValue)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        let arrangements = directory + "/arrangements.csv"
        if !FileManager.default.fileExists(atPath: arrangements),
            let reported = try? RegisterLoader.load(
                arrangements: sampleData + "/reported-arrangements.csv",
                organisations: sampleData + "/organisations.csv")
        {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let csv = RegisterGenerator(reported: reported.register, seed: 2017).arrangementsCSV(count: rows, style: style)
            try? csv.write(toFile: arrangements, atomically: true, encoding: .utf8)
            try? FileManager.default.copyItem(atPath: sampleData + "/organisations.csv", toPath: directory + "/organisations.csv")
        }
        return arrangements
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 20)
    mapBenchmarks()
    for rows in [1_000, 10_000, 100_000, 1_000_000] {
        let path = Registers.path(rows: rows)
        guard let loaded = try? RegisterLoader.load(arrangements: path) else { continue }
        let register = loaded.register
        let all = register.allRows

        Benchmark("load \(rows)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? RegisterLoader.load(arrangements: path))
            }
        }
        // The same rows as a spreadsheet saves them: a byte-order mark, CRLF line ends,
        // doubled quotes in every description, a line break in one in ten, "£1,234,567"
        // amounts in a third. "load N" above is the plain shape.
        if rows == 1_000_000 {
            let spreadsheetPath = Registers.path(rows: rows, style: .spreadsheet)
            Benchmark("load spreadsheet \(rows)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try? RegisterLoader.load(arrangements: spreadsheetPath))
                }
            }
        }
        Benchmark("filter by service \(rows)") { benchmark in
            var filter = ArrangementFilter()
            filter.services = [0]
            for _ in benchmark.scaledIterations { blackHole(filter.matchingRows(in: register)) }
        }
        Benchmark("filter involves fire \(rows)") { benchmark in
            var filter = ArrangementFilter()
            filter.sectors = [.fire]
            for _ in benchmark.scaledIterations { blackHole(filter.matchingRows(in: register)) }
        }
        // The search's index, made in the background once the dashboard's first screen is up.
        Benchmark("search index build \(rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(register.buildSearchIndex()) }
        }
        // What a search costs before the index is ready: every row's text read.
        let unindexed = (try? RegisterLoader.load(arrangements: path))?.register
        Benchmark("search four characters before the index \(rows)") { benchmark in
            var filter = ArrangementFilter()
            filter.search = "wort"
            guard let unindexed else { return }
            for _ in benchmark.scaledIterations { blackHole(filter.matchingRows(in: unindexed)) }
        }
        register.prepareSearchAndWait()
        // The register in memory, in bytes a row by column (the search's index included):
        // figures, not times, so one iteration says it.
        let size = register.size
        let sizeMetrics = size.columns.map { BenchmarkMetric.custom($0.name + " (B/row)", useScalingFactor: false) }
        let totalMetric = BenchmarkMetric.custom("whole model (B/row)", useScalingFactor: false)
        Benchmark(
            "model bytes a row \(rows)",
            configuration: .init(metrics: sizeMetrics + [totalMetric], maxIterations: 1)
        ) { benchmark in
            for (column, metric) in zip(size.columns, sizeMetrics) {
                benchmark.measurement(metric, (column.bytes + rows / 2) / rows)
            }
            benchmark.measurement(totalMetric, (size.total + rows / 2) / rows)
        }
        Benchmark("search one character \(rows)") { benchmark in
            var filter = ArrangementFilter()
            filter.search = "w"
            for _ in benchmark.scaledIterations { blackHole(filter.matchingRows(in: register)) }
        }
        Benchmark("search four characters \(rows)") { benchmark in
            var filter = ArrangementFilter()
            filter.search = "wort"
            for _ in benchmark.scaledIterations { blackHole(filter.matchingRows(in: register)) }
        }
        // Typing one more character searches only the previous matches, as the dashboard does.
        for (typed, previous) in [("wo", "w"), ("wor", "wo"), ("wort", "wor")] {
            var earlier = ArrangementFilter()
            earlier.search = previous
            let candidates = earlier.matchingRows(in: register)
            Benchmark("search typing \(typed) after \(previous) \(rows)") { benchmark in
                var filter = ArrangementFilter()
                filter.search = typed
                for _ in benchmark.scaledIterations { blackHole(filter.matchingRows(in: register, among: candidates)) }
            }
        }
        Benchmark("sort by savings \(rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(register.sorted(all, by: .savingsToDate, descending: true)) }
        }
        Benchmark("sort by name \(rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(register.sorted(all, by: .name)) }
        }
        for dimension in Dimension.all {
            Benchmark("aggregate by \(dimension.name) \(rows)") { benchmark in
                for _ in benchmark.scaledIterations { blackHole(register.summarise(all, by: dimension)) }
            }
        }
        // The organisations screen: every organisation's arrangements and savings in the view.
        Benchmark("organisations screen \(rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(OrganisationSummary.rows(register: register, arrangements: all)) }
        }
        Benchmark("headline \(rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(register.headline(all)) }
        }
        // One dashboard frame at 200×60, drawn off-screen: its cost should not grow with the rows.
        let data = DashboardData(register: register, diagnostics: loaded.diagnostics, sourceName: "benchmark")
        let state = AppState(data: data, size: TerminalSize(width: 200, height: 60))
        Benchmark("render frame 200x60 \(rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(Render.frame(state)) }
        }
    }
}

/// The map: reading the outlines, filling the raster of a size and a zoom, shading, and a
/// frame of the map screen. `swift package benchmark --filter "map.*"` runs only these.
func mapBenchmarks() {
    let outlinesPath = Registers.sampleData + "/" + AreaOutlines.bundledFileName
    guard let outlines = try? AreaOutlines.read(path: outlinesPath) else { return }
    let geometry = MapGeometry(outlines: outlines)
    Benchmark("map read outlines") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? AreaOutlines.read(path: outlinesPath)) }
    }
    Benchmark("map geometry") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(MapGeometry(outlines: outlines)) }
    }
    for rows in [1_000, 1_000_000] {
        guard let loaded = try? RegisterLoader.load(arrangements: Registers.path(rows: rows)) else { continue }
        let data = DashboardData(
            register: loaded.register, diagnostics: loaded.diagnostics, sourceName: "benchmark",
            mapOutlines: MapOutlinesSource(geometry: geometry))
        // Once, when the map is first shaded: the rows that reach a council more than one way.
        Benchmark("map overlaps \(rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(MapOverlaps(register: data.register, geometry: geometry)) }
        }
        // Each filter change on the map, with the overlaps kept as the dashboard keeps them.
        let overlaps = MapOverlaps(register: data.register, geometry: geometry)
        let all = data.register.allRows
        Benchmark("map shading \(rows)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(
                    MapShading(
                        register: data.register, rows: all, geometry: geometry, measure: .savings, overlaps: overlaps))
            }
        }
        for size in [TerminalSize(width: 120, height: 40), TerminalSize(width: 200, height: 60)] {
            let name = "\(size.width)x\(size.height)"
            var state = AppState(data: data, size: size)
            state.show(.map)
            let shown = state
            Benchmark("map render frame \(name) \(rows)") { benchmark in
                for _ in benchmark.scaledIterations { blackHole(Render.frame(shown)) }
            }
            guard rows == 1_000 else { continue }
            // The raster for a whole terminal of this size: more than the screen's map area.
            Benchmark("map raster \(name)") { benchmark in
                for _ in benchmark.scaledIterations { blackHole(MapState.raster(geometry: geometry, columns: size.width, rows: size.height)) }
            }
            // A step in, about London: what + costs, raster and frame.
            Benchmark("map zoom step \(name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    var zoomed = shown
                    _ = Reducer.handle(.key(.character("+")), state: &zoomed)
                    blackHole(Render.frame(zoomed))
                }
            }
        }
    }
}
