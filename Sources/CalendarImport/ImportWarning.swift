import InputFormats

/// Something an import read past without failing: an iCalendar feature this reader does not support
/// and either could ignore without changing any date, or could not, in which case the event it belongs
/// to was left out.
///
/// Warnings are returned rather than printed because the library does no I/O; the command-line tool
/// shows them so that a skipped event never goes unnoticed.
public typealias ImportWarning = LineMessage
