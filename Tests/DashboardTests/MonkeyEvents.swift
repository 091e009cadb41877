@testable import Dashboard
import SharedServices
import TerminalUI

/// A seeded source of hostile input: every kind of key the input type has, clicks and the
/// wheel anywhere (off the screen too), and resizes from 1×1 to 300×100, tiny sizes and the
/// 40×10 minimum's neighbours among them. The keys the dashboard binds come up often, so
/// that sessions get into every screen, picker and prompt; common terminal sizes come up
/// often, so that much of a session is spent where people use it. Words that registers
/// hold are typed now and then, a character a step, so that searches and picker queries
/// find something. The input type has no mouse release: the terminal driver drops
/// releases before the dashboard sees them.
struct MonkeyEvents {
    /// What each event was, for the run's tally.
    enum Kind: String, CaseIterable, Comparable {
        case boundKey = "bound key"
        case wordCharacter = "character of a word"
        case specialKey = "special key"
        case asciiCharacter = "ASCII character"
        case nonASCIICharacter = "non-ASCII character"
        case wideCharacter = "wide character"
        case controlCharacter = "control character typed"
        case controlKey = "Ctrl-key"
        case functionKey = "function key"
        case mouseOnScreen = "mouse on the screen"
        case mouseJustOff = "mouse just off the screen"
        case mouseFarOff = "mouse far off the screen"
        case resizeTiny = "resize, tiny"
        case resizeNearMinimum = "resize, near 40×10"
        case resizeCommon = "resize, common size"
        case resizeAny = "resize, any"

        static func < (left: Kind, right: Kind) -> Bool {
            allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
        }
    }

    /// Every character the key tables bind, and the prompts' own (Space ticks, y/Y replaces).
    static let boundKeys: [Character] = {
        let bound = (GlobalKeys.bindings + Screen.all.flatMap(\.content.keys)).flatMap(\.keys).compactMap { key -> Character? in
            if case .character(let character) = key { return character }
            return nil
        }
        return Array(Set(bound + Array(" yY"))).sorted()
    }()
    /// Words common in registers' names, descriptions and partners.
    static let words = ["council", "shared", "service", "trading", "waste", "legal", "east", "it", "hr", "count"]
    static let specialKeys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
        .delete,
    ]
    /// Accents, a combining sequence, right-to-left text and its override, invisible characters.
    static let nonASCII: [Character] = [
        "é", "ü", "ß", "ø", "£", "€", "—", "·", "ñ", "Ł", "ğ", "Ω", "ж", "e\u{301}", "א", "ع", "\u{202E}", "\u{200B}",
        "\u{FEFF}", "\u{00A0}",
    ]
    /// Two columns each: CJK, full-width Latin, emoji with skin tone, joiner and flag.
    static let wide: [Character] = ["日", "本", "語", "한", "中", "Ｗ", "🙂", "👍🏽", "👨‍👩‍👧", "🇬🇧"]
    /// Typed as characters, as a terminal that passed them through would: escape, bell, NUL,
    /// DEL, the C1 CSI, and the line and tab characters.
    static let controlCharacters: [Character] = ["\u{1B}", "\u{07}", "\u{00}", "\u{7F}", "\u{9B}", "\r", "\n", "\t"]
    static let mouseKinds: [MouseEvent.Kind] = [
        .press(.left), .press(.right), .press(.wheelUp), .press(.wheelDown), .doubleClick,
    ]
    static let farCoordinates = [Int.min, -1_000_000, -1, 1_000_000, Int.max]
    /// Terminals as people have them.
    static let commonSizes = [(80, 24), (80, 43), (100, 30), (120, 40), (132, 43), (160, 50), (200, 60)]
        .map { TerminalSize(width: $0.0, height: $0.1) }

    /// Kinds by weight, in thousandths.
    private static let weights: [(Kind, Int)] = [
        (.boundKey, 380), (.wordCharacter, 20), (.specialKey, 200), (.asciiCharacter, 100), (.nonASCIICharacter, 50), (.wideCharacter, 40),
        (.controlCharacter, 20), (.controlKey, 40), (.functionKey, 20), (.mouseOnScreen, 80), (.mouseJustOff, 12),
        (.mouseFarOff, 8), (.resizeTiny, 3), (.resizeNearMinimum, 5), (.resizeCommon, 10), (.resizeAny, 12),
    ]
    private static let kinds = weights.map(\.0)
    private static let kindWeights = weights.map(\.1)

    private var random: SplitMix64
    /// The rest of a word being typed.
    private var pendingCharacters: [Character] = []

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// The next event for a screen of `size`, and what kind it is.
    mutating func next(size: TerminalSize) -> (InputEvent, Kind) {
        if !pendingCharacters.isEmpty { return (.key(.character(pendingCharacters.removeFirst())), .wordCharacter) }
        let kind = Self.kinds[random.weightedIndex(Self.kindWeights)]
        return (event(of: kind, size: size), kind)
    }

    private mutating func event(of kind: Kind, size: TerminalSize) -> InputEvent {
        switch kind {
        case .boundKey: return .key(.character(pick(Self.boundKeys)))
        case .wordCharacter:
            pendingCharacters = Array(pick(Self.words))
            return .key(.character(pendingCharacters.removeFirst()))
        case .specialKey: return .key(pick(Self.specialKeys))
        case .asciiCharacter: return .key(.character(Character(Unicode.Scalar(UInt8(random.inRange(0x20...0x7E))))))
        case .nonASCIICharacter: return .key(.character(pick(Self.nonASCII)))
        case .wideCharacter: return .key(.character(pick(Self.wide)))
        case .controlCharacter: return .key(.character(pick(Self.controlCharacters)))
        case .controlKey:
            return .key(.control(Character(Unicode.Scalar(UInt8(random.inRange(0x61...0x7A))))))
        case .functionKey:
            // F1–F12 as terminals send them, and now and then a number none sends.
            return .key(.function(random.chance(1, in: 10) ? pick([0, -1, 13, 99, Int.max]) : random.inRange(1...12)))
        case .mouseOnScreen:
            return mouse(x: random.below(size.width), y: random.below(size.height))
        case .mouseJustOff:
            // Up to three cells beyond any edge: where a terminal reports clicks in its margin.
            return mouse(x: random.inRange(-3...size.width + 2), y: random.inRange(-3...size.height + 2))
        case .mouseFarOff:
            return mouse(x: pick(Self.farCoordinates), y: pick(Self.farCoordinates))
        case .resizeTiny:
            return .resize(TerminalSize(width: random.inRange(1...12), height: random.inRange(1...6)))
        case .resizeNearMinimum:
            return .resize(TerminalSize(width: random.inRange(38...42), height: random.inRange(8...12)))
        case .resizeCommon:
            return .resize(pick(Self.commonSizes))
        case .resizeAny:
            return .resize(TerminalSize(width: random.inRange(1...300), height: random.inRange(1...100)))
        }
    }

    private mutating func mouse(x: Int, y: Int) -> InputEvent {
        .mouse(MouseEvent(pick(Self.mouseKinds), x: x, y: y))
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[random.below(choices.count)]
    }
}
