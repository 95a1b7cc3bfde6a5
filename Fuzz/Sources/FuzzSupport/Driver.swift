/// libFuzzer's entry for programs that keep their own `main` (LLVM 11 and later).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the command line's options on `testOneInput` (the target's `LLVMFuzzerTestOneInput`).
///
/// SwiftPM renames an executable's `main` (to `<Target>_main`, bound to `main` at link time), so libFuzzer's own
/// `main` is never linked in; each target's main.swift calls this instead.
package func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    exit(status)
}

@_silgen_name("exit")
private func exit(_ status: Int32) -> Never
