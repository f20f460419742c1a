// swift-tools-version:6.0
// The benchmark program for the shared bench kit, as a package of its own (as swift-nio keeps
// its benchmarks), so that the product's manifest needs no unsafe linker flags. It depends on
// RedThread by path. Build: `cd Tests/Benchmarks && swift build -c release`; the program is
// `Tests/Benchmarks/.build/release/redthread-bench` (docs/performance.md).
import PackageDescription

let package = Package(
  name: "RedThreadBenchmarks",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "redthread-bench", targets: ["redthread-bench"])
  ],
  dependencies: [
    .package(name: "RedThread", path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "redthread-bench",
      dependencies: [.product(name: "RedThreadFormats", package: "RedThread")],
      path: "Sources/redthread-bench",
      swiftSettings: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
      ],
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
      ])
  ],
  swiftLanguageModes: [.v6]
)
