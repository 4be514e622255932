//! `parseURL`: an `http` or `https` URL without query, split into the
//! parts the rules read.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::rc::Rc;

use super::eval::{Text, Val};

/// A URL `parseURL` accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedUrl {
    scheme: &'static str,
    authority: Rc<str>,
    path: Rc<str>,
    normalized_path: Rc<str>,
    is_ip: bool,
}

impl ParsedUrl {
    /// An attribute by the name the rules use.
    pub(crate) fn get<'a>(&self, key: &str) -> Option<Val<'a>> {
        Some(match key {
            "scheme" => Val::str(self.scheme),
            "authority" => Val::Str(Text::Shared(self.authority.clone())),
            "path" => Val::Str(Text::Shared(self.path.clone())),
            "normalizedPath" => Val::Str(Text::Shared(self.normalized_path.clone())),
            "isIp" => Val::Bool(self.is_ip),
            _ => return None,
        })
    }

    pub(crate) fn fields(&self) -> Vec<(&'static str, Val<'static>)> {
        ["scheme", "authority", "path", "normalizedPath", "isIp"]
            .into_iter()
            .filter_map(|key| Some((key, self.get(key)?)))
            .collect()
    }
}

/// Parses `input`; `None` for another scheme, a query or fragment, user
/// info, or a malformed host or port.
pub(crate) fn parse(input: &str) -> Option<ParsedUrl> {
    let (scheme, rest) = input.split_once("://")?;
    let scheme = match scheme {
        "http" => "http",
        "https" => "https",
        _ => return None,
    };
    if rest.contains(['?', '#']) {
        return None;
    }
    let (authority, path) = match rest.find('/') {
        Some(slash) => rest.split_at(slash),
        None => (rest, ""),
    };
    let is_ip = parse_authority(authority)?;
    let normalized_path = match (path.starts_with('/'), path.ends_with('/')) {
        (_, true) => path.to_owned(),
        (true, false) => format!("{path}/"),
        (false, false) => "/".to_owned(),
    };
    Some(ParsedUrl {
        scheme,
        authority: Rc::from(authority),
        path: Rc::from(path),
        normalized_path: Rc::from(normalized_path),
        is_ip,
    })
}

/// Checks `host[:port]`, returning whether the host is an IP address.
fn parse_authority(authority: &str) -> Option<bool> {
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (address, after) = bracketed.split_once(']')?;
        address.parse::<Ipv6Addr>().ok()?;
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        (None, port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(authority), None),
        }
    };
    let valid_port = |port: &str| port.bytes().all(|byte| byte.is_ascii_digit()) && port.parse::<u16>().is_ok();
    if port.is_some_and(|port| !valid_port(port)) {
        return None;
    }
    let Some(host) = host else { return Some(true) };
    let host_byte = |byte: u8| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'%');
    if host.is_empty() || !host.bytes().all(host_byte) {
        return None;
    }
    Some(host.parse::<Ipv4Addr>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(input: &str) -> Option<(&'static str, String, String, String, bool)> {
        parse(input).map(|url| {
            (
                url.scheme,
                url.authority.to_string(),
                url.path.to_string(),
                url.normalized_path.to_string(),
                url.is_ip,
            )
        })
    }

    fn owned(
        scheme: &'static str,
        authority: &str,
        path: &str,
        normalized: &str,
        is_ip: bool,
    ) -> Option<(&'static str, String, String, String, bool)> {
        Some((
            scheme,
            authority.to_owned(),
            path.to_owned(),
            normalized.to_owned(),
            is_ip,
        ))
    }

    #[test]
    fn hosts_ports_and_paths() {
        assert_eq!(
            parts("https://example.com"),
            owned("https", "example.com", "", "/", false)
        );
        assert_eq!(
            parts("https://example.com/"),
            owned("https", "example.com", "/", "/", false)
        );
        assert_eq!(
            parts("http://example.com:80/foo/bar"),
            owned("http", "example.com:80", "/foo/bar", "/foo/bar/", false)
        );
        assert_eq!(
            parts("https://example.com/a/b/"),
            owned("https", "example.com", "/a/b/", "/a/b/", false)
        );
    }

    #[test]
    fn ip_addresses() {
        assert_eq!(parts("https://127.0.0.1"), owned("https", "127.0.0.1", "", "/", true));
        assert_eq!(
            parts("http://172.19.0.1:8080/p"),
            owned("http", "172.19.0.1:8080", "/p", "/p/", true)
        );
        assert_eq!(parts("https://[fe80::1]"), owned("https", "[fe80::1]", "", "/", true));
        assert_eq!(
            parts("https://[::1]:8443/x/"),
            owned("https", "[::1]:8443", "/x/", "/x/", true)
        );
        assert_eq!(parts("https://1.2.3"), owned("https", "1.2.3", "", "/", false));
        assert_eq!(parts("https://[not-ip]"), None);
        assert_eq!(parts("https://[::1"), None);
        assert_eq!(parts("https://[::1]x"), None);
    }

    #[test]
    fn rejected_urls() {
        assert_eq!(parts("https://example.com:8443?foo=bar&faz=baz"), None);
        assert_eq!(parts("https://example.com/path?x"), None);
        assert_eq!(parts("https://example.com/#frag"), None);
        assert_eq!(parts("ftp://example.com"), None);
        assert_eq!(parts("example.com"), None);
        assert_eq!(parts("https://"), None);
        assert_eq!(parts("https://:80"), None);
        assert_eq!(parts("https://example.com:"), None);
        assert_eq!(parts("https://example.com:99999"), None);
        assert_eq!(parts("https://example.com:8a"), None);
        assert_eq!(parts("https://user@example.com"), None);
        assert_eq!(parts("https://exa mple.com"), None);
    }
}
