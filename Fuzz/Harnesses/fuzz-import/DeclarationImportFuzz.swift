import CapacityPolicy
import Foundation
import History

/// libFuzzer's entry point for `plan history import`: the input is a CSV of past declarations
/// (`date,window,<policy inputs>[,level]`), read as the command reads it (UTF-8 text,
/// `DeclarationImport` against the handbook policy), then each check's table row as
/// `plan history show` prints it. Whatever the reader accepts must be a check the store can hold:
/// a date of the calendar's range, a known window, a level of the policy, one row per check.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeclarationImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = String(bytes: UnsafeBufferPointer(start: data, count: size), encoding: .utf8),
          let imported = try? DeclarationImport(text: text, source: "days.csv", table: table, recordedAt: "2026-12-07T10:00:00Z")
    else { return 0 }
    var seen = Set<String>()
    for check in imported.checks {
        precondition((1...table.policy.levels.count).contains(check.level), "a level outside the policy was imported")
        precondition(seen.insert("\(check.date) \(check.window)").inserted, "one check was imported twice")
        _ = DeclaredCheck.table([check])
    }
    return 0
}

private let table = EffectiveTable(Policy.handbook)
