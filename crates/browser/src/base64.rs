//! Decoding of standard base64 (RFC 4648, with `+`, `/` and `=` padding), the encoding of the
//! screenshots Chromium sends. Twenty lines are cheaper than another dependency.

/// Decodes `s`; `None` when it is not base64.
pub(crate) fn decode(s: &str) -> Option<Vec<u8>> {
    let data = s.trim_end_matches('=');
    if s.len() - data.len() > 2 {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in data.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Six or more bits left over means a lone trailing character, which encodes no byte.
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_with_and_without_padding() {
        assert_eq!(decode("").unwrap(), b"");
        assert_eq!(decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode("aGVsbG8").unwrap(), b"hello");
        assert_eq!(decode("aGk=").unwrap(), b"hi");
        assert_eq!(decode("aGV5").unwrap(), b"hey");
        assert_eq!(decode("iVBORw0KGgo=").unwrap(), b"\x89PNG\r\n\x1a\n");
        assert_eq!(decode("+/+/").unwrap(), [0xfb, 0xff, 0xbf]);
    }

    #[test]
    fn rejects_what_is_not_base64() {
        assert_eq!(decode("a"), None);
        assert_eq!(decode("aGVsbG8$"), None);
        assert_eq!(decode("aGk==="), None);
        assert_eq!(decode("aG k="), None);
    }
}
