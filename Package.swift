// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Canonym",
    products: [
        .library(name: "Canonym", targets: ["Canonym"]),
        .executable(name: "canonym", targets: ["CanonymCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only target that sees ICU's headers: a plain-C facade over the system ICU.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // The C allocator's one call Swift's Glibc module leaves out (`malloc_trim`).
        .target(name: "CMemory"),
        .target(
            name: "Canonym",
            dependencies: ["CICU", "CMemory"]
        ),
        .executableTarget(
            name: "CanonymCLI",
            dependencies: [
                "Canonym",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Per-operation costs (folding, index, scoring, matching): `swift run -c release canonym-operations`.
        .executableTarget(name: "canonym-operations", dependencies: ["Canonym"], path: "Benchmarks/Operations"),
        // What both test targets share (a seeded random generator).
        .target(name: "CanonymTestSupport", dependencies: ["Canonym"], path: "Tests/Support"),
        .testTarget(name: "CanonymTests", dependencies: ["Canonym", "CanonymTestSupport"]),
        .testTarget(name: "CanonymCLITests", dependencies: ["Canonym", "CanonymCLI", "CanonymTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
