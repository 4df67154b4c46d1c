import InputFormats

/// A file that cannot be read as what it claims to be: an iCalendar file that is not well formed, or a
/// time-off CSV whose header, fields or dates are wrong.
///
/// An import never guesses at a broken file, because a wrong guess silently moves someone's time off
/// or a public holiday; it stops with one line that names the file and line to fix.
public typealias ImportError = LineMessage
