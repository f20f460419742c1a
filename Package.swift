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
    .executable(name: "redthread-bench", targets: ["redthread-bench"]),
    .library(name: "RedThreadKit", targets: ["Pipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
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
    .target(
      name: "Interop", dependencies: ["CLibXML2", "CLibZip", "CZlib"], swiftSettings: strict),

    // Format-neutral model and the format engines.
    .target(
      name: "Spreadsheet", swiftSettings: strict,
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
    .target(name: "XLSX", dependencies: ["Spreadsheet", "Interop"], swiftSettings: strict),
    .target(name: "CSV", dependencies: ["Spreadsheet"], swiftSettings: strict),
    .target(
      name: "SpreadsheetIO", dependencies: ["Spreadsheet", "XLSX", "CSV"], swiftSettings: strict),

    // Domain layers.
    .target(name: "Canonical", swiftSettings: strict),
    .target(
      name: "Mapping",
      dependencies: [
        "Canonical", "Spreadsheet", "SpreadsheetIO", "CSV",
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
      name: "Pipeline",
      dependencies: [
        "Canonical", "Mapping", "Validation", "Reporting", "Spreadsheet", "SpreadsheetIO", "XLSX",
        "CSV",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strict),

    // Executables: a thin CLI and the benchmark program.
    .executableTarget(
      name: "redthread",
      dependencies: [
        "Pipeline", "Mapping", "Validation", "Reporting", "Canonical", "Spreadsheet",
        "SpreadsheetIO", "XLSX", "CSV",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "redthread-bench", dependencies: ["Spreadsheet", "XLSX", "CSV"],
      swiftSettings: strict,
      // Release: the Swift runtime and Foundation linked statically and not as a
      // position-independent executable, so that loading them does not relocate (and make
      // resident) megabytes of shared-library data: about 8 MiB less peak RSS, which would
      // otherwise dominate what the benchmarks compare (docs/performance.md).
      // Static linking does not name Foundation's own static libraries; lld (shipped with the
      // toolchain) resolves them in any order.
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-use-ld=lld", "-Xclang-linker", "-no-pie", "-lFoundation",
            "-lCoreFoundation", "-lFoundationInternationalization", "-l_FoundationICU",
            "-lFoundationEssentials", "-l_FoundationCShims", "-l_FoundationCollections",
            "-ldispatch", "-lswiftDispatch", "-lBlocksRuntime", "-lswiftSynchronization",
            "-lstdc++",
          ], .when(platforms: [.linux], configuration: .release))
      ]),

    // Tests.
    .target(
      name: "TestSupport", dependencies: ["Spreadsheet", "Interop", "XLSX"],
      path: "Tests/TestSupport"),
    .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "TestSupport"]),
    .testTarget(name: "InteropTests", dependencies: ["Interop", "TestSupport"]),
    .testTarget(name: "XLSXTests", dependencies: ["XLSX", "Spreadsheet", "TestSupport"]),
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
      dependencies: ["Pipeline", "Spreadsheet", "XLSX", "TestSupport", "Reporting", "Validation"]),
    .testTarget(name: "CLITests", dependencies: ["TestSupport", "redthread"]),
    // Written workbooks checked with openpyxl and LibreOffice, when they are installed.
    .testTarget(
      name: "InteroperabilityTests", dependencies: ["XLSX", "Spreadsheet", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
