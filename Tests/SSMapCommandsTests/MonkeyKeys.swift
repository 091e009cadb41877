import SharedServices

/// Random input for the dashboard, as tmux key names, from a seeded generator.
enum MonkeyKeys {
    /// Letters, digits and a little punctuation, but never q (it would quit) nor the
    /// characters of a path that leaves the working directory ("/", ".") nor those tmux
    /// or an escape sequence could take for something else (";", "[", "-").
    static let printable: [String] = "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?,!@=+_*&"
        .map { String($0) } + ["Space"]

    static let navigation = [
        "Up", "Down", "Left", "Right", "PPage", "NPage", "Home", "End", "Tab", "BTab", "Enter", "Escape", "BSpace", "DC",
    ]

    static let functionKeys = (1...12).map { "F\($0)" }

    /// Every Ctrl-letter but C-c (SIGINT), C-z (SIGTSTP); C-\ (SIGQUIT) is not a letter.
    static let controlKeys = "abdefghijklmnoprstuvwxy".map { "C-\($0)" }

    enum Event {
        case keys([String])
        case resize(width: Int, height: Int)
    }

    /// One random event: a key, a search (its text typed after "/"), or a resize.
    static func event(_ random: inout SplitMix64) -> Event {
        switch random.weightedIndex([30, 35, 5, 8, 4, 8]) {
        case 0: return .keys([pick(printable, &random)])
        case 1: return .keys([pick(navigation, &random)])
        case 2: return .keys([pick(functionKeys, &random)])
        case 3: return .keys([pick(controlKeys, &random)])
        case 4: return .keys(search(&random))
        default:
            let size = resize(&random)
            return .resize(width: size.width, height: size.height)
        }
    }

    /// "/" and some text, and then Enter, Escape or nothing (the search stays open). Escape
    /// three times first: whatever is open closes (an export prompt would take "/" into a
    /// path), and "/" then searches the arrangements.
    static func search(_ random: inout SplitMix64) -> [String] {
        let letters = printable.filter { $0.count == 1 && $0.first?.isLetter == true }
        let text = (0..<random.inRange(1...8)).map { _ in pick(letters, &random) }
        let ending = [["Enter"], ["Escape"], []][random.below(3)]
        return ["Escape", "Escape", "Escape", "/"] + text + ending
    }

    /// Any size from 1×1 to 250×80, with one in four below the 40×10 minimum or near it.
    static func resize(_ random: inout SplitMix64) -> (width: Int, height: Int) {
        if random.chance(1, in: 4) {
            return (random.inRange(1...45), random.inRange(1...12))
        }
        return (random.inRange(1...250), random.inRange(1...80))
    }

    static func pick(_ choices: [String], _ random: inout SplitMix64) -> String {
        choices[random.below(choices.count)]
    }
}
