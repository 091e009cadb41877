import Foundation
import SharedServices

/// The default name for an export: in the working directory, not yet taken.
enum ExportNaming {
    static func defaultPath() -> String {
        var candidate = "ssmap-arrangements.csv"
        var number = 2
        while FileSystem.exists(candidate) && number < 1000 {
            candidate = "ssmap-arrangements-\(number).csv"
            number += 1
        }
        return candidate
    }
}
