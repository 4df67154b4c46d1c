/// A problem with what the user asked for, printed as one line (`Error: …`) with exit status 1.
/// ArgumentParser's `ValidationError` would add a usage block, which buries the message.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
