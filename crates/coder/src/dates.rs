//! Date expressions inside a sentence, resolved against the document date.

use dyad_lexicon::{Date, Func, Precision};
use dyad_text::{Token, TokenKind};

/// A date the sentence gives, with the tokens that say it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: Date,
}

fn day_number(token: &Token) -> Option<u8> {
    if token.kind != TokenKind::Number {
        // "1st", "2nd", "21st", "primo"
        let digits: String = token
            .norm
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let rest = &token.norm[digits.len()..];
        if !digits.is_empty() && matches!(rest, "st" | "nd" | "rd" | "th" | "o" | "er") {
            return digits.parse().ok().filter(|d| (1..=31).contains(d));
        }
        return None;
    }
    token.norm.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(token: &Token) -> Option<i32> {
    (token.kind == TokenKind::Number && token.norm.len() == 4)
        .then(|| token.norm.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The most recent `month`/`day` on or before the document date (or within a month after it,
/// which news about scheduled events allows), in the document's year otherwise.
fn resolve_month_day(
    doc: Option<Date>,
    month: u8,
    day: Option<u8>,
    year: Option<i32>,
) -> Option<Date> {
    let year = match (year, doc) {
        (Some(y), _) => y,
        (None, Some(d)) => {
            if month > d.month + 1 {
                d.year - 1
            } else {
                d.year
            }
        }
        (None, None) => return None,
    };
    match day {
        Some(day) => Date::ymd(year, month, day),
        None => Some(Date {
            year,
            month,
            day: 1,
            precision: Precision::Month,
        }),
    }
}

/// Finds the date expressions of a sentence. `tags[i]` is the function word starting at token `i`
/// with its length in tokens; `links[i]` says that token `i` is a preposition that may stand
/// between a day, its month and its year (`27 de enero de 2024`, `the 27th of January`).
pub(crate) fn find_dates(
    tokens: &[Token],
    tags: &[Option<(Func, usize)>],
    links: &[bool],
    doc: Option<Date>,
) -> Vec<DateMention> {
    let link = |k: usize| links.get(k).copied().unwrap_or(false);
    let mut found = Vec::new();
    let exact = doc.filter(|d| d.precision == Precision::Day);
    let mut i = 0;
    while i < tokens.len() {
        let Some((func, len)) = tags[i] else {
            i += 1;
            continue;
        };
        let mention = match func {
            Func::Month(month) => {
                let mut start = i;
                let mut end = i + len;
                let mut day = None;
                if i > 0 {
                    if let Some(d) = day_number(&tokens[i - 1]) {
                        day = Some(d);
                        start = i - 1;
                    } else if i > 1 && (link(i - 1) || tokens[i - 1].norm == ".") {
                        // `27 de septiembre`, or an ordinal written with a dot: `am 27. September`.
                        if let Some(d) = day_number(&tokens[i - 2]) {
                            day = Some(d);
                            start = i - 2;
                        }
                    }
                }
                if day.is_none() {
                    if let Some(d) = tokens.get(end).and_then(day_number) {
                        day = Some(d);
                        end += 1;
                    }
                }
                let mut year = None;
                let mut k = end;
                if tokens.get(k).is_some_and(|t| t.norm == ",") || link(k) {
                    k += 1;
                }
                if let Some(y) = tokens.get(k).and_then(year_number) {
                    year = Some(y);
                    end = k + 1;
                }
                // A bare month name ("a gennaio", "in March") needs a preposition or a year to
                // count: "May" alone is too often a verb.
                resolve_month_day(doc, month, day, year)
                    .filter(|_| day.is_some() || year.is_some() || i > 0)
                    .map(|date| DateMention { start, end, date })
            }
            Func::Weekday(weekday) => exact.map(|d| {
                let back = (i64::from(d.weekday()) - i64::from(weekday)).rem_euclid(7);
                DateMention {
                    start: i,
                    end: i + len,
                    date: Date::from_days(d.days() - back),
                }
            }),
            Func::Yesterday
            | Func::Today
            | Func::Tomorrow
            | Func::BeforeYesterday
            | Func::AfterTomorrow => exact.map(|d| {
                let shift = match func {
                    Func::BeforeYesterday => -2,
                    Func::Yesterday => -1,
                    Func::Tomorrow => 1,
                    Func::AfterTomorrow => 2,
                    _ => 0,
                };
                DateMention {
                    start: i,
                    end: i + len,
                    date: Date::from_days(d.days() + shift),
                }
            }),
            _ => None,
        };
        match mention {
            Some(m) => {
                i = m.end.max(i + 1);
                found.push(m);
            }
            None => i += len.max(1),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_day_resolves_into_the_past() {
        let doc = Date::parse("2020-10");
        assert_eq!(
            resolve_month_day(doc, 9, Some(27), None)
                .unwrap()
                .to_string(),
            "2020-09-27"
        );
        let doc = Date::parse("2023-01-05");
        assert_eq!(
            resolve_month_day(doc, 12, Some(30), None)
                .unwrap()
                .to_string(),
            "2022-12-30"
        );
        assert_eq!(
            resolve_month_day(doc, 2, None, None).unwrap().to_string(),
            "2023-02"
        );
    }
}
