/// The tag in the head of every page `plan` writes, by which it recognises a page of its own (only
/// such a page is replaced without `--force`).
public let htmlGeneratorTag = "<meta name=\"generator\" content=\"plan\">"

/// A self-contained HTML page: the head every page of `plan` has (UTF-8, the generator tag, a
/// viewport for phones, the escaped title, inline styles, no script and nothing fetched from
/// elsewhere), then `body`.
///
/// - Complexity: O(size of the page).
public func htmlDocument(title: String, style: String, body: [String]) -> String {
    ([
        "<!DOCTYPE html>",
        "<html lang=\"en\">",
        "<head>",
        "<meta charset=\"utf-8\">",
        htmlGeneratorTag,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>\(title.htmlEscaped)</title>",
        "<style>",
        style,
        "</style>",
        "</head>",
        "<body>",
    ] + body + ["</body>", "</html>"]).joined(separator: "\n") + "\n"
}
