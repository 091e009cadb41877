import SharedServices
import TerminalUI
import TextCells

/// Where each part of the screen goes at a given size; shared by the renderer and the
/// reducer, so that a mouse click lands on what was drawn there.
public struct Layout: Sendable {
    /// Below this the dashboard asks for a bigger terminal.
    public static let minimumSize = TerminalSize(width: 40, height: 10)
    /// The widest the overlay box for pickers, help and prompts gets.
    public static let overlayMaximumWidth = 72

    public let size: TerminalSize
    public let tabs: Rect
    public let headline: Rect
    public let chips: Rect
    public let content: Rect
    public let status: Rect
    public let hints: Rect

    public init(size: TerminalSize) {
        self.size = size
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (tabs, belowTabs) = screen.splitTop(1)
        let (headline, belowHeadline) = belowTabs.splitTop(1)
        let (chips, middle) = belowHeadline.splitTop(1)
        let (aboveHints, hints) = middle.splitBottom(1)
        let (content, status) = aboveHints.splitBottom(1)
        self.tabs = tabs
        self.headline = headline
        self.chips = chips
        self.content = content
        self.status = status
        self.hints = hints
    }

    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The summary screen: two lines of headline and headings above its chart.
    public var chart: Rect { Rect(x: content.x, y: content.y + 2, width: content.width, height: content.height - 2) }
    public var chartRows: Int { max(0, chart.height) }

    /// The overlay box for pickers, help and prompts.
    public var overlay: Rect {
        content.centred(width: min(size.width - 4, Self.overlayMaximumWidth), height: max(3, min(size.height - 4, 24)))
    }

    /// The tabs as `state` shows them: its data issues counted (so far, while it loads), its screen active.
    func tabRanges(for state: AppState) -> [(screen: Screen, label: String, x: Int, width: Int)] {
        tabRanges(issueCount: state.data.diagnostics.count, stillCounting: state.loading != nil, active: state.screen)
    }

    /// Each screen's tab: its label and its x range in the tab bar, the data issues' tab
    /// counting `issueCount` problems, `active` the screen shown.
    public func tabRanges(issueCount: Int, stillCounting: Bool = false, active: Screen) -> [(screen: Screen, label: String, x: Int, width: Int)] {
        var x = 1
        var result: [(Screen, String, Int, Int)] = []
        for (screen, label) in zip(Screen.all, DashboardText.tabLabels(issueCount: issueCount, stillCounting: stillCounting, active: active, width: size.width)) {
            let width = DisplayWidth.of(label)
            result.append((screen, label, x, width))
            x += width + 1
        }
        return result
    }
}
