//! Unit tests for the HTML text extraction: what is kept, how it is laid out and how ranges map back to the page's bytes.

use super::*;

/// The HTML that the first occurrence of `words` in the extracted `text`
/// comes from.
fn source_of<'a>(html: &'a str, text: &str, origin: &Origin, words: &str) -> &'a str {
    let at = text.find(words).unwrap();
    let (s, e) = origin.source_range(at, at + words.len());
    &html[s as usize..e as usize]
}

#[test]
fn main_content_with_structure() {
    let html = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>\
        <nav><ul><li><a href=\"/\">Home</a></li><li>About</li></ul></nav>\
        <div class=\"region-sidebar\">Latest News</div>\
        <h1>IGF 2019 &ndash; Day 1</h1>\
        <p>First   paragraph\n  of text.</p>\
        <ul><li>One</li><li>Two &amp; three</li></ul>\
        <table><tr><th>Year</th><th>City</th></tr><tr><td>2019</td><td>Berlin</td></tr></table>\
        <script>var x = '<p>not text</p>';</script>\
        <footer>Copyright</footer></body></html>";
    let (text, origin) = extract(html);
    assert_eq!(
        text,
        "IGF 2019 – Day 1\n\nFirst paragraph of text.\n\n• One\n\n• Two & three\n\nYear | City\n\n2019 | Berlin\n"
    );
    // "paragraph" is verbatim: its range is exact.
    assert_eq!(source_of(html, &text, &origin, "paragraph"), "paragraph");
    // "of text." after a folded line break is exact too.
    assert_eq!(source_of(html, &text, &origin, "of text."), "of text.");
    // Words around a character reference map exactly; the reference
    // maps to itself.
    assert_eq!(
        source_of(html, &text, &origin, "Two & three"),
        "Two &amp; three"
    );
    assert_eq!(source_of(html, &text, &origin, "–"), "&ndash;");
    assert_eq!(source_of(html, &text, &origin, "Day 1"), "Day 1");
}

#[test]
fn only_main_when_the_page_has_one() {
    let html = "<body><div>Site banner</div><main><p>Kept</p><div class=\"share-buttons\"><a>Share</a></div></main><div>After</div></body>";
    assert_eq!(extract(html).0, "Kept\n");
    let html = "<body><div id=\"wm-ipp-base\"><p>Wayback capture</p></div><div role=\"main\"><p>Body</p></div></body>";
    assert_eq!(extract(html).0, "Body\n");
}

#[test]
fn line_breaks_and_unclosed_items() {
    let html = "<article><header><h1>Title</h1></header><p>a<br>b</p><ul><li class=\"menu-item\">x<li>y</ul></article>";
    assert_eq!(extract(html).0, "Title\n\na\nb\n\n• x\n\n• y\n");
}
