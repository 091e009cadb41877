import SharedServices
import TerminalUI

/// Turns events into new state: key or mouse → action on `AppState`. Pure: it reads no
/// file and draws nothing; what must touch the world comes back as an `Effect`.
/// A key is looked up in what is open over the screen, then in the screen's key table,
/// then in the keys that work everywhere: the same tables help and the hint bar show.
public enum Reducer {
    public static func handle(_ event: InputEvent, state: inout AppState) -> [Effect] {
        switch event {
        case .resize(let size):
            state.resize(to: size)
            return []
        case .mouse(let mouse):
            state.message = nil
            state.headlineFocused = false
            return MouseHandling.handle(mouse, state: &state)
        case .key(let key):
            state.message = nil
            if state.overlay != nil { return OverlayHandling.handle(key, state: &state) }
            if HeadlineFocus.handle(key, state: &state) { return [] }
            guard let binding = binding(for: key, on: state.screen) else { return [] }
            return binding.perform(&state, key)
        }
    }

    /// The binding `key` triggers on `screen`: the screen's own first, then the global ones.
    static func binding(for key: Key, on screen: Screen) -> KeyBinding? {
        screen.content.keys.first { $0.keys.contains(key) } ?? GlobalKeys.bindings.first { $0.keys.contains(key) }
    }

    static func switchScreen(to screen: Screen, state: inout AppState) {
        state.detailTop = 0
        state.show(screen)
        if screen == .detail && state.selectedRow == nil {
            state.message = "No arrangement selected: the current view is empty"
        }
    }

    /// Esc with nothing open: forget the search, else go back to the arrangements.
    static func escape(state: inout AppState) {
        if Search.clear(state: &state) { return }
        if state.screen != .arrangements { switchScreen(to: .arrangements, state: &state) }
    }
}
