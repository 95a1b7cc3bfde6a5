// swift-tools-version:6.0
// libFuzzer targets for activity-lint. A separate package so the root package's `swift build` and
// `swift test` never need the fuzzer runtime. Build and run one target with `Fuzz/run TARGET SECONDS`.
import PackageDescription

// Each target's main.swift defines `LLVMFuzzerTestOneInput` and hands it to libFuzzer's driver. Instrumentation
// (`-sanitize=fuzzer,address`) is passed on the command line so that it reaches the library under test too
// (see `Fuzz/run`).
let package = Package(
    name: "activity-lint-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "activity-lint", path: ".."),
    ],
    targets: [
        // Shared invariant checks (positions, findings).
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "ActivityLint", package: "activity-lint")]
        ),
        // The strict JSON parser on its own.
        .executableTarget(
            name: "FuzzJSON",
            dependencies: ["FuzzSupport", .product(name: "ActivityLint", package: "activity-lint")]
        ),
        // The HCL native-syntax parser on its own: every range and position of the tree against the source.
        .executableTarget(
            name: "FuzzHCL",
            dependencies: ["FuzzSupport", .product(name: "ActivityLint", package: "activity-lint")]
        ),
        // The libyaml-based YAML loader on its own.
        .executableTarget(
            name: "FuzzYAML",
            dependencies: ["FuzzSupport", .product(name: "ActivityLint", package: "activity-lint")]
        ),
        // Configuration, rule-pack and baseline loading from bytes: positions, and no quoted content.
        .executableTarget(
            name: "FuzzConfiguration",
            dependencies: ["FuzzSupport", .product(name: "ActivityLint", package: "activity-lint")]
        ),
        // Suppression comments next to YAML scalars: a directive inside a string never hides a diagnostic.
        .executableTarget(
            name: "FuzzSuppressions",
            dependencies: ["FuzzSupport", .product(name: "ActivityLint", package: "activity-lint")]
        ),
        // Every fix applied to fuzzed input: the result parses whenever the input did.
        .executableTarget(
            name: "FuzzFixes",
            dependencies: ["FuzzSupport", .product(name: "ActivityLint", package: "activity-lint")]
        ),
        // Bytes -> Linter -> every reporter, with the output invariants users rely on.
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: ["FuzzSupport", .product(name: "ActivityLint", package: "activity-lint")]
        ),
    ]
)
