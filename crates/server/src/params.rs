//! Query-string parameters: parsed, checked, and refused with a message that says what is wrong.

use dyad_lexicon::date::days_in_month;
use dyad_lexicon::{Date, Precision};
use dyad_store::{ActorQuery, DyadQuery, DyadSort, EventQuery, EventSort, Filter, Interval, View};
use std::collections::HashMap;

/// The largest page.
pub const MAX_LIMIT: usize = 1000;
/// The default page.
pub const DEFAULT_LIMIT: usize = 100;
/// The largest offset: deeper pages should narrow the filter instead.
pub const MAX_OFFSET: usize = 1_000_000;

/// A bad parameter.
#[derive(Debug)]
pub struct ParamError(pub String);

/// Response format of `/api/events`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Gdelt,
}

/// The parameters of one request; each is taken once, and [`Params::finish`] refuses leftovers.
pub struct Params {
    raw: HashMap<String, String>,
}

type R<T> = Result<T, ParamError>;

fn err<T>(msg: String) -> R<T> {
    Err(ParamError(msg))
}

/// An actor code or prefix, upper-cased.
fn actor_code(name: &str, v: &str) -> R<String> {
    let up = v.to_ascii_uppercase();
    if up.is_empty() || up.len() > 40 || !up.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return err(format!(
            "{name}={v:?}: want a CAMEO actor code or its prefix (letters, digits, -)"
        ));
    }
    Ok(up)
}

impl Params {
    /// Refuses a parameter given twice.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> R<Params> {
        let mut raw = HashMap::new();
        for (k, v) in pairs {
            if raw.contains_key(&k) {
                return err(format!("parameter {k:?} given twice"));
            }
            raw.insert(k, v);
        }
        Ok(Params { raw })
    }

    fn take(&mut self, name: &str) -> Option<String> {
        self.raw
            .remove(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// Refuses parameters nobody asked for.
    pub fn finish(self) -> R<()> {
        let mut left: Vec<&String> = self.raw.keys().collect();
        left.sort();
        match left.first() {
            Some(k) => err(format!("unknown parameter {k:?} (see /api/openapi.json)")),
            None => Ok(()),
        }
    }

    fn date(&mut self, name: &str, end: bool) -> R<Option<i64>> {
        let Some(v) = self.take(name) else {
            return Ok(None);
        };
        let d = Date::parse(&v)
            .filter(|d| d.precision != Precision::Year)
            .ok_or_else(|| ParamError(format!("{name}={v:?}: want YYYY-MM-DD or YYYY-MM")))?;
        if end && d.precision == Precision::Month {
            let last = Date::ymd(d.year, d.month, days_in_month(d.year, d.month))
                .map_or(d.days(), |l| l.days());
            return Ok(Some(last));
        }
        Ok(Some(d.days()))
    }

    fn code(&mut self, name: &str) -> R<Option<String>> {
        self.take(name).map(|v| actor_code(name, &v)).transpose()
    }

    /// `A,B`: two actor code prefixes.
    fn code_pair(&mut self, name: &str) -> R<Option<(String, String)>> {
        let Some(v) = self.take(name) else {
            return Ok(None);
        };
        let (a, b) = v
            .split_once(',')
            .ok_or_else(|| ParamError(format!("{name}={v:?}: want two actor codes, A,B")))?;
        Ok(Some((
            actor_code(name, a.trim())?,
            actor_code(name, b.trim())?,
        )))
    }

    /// A comma list of CAMEO roots, `01` to `20`.
    fn roots(&mut self, name: &str) -> R<Vec<String>> {
        let Some(v) = self.take(name) else {
            return Ok(Vec::new());
        };
        let mut roots = Vec::new();
        for r in v.split(',').map(str::trim) {
            match r.parse::<u8>() {
                Ok(n @ 1..=20) if r.len() == 2 => roots.push(format!("{n:02}")),
                _ => {
                    return err(format!(
                        "{name}={v:?}: want CAMEO roots 01 to 20, separated by commas"
                    ))
                }
            }
        }
        roots.sort();
        roots.dedup();
        Ok(roots)
    }

    fn letters(&mut self, name: &str, n: usize) -> R<Option<String>> {
        let Some(v) = self.take(name) else {
            return Ok(None);
        };
        if v.len() != n || !v.chars().all(|c| c.is_ascii_alphabetic()) {
            return err(format!("{name}={v:?}: want {n} letters"));
        }
        Ok(Some(v.to_ascii_uppercase()))
    }

    fn digits(&mut self, name: &str, min: usize, max: usize) -> R<Option<String>> {
        let Some(v) = self.take(name) else {
            return Ok(None);
        };
        if v.len() < min || v.len() > max || !v.chars().all(|c| c.is_ascii_digit()) {
            let want = if min == max {
                format!("{min} digits")
            } else {
                format!("{min} to {max} digits")
            };
            return err(format!("{name}={v:?}: want {want}"));
        }
        Ok(Some(v))
    }

    fn number<T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy>(
        &mut self,
        name: &str,
        min: T,
        max: T,
    ) -> R<Option<T>> {
        let Some(v) = self.take(name) else {
            return Ok(None);
        };
        match v.parse::<T>() {
            Ok(x) if x >= min && x <= max => Ok(Some(x)),
            _ => err(format!("{name}={v:?}: want a number from {min} to {max}")),
        }
    }

    fn choice<T: Copy>(&mut self, name: &str, options: &[(&str, T)], default: T) -> R<T> {
        let Some(v) = self.take(name) else {
            return Ok(default);
        };
        options
            .iter()
            .find(|(n, _)| *n == v)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
                ParamError(format!("{name}={v:?}: want one of {}", names.join(", ")))
            })
    }

    fn page(&mut self) -> R<(usize, usize)> {
        let limit = self.number("limit", 1, MAX_LIMIT)?.unwrap_or(DEFAULT_LIMIT);
        let offset = self.number("offset", 0, MAX_OFFSET)?.unwrap_or(0);
        Ok((limit, offset))
    }

    fn view(&mut self) -> R<View> {
        self.choice(
            "view",
            &[
                ("mentions", View::Mentions),
                ("aggregated", View::Aggregated),
            ],
            View::Mentions,
        )
    }

    /// The filters every query shares.
    pub fn filter(&mut self) -> R<Filter> {
        let from = self.date("from", false)?;
        let to = self.date("to", true)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return err("from is after to".into());
            }
        }
        let goldstein_min = self.number("goldstein_min", -10.0, 10.0)?;
        let goldstein_max = self.number("goldstein_max", -10.0, 10.0)?;
        let bbox = match self.take("bbox") {
            None => None,
            Some(v) => {
                let parts: Vec<f64> = v
                    .split(',')
                    .map(|p| p.trim().parse::<f64>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| {
                        ParamError(format!("bbox={v:?}: want min_lon,min_lat,max_lon,max_lat"))
                    })?;
                match parts[..] {
                    [x0, y0, x1, y1]
                        if (-180.0..=180.0).contains(&x0)
                            && (-180.0..=180.0).contains(&x1)
                            && (-90.0..=90.0).contains(&y0)
                            && (-90.0..=90.0).contains(&y1)
                            && x0 <= x1
                            && y0 <= y1 =>
                    {
                        Some([x0, y0, x1, y1])
                    }
                    _ => {
                        return err(format!(
                        "bbox={v:?}: want min_lon,min_lat,max_lon,max_lat in degrees, min <= max"
                    ))
                    }
                }
            }
        };
        let lang = match self.take("lang") {
            None => None,
            Some(l) => Some(
                dyad_text::Lang::from_code(&l)
                    .ok_or_else(|| ParamError(format!("lang={l:?}: want it, en, es, fr or de")))?
                    .code()
                    .to_string(),
            ),
        };
        Ok(Filter {
            from,
            to,
            source: self.code("source")?,
            target: self.code("target")?,
            actor: self.code("actor")?,
            country: self.letters("country", 3)?,
            role: self.letters("role", 3)?,
            cameo: self.digits("cameo", 1, 4)?,
            roots: self.roots("root")?,
            quad_class: self.number("quad_class", 1, 4)?,
            goldstein_min,
            goldstein_max,
            bbox,
            lang,
            doc: self.take("doc"),
            place: self.number("place", 1, i64::MAX)?,
            dyad: self.code_pair("dyad")?,
        })
    }

    /// `/api/events`.
    pub fn event_query(&mut self) -> R<(EventQuery, Format)> {
        let filter = self.filter()?;
        let view = self.view()?;
        let sort = self.choice(
            "sort",
            &[
                ("date", EventSort::DateAsc),
                ("-date", EventSort::DateDesc),
                ("goldstein", EventSort::GoldsteinAsc),
                ("-goldstein", EventSort::GoldsteinDesc),
                ("-mentions", EventSort::MentionsDesc),
            ],
            EventSort::DateAsc,
        )?;
        let format = self.choice(
            "format",
            &[
                ("json", Format::Json),
                ("csv", Format::Csv),
                ("gdelt", Format::Gdelt),
            ],
            Format::Json,
        )?;
        let (limit, offset) = self.page()?;
        Ok((
            EventQuery {
                filter,
                view,
                sort,
                limit,
                offset,
            },
            format,
        ))
    }

    /// `/api/dyads`.
    pub fn dyad_query(&mut self) -> R<DyadQuery> {
        let filter = self.filter()?;
        let view = self.view()?;
        let interval = self.choice(
            "interval",
            &[
                ("day", Interval::Day),
                ("week", Interval::Week),
                ("month", Interval::Month),
                ("all", Interval::All),
            ],
            Interval::Day,
        )?;
        let sort = self.choice(
            "sort",
            &[
                ("period", DyadSort::Period),
                ("-events", DyadSort::CountDesc),
                ("goldstein_sum", DyadSort::GoldsteinSumAsc),
                ("-goldstein_sum", DyadSort::GoldsteinSumDesc),
                ("goldstein_mean", DyadSort::GoldsteinMeanAsc),
                ("-goldstein_mean", DyadSort::GoldsteinMeanDesc),
            ],
            DyadSort::Period,
        )?;
        let (limit, offset) = self.page()?;
        Ok(DyadQuery {
            filter,
            view,
            interval,
            sort,
            limit,
            offset,
        })
    }

    /// `limit` with its own default and ceiling.
    pub fn limit(&mut self, default: usize, max: usize) -> R<usize> {
        Ok(self.number("limit", 1, max)?.unwrap_or(default))
    }

    /// A free text of at most `max` bytes.
    pub fn text(&mut self, name: &str, max: usize) -> R<Option<String>> {
        let v = self.take(name);
        if v.as_ref().is_some_and(|v| v.len() > max) {
            return err(format!("{name} is longer than {max} bytes"));
        }
        Ok(v)
    }

    /// `/api/timeline`: the filters and `interval=auto|day|week|month` (`None` for auto).
    pub fn timeline_query(&mut self) -> R<(Filter, Option<Interval>)> {
        let filter = self.filter()?;
        let interval = self.choice(
            "interval",
            &[
                ("auto", None),
                ("day", Some(Interval::Day)),
                ("week", Some(Interval::Week)),
                ("month", Some(Interval::Month)),
            ],
            None,
        )?;
        Ok((filter, interval))
    }

    /// `/api/actors`.
    pub fn actor_query(&mut self) -> R<ActorQuery> {
        let q = self.text("q", 100)?;
        let country = self.letters("country", 3)?;
        let (limit, offset) = self.page()?;
        Ok(ActorQuery {
            q,
            country,
            limit,
            offset,
        })
    }
}
