import Foundation
import SharedServices
import Synchronization

/// What the state knows while only a register's first rows are loaded.
public struct RegisterLoading: Sendable, Equatable {
    /// How much of the file is read: the first rows' share at first, then the whole load's.
    public var shareRead: Double

    public init(shareRead: Double) {
        self.shareRead = shareRead
    }

    /// "37%": how far it has got, never 100% until the whole register is in.
    public var percentRead: String { "\(min(99, Int(shareRead * 100)))%" }
}

/// A whole register loading on a thread of its own while the dashboard shows its first
/// rows; the dashboard's loop asks how it is going between keys.
public final class PendingLoad: Sendable {
    public enum Status: Sendable {
        case loading(shareRead: Double)
        case loaded(DashboardData)
        case failed(any Error & Sendable)
    }

    private let status: Mutex<Status>

    /// Starts `load` at once; it is told how far it has got through `progress`.
    public init(
        _ load: @escaping @Sendable (_ progress: @escaping @Sendable (Double) -> Void) throws -> DashboardData
    ) {
        status = Mutex(.loading(shareRead: 0))
        let thread = Thread { [self] in
            let outcome: Status
            do {
                outcome = .loaded(try load { share in self.report(.loading(shareRead: share)) })
            } catch {
                outcome = .failed(error)
            }
            self.report(outcome)
        }
        // The main thread's stack, not a secondary thread's smaller default.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A load already finished: for tests.
    public init(finished status: Status) {
        self.status = Mutex(status)
    }

    public var current: Status { status.withLock { $0 } }

    private func report(_ new: Status) {
        status.withLock { status in
            // Progress never overwrites the outcome.
            if case .loading = status { status = new }
        }
    }
}
