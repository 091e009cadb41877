// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ssmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ssmap", targets: ["ssmap"]),
        .library(name: "SharedServices", targets: ["SharedServices"]),
        // For the benchmarks package, which renders dashboard frames off-screen.
        .library(name: "Dashboard", targets: ["Dashboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Workbooks (.xlsx) are zip archives of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Measuring and cleaning text for fixed-width output: display width of wide and
        // combining characters, control characters made harmless. Knows nothing of councils.
        .target(name: "TextCells"),
        // ncursesw, and a shim for the macros and globals Swift cannot import. Debian's
        // headers and library are on the default paths; pkg-config's ncursesw flags
        // (-D_XOPEN_SOURCE=600) are ones SwiftPM refuses with a warning, so none are asked for.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // A generic terminal layer: an off-screen canvas of cells, input events, widgets and
        // a test driver. Knows nothing of councils.
        .target(name: "TerminalUI", dependencies: ["TextCells"]),
        // The real terminal: draws canvases with ncurses and restores the terminal on exit,
        // on signals and on crashes.
        .target(name: "NCursesTerminal", dependencies: ["TerminalUI", "CNCurses"]),
        // The data module: model, loading, validation, queries, aggregation, money.
        .target(
            name: "SharedServices",
            dependencies: ["TextCells", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The dashboard: app state, key → action → new state, state → canvas. Pure; runs on
        // any TerminalDriver.
        .target(name: "Dashboard", dependencies: ["SharedServices", "TerminalUI", "TextCells"]),
        // The command line's commands and their plain-text reports, as a library so that
        // tests can drive them in-process as well as through the built binary.
        .target(
            name: "SSMapCommands",
            dependencies: [
                "SharedServices",
                "TextCells",
                "TerminalUI",
                "Dashboard",
                "NCursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ssmap", dependencies: ["SSMapCommands"]),
        // Workbooks: workbooks made by other programs, read by the tests beside their source.
        .testTarget(
            name: "SharedServicesTests",
            dependencies: ["SharedServices", "TextCells", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Workbooks"]),
        .testTarget(name: "TextCellsTests", dependencies: ["TextCells"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TextCells"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "SharedServices", "TerminalUI"], exclude: ["Golden"]),
        // Corpus: hostile input files the tests find beside their source (#filePath).
        .testTarget(name: "SSMapCommandsTests", dependencies: ["SSMapCommands", "SharedServices"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
