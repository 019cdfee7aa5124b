//! A small civil-calendar date, enough for dated actor codes and event dates.

use std::fmt;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

impl Precision {
    /// `"year"`, `"month"` or `"day"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A proleptic Gregorian date with a precision. Fields beyond the precision are 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31.
    pub day: u8,
    /// What is known.
    pub precision: Precision,
}

impl Date {
    /// A day-precision date, if it exists in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month,
            day,
            precision: Precision::Day,
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding white space allowed).
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let mut parts = text.split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let num = |p: &str| -> Option<u8> {
            if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Some(Date {
                year,
                month: 1,
                day: 1,
                precision: Precision::Year,
            }),
            (Some(m), None, _) => {
                let month = num(m)?;
                (1..=12).contains(&month).then_some(Date {
                    year,
                    month,
                    day: 1,
                    precision: Precision::Month,
                })
            }
            (Some(m), Some(d), None) => Date::ymd(year, num(m)?, num(d)?),
            _ => None,
        }
    }

    /// Days since 1970-01-01 (of the first day the date may denote).
    pub fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The day-precision date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days);
        Date {
            year,
            month,
            day,
            precision: Precision::Day,
        }
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u8
    }

    /// A representative day for comparisons: the date itself, or the middle of its month or year.
    pub fn representative_days(self) -> i64 {
        match self.precision {
            Precision::Day => self.days(),
            Precision::Month => days_from_civil(self.year, self.month, 15),
            Precision::Year => days_from_civil(self.year, 7, 1),
        }
    }

    /// `YYYYMMDD` as an integer, as GDELT's SQLDATE column has it.
    pub fn sql_date(self) -> u32 {
        self.year.max(0) as u32 * 10000 + self.month as u32 * 100 + self.day as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's algorithms: exact for the proleptic Gregorian calendar.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_precision() {
        for text in ["2020", "2020-10", "2020-10-27"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
        for bad in [
            "20",
            "2020-13",
            "2020-02-30",
            "2020-1-1",
            "x",
            "2020-10-27-1",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_days_and_knows_weekdays() {
        let d = Date::parse("2019-07-10").unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 2); // a Wednesday
        assert_eq!(Date::parse("2024-02-29").unwrap().weekday(), 3);
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).days(), days);
        }
    }
}
