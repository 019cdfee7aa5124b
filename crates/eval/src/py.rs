//! The few pieces of Python behaviour the reference scorer relies on, reproduced exactly.
//!
//! `score.py` converts JSON values with `str()`, tests them with `or`, strips
//! lines with `str.strip()`, reads files in universal-newline mode and prints
//! floats with `repr()`. Each function here mirrors one of these so that the
//! port agrees with the reference on odd inputs too, not only on tidy ones.

use serde_json::Value;

/// Python's `str.isspace()` for one character.
///
/// Rust's `char::is_whitespace` follows the Unicode White_Space property;
/// Python also counts the four information separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()` without arguments.
pub(crate) fn strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python's `s[:n]`: the first `n` characters (not bytes).
pub(crate) fn char_prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// Python's truth value of a decoded JSON value.
pub(crate) fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u != 0,
            (_, Some(i)) => i != 0,
            _ => n.as_f64().is_some_and(|f| f != 0.0),
        },
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `str()` of a decoded JSON value.
///
/// Objects are printed with their keys in sorted order, whereas Python keeps
/// the order of the file; only codes that are whole JSON objects of several
/// keys, which no scorer input has a reason to hold, could tell the difference.
pub(crate) fn str_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => repr_of(other),
    }
}

/// Python's `repr()` of a decoded JSON value.
fn repr_of(value: &Value) -> String {
    match value {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.to_string()
            } else if let Some(i) = n.as_i64() {
                i.to_string()
            } else {
                float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => str_repr(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(repr_of).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            let items: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", str_repr(k), repr_of(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// Python's `repr()` of a string: single quotes unless the text holds a single
/// quote and no double quote; backslash escapes for control characters.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            // Python escapes every character it does not deem printable; control
            // characters and spaces other than ' ' are the ones codes could hold.
            c if c.is_control() || (c.is_whitespace() && c != ' ') => {
                let code = c as u32;
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code < 0x10000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a float: the shortest digits that read back as the
/// same float, in positional notation when the decimal exponent is in
/// `-4..16` and in scientific notation (`1e-05`, `1.5e+16`) otherwise.
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Rust's `{:e}` finds how many digits the shortest round trip needs, but
    // when two such digit strings are equally close it may pick the upper one.
    // Python picks the nearest with ties to even, which is what formatting
    // to that many digits gives: exact arithmetic, ties to even.
    let shortest = format!("{x:e}");
    let mantissa = shortest.split('e').next().unwrap_or("0");
    let digit_count = mantissa.chars().filter(char::is_ascii_digit).count();
    let exact = format!("{:.*e}", digit_count.saturating_sub(1), x);
    let (mantissa, exponent) = exact.split_once('e').unwrap_or((&exact, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (negative, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if (-4..16).contains(&exponent) {
        if exponent < 0 {
            out.push_str("0.");
            out.push_str(&"0".repeat(exponent.unsigned_abs() as usize - 1));
            out.push_str(&digits);
        } else {
            let point = exponent as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                out.push_str(&"0".repeat(point - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exponent.unsigned_abs()));
    }
    out
}

/// A string as Python's `json.dumps` writes it with the default
/// `ensure_ascii=True`: every character outside printable ASCII escaped.
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

/// The lines of a file as Python's text mode yields them: `\r\n`, `\r` and
/// `\n` all end a line. Each line comes with its 1-based number.
pub(crate) fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut rest = bytes;
    let mut number = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = match rest.get(end..end + 2) {
            Some(b"\r\n") => 2,
            _ if end < rest.len() => 1,
            _ => 0,
        };
        rest = &rest[end + skip..];
        Some((number, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn floats_print_like_python_repr() {
        let cases = [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (0.5, "0.5"),
            (5.0 / 6.0, "0.8333333333333334"),
            (2.0 / 3.0, "0.6666666666666666"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (123.0, "123.0"),
            (-2.5, "-2.5"),
            (1e22, "1e+22"),
            // Two shortest candidates are equally close: Python keeps the even one.
            (28321666879608.0 + 0.5625, "28321666879608.562"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:e}");
        }
    }

    #[test]
    fn fixed_three_decimals_round_ties_to_even() {
        // 1/16 = 0.0625 exactly: Python's '{:.3f}' gives 0.062, so must we.
        assert_eq!(format!("{:6.3}", 1.0 / 16.0), " 0.062");
        assert_eq!(format!("{:6.3}", 3.0 / 16.0), " 0.188");
        assert_eq!(format!("{:6.3}", 1.0), " 1.000");
    }

    #[test]
    fn str_follows_python() {
        assert_eq!(str_of(&json!(null)), "None");
        assert_eq!(str_of(&json!(true)), "True");
        assert_eq!(str_of(&json!(42)), "42");
        assert_eq!(str_of(&json!(-7)), "-7");
        assert_eq!(str_of(&json!(4.0)), "4.0");
        assert_eq!(str_of(&json!("GBR")), "GBR");
        assert_eq!(str_of(&json!(["a", 1])), "['a', 1]");
        assert_eq!(str_of(&json!({"code": "it's"})), "{'code': \"it's\"}");
    }

    #[test]
    fn truth_follows_python() {
        for falsy in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert!(!truthy(&falsy), "{falsy}");
        }
        for true_ in [
            json!(true),
            json!(-1),
            json!(0.5),
            json!(" "),
            json!([0]),
            json!({"a": 0}),
        ] {
            assert!(truthy(&true_), "{true_}");
        }
    }

    #[test]
    fn strip_includes_separators() {
        assert_eq!(strip("\u{1f} \u{a0}ABC\u{2003}\t\u{1c}"), "ABC");
    }

    #[test]
    fn json_strings_are_ascii() {
        assert_eq!(json_string("it"), "\"it\"");
        assert_eq!(json_string("é\"\\\u{7f}"), "\"\\u00e9\\\"\\\\\\u007f\"");
        assert_eq!(json_string("\u{1F600}"), "\"\\ud83d\\ude00\"");
    }

    #[test]
    fn universal_newlines() {
        let got: Vec<(usize, &[u8])> = lines(b"a\r\nb\rc\n\nd").collect();
        let want: Vec<(usize, &[u8])> = vec![(1, b"a"), (2, b"b"), (3, b"c"), (4, b""), (5, b"d")];
        assert_eq!(got, want);
        assert_eq!(lines(b"x\n").count(), 1);
    }
}
