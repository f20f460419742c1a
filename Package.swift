// swift-tools-version:6.0
// RedThread: planning, follow-up and reporting workbooks for Swedish municipalities.
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "RedThread",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "redthread", targets: ["redthread"]),
    .library(name: "RedThreadKit", targets: ["Pipeline"]),
    // The format engines alone: what the benchmark package (Tests/Benchmarks) links.
    .library(name: "RedThreadFormats", targets: ["Spreadsheet", "XLSX", "CSV"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    // C libraries, touched only by Interop.
    .systemLibrary(
      name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CLibZip", path: "Sources/CLibZip", pkgConfig: "libzip",
      providers: [.apt(["libzip-dev"])]),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // Threads: one lock, one condition and one bounded ordered queue for every hand-off.
    .target(name: "WorkQueue", swiftSettings: strict),
    .target(
      name: "Interop", dependencies: ["CLibXML2", "CLibZip", "CZlib", "WorkQueue"],
      swiftSettings: strict),

    // The one catalogue of codes, and the format-neutral model with the format engines.
    .target(name: "Diagnostics", swiftSettings: strict),
    .target(
      name: "Spreadsheet", dependencies: ["Diagnostics"], swiftSettings: strict,
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
    .target(
      name: "XLSX", dependencies: ["Spreadsheet", "Interop", "WorkQueue"], swiftSettings: strict),
    .target(name: "CSV", dependencies: ["Spreadsheet", "WorkQueue"], swiftSettings: strict),
    .target(
      name: "SpreadsheetIO", dependencies: ["Spreadsheet", "XLSX", "CSV"], swiftSettings: strict),

    // Domain layers.
    .target(name: "Canonical", dependencies: ["Spreadsheet"], swiftSettings: strict),
    // The one reader of located YAML: mapping files, reference files and redthread.yaml.
    .target(
      name: "LocatedYAML",
      dependencies: ["Spreadsheet", .product(name: "Yams", package: "Yams")],
      swiftSettings: strict),
    .target(
      name: "Mapping",
      dependencies: [
        "Canonical", "Spreadsheet", "SpreadsheetIO", "CSV", "LocatedYAML",
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: strict),
    .target(
      name: "Validation", dependencies: ["Canonical", "Spreadsheet"], swiftSettings: strict),
    .target(
      name: "Reporting",
      dependencies: ["Canonical", "Validation", "Spreadsheet", "XLSX"],
      swiftSettings: strict),
    .target(
      name: "Feedback",
      dependencies: ["Spreadsheet", "SpreadsheetIO", "XLSX", "CSV", "Validation"],
      swiftSettings: strict),
    .target(
      name: "Pipeline",
      dependencies: [
        "Feedback", "Canonical", "Mapping", "Validation", "Reporting", "Spreadsheet",
        "SpreadsheetIO", "XLSX", "CSV", "LocatedYAML",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strict),

    // The executable: a thin CLI. The benchmark program is a package of its own in
    // Tests/Benchmarks (its release build needs linker flags the product does without).
    .executableTarget(
      name: "redthread",
      dependencies: [
        "Pipeline", "Mapping", "Validation", "Reporting", "Canonical", "Spreadsheet",
        "SpreadsheetIO", "XLSX", "CSV",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict),

    // Tests.
    .target(
      name: "TestSupport", dependencies: ["Spreadsheet", "Interop", "XLSX"],
      path: "Tests/TestSupport"),
    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"]),
    .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "TestSupport"]),
    .testTarget(name: "InteropTests", dependencies: ["Interop", "TestSupport"]),
    .testTarget(name: "WorkQueueTests", dependencies: ["WorkQueue"]),
    .testTarget(
      name: "XLSXTests", dependencies: ["XLSX", "Spreadsheet", "TestSupport", "Interop"]),
    .testTarget(
      name: "FeedbackTests",
      dependencies: [
        "Feedback", "XLSX", "Spreadsheet", "SpreadsheetIO", "Interop", "TestSupport", "Mapping",
        "CSV", "Pipeline",
      ]),
    .testTarget(name: "CSVTests", dependencies: ["CSV", "Spreadsheet", "TestSupport"]),
    .testTarget(
      name: "SpreadsheetIOTests", dependencies: ["SpreadsheetIO", "Spreadsheet", "TestSupport"]),
    .testTarget(name: "CanonicalTests", dependencies: ["Canonical", "TestSupport"]),
    .testTarget(
      name: "MappingTests",
      dependencies: ["Mapping", "Canonical", "Spreadsheet", "SpreadsheetIO", "TestSupport"]),
    .testTarget(
      name: "ValidationTests", dependencies: ["Validation", "Canonical", "TestSupport"]),
    .testTarget(
      name: "ReportingTests",
      dependencies: [
        "Reporting", "Validation", "Canonical", "XLSX", "Spreadsheet", "TestSupport", "Mapping",
        "SpreadsheetIO",
      ]),
    .testTarget(
      name: "PipelineTests",
      dependencies: [
        "Pipeline", "Mapping", "SpreadsheetIO", "Spreadsheet", "XLSX", "TestSupport", "Reporting",
        "Validation",
      ]),
    .testTarget(
      name: "CLITests", dependencies: ["TestSupport", "redthread", "XLSX", "Spreadsheet"]),
    // Written workbooks checked with openpyxl and LibreOffice, when they are installed.
    .testTarget(
      name: "InteroperabilityTests",
      dependencies: ["XLSX", "Spreadsheet", "TestSupport", "Feedback"]),
  ],
  swiftLanguageModes: [.v6]
)
