//! Minimal, allocation-light URL reading for page classification.
//! Only what detection needs: is it LinkedIn, and the normalised path.

/// A page address split into the parts detection uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl {
    pub host: String,
    /// Lower-case path without query, fragment, trailing slash or repeated slashes; always starts with `/`.
    pub path: String,
}

impl PageUrl {
    /// Parse an absolute http(s) URL. Anything else (relative, other schemes, garbage) is `None`.
    pub fn parse(raw: &str) -> Option<PageUrl> {
        let raw = raw.trim();
        let rest = strip_prefix_ignore_case(raw, "https://")
            .or_else(|| strip_prefix_ignore_case(raw, "http://"))?;
        let end_of_authority = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..end_of_authority];
        // Drop user info and port: neither changes which site this is.
        let host_port = authority.rsplit('@').next().unwrap_or("");
        let host = host_port
            .split(':')
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        if host.is_empty() {
            return None;
        }
        let after = &rest[end_of_authority..];
        let path_end = after.find(['?', '#']).unwrap_or(after.len());
        Some(PageUrl {
            host: host.to_ascii_lowercase(),
            path: normalize_path(&after[..path_end]),
        })
    }

    /// LinkedIn's own hosts: linkedin.com and its subdomains (www, de, fr, …).
    pub fn is_linkedin(&self) -> bool {
        self.host == "linkedin.com" || self.host.ends_with(".linkedin.com")
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Lower-case, collapse `//`, drop a trailing `/`; `""` becomes `/`.
pub fn normalize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1);
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        out.push('/');
        out.push_str(&segment.to_ascii_lowercase());
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_linkedin_setting_urls() {
        let url = PageUrl::parse(
            "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement/?trk=x#top",
        )
        .unwrap();
        assert_eq!(url.host, "www.linkedin.com");
        assert_eq!(
            url.path,
            "/mypreferences/d/settings/data-for-ai-improvement"
        );
        assert!(url.is_linkedin());
    }

    #[test]
    fn normalises_case_slashes_and_ports() {
        let url = PageUrl::parse("HTTPS://User@DE.LinkedIn.com:443//MyPreferences//d/").unwrap();
        assert_eq!(url.host, "de.linkedin.com");
        assert_eq!(url.path, "/mypreferences/d");
        assert_eq!(
            PageUrl::parse("https://www.linkedin.com").unwrap().path,
            "/"
        );
    }

    #[test]
    fn rejects_lookalikes_and_garbage() {
        assert!(!PageUrl::parse("https://linkedin.com.evil.example/feed")
            .unwrap()
            .is_linkedin());
        assert!(!PageUrl::parse("https://notlinkedin.com/feed")
            .unwrap()
            .is_linkedin());
        assert!(PageUrl::parse("chrome-extension://abc/popup.html").is_none());
        assert!(PageUrl::parse("").is_none());
        assert!(PageUrl::parse("https://").is_none());
        assert!(PageUrl::parse("https://ä").is_some());
    }
}
