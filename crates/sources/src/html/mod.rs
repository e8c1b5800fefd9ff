//! Saved web pages: the text of a page's main content, laid out as the
//! document parsers read text, with a map back to the HTML's bytes.
//!
//! The page is read with [html5gum](https://docs.rs/html5gum), a tokenizer
//! that follows the [WHATWG HTML tokenization](https://html.spec.whatwg.org/multipage/parsing.html#tokenization)
//! rules (character references, raw text in `<script>` and `<style>`) and
//! gives every token its byte span in the file: html5ever's tree builder
//! keeps no source positions, and the spans are what lets each record point
//! back into the page.
//!
//! What is kept and how it is laid out:
//! - when the page has a `<main>` element (or `role="main"`), only its
//!   content; otherwise the whole body;
//! - `<head>`, scripts, styles, `<nav>`, `<footer>`, `<aside>`, forms,
//!   buttons, embedded objects, a `<header>` outside an `<article>`, and
//!   any element whose `id`, `class` or ARIA `role` marks it as navigation,
//!   a menu, a sidebar, breadcrumbs, a footer, a cookie banner, sharing
//!   buttons, a skip link or a web archive's capture toolbar are dropped;
//! - headings, paragraphs and other blocks become lines separated by a blank
//!   line; a list item becomes a line starting with `• `; a table row
//!   becomes one line with its cells separated by ` | `; `<br>` is a line
//!   break; white space inside a block is folded to one space.
//!
//! The extracted text is what spans count characters of. [`Origin`] maps a
//! range of it back to the bytes of the HTML file: exactly for words written
//! verbatim in the file, and to the whole text node where character
//! references (`&amp;`) make the two differ.

use html5gum::{DefaultEmitter, HtmlString, StartTag, Token, Tokenizer};

/// Where each part of a page's extracted text comes from in its HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// Pieces of extracted text in order; the bytes between two pieces
    /// (a folded space, a list bullet, a line break) come from no text of
    /// the page.
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Byte range in the extracted text.
    text: (usize, usize),
    /// Byte range in the HTML.
    source: (usize, usize),
    /// Whether the two ranges hold the same bytes, one for one.
    verbatim: bool,
}

impl Origin {
    /// The byte range of the HTML that the extracted text's bytes
    /// `start..end` come from, `[start, end)`.
    pub fn source_range(&self, start: usize, end: usize) -> (u64, u64) {
        let Some(last) = self.pieces.last() else {
            return (0, 0);
        };
        // The first piece that ends after `start`, and the last that starts
        // before `end`; text in a gap maps to the next or previous piece.
        let first = self.pieces.partition_point(|p| p.text.1 <= start);
        let source_start = match self.pieces.get(first) {
            Some(p) if p.verbatim && p.text.0 <= start => p.source.0 + (start - p.text.0),
            Some(p) => p.source.0,
            None => last.source.1,
        };
        let upto = self.pieces.partition_point(|p| p.text.0 < end);
        let source_end = match upto.checked_sub(1).map(|i| &self.pieces[i]) {
            Some(p) if p.verbatim && end <= p.text.1 => p.source.0 + (end - p.text.0),
            Some(p) => p.source.1,
            None => source_start,
        };
        (source_start as u64, source_end.max(source_start) as u64)
    }
}

/// Elements whose content is never text of the page.
const DROPPED: [&str; 17] = [
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "textarea", "svg", "iframe", "object", "canvas", "dialog",
];

/// Elements that end one block of text and start another.
const BLOCKS: [&str; 30] = [
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "header",
    "hr",
    "html",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
    "li",
    "tr",
    "menu",
];

/// Elements whose end tag may be left out (WHATWG "optional tags"); they are
/// never dropped by their attributes, since a missing end tag would hide
/// the rest of the page.
const OPTIONAL_END: [&str; 8] = ["li", "p", "td", "th", "tr", "dt", "dd", "option"];

/// Elements that have no end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Words of an `id` or `class` that mark page furniture rather than content.
const FURNITURE: [&str; 20] = [
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "cookie",
    "cookies",
    "consent",
    "share",
    "sharing",
    "social",
    "toolbar",
    "skip",
    "pager",
    "tabs",
    "related",
];

/// ARIA landmark roles of page furniture.
const FURNITURE_ROLES: [&str; 5] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];

fn name(tag: &HtmlString) -> String {
    String::from_utf8_lossy(tag).to_ascii_lowercase()
}

fn attribute(tag: &StartTag<usize>, key: &str) -> Option<String> {
    tag.attributes
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key.as_bytes()))
        .map(|(_, v)| String::from_utf8_lossy(&v.value).to_ascii_lowercase())
}

/// Whether the element's attributes mark it as page furniture.
fn is_furniture(tag: &StartTag<usize>) -> bool {
    let marked = |value: Option<String>| {
        value.is_some_and(|value| {
            value.split_whitespace().any(|token| {
                token.starts_with("wm-ipp")
                    || token.starts_with("donato")
                    || token
                        .split(['-', '_'])
                        .any(|word| FURNITURE.contains(&word))
            })
        })
    };
    marked(attribute(tag, "id"))
        || marked(attribute(tag, "class"))
        || attribute(tag, "role").is_some_and(|role| FURNITURE_ROLES.contains(&role.as_str()))
}

fn is_main(tag: &StartTag<usize>) -> bool {
    name(&tag.name) == "main" || attribute(tag, "role").as_deref() == Some("main")
}

/// An element being skipped or kept, counted by its name so that nested
/// elements of the same name close it only at the right end tag.
#[derive(Debug)]
struct Open {
    name: String,
    depth: usize,
}

impl Open {
    fn new(name: String) -> Self {
        Self { name, depth: 1 }
    }

    /// Counts a tag; returns true when the element closes.
    fn count(&mut self, name: &str, start: bool) -> bool {
        if name == self.name {
            if start {
                self.depth += 1;
            } else {
                self.depth -= 1;
            }
        }
        self.depth == 0
    }
}

/// Writes the extracted text and its pieces.
#[derive(Debug, Default)]
struct Writer {
    out: String,
    pieces: Vec<Piece>,
    /// What opens the current block's first line (`• ` for a list item).
    prefix: &'static str,
    /// Whether the current block has text.
    block_text: bool,
    /// Whether the current line has text.
    line_text: bool,
    /// Whether white space was seen since the last word.
    space: bool,
    /// Whether the current line has a table cell with text.
    cell: bool,
    /// Whether a cell started since the last text.
    new_cell: bool,
}

impl Writer {
    /// Ends the current block; the next text starts a new one.
    fn block(&mut self, prefix: &'static str) {
        if self.line_text {
            self.out.push_str("\n\n");
        } else if self.block_text {
            self.out.push('\n');
        }
        self.block_text = false;
        self.line_text = false;
        self.space = false;
        self.prefix = prefix;
        self.cell = false;
        self.new_cell = false;
    }

    /// A `<br>`: the block goes on on the next line.
    fn line_break(&mut self) {
        if self.line_text {
            self.out.push('\n');
            self.line_text = false;
            self.space = false;
            self.cell = false;
        }
    }

    /// Writes what goes before a word: the block's prefix (or, on a later
    /// line of a list item, the indent that continues it), a cell separator
    /// or a folded space.
    fn before_word(&mut self) {
        if !self.line_text {
            if self.block_text {
                if !self.prefix.is_empty() {
                    self.out.push_str("  ");
                }
            } else {
                self.out.push_str(self.prefix);
            }
            self.line_text = true;
            self.block_text = true;
        } else if self.new_cell && self.cell {
            self.out.push_str(" | ");
        } else if self.space {
            self.out.push(' ');
        }
        if self.new_cell {
            self.cell = true;
            self.new_cell = false;
        }
        self.space = false;
    }

    fn word(&mut self, word: &str, source: usize, verbatim: bool, source_end: usize) {
        self.before_word();
        let start = self.out.len();
        self.out.push_str(word);
        let piece = Piece {
            text: (start, self.out.len()),
            source: (source, source_end),
            verbatim,
        };
        // Words written with the same gap in both texts make one piece.
        match self.pieces.last_mut() {
            Some(last)
                if verbatim && last.verbatim && start - last.text.1 == source - last.source.1 =>
            {
                last.text.1 = piece.text.1;
                last.source.1 = piece.source.1;
            }
            _ => self.pieces.push(piece),
        }
    }

    /// Writes a text token of the page: its words, each mapped to the
    /// bytes of the HTML it comes from.
    fn text(&mut self, decoded: &str, raw: &str, at: usize) {
        let Some(map) = align(decoded, raw) else {
            // Decoded and raw text cannot be aligned: the token's words map
            // to the whole token.
            if decoded.starts_with(char::is_whitespace) {
                self.space = true;
            }
            let folded = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
            if !folded.is_empty() {
                self.word(&folded, at, false, at + raw.len());
            }
            if decoded.ends_with(char::is_whitespace) {
                self.space = true;
            }
            return;
        };
        let mut rest = decoded;
        let mut offset = 0;
        while !rest.is_empty() {
            let lead = rest.len() - rest.trim_start().len();
            if lead > 0 {
                self.space = true;
            }
            rest = &rest[lead..];
            offset += lead;
            let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            if word_len > 0 {
                let word = &rest[..word_len];
                let (s, e) = (map[offset], map[offset + word_len]);
                let verbatim = raw.get(s..e) == Some(word);
                self.word(word, at + s, verbatim, at + e);
            }
            rest = &rest[word_len..];
            offset += word_len;
        }
    }
}

/// For each byte offset of `decoded` that starts a character (and its
/// end), the byte offset in `raw` it comes from: raw text and decoded text
/// step together, a character reference (`&amp;`, `&#8211;`) standing for
/// one character and `\r\n` for the `\n` the tokenizer reads. `None` when
/// they do not line up (a reference without its `;`).
fn align(decoded: &str, raw: &str) -> Option<Vec<usize>> {
    let mut map = vec![0; decoded.len() + 1];
    let (mut d, mut r) = (0, 0);
    let raw_bytes = raw.as_bytes();
    while d < decoded.len() {
        let c = decoded[d..].chars().next()?;
        map[d] = r;
        let reference = (raw_bytes.get(r) == Some(&b'&'))
            .then(|| {
                let rest = &raw[r + 1..];
                let end = rest.find(';')?;
                let name = &rest[..end];
                (end > 0
                    && end <= 32
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#'))
                .then_some(end + 2)
            })
            .flatten();
        if let Some(length) = reference {
            r += length;
        } else if raw[r..].starts_with(c) {
            r += c.len_utf8();
        } else if c == '\n' && raw[r..].starts_with("\r\n") {
            r += 2;
        } else if c == '\n' && raw[r..].starts_with('\r') {
            r += 1;
        } else {
            return None;
        }
        d += c.len_utf8();
    }
    map[d] = r;
    (r == raw.len()).then_some(map)
}

/// Extracts the text of a page's main content (see the module docs).
pub fn extract(html: &str) -> (String, Origin) {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let tokens: Vec<Token<usize>> = Tokenizer::new_with_emitter(html, emitter)
        .filter_map(Result::ok)
        .collect();
    let has_main = tokens
        .iter()
        .any(|t| matches!(t, Token::StartTag(tag) if is_main(tag)));
    let mut writer = Writer::default();
    let mut skipping: Option<Open> = None;
    let mut main: Option<Open> = None;
    let mut articles = 0usize;
    for token in &tokens {
        match token {
            Token::StartTag(tag) => {
                let tag_name = name(&tag.name);
                let closes = VOID.contains(&tag_name.as_str()) || tag.self_closing;
                if let Some(open) = skipping.as_mut() {
                    if !closes {
                        open.count(&tag_name, true);
                    }
                    continue;
                }
                if let Some(open) = main.as_mut() {
                    if !closes {
                        open.count(&tag_name, true);
                    }
                } else if has_main && is_main(tag) {
                    main = Some(Open::new(tag_name.clone()));
                }
                if has_main && main.is_none() {
                    continue;
                }
                let dropped = DROPPED.contains(&tag_name.as_str())
                    || (tag_name == "header" && articles == 0)
                    || (!OPTIONAL_END.contains(&tag_name.as_str()) && is_furniture(tag));
                if dropped && !closes {
                    skipping = Some(Open::new(tag_name));
                    continue;
                }
                if tag_name == "article" {
                    articles += 1;
                }
                match tag_name.as_str() {
                    "br" => writer.line_break(),
                    "li" => writer.block("• "),
                    "td" | "th" => writer.new_cell = true,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => writer.block(""),
                    other if BLOCKS.contains(&other) => writer.block(""),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let tag_name = name(&tag.name);
                if let Some(open) = skipping.as_mut() {
                    if open.count(&tag_name, false) {
                        skipping = None;
                    }
                    continue;
                }
                if has_main && main.is_none() {
                    continue;
                }
                if let Some(open) = main.as_mut()
                    && open.count(&tag_name, false)
                {
                    main = None;
                }
                if tag_name == "article" {
                    articles = articles.saturating_sub(1);
                }
                let heading = matches!(tag_name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                if heading || BLOCKS.contains(&tag_name.as_str()) {
                    writer.block("");
                }
            }
            Token::String(text) => {
                if skipping.is_some() || (has_main && main.is_none()) {
                    continue;
                }
                let decoded = String::from_utf8_lossy(&text.value);
                let (start, end) = (text.span.start, text.span.end);
                let raw = html.get(start..end).unwrap_or_default();
                writer.text(&decoded, raw, start);
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    let mut out = writer.out;
    out.truncate(out.trim_end().len());
    if !out.is_empty() {
        out.push('\n');
    }
    (
        out,
        Origin {
            pieces: writer.pieces,
        },
    )
}

#[cfg(test)]
mod tests;
