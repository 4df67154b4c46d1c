/// Parses an option's value with a library parser, whose errors name the value but not the option
/// (libraries do not know the command line): the option is put in front, `--max-risk ge4=0.2: …`.
func optionValue<T>(_ option: String, _ parse: () throws -> T) throws -> T {
    do {
        return try parse()
    } catch let error as any UserFacingError {
        throw CommandError("\(option) \(error.userMessage)")
    }
}

