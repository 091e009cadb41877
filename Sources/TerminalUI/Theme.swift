/// The styles widgets draw with, by role. One theme for colour terminals, one for
/// monochrome (`NO_COLOR`, `--no-color`), which keeps selection and bars visible with
/// reverse and bold alone.
public struct Theme: Sendable, Equatable {
    public var normal: Style
    public var title: Style
    public var header: Style
    public var selected: Style
    public var dim: Style
    public var accent: Style
    public var bar: Style
    public var selectedBar: Style
    public var chip: Style
    public var highlight: Style
    public var statusBar: Style
    public var hintKey: Style
    public var hintLabel: Style
    public var border: Style
    public var warning: Style
    public var tabActive: Style
    public var tabInactive: Style
    /// A sequential palette for shading by amount: the first for none, then least to most.
    /// Monochrome gives no colours, and pictures shade by density instead.
    public var shades: [Style]
    /// What a picture lights up (the selected thing's parts), and what it lights differently
    /// (parts of another kind).
    public var lit: Style
    public var litOther: Style

    /// Whether shading must be drawn as density: the palette has no colours.
    public var shadesByDensity: Bool { Set(shades).count <= 1 }

    public static let colour = Theme(
        normal: .plain,
        title: Style(foreground: .palette(39, fallback: .cyan), bold: true),
        header: Style(bold: true, underline: true),
        selected: Style(foreground: .black, background: .palette(153, fallback: .cyan)),
        dim: Style(foreground: .palette(245, fallback: .white), dim: true),
        accent: Style(foreground: .palette(214, fallback: .yellow), bold: true),
        bar: Style(foreground: .palette(35, fallback: .green)),
        selectedBar: Style(foreground: .palette(214, fallback: .yellow), bold: true),
        chip: Style(foreground: .black, background: .palette(222, fallback: .yellow)),
        highlight: Style(foreground: .black, background: .palette(220, fallback: .yellow), bold: true),
        statusBar: Style(foreground: .black, background: .palette(250, fallback: .white)),
        hintKey: Style(foreground: .black, background: .palette(75, fallback: .cyan), bold: true),
        hintLabel: Style(foreground: .standard),
        border: Style(foreground: .palette(67, fallback: .blue)),
        warning: Style(foreground: .palette(203, fallback: .red), bold: true),
        tabActive: Style(foreground: .black, background: .palette(75, fallback: .cyan), bold: true),
        tabInactive: Style(foreground: .palette(250, fallback: .white)),
        shades: [
            // Yellow to red on 256 colours; on 8, white, yellow, bold yellow, red, bold red.
            Style(foreground: .palette(242, fallback: .white), dim: true), Style(foreground: .palette(229, fallback: .white)),
            Style(foreground: .palette(221, fallback: .yellow)), Style(foreground: .palette(214, fallback: .yellow), bold: true),
            Style(foreground: .palette(202, fallback: .red)), Style(foreground: .palette(160, fallback: .red), bold: true),
        ],
        lit: Style(foreground: .palette(51, fallback: .cyan), bold: true),
        litOther: Style(foreground: .palette(201, fallback: .magenta), bold: true))

    public static let monochrome = Theme(
        normal: .plain,
        title: Style(bold: true),
        header: Style(bold: true, underline: true),
        selected: Style(reverse: true),
        dim: Style(dim: true),
        accent: Style(bold: true),
        bar: Style(),
        selectedBar: Style(bold: true),
        chip: Style(reverse: true),
        highlight: Style(bold: true, underline: true),
        statusBar: Style(reverse: true),
        hintKey: Style(bold: true, reverse: true),
        hintLabel: Style(),
        border: Style(),
        warning: Style(bold: true),
        tabActive: Style(bold: true, reverse: true),
        tabInactive: Style(),
        shades: [Style()],
        lit: Style(bold: true, reverse: true),
        litOther: Style(bold: true))
}
