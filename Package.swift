// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "activity-lint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ActivityLint", targets: ["ActivityLint"]),
        .executable(name: "activity-lint", targets: ["activity-lint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Turns Rules/*.yml into Swift values so the installed binary needs no data files and parses none at start.
        // It reads them with the library's catalog reader: Sources/embed-rules/CatalogFormat links to its sources.
        .executableTarget(name: "embed-rules", dependencies: ["CYaml"]),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["embed-rules"]),
        .target(
            name: "ActivityLint",
            dependencies: ["CYaml"],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "activity-lint",
            dependencies: [
                "ActivityLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ActivityLintTests",
            // The executable is a dependency so the end-to-end tests can run the built binary.
            dependencies: ["ActivityLint", "activity-lint"],
            // The expected reports, read from the checkout by path (UPDATE_GOLDEN=1 rewrites them there).
            exclude: ["Golden"]
        ),
    ]
)
