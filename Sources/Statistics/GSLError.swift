import CGSL

/// A GSL status code as a Swift error, modelled on swift-system's `Errno`: GSL functions report
/// failure by returning a code, which the Swift callers turn into a thrown error.
public struct GSLError: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let domain = GSLError(rawValue: Int32(GSL_EDOM))
    public static let range = GSLError(rawValue: Int32(GSL_ERANGE))
    public static let invalidArgument = GSLError(rawValue: Int32(GSL_EINVAL))
    public static let outOfMemory = GSLError(rawValue: Int32(GSL_ENOMEM))
    public static let maxIterations = GSLError(rawValue: Int32(GSL_EMAXITER))
    public static let tolerance = GSLError(rawValue: Int32(GSL_ETOL))

    /// GSL's own wording of the code (`gsl_strerror`).
    public var description: String {
        "GSL error \(rawValue): " + String(cString: gsl_strerror(rawValue))
    }

    /// Throws unless `status` is `GSL_SUCCESS`.
    public static func check(_ status: Int32) throws(GSLError) {
        if status != Int32(GSL_SUCCESS) { throw GSLError(rawValue: status) }
    }
}
