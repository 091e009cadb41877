import SharedServices
import TerminalUI

/// Mouse events: tabs, the headline, picker options, and each screen's own clicks and wheel.
enum MouseHandling {
    static func handle(_ mouse: MouseEvent, state: inout AppState) -> [Effect] {
        let layout = Layout(size: state.size)
        if let overlay = state.overlay {
            guard case .press(.left) = mouse.kind else { return [] }
            // A click outside an open overlay closes it; in a picker it ticks an option.
            if !layout.overlay.contains(x: mouse.x, y: mouse.y) {
                state.overlay = nil
            } else if case .picker(let kind, var picker) = overlay {
                picker.click(y: mouse.y, in: layout.overlay)
                state.overlay = .picker(kind, picker)
            }
            return []
        }
        switch mouse.kind {
        case .press(.wheelUp), .press(.wheelDown):
            let delta = mouse.kind == .press(.wheelUp) ? -3 : 3
            state.screen.content.wheel(by: delta, x: mouse.x, y: mouse.y, state: &state, layout: layout)
            return []
        case .press(.left), .doubleClick:
            if mouse.y == layout.tabs.y {
                if let tab = layout.tabRanges(for: state).first(where: { mouse.x >= $0.x && mouse.x < $0.x + $0.width }) {
                    Reducer.switchScreen(to: tab.screen, state: &state)
                }
                return []
            }
            if mouse.y == layout.headline.y {
                if Render.headlineFigurePhrase(state).contains(mouse.x) { HeadlineFocus.showWithoutFigure(state: &state) }
                return []
            }
            guard layout.content.contains(x: mouse.x, y: mouse.y) else { return [] }
            return state.screen.content.click(
                x: mouse.x, y: mouse.y, double: mouse.kind == .doubleClick, state: &state, layout: layout)
        case .press(.right):
            return []
        }
    }
}
