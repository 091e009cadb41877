// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ssmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ssmap", targets: ["ssmap"]),
        .library(name: "SharedServices", targets: ["SharedServices"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Measuring and cleaning text for fixed-width output: display width of wide and
        // combining characters, control characters made harmless. Knows nothing of councils.
        .target(name: "TextCells"),
        // The data module: model, loading, validation, queries, aggregation, money.
        .target(name: "SharedServices", dependencies: ["TextCells"]),
        // The command line's commands and their plain-text reports, as a library so that
        // tests can drive them in-process as well as through the built binary.
        .target(
            name: "SSMapCommands",
            dependencies: [
                "SharedServices",
                "TextCells",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ssmap", dependencies: ["SSMapCommands"]),
        .testTarget(name: "SharedServicesTests", dependencies: ["SharedServices"]),
        .testTarget(name: "TextCellsTests", dependencies: ["TextCells"]),
        .testTarget(name: "SSMapCommandsTests", dependencies: ["SSMapCommands", "SharedServices"]),
    ],
    swiftLanguageModes: [.v6]
)
