/// A self-contained HTML page: the head every page of `plan` has (UTF-8, a viewport for phones,
/// the escaped title, inline styles, no script and nothing fetched from elsewhere), then `body`.
///
/// - Complexity: O(size of the page).
public func htmlDocument(title: String, style: String, body: [String]) -> String {
    ([
        "<!DOCTYPE html>",
        "<html lang=\"en\">",
        "<head>",
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>\(title.htmlEscaped)</title>",
        "<style>",
        style,
        "</style>",
        "</head>",
        "<body>",
    ] + body + ["</body>", "</html>"]).joined(separator: "\n") + "\n"
}
