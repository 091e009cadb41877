#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's entry point (scripts/fuzz.sh builds it): each input goes through
/// `FuzzChecks`; a problem is printed and the process aborts, so that libFuzzer keeps the
/// input as a finding, just as it does when the code under test crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let problems = FuzzChecks.problems(in: Array(UnsafeBufferPointer(start: data, count: size)))
    guard problems.isEmpty else {
        fputs("\n\(problems.count) problem(s) with this input:\n\(problems.joined(separator: "\n"))\n", stderr)
        abort()
    }
    return 0
}
