import CapacityPolicy

/// libFuzzer's entry point for a policy file, the way `plan policy check` and `plan simulate` use it:
/// decode (which validates), compile to the lookup table, and lint over the state grid.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let policy = try? Policy.decode(json: text, source: "fuzz-policy.json") else { return 0 }
    _ = CompiledPolicy(policy)
    _ = PolicyLint(policy)
    return 0
}
