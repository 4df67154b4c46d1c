/// Text laid out in columns of a fixed width, for terminal tables. Widths count characters, which
/// is what a terminal shows for the text this tool prints.
extension String {
    /// Left-aligned in `width` characters: spaces added after, never cut.
    public func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Right-aligned in `width` characters: `pad` added before, never cut.
    public func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }

    /// A cell of a column `width` characters wide: left-aligned, with at least one space after, so
    /// that an overlong value still stands apart from the next column.
    public func column(_ width: Int) -> String { padded(to: width - 1) + " " }

    /// Without the spaces at the end, which padding leaves on the last column of a line.
    public var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
