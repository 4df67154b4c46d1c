import OutputFormats

/// A problem that `plan` itself finds in what the user asked for: a flag's value, a combination of
/// flags, an unreadable file. Thrown rather than ArgumentParser's `ValidationError` so that bad input
/// exits with status 1, like bad input found by the libraries.
typealias CommandError = ErrorMessage<CommandErrorTopic>
enum CommandErrorTopic: UserFacingTopic {}
